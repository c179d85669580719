//! Article pages: for every language version, a static page `<out-dir>/<id>/<lang>/index.html`
//! that link previews, search engines and reference managers can read, and an oEmbed response
//! `<out-dir>/<id>/<lang>/oembed.json` beside it.
//!
//! A page holds the whole article as plain HTML that reads well with no script, inside a
//! `<commentary-embed>` element as its fallback content, so the widget upgrades it where the
//! script runs. Its head carries Open Graph and Twitter card tags, `hreflang` alternates for every
//! version, Highwire `citation_*` tags (Google Scholar, Zotero), JSON-LD (`ScholarlyArticle`) and
//! an oEmbed discovery link. Every text and attribute value is escaped
//! ([`escape_text`](crate::domain::escape_text), [`escape_attr`](crate::domain::escape_attr)).

mod body;
mod head;
mod oembed;

use std::fs;
use std::path::{Path, PathBuf};

use super::commentary::describe_io;
use crate::domain::{
    embed_code, escape_attr, escape_text, safe_href, ui_strings, Document, Version,
};

pub use body::description;
pub(crate) use body::{render_blocks, render_inlines, render_notes};
pub use head::og_locale;
pub use oembed::oembed;

use body::article_html;
use head::head_tags;

/// Where the pages find the widget and the documents. Both end with `/`; both may be relative
/// to the page (`<out-dir>/<id>/<lang>/index.html`), but link previews, `og:url`, `hreflang` and
/// the embed code are only complete with absolute URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageOptions {
    /// Where `dist/` is served: the page loads `<embed_base>commentary-embed.js`.
    /// Default `../../../embed/` (the demo server's layout: pages under `/c/`, widget under
    /// `/embed/`).
    pub embed_base: String,
    /// Where `<out-dir>` is served: the document is `<document_base><id>.json`, the pages
    /// `<document_base><id>/<lang>/`. Default `../../`.
    pub document_base: String,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions {
            embed_base: "../../../embed/".into(),
            document_base: "../../".into(),
        }
    }
}

impl PageOptions {
    /// The options with both bases ending in `/`.
    pub fn normalized(mut self) -> Self {
        for base in [&mut self.embed_base, &mut self.document_base] {
            if !base.is_empty() && !base.ends_with('/') {
                base.push('/');
            }
        }
        self
    }

    pub(super) fn page_url(&self, id: &str, lang: &str) -> String {
        format!("{}{id}/{lang}/", self.document_base)
    }

    pub(super) fn document_url(&self, id: &str) -> String {
        format!("{}{id}.json", self.document_base)
    }

    pub(super) fn script_url(&self) -> String {
        format!("{}commentary-embed.js", self.embed_base)
    }
}

pub(super) fn is_absolute(url: &str) -> bool {
    safe_href(url).is_some_and(|u| u.starts_with("http"))
}

/// `options.page_url`, for the sibling modules.
pub(super) fn page_url(options: &PageOptions, id: &str, lang: &str) -> String {
    options.page_url(id, lang)
}

/// The URL that names this version: the publisher's `url`, else the page's own when absolute.
pub(super) fn canonical(
    document: &Document,
    version: &Version,
    options: &PageOptions,
) -> Option<String> {
    version.url.clone().or_else(|| {
        let own = options.page_url(&document.id, &version.lang);
        is_absolute(&own).then_some(own)
    })
}

/// The embed code for `version`: the script tag, the element, and a fallback link.
///
/// # Example
/// ```
/// # use commentary_embed::domain::Document;
/// # use commentary_embed::content::{embed_snippet, PageOptions};
/// # let doc: Document = serde_json::from_str(r#"{"schema":1,"id":"x-1","original_language":"en",
/// #   "published":"2026-06-17","authors":[{"given":"A","family":"B"}],
/// #   "publisher":{"name":"P","url":"https://p.example"},
/// #   "versions":[{"lang":"en","title":"A & B","url":"https://p.example/a","body":[{"paragraph":[{"text":"x"}]}]}]}"#).unwrap();
/// let options = PageOptions { embed_base: "https://cdn.example/embed/".into(), document_base: "https://cdn.example/c/".into() };
/// assert_eq!(embed_snippet(&doc, &doc.versions[0], &options), "\
/// <script type=\"module\" src=\"https://cdn.example/embed/commentary-embed.js\"></script>
/// <commentary-embed src=\"https://cdn.example/c/x-1.json\" lang=\"en\">
///   <a href=\"https://p.example/a\">A &amp; B</a>
/// </commentary-embed>");
/// ```
pub fn embed_snippet(document: &Document, version: &Version, options: &PageOptions) -> String {
    let href = canonical(document, version, options)
        .unwrap_or_else(|| options.page_url(&document.id, &version.lang));
    embed_code(
        &options.script_url(),
        &options.document_url(&document.id),
        &version.lang,
        &href,
        &version.title,
    )
}

/// The readable, crawlable page of `version` of `document`: [`head_tags`] and [`article_html`]
/// inside the `<commentary-embed>` element that upgrades it, with the embed code for no-script
/// readers.
pub fn article_page(document: &Document, version: &Version, options: &PageOptions) -> String {
    let ui = ui_strings(&version.lang);
    let head = head_tags(document, version, options);
    let article = article_html(document, version, options);
    // Shown with no script; the widget's own Embed control (`embed-code`) replaces it.
    let snippet = embed_snippet(document, version, options);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{head}\
<style>{PAGE_CSS}</style>\n</head>\n<body>\n<main>\n\
<commentary-embed src=\"{src}\" lang=\"{lang}\" share-url=\"canonical\" embed-code>\n<article class=\"fallback\">\n{article}\
<details class=\"embed\">\n<summary>{embed}</summary>\n<p>{hint}</p>\n\
<p>{script_form}</p>\n<textarea readonly rows=\"5\" aria-label=\"{embed_attr}\">{snippet}</textarea>\n\
<p>{frame_form}</p>\n<textarea readonly rows=\"5\" aria-label=\"{embed_attr}\" data-form=\"frame\">{frame}</textarea>\n</details>\n\
</article>\n</commentary-embed>\n</main>\n</body>\n</html>\n",
        lang = escape_attr(&version.lang),
        src = escape_attr(&options.document_url(&document.id)),
        embed = escape_text(ui.embed),
        embed_attr = escape_attr(ui.embed),
        hint = escape_text(ui.embed_hint),
        snippet = escape_text(&snippet),
        // The framed form too (CONTRACTS §4), for sites that allow no script.
        script_form = escape_text(ui.embed_script),
        frame_form = escape_text(ui.embed_frame),
        frame = escape_text(&crate::content::embed_page::embed_frame_snippet(document, version, options)),
    )
}

/// The page's own few rules: a readable measure with no script and no widget, from
/// `styles/article-page.css` (not part of the widget's stylesheet), inlined in each page's
/// `<style>`: an article page loads nothing but the widget. The file is one rule per line, as
/// compact as the page carries it.
const PAGE_CSS: &str = include_str!("../../../styles/article-page.css");

/// Writes the page, the oEmbed response and the embed page (`embed/index.html`) of every version
/// of `document` under `<out_dir>/<id>/<lang>/`, each atomically; returns the pages written.
///
/// # Errors
/// A message naming the file that could not be written.
pub fn write_pages(
    document: &Document,
    out_dir: &Path,
    options: &PageOptions,
) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for version in &document.versions {
        let dir = out_dir.join(&document.id).join(&version.lang);
        fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: cannot create: {}", dir.display(), describe_io(&e)))?;
        let page = dir.join("index.html");
        write_atomic(&page, &article_page(document, version, options))?;
        write_atomic(
            &dir.join("oembed.json"),
            &oembed(document, version, options),
        )?;
        // The framed embed (CONTRACTS §4): <dir>/embed/index.html.
        crate::content::embed_page::write_embed_page(&dir, document, version, options)?;
        written.push(page);
    }
    Ok(written)
}

/// [`write_atomic`](super::build::write_atomic), with the path in the message.
pub(super) fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    super::build::write_atomic(path, text)
        .map_err(|e| format!("{}: cannot write: {}", path.display(), describe_io(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        serde_json::from_str(
            r#"{"schema":1,"id":"x-1","series":"Commentary","number":"2026/36","original_language":"tr",
            "published":"2026-06-17","authors":[{"given":"İlaha","family":"Khantamirova"},{"given":"","family":"AVİM \"Desk\""}],
            "publisher":{"name":"Center <for> Eurasian Studies","short_name":"AVİM","url":"https://avim.org.tr"},
            "versions":[
              {"lang":"tr","title":"Türk & \"Devletleri\"","body":[{"paragraph":[{"text":"Bir"}]}]},
              {"lang":"en","title":"</title><script>alert(1)</script>","url":"https://p.example/en?a=1&b=2",
               "published":"2026-06-26","translator":"T. R.",
               "body":[{"heading":{"level":2,"content":[{"text":"Part"}]}},
                       {"paragraph":[{"text":"One <b>"},{"note_ref":{"note":1,"occurrence":1}},
                          {"link":{"href":"javascript:alert(1)","content":[{"text":"bad"}]}},
                          {"link":{"href":"https://ok.example/?q=\"x\"","content":[{"emphasis":[{"text":"good"}]}]}}]}],
               "notes":[{"number":1,"label":"a","references":1,"content":[{"paragraph":[{"lang":{"lang":"ru","content":[{"text":"Ж"}]}}]}]}]}]}"#,
        )
        .expect("a valid test document")
    }

    #[test]
    fn locales() {
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("az-Latn-AZ"), "az_AZ");
        assert_eq!(og_locale("de"), "de");
    }

    /// The links to the other versions name each by the widget's own table of autonyms (one
    /// table for widget and pages), an unknown language by its tag; notes and back-links carry
    /// the widget's anchors and marks.
    #[test]
    fn other_versions_by_their_own_names_and_the_widgets_anchors() {
        let document = doc();
        let page = article_page(&document, &document.versions[1], &PageOptions::default());
        assert!(page.contains("lang=\"tr\">Türkçe</a>"), "{page}");
        let mut twice = document.clone();
        twice.versions[1].notes[0].references = 2;
        let mut notes = String::new();
        render_notes(&twice.versions[1].notes, ui_strings("en"), &mut notes);
        assert!(notes.contains("<li id=\"note-1\">"), "{notes}");
        assert!(
            notes.contains("href=\"#ref-1-1\" aria-label=\"Back to the text\">a</a>"),
            "{notes}"
        );
        assert!(
            notes.contains("href=\"#ref-1-2\" aria-label=\"Back to the text\">b</a>"),
            "{notes}"
        );
    }

    #[test]
    fn the_page_escapes_every_value_and_drops_unsafe_links() {
        let d = doc();
        let page = article_page(&d, &d.versions[1], &PageOptions::default());
        assert!(!page.contains("<script>alert"), "title is escaped");
        assert!(page
            .contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; | AVİM</title>"));
        assert!(page.contains("<p>One &lt;b&gt;<sup><a class=\"note-ref\" id=\"ref-1-1\" href=\"#note-1\">1</a></sup>bad<a href=\"https://ok.example/?q=&quot;x&quot;\"><em>good</em></a></p>"));
        assert!(!page.contains("javascript:"));
        assert!(page.contains("<meta name=\"citation_author\" content=\"AVİM &quot;Desk&quot;\">"));
        assert!(page.contains("<meta name=\"citation_author\" content=\"Khantamirova, İlaha\">"));
        assert!(page.contains("<meta name=\"citation_publication_date\" content=\"2026/06/26\">"));
        assert!(page.contains("<link rel=\"canonical\" href=\"https://p.example/en?a=1&amp;b=2\">"));
        assert!(page.contains("<link rel=\"alternate\" hreflang=\"tr\" href=\"../../x-1/tr/\">"));
        assert!(
            page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"../../x-1/tr/\">")
        );
        assert!(page.contains("<commentary-embed src=\"../../x-1.json\" lang=\"en\""));
        assert!(page.contains(
            "<script type=\"module\" src=\"../../../embed/commentary-embed.js\"></script>"
        ));
        assert!(page.contains("<span lang=\"ru\">Ж</span>"));
        assert!(page.contains("<h2>Part</h2>"));
        // The JSON-LD holds the title without closing its element.
        let start = page.find("application/ld+json\">").expect("JSON-LD") + 21;
        let end = start + page[start..].find("</script>").expect("its end");
        let ld: serde_json::Value = serde_json::from_str(&page[start..end]).expect("JSON");
        assert_eq!(ld["headline"], "</title><script>alert(1)</script>");
        assert_eq!(ld["@type"], "ScholarlyArticle");
        assert_eq!(ld["translator"]["name"], "T. R.");
    }

    #[test]
    fn without_a_publisher_url_the_canonical_is_the_page_when_absolute() {
        let d = doc();
        let relative = article_page(&d, &d.versions[0], &PageOptions::default());
        assert!(!relative.contains("rel=\"canonical\""));
        assert!(!relative.contains("og:url"));
        let options = PageOptions {
            embed_base: "https://cdn.example/embed".into(),
            document_base: "https://cdn.example/c".into(),
        }
        .normalized();
        let absolute = article_page(&d, &d.versions[0], &options);
        assert!(
            absolute.contains("<link rel=\"canonical\" href=\"https://cdn.example/c/x-1/tr/\">")
        );
        assert!(absolute
            .contains("<meta property=\"og:url\" content=\"https://cdn.example/c/x-1/tr/\">"));
        assert!(absolute.contains("<meta property=\"og:locale:alternate\" content=\"en_US\">"));
    }

    #[test]
    fn oembed_is_rich_with_the_framed_embed_code() {
        let d = doc();
        let options = PageOptions {
            embed_base: "https://cdn.example/embed/".into(),
            document_base: "https://cdn.example/c/".into(),
        };
        let value: serde_json::Value =
            serde_json::from_str(&oembed(&d, &d.versions[0], &options)).expect("JSON");
        assert_eq!(value["type"], "rich");
        assert_eq!(value["version"], "1.0");
        // What WordPress keeps from an untrusted provider: a blockquote, then the frame.
        assert_eq!(
            value["html"],
            "<blockquote class=\"wp-embedded-content\"><a href=\"https://cdn.example/c/x-1/tr/\">Türk &amp; \"Devletleri\"</a></blockquote>\n<iframe class=\"wp-embedded-content\" sandbox=\"allow-scripts\" security=\"restricted\" src=\"https://cdn.example/c/x-1/tr/embed/\" width=\"720\" height=\"900\" title=\"Türk &amp; &quot;Devletleri&quot;\" frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>"
        );
        assert_eq!(
            (value["width"].as_u64(), value["height"].as_u64()),
            (Some(720), Some(900))
        );
        // The link card (issue 15), absolute with an absolute base.
        assert_eq!(
            value["thumbnail_url"],
            "https://cdn.example/c/x-1/tr/card.png"
        );
        assert_eq!(
            (
                value["thumbnail_width"].as_u64(),
                value["thumbnail_height"].as_u64()
            ),
            (Some(1200), Some(630))
        );
        let relative: serde_json::Value =
            serde_json::from_str(&oembed(&d, &d.versions[0], &PageOptions::default()))
                .expect("JSON");
        assert!(
            relative.get("thumbnail_url").is_none(),
            "no relative thumbnail"
        );
        assert_eq!(value["author_name"], "İlaha Khantamirova, AVİM \"Desk\"");
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        let d = doc();
        assert_eq!(description(&d.versions[0]), "Bir");
        assert_eq!(description(&d.versions[1]), "One <b>badgood");
    }
}

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

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::commentary::describe_io;
use crate::domain::{
    byline, embed_code, escape_attr, escape_text, primary_subtag, safe_href, script_json,
    ui_strings, Block, Document, Inline, Note, UiStrings, Version,
};

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

fn is_absolute(url: &str) -> bool {
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

/// The `og:locale` form of a language tag: `en-GB` → `en_GB`; a bare language gets the territory
/// its readers most likely share (`en` → `en_US`, `tr` → `tr_TR`, `ru` → `ru_RU`, `az` →
/// `az_AZ`), any other stays the bare language.
pub fn og_locale(tag: &str) -> String {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    if let Some(region) = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
    {
        return format!("{language}_{}", region.to_ascii_uppercase());
    }
    match language.as_str() {
        "en" => "en_US".into(),
        "tr" => "tr_TR".into(),
        "ru" => "ru_RU".into(),
        "az" => "az_AZ".into(),
        _ => language,
    }
}

/// A language's own name for itself, for the links to the other versions.
pub fn language_name(tag: &str) -> String {
    match primary_subtag(tag).as_str() {
        "en" => "English".into(),
        "tr" => "Türkçe".into(),
        "ru" => "Русский".into(),
        "az" => "Azərbaycanca".into(),
        _ => tag.to_owned(),
    }
}

/// The plain text of inlines (for descriptions): note references dropped.
fn plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c) | Inline::Strong(c) => plain_text(c, out),
            Inline::Link { content, .. } | Inline::Lang { content, .. } => plain_text(content, out),
            Inline::NoteRef { .. } => {}
            Inline::LineBreak => out.push(' '),
        }
    }
}

/// The description of a version: its first paragraph of at least 80 characters that is not
/// wholly in emphasis (an editor's note such as "This is a translation of …"), else its first
/// paragraph, cut at a word to at most 200 characters.
pub fn description(version: &Version) -> String {
    let paragraphs: Vec<(bool, String)> = version
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(inlines) => {
                let note = matches!(inlines.as_slice(), [Inline::Emphasis(_)]);
                let mut text = String::new();
                plain_text(inlines, &mut text);
                Some((note, text.split_whitespace().collect::<Vec<_>>().join(" ")))
            }
            _ => None,
        })
        .collect();
    let text = paragraphs
        .iter()
        .find(|(note, p)| !note && p.chars().count() >= 80)
        .or(paragraphs.first())
        .map(|(_, p)| p.clone())
        .unwrap_or_default();
    if text.chars().count() <= 200 {
        return text;
    }
    let mut cut = String::new();
    for word in text.split(' ') {
        if cut.chars().count() + word.chars().count() + 1 > 199 {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    format!("{cut}…")
}

pub(super) fn render_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(&escape_text(t)),
            Inline::Emphasis(c) => wrap(out, "<em>", c, "</em>"),
            Inline::Strong(c) => wrap(out, "<strong>", c, "</strong>"),
            Inline::Code(t) => {
                out.push_str("<code>");
                out.push_str(&escape_text(t));
                out.push_str("</code>");
            }
            Inline::Link { href, content } => match safe_href(href) {
                Some(href) => wrap(
                    out,
                    &format!("<a href=\"{}\">", escape_attr(&href)),
                    content,
                    "</a>",
                ),
                None => render_inlines(content, out),
            },
            Inline::Lang { lang, content } => wrap(
                out,
                &format!("<span lang=\"{}\">", escape_attr(lang)),
                content,
                "</span>",
            ),
            Inline::NoteRef { note, occurrence } => out.push_str(&format!(
                "<sup><a class=\"note-ref\" id=\"ref-{note}-{occurrence}\" href=\"#note-{note}\">{note}</a></sup>"
            )),
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
}

fn wrap(out: &mut String, open: &str, content: &[Inline], close: &str) {
    out.push_str(open);
    render_inlines(content, out);
    out.push_str(close);
}

pub(super) fn render_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(c) => {
                wrap(out, "<p>", c, "</p>");
                out.push('\n');
            }
            Block::Heading { level, content } => {
                let level = (*level).clamp(2, 6);
                wrap(
                    out,
                    &format!("<h{level}>"),
                    content,
                    &format!("</h{level}>"),
                );
                out.push('\n');
            }
            Block::Quote(blocks) => {
                out.push_str("<blockquote>\n");
                render_blocks(blocks, out);
                out.push_str("</blockquote>\n");
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let open = match (ordered, start) {
                    (true, Some(s)) if *s != 1 => format!("<ol start=\"{s}\">"),
                    (true, _) => "<ol>".into(),
                    (false, _) => "<ul>".into(),
                };
                out.push_str(&open);
                out.push('\n');
                for item in items {
                    out.push_str("<li>");
                    render_blocks(item, out);
                    out.push_str("</li>\n");
                }
                out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
            }
            Block::Code(text) => {
                out.push_str("<pre><code>");
                out.push_str(&escape_text(text));
                out.push_str("</code></pre>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
}

pub(super) fn render_notes(notes: &[Note], ui: &UiStrings, out: &mut String) {
    if notes.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<section class=\"notes\">\n<h2>{}</h2>\n<ol>\n",
        escape_text(ui.notes)
    ));
    for note in notes {
        out.push_str(&format!("<li id=\"note-{}\">", note.number));
        for occurrence in 1..=note.references {
            out.push_str(&format!(
                "<a class=\"back\" href=\"#ref-{}-{occurrence}\" aria-label=\"{}\">↑</a> ",
                note.number,
                escape_attr(ui.back_to_text)
            ));
        }
        render_blocks(&note.content, out);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

/// A `<meta>` line; `kind` is `name` or `property`.
fn meta(out: &mut String, kind: &str, key: &str, content: &str) {
    out.push_str(&format!(
        "<meta {kind}=\"{}\" content=\"{}\">\n",
        escape_attr(key),
        escape_attr(content)
    ));
}

/// The readable, crawlable page of `version` of `document`.
pub fn article_page(document: &Document, version: &Version, options: &PageOptions) -> String {
    let ui = ui_strings(&version.lang);
    let by = byline(document, version);
    let description = description(version);
    let canonical = canonical(document, version, options);
    let date = version.date(document);
    let publisher = &document.publisher;
    let site = publisher.short_name.as_deref().unwrap_or(&publisher.name);

    let mut head = String::new();
    head.push_str(&format!(
        "<title>{} | {}</title>\n",
        escape_text(&version.title),
        escape_text(site)
    ));
    meta(&mut head, "name", "description", &description);
    // Rights (issue 15): licence link, noindex when withdrawn.
    head.push_str(&super::page_rights::head(document, version));
    if let Some(url) = &canonical {
        head.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            escape_attr(url)
        ));
    }
    for other in &document.versions {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            escape_attr(&other.lang),
            escape_attr(&options.page_url(&document.id, &other.lang))
        ));
    }
    if let Some(original) = document.original() {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
            escape_attr(&options.page_url(&document.id, &original.lang))
        ));
    }
    head.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}oembed.json\" title=\"{}\">\n",
        escape_attr(&options.page_url(&document.id, &version.lang)),
        escape_attr(&version.title)
    ));
    // Open Graph and Twitter cards.
    meta(&mut head, "property", "og:type", "article");
    meta(&mut head, "property", "og:title", &version.title);
    meta(&mut head, "property", "og:description", &description);
    meta(&mut head, "property", "og:site_name", &publisher.name);
    if let Some(url) = &canonical {
        meta(&mut head, "property", "og:url", url);
    }
    meta(
        &mut head,
        "property",
        "og:locale",
        &og_locale(&version.lang),
    );
    for other in document.versions.iter().filter(|v| v.lang != version.lang) {
        meta(
            &mut head,
            "property",
            "og:locale:alternate",
            &og_locale(&other.lang),
        );
    }
    meta(
        &mut head,
        "property",
        "article:published_time",
        &date.to_string(),
    );
    for author in &document.authors {
        meta(
            &mut head,
            "property",
            "article:author",
            &author.display_name(),
        );
    }
    // The link card (issue 15): og:image and a large Twitter card.
    head.push_str(&super::card::card_meta(document, version, options));
    meta(&mut head, "name", "twitter:title", &version.title);
    meta(&mut head, "name", "twitter:description", &description);
    // Highwire Press tags: what Google Scholar and Zotero read.
    meta(&mut head, "name", "citation_title", &version.title);
    for author in &document.authors {
        let name = if author.given.is_empty() {
            author.family.clone()
        } else {
            format!("{}, {}", author.family, author.given)
        };
        meta(&mut head, "name", "citation_author", &name);
    }
    meta(
        &mut head,
        "name",
        "citation_publication_date",
        &date.to_string().replace('-', "/"),
    );
    meta(&mut head, "name", "citation_publisher", &publisher.name);
    meta(
        &mut head,
        "name",
        "citation_technical_report_institution",
        &publisher.name,
    );
    if let Some(number) = &document.number {
        meta(
            &mut head,
            "name",
            "citation_technical_report_number",
            number,
        );
    }
    meta(&mut head, "name", "citation_language", &version.lang);
    if let Some(url) = &canonical {
        meta(&mut head, "name", "citation_fulltext_html_url", url);
    }
    // JSON-LD.
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": version.title,
        "name": version.title,
        "inLanguage": version.lang,
        "datePublished": date.to_string(),
        "description": description,
        "author": document.authors.iter().map(|a| json!({
            "@type": "Person",
            "name": a.display_name(),
            "givenName": a.given,
            "familyName": a.family,
        })).collect::<Vec<_>>(),
        "publisher": {
            "@type": "Organization",
            "name": publisher.name,
            "url": publisher.url,
        },
    });
    if let Some(url) = &canonical {
        ld["url"] = json!(url);
    }
    super::page_rights::json_ld(&mut ld, document, version);
    if let Some(translator) = &version.translator {
        ld["translator"] = json!({ "@type": "Person", "name": translator });
    }
    if let (Some(series), Some(number)) = (&document.series, &document.number) {
        ld["isPartOf"] =
            json!({ "@type": "PublicationIssue", "name": series, "issueNumber": number });
    }
    head.push_str(&format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        script_json(&ld.to_string())
    ));
    head.push_str(&format!(
        "<script type=\"module\" src=\"{}\"></script>\n",
        escape_attr(&options.script_url())
    ));

    // The article, as the widget's fallback.
    let mut article = String::new();
    article.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"byline\">{} · {} · <time datetime=\"{}\">{}</time>{}</p>\n",
        escape_text(&version.title),
        escape_text(&by.authors),
        escape_text(&by.publisher),
        escape_attr(&by.date_iso),
        escape_text(&by.date),
        by.series
            .as_deref()
            .map(|s| format!(" · {}", escape_text(s)))
            .unwrap_or_default()
    ));
    let others: Vec<String> = document
        .versions
        .iter()
        .filter(|v| v.lang != version.lang)
        .map(|v| {
            format!(
                "<a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a>",
                escape_attr(&options.page_url(&document.id, &v.lang)),
                escape_attr(&v.lang),
                escape_attr(&v.lang),
                escape_text(&language_name(&v.lang))
            )
        })
        .collect();
    if !others.is_empty() {
        article.push_str(&format!(
            "<p class=\"versions\">{}</p>\n",
            others.join(" · ")
        ));
    }
    // Rights (issue 15): the withdrawal or the corrections; a withdrawn version has no body.
    article.push_str(&super::page_rights::notices_html(document, version));
    render_blocks(&version.body, &mut article);
    render_notes(&version.notes, ui, &mut article);
    article.push_str(&super::page_rights::license_html(
        document, version, options,
    ));
    if let Some(url) = version.url.as_deref().and_then(safe_href) {
        article.push_str(&format!(
            "<p class=\"original\">{} <a href=\"{}\">{}</a></p>\n",
            escape_text(ui.read_original),
            escape_attr(&url),
            escape_text(&publisher.name)
        ));
    }

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
        frame = escape_text(&super::embed_page::embed_frame_snippet(document, version, options)),
    )
}

/// The page's own few rules: a readable measure with no script and no widget.
const PAGE_CSS: &str = "body{margin:0;font:1.0625rem/1.6 Charter,\"Bitstream Charter\",\"Sitka Text\",Cambria,\"Noto Serif\",Georgia,serif;color:#1d2125;background:#fff}\
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}\
h1{font-size:1.9rem;line-height:1.2}.byline,.versions,.original,.notes{color:#545b63;font-size:.95rem}\
a{color:#0b5394}pre{overflow-x:auto}.notes li{margin:.4rem 0}.notes li p{margin:0}\
.embed{margin-top:2rem;font-size:.95rem}.embed textarea{box-sizing:border-box;width:100%;font:.85rem/1.4 ui-monospace,monospace}\
@media (prefers-color-scheme:dark){body{color:#e4e6e9;background:#15181c}a{color:#8ab8f0}.byline,.versions,.original,.notes{color:#a9b0b8}}";

/// The oEmbed response (`type: rich`) of `version`: its `html` is the framed embed code (a
/// blockquote linking the article page, then the frame of the embed page; see
/// [`embed_frame_snippet`](super::embed_page::embed_frame_snippet)), which a CMS that keeps only
/// `<blockquote>` and `<iframe>` from an untrusted provider (WordPress) accepts unchanged. The
/// script form stays the article page's embed code ([`embed_snippet`]).
pub fn oembed(document: &Document, version: &Version, options: &PageOptions) -> String {
    let authors: Vec<String> = document.authors.iter().map(|a| a.display_name()).collect();
    let mut value = json!({
        "version": "1.0",
        "type": "rich",
        "title": version.title,
        "author_name": authors.join(", "),
        "provider_name": document.publisher.name,
        "provider_url": document.publisher.url,
        "html": super::embed_page::embed_frame_snippet(document, version, options),
        "width": crate::domain::FRAME_WIDTH,
        "height": crate::domain::FRAME_HEIGHT,
    });
    // The link card (issue 15), when the base is absolute.
    if let Some((url, width, height)) = super::embed_page::link_card(document, version, options) {
        value["thumbnail_url"] = json!(url);
        value["thumbnail_width"] = json!(width);
        value["thumbnail_height"] = json!(height);
    }
    value.to_string()
}

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
        super::embed_page::write_embed_page(&dir, document, version, options)?;
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
    fn locales_and_language_names() {
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("az-Latn-AZ"), "az_AZ");
        assert_eq!(og_locale("de"), "de");
        assert_eq!(language_name("tr"), "Türkçe");
        assert_eq!(language_name("xx"), "xx");
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
        // The link card beside the page, with its size.
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
        // No thumbnail with relative bases: oEmbed wants full URLs.
        let relative: serde_json::Value =
            serde_json::from_str(&oembed(&d, &d.versions[0], &PageOptions::default()))
                .expect("JSON");
        assert!(relative.get("thumbnail_url").is_none());
        assert_eq!(value["author_name"], "İlaha Khantamirova, AVİM \"Desk\"");
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        let d = doc();
        assert_eq!(description(&d.versions[0]), "Bir");
        assert_eq!(description(&d.versions[1]), "One <b>badgood");
    }
}

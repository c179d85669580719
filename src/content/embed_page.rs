//! Embed pages (CONTRACTS §4): for every version, `<out-dir>/<id>/<lang>/embed/index.html`, the
//! page a host frames when it allows no script of ours (WordPress, for one), and the framed
//! embed code that names it (the `html` of `oembed.json`).
//!
//! The page is the widget alone, filling its frame: no page chrome, the same loader as every
//! partner page (`<embed-base>commentary-embed.js`), and the frame script
//! (`<embed-base>commentary-frame.js`, `public/commentary-frame.js`) that tells the parent how
//! tall the page is, by WordPress's protocol and by a generic message. Neither script is
//! inline, so the page works under a Content Security Policy without `'unsafe-inline'` for
//! scripts. Its fallback content is the article itself, so opened directly (or with no script,
//! or when the document cannot be loaded) it reads as a plain page; it is marked `noindex`, its
//! canonical being the article page (or the publisher's own URL of the version).
//!
//! The page sits one folder below the article page, so relative `--embed-base` and
//! `--document-base` values get one more `../` here.

use std::path::Path;

use super::pages::{canonical, render_blocks, render_notes, write_atomic, PageOptions};
use crate::domain::{
    embed_page_url, escape_attr, escape_text, frame_code, safe_href, ui_strings, Document, Markup,
    Version,
};

/// The file name of the frame script in `dist/` (and so under the embed base).
pub const FRAME_SCRIPT: &str = "commentary-frame.js";

/// `base` as seen from one folder deeper: a relative base gets one more `../`; an absolute URL
/// or a path from the host's root stays as it is.
fn one_deeper(base: &str) -> String {
    let absolute = base.starts_with('/') || base.contains("://");
    if absolute {
        base.to_owned()
    } else {
        format!("../{base}")
    }
}

/// The options as the embed page (one folder below the article page) uses them.
fn frame_options(options: &PageOptions) -> PageOptions {
    PageOptions {
        embed_base: one_deeper(&options.embed_base),
        document_base: one_deeper(&options.document_base),
    }
}

/// The framed embed code of `version`: the blockquote linking the article page, then the frame
/// of the embed page (see [`frame_code`]). Complete only with an absolute `--document-base`.
pub fn embed_frame_snippet(
    document: &Document,
    version: &Version,
    options: &PageOptions,
) -> String {
    let page = options.page_url(&document.id, &version.lang);
    frame_code(&embed_page_url(&page), &page, &version.title)
}

/// The version's link card for `oembed.json`'s `thumbnail_url`: `<document-base><id>/<lang>/card.png`
/// (1200×630, written by `commentary build` beside every article page, issue 15), when the
/// document base is absolute (a relative thumbnail would resolve against the consumer's page).
pub fn link_card(
    document: &Document,
    version: &Version,
    options: &PageOptions,
) -> Option<(String, u32, u32)> {
    let page = super::pages::page_url(options, &document.id, &version.lang);
    super::pages::is_absolute(&page).then(|| {
        (
            format!("{page}card.png"),
            super::CARD_WIDTH,
            super::CARD_HEIGHT,
        )
    })
}

/// The embed page of `version` of `document`.
pub fn embed_page(document: &Document, version: &Version, options: &PageOptions) -> String {
    let deeper = frame_options(options);
    let ui = ui_strings(&version.lang);
    let publisher = &document.publisher;
    let site = publisher.short_name.as_deref().unwrap_or(&publisher.name);
    let article_page = deeper.page_url(&document.id, &version.lang);
    let canonical = canonical(document, version, options).unwrap_or_else(|| article_page.clone());

    let mut article = Markup::PAGE.title_and_byline(document, version, Some("byline"));
    // Rights (issue 15): the withdrawal or the corrections, as the article page says them; a
    // withdrawn version has no body. (Embed pages always carry `noindex`.)
    article.push_str(&super::page_rights::notices_html(document, version));
    render_blocks(&version.body, &mut article);
    render_notes(&version.notes, ui, &mut article);
    let original = version
        .url
        .as_deref()
        .and_then(safe_href)
        .unwrap_or_else(|| article_page.clone());
    article.push_str(&format!(
        "<p class=\"original\">{} <a href=\"{}\">{}</a></p>\n",
        escape_text(ui.read_original),
        escape_attr(&original),
        escape_text(&publisher.name)
    ));

    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} | {site}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
<link rel=\"canonical\" href=\"{canonical}\">\n\
<script type=\"module\" src=\"{loader}\"></script>\n<script type=\"module\" src=\"{frame}\"></script>\n\
<style>{FRAME_CSS}</style>\n</head>\n<body>\n\
<commentary-embed src=\"{src}\" lang=\"{lang}\" share-url=\"canonical\" loading=\"eager\" embed-code data-commentary-id=\"{id}\">\n\
<article class=\"fallback\">\n{article}</article>\n</commentary-embed>\n</body>\n</html>\n",
        lang = escape_attr(&version.lang),
        title = escape_text(&version.title),
        site = escape_text(site),
        canonical = escape_attr(&canonical),
        loader = escape_attr(&deeper.script_url()),
        frame = escape_attr(&format!("{}{FRAME_SCRIPT}", deeper.embed_base)),
        src = escape_attr(&deeper.document_url(&document.id)),
        id = escape_attr(&document.id),
    )
}

/// The frame's own few rules: no margins (the widget fills the frame), a body that holds its
/// children's margins (`flow-root`: the height the frame script measures is all of it), a
/// transparent page (the widget paints its own background), and a readable fallback when
/// opened directly.
const FRAME_CSS: &str = "html,body{margin:0;padding:0;background:transparent}body{display:flow-root}\
commentary-embed{display:block}\
.fallback{max-width:42rem;margin:0 auto;padding:1rem;font:1.0625rem/1.6 Charter,\"Bitstream Charter\",\"Sitka Text\",Cambria,\"Noto Serif\",Georgia,serif;color:#1d2125;background:#fff}\
.fallback h1{font-size:1.6rem;line-height:1.2}.fallback .byline,.fallback .original,.fallback .notes{color:#545b63;font-size:.95rem}\
.fallback a{color:#0b5394}.fallback pre{overflow-x:auto}\
.ce-frame-notice{font:.9rem/1.4 system-ui,sans-serif;margin:.5rem 1rem;padding:.6rem .8rem;border:1px solid #8a9199;border-radius:.4rem;background:#fff;color:#1d2125}\
.ce-frame-notice input{box-sizing:border-box;width:100%;margin:.3rem 0;font:inherit}\
@media (prefers-color-scheme:dark){.fallback,.ce-frame-notice{color:#e4e6e9;background:#15181c}.fallback a{color:#8ab8f0}.fallback .byline,.fallback .original,.fallback .notes{color:#a9b0b8}}";

/// Writes the embed page of `version` into `<dir>/embed/index.html` (`dir` being the version's
/// folder `<out-dir>/<id>/<lang>/`), atomically.
///
/// # Errors
/// A message naming the folder or file that could not be written.
pub(super) fn write_embed_page(
    dir: &Path,
    document: &Document,
    version: &Version,
    options: &PageOptions,
) -> Result<(), String> {
    let folder = dir.join("embed");
    std::fs::create_dir_all(&folder).map_err(|e| {
        format!(
            "{}: cannot create: {}",
            folder.display(),
            super::commentary::describe_io(&e)
        )
    })?;
    write_atomic(
        &folder.join("index.html"),
        &embed_page(document, version, options),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        serde_json::from_str(
            r#"{"schema":1,"id":"x-1","original_language":"tr",
            "published":"2026-06-17","authors":[{"given":"İlaha","family":"Khantamirova"}],
            "publisher":{"name":"Center <for> Eurasian Studies","short_name":"AVİM","url":"https://avim.org.tr"},
            "versions":[
              {"lang":"tr","title":"Türk & \"Devletleri\"","body":[{"paragraph":[{"text":"Bir"}]}]},
              {"lang":"en","title":"</title><script>alert(1)</script>","url":"https://p.example/en?a=1&b=2",
               "body":[{"paragraph":[{"text":"One <b>"},{"note_ref":{"note":1,"occurrence":1}}]}],
               "notes":[{"number":1,"label":"a","references":1,"content":[{"paragraph":[{"text":"N"}]}]}]}]}"#,
        )
        .expect("a valid test document")
    }

    #[test]
    fn relative_bases_get_one_more_level_and_absolute_ones_stay() {
        let d = doc();
        let page = embed_page(&d, &d.versions[0], &PageOptions::default());
        assert!(page.contains(
            "<script type=\"module\" src=\"../../../../embed/commentary-embed.js\"></script>"
        ));
        assert!(page.contains(
            "<script type=\"module\" src=\"../../../../embed/commentary-frame.js\"></script>"
        ));
        assert!(page.contains("<commentary-embed src=\"../../../x-1.json\" lang=\"tr\""));
        // No publisher URL, relative base: the canonical is the article page, one level up.
        assert!(page.contains("<link rel=\"canonical\" href=\"../../../x-1/tr/\">"));
        let options = PageOptions {
            embed_base: "https://cdn.example/embed/".into(),
            document_base: "/c/".into(),
        };
        let page = embed_page(&d, &d.versions[0], &options);
        assert!(page.contains("src=\"https://cdn.example/embed/commentary-frame.js\""));
        assert!(page.contains("<commentary-embed src=\"/c/x-1.json\""));
    }

    #[test]
    fn the_page_is_the_widget_alone_with_the_article_as_fallback() {
        let d = doc();
        let page = embed_page(&d, &d.versions[1], &PageOptions::default());
        assert!(!page.contains("<script>alert"), "the title is escaped");
        assert!(page
            .contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; | AVİM</title>"));
        assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(page.contains("<link rel=\"canonical\" href=\"https://p.example/en?a=1&amp;b=2\">"));
        assert!(page.contains("<p>One &lt;b&gt;<sup><a class=\"note-ref\""));
        assert!(page.contains("<li id=\"note-1\">"));
        assert!(page.contains("data-commentary-id=\"x-1\""));
        assert!(page.contains("loading=\"eager\""));
        // No inline script: only the two modules from the embed base.
        assert_eq!(page.matches("<script").count(), 2);
        assert_eq!(page.matches("<script type=\"module\" src=").count(), 2);
        // No page chrome: no version links, no embed disclosure of the article page.
        assert!(!page.contains("class=\"versions\""));
        assert!(!page.contains("<details"));
    }

    #[test]
    fn the_framed_snippet_names_the_embed_page_and_the_article_page() {
        let d = doc();
        let options = PageOptions {
            embed_base: "https://cdn.example/embed/".into(),
            document_base: "https://cdn.example/c/".into(),
        };
        let code = embed_frame_snippet(&d, &d.versions[0], &options);
        assert!(code.starts_with("<blockquote class=\"wp-embedded-content\"><a href=\"https://cdn.example/c/x-1/tr/\">Türk &amp; \"Devletleri\"</a></blockquote>\n<iframe class=\"wp-embedded-content\""));
        assert!(code.contains(" src=\"https://cdn.example/c/x-1/tr/embed/\" "));
        assert!(code.contains(" title=\"Türk &amp; &quot;Devletleri&quot;\" "));
    }
}

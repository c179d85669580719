//! The framed embed (CONTRACTS §4): the code a host that allows no script can take, and where
//! its page lives.
//!
//! `commentary build` writes an embed page `<out-dir>/<id>/<lang>/embed/index.html` for every
//! version; the framed code is a `<blockquote class="wp-embedded-content">` with a link to the
//! article page (what WordPress shows until the frame reports its height, and what a CMS that
//! drops the frame still shows), then the `<iframe class="wp-embedded-content">` of that page.
//! WordPress keeps only `<a href>`, `<blockquote>` and `<iframe>` with `src`, `width`, `height`,
//! `title`, `frameborder`, `marginwidth`, `marginheight` and `scrolling` from a provider it does
//! not trust, then adds its own `sandbox`, `security`, classes and secret; the code below is
//! shaped so that it survives that unchanged. There is no `scrolling="no"`: beyond WordPress's
//! 1000 px cap the article scrolls inside the frame.

use super::html::{escape_attr, escape_text};

/// The width the framed code asks for (CSS pixels); the page fills whatever it is given.
pub const FRAME_WIDTH: u32 = 720;
/// The height the framed code starts at, before the page reports its own.
pub const FRAME_HEIGHT: u32 = 900;

/// The embed page of version `lang` of commentary `id`, given the article page's folder
/// `page` (`<document-base><id>/<lang>/`, ending in `/`).
///
/// # Example
/// ```
/// use commentary_embed::domain::embed_page_url;
/// assert_eq!(embed_page_url("https://cdn.example/c/x-1/en/"), "https://cdn.example/c/x-1/en/embed/");
/// ```
pub fn embed_page_url(page: &str) -> String {
    if page.is_empty() || page.ends_with('/') {
        format!("{page}embed/")
    } else {
        format!("{page}/embed/")
    }
}

/// The article page folder of version `lang` of the commentary whose document is at `src`
/// (`<base><id>.json` → `<base><id>/<lang>/`), or `None` when `src` does not end in `.json`.
///
/// # Example
/// ```
/// use commentary_embed::domain::article_page_of;
/// assert_eq!(article_page_of("https://cdn.example/c/x-1.json?v=2", "tr").as_deref(), Some("https://cdn.example/c/x-1/tr/"));
/// assert_eq!(article_page_of("https://cdn.example/c/x-1", "tr"), None);
/// ```
pub fn article_page_of(src: &str, lang: &str) -> Option<String> {
    let path = src.split(['?', '#']).next().unwrap_or_default();
    let stem = path.strip_suffix(".json")?;
    if stem.is_empty() || stem.ends_with('/') || lang.is_empty() {
        return None;
    }
    Some(format!("{stem}/{lang}/"))
}

/// When `page` (the address the widget runs at) is the embed page of a version of the document
/// at `src` (`<base><id>/<any lang>/embed/` beside `<base><id>.json`), the article page of
/// version `lang`: what an embed page shares in place of its own address (a frame's address,
/// with the host's secret, is nobody's to share). `None` on any other page.
///
/// # Example
/// ```
/// use commentary_embed::domain::framed_article_page;
/// let src = "https://cdn.example/c/x-1.json";
/// assert_eq!(
///     framed_article_page("https://cdn.example/c/x-1/en/embed/#?secret=abc", src, "tr").as_deref(),
///     Some("https://cdn.example/c/x-1/tr/")
/// );
/// assert_eq!(framed_article_page("https://partner.example/post/", src, "tr"), None);
/// ```
pub fn framed_article_page(page: &str, src: &str, lang: &str) -> Option<String> {
    let page = page.split(['?', '#']).next().unwrap_or_default();
    let page = page.strip_suffix("index.html").unwrap_or(page);
    let folder = page.strip_suffix("embed/")?;
    let version = folder.strip_suffix('/')?.rsplit('/').next()?;
    if article_page_of(src, version)? != folder {
        return None;
    }
    article_page_of(src, lang)
}

/// The framed embed code: a blockquote linking `article` (the article page) with `title`, then
/// the frame of `embed_page`, with no `#?secret=` (the host adds its own).
///
/// # Example
/// ```
/// use commentary_embed::domain::frame_code;
/// assert_eq!(
///     frame_code("https://cdn.example/c/x-1/en/embed/", "https://cdn.example/c/x-1/en/", "A & B"),
///     "<blockquote class=\"wp-embedded-content\"><a href=\"https://cdn.example/c/x-1/en/\">A &amp; B</a></blockquote>\n\
/// <iframe class=\"wp-embedded-content\" sandbox=\"allow-scripts\" security=\"restricted\" \
/// src=\"https://cdn.example/c/x-1/en/embed/\" width=\"720\" height=\"900\" title=\"A &amp; B\" \
/// frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>"
/// );
/// ```
pub fn frame_code(embed_page: &str, article: &str, title: &str) -> String {
    format!(
        "<blockquote class=\"wp-embedded-content\"><a href=\"{}\">{}</a></blockquote>\n\
<iframe class=\"wp-embedded-content\" sandbox=\"allow-scripts\" security=\"restricted\" \
src=\"{}\" width=\"{FRAME_WIDTH}\" height=\"{FRAME_HEIGHT}\" title=\"{}\" \
frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\"></iframe>",
        escape_attr(article),
        escape_text(title),
        escape_attr(embed_page),
        escape_attr(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_code_escapes_every_value() {
        let code = frame_code(
            "https://c.example/x/en/embed/?a=1&b=\"2\"",
            "https://c.example/x/en/?q=<x>",
            "</blockquote><script>alert(1)</script> \"T\"",
        );
        assert!(!code.contains("<script>"));
        assert!(code.contains("src=\"https://c.example/x/en/embed/?a=1&amp;b=&quot;2&quot;\""));
        assert!(code.contains("<a href=\"https://c.example/x/en/?q=&lt;x&gt;\">"));
        assert!(code.contains(
            "title=\"&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;T&quot;\""
        ));
        assert!(!code.contains("secret"));
        assert_eq!(code.matches("<iframe").count(), 1);
        assert_eq!(code.matches("</blockquote>").count(), 1);
    }

    #[test]
    fn only_an_embed_page_of_the_same_document_shares_the_article_page() {
        let src = "https://c.example/c/x-1.json";
        for page in [
            "https://c.example/c/x-1/en/embed/",
            "https://c.example/c/x-1/en/embed/index.html",
            "https://c.example/c/x-1/en/embed/?a=1#?secret=a#?secret=b",
        ] {
            assert_eq!(
                framed_article_page(page, src, "ru").as_deref(),
                Some("https://c.example/c/x-1/ru/"),
                "{page}"
            );
        }
        for page in [
            "https://c.example/c/x-1/en/",
            "https://c.example/c/x-2/en/embed/",
            "https://other.example/c/x-1/en/embed/",
            "https://c.example/embed/",
            "",
        ] {
            assert_eq!(framed_article_page(page, src, "ru"), None, "{page}");
        }
        assert_eq!(
            framed_article_page(
                "https://c.example/c/x-1/en/embed/",
                "https://c.example/c/x-1",
                "ru"
            ),
            None
        );
    }

    #[test]
    fn pages_of_documents() {
        assert_eq!(
            article_page_of("../../x-1.json", "en").as_deref(),
            Some("../../x-1/en/")
        );
        assert_eq!(article_page_of("/c/.json", "en"), None);
        assert_eq!(article_page_of("/c/x.json", ""), None);
        assert_eq!(embed_page_url("x/en"), "x/en/embed/");
        assert_eq!(embed_page_url(""), "embed/");
    }
}

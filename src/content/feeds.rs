//! The archive-wide outputs (contract §7): Atom 1.0 and JSON Feed 1.1 per language,
//! `<out-dir>/feeds/<lang>.atom` and `<out-dir>/feeds/<lang>.json`, and `<out-dir>/sitemap.xml`
//! with `hreflang` alternates.
//!
//! They need every commentary of the archive, not only those compiled in this run: the build
//! keeps an [`ArchiveEntry`] per commentary (small, serde-serialisable, so an incremental build
//! can store the entries of the commentaries it skips) and calls [`write_archive`] once at the
//! end with all of them. Withdrawn commentaries stay out. Without an absolute document base
//! nothing is written: feeds and sitemaps must name absolute URLs.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::commentary::describe_io;
use super::pages::{description, page_url, PageOptions};
use crate::domain::{byline, safe_href, Date, Document};

/// What the feeds and the sitemap need of one commentary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveEntry {
    pub id: String,
    /// A withdrawn commentary is left out of feeds and sitemap.
    pub withdrawn: bool,
    /// The publisher's name, the feeds' title.
    pub publisher: String,
    /// The publisher's site, the feeds' home page.
    pub publisher_url: String,
    /// The authors' names, in order.
    pub authors: Vec<String>,
    /// Every version, the original first.
    pub versions: Vec<ArchiveVersion>,
}

/// One language version in an [`ArchiveEntry`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveVersion {
    pub lang: String,
    pub title: String,
    /// The page description: the first substantial paragraph, at most 200 characters.
    pub summary: String,
    /// The version's date.
    pub published: Date,
    /// Its latest correction, else its date.
    pub updated: Date,
    /// The authors as the version's byline names them ("A and B", "A и B").
    pub byline: String,
}

impl ArchiveEntry {
    /// The entry of a commentary as an incremental build keeps it (its texts emptied, with the
    /// descriptions of its versions), so that skipped commentaries stay in feeds and sitemap.
    pub fn from_summary(summary: &super::Summary) -> ArchiveEntry {
        let mut entry = ArchiveEntry::from_document(&summary.document);
        for (version, description) in entry.versions.iter_mut().zip(&summary.descriptions) {
            version.summary.clone_from(description);
        }
        entry
    }

    /// The entry of a compiled document.
    pub fn from_document(document: &Document) -> ArchiveEntry {
        ArchiveEntry {
            id: document.id.clone(),
            withdrawn: document.withdrawn.is_some(),
            publisher: document.publisher.name.clone(),
            publisher_url: document.publisher.url.clone(),
            authors: document.authors.iter().map(|a| a.display_name()).collect(),
            versions: document
                .versions
                .iter()
                .map(|v| ArchiveVersion {
                    lang: v.lang.clone(),
                    title: v.title.clone(),
                    summary: description(v),
                    published: v.date(document),
                    updated: v.updated(document),
                    byline: byline(document, v).authors,
                })
                .collect(),
        }
    }
}

/// Why [`write_archive`] wrote nothing, or failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    /// The document base is not an absolute http(s) URL: a warning, the build goes on.
    NotAbsolute(String),
    /// A file could not be written (the message names it): an error.
    Write(String),
}

/// Writes the feeds of every language and the sitemap for `entries` (every commentary of the
/// archive, withdrawn ones included: they are left out here), under `out_dir`; returns the
/// files written. Each file is written atomically.
///
/// # Errors
/// [`ArchiveError::NotAbsolute`] (nothing written) when `options.document_base` is not an
/// absolute http or https URL; [`ArchiveError::Write`] when a file cannot be written.
///
/// # Example
/// ```no_run
/// use commentary_embed::content::{write_archive, ArchiveEntry, PageOptions};
/// # let documents: Vec<commentary_embed::domain::Document> = Vec::new();
/// let entries: Vec<ArchiveEntry> = documents.iter().map(ArchiveEntry::from_document).collect();
/// let options = PageOptions { document_base: "https://cdn.example/c/".into(), ..PageOptions::default() };
/// let files = write_archive(&entries, std::path::Path::new("out"), &options);
/// ```
pub fn write_archive(
    entries: &[ArchiveEntry],
    out_dir: &Path,
    options: &PageOptions,
) -> Result<Vec<PathBuf>, ArchiveError> {
    let base = &options.document_base;
    let absolute = safe_href(base).is_some_and(|u| {
        let u = u.to_ascii_lowercase();
        u.starts_with("http://") || u.starts_with("https://")
    });
    if !absolute {
        return Err(ArchiveError::NotAbsolute(format!(
            "feeds and sitemap not written: the document base `{base}` is not an absolute http(s) URL (give --document-base https://…/)"
        )));
    }
    let mut live: Vec<&ArchiveEntry> = entries.iter().filter(|e| !e.withdrawn).collect();
    live.sort_by(|a, b| a.id.cmp(&b.id));
    // Every language of the archive, withdrawn commentaries' too: a language whose only
    // commentary was withdrawn gets an empty feed, so that the old one stops listing it.
    let mut languages: Vec<&str> = entries
        .iter()
        .flat_map(|e| e.versions.iter().map(|v| v.lang.as_str()))
        .collect();
    languages.sort_unstable();
    languages.dedup();

    let mut written = Vec::new();
    let feeds = out_dir.join("feeds");
    if !languages.is_empty() {
        fs::create_dir_all(&feeds).map_err(|e| {
            ArchiveError::Write(format!(
                "{}: cannot create: {}",
                feeds.display(),
                describe_io(&e)
            ))
        })?;
    }
    for lang in languages {
        let mut items: Vec<(&ArchiveEntry, &ArchiveVersion)> = live
            .iter()
            .filter_map(|e| e.versions.iter().find(|v| v.lang == lang).map(|v| (*e, v)))
            .collect();
        // Newest first; the same day by id, so the order never depends on the file system.
        items.sort_by(|a, b| b.1.published.cmp(&a.1.published).then(a.0.id.cmp(&b.0.id)));
        for (ext, text) in [
            ("atom", atom(&items, lang, options)),
            ("json", json_feed(&items, lang, options)),
        ] {
            let path = feeds.join(format!("{lang}.{ext}"));
            write(&path, &text)?;
            written.push(path);
        }
    }
    remove_stale_feeds(&feeds, &written);
    let path = out_dir.join("sitemap.xml");
    write(&path, &sitemap(&live, options))?;
    written.push(path);
    Ok(written)
}

/// Removes the feeds of `<out>/feeds/` this build did not write (a language no commentary has
/// any more), so that no feed keeps listing what left the archive. Only `*.atom` and `*.json`
/// there are touched; failures are ignored (the file stays, as it was).
fn remove_stale_feeds(feeds: &Path, written: &[PathBuf]) {
    let Ok(entries) = fs::read_dir(feeds) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_feed = path.extension().is_some_and(|e| e == "atom" || e == "json");
        if is_feed && path.is_file() && !written.contains(&path) {
            let _ = fs::remove_file(&path);
        }
    }
}

fn write(path: &Path, text: &str) -> Result<(), ArchiveError> {
    // Only when the text changed: a build that changed nothing writes nothing.
    super::write_if_changed(path, text)
        .map(|_| ())
        .map_err(|e| {
            ArchiveError::Write(format!(
                "{}: cannot write: {}",
                path.display(),
                describe_io(&e)
            ))
        })
}

/// A URL as it may stand in a feed: every byte that a URI may not hold percent-encoded
/// (spaces, non-ASCII letters of an IRI, quotes, angle brackets); `%` and the reserved
/// characters stay.
pub fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Text or an attribute value escaped for XML.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

fn feed_url(options: &PageOptions, lang: &str, ext: &str) -> String {
    uri(&format!("{}feeds/{lang}.{ext}", options.document_base))
}

fn page(options: &PageOptions, id: &str, lang: &str) -> String {
    uri(&page_url(options, id, lang))
}

/// The feed's title: the publisher when there is one, with the language.
fn feed_title(items: &[(&ArchiveEntry, &ArchiveVersion)], lang: &str) -> String {
    let first = items.first().map(|(e, _)| e.publisher.as_str());
    let name = match first {
        Some(p) if items.iter().all(|(e, _)| e.publisher == p) => p,
        _ => "Commentaries",
    };
    format!("{name} ({})", super::pages::language_name(lang))
}

fn atom(items: &[(&ArchiveEntry, &ArchiveVersion)], lang: &str, options: &PageOptions) -> String {
    let updated = items.iter().map(|(_, v)| v.updated).max();
    // An empty feed (every commentary in the language withdrawn) still needs its `updated`.
    let self_url = feed_url(options, lang, "atom");
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(lang),
        xml(&self_url),
        xml(&feed_title(items, lang)),
        updated.map_or_else(|| "1970-01-01T00:00:00Z".into(), rfc3339),
        xml(&self_url),
    );
    if let Some((e, _)) = items.first() {
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&uri(&e.publisher_url))
        ));
    }
    out.push_str("<generator>commentary</generator>\n");
    for (entry, version) in items {
        let url = page(options, &entry.id, &version.lang);
        out.push_str(&format!(
            "<entry>\n<id>{}</id>\n<title>{}</title>\n<link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n<published>{}</published>\n<updated>{}</updated>\n",
            xml(&url),
            xml(&version.title),
            xml(&version.lang),
            xml(&url),
            rfc3339(version.published),
            rfc3339(version.updated),
        ));
        for author in &entry.authors {
            out.push_str(&format!("<author><name>{}</name></author>\n", xml(author)));
        }
        out.push_str(&format!(
            "<summary>{}</summary>\n</entry>\n",
            xml(&version.summary)
        ));
    }
    out.push_str("</feed>\n");
    out
}

fn json_feed(
    items: &[(&ArchiveEntry, &ArchiveVersion)],
    lang: &str,
    options: &PageOptions,
) -> String {
    let items_json: Vec<serde_json::Value> = items
        .iter()
        .map(|(entry, version)| {
            let url = page(options, &entry.id, &version.lang);
            json!({
                "id": url,
                "url": url,
                "title": version.title,
                "summary": version.summary,
                // JSON Feed wants content; the summary is what a feed reader should show
                // before the reader follows the link.
                "content_text": version.summary,
                "date_published": rfc3339(version.published),
                "date_modified": rfc3339(version.updated),
                "authors": entry.authors.iter().map(|a| json!({ "name": a })).collect::<Vec<_>>(),
                "language": version.lang,
            })
        })
        .collect();
    let mut feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed_title(items, lang),
        "feed_url": feed_url(options, lang, "json"),
        "language": lang,
        "items": items_json,
    });
    if let Some((e, _)) = items.first() {
        feed["home_page_url"] = json!(uri(&e.publisher_url));
    }
    let mut text = serde_json::to_string_pretty(&feed).unwrap_or_default();
    text.push('\n');
    text
}

fn sitemap(entries: &[&ArchiveEntry], options: &PageOptions) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for entry in entries {
        for version in &entry.versions {
            out.push_str(&format!(
                "<url>\n<loc>{}</loc>\n<lastmod>{}</lastmod>\n",
                xml(&page(options, &entry.id, &version.lang)),
                version.updated
            ));
            if entry.versions.len() > 1 {
                for other in &entry.versions {
                    out.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                        xml(&other.lang),
                        xml(&page(options, &entry.id, &other.lang))
                    ));
                }
                // The original (listed first) stands for readers of any other language.
                if let Some(original) = entry.versions.first() {
                    out.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
                        xml(&page(options, &entry.id, &original.lang))
                    ));
                }
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_percent_encoded_and_xml_escaped() {
        assert_eq!(
            uri("https://ex.org/a b/ç?x=1&y=\"2\""),
            "https://ex.org/a%20b/%C3%A7?x=1&y=%222%22"
        );
        assert_eq!(xml("a&b<c>\"'"), "a&amp;b&lt;c&gt;&quot;&apos;");
    }
}

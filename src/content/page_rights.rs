//! What an article page says about a commentary's lifetime (contract §6): the licence (a
//! `<link rel="license">`, JSON-LD `license`, the attribution line), corrections (JSON-LD
//! `dateModified` and one `correction` each, a notice under the byline) and a withdrawal
//! (`noindex` and the notice instead of the text). `pages.rs` calls these at a few places.

use serde_json::{json, Value};

use super::pages::{canonical, page_url, render_inlines, PageOptions};
use crate::domain::{
    attribution, corrected_label, escape_attr, escape_text, notices, rights_strings,
    withdrawn_label, Document, Notice, Version,
};

/// Extra `<head>` lines: the licence link, and `noindex` for a withdrawn commentary.
pub(super) fn head(document: &Document, _version: &Version) -> String {
    let mut out = String::new();
    if let Some(l) = &document.license {
        out.push_str(&format!(
            "<link rel=\"license\" href=\"{}\">\n",
            escape_attr(&l.url)
        ));
    }
    if document.withdrawn.is_some() {
        out.push_str("<meta name=\"robots\" content=\"noindex\">\n");
    }
    out
}

/// Adds `license`, `dateModified`, `correction` (and, when withdrawn, a note of it) to the
/// page's JSON-LD.
pub(super) fn json_ld(ld: &mut Value, document: &Document, version: &Version) {
    if let Some(l) = &document.license {
        ld["license"] = json!(l.url);
    }
    if let Some(latest) = version.corrected() {
        ld["dateModified"] = json!(latest.to_string());
        let corrections: Vec<Value> = version
            .corrections
            .iter()
            .map(|c| {
                let mut text = String::new();
                plain(&c.text, &mut text);
                json!({
                    "@type": "CorrectionComment",
                    "datePublished": c.date.to_string(),
                    "text": text,
                })
            })
            .collect();
        ld["correction"] = json!(corrections);
    }
    if let Some(w) = document.withdrawn {
        ld["creativeWorkStatus"] = json!("Withdrawn");
        ld["expires"] = json!(w.date.to_string());
    }
}

fn plain(inlines: &[crate::domain::Inline], out: &mut String) {
    use crate::domain::Inline;
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => plain(c, out),
            Inline::NoteRef { .. } => {}
            Inline::LineBreak => out.push(' '),
        }
    }
}

/// The notices under the byline: the withdrawal (the text is gone from a withdrawn document),
/// or "Corrected <date>" with each correction, newest first.
pub(super) fn notices_html(document: &Document, version: &Version) -> String {
    let s = rights_strings(&version.lang);
    let mut out = String::new();
    for notice in notices(document, version) {
        match notice {
            Notice::Withdrawn {
                date,
                note,
                publisher_url,
            } => {
                out.push_str(&format!(
                    "<section class=\"withdrawn\" role=\"note\">\n<h2>{}</h2>\n<p>{}</p>\n",
                    escape_text(s.withdrawn),
                    escape_text(&withdrawn_label(date, &version.lang))
                ));
                if let Some(note) = note {
                    out.push_str(&format!("<p>{}</p>\n", escape_text(note)));
                }
                out.push_str(&format!(
                    "<p><a href=\"{}\">{}</a></p>\n</section>\n",
                    escape_attr(publisher_url),
                    escape_text(s.publisher_site)
                ));
            }
            Notice::Corrected {
                latest,
                corrections,
            } => {
                out.push_str(&format!(
                    "<div class=\"corrections\" role=\"note\" aria-label=\"{}\">\n<p><strong>{}</strong></p>\n<ul>\n",
                    escape_attr(s.corrections),
                    escape_text(&corrected_label(latest, &version.lang))
                ));
                for c in corrections {
                    out.push_str(&format!(
                        "<li><time datetime=\"{}\">{}</time>: ",
                        c.date,
                        escape_text(&c.date.format(&version.lang))
                    ));
                    render_inlines(&c.text, &mut out);
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n</div>\n");
            }
        }
    }
    out
}

/// The licence and the attribution a republisher owes, at the end of the article; all rights
/// reserved is said as much.
pub(super) fn license_html(
    document: &Document,
    version: &Version,
    options: &PageOptions,
) -> String {
    let s = rights_strings(&version.lang);
    if document.withdrawn.is_some() {
        return String::new();
    }
    let Some(l) = &document.license else {
        return format!(
            "<p class=\"license\">{}</p>\n",
            escape_text(s.all_rights_reserved)
        );
    };
    let link = canonical(document, version, options)
        .unwrap_or_else(|| page_url(options, &document.id, &version.lang));
    format!(
        "<p class=\"license\">{}<a rel=\"license\" href=\"{}\">{}</a>. {} <a href=\"{}\">{}</a></p>\n",
        escape_text(s.license),
        escape_attr(&l.url),
        escape_text(&l.name),
        escape_text(&attribution(document, version, &version.lang)),
        escape_attr(&link),
        escape_text(&link)
    )
}

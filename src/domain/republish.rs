//! The plain-HTML copy a partner may paste where the licence allows republication: for a CMS
//! that takes neither scripts nor frames. Title, byline, corrections, body, notes, the
//! attribution the licence asks for and a link back to the article; no script, no style, no
//! class a partner's CSS would have to know.

use super::{
    attribution, corrected_label, escape_attr, escape_text, note_id, rights_strings, safe_href,
    Document, Markup, Version,
};

/// The republish HTML of `version`, linking back to `link` (the article's page), with its
/// notices in the UI language `ui_lang`; `None` when the document's licence does not allow
/// republication (no licence: all rights reserved; or the publisher's own licence) or the
/// commentary is withdrawn.
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let mut doc: Document = serde_json::from_str(r#"{"schema":1,"id":"x","original_language":"en",
/// #   "published":"2026-06-17","authors":[{"given":"A","family":"B"}],
/// #   "publisher":{"name":"P","url":"https://p.example"},
/// #   "versions":[{"lang":"en","title":"T <1>","body":[{"paragraph":[{"text":"x & y"}]}]}]}"#).unwrap();
/// assert_eq!(republish_html(&doc, &doc.versions[0], "https://p.example/x", "en"), None);
/// doc.license = License::creative_commons("CC-BY-4.0");
/// let html = republish_html(&doc, &doc.versions[0], "https://p.example/x", "en").unwrap();
/// assert!(html.starts_with("<article lang=\"en\">\n<h2>T &lt;1&gt;</h2>"));
/// assert!(html.contains("<p>x &amp; y</p>"));
/// assert!(html.contains("<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC BY 4.0</a>"));
/// assert!(!html.contains("<script"));
/// ```
pub fn republish_html(
    document: &Document,
    version: &Version,
    link: &str,
    ui_lang: &str,
) -> Option<String> {
    let license = document.license.as_ref()?;
    if !license.allows_republishing() || document.withdrawn.is_some() {
        return None;
    }
    let s = rights_strings(ui_lang);
    let mut out = format!(
        "<article lang=\"{}\">\n{}",
        escape_attr(&version.lang),
        Markup::REPUBLISH.title_and_byline(document, version, None)
    );
    if let Some(latest) = version.corrected() {
        out.push_str(&format!(
            "<p><em>{}</em></p>\n<ul>\n",
            escape_text(&corrected_label(latest, ui_lang))
        ));
        for c in version.corrections_newest_first() {
            out.push_str(&format!(
                "<li><time datetime=\"{}\">{}</time>: ",
                c.date,
                escape_text(&c.date.format(ui_lang))
            ));
            Markup::REPUBLISH.inlines(&c.text, &mut out);
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    Markup::REPUBLISH.blocks(&version.body, &mut out);
    if !version.notes.is_empty() {
        out.push_str("<hr>\n<ol>\n");
        for note in &version.notes {
            out.push_str(&format!("<li id=\"{}\">", note_id(note.number)));
            Markup::REPUBLISH.blocks(&note.content, &mut out);
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    let link = safe_href(link).unwrap_or_default();
    out.push_str(&format!(
        "<p><small>{} {}<a href=\"{}\" rel=\"license\">{}</a>. {}<a href=\"{}\">{}</a></small></p>\n</article>\n",
        escape_text(&attribution(document, version, ui_lang)),
        escape_text(s.license),
        escape_attr(&license.url),
        escape_text(&license.name),
        escape_text(s.originally_published),
        escape_attr(&link),
        escape_text(&document.publisher.name),
    ));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Correction, Date, Inline, License};

    fn doc() -> Document {
        serde_json::from_value(serde_json::json!({
            "schema": 1, "id": "x", "original_language": "en", "published": "2026-06-17",
            "authors": [{ "given": "A", "family": "B" }, { "given": "C", "family": "D" }],
            "publisher": { "name": "P & Co", "url": "https://p.example" },
            "versions": [{ "lang": "en", "title": "T", "body": [
                { "paragraph": [{ "text": "Hi" }, { "note_ref": { "note": 1, "occurrence": 1 } },
                    { "link": { "href": "javascript:alert(1)", "content": [{ "text": "bad" }] } }] },
                { "heading": { "level": 2, "content": [{ "text": "H" }] } },
                { "list": { "ordered": true, "start": 3, "items": [[{ "paragraph": [{ "text": "i" }] }]] } }
            ], "notes": [{ "number": 1, "label": "a", "references": 1, "content": [{ "paragraph": [{ "text": "N" }] }] }] }]
        }))
        .unwrap()
    }

    #[test]
    fn the_copy_holds_the_text_notes_attribution_and_link_and_no_script() {
        let mut d = doc();
        d.license = License::creative_commons("CC-BY-ND-4.0");
        d.versions[0].corrections = vec![
            Correction {
                date: Date::new(2026, 6, 20).unwrap(),
                text: vec![Inline::Text("first".into())],
            },
            Correction {
                date: Date::new(2026, 7, 1).unwrap(),
                text: vec![Inline::Text("second".into())],
            },
        ];
        let html = republish_html(&d, &d.versions[0], "https://p.example/x?a=1&b=2", "en").unwrap();
        assert!(
            html.contains("<p>Hi<sup><a href=\"#note-1\">1</a></sup>bad</p>"),
            "{html}"
        );
        assert!(
            html.contains("<h3>H</h3>\n<ol start=\"3\">\n<li><p>i</p>\n</li>\n</ol>"),
            "{html}"
        );
        assert!(html.contains("<li id=\"note-1\"><p>N</p>\n</li>"));
        assert!(html.contains("<p><em>Corrected 1 July 2026</em></p>"));
        let newest = html.find("second").unwrap();
        assert!(newest < html.find("first").unwrap(), "newest first");
        assert!(html.contains("“T” by A B and C D, P &amp; Co, licensed under CC BY-ND 4.0."));
        assert!(html.contains("<a href=\"https://p.example/x?a=1&amp;b=2\">P &amp; Co</a>"));
        assert!(
            !html.contains("script") && !html.contains("javascript") && !html.contains("style")
        );
    }

    #[test]
    fn no_copy_without_a_licence_that_allows_it_or_when_withdrawn() {
        let mut d = doc();
        assert_eq!(
            republish_html(&d, &d.versions[0], "https://p.example/x", "en"),
            None
        );
        d.license = Some(License {
            id: None,
            name: "Own".into(),
            url: "https://p.example/l".into(),
        });
        assert_eq!(
            republish_html(&d, &d.versions[0], "https://p.example/x", "en"),
            None
        );
        d.license = License::creative_commons("CC0-1.0");
        assert!(republish_html(&d, &d.versions[0], "https://p.example/x", "en").is_some());
        d.withdrawn = Some(crate::domain::Withdrawn {
            date: Date::new(2026, 8, 1).unwrap(),
        });
        assert_eq!(
            republish_html(&d, &d.versions[0], "https://p.example/x", "en"),
            None
        );
    }
}

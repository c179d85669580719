//! The article as plain HTML: the widget's fallback on the article page, and the readable page
//! the embed page shows with no script. Anchors and back-links are the widget's own
//! ([`note_id`], [`ref_id`], [`backlink_mark`]), so `#note-3` means the same note everywhere.

use super::PageOptions;
use crate::domain::{
    backlink_mark, escape_attr, escape_text, language_name, note_id, ref_id, safe_href, ui_strings,
    Block, Document, Inline, Markup, Note, UiStrings, Version,
};

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
    // The paragraphs' texts in order, only as far as the one chosen (the whole body's text was
    // made for every page and feed entry when the first long paragraph was all it needed).
    let mut first = None;
    let mut chosen = None;
    for block in &version.body {
        let Block::Paragraph(inlines) = block else {
            continue;
        };
        let note = matches!(inlines.as_slice(), [Inline::Emphasis(_)]);
        let mut text = String::new();
        plain_text(inlines, &mut text);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !note && text.chars().count() >= 80 {
            chosen = Some(text);
            break;
        }
        first.get_or_insert(text);
    }
    let text = chosen.or(first).unwrap_or_default();
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

/// The inlines of a page ([`Markup::PAGE`]).
pub(crate) fn render_inlines(inlines: &[Inline], out: &mut String) {
    Markup::PAGE.inlines(inlines, out);
}

/// The blocks of a page ([`Markup::PAGE`]): headings from `<h2>`, references with their anchors.
pub(crate) fn render_blocks(blocks: &[Block], out: &mut String) {
    Markup::PAGE.blocks(blocks, out);
}

pub(crate) fn render_notes(notes: &[Note], ui: &UiStrings, out: &mut String) {
    if notes.is_empty() {
        return;
    }
    out.push_str(&format!(
        "<section class=\"notes\">\n<h2>{}</h2>\n<ol>\n",
        escape_text(ui.notes)
    ));
    for note in notes {
        out.push_str(&format!("<li id=\"{}\">", note_id(note.number)));
        for occurrence in 1..=note.references {
            out.push_str(&format!(
                "<a class=\"back\" href=\"#{}\" aria-label=\"{}\">{}</a> ",
                ref_id(note.number, occurrence),
                escape_attr(ui.back_to_text),
                backlink_mark(occurrence, note.references)
            ));
        }
        render_blocks(&note.content, out);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

/// The article as plain HTML, the widget's fallback: title, byline, links to the other
/// versions, the rights notices, body, notes, licence line and a link to the original.
pub(super) fn article_html(
    document: &Document,
    version: &Version,
    options: &PageOptions,
) -> String {
    let ui = ui_strings(&version.lang);
    let publisher = &document.publisher;

    // The article, as the widget's fallback.
    let mut article = Markup::PAGE.title_and_byline(document, version, Some("byline"));
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
                escape_text(language_name(&v.lang).unwrap_or(&v.lang))
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
    article.push_str(&crate::content::page_rights::notices_html(
        document, version,
    ));
    render_blocks(&version.body, &mut article);
    render_notes(&version.notes, ui, &mut article);
    article.push_str(&crate::content::page_rights::license_html(
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

    article
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`description`]'s choice as it was made before: every paragraph's text first.
    fn chosen_reference(version: &Version) -> String {
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
        paragraphs
            .iter()
            .find(|(note, p)| !note && p.chars().count() >= 80)
            .or(paragraphs.first())
            .map(|(_, p)| p.clone())
            .unwrap_or_default()
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(vec![Inline::Text(text.to_owned())])
    }

    #[test]
    fn the_description_takes_the_paragraph_it_took_before() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let compiled = crate::content::compile_commentary(&root.join("content/2026-36"), "2026-36");
        let seed = compiled.document.expect("compiles");
        let long = "A paragraph long enough to describe the commentary, at well over eighty characters of text.";
        let note = Block::Paragraph(vec![Inline::Emphasis(vec![Inline::Text(long.to_owned())])]);
        let bodies = [
            vec![],
            vec![paragraph("Short.")],
            vec![paragraph("Short."), paragraph(long)],
            vec![note.clone(), paragraph("Short.")],
            vec![note.clone(), paragraph(long), paragraph("After.")],
            vec![paragraph(&long.repeat(4)), paragraph(long)],
        ];
        let mut versions = seed.versions.clone();
        for body in bodies {
            let mut version = seed.versions[0].clone();
            version.body = body;
            versions.push(version);
        }
        for version in &versions {
            let expected = chosen_reference(version);
            let got = description(version);
            if expected.chars().count() <= 200 {
                assert_eq!(got, expected);
            } else {
                assert!(got.ends_with('…') && expected.starts_with(got.trim_end_matches('…')));
            }
        }
    }
}

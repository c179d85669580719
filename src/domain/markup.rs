//! A commentary's blocks and inlines as HTML text, for the places that write HTML rather than
//! DOM: the CLI's article and embed pages, and the plain-HTML republish copy the widget offers.
//! Every text and attribute value is escaped; a link [`safe_href`] refuses keeps its text and is
//! no link.

use super::{
    byline, escape_attr, escape_text, note_id, ref_id, safe_href, Block, Document, Inline, Version,
};

/// What differs between the places that write HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Markup {
    /// The level of the text's top headings (`##` in the source): one below the title's.
    pub top_heading: u8,
    /// Whether note references carry their anchors (`id="ref-N-M"`, class `note-ref`), for a
    /// page whose notes link back to them; else a plain link to the note.
    pub anchored_refs: bool,
}

impl Markup {
    /// An article or embed page: the title is the `<h1>`, references carry their anchors.
    pub const PAGE: Markup = Markup {
        top_heading: 2,
        anchored_refs: true,
    };
    /// The republish copy: its title is an `<h2>` in the partner's page, and no back-links.
    pub const REPUBLISH: Markup = Markup {
        top_heading: 3,
        anchored_refs: false,
    };

    /// Writes `blocks` to `out`.
    ///
    /// # Example
    /// ```
    /// use commentary_embed::domain::{Block, Inline, Markup};
    /// let mut out = String::new();
    /// Markup::PAGE.blocks(&[Block::Paragraph(vec![Inline::Text("a < b".into())])], &mut out);
    /// assert_eq!(out, "<p>a &lt; b</p>\n");
    /// ```
    pub fn blocks(self, blocks: &[Block], out: &mut String) {
        for block in blocks {
            match block {
                Block::Paragraph(c) => {
                    self.wrap(out, "<p>", c, "</p>");
                    out.push('\n');
                }
                Block::Heading { level, content } => {
                    let level = (*level).clamp(self.top_heading, 6);
                    self.wrap(
                        out,
                        &format!("<h{level}>"),
                        content,
                        &format!("</h{level}>"),
                    );
                    out.push('\n');
                }
                Block::Quote(inner) => {
                    out.push_str("<blockquote>\n");
                    self.blocks(inner, out);
                    out.push_str("</blockquote>\n");
                }
                Block::List {
                    ordered,
                    start,
                    items,
                } => {
                    out.push_str(&match (ordered, start) {
                        (true, Some(s)) if *s != 1 => format!("<ol start=\"{s}\">\n"),
                        (true, _) => "<ol>\n".to_owned(),
                        (false, _) => "<ul>\n".to_owned(),
                    });
                    for item in items {
                        out.push_str("<li>");
                        self.blocks(item, out);
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

    /// Writes `inlines` to `out`.
    pub fn inlines(self, inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => out.push_str(&escape_text(t)),
                Inline::Emphasis(c) => self.wrap(out, "<em>", c, "</em>"),
                Inline::Strong(c) => self.wrap(out, "<strong>", c, "</strong>"),
                Inline::Code(t) => {
                    out.push_str("<code>");
                    out.push_str(&escape_text(t));
                    out.push_str("</code>");
                }
                Inline::Link { href, content } => match safe_href(href) {
                    Some(href) => self.wrap(
                        out,
                        &format!("<a href=\"{}\">", escape_attr(&href)),
                        content,
                        "</a>",
                    ),
                    None => self.inlines(content, out),
                },
                Inline::Lang { lang, content } => self.wrap(
                    out,
                    &format!("<span lang=\"{}\">", escape_attr(lang)),
                    content,
                    "</span>",
                ),
                Inline::NoteRef { note, occurrence } if self.anchored_refs => {
                    out.push_str(&format!(
                        "<sup><a class=\"note-ref\" id=\"{}\" href=\"#{}\">{note}</a></sup>",
                        ref_id(*note, *occurrence),
                        note_id(*note)
                    ));
                }
                Inline::NoteRef { note, .. } => {
                    out.push_str(&format!(
                        "<sup><a href=\"#{}\">{note}</a></sup>",
                        note_id(*note)
                    ));
                }
                Inline::LineBreak => out.push_str("<br>"),
            }
        }
    }

    /// The title of `version` as a heading of `level` (one above [`Markup::top_heading`]), then
    /// its byline (authors · publisher · date · series), a paragraph of class `class` if given.
    pub fn title_and_byline(
        self,
        document: &Document,
        version: &Version,
        class: Option<&str>,
    ) -> String {
        let by = byline(document, version);
        let level = self.top_heading.saturating_sub(1).max(1);
        format!(
            "<h{level}>{}</h{level}>\n<p{}>{} · {} · <time datetime=\"{}\">{}</time>{}</p>\n",
            escape_text(&version.title),
            class
                .map(|c| format!(" class=\"{}\"", escape_attr(c)))
                .unwrap_or_default(),
            escape_text(&by.authors),
            escape_text(&by.publisher),
            escape_attr(&by.date_iso),
            escape_text(&by.date),
            by.series
                .map(|s| format!(" · {}", escape_text(&s)))
                .unwrap_or_default()
        )
    }

    fn wrap(self, out: &mut String, open: &str, content: &[Inline], close: &str) {
        out.push_str(open);
        self.inlines(content, out);
        out.push_str(close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_anchor_references_and_the_republish_copy_does_not() {
        let text = [Block::Heading {
            level: 2,
            content: vec![
                Inline::Text("H".into()),
                Inline::NoteRef {
                    note: 2,
                    occurrence: 1,
                },
            ],
        }];
        let mut page = String::new();
        Markup::PAGE.blocks(&text, &mut page);
        assert_eq!(
            page,
            "<h2>H<sup><a class=\"note-ref\" id=\"ref-2-1\" href=\"#note-2\">2</a></sup></h2>\n"
        );
        let mut copy = String::new();
        Markup::REPUBLISH.blocks(&text, &mut copy);
        assert_eq!(copy, "<h3>H<sup><a href=\"#note-2\">2</a></sup></h3>\n");
    }
}

//! A Markdown body (CommonMark with GitHub footnotes) turned into the document model.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag};

use super::footnote_labels::{label_key, with_dummy_definitions};
use super::report::Report;
use crate::domain::{safe_href, Block, Inline, Note, MAX_DEPTH};

/// The compiled body of one language version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Body {
    pub(crate) blocks: Vec<Block>,
    /// Where each of `blocks` starts in the file (byte offsets), for messages about a block.
    pub(crate) offsets: Vec<usize>,
    /// Numbered from 1 in order of first reference; unreferenced definitions are left out.
    pub(crate) notes: Vec<Note>,
}

/// What is being built: one open Markdown element.
#[derive(Debug)]
enum Kind {
    /// The body itself.
    Root,
    /// A footnote definition; its blocks become a note.
    Note {
        key: String,
        label: String,
    },
    Quote,
    List {
        ordered: bool,
        start: Option<u64>,
    },
    Item,
    Paragraph,
    Heading(u8),
    Emphasis,
    Strong,
    /// A link whose target passed [`safe_href`]; others are [`Kind::Inlined`].
    Link(String),
    /// Its inlines join the parent's: an image's alt text, an unsafe link's text, anything
    /// this compiler does not model.
    Inlined,
    /// Text gathered verbatim: code blocks and HTML blocks.
    Verbatim {
        code: bool,
    },
}

#[derive(Debug)]
struct Frame {
    kind: Kind,
    /// Where the element starts in the file.
    offset: usize,
    blocks: Vec<Block>,
    /// Inline content; in a block container, the text of a tight list item (an implicit
    /// paragraph).
    inlines: Vec<Inline>,
    items: Vec<Vec<Block>>,
    text: String,
}

impl Frame {
    fn new(kind: Kind, offset: usize) -> Frame {
        Frame {
            kind,
            offset,
            blocks: Vec::new(),
            inlines: Vec::new(),
            items: Vec::new(),
            text: String::new(),
        }
    }

    /// Whether this element sits among inlines (so starting it in a list item starts a
    /// paragraph).
    fn is_inline(&self) -> bool {
        matches!(
            self.kind,
            Kind::Emphasis | Kind::Strong | Kind::Link(_) | Kind::Inlined
        )
    }

    fn holds_blocks(&self) -> bool {
        matches!(
            self.kind,
            Kind::Root | Kind::Note { .. } | Kind::Quote | Kind::Item
        )
    }

    /// Whether this element adds a level of nesting in the document model.
    fn nests(&self) -> bool {
        matches!(
            self.kind,
            Kind::Quote
                | Kind::Item
                | Kind::Paragraph
                | Kind::Heading(_)
                | Kind::Emphasis
                | Kind::Strong
                | Kind::Link(_)
        )
    }

    /// Turns pending inlines of a block container into a paragraph.
    fn flush_paragraph(&mut self) {
        if self.holds_blocks() && !self.inlines.is_empty() {
            let inlines = std::mem::take(&mut self.inlines);
            self.blocks.push(Block::Paragraph(inlines));
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        if let Kind::Verbatim { .. } = self.kind {
            if let Inline::Text(t) = inline {
                self.text.push_str(&t);
            }
            return;
        }
        match (self.inlines.last_mut(), inline) {
            (Some(Inline::Text(last)), Inline::Text(t)) => last.push_str(&t),
            (_, inline) => self.inlines.push(inline),
        }
    }

    fn push_block(&mut self, block: Block) {
        self.flush_paragraph();
        self.blocks.push(block);
    }
}

/// How a footnote definition was found.
#[derive(Debug)]
struct Definition {
    label: String,
    offset: usize,
    content: Vec<Block>,
}

/// How a footnote is used in the text: its number and how many references so far.
#[derive(Debug)]
struct FootnoteUse {
    number: u32,
    references: u32,
    /// Where each reference is, for "never defined".
    offsets: Vec<usize>,
    label: String,
}

/// Compiles the Markdown `body`, which starts at byte `body_offset` of the file, into blocks
/// and numbered notes, reporting into `report`:
///
/// - errors: a footnote reference with no definition (at the reference), a footnote defined
///   twice, an empty footnote, a reference inside a footnote, nesting deeper than the model
///   allows;
/// - warnings: a footnote that is never referenced (it is left out).
///
/// Treatments: raw HTML becomes text, shown as written; a link whose target fails
/// [`safe_href`] keeps its text but is no link; an image keeps its alt text; a soft line break
/// becomes a space; tables, strikethrough, task lists and smart punctuation are off.
pub(crate) fn compile_body(body: &str, body_offset: usize, report: &mut Report) -> Body {
    // Events from the dummy definitions before the body are skipped by offset.
    let (source, prefix) = with_dummy_definitions(body);

    let mut b = Builder {
        stack: vec![Frame::new(Kind::Root, body_offset)],
        uses: HashMap::new(),
        definitions: HashMap::new(),
        defined_order: Vec::new(),
        too_deep: false,
        offsets: Vec::new(),
        report,
    };
    let mut skipping = 0usize;
    for (event, range) in Parser::new_ext(&source, Options::ENABLE_FOOTNOTES).into_offset_iter() {
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                _ => {}
            }
        } else if range.start < prefix {
            if let Event::Start(_) = event {
                skipping = 1;
            }
        } else {
            b.event(event, body_offset + (range.start - prefix));
        }
    }
    b.finish()
}

/// The state of one compilation: the open elements and the footnotes seen so far.
struct Builder<'r> {
    /// The open elements, the body at the bottom.
    stack: Vec<Frame>,
    /// By label key.
    uses: HashMap<String, FootnoteUse>,
    /// By label key.
    definitions: HashMap<String, Definition>,
    /// Label keys of the definitions in the order of the file.
    defined_order: Vec<String>,
    /// Whether "nests deeper" was reported (once is enough).
    too_deep: bool,
    /// Where each block of the body so far starts.
    offsets: Vec<usize>,
    report: &'r mut Report,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(_) => self.end(),
            Event::Text(text) => self.inline(Inline::Text(text.into_string()), offset),
            Event::Code(code) => self.inline(Inline::Code(code.into_string()), offset),
            // Raw HTML is shown as written, never interpreted.
            Event::Html(html) | Event::InlineHtml(html) => {
                self.inline(Inline::Text(html.into_string()), offset)
            }
            // Not enabled; kept as text should that change.
            Event::InlineMath(math) | Event::DisplayMath(math) => {
                self.inline(Inline::Text(math.into_string()), offset)
            }
            Event::SoftBreak => self.inline(Inline::Text(" ".into()), offset),
            Event::HardBreak => self.inline(Inline::LineBreak, offset),
            Event::Rule => {
                if let Some(top) = self.stack.last_mut() {
                    top.push_block(Block::Rule);
                }
                self.note_body_offsets(offset);
            }
            Event::FootnoteReference(label) => self.reference(&label, offset),
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        let kind = match tag {
            Tag::Paragraph => Kind::Paragraph,
            Tag::Heading { level, .. } => Kind::Heading(heading_level(level)),
            Tag::BlockQuote(_) => Kind::Quote,
            Tag::CodeBlock(_) => Kind::Verbatim { code: true },
            Tag::HtmlBlock => Kind::Verbatim { code: false },
            Tag::List(start) => Kind::List {
                ordered: start.is_some(),
                start,
            },
            Tag::Item => Kind::Item,
            Tag::FootnoteDefinition(label) => Kind::Note {
                key: label_key(&label),
                label: label.to_string(),
            },
            Tag::Emphasis => Kind::Emphasis,
            Tag::Strong => Kind::Strong,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => match link_target(link_type, &dest_url) {
                Some(href) => Kind::Link(href),
                None => Kind::Inlined,
            },
            _ => Kind::Inlined,
        };
        let frame = Frame::new(kind, offset);
        if frame.is_inline() {
            self.check_implicit_paragraph(offset);
        }
        if frame.nests() {
            self.check_depth(self.depth() + 1, offset);
        }
        self.stack.push(frame);
    }

    fn end(&mut self) {
        // The body itself never ends: pulldown-cmark balances its events.
        if self.stack.len() < 2 {
            return;
        }
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        frame.flush_paragraph();
        let offset = frame.offset;
        self.end_frame(frame);
        self.note_body_offsets(offset);
    }

    /// Gives every block the body gained since the last call the offset `offset`.
    fn note_body_offsets(&mut self, offset: usize) {
        if let Some(root) = self.stack.first() {
            let gained = root.blocks.len().saturating_sub(self.offsets.len());
            self.offsets.extend(std::iter::repeat_n(offset, gained));
        }
    }

    fn end_frame(&mut self, frame: Frame) {
        let Some(parent) = self.stack.last_mut() else {
            return;
        };
        match frame.kind {
            Kind::Root => {}
            Kind::Note { key, label } => {
                if let Some(first) = self.definitions.get(&key) {
                    let line = self.report.line(first.offset);
                    self.report.error(
                        Some(frame.offset),
                        format!("footnote `{label}` is defined twice (first on line {line})"),
                    );
                } else if frame.blocks.is_empty() {
                    self.report
                        .error(Some(frame.offset), format!("footnote `{label}` is empty"));
                } else {
                    self.defined_order.push(key.clone());
                    self.definitions.insert(
                        key,
                        Definition {
                            label,
                            offset: frame.offset,
                            content: frame.blocks,
                        },
                    );
                }
            }
            Kind::Quote => parent.push_block(Block::Quote(frame.blocks)),
            Kind::List { ordered, start } => parent.push_block(Block::List {
                ordered,
                start,
                items: frame.items,
            }),
            Kind::Item => parent.items.push(frame.blocks),
            Kind::Paragraph => parent.push_block(Block::Paragraph(frame.inlines)),
            Kind::Heading(level) => parent.push_block(Block::Heading {
                level,
                content: frame.inlines,
            }),
            Kind::Emphasis => parent.push_inline(Inline::Emphasis(frame.inlines)),
            Kind::Strong => parent.push_inline(Inline::Strong(frame.inlines)),
            Kind::Link(href) => parent.push_inline(Inline::Link {
                href,
                content: frame.inlines,
            }),
            Kind::Inlined => {
                for block in frame.blocks {
                    parent.push_block(block);
                }
                for inline in frame.inlines {
                    parent.push_inline(inline);
                }
            }
            Kind::Verbatim { code } => {
                let text = frame
                    .text
                    .strip_suffix('\n')
                    .unwrap_or(&frame.text)
                    .to_owned();
                parent.push_block(if code {
                    Block::Code(text)
                } else {
                    Block::Paragraph(vec![Inline::Text(text)])
                });
            }
        }
    }

    fn inline(&mut self, inline: Inline, offset: usize) {
        self.check_implicit_paragraph(offset);
        if let Some(top) = self.stack.last_mut() {
            top.push_inline(inline);
        }
    }

    fn reference(&mut self, label: &str, offset: usize) {
        if let Some(Kind::Note { label: note, .. }) = self
            .stack
            .iter()
            .rev()
            .map(|f| &f.kind)
            .find(|k| matches!(k, Kind::Note { .. }))
        {
            let message = format!("footnote `{label}` is cited inside footnote `{note}`: a footnote cannot hold footnote references");
            self.report.error(Some(offset), message);
            return;
        }
        let next = u32::try_from(self.uses.len() + 1).unwrap_or(u32::MAX);
        let citation = self
            .uses
            .entry(label_key(label))
            .or_insert_with(|| FootnoteUse {
                number: next,
                references: 0,
                offsets: Vec::new(),
                label: label.to_owned(),
            });
        citation.references += 1;
        citation.offsets.push(offset);
        let inline = Inline::NoteRef {
            note: citation.number,
            occurrence: citation.references,
        };
        self.inline(inline, offset);
    }

    /// How deeply the innermost open element nests, counted as the model counts it from the
    /// body or from the footnote it is in.
    fn depth(&self) -> usize {
        self.stack
            .iter()
            .rev()
            .take_while(|f| !matches!(f.kind, Kind::Root | Kind::Note { .. }))
            .filter(|f| f.nests())
            .count()
    }

    /// Inline content straight in a block container (a tight list item) makes a paragraph,
    /// which nests one level deeper.
    fn check_implicit_paragraph(&mut self, offset: usize) {
        if self
            .stack
            .last()
            .is_some_and(|top| top.holds_blocks() && top.inlines.is_empty())
        {
            self.check_depth(self.depth() + 1, offset);
        }
    }

    fn check_depth(&mut self, depth: usize, offset: usize) {
        if depth > MAX_DEPTH && !self.too_deep {
            self.too_deep = true;
            self.report.error(
                Some(offset),
                format!("the text nests deeper than {MAX_DEPTH} levels"),
            );
        }
    }

    /// The blocks, and the notes in order of first reference; reports references with no
    /// definition and definitions with no reference.
    fn finish(mut self) -> Body {
        let blocks = match self.stack.drain(..).next() {
            Some(mut root) => {
                root.flush_paragraph();
                root.blocks
            }
            None => Vec::new(),
        };
        let mut offsets = std::mem::take(&mut self.offsets);
        let last = offsets.last().copied().unwrap_or_default();
        offsets.resize(blocks.len(), last);
        let mut cited: Vec<FootnoteUse> = self.uses.into_values().collect();
        cited.sort_by_key(|c| c.number);
        let mut notes = Vec::new();
        for citation in cited {
            match self.definitions.remove(&label_key(&citation.label)) {
                Some(d) => notes.push(Note {
                    number: citation.number,
                    label: d.label,
                    references: citation.references,
                    content: d.content,
                }),
                None => {
                    for offset in citation.offsets {
                        self.report.error(
                            Some(offset),
                            format!("footnote `{}` is never defined", citation.label),
                        );
                    }
                }
            }
        }
        for key in self.defined_order {
            if let Some(d) = self.definitions.remove(&key) {
                self.report.warning(
                    Some(d.offset),
                    format!("footnote `{}` is never referenced (left out)", d.label),
                );
            }
        }
        Body {
            blocks,
            offsets,
            notes,
        }
    }
}

/// `# …` is 1, `###### …` is 6.
fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The target of a link, when it may be one: `<a@b.org>` means `mailto:a@b.org`.
fn link_target(link_type: LinkType, dest: &CowStr<'_>) -> Option<String> {
    match link_type {
        LinkType::Email => safe_href(&format!("mailto:{dest}")),
        _ => safe_href(dest),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn para(inlines: Vec<Inline>) -> Block {
        Block::Paragraph(inlines)
    }

    fn note_ref(note: u32, occurrence: u32) -> Inline {
        Inline::NoteRef { note, occurrence }
    }

    /// Compiles `body` as if it followed a two-line front matter, so errors are on line + 2.
    fn compile(body: &str) -> (Body, Vec<String>) {
        let file = format!("+++\n+++\n{body}");
        let mut report = Report::new(Path::new("en.md"), &file);
        let compiled = compile_body(body, 8, &mut report);
        (
            compiled,
            report
                .into_diagnostics()
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
    }

    fn compile_ok(body: &str) -> Body {
        let (compiled, out) = compile(body);
        assert!(out.is_empty(), "{out:?}");
        compiled
    }

    #[test]
    fn numbers_notes_by_first_reference_and_counts_occurrences() {
        let body = compile_ok("A[^zeta] b[^alpha] c[^Zeta].\n\n[^alpha]: Alpha.\n[^zeta]: Zeta *one*.\n\n    Zeta two.\n");
        assert_eq!(
            body.blocks,
            [para(vec![
                text("A"),
                note_ref(1, 1),
                text(" b"),
                note_ref(2, 1),
                text(" c"),
                note_ref(1, 2),
                text(".")
            ])]
        );
        let numbers: Vec<_> = body
            .notes
            .iter()
            .map(|n| (n.number, n.label.as_str(), n.references))
            .collect();
        assert_eq!(numbers, [(1, "zeta", 2), (2, "alpha", 1)]);
        assert_eq!(
            body.notes[0].content,
            [
                para(vec![
                    text("Zeta "),
                    Inline::Emphasis(vec![text("one")]),
                    text(".")
                ]),
                para(vec![text("Zeta two.")])
            ]
        );
    }

    #[test]
    fn notes_keep_links_and_autolinks() {
        let body =
            compile_ok("T[^1]\n\n[^1]: See [the page](https://e.org/a) and <https://e.org/b>.\n");
        assert_eq!(
            body.notes[0].content,
            [para(vec![
                text("See "),
                Inline::Link {
                    href: "https://e.org/a".into(),
                    content: vec![text("the page")]
                },
                text(" and "),
                Inline::Link {
                    href: "https://e.org/b".into(),
                    content: vec![text("https://e.org/b")]
                },
                text("."),
            ])]
        );
    }

    #[test]
    fn an_undefined_reference_is_an_error_at_its_line() {
        let (_, out) = compile("First.\n\nSee[^nope] and[^1].\n\n[^1]: One.\n\nAgain[^nope].\n");
        assert_eq!(
            out,
            [
                "en.md:5: footnote `nope` is never defined",
                "en.md:9: footnote `nope` is never defined"
            ]
        );
    }

    #[test]
    fn an_undefined_reference_is_found_anywhere() {
        // In a list, a quote, a heading, emphasis, a link, and at the very start.
        let (_, out) = compile("[^a] start\n\n- item [^b]\n\n> quote *[^c]*\n\n## Head [^d]\n\n[link [^e]](https://e.org)\n");
        assert_eq!(
            out,
            [
                "en.md:3: footnote `a` is never defined",
                "en.md:5: footnote `b` is never defined",
                "en.md:7: footnote `c` is never defined",
                "en.md:9: footnote `d` is never defined",
                "en.md:11: footnote `e` is never defined",
            ]
        );
    }

    #[test]
    fn escaped_and_code_brackets_are_no_references() {
        let body = compile_ok("Not \\[^a] nor `[^b]`.\n\n    [^c]\n");
        assert_eq!(
            body.blocks,
            [
                para(vec![
                    text("Not [^a] nor "),
                    Inline::Code("[^b]".into()),
                    text(".")
                ]),
                Block::Code("[^c]".into())
            ]
        );
        assert!(body.notes.is_empty());
    }

    #[test]
    fn a_duplicate_definition_is_an_error() {
        let (_, out) = compile("T[^a]\n\n[^a]: One.\n\n[^A]: Two.\n");
        assert_eq!(
            out,
            ["en.md:7: footnote `A` is defined twice (first on line 5)"]
        );
    }

    #[test]
    fn an_unreferenced_definition_warns_and_is_left_out() {
        let (body, out) = compile("T[^a]\n\n[^a]: One.\n[^b]: Two.\n");
        assert_eq!(
            out,
            ["en.md:6: warning: footnote `b` is never referenced (left out)"]
        );
        assert_eq!(body.notes.len(), 1);
    }

    #[test]
    fn a_reference_inside_a_note_is_an_error() {
        let (_, out) = compile("T[^a][^b]\n\n[^a]: One[^b].\n[^b]: Two.\n");
        assert_eq!(out, ["en.md:5: footnote `b` is cited inside footnote `a`: a footnote cannot hold footnote references"]);
    }

    #[test]
    fn raw_html_stays_text() {
        let body = compile_ok("A <b onclick=\"x()\">bold</b> <script>alert(1)</script>\n\n<div>\n<img src=x onerror=alert(1)>\n</div>\n\n<!-- note -->\n");
        assert_eq!(
            body.blocks,
            [
                para(vec![text(
                    "A <b onclick=\"x()\">bold</b> <script>alert(1)</script>"
                )]),
                para(vec![text("<div>\n<img src=x onerror=alert(1)>\n</div>")]),
                para(vec![text("<!-- note -->")]),
            ]
        );
    }

    #[test]
    fn unsafe_links_become_their_text() {
        let body = compile_ok(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c *d*](data:text/html,x) [e](/relative) [f](https://e.org) [g](mailto:x@e.org) <x@e.org>\n",
        );
        let link = |href: &str, t: &str| Inline::Link {
            href: href.into(),
            content: vec![text(t)],
        };
        assert_eq!(
            body.blocks,
            [para(vec![
                text("a b c "),
                Inline::Emphasis(vec![text("d")]),
                text(" e "),
                link("https://e.org", "f"),
                text(" "),
                link("mailto:x@e.org", "g"),
                text(" "),
                link("mailto:x@e.org", "x@e.org"),
            ])]
        );
    }

    #[test]
    fn images_keep_their_alt_text() {
        let body = compile_ok("Look: ![a *map*](map.png) here.\n");
        assert_eq!(
            body.blocks,
            [para(vec![
                text("Look: a "),
                Inline::Emphasis(vec![text("map")]),
                text(" here.")
            ])]
        );
    }

    #[test]
    fn breaks_headings_code_and_rules() {
        let body = compile_ok("# One\n\n###### Six\n\nsoft\nbreak  \nhard\\\nagain\n\n```rust\nfn main() {}\n```\n\n---\n\n**strong** `code`\n");
        assert_eq!(
            body.blocks,
            [
                Block::Heading {
                    level: 1,
                    content: vec![text("One")]
                },
                Block::Heading {
                    level: 6,
                    content: vec![text("Six")]
                },
                para(vec![
                    text("soft break"),
                    Inline::LineBreak,
                    text("hard"),
                    Inline::LineBreak,
                    text("again")
                ]),
                Block::Code("fn main() {}".into()),
                Block::Rule,
                para(vec![
                    Inline::Strong(vec![text("strong")]),
                    text(" "),
                    Inline::Code("code".into())
                ]),
            ]
        );
    }

    #[test]
    fn lists_tight_and_loose_and_quotes() {
        let body = compile_ok("- a\n- *b*\n\n3. x\n\n   y\n4. z\n\n> q\n>\n> - r\n");
        assert_eq!(
            body.blocks,
            [
                Block::List {
                    ordered: false,
                    start: None,
                    items: vec![
                        vec![para(vec![text("a")])],
                        vec![para(vec![Inline::Emphasis(vec![text("b")])])]
                    ]
                },
                Block::List {
                    ordered: true,
                    start: Some(3),
                    items: vec![
                        vec![para(vec![text("x")]), para(vec![text("y")])],
                        vec![para(vec![text("z")])]
                    ]
                },
                Block::Quote(vec![
                    para(vec![text("q")]),
                    Block::List {
                        ordered: false,
                        start: None,
                        items: vec![vec![para(vec![text("r")])]]
                    }
                ]),
            ]
        );
    }

    #[test]
    fn tables_strikethrough_and_smart_punctuation_are_off() {
        let body = compile_ok("| a | b |\n|---|---|\n\n~~no~~ \"quotes\" -- dash\n");
        assert_eq!(
            body.blocks,
            [
                para(vec![text("| a | b | |---|---|")]),
                para(vec![text("~~no~~ \"quotes\" -- dash")])
            ]
        );
    }

    #[test]
    fn an_indented_code_block_at_the_start_stays_code() {
        let body = compile_ok("    code\n\nText.\n");
        assert_eq!(
            body.blocks,
            [Block::Code("code".into()), para(vec![text("Text.")])]
        );
    }

    #[test]
    fn deep_nesting_is_an_error_at_its_line() {
        let body = format!("ok\n\n{}deep\n", "> ".repeat(MAX_DEPTH + 1));
        let (_, out) = compile(&body);
        assert_eq!(out, ["en.md:5: the text nests deeper than 24 levels"]);
        let (_, out) = compile(&format!("{}deep\n", "> ".repeat(MAX_DEPTH - 1)));
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn each_top_level_block_knows_its_line() {
        let file = "+++\n+++\n# H\n\nPara\ngraph[^a]\n\n- a\n- b\n\n---\n\n> q\n\n    code\n\n[^a]: Note.\n";
        let mut report = Report::new(Path::new("en.md"), file);
        let body = compile_body(&file[8..], 8, &mut report);
        let lines: Vec<usize> = body.offsets.iter().map(|&o| report.line(o)).collect();
        assert_eq!(body.blocks.len(), 6);
        assert_eq!(lines, [3, 5, 8, 11, 13, 15]);
    }

    #[test]
    fn a_label_broken_over_lines_is_no_reference_as_on_github() {
        let (body, out) = compile("See[^long\nlabel].\n\n[^long label]: Note.\n");
        assert_eq!(body.blocks, [para(vec![text("See[^long label].")])]);
        assert_eq!(
            out,
            ["en.md:6: warning: footnote `long label` is never referenced (left out)"]
        );
    }
}

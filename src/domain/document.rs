//! The compiled commentary: what the CLI writes as `<id>.json` and the widget reads.
//!
//! The JSON is exactly the serde form of [`Document`]; docs/schema.md
//! documents it field by field. Enums are externally tagged (`{"paragraph": [...]}`), the
//! cheapest form for the widget to decode.

use serde::{Deserialize, Serialize};

use super::{is_language_tag, primary_subtag, web_url, Citation, Correction, Date, License};
use super::{Withdrawn, CREATIVE_COMMONS};

/// The version of the compiled document's shape. Bump it on any change a widget of the previous
/// version would misread; the widget refuses documents of another version with a clear message.
pub const SCHEMA_VERSION: u32 = 1;

/// How deeply blocks and inlines may nest. Deeper documents are refused rather than risking the
/// renderer's stack on hostile input.
pub const MAX_DEPTH: usize = 24;

/// How deeply blocks and inlines may nest before the decoder ([`read_document`]) stops and
/// refuses the document. It recurses once per level, and a hand-made document nesting 50 000
/// deep would exhaust the stack: in the widget a trap, not an error. Each level takes at least
/// one level of JSON, and 128 is also serde_json's own limit, so the native decoding (the CLI's
/// tests, the fuzz target) refuses the same documents; [`MAX_DEPTH`] is the tighter rule that
/// [`Document::problems`] applies afterwards.
///
/// [`read_document`]: super::read_document
pub const MAX_JSON_DEPTH: usize = 128;

/// One commentary with every language version of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`] for documents this code writes.
    pub schema: u32,
    /// The commentary id, the name of its content folder (`[a-z0-9-]+`).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The language tag of the version that is the original.
    pub original_language: String,
    /// The date the original appeared.
    pub published: Date,
    /// One or more, in order.
    pub authors: Vec<Person>,
    pub publisher: Publisher,
    /// The original first, then the translations in the order of their language tags.
    pub versions: Vec<Version>,
    /// The licence; `None`: all rights reserved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<License>,
    /// Set when the publisher has withdrawn the commentary (the versions then have no body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub given: String,
    pub family: String,
}

impl Person {
    /// A person from a name written "Given Family" (a translator in front matter): the last word
    /// is the family name, the rest the given names. A single word is a family name.
    ///
    /// # Example
    /// ```
    /// use commentary_embed::domain::Person;
    /// let p = Person::from_display_name(" Ayşe  Nur Örnek ");
    /// assert_eq!((p.given.as_str(), p.family.as_str()), ("Ayşe Nur", "Örnek"));
    /// ```
    pub fn from_display_name(name: &str) -> Person {
        let words: Vec<&str> = name.split_whitespace().collect();
        match words.split_last() {
            Some((family, given)) => Person {
                given: given.join(" "),
                family: (*family).to_owned(),
            },
            None => Person {
                given: String::new(),
                family: String::new(),
            },
        }
    }

    /// "Given Family", as a byline shows it.
    pub fn display_name(&self) -> String {
        if self.given.is_empty() {
            self.family.clone()
        } else {
            format!("{} {}", self.given, self.family)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// One language version of a commentary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// BCP 47 language tag.
    pub lang: String,
    pub title: String,
    /// Canonical URL of this version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Date of this version; `None` means the original's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    pub body: Vec<Block>,
    /// Footnotes, numbered from 1 in order of first reference.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// This version formatted in every citation style, the access date left open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// The alignment of the body with the other versions: one group id per top-level block;
    /// blocks of different versions with the same id say the same thing (see
    /// [`counterpart`](super::counterpart)). Written by the compiler; optional, and ignored when
    /// its length is not the body's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<Vec<u32>>,
    /// Corrections made since the version appeared, in the order of the source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Why the commentary was withdrawn, in this version's language (only when withdrawn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_note: Option<String>,
}

/// A block of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Quote(Vec<Block>),
    List {
        ordered: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// Preformatted text, shown as it is.
    Code(String),
    /// A thematic break.
    Rule,
}

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    /// A link; the widget follows it only if [`safe_href`](super::safe_href) accepts `href`.
    Link {
        href: String,
        content: Vec<Inline>,
    },
    /// Text in another language than the version's, such as a cited title in Russian in an
    /// English note: shown with its own `lang` (screen readers, hyphenation, fonts).
    Lang {
        lang: String,
        content: Vec<Inline>,
    },
    /// A footnote reference: `note` is the number shown, `occurrence` counts this note's
    /// references from 1 (the back-links a, b, c …).
    NoteRef {
        note: u32,
        occurrence: u32,
    },
    LineBreak,
}

/// A footnote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The number shown, from 1.
    pub number: u32,
    /// The label the source used (`[^label]`); kept for messages, never shown.
    pub label: String,
    /// How many references point here (at least 1).
    pub references: u32,
    pub content: Vec<Block>,
}

/// A reason a document cannot be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `versions[en].notes[2]`, or empty for the whole document.
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.at, self.message)
        }
    }
}

impl Document {
    /// Every reason this document cannot be shown; empty when it is sound.
    ///
    /// The widget runs this on every document it loads, whoever wrote it: the compiler's output
    /// always passes, a hand-written or damaged file gets the same rules. Unsafe link targets are
    /// not problems: they are shown as text (see [`safe_href`](super::safe_href)).
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut problem = |at: &str, message: String| {
            out.push(Problem {
                at: at.to_owned(),
                message,
            })
        };
        if self.schema != SCHEMA_VERSION {
            problem("", format!("schema version {} is not supported (this widget reads version {SCHEMA_VERSION})", self.schema));
            return out;
        }
        if self.id.is_empty()
            || !self
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            problem(
                "id",
                format!(
                    "`{}` is not a commentary id (lower-case letters, digits and `-`)",
                    self.id
                ),
            );
        }
        if self.authors.is_empty() {
            problem("authors", "there must be at least one author".into());
        }
        for (i, a) in self.authors.iter().enumerate() {
            if a.family.trim().is_empty() {
                problem(&format!("authors[{i}]"), "the family name is empty".into());
            }
        }
        if self.publisher.name.trim().is_empty() {
            problem("publisher.name", "the publisher's name is empty".into());
        }
        if web_url(&self.publisher.url).is_none() {
            problem(
                "publisher.url",
                format!("`{}` is not an http or https URL", self.publisher.url),
            );
        }
        if let Some(license) = &self.license {
            if let Some(id) = license
                .id
                .as_deref()
                .filter(|id| !CREATIVE_COMMONS.iter().any(|(known, _, _)| known == id))
            {
                problem(
                    "license.id",
                    format!("`{id}` is not a Creative Commons licence id"),
                );
            }
            if license.name.trim().is_empty() {
                problem("license.name", "the licence's name is empty".into());
            }
            if web_url(&license.url).is_none() {
                problem(
                    "license.url",
                    format!("`{}` is not an http or https URL", license.url),
                );
            }
        }
        if self.versions.is_empty() {
            problem("versions", "there is no language version".into());
        }
        for (i, v) in self.versions.iter().enumerate() {
            let at = format!(
                "versions[{}]",
                if v.lang.is_empty() {
                    i.to_string()
                } else {
                    v.lang.clone()
                }
            );
            if !is_language_tag(&v.lang) {
                problem(&at, format!("`{}` is not a BCP 47 language tag", v.lang));
            }
            if self.versions[..i]
                .iter()
                .any(|w| w.lang.eq_ignore_ascii_case(&v.lang))
            {
                problem(&at, format!("language `{}` appears twice", v.lang));
            }
            if v.title.trim().is_empty() {
                problem(&at, "the title is empty".into());
            }
            if let Some(url) = v.url.as_deref().filter(|u| web_url(u).is_none()) {
                problem(&at, format!("url `{url}` is not an http or https URL"));
            }
            // A withdrawn commentary's text is left out of its document.
            if v.body.is_empty() && self.withdrawn.is_none() {
                problem(&at, "the body is empty".into());
            }
            if v.withdrawn_note.is_some() && self.withdrawn.is_none() {
                problem(
                    &at,
                    "a withdrawal note, but the commentary is not withdrawn".into(),
                );
            }
            for (n, c) in v.corrections.iter().enumerate() {
                if c.date < v.date(self) {
                    problem(
                        &at,
                        format!(
                            "correction {} is dated {}, before the version ({})",
                            n + 1,
                            c.date,
                            v.date(self)
                        ),
                    );
                }
                let mut inner = Walk::default();
                if inlines_too_deep(&c.text, 0, &mut inner) {
                    problem(
                        &at,
                        format!("correction {} nests deeper than {MAX_DEPTH} levels", n + 1),
                    );
                }
                if !inner.refs.is_empty() {
                    problem(
                        &at,
                        format!("correction {} holds a footnote reference", n + 1),
                    );
                }
                for lang in inner.bad_langs {
                    problem(&at, format!("`{lang}` is not a BCP 47 language tag"));
                }
            }
            let mut walk = Walk::default();
            let body_too_deep = blocks_too_deep(&v.body, 0, &mut walk);
            if body_too_deep {
                problem(
                    &at,
                    format!("the body nests deeper than {MAX_DEPTH} levels"),
                );
            }
            for (n, note) in v.notes.iter().enumerate() {
                let mut inner = Walk::default();
                if usize::try_from(note.number).ok() != Some(n + 1) {
                    problem(
                        &at,
                        format!("note {} is out of order (expected {})", note.number, n + 1),
                    );
                }
                if blocks_too_deep(&note.content, 0, &mut inner) {
                    problem(
                        &at,
                        format!("note {} nests deeper than {MAX_DEPTH} levels", note.number),
                    );
                }
                if !inner.refs.is_empty() {
                    problem(
                        &at,
                        format!("note {} holds a footnote reference", note.number),
                    );
                }
                walk.bad_langs.append(&mut inner.bad_langs);
                // The widget draws one back-link per reference: the count must be the real one
                // (a hand-written 4000000000 would hang the page). Not checked when the body was
                // too deep to walk whole.
                let found = walk.refs.iter().filter(|(r, _)| *r == note.number).count();
                if !body_too_deep && usize::try_from(note.references).ok() != Some(found) {
                    problem(
                        &at,
                        format!(
                            "note {} claims {} references, but the text has {found}",
                            note.number, note.references
                        ),
                    );
                }
            }
            for lang in &walk.bad_langs {
                problem(&at, format!("`{lang}` is not a BCP 47 language tag"));
            }
            for (note, occurrence) in walk.refs {
                match usize::try_from(note)
                    .ok()
                    .and_then(|n| v.notes.get(n.wrapping_sub(1)))
                {
                    None => problem(&at, format!("footnote reference {note} has no note")),
                    Some(n) if occurrence == 0 || occurrence > n.references => problem(
                        &at,
                        format!(
                            "footnote reference {note} has occurrence {occurrence} of {}",
                            n.references
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
        if !self.versions.is_empty() && self.original().is_none() {
            problem(
                "original_language",
                format!(
                    "`{}` names no version of this document",
                    self.original_language
                ),
            );
        }
        out
    }

    /// The version in the original language.
    pub fn original(&self) -> Option<&Version> {
        self.versions
            .iter()
            .find(|v| v.lang.eq_ignore_ascii_case(&self.original_language))
    }

    /// The version for a requested language tag: the same tag (any case), else the first version
    /// with the same language subtag (`az-Latn` for `az`, `en` for `en-GB`), else `None`.
    pub fn version(&self, lang: &str) -> Option<&Version> {
        self.versions
            .iter()
            .find(|v| v.lang.eq_ignore_ascii_case(lang))
            .or_else(|| {
                let want = primary_subtag(lang);
                self.versions
                    .iter()
                    .find(|v| primary_subtag(&v.lang) == want)
            })
    }

    /// The version to show first: the requested language when there is one, else the original,
    /// else the first version.
    pub fn initial_version(&self, requested: Option<&str>) -> Option<&Version> {
        requested
            .and_then(|l| self.version(l))
            .or_else(|| self.original())
            .or_else(|| self.versions.first())
    }
}

impl Version {
    /// The date of this version: its own, else the original's.
    pub fn date(&self, document: &Document) -> Date {
        self.published.unwrap_or(document.published)
    }
}

/// What a walk through blocks finds besides their depth.
#[derive(Default)]
struct Walk {
    /// Footnote references: (note, occurrence).
    refs: Vec<(u32, u32)>,
    /// `lang` values of [`Inline::Lang`] that are not language tags.
    bad_langs: Vec<String>,
}

/// Collects what [`Walk`] holds and tells whether blocks nest deeper than [`MAX_DEPTH`].
fn blocks_too_deep(blocks: &[Block], depth: usize, walk: &mut Walk) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    blocks.iter().any(|b| match b {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => {
            inlines_too_deep(c, depth + 1, walk)
        }
        Block::Quote(inner) => blocks_too_deep(inner, depth + 1, walk),
        Block::List { items, .. } => items
            .iter()
            .any(|item| blocks_too_deep(item, depth + 1, walk)),
        Block::Code(_) | Block::Rule => false,
    })
}

fn inlines_too_deep(inlines: &[Inline], depth: usize, walk: &mut Walk) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    inlines.iter().any(|i| match i {
        Inline::Lang { lang, content } => {
            if !is_language_tag(lang) {
                walk.bad_langs.push(lang.clone());
            }
            inlines_too_deep(content, depth + 1, walk)
        }
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
            inlines_too_deep(c, depth + 1, walk)
        }
        Inline::NoteRef { note, occurrence } => {
            walk.refs.push((*note, *occurrence));
            false
        }
        Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn sample() -> Document {
        Document {
            schema: SCHEMA_VERSION,
            id: "2026-36".into(),
            series: Some("Commentary".into()),
            number: Some("2026/36".into()),
            original_language: "tr".into(),
            published: Date::new(2026, 6, 17).unwrap(),
            authors: vec![Person {
                given: "İlaha".into(),
                family: "Khantamirova".into(),
            }],
            publisher: Publisher {
                name: "Center for Eurasian Studies".into(),
                short_name: Some("AVİM".into()),
                url: "https://avim.org.tr".into(),
                place: None,
            },
            versions: ["tr", "en"]
                .iter()
                .map(|lang| Version {
                    lang: (*lang).into(),
                    title: format!("Title {lang}"),
                    url: None,
                    published: None,
                    translator: None,
                    body: vec![Block::Paragraph(vec![
                        text("Text"),
                        Inline::NoteRef {
                            note: 1,
                            occurrence: 1,
                        },
                    ])],
                    notes: vec![Note {
                        number: 1,
                        label: "a".into(),
                        references: 1,
                        content: vec![Block::Paragraph(vec![text("Note")])],
                    }],
                    align: None,
                    citations: Vec::new(),
                    corrections: Vec::new(),
                    withdrawn_note: None,
                })
                .collect(),
            license: None,
            withdrawn: None,
        }
    }

    fn messages(d: &Document) -> Vec<String> {
        d.problems().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_sound_document_has_no_problems() {
        assert_eq!(messages(&sample()), Vec::<String>::new());
    }

    #[test]
    fn another_schema_version_is_refused_first() {
        let mut d = sample();
        d.schema = 2;
        d.id = "BAD".into();
        assert_eq!(
            messages(&d),
            ["schema version 2 is not supported (this widget reads version 1)"]
        );
    }

    #[test]
    fn each_broken_rule_is_named() {
        let mut d = sample();
        d.id = "Bad Id".into();
        d.authors.clear();
        d.publisher.url = "javascript:alert(1)".into();
        d.original_language = "de".into();
        d.versions[1].lang = "english".into();
        d.versions[1].title = "  ".into();
        d.versions[1].url = Some("javascript:alert(1)".into());
        d.versions[1].body = vec![Block::Paragraph(vec![
            Inline::NoteRef {
                note: 3,
                occurrence: 1,
            },
            Inline::NoteRef {
                note: 1,
                occurrence: 2,
            },
        ])];
        assert_eq!(
            messages(&d),
            [
                "id: `Bad Id` is not a commentary id (lower-case letters, digits and `-`)",
                "authors: there must be at least one author",
                "publisher.url: `javascript:alert(1)` is not an http or https URL",
                "versions[english]: `english` is not a BCP 47 language tag",
                "versions[english]: the title is empty",
                "versions[english]: url `javascript:alert(1)` is not an http or https URL",
                "versions[english]: footnote reference 3 has no note",
                "versions[english]: footnote reference 1 has occurrence 2 of 1",
                "original_language: `de` names no version of this document",
            ]
        );
    }

    #[test]
    fn a_note_must_count_its_real_references() {
        let mut d = sample();
        d.versions[0].notes[0].references = u32::MAX;
        d.versions[1].notes[0].references = 0;
        assert_eq!(
            messages(&d),
            [
                "versions[tr]: note 1 claims 4294967295 references, but the text has 1",
                "versions[en]: note 1 claims 0 references, but the text has 1",
                "versions[en]: footnote reference 1 has occurrence 1 of 0",
            ]
        );
    }

    #[test]
    fn deep_nesting_is_refused() {
        let mut d = sample();
        let mut block = Block::Paragraph(vec![text("deep")]);
        for _ in 0..(MAX_DEPTH + 2) {
            block = Block::Quote(vec![block]);
        }
        d.versions[0].body = vec![block];
        assert_eq!(
            messages(&d),
            ["versions[tr]: the body nests deeper than 24 levels"]
        );
    }

    #[test]
    fn versions_are_chosen_by_tag_then_language_then_original() {
        let d = sample();
        assert_eq!(
            d.initial_version(Some("en")).map(|v| v.lang.as_str()),
            Some("en")
        );
        assert_eq!(
            d.initial_version(Some("EN-gb")).map(|v| v.lang.as_str()),
            Some("en")
        );
        assert_eq!(
            d.initial_version(Some("de")).map(|v| v.lang.as_str()),
            Some("tr")
        );
        assert_eq!(d.initial_version(None).map(|v| v.lang.as_str()), Some("tr"));
    }

    #[test]
    fn json_shape_is_compact_and_round_trips() {
        let d = sample();
        let json = serde_json::to_string(&d.versions[0].body).unwrap();
        assert_eq!(
            json,
            r#"[{"paragraph":[{"text":"Text"},{"note_ref":{"note":1,"occurrence":1}}]}]"#
        );
        let back: Document = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }
}

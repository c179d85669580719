//! Reading modes (CONTRACTS §5): one version or two side by side, notes as popovers, in the
//! margin or at the end; which passages of two versions pair into rows; which version is the
//! second column; and how the mode a widget shows follows the page, the reader and the other
//! widgets of the page.
//!
//! - A loaded document shows the reader's stored mode, else the `reading` attribute, else one
//!   version; side by side needs two versions.
//! - A reader's choice is shown and remembered for the site; every other widget on the page
//!   that can show it follows at once.
//! - A later change of `reading` by the page switches, even away from the reader's choice, and
//!   from then on the stored choice no longer outranks the attribute for this element (as for
//!   `lang`).

use super::{Block, Document, Inline, Version};

/// How many versions the article shows at once (`reading` attribute, `commentary-reading-change`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reading {
    /// One version (`single`, the default).
    #[default]
    Single,
    /// The shown version and a second one in two columns (`parallel`).
    Parallel,
}

impl Reading {
    /// The mode an attribute (or a stored value) names; `None` for anything else.
    pub fn parse(value: &str) -> Option<Reading> {
        match value.trim().to_ascii_lowercase().as_str() {
            "single" => Some(Reading::Single),
            "parallel" => Some(Reading::Parallel),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Single => "single",
            Reading::Parallel => "parallel",
        }
    }

    /// The mode `document` can show: side by side needs two versions.
    pub fn for_document(self, document: &Document) -> Reading {
        match self {
            Reading::Parallel if document.versions.len() > 1 => Reading::Parallel,
            _ => Reading::Single,
        }
    }
}

/// Where the notes of the body stand (`notes` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NotesMode {
    /// A reference opens its note in a popover (`popover`, the default).
    #[default]
    Popover,
    /// Each note in the margin beside its first reference where the widget is wide enough;
    /// popovers where it is not (`side`).
    Side,
    /// References jump to the notes list; no popover (`end`).
    End,
}

impl NotesMode {
    /// The mode the attribute names; the default for anything else (absent, misspelt).
    pub fn from_attribute(value: Option<&str>) -> NotesMode {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("side") => NotesMode::Side,
            Some("end") => NotesMode::End,
            _ => NotesMode::Popover,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NotesMode::Popover => "popover",
            NotesMode::Side => "side",
            NotesMode::End => "end",
        }
    }
}

/// The rules' memory of one widget's reading mode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadingSwitch {
    /// Whether the page changed `reading` since mounting: then it outranks the stored choice.
    attribute_changed: bool,
    /// The mode asked for now (the document may show less: see [`Reading::for_document`]).
    wanted: Reading,
}

impl ReadingSwitch {
    pub fn new() -> ReadingSwitch {
        ReadingSwitch::default()
    }

    /// The mode asked for now.
    pub fn wanted(&self) -> Reading {
        self.wanted
    }

    /// A document loaded (or the widget mounted): the mode to show, given the reader's
    /// `stored` choice and the `reading` attribute. The stored choice counts only until the page
    /// has changed `reading`; unknown values count as absent.
    pub fn loaded(&mut self, stored: Option<&str>, attribute: Option<&str>) -> Reading {
        let stored = stored
            .filter(|_| !self.attribute_changed)
            .and_then(Reading::parse);
        self.wanted = stored
            .or_else(|| attribute.and_then(Reading::parse))
            .unwrap_or_default();
        self.wanted
    }

    /// The reader chose `mode` here (remember it) or in another widget of the page (it was
    /// remembered there): the mode to switch to, `None` when it is shown already.
    pub fn chosen(&mut self, mode: Reading) -> Option<Reading> {
        (self.wanted != mode).then(|| {
            self.wanted = mode;
            mode
        })
    }

    /// The page changed `reading` to `attribute`: the mode to switch to, if another. An absent
    /// or unknown value asks for one version.
    pub fn attribute_changed(&mut self, attribute: Option<&str>) -> Option<Reading> {
        self.attribute_changed = true;
        self.chosen(attribute.and_then(Reading::parse).unwrap_or_default())
    }
}

/// The version of the second column beside `shown`: the reader's `chosen` one when the document
/// has it and it is not `shown`; else the original; else (the original is shown) the first other
/// version. `None` when the document has one version.
pub fn second_version<'d>(
    document: &'d Document,
    shown: &str,
    chosen: Option<&str>,
) -> Option<&'d Version> {
    let others = || {
        document
            .versions
            .iter()
            .filter(move |v| !v.lang.eq_ignore_ascii_case(shown))
    };
    let named = |lang: &str| others().find(|v| v.lang.eq_ignore_ascii_case(lang));
    chosen
        .and_then(named)
        .or_else(|| named(&document.original_language))
        .or_else(|| others().next())
}

/// One row of the side-by-side view: the blocks (by index in each version's body) that stand
/// level. Counterparts share a row and the compiler's group id; a block the compiler could not
/// align stands alone in its row, where it falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Counterparts: the left block, the right block, and their group id (`data-passage`).
    Pair {
        left: usize,
        right: usize,
        passage: u32,
    },
    /// Two blocks at the same place in versions without a usable alignment: level, but not known
    /// to say the same thing (no `data-passage`).
    Level { left: usize, right: usize },
    /// A block of the left version alone.
    Left(usize),
    /// A block of the right version alone.
    Right(usize),
}

/// The rows of `left` and `right` side by side: every block of each once, in order.
///
/// With both alignments usable (one group id per block), the most counterparts that keep both
/// orders pair (a longest common subsequence of the group ids); the blocks between two pairs stand
/// alone, the left version's first, so that an unaligned block never pushes the rest out of
/// pairs. Without, blocks pair by position.
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let v = |align: Vec<u32>| -> Version { serde_json::from_value(serde_json::json!({
/// #   "lang": "en", "title": "T", "align": align,
/// #   "body": vec![serde_json::json!("rule"); align.len()] })).unwrap() };
/// let original = v(vec![0, 1, 2]);
/// let translation = v(vec![0, 7, 1, 2]); // block 1 has no counterpart
/// assert_eq!(pair_rows(&original, &translation), vec![
///     Row::Pair { left: 0, right: 0, passage: 0 },
///     Row::Right(1),
///     Row::Pair { left: 1, right: 2, passage: 1 },
///     Row::Pair { left: 2, right: 3, passage: 2 },
/// ]);
/// ```
pub fn pair_rows(left: &Version, right: &Version) -> Vec<Row> {
    match (alignment(left), alignment(right)) {
        (Some(l), Some(r)) => aligned_rows(l, r),
        _ => positional_rows(left.body.len(), right.body.len()),
    }
}

fn alignment(version: &Version) -> Option<&[u32]> {
    version
        .align
        .as_deref()
        .filter(|a| a.len() == version.body.len())
}

fn positional_rows(left: usize, right: usize) -> Vec<Row> {
    let level = left.min(right);
    let mut rows: Vec<Row> = (0..level)
        .map(|i| Row::Level { left: i, right: i })
        .collect();
    rows.extend((level..left).map(Row::Left));
    rows.extend((level..right).map(Row::Right));
    rows
}

/// Longest common subsequence of the group ids, then the blocks between pairs alone.
fn aligned_rows(left: &[u32], right: &[u32]) -> Vec<Row> {
    let (n, m) = (left.len(), right.len());
    // `best[i][j]`: the most pairs among left[i..] and right[j..], in one flat table.
    let width = m + 1;
    let mut best = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            best[i * width + j] = if left[i] == right[j] {
                best[(i + 1) * width + j + 1] + 1
            } else {
                best[(i + 1) * width + j].max(best[i * width + j + 1])
            };
        }
    }
    let mut rows = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if left[i] == right[j] {
            rows.push(Row::Pair {
                left: i,
                right: j,
                passage: left[i],
            });
            i += 1;
            j += 1;
        } else if best[(i + 1) * width + j] >= best[i * width + j + 1] {
            rows.push(Row::Left(i));
            i += 1;
        } else {
            rows.push(Row::Right(j));
            j += 1;
        }
    }
    rows.extend((i..n).map(Row::Left));
    rows.extend((j..m).map(Row::Right));
    rows
}

/// Where each side note stands: beside the first reference to its note in the body, as
/// `(note, block)` with the index of the top-level block holding that reference, in reading
/// order. A note the body never cites has no side note (it stays in the notes list).
pub fn side_note_places(version: &Version) -> Vec<(u32, usize)> {
    let mut places: Vec<(u32, usize)> = Vec::new();
    for (index, block) in version.body.iter().enumerate() {
        let mut cited = Vec::new();
        block_refs(block, &mut cited);
        for note in cited {
            if !places.iter().any(|(n, _)| *n == note) {
                places.push((note, index));
            }
        }
    }
    places
}

fn block_refs(block: &Block, out: &mut Vec<u32>) {
    match block {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => inline_refs(c, out),
        Block::Quote(blocks) => blocks.iter().for_each(|b| block_refs(b, out)),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_refs(b, out)),
        Block::Code(_) | Block::Rule => {}
    }
}

fn inline_refs(inlines: &[Inline], out: &mut Vec<u32>) {
    for inline in inlines {
        match inline {
            Inline::NoteRef { note, .. } => out.push(*note),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Lang { content: c, .. }
            | Inline::Link { content: c, .. } => inline_refs(c, out),
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(lang: &str, align: Option<Vec<u32>>, blocks: usize) -> Version {
        serde_json::from_value(serde_json::json!({
            "lang": lang, "title": "T", "align": align,
            "body": vec![serde_json::json!("rule"); blocks],
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn document(langs: &[&str], original: &str) -> Document {
        let versions: Vec<serde_json::Value> = langs
            .iter()
            .map(|l| serde_json::json!({"lang": l, "title": "T", "body": ["rule"]}))
            .collect();
        serde_json::from_value(serde_json::json!({
            "schema": 1, "id": "x", "original_language": original, "published": "2026-06-17",
            "authors": [{"given": "A", "family": "B"}],
            "publisher": {"name": "P", "url": "https://p.example"},
            "versions": versions,
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn modes_parse_their_attribute_values_and_fall_back() {
        assert_eq!(Reading::parse(" Parallel "), Some(Reading::Parallel));
        assert_eq!(Reading::parse("single"), Some(Reading::Single));
        assert_eq!(Reading::parse("both"), None);
        assert_eq!(NotesMode::from_attribute(Some("SIDE")), NotesMode::Side);
        assert_eq!(NotesMode::from_attribute(Some("end")), NotesMode::End);
        assert_eq!(
            NotesMode::from_attribute(Some("margin")),
            NotesMode::Popover
        );
        assert_eq!(NotesMode::from_attribute(None), NotesMode::Popover);
        let one = document(&["en"], "en");
        let two = document(&["en", "tr"], "tr");
        assert_eq!(Reading::Parallel.for_document(&one), Reading::Single);
        assert_eq!(Reading::Parallel.for_document(&two), Reading::Parallel);
    }

    #[test]
    fn the_stored_choice_outranks_the_attribute_until_the_page_changes_it() {
        let mut switch = ReadingSwitch::new();
        assert_eq!(switch.loaded(None, None), Reading::Single);
        assert_eq!(switch.loaded(None, Some("parallel")), Reading::Parallel);
        assert_eq!(
            switch.loaded(Some("single"), Some("parallel")),
            Reading::Single
        );
        assert_eq!(
            switch.loaded(Some("junk"), Some("parallel")),
            Reading::Parallel
        );
        // The reader chooses; choosing again is no switch.
        assert_eq!(switch.chosen(Reading::Single), Some(Reading::Single));
        assert_eq!(switch.chosen(Reading::Single), None);
        // The page sets the attribute after the reader chose: the page wins, now and on reload.
        assert_eq!(
            switch.attribute_changed(Some("parallel")),
            Some(Reading::Parallel)
        );
        assert_eq!(
            switch.loaded(Some("single"), Some("parallel")),
            Reading::Parallel
        );
        assert_eq!(switch.attribute_changed(None), Some(Reading::Single));
    }

    #[test]
    fn the_second_column_is_the_chosen_then_the_original_then_the_first_other() {
        let doc = document(&["en", "tr", "ru"], "tr");
        let lang = |v: Option<&Version>| v.map(|v| v.lang.clone());
        assert_eq!(
            lang(second_version(&doc, "en", None)).as_deref(),
            Some("tr")
        );
        assert_eq!(
            lang(second_version(&doc, "tr", None)).as_deref(),
            Some("en")
        );
        assert_eq!(
            lang(second_version(&doc, "en", Some("RU"))).as_deref(),
            Some("ru")
        );
        // A choice the document lacks, or the shown version itself, does not count.
        assert_eq!(
            lang(second_version(&doc, "en", Some("de"))).as_deref(),
            Some("tr")
        );
        assert_eq!(
            lang(second_version(&doc, "tr", Some("tr"))).as_deref(),
            Some("en")
        );
        assert_eq!(second_version(&document(&["en"], "en"), "en", None), None);
    }

    #[test]
    fn unaligned_blocks_stand_alone_without_breaking_the_pairs_after_them() {
        let left = version("tr", Some(vec![0, 1, 2, 3]), 4);
        let right = version("en", Some(vec![0, 9, 2, 8, 3]), 5);
        assert_eq!(
            pair_rows(&left, &right),
            vec![
                Row::Pair {
                    left: 0,
                    right: 0,
                    passage: 0
                },
                Row::Left(1),
                Row::Right(1),
                Row::Pair {
                    left: 2,
                    right: 2,
                    passage: 2
                },
                Row::Right(3),
                Row::Pair {
                    left: 3,
                    right: 4,
                    passage: 3
                },
            ]
        );
        // A crossing (the translation moved a block) keeps the most pairs in order.
        let moved = version("en", Some(vec![0, 2, 1, 3]), 4);
        let rows = pair_rows(&left, &moved);
        let pairs = rows
            .iter()
            .filter(|r| matches!(r, Row::Pair { .. }))
            .count();
        assert_eq!(pairs, 3);
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn every_block_of_each_side_appears_once_in_order() {
        for (l, r) in [
            (vec![0, 1, 2], vec![5, 6]),
            (vec![], vec![0, 1]),
            (vec![3, 1, 2, 0], vec![0, 1, 2, 3]),
        ] {
            let (ln, rn) = (l.len(), r.len());
            let rows = pair_rows(&version("a", Some(l), ln), &version("b", Some(r), rn));
            let lefts: Vec<usize> = rows
                .iter()
                .filter_map(|row| match *row {
                    Row::Pair { left, .. } | Row::Level { left, .. } | Row::Left(left) => {
                        Some(left)
                    }
                    Row::Right(_) => None,
                })
                .collect();
            let rights: Vec<usize> = rows
                .iter()
                .filter_map(|row| match *row {
                    Row::Pair { right, .. } | Row::Level { right, .. } | Row::Right(right) => {
                        Some(right)
                    }
                    Row::Left(_) => None,
                })
                .collect();
            assert_eq!(lefts, (0..ln).collect::<Vec<_>>());
            assert_eq!(rights, (0..rn).collect::<Vec<_>>());
        }
    }

    #[test]
    fn without_a_usable_alignment_blocks_pair_by_position() {
        let left = version("tr", None, 3);
        let right = version("en", Some(vec![0]), 2); // length does not fit the body
        assert_eq!(
            pair_rows(&left, &right),
            vec![
                Row::Level { left: 0, right: 0 },
                Row::Level { left: 1, right: 1 },
                Row::Left(2),
            ]
        );
    }

    #[test]
    fn a_side_note_stands_beside_the_first_reference_to_its_note() {
        let v: Version = serde_json::from_value(serde_json::json!({
            "lang": "en", "title": "T",
            "body": [
                {"paragraph": [{"text": "a"}, {"note_ref": {"note": 2, "occurrence": 1}}]},
                {"quote": [{"paragraph": [{"note_ref": {"note": 1, "occurrence": 1}},
                                          {"note_ref": {"note": 2, "occurrence": 2}}]}]},
                {"list": {"ordered": false, "items": [[{"paragraph": [
                    {"emphasis": [{"note_ref": {"note": 3, "occurrence": 1}}]}]}]]}},
            ],
            "notes": [],
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(side_note_places(&v), vec![(2, 0), (1, 1), (3, 2)]);
    }
}

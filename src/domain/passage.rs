//! The reader's place, carried from one language version to another.
//!
//! The compiler aligns the top-level blocks of every version (`Version::align`, one group id per
//! block; blocks with the same id say the same thing). Switching languages keeps in view the
//! counterpart of the passage the reader was at; [`counterpart`] finds it.

use super::Version;

/// Where in a rendered version the reader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Passage {
    /// Above the body: the title and byline.
    Start,
    /// The top-level block of the body with this index (from 0).
    Block(usize),
    /// The note with this number, in the notes list.
    Note(u32),
    /// Past the end of the widget.
    End,
}

/// The passage of another version that stands where the reader's passage stood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counterpart {
    pub passage: Passage,
    /// Whether it says the same thing (aligned blocks, a note of the same number, the start or
    /// the end); `false` when it is only the nearest (the reader's passage has no counterpart) or
    /// a guess by proportion. The widget keeps an exact counterpart exactly where the passage
    /// was, and brings an inexact one fully into view there.
    pub exact: bool,
}

/// The passage of `to` that stands where `passage` stands in `from`.
///
/// - A block maps through the alignment to the block of `to` in the same group.
/// - A block with no counterpart (the versions differ in structure there) maps to the
///   counterpart of the next block that has one, the text the reader would go on to; at the end
///   of the body, to that of the nearest block before it.
/// - Without a usable alignment (a hand-written document, an `align` whose length is not the
///   body's), to the block at the same proportion of the body.
/// - A note maps to the note of the same number (the last one when `to` has fewer notes, or
///   [`Passage::End`] when it has none); the start and the end map to themselves.
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let v = |align: Vec<u32>| -> Version { serde_json::from_value(serde_json::json!({
/// #   "lang": "en", "title": "T", "align": align,
/// #   "body": vec![serde_json::json!("rule"); align.len()] })).unwrap() };
/// let en = v(vec![9, 0, 1, 2]); // an extra block first
/// let tr = v(vec![0, 1, 2]);
/// let exact = |i| Counterpart { passage: Passage::Block(i), exact: true };
/// assert_eq!(counterpart(&en, &tr, Passage::Block(2)), exact(1));
/// assert_eq!(counterpart(&tr, &en, Passage::Block(0)), exact(1));
/// // en's extra first block: tr's first block, the text the reader goes on to.
/// assert_eq!(counterpart(&en, &tr, Passage::Block(0)).passage, Passage::Block(0));
/// assert!(!counterpart(&en, &tr, Passage::Block(0)).exact);
/// ```
pub fn counterpart(from: &Version, to: &Version, passage: Passage) -> Counterpart {
    let (passage, exact) = match passage {
        Passage::Start | Passage::End => (passage, true),
        Passage::Note(number) => match u32::try_from(to.notes.len()) {
            Ok(0) | Err(_) => (Passage::End, false),
            Ok(count) => (Passage::Note(number.clamp(1, count)), number <= count),
        },
        Passage::Block(index) => match aligned_block(from, to, index) {
            Some((block, exact)) => (Passage::Block(block), exact),
            None => (Passage::Block(proportional_block(from, to, index)), false),
        },
    };
    Counterpart { passage, exact }
}

/// The alignment of a version, when it has one that fits its body.
fn alignment(version: &Version) -> Option<&[u32]> {
    version
        .align
        .as_deref()
        .filter(|a| a.len() == version.body.len())
}

/// The aligned counterpart of block `index`, and whether it is its own (not a neighbour's).
fn aligned_block(from: &Version, to: &Version, index: usize) -> Option<(usize, bool)> {
    let (source, target) = (alignment(from)?, alignment(to)?);
    let find = |group: &u32| target.iter().position(|g| g == group);
    if let Some(own) = source.get(index).and_then(find) {
        return Some((own, true));
    }
    let after = source.get(index..)?.iter().find_map(find);
    after
        .or_else(|| source.get(..index)?.iter().rev().find_map(find))
        .map(|block| (block, false))
}

fn proportional_block(from: &Version, to: &Version, index: usize) -> usize {
    let (from_len, to_len) = (from.body.len().max(1), to.body.len());
    // The same share of the body: block 3 of 10 is block 6 of 20.
    (index.min(from_len - 1) * to_len / from_len).min(to_len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Block, Note};

    fn version(blocks: usize, align: Option<Vec<u32>>, notes: u32) -> Version {
        Version {
            lang: "en".into(),
            title: "T".into(),
            url: None,
            published: None,
            translator: None,
            body: vec![Block::Rule; blocks],
            notes: (1..=notes)
                .map(|number| Note {
                    number,
                    label: number.to_string(),
                    references: 1,
                    content: vec![Block::Rule],
                })
                .collect(),
            align,
            citations: Vec::new(),
            corrections: Vec::new(),
            withdrawn_note: None,
        }
    }

    #[test]
    fn aligned_blocks_map_to_their_group() {
        // The seed: en has an extra lead paragraph the Turkish original lacks.
        let tr = version(3, Some(vec![0, 1, 2]), 0);
        let en = version(4, Some(vec![3, 0, 1, 2]), 0);
        let map = |f: &Version, t: &Version, i| {
            let c = counterpart(f, t, Passage::Block(i));
            (c.passage, c.exact)
        };
        let block = |i, exact| (Passage::Block(i), exact);
        assert_eq!(
            [0, 1, 2, 3].map(|i| map(&en, &tr, i)),
            [
                block(0, false),
                block(0, true),
                block(1, true),
                block(2, true)
            ]
        );
        assert_eq!(
            [0, 1, 2].map(|i| map(&tr, &en, i)),
            [block(1, true), block(2, true), block(3, true)]
        );
    }

    fn at(c: Counterpart) -> (Passage, bool) {
        (c.passage, c.exact)
    }

    #[test]
    fn a_block_without_counterpart_keeps_the_next_then_the_previous() {
        // ru splits group 1 into two blocks (1 and 7); its last block (8) is extra.
        let az = version(4, Some(vec![0, 1, 2, 3]), 0);
        let ru = version(6, Some(vec![0, 1, 7, 2, 3, 8]), 0);
        let m = |f: &Version, t: &Version, i| at(counterpart(f, t, Passage::Block(i)));
        assert_eq!(m(&ru, &az, 2), (Passage::Block(2), false));
        assert_eq!(m(&ru, &az, 5), (Passage::Block(3), false));
        assert_eq!(m(&ru, &az, 4), (Passage::Block(3), true));
        // en (another translation) lacks group 2.
        let en = version(3, Some(vec![0, 1, 3]), 0);
        assert_eq!(m(&az, &en, 2), (Passage::Block(2), false));
        assert_eq!(m(&ru, &en, 3), (Passage::Block(2), false));
        assert_eq!(m(&ru, &en, 1), (Passage::Block(1), true));
    }

    #[test]
    fn without_alignment_the_same_proportion() {
        let short = version(5, None, 0);
        let long = version(10, None, 0);
        let m = |f: &Version, t: &Version, i| at(counterpart(f, t, Passage::Block(i)));
        assert_eq!(m(&short, &long, 2), (Passage::Block(4), false));
        assert_eq!(m(&long, &short, 9), (Passage::Block(4), false));
        assert_eq!(m(&long, &short, 0), (Passage::Block(0), false));
        // An alignment of the wrong length is no alignment.
        let bad = version(10, Some(vec![0, 1]), 0);
        let good = version(5, Some(vec![0, 1, 2, 3, 4]), 0);
        assert_eq!(m(&bad, &good, 6), (Passage::Block(3), false));
        assert_eq!(m(&bad, &good, 99), (Passage::Block(4), false));
    }

    #[test]
    fn notes_start_and_end() {
        let two = version(1, None, 2);
        let one = version(1, None, 1);
        let none = version(1, None, 0);
        let m = |f: &Version, t: &Version, p| at(counterpart(f, t, p));
        assert_eq!(m(&two, &two, Passage::Note(2)), (Passage::Note(2), true));
        assert_eq!(m(&two, &one, Passage::Note(2)), (Passage::Note(1), false));
        assert_eq!(m(&two, &none, Passage::Note(1)), (Passage::End, false));
        assert_eq!(m(&two, &one, Passage::Start), (Passage::Start, true));
        assert_eq!(m(&two, &one, Passage::End), (Passage::End, true));
    }
}

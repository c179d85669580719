//! Aligns the top-level blocks of every language version with the original's, so that the
//! widget can keep the reader's place when they switch languages.
//!
//! Each block gets a signature (its kind, heading level, list shape, the footnotes it cites,
//! whether it is all emphasis, its share of the version's text), and the blocks of each
//! translation are aligned with the original's by sequence alignment (Needleman–Wunsch) over
//! those signatures: only blocks of the same kind can pair, and pairs that cite the same notes
//! and are of similar length score best. Paired blocks share a group id (the original block's
//! index); a block with no counterpart gets an id of its own, and a warning names it.

use super::report::Report;
use crate::domain::{Block, Inline, Version};

/// What two blocks are compared by.
#[derive(Clone, Debug, PartialEq)]
struct Signature {
    kind: &'static str,
    /// Heading level, or the number of list items.
    shape: u64,
    /// The notes cited, in order of first citation, without repeats.
    notes: Vec<u32>,
    /// A paragraph that is all emphasis (an italic lead, a note to the reader).
    emphasis_only: bool,
    /// The block's share of the version's text, 0..=1.
    weight: f64,
}

/// What a block is, in a warning.
fn kind(block: &Block) -> &'static str {
    match block {
        Block::Paragraph(_) => "paragraph",
        Block::Heading { .. } => "heading",
        Block::Quote(_) => "quote",
        Block::List { ordered: true, .. } => "numbered list",
        Block::List { .. } => "list",
        Block::Code(_) => "code block",
        Block::Rule => "rule",
    }
}

fn signatures(blocks: &[Block]) -> Vec<Signature> {
    let lengths: Vec<usize> = blocks.iter().map(|b| block_text_len(b).max(1)).collect();
    let total = lengths.iter().sum::<usize>().max(1) as f64;
    blocks
        .iter()
        .zip(&lengths)
        .map(|(block, len)| {
            let mut notes = Vec::new();
            block_notes(block, &mut notes);
            let shape = match block {
                Block::Heading { level, .. } => u64::from(*level),
                Block::List { items, .. } => items.len() as u64,
                _ => 0,
            };
            let emphasis_only = matches!(block, Block::Paragraph(c)
                if !c.is_empty() && c.iter().all(|i| matches!(i, Inline::Emphasis(_) | Inline::NoteRef { .. })));
            Signature {
                kind: kind(block),
                shape,
                notes,
                emphasis_only,
                weight: *len as f64 / total,
            }
        })
        .collect()
}

fn block_text_len(block: &Block) -> usize {
    match block {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => inlines_text_len(c),
        Block::Quote(inner) => inner.iter().map(block_text_len).sum(),
        Block::List { items, .. } => items.iter().flatten().map(block_text_len).sum(),
        Block::Code(text) => text.chars().count(),
        Block::Rule => 0,
    }
}

fn inlines_text_len(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Code(t) => t.chars().count(),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => inlines_text_len(c),
            Inline::NoteRef { .. } | Inline::LineBreak => 0,
        })
        .sum()
}

fn block_notes(block: &Block, out: &mut Vec<u32>) {
    match block {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => inline_notes(c, out),
        Block::Quote(inner) => inner.iter().for_each(|b| block_notes(b, out)),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_notes(b, out)),
        Block::Code(_) | Block::Rule => {}
    }
}

fn inline_notes(inlines: &[Inline], out: &mut Vec<u32>) {
    for inline in inlines {
        match inline {
            Inline::NoteRef { note, .. } if !out.contains(note) => out.push(*note),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Lang { content: c, .. } => inline_notes(c, out),
            _ => {}
        }
    }
}

/// The cost of leaving a block without a counterpart.
const GAP: f64 = -0.75;

/// How well two blocks correspond; `None` when they cannot (different kinds).
fn score(a: &Signature, b: &Signature) -> Option<f64> {
    if a.kind != b.kind {
        return None;
    }
    let mut score = 1.0;
    // Translations keep the proportions of the text roughly.
    let (small, large) = (a.weight.min(b.weight), a.weight.max(b.weight));
    score += if large > 0.0 { small / large } else { 1.0 };
    score += match (a.notes.is_empty(), b.notes.is_empty()) {
        (true, true) => 0.5,
        (false, false) if a.notes == b.notes => 2.0,
        (false, false) if a.notes.iter().any(|n| b.notes.contains(n)) => 1.0,
        (false, false) => -1.5,
        _ => -0.5,
    };
    score += if a.emphasis_only == b.emphasis_only {
        0.25
    } else {
        -0.5
    };
    if a.shape != b.shape {
        score -= 0.25;
    }
    Some(score)
}

/// The pairs (index in `a`, index in `b`) of the best alignment of `a` with `b`, in order.
fn align_pairs(a: &[Signature], b: &[Signature]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // best[i][j]: the best score of aligning a[..i] with b[..j].
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for (i, row) in best.iter_mut().enumerate() {
        row[0] = GAP * i as f64;
    }
    for (j, cell) in best[0].iter_mut().enumerate() {
        *cell = GAP * j as f64;
    }
    for i in 1..=n {
        for j in 1..=m {
            let gap = (best[i - 1][j] + GAP).max(best[i][j - 1] + GAP);
            let pair =
                score(&a[i - 1], &b[j - 1]).map_or(f64::NEG_INFINITY, |s| best[i - 1][j - 1] + s);
            best[i][j] = gap.max(pair);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = best[i][j];
        let paired = score(&a[i - 1], &b[j - 1])
            .is_some_and(|s| (best[i - 1][j - 1] + s - here).abs() < 1e-9);
        if paired {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if (best[i - 1][j] + GAP - here).abs() < 1e-9 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

/// One language version on its way into the document, with what alignment needs.
pub(crate) struct Aligning<'a> {
    pub(crate) version: &'a mut Version,
    /// Where each top-level block starts in its file.
    pub(crate) offsets: &'a [usize],
    pub(crate) report: &'a mut Report,
}

/// Sets `align` on every version: the original's blocks are groups `0..n`; each translation's
/// blocks take the group of the original block they pair with, or a new group of their own.
/// Each block of a translation with no counterpart in the original, and each block of the
/// original missing from a translation, is a warning in the translation's file. Does nothing
/// when `original` names no version.
pub(crate) fn align_versions(original: &str, versions: &mut [Aligning<'_>]) {
    let Some(o) = versions
        .iter()
        .position(|v| v.version.lang.eq_ignore_ascii_case(original))
    else {
        return;
    };
    let original_blocks = versions[o].version.body.clone();
    let original_file = file_name(versions[o].report);
    let original_offsets = versions[o].offsets.to_vec();
    let original_lines: Vec<usize> = original_offsets
        .iter()
        .map(|off| versions[o].report.line(*off))
        .collect();
    let base = signatures(&original_blocks);
    let count = u32::try_from(base.len()).unwrap_or(u32::MAX);
    versions[o].version.align = Some((0..count).collect());
    let mut next_group = count;
    for (k, v) in versions.iter_mut().enumerate() {
        if k == o {
            continue;
        }
        let own = signatures(&v.version.body);
        let pairs = align_pairs(&base, &own);
        let mut groups = vec![None; own.len()];
        for (i, j) in &pairs {
            groups[*j] = u32::try_from(*i).ok();
        }
        let mut align = Vec::with_capacity(own.len());
        for (j, group) in groups.iter().enumerate() {
            let group = group.unwrap_or_else(|| {
                let new = next_group;
                next_group = next_group.saturating_add(1);
                let what = kind(&v.version.body[j]);
                v.report.warning(
                    v.offsets.get(j).copied(),
                    format!("this {what} has no counterpart in the original ({original_file}); switching language here keeps the next aligned passage in view"),
                );
                new
            });
            align.push(group);
        }
        // Blocks of the original that no block of this version pairs with, reported where they
        // would be: before the block of this version that pairs with the next original block.
        let mut paired = pairs.iter().peekable();
        for (i, block) in original_blocks.iter().enumerate() {
            while paired.next_if(|(a, _)| *a < i).is_some() {}
            if paired.peek().is_some_and(|(a, _)| *a == i) {
                continue;
            }
            let at = paired
                .peek()
                .and_then(|(_, j)| v.offsets.get(*j))
                .or(v.offsets.last())
                .copied();
            let line = original_lines.get(i).copied().unwrap_or(1);
            v.report.warning(
                at,
                format!("the {} at {original_file}:{line} (the original) has no counterpart in this version", kind(block)),
            );
        }
        v.version.align = Some(align);
    }
}

fn file_name(report: &Report) -> String {
    report
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, notes: &[u32]) -> Block {
        let mut c = vec![Inline::Text(text.into())];
        c.extend(notes.iter().map(|&note| Inline::NoteRef {
            note,
            occurrence: 1,
        }));
        Block::Paragraph(c)
    }

    fn lead(text: &str) -> Block {
        Block::Paragraph(vec![Inline::Emphasis(vec![Inline::Text(text.into())])])
    }

    fn h(text: &str) -> Block {
        Block::Heading {
            level: 2,
            content: vec![Inline::Text(text.into())],
        }
    }

    fn pairs(a: &[Block], b: &[Block]) -> Vec<(usize, usize)> {
        align_pairs(&signatures(a), &signatures(b))
    }

    #[test]
    fn an_extra_lead_paragraph_is_left_out_and_the_rest_pairs() {
        // The seed: en starts with an italic note the Turkish original lacks.
        let long = "x".repeat(400);
        let tr = [p(&long, &[1]), h("Başlık"), p(&long, &[]), p(&long, &[2])];
        let en = [
            lead("This is the English translation."),
            p(&long, &[1]),
            h("Heading"),
            p(&long, &[]),
            p(&long, &[2]),
        ];
        assert_eq!(pairs(&tr, &en), [(0, 1), (1, 2), (2, 3), (3, 4)]);
    }

    #[test]
    fn a_split_paragraph_pairs_with_the_closer_half() {
        let a = [h("H"), p(&"a".repeat(600), &[1]), p(&"b".repeat(300), &[])];
        let b = [
            h("H"),
            p(&"a".repeat(250), &[]),
            p(&"a".repeat(350), &[1]),
            p(&"b".repeat(300), &[]),
        ];
        assert_eq!(pairs(&a, &b), [(0, 0), (1, 2), (2, 3)]);
    }

    #[test]
    fn blocks_of_different_kinds_never_pair() {
        let a = [p("text", &[]), Block::Rule];
        let b = [Block::Code("text".into()), h("H")];
        assert_eq!(pairs(&a, &b), []);
    }

    #[test]
    fn footnotes_decide_between_paragraphs_of_like_length() {
        let a = [p(&"a".repeat(100), &[1]), p(&"b".repeat(100), &[2])];
        let b = [p(&"b".repeat(100), &[2])];
        assert_eq!(pairs(&a, &b), [(1, 0)]);
    }
}

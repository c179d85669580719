//! Runs of Cyrillic text in a version written in another script, marked with their language.
//!
//! Commentaries cite sources in the languages they were written in: the seed's English text
//! cites a Russian article by its Russian title. Marked as [`Inline::Lang`], such a run is read
//! by a screen reader in the right voice and hyphenated by the right rules. Markdown has no
//! syntax for a span's language, so the compiler recognises the script; a Latin-script run in
//! another Latin-script language (a Turkish title in an English note) cannot be told apart and is
//! left as it is.

use crate::domain::{primary_subtag, Block, Inline, Note};

/// Languages written in Cyrillic, whose versions are left alone.
const CYRILLIC_LANGUAGES: &[&str] = &[
    "ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "mn", "tt", "ba", "cv", "ce", "os", "ab",
    "sah",
];

/// Marks every Cyrillic run in the blocks and notes of a version in `lang`.
pub(crate) fn mark_foreign_script(blocks: &mut [Block], notes: &mut [Note], lang: &str) {
    if CYRILLIC_LANGUAGES.contains(&primary_subtag(lang).as_str()) {
        return;
    }
    for block in blocks
        .iter_mut()
        .chain(notes.iter_mut().flat_map(|n| n.content.iter_mut()))
    {
        mark_block(block);
    }
}

fn mark_block(block: &mut Block) {
    match block {
        Block::Paragraph(inlines)
        | Block::Heading {
            content: inlines, ..
        } => mark_inlines(inlines),
        Block::Quote(blocks) => blocks.iter_mut().for_each(mark_block),
        Block::List { items, .. } => items.iter_mut().flatten().for_each(mark_block),
        Block::Code(_) | Block::Rule => {}
    }
}

fn mark_inlines(inlines: &mut Vec<Inline>) {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines.drain(..) {
        match inline {
            Inline::Text(text) => out.extend(split_text(&text)),
            Inline::Emphasis(mut c) => {
                mark_inlines(&mut c);
                out.push(Inline::Emphasis(c));
            }
            Inline::Strong(mut c) => {
                mark_inlines(&mut c);
                out.push(Inline::Strong(c));
            }
            Inline::Link { href, mut content } => {
                mark_inlines(&mut content);
                out.push(Inline::Link { href, content });
            }
            other => out.push(other),
        }
    }
    *inlines = out;
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}')
}

/// Splits text into plain runs and Cyrillic runs. A Cyrillic run starts and ends with a Cyrillic
/// letter and spans everything between that is not a letter of another script (spaces,
/// punctuation, digits, «quotes»).
fn split_text(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut run: Option<(usize, usize)> = None; // byte range of the current Cyrillic run
    for (i, c) in text.char_indices() {
        if is_cyrillic(c) && c.is_alphabetic() {
            let start = run.map_or(i, |(s, _)| s);
            run = Some((start, i + c.len_utf8()));
        } else if c.is_alphabetic() {
            if let Some((s, e)) = run.take() {
                push_runs(&mut out, &text[plain_start..s], &text[s..e]);
                plain_start = e;
            }
        }
    }
    if let Some((s, e)) = run {
        push_runs(&mut out, &text[plain_start..s], &text[s..e]);
        plain_start = e;
    }
    if plain_start < text.len() {
        out.push(Inline::Text(text[plain_start..].to_owned()));
    }
    out
}

fn push_runs(out: &mut Vec<Inline>, plain: &str, cyrillic: &str) {
    if !plain.is_empty() {
        out.push(Inline::Text(plain.to_owned()));
    }
    out.push(Inline::Lang {
        lang: guess_cyrillic_language(cyrillic).into(),
        content: vec![Inline::Text(cyrillic.to_owned())],
    });
}

/// The likeliest language of a Cyrillic run, from the letters only some alphabets have; Russian
/// when none is telling.
fn guess_cyrillic_language(run: &str) -> &'static str {
    let has = |letters: &str| {
        run.chars()
            .any(|c| letters.contains(c.to_lowercase().next().unwrap_or(c)))
    };
    if has("әғқңөұһ") {
        "kk"
    } else if has("ў") {
        "be"
    } else if has("іїєґ") && !has("ыэъ") {
        "uk"
    } else {
        "ru"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn lang(l: &str, s: &str) -> Inline {
        Inline::Lang {
            lang: l.into(),
            content: vec![text(s)],
        }
    }

    #[test]
    fn the_seeds_russian_source_is_marked_as_one_run() {
        let note = "Юрий Мавашев, Турция и Азербайджан: противоречия между «союзниками» скрывать всё труднее, June 15, 2026, ";
        assert_eq!(
            split_text(note),
            [
                lang("ru", "Юрий Мавашев, Турция и Азербайджан: противоречия между «союзниками» скрывать всё труднее"),
                text(", June 15, 2026, "),
            ]
        );
    }

    #[test]
    fn latin_text_is_left_alone_and_runs_split_at_latin_letters() {
        assert_eq!(split_text("plain Türkçe text"), [text("plain Türkçe text")]);
        assert_eq!(
            split_text("a Київ b Москва"),
            [
                text("a "),
                lang("uk", "Київ"),
                text(" b "),
                lang("ru", "Москва")
            ]
        );
        assert_eq!(split_text("Қазақстан"), [lang("kk", "Қазақстан")]);
    }

    #[test]
    fn marks_inside_emphasis_and_notes_but_not_in_cyrillic_versions() {
        let mut blocks = vec![Block::Paragraph(vec![Inline::Emphasis(vec![text(
            "see Правда",
        )])])];
        let mut notes = vec![];
        mark_foreign_script(&mut blocks, &mut notes, "ru");
        assert_eq!(
            blocks,
            [Block::Paragraph(vec![Inline::Emphasis(vec![text(
                "see Правда"
            )])])]
        );
        mark_foreign_script(&mut blocks, &mut notes, "en");
        assert_eq!(
            blocks,
            [Block::Paragraph(vec![Inline::Emphasis(vec![
                text("see "),
                lang("ru", "Правда")
            ])])]
        );
    }
}

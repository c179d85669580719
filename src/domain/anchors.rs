//! One set of anchors and labels for footnotes, shared by the widget and the article pages, so
//! a link to `#note-3` means the same note in both.

/// The id of the `occurrence`-th reference (from 1) to note `note` in the text.
///
/// # Example
/// ```
/// use commentary_embed::domain::{note_id, ref_id};
/// assert_eq!(ref_id(3, 2), "ref-3-2");
/// assert_eq!(note_id(3), "note-3");
/// ```
pub fn ref_id(note: u32, occurrence: u32) -> String {
    format!("ref-{note}-{occurrence}")
}

/// The id of note `note` in the notes list.
pub fn note_id(note: u32) -> String {
    format!("note-{note}")
}

/// The number of the note whose list item has the id `id` (the inverse of [`note_id`]).
pub fn note_number(id: &str) -> Option<u32> {
    id.strip_prefix("note-")?.parse().ok()
}

/// The mark of the back-link from a note to its `occurrence`-th reference: `↑` when the note
/// has a single reference, else a, b, c … (`references`: how many the note has).
pub fn backlink_mark(occurrence: u32, references: u32) -> String {
    if references <= 1 {
        "↑".to_owned()
    } else {
        occurrence_letter(occurrence)
    }
}

/// a, b, … z, aa, ab … for the n-th (from 1) reference of a note.
///
/// # Example
/// ```
/// use commentary_embed::domain::occurrence_letter;
/// assert_eq!(occurrence_letter(1), "a");
/// assert_eq!(occurrence_letter(27), "aa");
/// ```
pub fn occurrence_letter(n: u32) -> String {
    let mut n = n;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'a' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_marks_follow_the_count() {
        assert_eq!(note_number(&note_id(12)), Some(12));
        assert_eq!(note_number("ref-1-1"), None);
        assert_eq!(note_number("note-x"), None);
        assert_eq!(backlink_mark(1, 1), "↑");
        assert_eq!(backlink_mark(2, 3), "b");
        assert_eq!(occurrence_letter(26), "z");
        assert_eq!(occurrence_letter(52), "az");
        assert_eq!(occurrence_letter(0), "");
    }
}

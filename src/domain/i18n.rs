//! The widget's own words, in every language the UI speaks.

use super::primary_subtag;

/// Every string the widget shows or announces, in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UiStrings {
    /// The language tag of these strings.
    pub lang: &'static str,
    /// Heading of the notes list.
    pub notes: &'static str,
    /// Accessible name of a footnote reference, before its number ("Note 1").
    pub note: &'static str,
    /// Accessible name of the control that closes an open note ("Close note 1").
    pub close_note: &'static str,
    /// Accessible name of a back-link from a note to its reference.
    pub back_to_text: &'static str,
    /// "No." between a series and its number.
    pub number: &'static str,
    /// The word before the last of several authors.
    pub and: &'static str,
    /// The error part's heading.
    pub cannot_show: &'static str,
    /// Before the list of problems of an invalid document.
    pub invalid_document: &'static str,
    /// The document could not be fetched.
    pub cannot_load: &'static str,
    /// Points the reader at the fallback link.
    pub read_original: &'static str,
}

const EN: UiStrings = UiStrings {
    lang: "en",
    notes: "Notes",
    note: "Note",
    close_note: "Close note",
    back_to_text: "Back to the text",
    number: "No.",
    and: "and",
    cannot_show: "This commentary cannot be shown here.",
    invalid_document: "The document is damaged",
    cannot_load: "The document could not be loaded",
    read_original: "Read it on the publisher's site:",
};

const TR: UiStrings = UiStrings {
    lang: "tr",
    notes: "Dipnotlar",
    note: "Dipnot",
    close_note: "Dipnotu kapat",
    back_to_text: "Metne dön",
    number: "No:",
    and: "ve",
    cannot_show: "Bu yorum burada gösterilemiyor.",
    invalid_document: "Belge bozuk",
    cannot_load: "Belge yüklenemedi",
    read_original: "Yayıncının sitesinde okuyun:",
};

const RU: UiStrings = UiStrings {
    lang: "ru",
    notes: "Примечания",
    note: "Примечание",
    close_note: "Закрыть примечание",
    back_to_text: "Вернуться к тексту",
    number: "№",
    and: "и",
    cannot_show: "Этот комментарий не удаётся показать здесь.",
    invalid_document: "Документ повреждён",
    cannot_load: "Не удалось загрузить документ",
    read_original: "Читайте на сайте издателя:",
};

const AZ: UiStrings = UiStrings {
    lang: "az",
    notes: "Qeydlər",
    note: "Qeyd",
    close_note: "Qeydi bağla",
    back_to_text: "Mətnə qayıt",
    number: "№",
    and: "və",
    cannot_show: "Bu şərhi burada göstərmək mümkün deyil.",
    invalid_document: "Sənəd zədələnib",
    cannot_load: "Sənədi yükləmək mümkün olmadı",
    read_original: "Naşirin saytında oxuyun:",
};

/// The UI strings for a language tag: its language when the UI speaks it, else English.
///
/// # Example
/// ```
/// use commentary_embed::domain::ui_strings;
/// assert_eq!(ui_strings("tr-TR").notes, "Dipnotlar");
/// assert_eq!(ui_strings("de").notes, "Notes");
/// ```
pub fn ui_strings(lang: &str) -> &'static UiStrings {
    match primary_subtag(lang).as_str() {
        "tr" => &TR,
        "ru" => &RU,
        "az" => &AZ,
        _ => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string() {
        for s in [EN, TR, RU, AZ] {
            let all = [
                s.notes,
                s.note,
                s.close_note,
                s.back_to_text,
                s.number,
                s.and,
                s.cannot_show,
                s.invalid_document,
                s.cannot_load,
                s.read_original,
            ];
            assert!(
                all.iter().all(|t| !t.trim().is_empty()),
                "{} has an empty string",
                s.lang
            );
            assert_eq!(ui_strings(s.lang).lang, s.lang);
        }
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(ui_strings("fr").lang, "en");
        assert_eq!(ui_strings("").lang, "en");
    }
}

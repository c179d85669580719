//! Upper- and lower-casing text by the rules of its language.
//!
//! `str::to_uppercase` follows Unicode's default rules, which are wrong for Turkish and
//! Azerbaijani: there, `i` and `ı` are two letters whose capitals are `İ` and `I`. Anything the
//! widget cases in Rust goes through these functions with the language of the text; the
//! stylesheet's `text-transform` gets the same rules from the `lang` attribute of the element
//! that holds the text.

use super::primary_subtag;

/// Whether `lang` cases `i` and `ı` as two letters (Turkish and Azerbaijani).
fn dotted_i(lang: &str) -> bool {
    matches!(primary_subtag(lang).as_str(), "tr" | "az")
}

/// `text` in capitals, by the rules of `lang`.
///
/// # Example
/// ```
/// use commentary_embed::domain::to_upper;
/// assert_eq!(to_upper("istiklal", "tr"), "İSTİKLAL");
/// assert_eq!(to_upper("istiklal", "en"), "ISTIKLAL");
/// ```
pub fn to_upper(text: &str, lang: &str) -> String {
    if !dotted_i(lang) {
        return text.to_uppercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'i' => out.push('İ'),
            c => out.extend(c.to_uppercase()),
        }
    }
    out
}

/// `text` in small letters, by the rules of `lang`.
///
/// # Example
/// ```
/// use commentary_embed::domain::to_lower;
/// assert_eq!(to_lower("IRMAK İNCİ", "az"), "ırmak inci");
/// assert_eq!(to_lower("IRMAK", "en"), "irmak");
/// ```
pub fn to_lower(text: &str, lang: &str) -> String {
    if !dotted_i(lang) {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // `I` with a combining dot above is the decomposed `İ`.
            'I' if chars.peek() == Some(&'\u{307}') => {
                chars.next();
                out.push('i');
            }
            'I' => out.push('ı'),
            'İ' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `text` with its first letter in capitals, by the rules of `lang` (a language name that a
/// browser gives in small letters, say, made fit to start a label).
///
/// # Example
/// ```
/// use commentary_embed::domain::capitalize;
/// assert_eq!(capitalize("ingilizce", "tr"), "İngilizce");
/// assert_eq!(capitalize("русский", "ru"), "Русский");
/// ```
pub fn capitalize(text: &str, lang: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => to_upper(first.encode_utf8(&mut [0; 4]), lang) + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_and_azerbaijani_keep_dotted_and_dotless_i_apart() {
        for lang in ["tr", "az", "TR-tr", "az-Latn"] {
            assert_eq!(to_upper("ılık iğne", lang), "ILIK İĞNE", "{lang}");
            assert_eq!(to_lower("ILIK İĞNE", lang), "ılık iğne", "{lang}");
            assert_eq!(to_lower("I\u{307}ZMİR", lang), "izmir", "{lang}");
        }
        assert_eq!(to_upper("Azərbaycan dili", "az"), "AZƏRBAYCAN DİLİ");
        assert_eq!(to_lower("DİPNOTLAR", "tr"), "dipnotlar");
    }

    #[test]
    fn other_languages_follow_the_default_rules() {
        assert_eq!(to_upper("ılık iğne", "en"), "ILIK IĞNE");
        assert_eq!(to_lower("ILIK", "en"), "ilik");
        assert_eq!(to_upper("примечания", "ru"), "ПРИМЕЧАНИЯ");
        assert_eq!(
            to_lower("ΟΔΟΣ", "el"),
            "οδος",
            "final sigma: the std rules, whole string"
        );
        assert_eq!(to_upper("straße", "de"), "STRASSE");
    }

    #[test]
    fn capitalize_touches_only_the_first_letter() {
        assert_eq!(capitalize("ingilizce", "tr"), "İngilizce");
        assert_eq!(capitalize("ingilizce", "en"), "Ingilizce");
        assert_eq!(capitalize("azərbaycan dili", "az"), "Azərbaycan dili");
        assert_eq!(capitalize("", "tr"), "");
        assert_eq!(capitalize("ß", "de"), "SS");
    }
}

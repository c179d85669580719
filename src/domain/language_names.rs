//! What a language calls itself, and which way it is written.

use super::primary_subtag;

/// Autonyms, as a language switch shows them: each language by its own name, capitalised as it
/// starts a label. Languages of the publishers' region first; any other comes from the browser
/// (see the widget's language toggle) or shows its tag.
const AUTONYMS: [(&str, &str); 24] = [
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ru", "Русский"),
    ("az", "Azərbaycanca"),
    ("kk", "Қазақша"),
    ("ky", "Кыргызча"),
    ("uz", "Oʻzbekcha"),
    ("tk", "Türkmençe"),
    ("tt", "Татарча"),
    ("uk", "Українська"),
    ("ka", "ქართული"),
    ("hy", "Հայերեն"),
    ("fa", "فارسی"),
    ("ar", "العربية"),
    ("he", "עברית"),
    ("ur", "اردو"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("zh", "中文"),
    ("ja", "日本語"),
    ("ko", "한국어"),
];

/// The name a language gives itself ("Türkçe" for `tr`, `tr-TR`), or `None` when this table
/// does not know it.
///
/// # Example
/// ```
/// use commentary_embed::domain::language_name;
/// assert_eq!(language_name("az-Latn"), Some("Azərbaycanca"));
/// assert_eq!(language_name("xx"), None);
/// ```
pub fn language_name(tag: &str) -> Option<&'static str> {
    let primary = primary_subtag(tag);
    AUTONYMS
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|(_, name)| *name)
}

/// The name of a version on a language button: the language's own name ("Türkçe"), else the
/// browser's name for it (`browser_name`, asked only when this table does not know it), else its
/// tag; with the full tag when two of `langs` share a language (`az-Latn`, `az-Cyrl`).
///
/// # Example
/// ```
/// use commentary_embed::domain::version_label;
/// assert_eq!(version_label(&["tr", "en"], "tr", |_| None), "Türkçe");
/// assert_eq!(version_label(&["az-Latn", "az-Cyrl"], "az-Cyrl", |_| None), "Azərbaycanca (az-Cyrl)");
/// assert_eq!(version_label(&["xx", "en"], "xx", |_| Some("Xish".into())), "Xish");
/// assert_eq!(version_label(&["xx", "en"], "xx", |_| None), "xx");
/// ```
pub fn version_label<S: AsRef<str>>(
    langs: &[S],
    lang: &str,
    browser_name: impl FnOnce(&str) -> Option<String>,
) -> String {
    let name = language_name(lang)
        .map(str::to_owned)
        .or_else(|| browser_name(lang))
        .unwrap_or_else(|| lang.to_owned());
    let primary = primary_subtag(lang);
    let shared = langs
        .iter()
        .filter(|l| primary_subtag(l.as_ref()) == primary)
        .count()
        > 1;
    if shared {
        format!("{name} ({lang})")
    } else {
        name
    }
}

/// The writing direction of a language, the value of a `dir` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    /// `"ltr"` or `"rtl"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

/// Languages written right to left in their usual script.
const RTL_LANGUAGES: [&str; 11] = [
    "ar", "fa", "he", "ur", "ps", "sd", "yi", "dv", "ug", "ckb", "syr",
];
/// Scripts written right to left, as script subtags.
const RTL_SCRIPTS: [&str; 7] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];
/// Scripts written left to right, for languages whose usual script is not (`az-Latn`, `ku-Latn`).
const LTR_SCRIPTS: [&str; 3] = ["latn", "cyrl", "armn"];

/// Which way text in the language `tag` is written: the script subtag decides when there is one
/// (`uz-Arab` is right to left, `ur-Latn` left to right), else the language's usual script.
///
/// # Example
/// ```
/// use commentary_embed::domain::{text_direction, Direction};
/// assert_eq!(text_direction("ar"), Direction::RightToLeft);
/// assert_eq!(text_direction("az-Arab"), Direction::RightToLeft);
/// assert_eq!(text_direction("tr"), Direction::LeftToRight);
/// ```
pub fn text_direction(tag: &str) -> Direction {
    let lower = tag.to_ascii_lowercase();
    let script = lower.split('-').skip(1).find(|s| s.len() == 4);
    match script {
        Some(s) if RTL_SCRIPTS.contains(&s) => Direction::RightToLeft,
        Some(s) if LTR_SCRIPTS.contains(&s) => Direction::LeftToRight,
        _ if RTL_LANGUAGES.contains(&primary_subtag(tag).as_str()) => Direction::RightToLeft,
        _ => Direction::LeftToRight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_languages_have_their_own_names() {
        assert_eq!(language_name("en"), Some("English"));
        assert_eq!(language_name("TR"), Some("Türkçe"));
        assert_eq!(language_name("ru-RU"), Some("Русский"));
        assert_eq!(language_name("az"), Some("Azərbaycanca"));
        assert_eq!(language_name(""), None);
    }

    #[test]
    fn directions_follow_script_then_language() {
        for rtl in ["ar", "fa-IR", "he", "ur", "uz-Arab", "az-Arab-IR"] {
            assert_eq!(text_direction(rtl), Direction::RightToLeft, "{rtl}");
        }
        for ltr in [
            "en",
            "tr",
            "ru",
            "az",
            "az-Latn",
            "ur-Latn",
            "zh-Hant",
            "de-CH-1996",
        ] {
            assert_eq!(text_direction(ltr), Direction::LeftToRight, "{ltr}");
        }
        assert_eq!(text_direction("ar").as_str(), "rtl");
    }
}

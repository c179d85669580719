//! Which language version to show (CONTRACTS §3).

use super::{Document, Version};

/// What is known, when a document loads, about the language the reader wants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LanguagePreferences<'a> {
    /// The reader's own earlier choice on this site (the widget keeps it in the page's
    /// storage); `None` when there is none or storage is unavailable.
    pub stored: Option<&'a str>,
    /// The element's `lang` attribute; `None` when absent or blank.
    pub attribute: Option<&'a str>,
    /// The browser's preferred languages, most preferred first (`navigator.languages`).
    pub browser: &'a [String],
}

/// The version to show: the reader's earlier choice, else the `lang` attribute, else the first
/// of the browser's preferred languages that the document has, else the original (else the first
/// version). Each wish matches a version of the same tag, else of the same language
/// ([`Document::version`]: `en-GB` finds `en`); a wish the document cannot meet is passed over.
///
/// A later change of the `lang` attribute outranks the stored choice: the widget then asks again
/// with `stored: None`.
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let doc: Document = serde_json::from_str(r#"{"schema":1,"id":"x","original_language":"tr",
/// #   "published":"2026-06-17","authors":[{"given":"A","family":"B"}],
/// #   "publisher":{"name":"P","url":"https://p.example"},
/// #   "versions":[{"lang":"tr","title":"T","body":[{"paragraph":[{"text":"x"}]}]},
/// #               {"lang":"en","title":"T","body":[{"paragraph":[{"text":"x"}]}]}]}"#).unwrap();
/// let browser = ["de-DE".to_owned(), "en-US".to_owned()];
/// let wish = LanguagePreferences { stored: None, attribute: None, browser: &browser };
/// assert_eq!(negotiate_language(&doc, &wish).map(|v| v.lang.as_str()), Some("en"));
/// let wish = LanguagePreferences { stored: Some("tr"), attribute: Some("en"), browser: &browser };
/// assert_eq!(negotiate_language(&doc, &wish).map(|v| v.lang.as_str()), Some("tr"));
/// ```
pub fn negotiate_language<'d>(
    document: &'d Document,
    preferences: &LanguagePreferences<'_>,
) -> Option<&'d Version> {
    preferences
        .stored
        .into_iter()
        .chain(preferences.attribute)
        .chain(preferences.browser.iter().map(String::as_str))
        .map(str::trim)
        .filter(|wish| !wish.is_empty())
        .find_map(|wish| document.version(wish))
        .or_else(|| document.original())
        .or_else(|| document.versions.first())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(langs: &[&str], original: &str) -> Document {
        let versions: Vec<String> = langs
            .iter()
            .map(|l| format!(r#"{{"lang":"{l}","title":"T","body":["rule"]}}"#))
            .collect();
        let json = format!(
            r#"{{"schema":1,"id":"x","original_language":"{original}","published":"2026-06-17",
            "authors":[{{"given":"A","family":"B"}}],"publisher":{{"name":"P","url":"https://p.example"}},
            "versions":[{}]}}"#,
            versions.join(",")
        );
        serde_json::from_str(&json).unwrap()
    }

    fn pick(
        d: &Document,
        stored: Option<&str>,
        attribute: Option<&str>,
        browser: &[&str],
    ) -> String {
        let browser: Vec<String> = browser.iter().map(|s| (*s).to_owned()).collect();
        let wish = LanguagePreferences {
            stored,
            attribute,
            browser: &browser,
        };
        negotiate_language(d, &wish)
            .map(|v| v.lang.clone())
            .unwrap_or_default()
    }

    #[test]
    fn stored_choice_then_attribute_then_browser_then_original() {
        let d = doc(&["tr", "en", "ru"], "tr");
        assert_eq!(pick(&d, Some("ru"), Some("en"), &["tr"]), "ru");
        assert_eq!(pick(&d, None, Some("en"), &["ru"]), "en");
        assert_eq!(pick(&d, None, None, &["ru", "en"]), "ru");
        assert_eq!(pick(&d, None, None, &[]), "tr");
    }

    #[test]
    fn wishes_the_document_cannot_meet_are_passed_over() {
        let d = doc(&["tr", "en"], "tr");
        assert_eq!(pick(&d, Some("az"), Some("de"), &["fr", "en-US"]), "en");
        assert_eq!(pick(&d, Some("  "), Some(""), &["de"]), "tr");
    }

    #[test]
    fn the_browser_list_is_read_in_order_of_preference() {
        let d = doc(&["ru", "en", "tr"], "ru");
        // en-GB matches en by language, before tr is even considered.
        assert_eq!(pick(&d, None, None, &["en-GB", "tr"]), "en");
        assert_eq!(pick(&d, None, None, &["de-DE", "de", "tr-TR", "en"]), "tr");
        assert_eq!(pick(&d, None, None, &["TR"]), "tr", "case does not matter");
    }

    #[test]
    fn an_exact_tag_beats_a_language_match() {
        let d = doc(&["az-Latn", "az-Cyrl", "en"], "az-Latn");
        assert_eq!(pick(&d, None, Some("az-Cyrl"), &[]), "az-Cyrl");
        assert_eq!(pick(&d, None, Some("az"), &[]), "az-Latn");
    }

    #[test]
    fn without_an_original_the_first_version() {
        let mut d = doc(&["en", "tr"], "en");
        d.original_language = "de".into();
        assert_eq!(pick(&d, None, None, &["fr"]), "en");
    }
}

//! Language tags.

/// Whether `tag` is a well-formed BCP 47 language tag of the common shape: a 2–3 letter language,
/// then optional script (4 letters), region (2 letters or 3 digits) and variants (5–8 alphanumerics
/// or a digit and 3 alphanumerics), all separated by `-`. Private-use and extension subtags are
/// not accepted: a commentary version is named by a language a reader can pick.
///
/// # Example
/// ```
/// use commentary_embed::domain::is_language_tag;
/// assert!(is_language_tag("en") && is_language_tag("az-Latn") && is_language_tag("pt-BR"));
/// assert!(!is_language_tag("english") && !is_language_tag("en_US"));
/// ```
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    // 0: script may follow, 1: region may follow, 2: only variants.
    let mut stage = 0;
    for part in parts {
        let alpha = part.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = part.bytes().all(|b| b.is_ascii_digit());
        let alnum = part.bytes().all(|b| b.is_ascii_alphanumeric());
        let script = stage == 0 && part.len() == 4 && alpha;
        let region = stage <= 1 && ((part.len() == 2 && alpha) || (part.len() == 3 && digits));
        let variant = alnum
            && ((5..=8).contains(&part.len())
                || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit()));
        stage = match (script, region || variant) {
            (true, _) => 1,
            (false, true) => 2,
            (false, false) => return false,
        };
    }
    true
}

/// The language subtag of a tag, lower-cased: `"az-Latn-AZ"` → `"az"`.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_tags() {
        for ok in [
            "en",
            "tr",
            "ru",
            "az",
            "fil",
            "az-Latn",
            "az-Cyrl-AZ",
            "en-GB",
            "es-419",
            "de-CH-1996",
            "sl-rozaj",
        ] {
            assert!(is_language_tag(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_tag() {
        for bad in [
            "",
            "e",
            "english",
            "en_US",
            "en-",
            "-en",
            "en--GB",
            "12",
            "en-GB-Latn",
            "x-private",
            "tr.md",
            "en gb",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn primary_subtag_is_lower_case_language() {
        assert_eq!(primary_subtag("AZ-Latn"), "az");
        assert_eq!(primary_subtag("tr"), "tr");
        assert_eq!(primary_subtag(""), "");
    }
}

//! What the byline says about a version: the original, or a translation of it.

use super::{language_name, ui_strings, Document, Version};

/// The byline's words about where a version comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// The original, shown among translations: "Original text".
    Original { text: &'static str },
    /// A translation: "Translated from Turkish" (`text`), a click away from the original's
    /// version (`original`, its language tag), then `translator` (" by Jane Example", empty when
    /// the translator is not known).
    Translation {
        text: String,
        original: String,
        translator: String,
    },
}

/// What the byline of `version` says about its origin, in the version's UI language; `None` when
/// the document has a single version (there is nothing to tell apart).
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let doc: Document = serde_json::from_str(r#"{"schema":1,"id":"x","original_language":"tr",
/// #   "published":"2026-06-17","authors":[{"given":"A","family":"B"}],
/// #   "publisher":{"name":"P","url":"https://p.example"},
/// #   "versions":[{"lang":"tr","title":"T","body":[{"paragraph":[{"text":"x"}]}]},
/// #               {"lang":"en","title":"T","translator":"Jane Example","body":[{"paragraph":[{"text":"x"}]}]}]}"#).unwrap();
/// assert_eq!(
///     provenance(&doc, &doc.versions[1]),
///     Some(Provenance::Translation {
///         text: "Translated from Turkish".into(),
///         original: "tr".into(),
///         translator: " by Jane Example".into(),
///     })
/// );
/// ```
pub fn provenance(document: &Document, version: &Version) -> Option<Provenance> {
    if document.versions.len() < 2 {
        return None;
    }
    let original = document.original()?;
    let ui = ui_strings(&version.lang);
    if original.lang.eq_ignore_ascii_case(&version.lang) {
        return Some(Provenance::Original {
            text: ui.original_text,
        });
    }
    let text = match ui.translated_from.get(&original.lang) {
        Some(text) => text.to_owned(),
        None => {
            let (before, after) = ui.translated_from_other;
            let name = language_name(&original.lang).unwrap_or(&original.lang);
            format!("{before}{name}{after}")
        }
    };
    let translator = version
        .translator
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| format!("{}{t}{}", ui.translated_by.0, ui.translated_by.1))
        .unwrap_or_default();
    Some(Provenance::Translation {
        text,
        original: original.lang.clone(),
        translator,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(original: &str, langs: &[(&str, Option<&str>)]) -> Document {
        let versions: Vec<String> = langs
            .iter()
            .map(|(l, t)| {
                let translator = t
                    .map(|t| format!(r#","translator":"{t}""#))
                    .unwrap_or_default();
                format!(r#"{{"lang":"{l}","title":"T"{translator},"body":["rule"]}}"#)
            })
            .collect();
        serde_json::from_str(&format!(
            r#"{{"schema":1,"id":"x","original_language":"{original}","published":"2026-06-17",
            "authors":[{{"given":"A","family":"B"}}],"publisher":{{"name":"P","url":"https://p.example"}},
            "versions":[{}]}}"#,
            versions.join(",")
        ))
        .unwrap()
    }

    fn said(d: &Document, lang: &str) -> Option<String> {
        d.version(lang)
            .and_then(|v| provenance(d, v))
            .map(|p| match p {
                Provenance::Original { text } => format!("[{text}]"),
                Provenance::Translation {
                    text,
                    original,
                    translator,
                } => format!("{text}{translator} -> {original}"),
            })
    }

    #[test]
    fn each_version_says_what_it_is_in_its_own_language() {
        let d = doc(
            "tr",
            &[
                ("tr", None),
                ("en", Some("Jane Example")),
                ("ru", None),
                ("az", Some("Aysel")),
            ],
        );
        assert_eq!(said(&d, "tr").as_deref(), Some("[Orijinal metin]"));
        assert_eq!(
            said(&d, "en").as_deref(),
            Some("Translated from Turkish by Jane Example -> tr")
        );
        assert_eq!(said(&d, "ru").as_deref(), Some("Перевод с турецкого -> tr"));
        assert_eq!(
            said(&d, "az").as_deref(),
            Some("Türk dilindən tərcümə (tərcüməçi: Aysel) -> tr")
        );
    }

    #[test]
    fn an_original_the_ui_does_not_name_goes_by_its_own_name() {
        let d = doc(
            "de",
            &[("de", None), ("tr", Some("Ayşe Örnek")), ("en", None)],
        );
        assert_eq!(
            said(&d, "tr").as_deref(),
            Some("Deutsch dilinden çevrilmiştir (çeviren: Ayşe Örnek) -> de")
        );
        assert_eq!(
            said(&d, "en").as_deref(),
            Some("Translated from Deutsch -> de")
        );
        // A version in a language the UI does not speak gets English words.
        assert_eq!(said(&d, "de").as_deref(), Some("[Original text]"));
    }

    #[test]
    fn a_single_version_says_nothing() {
        assert_eq!(said(&doc("en", &[("en", None)]), "en"), None);
    }
}

//! Which version a widget shows over its life (CONTRACTS §3): when a document loads, when the
//! reader chooses, and when the page changes `lang`.
//!
//! - A loaded document shows what [`negotiate_language`] picks from the reader's stored choice,
//!   the `lang` attribute and the browser's languages.
//! - A reader's choice is shown and remembered (the widget stores it for the site).
//! - A later change of `lang` by the page switches, even away from the reader's own choice,
//!   and from then on the stored choice no longer outranks the attribute for this element.

use super::{negotiate_language, Document, LanguagePreferences};

/// The rules' memory for one widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LanguageSwitch {
    /// The browser's preferred languages, read once.
    browser: Vec<String>,
    /// Whether the page changed `lang` since mounting: then it outranks the stored choice.
    attribute_changed: bool,
    /// The version shown now.
    shown: Option<String>,
}

/// What the widget must do after a choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switch {
    /// The version to show.
    pub lang: String,
    /// Whether to remember it as the reader's choice on this site.
    pub remember: bool,
}

impl LanguageSwitch {
    /// The rules for a reader whose browser prefers `browser` (most preferred first).
    pub fn new(browser: Vec<String>) -> LanguageSwitch {
        LanguageSwitch {
            browser,
            ..LanguageSwitch::default()
        }
    }

    /// The version shown now.
    pub fn shown(&self) -> Option<&str> {
        self.shown.as_deref()
    }

    /// A document loaded: the version to show, given the reader's `stored` choice and the
    /// `lang` attribute. The stored choice counts only until the page has changed `lang`.
    pub fn loaded(
        &mut self,
        document: &Document,
        stored: Option<&str>,
        attribute: Option<&str>,
    ) -> Option<String> {
        let stored = stored.filter(|_| !self.attribute_changed);
        let pick = self.negotiate(document, stored, attribute);
        self.shown.clone_from(&pick);
        pick
    }

    /// The reader chose `lang`: show it and remember it; `None` when it is shown already.
    pub fn chosen(&mut self, lang: &str) -> Option<Switch> {
        let remember = true;
        self.switch(lang).map(|lang| Switch { lang, remember })
    }

    /// The page changed `lang` to `attribute` while `document` is shown (`None`: not loaded
    /// yet, so the next load negotiates with the new attribute). Returns the version to switch
    /// to, if another.
    pub fn attribute_changed(
        &mut self,
        document: Option<&Document>,
        attribute: Option<&str>,
    ) -> Option<String> {
        self.attribute_changed = true;
        let pick = self.negotiate(document?, None, attribute)?;
        self.switch(&pick)
    }

    fn switch(&mut self, lang: &str) -> Option<String> {
        if self
            .shown
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case(lang))
        {
            return None;
        }
        self.shown = Some(lang.to_owned());
        Some(lang.to_owned())
    }

    fn negotiate(
        &self,
        document: &Document,
        stored: Option<&str>,
        attribute: Option<&str>,
    ) -> Option<String> {
        let wish = LanguagePreferences {
            stored,
            attribute,
            browser: &self.browser,
        };
        negotiate_language(document, &wish).map(|v| v.lang.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(langs: &[&str], original: &str) -> Document {
        let versions: Vec<String> = langs
            .iter()
            .map(|l| {
                format!(r#"{{"lang":"{l}","title":"T","body":[{{"paragraph":[{{"text":"x"}}]}}]}}"#)
            })
            .collect();
        serde_json::from_str(&format!(
            r#"{{"schema":1,"id":"x","original_language":"{original}","published":"2026-06-17",
               "authors":[{{"given":"A","family":"B"}}],
               "publisher":{{"name":"P","url":"https://p.example"}},
               "versions":[{}]}}"#,
            versions.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn the_stored_choice_wins_over_the_attribute_until_the_page_changes_it() {
        let d = doc(&["tr", "en"], "tr");
        let mut rules = LanguageSwitch::new(vec!["de".into()]);
        assert_eq!(
            rules.loaded(&d, Some("tr"), Some("en")).as_deref(),
            Some("tr")
        );
        // The page changes `lang`: it wins over the reader's earlier choice.
        assert_eq!(
            rules.attribute_changed(Some(&d), Some("en")).as_deref(),
            Some("en")
        );
        // And keeps winning when the element's document loads again.
        assert_eq!(
            rules.loaded(&d, Some("tr"), Some("en")).as_deref(),
            Some("en")
        );
    }

    #[test]
    fn a_choice_switches_and_is_remembered_once() {
        let d = doc(&["tr", "en"], "tr");
        let mut rules = LanguageSwitch::new(Vec::new());
        rules.loaded(&d, None, None);
        assert_eq!(
            rules.shown(),
            Some("tr"),
            "the original when nothing else is known"
        );
        assert_eq!(
            rules.chosen("en"),
            Some(Switch {
                lang: "en".into(),
                remember: true
            })
        );
        assert_eq!(rules.chosen("EN"), None, "already shown");
    }

    #[test]
    fn an_attribute_the_document_cannot_meet_or_before_loading_switches_nothing() {
        let d = doc(&["tr", "en"], "tr");
        let mut rules = LanguageSwitch::new(Vec::new());
        assert_eq!(rules.attribute_changed(None, Some("en")), None);
        assert_eq!(
            rules.loaded(&d, Some("tr"), Some("en")).as_deref(),
            Some("en")
        );
        // `fr` is not in the document: negotiation falls back to the original.
        assert_eq!(
            rules.attribute_changed(Some(&d), Some("fr")).as_deref(),
            Some("tr")
        );
        assert_eq!(rules.attribute_changed(Some(&d), Some("tr")), None);
    }

    #[test]
    fn the_browser_languages_come_after_stored_and_attribute() {
        let d = doc(&["tr", "en", "ru"], "tr");
        let mut rules = LanguageSwitch::new(vec!["ru-RU".into(), "en".into()]);
        assert_eq!(rules.loaded(&d, None, None).as_deref(), Some("ru"));
        assert_eq!(rules.loaded(&d, None, Some("en")).as_deref(), Some("en"));
        assert_eq!(rules.loaded(&d, Some("xx"), None).as_deref(), Some("ru"));
    }
}

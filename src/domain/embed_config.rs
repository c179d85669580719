//! The element's attributes, read into values (CONTRACTS §3).

/// `theme`: `auto` (default: follows `prefers-color-scheme`), `light` or `dark`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Reads the attribute; anything unknown, or no attribute, is `Auto`.
    pub fn from_attribute(value: Option<&str>) -> Theme {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The value of the root's `data-theme`, which the stylesheet keys on.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// `share-url`: which URL share links carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShareUrl {
    /// The shown version's `url`, else the original's, else the page's (default).
    #[default]
    Canonical,
    /// The partner page.
    Page,
}

impl ShareUrl {
    /// Reads the attribute; anything but `page` is `Canonical`.
    pub fn from_attribute(value: Option<&str>) -> ShareUrl {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("page") => ShareUrl::Page,
            _ => ShareUrl::Canonical,
        }
    }
}

/// The `lang` attribute as a requested language: `None` when absent or blank.
pub fn requested_language(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_defaults_to_auto() {
        assert_eq!(Theme::from_attribute(None), Theme::Auto);
        assert_eq!(Theme::from_attribute(Some("purple")), Theme::Auto);
        assert_eq!(Theme::from_attribute(Some(" DARK ")), Theme::Dark);
        assert_eq!(Theme::from_attribute(Some("light")).as_str(), "light");
    }

    #[test]
    fn share_url_defaults_to_canonical() {
        assert_eq!(ShareUrl::from_attribute(None), ShareUrl::Canonical);
        assert_eq!(ShareUrl::from_attribute(Some("Page")), ShareUrl::Page);
        assert_eq!(
            ShareUrl::from_attribute(Some("canonical")),
            ShareUrl::Canonical
        );
    }

    #[test]
    fn blank_lang_requests_nothing() {
        assert_eq!(requested_language(Some("  ")), None);
        assert_eq!(requested_language(Some(" tr ")).as_deref(), Some("tr"));
        assert_eq!(requested_language(None), None);
    }
}

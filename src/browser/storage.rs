//! What the widget remembers for the reader on a site: the page's `localStorage`, under keys
//! `commentary-embed:<name>`, one per [`StorageKey`]. Where storage is refused (a sandboxed
//! frame, blocked site data, a full quota) nothing is remembered and nothing throws.

/// Everything the widget remembers, each under `commentary-embed:<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageKey {
    /// The language version the reader chose (`commentary-embed:language`); shared by every
    /// commentary on the site, since a reader who chose Türkçe once wants it on the next too.
    Language,
    /// The citation style copied last, listed first (`commentary-embed:citation-style`).
    CitationStyle,
    /// The reader's Mastodon server (`commentary-embed:mastodon`).
    Mastodon,
    /// The reading mode the reader chose, `single` or `parallel` (`commentary-embed:reading`);
    /// shared by every commentary on the site, as the language is.
    Reading,
}

impl StorageKey {
    /// The key in `localStorage`.
    pub fn key(self) -> &'static str {
        match self {
            StorageKey::Language => "commentary-embed:language",
            StorageKey::CitationStyle => "commentary-embed:citation-style",
            StorageKey::Mastodon => "commentary-embed:mastodon",
            StorageKey::Reading => "commentary-embed:reading",
        }
    }

    /// The key an earlier release used, read when the current one holds nothing.
    fn legacy_key(self) -> Option<&'static str> {
        match self {
            StorageKey::CitationStyle => Some("commentary-embed.citation-style"),
            StorageKey::Language | StorageKey::Mastodon | StorageKey::Reading => None,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` throws in sandboxed frames and where the reader blocks site data.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value remembered under `key`, if storage works and holds a non-blank one.
pub fn remembered(key: StorageKey) -> Option<String> {
    let storage = storage()?;
    let read = |k: &str| {
        storage
            .get_item(k)
            .ok()
            .flatten()
            .filter(|v| !v.trim().is_empty())
    };
    read(key.key()).or_else(|| key.legacy_key().and_then(read))
}

/// Remembers `value` under `key`; a refusal is ignored (the reader is asked again next time).
pub fn remember(key: StorageKey, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key.key(), value);
    }
}

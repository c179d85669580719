//! The loader (`public/commentary-embed.js`) shows the startup error before the WebAssembly runs,
//! so its few words live in JavaScript: this test fails when a UI language lacks one of them, or
//! when its heading drifts from the widget's own (`UiStrings::cannot_show`).
#![cfg(not(target_arch = "wasm32"))]

use commentary_embed::domain::ui_strings;

const LOADER: &str = include_str!("../public/commentary-embed.js");

/// The object literal of one language in `STARTUP_STRINGS`: from `  <lang>: {` to `  },`.
fn entry(lang: &str) -> Option<&'static str> {
    let table = LOADER.split("const STARTUP_STRINGS = {").nth(1)?;
    let table = table.split("\n};").next()?;
    let start = table.find(&format!("\n  {lang}: {{"))?;
    let rest = &table[start..];
    let end = rest.find("\n  },")?;
    Some(&rest[..end])
}

/// The string value of `key:` in an entry.
fn value<'a>(entry: &'a str, key: &str) -> Option<&'a str> {
    let line = entry
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(&format!("{key}:")))?;
    let quoted = line.split_once(':')?.1.trim().trim_end_matches(',');
    quoted.strip_prefix('"')?.strip_suffix('"')
}

#[test]
fn every_ui_language_has_every_startup_string() {
    for lang in ["en", "tr", "ru", "az"] {
        let entry = entry(lang).unwrap_or_else(|| panic!("no `{lang}` in STARTUP_STRINGS"));
        for key in ["title", "csp", "failed"] {
            let text = value(entry, key).unwrap_or_else(|| panic!("{lang} lacks `{key}`"));
            assert!(!text.trim().is_empty(), "{lang}.{key} is empty");
        }
        assert_eq!(
            value(entry, "title"),
            Some(ui_strings(lang).cannot_show),
            "{lang}: the loader's heading differs from the widget's"
        );
    }
}

#[test]
fn the_languages_differ() {
    let titles: Vec<_> = ["en", "tr", "ru", "az"]
        .iter()
        .filter_map(|l| entry(l).and_then(|e| value(e, "csp")))
        .collect();
    assert_eq!(titles.len(), 4);
    for (i, t) in titles.iter().enumerate() {
        assert!(!titles[i + 1..].contains(t), "{t} twice");
    }
}

//! The citations of the seed and of every fixture, as `commentary build` writes them, byte for
//! byte the same as the unpatched hayagriva 0.10.1 release formatted them.
//!
//! The CLI builds with a copy of hayagriva patched for speed (`vendor/hayagriva/PATCH.md`: its
//! selectors built once, an entry's type answers kept per render). The expected citations in
//! `tests/fixtures/citations-hayagriva-0.10.1.json` were written by a build of this project
//! with the crates.io release, before the patch: every style's runs (text, italic, the open
//! access date) of every version. A change in hayagriva, the patch, or the entries we hand it
//! shows up here as the first run that differs.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "commentary-citation-styles-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// `{ "<content folder>/<id>": { "<lang>": [citations] } }` of every commentary built from
/// `folder`.
fn built(folder: &str, into: &Path) -> serde_json::Map<String, Value> {
    let report = commentary_embed::content::build(&root().join(folder), into);
    assert!(!report.has_errors(), "{folder}: {:?}", report.diagnostics);
    let mut all = serde_json::Map::new();
    for written in &report.written {
        let text = std::fs::read_to_string(&written.path).unwrap();
        let document: Value = serde_json::from_str(&text).unwrap();
        let mut versions = serde_json::Map::new();
        for version in document["versions"].as_array().unwrap() {
            let lang = version["lang"].as_str().unwrap().to_owned();
            let citations = version
                .get("citations")
                .cloned()
                .unwrap_or(Value::Array(vec![]));
            versions.insert(lang, citations);
        }
        all.insert(format!("{folder}/{}", written.id), Value::Object(versions));
    }
    all
}

#[test]
fn every_style_of_the_seed_and_the_fixtures_is_the_releases_output() {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/citations-hayagriva-0.10.1.json"))
            .unwrap(),
    )
    .unwrap();
    let expected = expected.as_object().unwrap();
    let out = scratch("build");
    let mut actual = built("content", &out.join("seed"));
    actual.extend(built("tests/fixtures/content", &out.join("fixtures")));
    let _ = std::fs::remove_dir_all(&out);

    let ids: Vec<&String> = actual.keys().collect();
    assert_eq!(
        ids,
        expected.keys().collect::<Vec<_>>(),
        "the seed and the fixtures, each once"
    );
    let mut formatted = 0;
    for (id, versions) in expected {
        for (lang, citations) in versions.as_object().unwrap() {
            let got = &actual[id][lang];
            for (want, have) in citations
                .as_array()
                .unwrap()
                .iter()
                .zip(got.as_array().unwrap())
            {
                assert_eq!(have, want, "{id} {lang} {}", want["style"]);
                formatted += 1;
            }
            assert_eq!(got, citations, "{id} {lang}: the styles, in order");
        }
    }
    // Seed 2 versions, fixtures 3 + 3 + 2 (the withdrawn one has no citations), 9 styles each.
    assert_eq!(
        formatted,
        10 * 9,
        "every style of every cited version compared"
    );
}

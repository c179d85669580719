//! Property tests: whatever a publisher writes or a hand-made JSON holds, the compiler and the
//! document checks never panic, and what passes is safe to render.
#![cfg(not(target_arch = "wasm32"))]

// The fuzz targets' helpers (`for_each_inline`), shared with tests/fuzz_corpus.rs.
#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_entry;

use std::fs;
use std::path::PathBuf;

use commentary_embed::content::compile_commentary;
use commentary_embed::domain::{read_document, safe_href, Document, Inline};
use fuzz_entry::for_each_inline;
use proptest::prelude::*;

const TOML: &str = r#"original_language = "en"
published = 2026-06-17
authors = [ { given = "A", family = "B" } ]
[publisher]
name = "P"
url = "https://p.example"
"#;

/// Markdown made of the pieces that break parsers and sanitizers.
fn hostile_markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("[^a]".to_owned()),
        Just("[^B]".to_owned()),
        Just("\n\n[^a]: a *note* <https://e.example/x?y=(1)>\n\n".to_owned()),
        Just("\n\n[^b]: [link](JaVaScRiPt:alert(1))\n\n".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("[x](java\tscript:alert(1))".to_owned()),
        Just("[y](data:text/html,<b>x</b>)".to_owned()),
        Just("<svg onload=alert(1)>".to_owned()),
        Just("**".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("`".to_owned()),
        Just("## ".to_owned()),
        Just("\u{0}\u{202e}\u{feff}".to_owned()),
        "[a-zA-Zİışğü Юрий]{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("commentary-prop-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_compiler_never_panics_and_what_it_writes_is_safe(body in hostile_markdown(), title in "[ -~İı]{0,20}") {
        let dir = tmp("c");
        fs::write(dir.join("commentary.toml"), TOML).unwrap();
        fs::write(dir.join("en.md"), format!("+++\ntitle = {}\n+++\n{body}", toml_string(&title))).unwrap();
        let compiled = compile_commentary(&dir, "prop");
        if let Some(doc) = compiled.document {
            prop_assert!(doc.problems().is_empty());
            for v in &doc.versions {
                let mut check = |i: &Inline| {
                    if let Inline::Link { href, .. } = i {
                        assert!(safe_href(href).is_some(), "unsafe link kept: {href}");
                    }
                    if let Inline::NoteRef { note, .. } = i {
                        assert!(v.notes.iter().any(|n| n.number == *note), "dangling reference {note}");
                    }
                };
                for_each_inline(&v.body, &mut check);
                v.notes.iter().for_each(|n| for_each_inline(&n.content, &mut check));
            }
            let json = serde_json::to_string(&doc).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Document>(&json).unwrap(), &doc);
            // The widget's own decoder (domain::decode, which it runs over JSON.parse) reads the
            // compiler's output back exactly.
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(read_document(&value).unwrap(), doc);
        } else {
            prop_assert!(!compiled.diagnostics.is_empty(), "no document and no reason");
        }
    }

    #[test]
    fn damaged_documents_are_refused_without_panicking(cut in 0usize..4000, junk in "[\\[\\]{}\",:0-9a-z\\\\]{0,8}") {
        let seed = seed_json();
        let cut = cut.min(seed.len());
        let mut damaged = String::from(seed.get(..cut).unwrap_or(seed));
        damaged.push_str(&junk);
        damaged.push_str(seed.get(cut..).unwrap_or(""));
        if let Ok(doc) = serde_json::from_str::<Document>(&damaged) {
            let _ = doc.problems();
        }
        // The widget's decoder on the same damage: an answer, never a panic; and whatever serde
        // reads as a sound document, it reads the same.
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&damaged) {
            let ours = read_document(&value);
            if let Ok(doc) = serde_json::from_value::<Document>(value) {
                if doc.problems().is_empty() {
                    prop_assert_eq!(ours, Ok(doc));
                }
            }
        }
    }
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The seed as compiled JSON, made once for every case.
fn seed_json() -> &'static str {
    static SEED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SEED.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/2026-36");
        serde_json::to_string(&compile_commentary(&dir, "2026-36").document.unwrap()).unwrap()
    })
}

#[test]
fn deeply_nested_input_is_refused_not_overflowing() {
    let dir = tmp("deep");
    fs::write(dir.join("commentary.toml"), TOML).unwrap();
    fs::write(
        dir.join("en.md"),
        format!("+++\ntitle = \"T\"\n+++\n{}deep\n", "> - ".repeat(2000)),
    )
    .unwrap();
    let compiled = compile_commentary(&dir, "deep");
    assert!(compiled.document.is_none());
    assert!(compiled
        .diagnostics
        .iter()
        .any(|d| d.to_string().contains("nests deeper than 24 levels")));
}

/// Found by the XSS corpus: a comma in a name made the CSL processor split it into too many parts,
/// and the CLI refused the commentary with an internal error.
#[test]
fn names_with_commas_are_cited_not_an_internal_error() {
    let dir = tmp("commas");
    fs::write(
        dir.join("commentary.toml"),
        TOML.replace(
            r#"authors = [ { given = "A", family = "B" } ]"#,
            r#"authors = [ { given = "Ann, Jr., III", family = "King, Sr., X" }, { given = "", family = "a, b, c" } ]"#,
        ),
    )
    .unwrap();
    fs::write(dir.join("en.md"), "+++\ntitle = \"T\"\n+++\nBody.\n").unwrap();
    fs::write(
        dir.join("tr.md"),
        "+++\ntitle = \"T\"\ntranslator = \"Ayşe, Nur, Örnek\"\n+++\nGövde.\n",
    )
    .unwrap();
    let compiled = compile_commentary(&dir, "commas");
    let doc = compiled.document.expect("compiled");
    assert_eq!(compiled.diagnostics, []);
    let apa = doc.versions[0]
        .citations
        .iter()
        .find(|c| c.style == "apa")
        .expect("an APA citation");
    let text: String = apa.runs.iter().map(|r| format!("{r:?}")).collect();
    assert!(text.contains("King, Sr., X"), "{text}");
}

/// Found by the XSS corpus: the CSL processor reads `{…}`, `$…$` and `\` in a title as markup,
/// so an unmatched `}` made the CLI refuse the commentary with an internal error, and a `$`
/// lost text. They are escaped and come out as written.
#[test]
fn braces_dollars_and_backslashes_in_titles_are_cited_as_written() {
    let dir = tmp("braces");
    let title = r"Costs $5 } {{x}} ${y} \\ end";
    fs::write(
        dir.join("commentary.toml"),
        format!("series = {0}\n{1}place = {0}\n", toml_string(title), TOML),
    )
    .unwrap();
    fs::write(
        dir.join("en.md"),
        format!("+++\ntitle = {}\n+++\nBody.\n", toml_string(title)),
    )
    .unwrap();
    fs::write(
        dir.join("tr.md"),
        format!("+++\ntitle = {}\n+++\nGövde.\n", toml_string(title)),
    )
    .unwrap();
    let compiled = compile_commentary(&dir, "braces");
    assert_eq!(compiled.diagnostics, []);
    let doc = compiled.document.expect("compiled");
    for version in &doc.versions {
        for style in ["apa", "mla", "chicago-notes", "harvard"] {
            let citation = version
                .citations
                .iter()
                .find(|c| c.style == style)
                .expect("a citation");
            let text: String = citation
                .runs
                .iter()
                .map(|r| match r {
                    commentary_embed::domain::CiteRun::Text(t)
                    | commentary_embed::domain::CiteRun::Italic(t) => t.clone(),
                    commentary_embed::domain::CiteRun::Accessed(_) => String::new(),
                })
                .collect();
            assert!(text.contains("$5 }"), "{style} ({}): {text}", version.lang);
        }
    }
}

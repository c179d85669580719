//! Replays the fuzz corpus (`fuzz/corpus/<target>/*`) through the fuzz targets' own entry points
//! (`fuzz/src/lib.rs`, compiled here as a module), on stable, in every `cargo test`: the inputs
//! that once mattered keep being run, and the entry points keep compiling, without libFuzzer.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_entry;

use std::fs;
use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

#[test]
fn the_compile_corpus_replays_without_a_failure() {
    let inputs = corpus("compile");
    assert!(inputs.len() >= 5, "a seed corpus for `compile`");
    for (path, bytes) in inputs {
        let run = std::panic::catch_unwind(|| fuzz_entry::compile(&bytes));
        assert!(run.is_ok(), "fuzz/corpus input {} fails", path.display());
    }
}

#[test]
fn the_decode_corpus_replays_without_a_failure() {
    let inputs = corpus("decode");
    assert!(inputs.len() >= 5, "a seed corpus for `decode`");
    let mut accepted = 0;
    for (path, bytes) in &inputs {
        let run = std::panic::catch_unwind(|| fuzz_entry::decode(bytes));
        assert!(run.is_ok(), "fuzz/corpus input {} fails", path.display());
        accepted += usize::from(fuzz_entry::read_bytes(bytes).is_ok());
    }
    assert!(
        accepted > 0,
        "some corpus documents are accepted and exercised"
    );
    assert!(accepted < inputs.len(), "some are refused");
}

#[test]
fn the_native_decoding_refuses_what_the_widget_refuses() {
    for (json, message) in [
        ("[]", "not a JSON object"),
        ("{}", "no `schema`"),
        (r#"{"schema":2}"#, "schema version 2"),
        (r#"{"schema":"1"}"#, "no `schema`"),
        (r#"{"schema":1}"#, "does not decode"),
    ] {
        let err = fuzz_entry::read_bytes(json.as_bytes()).unwrap_err();
        assert!(err.contains(message), "{json}: {err}");
    }
}

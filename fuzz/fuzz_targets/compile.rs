//! Bytes → one commentary folder (`commentary.toml`, `en.md`, `tr.md`, split at 0xFF bytes) →
//! the content compiler, with the checks of `fuzz_entry::compile`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_entry::compile(data));

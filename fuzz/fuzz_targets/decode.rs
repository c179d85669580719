//! Bytes → the widget's document decoding and checks, then everything the widget computes from a
//! document it accepts (`fuzz_entry::decode`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_entry::decode(data));

//! # commentary-embed
//!
//! A publisher of policy commentaries writes each commentary once, as Markdown and TOML; the
//! `commentary` CLI compiles it into one JSON document holding every language version; a partner
//! site pastes one script tag and one element, and its readers get the whole commentary rendered
//! in place, isolated in a shadow root.
//!
//! ```html
//! <script type="module" src="https://cdn.example.org/embed/commentary-embed.js"></script>
//! <commentary-embed src="https://cdn.example.org/c/2026-36.json" lang="en">
//!   <a href="https://publisher.example/2026-36">The commentary on the publisher's site</a>
//! </commentary-embed>
//! ```
//!
//! ## Layers
//! Dependencies point one way: `embed` → `components` → `domain`, with `browser` beside them.
//!
//! - [`domain`]: pure Rust, no browser, no clock, no globals. The document model and its checks,
//!   dates, link safety, language tags, UI strings. Unit-tested natively, shared by CLI and widget.
//! - [`content`] (native only): the Markdown + TOML source → [`domain::Document`], with
//!   `path:line: message` errors. The CLI (`src/bin/commentary`) is a thin shell over it.
//! - `components` (wasm only): Leptos views, thin: they render domain values, feed the domain's
//!   state machines what the reader did ([`domain::NotePopover`], [`domain::LanguageSwitch`],
//!   [`domain::Lifecycle`]) and carry out their answers.
//! - `browser` (wasm only): the browser adapter, the one place that names `web_sys` and `js_sys`
//!   (with `embed`): one file per capability (fetch, events, storage, clipboard, share sheet,
//!   locale, selection, popover placement, the reader's place, focus, downloads, Zotero).
//! - `embed` (wasm only): the `<commentary-embed>` custom element: attributes, shadow root,
//!   mounting.
//!
//! The public interfaces (content format, CLI, markup, parts, events) are fixed by the project's
//! contracts; README.md documents them and what this crate adds.

// No code path on data may panic: one bad document must never take down the module that every
// widget on the page shares (the release build aborts on panic). Tests may unwrap.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod domain;

#[cfg(not(target_arch = "wasm32"))]
pub mod content;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;

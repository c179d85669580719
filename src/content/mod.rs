//! Native only: the Markdown + TOML source of commentaries compiled into [`Document`]s, with
//! `path:line: message` errors.
//!
//! A content folder holds one folder per commentary, named by its id, with a `commentary.toml`
//! (the facts that do not depend on language) and one `<lang>.md` per language version (TOML
//! front matter between `+++` lines, then CommonMark with GitHub footnotes). [`build`] compiles
//! them all and writes `<id>.json` files; [`compile_commentary`] compiles one folder.
//!
//! Every error of every file is reported, not just the first, as a [`Diagnostic`] with the
//! file's path and real line; a commentary with any error is not written. Unknown keys and
//! footnotes that are never referenced are warnings, and so are blocks of a translation that
//! have no counterpart in the original, or the reverse.
//!
//! What the compiler does to the text:
//! - footnotes are numbered from 1 in order of first reference, whatever their labels (matched
//!   ignoring case); each reference counts its note's references from 1 (`occurrence`); a
//!   footnote cannot cite another;
//! - raw HTML, inline or block, becomes text shown as written, never interpreted;
//! - a link whose target [`safe_href`] refuses (anything but absolute `http`, `https`,
//!   `mailto`) keeps its text but is no link; `<a@b.org>` links to `mailto:a@b.org`;
//! - an image becomes its alt text; a soft line break a space; a hard one a line break;
//! - headings keep their level, code blocks their text; titles are trimmed;
//! - plain CommonMark plus GitHub footnotes: no tables, strikethrough, task lists or smart
//!   punctuation;
//! - runs of Cyrillic text in a version in another script are marked with their language
//!   (`Inline::Lang`, Russian unless the letters say Ukrainian, Belarusian or Kazakh);
//! - the versions are ordered original first, then by language tag;
//! - the top-level blocks of every version are aligned with the original's (`align`, one group
//!   id per block), and a block with no counterpart is a warning (the versions differ in
//!   structure there).
//!
//! # Example
//! ```no_run
//! use std::path::Path;
//! let report = commentary_embed::content::build(Path::new("content"), Path::new("build/c"));
//! for d in &report.diagnostics {
//!     eprintln!("{d}"); // content/2026-36/en.md:14: footnote `nope` is never defined
//! }
//! ```
//!
//! [`Document`]: crate::domain::Document
//! [`safe_href`]: crate::domain::safe_href

mod align;
mod archive;
mod build;
mod card;
mod citations;
mod commentary;
mod diagnostic;
mod embed_page;
mod feeds;
mod fields;
mod footnote_labels;
mod front_matter;
mod incremental;
mod markdown;
mod metadata;
mod page_rights;
mod pages;
mod report;
mod rights;
mod script;

pub use archive::{
    build_archive, write_if_changed, BuildOptions, RELOAD_TAG, WATCH_SCRIPT, WATCH_STAMP,
};
pub use build::{build, build_with, BuildReport, Written};
pub use card::{card_png, write_cards, CARD_HEIGHT, CARD_WIDTH};
pub use citations::{add_citations, plain as citation_text};
pub use commentary::{compile_commentary, Compiled};
pub use diagnostic::{Diagnostic, Severity};
pub use embed_page::{embed_frame_snippet, embed_page, link_card, FRAME_SCRIPT};
pub use feeds::{uri, write_archive, ArchiveEntry, ArchiveError, ArchiveVersion};
pub use incremental::{Summary, CACHE_ENV};
pub use pages::{
    article_page, description, embed_snippet, language_name, oembed, og_locale, write_pages,
    PageOptions,
};

//! Leptos views, thin: they render domain values and report what the reader did.
//!
//! The one piece of state, the loaded document and the shown language, lives in
//! [`CommentaryWidget`]; the views below it receive plain values.

mod article;
mod cite_panel;
mod content;
mod error_notice;
mod footnotes;
mod language_toggle;
mod notices;
mod share_bar;
mod widget;

pub use article::CommentaryArticle;
pub use cite_panel::{CiteTools, OnCopy};
pub use error_notice::ErrorNotice;
pub use footnotes::{FootnoteRef, Footnotes, OpenNote};
pub use language_toggle::{LanguageToggle, VersionOrigin};
pub use share_bar::{QuoteShare, ShareBar, ShareContext, ShareEvent};
pub use widget::{CommentaryWidget, WidgetConfig};

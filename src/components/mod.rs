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
mod reader;
mod share_bar;
mod widget;

use article::CommentaryArticle;
use error_notice::ErrorNotice;
use language_toggle::LanguageToggle;
use share_bar::{ShareContext, ShareEvent};

pub use widget::{CommentaryWidget, WidgetConfig};

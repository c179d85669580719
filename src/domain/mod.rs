//! The browser-free core: the commentary model, its checks, dates, links, languages and UI strings.
//!
//! Nothing here names leptos, web_sys, js_sys or wasm_bindgen, and nothing reads a clock or a
//! global: what the browser knows (today, the page URL, the reader's languages) comes in as
//! parameters. The CLI and the widget share every line of it.

mod anchors;
mod byline;
mod casing;
mod citation;
mod cite_export;
mod date;
mod decode;
mod document;
mod embed_config;
mod embed_frame;
mod html;
mod i18n;
mod lang;
mod language_names;
mod language_switch;
mod lifecycle;
mod link;
mod markup;
mod negotiate;
mod note_popover;
mod passage;
mod provenance;
mod reading;
mod republish;
mod rights;
mod share;

pub use anchors::{backlink_mark, note_id, note_number, occurrence_letter, ref_id};
pub use byline::{byline, Byline};
pub use casing::upper_case;
pub use citation::{push_run, Citation, CitationStyle, CiteRun, DateForm};
pub use cite_export::{
    bibtex, check_house_template, coins, csl_json, house, ris, CiteWork, TemplateError,
    DEFAULT_HOUSE_TEMPLATE, HOUSE_PLACEHOLDERS,
};
pub use date::Date;
pub use decode::{decode_fields, read_document, JsonNode};
pub use document::{
    Block, Document, Inline, Note, Person, Problem, Publisher, Version, MAX_DEPTH, MAX_JSON_DEPTH,
    SCHEMA_VERSION,
};
pub use embed_config::{requested_language, ShareUrl, Theme};
pub use embed_frame::{
    article_page_of, embed_page_url, frame_code, framed_article_page, FRAME_HEIGHT, FRAME_WIDTH,
};
pub use html::{embed_code, escape_attr, escape_text, script_json};
pub use i18n::{ui_strings, PerUiLanguage, UiStrings};
pub use lang::{is_language_tag, primary_subtag};
pub use language_names::{language_name, text_direction, version_label, Direction};
pub use language_switch::{LanguageSwitch, Switch};
pub use lifecycle::{
    Command, Failure, Lifecycle, Outcome, Phase, Ticket, RETRY_DELAYS_MS, STALL_TIMEOUT_MS,
};
pub use link::{safe_href, url_parts, web_url};
pub use markup::Markup;
pub use negotiate::{negotiate_language, LanguagePreferences};
pub use note_popover::{
    NoteAnswer, NoteInput, NotePopover, NoteRef, OpenNote, Timer, CLOSE_DELAY_MS, OPEN_DELAY_MS,
};
pub use passage::{counterpart, Counterpart, Passage};
pub use provenance::{provenance, Provenance};
pub use reading::{
    pair_rows, second_version, side_note_places, NotesMode, Reading, ReadingSwitch, Row,
};
pub use republish::republish_html;
pub use rights::{
    attribution, corrected_label, notices, rights_strings, suggest_license, withdrawn_label,
    Correction, License, Notice, RightsStrings, Withdrawn, CREATIVE_COMMONS,
};
pub use share::{
    encode_component, mastodon_instance, mastodon_share_url, normalize_quote, quote_text,
    quote_url, share_url, ShareTarget, Shared,
};

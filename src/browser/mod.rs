//! The browser adapter: the one place (with the custom element in `embed.rs`) that names
//! `web_sys` and `js_sys`, one file per capability. Every capability degrades without throwing:
//! a missing API or a refusal is a `false`, `None` or `Err` that the views turn into a visible
//! state, never a panic.
//!
//! Shaped like leptos-use where a hook helps: [`use_clipboard`] answers
//! `UseClipboardReturn { is_supported, state, … }`. Listeners on `window` and `document` are
//! gloo-events' [`EventListener`](gloo_events::EventListener)s, removed when dropped, so
//! unmounting leaves the host page as it was; timers are gloo-timers' `Timeout`s, cancelled when
//! dropped.

mod clipboard;
mod dom;
mod download;
mod events;
mod fetch;
mod focus;
mod json;
mod locale;
mod page;
mod place;
mod popover;
mod selection;
mod share_sheet;
mod storage;
mod zotero;

pub use clipboard::{use_clipboard, CopyState, UseClipboardReturn};
pub use dom::side_note_shown;
pub use download::download_text;
pub use events::{
    closest_in_event, dispatch, dispatch_with_lists, event_path_contains, focus_moves_within,
    is_hover_pointer, key_of, on_document, on_window, on_window_capture, warn, EventListener,
};
pub use fetch::{request_document, DocumentRequest, DocumentService, Fetched};
pub use focus::{focus_active_in, focus_in_root, focus_toggle_button, focus_toggle_button_from};
pub use locale::{browser_language_name, preferred_languages};
pub use page::{absolute_url, page_url, today};
pub use place::{measure_place, restore_place, Place};
pub use popover::{place_popover, show_popover, PopoverSheet};
pub use selection::{select_contents, selected_text_in};
pub use share_sheet::{
    can_share_natively, in_sandboxed_frame, open_in_new_tab, share_natively, ShareRefusal,
};
pub use storage::{remember, remembered, StorageKey};
pub use zotero::set_coins;

pub use gloo_timers::callback::Timeout;
/// The `<commentary-embed>` element a widget renders into.
pub use web_sys::HtmlElement as HostElement;

/// The message of a JavaScript error value, or a word for one that has none.
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

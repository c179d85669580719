//! The one place that names `web_sys`: fetching the document and telling the page what happened.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, RequestInit, RequestMode, Response};

use crate::domain::{Document, SCHEMA_VERSION};

/// Why a document could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No `src` attribute.
    NoSource,
    /// The fetch failed or the server answered with an error status.
    Fetch(String),
    /// The response is not a document this widget can show.
    Invalid(String),
}

impl LoadError {
    /// The technical detail, in English (it goes to the `commentary-error` event and the page's
    /// console; the reader sees a translated heading above it).
    pub fn detail(&self) -> String {
        match self {
            LoadError::NoSource => "the element has no `src` attribute".into(),
            LoadError::Fetch(m) | LoadError::Invalid(m) => m.clone(),
        }
    }
}

/// Fetches and checks the compiled document at `src`.
///
/// # Errors
/// [`LoadError::Fetch`] when the request fails or answers with a non-2xx status;
/// [`LoadError::Invalid`] when the body is not JSON, is of another schema version, does not
/// decode, or breaks a rule of [`Document::problems`].
pub async fn fetch_document(src: String) -> Result<Document, LoadError> {
    if src.trim().is_empty() {
        return Err(LoadError::NoSource);
    }
    let window = web_sys::window().ok_or_else(|| LoadError::Fetch("no window".into()))?;
    let init = RequestInit::new();
    init.set_mode(RequestMode::Cors);
    let response = JsFuture::from(window.fetch_with_str_and_init(&src, &init))
        .await
        .map_err(|e| LoadError::Fetch(format!("could not fetch {src}: {}", js_message(&e))))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| LoadError::Fetch(format!("could not fetch {src}")))?;
    if !response.ok() {
        return Err(LoadError::Fetch(format!(
            "{src} answered HTTP {}",
            response.status()
        )));
    }
    let json = response
        .json()
        .map_err(|e| LoadError::Invalid(format!("{src} is not JSON: {}", js_message(&e))))?;
    let value = JsFuture::from(json)
        .await
        .map_err(|e| LoadError::Invalid(format!("{src} is not JSON: {}", js_message(&e))))?;
    decode_document(&value).map_err(LoadError::Invalid)
}

/// Decodes a parsed JSON value into a checked [`Document`]. The schema version is read first, so
/// a document of another version gets that message rather than a decoding error.
///
/// # Errors
/// A message naming what is wrong.
pub fn decode_document(value: &JsValue) -> Result<Document, String> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err("the document is not a JSON object".into());
    }
    let schema = Reflect::get(value, &"schema".into())
        .ok()
        .and_then(|s| s.as_f64());
    match schema {
        None => return Err("the document has no `schema` version".into()),
        Some(v) if v != f64::from(SCHEMA_VERSION) => {
            return Err(format!(
                "schema version {v} is not supported (this widget reads version {SCHEMA_VERSION})"
            ))
        }
        Some(_) => {}
    }
    let document: Document = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| format!("the document does not decode: {e}"))?;
    let problems = document.problems();
    if problems.is_empty() {
        Ok(document)
    } else {
        Err(problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "))
    }
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Dispatches a `CustomEvent` named `name` on `host`, bubbling and composed, whose `detail` is an
/// object of the given string fields. A failure to build or send it is logged, never raised: an
/// event listener of the page must not break the widget.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, &str)]) {
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => {
            let _ = host.dispatch_event(&event);
        }
        Err(e) => warn(&format!(
            "commentary-embed: could not send {name}: {}",
            js_message(&e)
        )),
    }
}

/// Writes a warning to the page's console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Moves focus to the element with `id` in the same shadow root as `from`, scrolling it into view.
/// Fragment links do not reach into shadow roots, so in-widget links use this instead.
pub fn focus_in_root(from: &web_sys::Node, id: &str) {
    let root = from.get_root_node();
    let target = root
        .dyn_ref::<web_sys::ShadowRoot>()
        .and_then(|r| r.get_element_by_id(id))
        .or_else(|| {
            root.dyn_ref::<web_sys::Document>()
                .and_then(|d| d.get_element_by_id(id))
        });
    if let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

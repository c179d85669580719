//! The one place that names `web_sys`: fetching the document and telling the page what happened.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, RequestInit, RequestMode, Response};

use crate::domain::{read_document, Document, JsonNode};

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
/// A network error, a 5xx or a 429 is tried again twice, after 0.4 s and 1.6 s.
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
    let mut attempt = 0;
    let response = loop {
        match fetch_once(&window, &src).await {
            Ok(response) => break response,
            Err((error, retry)) if retry && attempt < RETRY_DELAYS_MS.len() => {
                sleep(&window, RETRY_DELAYS_MS[attempt]).await;
                attempt += 1;
                warn(&format!(
                    "commentary-embed: {}; trying again",
                    error.detail()
                ));
            }
            Err((error, _)) => return Err(error),
        }
    };
    let json = response
        .json()
        .map_err(|e| LoadError::Invalid(format!("{src} is not JSON: {}", js_message(&e))))?;
    let value = JsFuture::from(json)
        .await
        .map_err(|e| LoadError::Invalid(format!("{src} is not JSON: {}", js_message(&e))))?;
    decode_document(&value).map_err(LoadError::Invalid)
}

/// Waits before each new try of a failed fetch: a network error or a server's 5xx or 429 is
/// often gone a moment later; a 404 is not, and is not retried.
const RETRY_DELAYS_MS: [i32; 2] = [400, 1600];

/// One fetch: the response when it is a success, else the error and whether it may pass.
async fn fetch_once(window: &web_sys::Window, src: &str) -> Result<Response, (LoadError, bool)> {
    let init = RequestInit::new();
    init.set_mode(RequestMode::Cors);
    let response = JsFuture::from(window.fetch_with_str_and_init(src, &init))
        .await
        .map_err(|e| {
            (
                LoadError::Fetch(format!("could not fetch {src}: {}", js_message(&e))),
                true,
            )
        })?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| (LoadError::Fetch(format!("could not fetch {src}")), false))?;
    let status = response.status();
    if response.ok() {
        Ok(response)
    } else {
        Err((
            LoadError::Fetch(format!("{src} answered HTTP {status}")),
            status >= 500 || status == 429,
        ))
    }
}

/// Resolves after `ms` milliseconds.
async fn sleep(window: &web_sys::Window, ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Decodes a parsed JSON value (the browser's `JSON.parse`) into a checked [`Document`]:
/// [`read_document`] over [`JsonNode`] for `JsValue`.
///
/// # Errors
/// A message naming what is wrong.
pub fn decode_document(value: &JsValue) -> Result<Document, String> {
    read_document(value)
}

/// The decoder's view of a value from `JSON.parse`: own properties only, `null` as missing.
impl JsonNode for JsValue {
    fn get(&self, key: &str) -> Option<Self> {
        let object = self
            .dyn_ref::<Object>()
            .filter(|_| !Array::is_array(self))?;
        let key = JsValue::from_str(key);
        if !Object::has_own(object, &key) {
            return None;
        }
        Reflect::get(object, &key)
            .ok()
            .filter(|v| !v.is_null() && !v.is_undefined())
    }
    fn is_object(&self) -> bool {
        self.is_object() && !Array::is_array(self)
    }
    fn as_str(&self) -> Option<String> {
        self.as_string()
    }
    fn as_f64(&self) -> Option<f64> {
        JsValue::as_f64(self)
    }
    fn as_bool(&self) -> Option<bool> {
        JsValue::as_bool(self)
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.dyn_ref::<Array>().map(|a| a.iter().collect())
    }
    fn keys(&self) -> Option<Vec<String>> {
        if !JsonNode::is_object(self) {
            return None;
        }
        let object = self.dyn_ref::<Object>()?;
        Some(
            Object::keys(object)
                .iter()
                .filter_map(|k| k.as_string())
                .collect(),
        )
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

/// Whether `el` is on the path of `ev` (through shadow roots).
pub fn event_path_contains(ev: &web_sys::Event, el: &web_sys::Element) -> bool {
    let el: &JsValue = el.as_ref();
    ev.composed_path().iter().any(|node| &node == el)
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `CSS.supports(property, value)`; throws where `CSS` is missing.
    #[wasm_bindgen(catch, js_namespace = CSS, js_name = supports)]
    fn css_supports(property: &str, value: &str) -> Result<bool, JsValue>;
}

thread_local! {
    static HAS_ANCHOR_POSITIONING: bool =
        css_supports("anchor-name", "--a").unwrap_or(false) && css_supports("position-area", "bottom").unwrap_or(false);
}

/// Whether the browser places elements with CSS anchor positioning.
pub fn has_anchor_positioning() -> bool {
    HAS_ANCHOR_POSITIONING.with(|v| *v)
}

/// A constructed stylesheet adopted by one shadow root, holding the measured position of its open
/// footnote popover (used only where CSS anchor positioning is missing).
pub struct PopoverSheet(web_sys::CssStyleSheet);

/// Places `popover` next to `anchor` where the browser cannot do it with CSS: below the
/// reference when it fits, else above where there is more room, shifted to stay inside the
/// viewport. It sets `data-placement` on the popover and writes the position as two custom
/// properties, `:host { --ce-popover-top: …px; --ce-popover-left: …px }`, into a constructed
/// stylesheet (no `style` attribute, so a strict CSP allows it), made on first use and kept in
/// `sheet`. The widget's stylesheet (styles/notes.css) turns them into `top`/`left`, and keeps
/// the bottom sheet on small screens (styles/media.css): no media query is repeated here.
/// Failures leave the stylesheet's own placement in force.
pub fn place_popover(
    sheet: &mut Option<PopoverSheet>,
    popover: &web_sys::Element,
    anchor: &web_sys::Element,
) {
    if has_anchor_positioning() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Some(vw), Some(vh)) = (
        window.inner_width().ok().and_then(|v| v.as_f64()),
        window.inner_height().ok().and_then(|v| v.as_f64()),
    ) else {
        return;
    };
    let a = anchor.get_bounding_client_rect();
    let p = popover.get_bounding_client_rect();
    const MARGIN: f64 = 8.0;
    const GAP: f64 = 6.0;
    let (w, h) = (p.width(), p.height());
    let below = a.bottom() + GAP;
    let above = a.top() - GAP - h;
    let (top, placement) = if below + h <= vh - MARGIN || vh - a.bottom() >= a.top() {
        (below, "below")
    } else {
        (above.max(MARGIN), "above")
    };
    let left = a.left().min(vw - w - MARGIN).max(MARGIN);
    // Whole pixels, written as integers: float formatting would cost 5 KB of wasm.
    let (top, left) = (top.round() as i32, left.round() as i32);
    let _ = popover.set_attribute("data-placement", placement);
    let rule = format!(":host {{ --ce-popover-top: {top}px; --ce-popover-left: {left}px; }}");
    if sheet.is_none() {
        let Some(root) = popover
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
        else {
            return;
        };
        let Ok(new_sheet) = web_sys::CssStyleSheet::new() else {
            return;
        };
        let adopted = root.adopted_style_sheets();
        adopted.push(&new_sheet);
        root.set_adopted_style_sheets(&adopted);
        *sheet = Some(PopoverSheet(new_sheet));
    }
    if let Some(PopoverSheet(s)) = sheet {
        let _ = s.replace_sync(&rule);
    }
}

/// Today in the reader's time zone: the access date of a citation.
pub fn today() -> Option<crate::domain::Date> {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    crate::domain::Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// A global constructor or object by name, when the browser has it (`ClipboardItem`, …).
fn global(name: &str) -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Writes `html` and `plain` to the clipboard together (rich text keeps italics), else `plain`
/// alone where the browser cannot write HTML.
///
/// # Errors
/// When the page may not write the clipboard at all: no Clipboard API (an insecure page, an old
/// browser), a denied permission, a document without focus.
pub async fn copy_rich(html: &str, plain: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let navigator = window.navigator();
    if Reflect::get(&navigator, &"clipboard".into())
        .map_or(true, |c| c.is_undefined() || c.is_null())
    {
        return Err(());
    }
    let clipboard = navigator.clipboard();
    if global("ClipboardItem").is_some() {
        let item = (|| -> Result<web_sys::ClipboardItem, JsValue> {
            let record = Object::new();
            for (mime, text) in [("text/html", html), ("text/plain", plain)] {
                let options = web_sys::BlobPropertyBag::new();
                options.set_type(mime);
                let parts = js_sys::Array::of1(&JsValue::from_str(text));
                let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
                Reflect::set(&record, &mime.into(), &blob)?;
            }
            web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        })();
        if let Ok(item) = item {
            if JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)))
                .await
                .is_ok()
            {
                return Ok(());
            }
        }
    }
    JsFuture::from(clipboard.write_text(plain))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Selects the text of `el`, so that the reader can copy it by hand.
pub fn select_contents(el: &web_sys::Element) {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
        let _ = selection.select_all_children(el);
    }
}

/// Offers `text` as a file download named `filename`.
///
/// # Errors
/// When the browser cannot make the file (no Blob URLs).
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&JsValue::from_str(text)),
        &options,
    )?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // The download has its own reference now; the URL can go once the click is handled.
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// A value the widget remembered on this site (`localStorage`), if storage is allowed.
pub fn remembered(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Remembers a value on this site; silently does nothing where storage is refused.
pub fn remember(key: &str, value: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
}

/// Puts a COinS span for Zotero into the light DOM of the widget's host (hidden, no layout
/// effect), replacing the one placed before; `None` removes it.
pub fn set_coins(inside: &web_sys::Node, title: Option<&str>) {
    let Some(host) = inside
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .map(|r| r.host())
    else {
        return;
    };
    if let Ok(Some(old)) = host.query_selector(":scope > span.Z3988[data-commentary-embed]") {
        old.remove();
    }
    let Some(title) = title else { return };
    let Some(document) = host.owner_document() else {
        return;
    };
    if let Ok(span) = document.create_element("span") {
        span.set_class_name("Z3988");
        let _ = span.set_attribute("title", title);
        let _ = span.set_attribute("data-commentary-embed", "");
        let _ = span.set_attribute("hidden", "");
        let _ = span.set_attribute("aria-hidden", "true");
        let _ = host.append_child(&span);
    }
}

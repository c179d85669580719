//! The browser capabilities sharing needs: the page URL, the clipboard, the system share sheet,
//! `localStorage`, new tabs and the reader's selection. Beside [`crate::browser`], the one other
//! place that names `web_sys`.
//!
//! Every capability degrades silently: a missing API or a refusal is a `false`, `None` or `Err`
//! the view turns into a visible state, never a panic. They are reached through `Reflect` rather
//! than web-sys features, so a browser lacking one (no `navigator.share` on desktop Firefox, no
//! `ShadowRoot.getSelection` outside Chromium) needs no special build.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The address of the page the widget is on, or `""` where it cannot be read.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// `href` resolved against the page's address (`""` stays `""`; an unparsable one stays as it is).
pub fn absolute_url(href: &str) -> String {
    if href.is_empty() {
        return String::new();
    }
    web_sys::Url::new_with_base(href, &page_url())
        .map(|u| u.href())
        .unwrap_or_else(|_| href.to_owned())
}

fn navigator() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"navigator".into())
        .ok()
        .filter(|n| !n.is_undefined())
}

/// Calls `target[name](...args)` when it is a function, returning what it returned.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &name.into())?.dyn_into()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>())
}

/// Awaits `value` when it is a promise.
async fn settle(value: JsValue) -> Result<JsValue, JsValue> {
    match value.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(value) => Ok(value),
    }
}

/// Puts `text` on the clipboard.
///
/// # Errors
/// `Err(())` when there is no clipboard API or the browser refused (no permission, no focus).
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = navigator()
        .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or(())?;
    let written = call(&clipboard, "writeText", &[JsValue::from_str(text)]).map_err(|_| ())?;
    settle(written).await.map(|_| ()).map_err(|_| ())
}

/// Whether the browser has a system share sheet (`navigator.share`).
pub fn can_share_natively() -> bool {
    navigator()
        .and_then(|n| Reflect::get(&n, &"share".into()).ok())
        .is_some_and(|s| s.is_function())
}

/// Why the system share sheet did not share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareRefusal {
    /// The reader closed the sheet: nothing to say.
    Cancelled,
    /// The page may not open it (no sheet, or a frame without the `web-share` permission, such
    /// as WordPress's sandbox): the reader needs another way.
    NotAllowed,
}

/// Opens the system share sheet with `title`, `text` and `url`.
///
/// # Errors
/// [`ShareRefusal::Cancelled`] when the reader closed it without sharing,
/// [`ShareRefusal::NotAllowed`] when there is no sheet or the page may not open it.
pub async fn share_natively(title: &str, text: &str, url: &str) -> Result<(), ShareRefusal> {
    let navigator = navigator().ok_or(ShareRefusal::NotAllowed)?;
    let data = Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        Reflect::set(&data, &key.into(), &value.into()).map_err(|_| ShareRefusal::NotAllowed)?;
    }
    let shared = call(&navigator, "share", &[data.into()]).map_err(|_| ShareRefusal::NotAllowed)?;
    settle(shared).await.map(|_| ()).map_err(|error| {
        let name = Reflect::get(&error, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if name.as_deref() == Some("AbortError") {
            ShareRefusal::Cancelled
        } else {
            ShareRefusal::NotAllowed
        }
    })
}

/// Whether the widget runs in a sandboxed frame without `allow-same-origin` (WordPress's
/// `sandbox="allow-scripts"`): framed, with an opaque origin. There, new windows, downloads,
/// storage and often the clipboard are refused.
pub fn in_sandboxed_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let framed = Reflect::get(&window, &"parent".into())
        .ok()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window));
    let opaque = Reflect::get(&window, &"origin".into())
        .ok()
        .and_then(|o| o.as_string())
        .is_some_and(|o| o == "null");
    framed && opaque
}

fn local_storage() -> Option<JsValue> {
    // Reading `localStorage` itself throws where storage is blocked (sandboxed frames).
    let window = web_sys::window()?;
    Reflect::get(&window, &"localStorage".into())
        .ok()
        .filter(|s| !s.is_null() && !s.is_undefined())
}

/// The value stored under `key` in the page's `localStorage`, if any and readable.
pub fn stored(key: &str) -> Option<String> {
    let storage = local_storage()?;
    call(&storage, "getItem", &[JsValue::from_str(key)])
        .ok()?
        .as_string()
}

/// Stores `value` under `key` in `localStorage`; a refusal (full, blocked) is ignored: the
/// reader is simply asked again next time.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = call(
            &storage,
            "setItem",
            &[JsValue::from_str(key), JsValue::from_str(value)],
        );
    }
}

/// Opens `url` in a new tab, with no opener and no referrer. Returns `false` when the browser
/// threw, and in a sandboxed frame ([`in_sandboxed_frame`]) when it refused: there the tab is
/// opened without `noopener` (with it, `window.open` returns null even when the tab opened, so
/// a refusal could not be told apart) and its opener cut at once.
pub fn open_in_new_tab(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !in_sandboxed_frame() {
        return window
            .open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer")
            .is_ok();
    }
    match window.open_with_url_and_target(url, "_blank") {
        Ok(Some(opened)) => {
            let _ = Reflect::set(&opened, &"opener".into(), &JsValue::NULL);
            true
        }
        _ => false,
    }
}

/// The text the reader has selected, when the selection starts and ends inside `within`.
///
/// A selection inside a shadow root is read from the root's own `getSelection` where the browser
/// has one (Chromium), else from the document's (Firefox reports shadow nodes there).
pub fn selected_text_in(within: &web_sys::Element) -> Option<String> {
    let root = within.get_root_node();
    let selection = call(&root, "getSelection", &[])
        .ok()
        .filter(|s| !s.is_null() && !s.is_undefined())
        .or_else(|| {
            let document = web_sys::window()?.document()?;
            call(&document, "getSelection", &[]).ok()
        })
        .filter(|s| !s.is_null() && !s.is_undefined())?;
    let inside = |key: &str| {
        Reflect::get(&selection, &key.into())
            .ok()
            .and_then(|n| n.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| within.contains(Some(&n)))
    };
    if !(inside("anchorNode") && inside("focusNode")) {
        return None;
    }
    // The selected text without footnote markers: a quote reads "relations. At", not
    // "relations.1 At", and its text fragment matches pages that number notes differently.
    let without_markers = (|| {
        let range = call(&selection, "getRangeAt", &[JsValue::from(0)]).ok()?;
        let fragment = call(&range, "cloneContents", &[]).ok()?;
        let markers: web_sys::NodeList = call(
            &fragment,
            "querySelectorAll",
            &[JsValue::from_str("[part~='footnote-ref']")],
        )
        .ok()?
        .dyn_into()
        .ok()?;
        for i in 0..markers.length() {
            if let Some(marker) = markers.item(i) {
                if let Some(parent) = marker.parent_node() {
                    let _ = parent.remove_child(&marker);
                }
            }
        }
        fragment.dyn_into::<web_sys::Node>().ok()?.text_content()
    })();
    without_markers.or_else(|| call(&selection, "toString", &[]).ok()?.as_string())
}

/// A listener on the page's `document`, removed when dropped (so unmounting leaves the page as
/// it was).
pub struct DocumentListener {
    name: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl DocumentListener {
    /// Listens for `name` events on the document; `None` where there is no document.
    pub fn new(name: &'static str, handler: impl FnMut(web_sys::Event) + 'static) -> Option<Self> {
        let document = web_sys::window()?.document()?;
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        document
            .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
            .ok()?;
        Some(DocumentListener { name, closure })
    }
}

impl Drop for DocumentListener {
    fn drop(&mut self) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.remove_event_listener_with_callback(
                self.name,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

//! The system share sheet (`navigator.share`) and new tabs. Reached through `Reflect`, so a
//! browser without a sheet (desktop Firefox) needs no special build.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"navigator".into())
        .ok()
        .filter(|n| !n.is_undefined())
}

/// Whether the browser has a system share sheet.
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
    let share: Function = Reflect::get(&navigator, &"share".into())
        .map_err(|_| ShareRefusal::NotAllowed)?
        .dyn_into()
        .map_err(|_| ShareRefusal::NotAllowed)?;
    let shared = share
        .call1(&navigator, &data)
        .map_err(|_| ShareRefusal::NotAllowed)?;
    match shared.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await.map(|_| ()).map_err(|error| {
            let name = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                ShareRefusal::Cancelled
            } else {
                ShareRefusal::NotAllowed
            }
        }),
        Err(_) => Ok(()),
    }
}

/// Whether the widget runs in a sandboxed frame without `allow-same-origin` (WordPress's
/// `sandbox="allow-scripts"`): framed, with an opaque origin. There, new windows, downloads,
/// form submission, storage and often the clipboard are refused.
pub fn in_sandboxed_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let framed = Reflect::get(&window, &"parent".into())
        .ok()
        .is_some_and(|parent| !Object::is(&parent, &window));
    let opaque = Reflect::get(&window, &"origin".into())
        .ok()
        .and_then(|o| o.as_string())
        .is_some_and(|o| o == "null");
    framed && opaque
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

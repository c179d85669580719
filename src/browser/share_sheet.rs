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

/// Opens the system share sheet with `title`, `text` and `url`.
///
/// # Errors
/// `Err(())` when there is no sheet, or the reader closed it without sharing.
pub async fn share_natively(title: &str, text: &str, url: &str) -> Result<(), ()> {
    let navigator = navigator().ok_or(())?;
    let data = Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        Reflect::set(&data, &key.into(), &value.into()).map_err(|_| ())?;
    }
    let share: Function = Reflect::get(&navigator, &"share".into())
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let shared = share.call1(&navigator, &data).map_err(|_| ())?;
    match shared.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await.map(|_| ()).map_err(|_| ()),
        Err(_) => Ok(()),
    }
}

/// Opens `url` in a new tab, with no opener and no referrer. Returns `false` only when the
/// browser threw: with `noopener`, `window.open` returns null even when the tab opened, so a
/// popup blocker's refusal cannot be told apart.
pub fn open_in_new_tab(url: &str) -> bool {
    web_sys::window()
        .and_then(|w| {
            w.open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer")
                .ok()
        })
        .is_some()
}

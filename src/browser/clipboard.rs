//! The clipboard, shaped like leptos-use's `use_clipboard`: [`use_clipboard`] answers whether
//! the browser lets the page write it, the state of the last copy, and `copy(html, plain)`,
//! which writes rich text and plain text together where the browser can (italics survive a
//! paste into a word processor), else the plain text alone.

use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How the last copy went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CopyState {
    /// Nothing copied yet.
    #[default]
    Idle,
    Copied,
    /// The page may not write the clipboard: no Clipboard API (an insecure page, a sandboxed
    /// frame, an old browser), a denied permission, a document without focus.
    Failed,
}

/// What [`use_clipboard`] answers.
#[derive(Clone, Copy)]
pub struct UseClipboardReturn {
    /// Whether the browser has a Clipboard API at all (a copy may still be refused).
    pub is_supported: bool,
    /// How the last copy through this handle went.
    pub state: ReadSignal<CopyState>,
    set_state: WriteSignal<CopyState>,
}

/// A clipboard handle for one control.
pub fn use_clipboard() -> UseClipboardReturn {
    let (state, set_state) = signal(CopyState::Idle);
    UseClipboardReturn {
        is_supported: clipboard().is_some(),
        state,
        set_state,
    }
}

impl UseClipboardReturn {
    /// Copies `plain` (with `html` beside it, when given and the browser takes HTML), then calls
    /// `then` with whether the clipboard took it. The state is set before `then` runs; after the
    /// await the view may be gone, so `then` must use `try_` access only.
    pub fn copy(self, html: Option<String>, plain: String, then: impl FnOnce(bool) + 'static) {
        let set_state = self.set_state;
        spawn_local(async move {
            let ok = write(html.as_deref(), &plain).await.is_ok();
            let _ = set_state.try_set(if ok {
                CopyState::Copied
            } else {
                CopyState::Failed
            });
            then(ok);
        });
    }
}

fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let present = Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    present.then(|| navigator.clipboard())
}

async fn write(html: Option<&str>, plain: &str) -> Result<(), ()> {
    let clipboard = clipboard().ok_or(())?;
    let has_items =
        Reflect::get(&js_sys::global(), &"ClipboardItem".into()).is_ok_and(|c| c.is_function());
    if let (Some(html), true) = (html, has_items) {
        let item = (|| -> Result<web_sys::ClipboardItem, JsValue> {
            let record = Object::new();
            for (mime, text) in [("text/html", html), ("text/plain", plain)] {
                let options = web_sys::BlobPropertyBag::new();
                options.set_type(mime);
                let parts = Array::of1(&JsValue::from_str(text));
                let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
                Reflect::set(&record, &mime.into(), &blob)?;
            }
            web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        })();
        if let Ok(item) = item {
            if JsFuture::from(clipboard.write(&Array::of1(&item)))
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

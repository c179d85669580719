//! The reader's selection: reading what they selected in the widget, and selecting text for
//! them to copy by hand. Reached through `Reflect` where browsers differ (`ShadowRoot.getSelection`
//! exists only in Chromium).

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Calls `target[name](...args)` when it is a function, returning what it returned.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &name.into())?.dyn_into()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>())
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

/// Selects the text of `el`, so that the reader can copy it by hand.
pub fn select_contents(el: &web_sys::Element) {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
        let _ = selection.select_all_children(el);
    }
}

//! Element queries shared by the capabilities below.

use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, Node, NodeList};

/// The elements under `root` (an element, a shadow root or a fragment) matching `selector`, in
/// document order; none when the selector is invalid.
pub fn elements(root: &Node, selector: &str) -> Vec<Element> {
    let list: Option<NodeList> = if let Some(el) = root.dyn_ref::<Element>() {
        el.query_selector_all(selector).ok()
    } else if let Some(fragment) = root.dyn_ref::<DocumentFragment>() {
        fragment.query_selector_all(selector).ok()
    } else {
        None
    };
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The shadow root `node` is in, if any.
pub fn shadow_root_of(node: &Node) -> Option<web_sys::ShadowRoot> {
    node.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok()
}

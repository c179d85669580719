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

/// Whether the side note of `note` stands in the margin beside the reference `from`: rendered
/// (the stylesheet shows side notes only where the widget is wide enough) in the same column.
pub fn side_note_shown(from: &Element, note: u32) -> bool {
    from.closest(".ce-body")
        .ok()
        .flatten()
        .and_then(|body| {
            body.query_selector(&format!("[part~='sidenote'][data-note='{note}']"))
                .ok()
                .flatten()
        })
        .is_some_and(|side| side.get_client_rects().length() > 0)
}

/// The nearest ancestor of `el` (across shadow roots) that scrolls its content vertically, short
/// of the page itself: `None` when the window is what scrolls.
pub fn scroll_parent(el: &Element) -> Option<Element> {
    let window = web_sys::window()?;
    let page = window.document()?.scrolling_element();
    let mut at = parent_across_shadow(el);
    while let Some(node) = at {
        if page.as_ref() == Some(&node) {
            return None;
        }
        let scrolls = node.scroll_height() > node.client_height()
            && window
                .get_computed_style(&node)
                .ok()
                .flatten()
                .and_then(|style| style.get_property_value("overflow-y").ok())
                .is_some_and(|o| matches!(o.as_str(), "auto" | "scroll" | "overlay"));
        if scrolls {
            return Some(node);
        }
        at = parent_across_shadow(&node);
    }
    None
}

fn parent_across_shadow(el: &Element) -> Option<Element> {
    el.parent_element().or_else(|| {
        el.parent_node()?
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|root| root.host())
    })
}

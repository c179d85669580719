//! Moving focus inside a widget: fragment links do not reach into shadow roots, and a control
//! that a switch replaced hands focus to its successor.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::dom;

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

/// Moves focus to the toggle's button for `lang` in the shadow root holding `from` (after a
/// switch from a control that the switch removed).
pub fn focus_toggle_button(from: &web_sys::Node, lang: &str) {
    let Ok(root) = from.get_root_node().dyn_into::<web_sys::ShadowRoot>() else {
        return;
    };
    let button = dom::elements(&root, "[part~='language-toggle'] button")
        .into_iter()
        .find(|b| {
            b.get_attribute("lang")
                .is_some_and(|l| l.eq_ignore_ascii_case(lang))
        });
    if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

/// Whether the focus of the shadow root holding `from` is inside an element matching `selector`.
pub fn focus_active_in(from: &web_sys::Node, selector: &str) -> bool {
    dom::shadow_root_of(from)
        .and_then(|root| root.active_element())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// [`focus_toggle_button`] from the target of `ev` (the control the reader pressed).
pub fn focus_toggle_button_from(ev: &web_sys::Event, lang: &str) {
    if let Some(node) = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) {
        focus_toggle_button(&node, lang);
    }
}

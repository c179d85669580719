//! COinS for Zotero and other reference managers: a hidden span in the light DOM of the host,
//! where their page scanners look (they do not enter shadow roots).

use wasm_bindgen::JsCast;

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

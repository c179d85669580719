//! Placing a footnote's popover: in the top layer (the HTML `popover` attribute), next to its
//! reference by CSS anchor positioning where the browser has it, else measured here.

use wasm_bindgen::{JsCast, JsValue};

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

/// Shows `popover` in the top layer; browsers without the popover API show it in place,
/// positioned by the stylesheet.
pub fn show_popover(popover: &web_sys::HtmlElement) {
    let _ = popover.show_popover();
}

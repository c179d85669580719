//! Events: telling the page what happened (the contract's `CustomEvent`s), listening on the
//! page (gloo-events listeners, removed when dropped), and reading where an event went.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, Event, HtmlElement};

pub use gloo_events::EventListener;
use gloo_events::EventListenerOptions;

use super::js_message;

/// Dispatches a `CustomEvent` named `name` on `host`, bubbling and composed, whose `detail` is an
/// object of the given string fields. A failure to build or send it is logged, never raised: an
/// event listener of the page must not break the widget.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, &str)]) {
    dispatch_with_lists(host, name, detail, &[]);
}

/// [`dispatch`] with fields that are arrays of strings besides the string fields.
pub fn dispatch_with_lists(
    host: &HtmlElement,
    name: &str,
    detail: &[(&str, &str)],
    lists: &[(&str, &[String])],
) {
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    for (key, values) in lists {
        let array: js_sys::Array = values.iter().map(|v| JsValue::from_str(v)).collect();
        let _ = Reflect::set(&object, &JsValue::from_str(key), &array);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => {
            let _ = host.dispatch_event(&event);
        }
        Err(e) => warn(&format!(
            "commentary-embed: could not send {name}: {}",
            js_message(&e)
        )),
    }
}

/// Writes a warning to the page's console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Listens for `name` on the page's `document` until the returned listener is dropped; `None`
/// where there is no document.
pub fn on_document(
    name: &'static str,
    handler: impl FnMut(&Event) + 'static,
) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    Some(EventListener::new(&document, name, handler))
}

/// Listens for `name` on `window` until the returned listener is dropped.
pub fn on_window(
    name: &'static str,
    handler: impl FnMut(&Event) + 'static,
) -> Option<EventListener> {
    on_window_with(name, EventListenerOptions::default(), handler)
}

/// Listens for `name` on `window` in the capture phase (before any handler of the page can stop
/// it), until the returned listener is dropped. Not passive: the handler may take the key
/// (`preventDefault`).
pub fn on_window_capture(
    name: &'static str,
    handler: impl FnMut(&Event) + 'static,
) -> Option<EventListener> {
    let options = EventListenerOptions {
        passive: false,
        ..EventListenerOptions::run_in_capture_phase()
    };
    on_window_with(name, options, handler)
}

fn on_window_with(
    name: &'static str,
    options: EventListenerOptions,
    handler: impl FnMut(&Event) + 'static,
) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new_with_options(
        &window, name, options, handler,
    ))
}

/// Whether `el` is on the path of `ev` (through shadow roots).
pub fn event_path_contains(ev: &Event, el: &Element) -> bool {
    let el: &JsValue = el.as_ref();
    ev.composed_path().iter().any(|node| &node == el)
}

/// The closest element matching `selector` from the target of `ev` up.
pub fn closest_in_event(ev: &Event, selector: &str) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// Whether focus, leaving an element in `ev` (a `focusout`), moves to an element matching
/// `selector`.
pub fn focus_moves_within(ev: &web_sys::FocusEvent, selector: &str) -> bool {
    ev.related_target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|next| next.closest(selector).ok().flatten())
        .is_some()
}

/// Whether a pointer event comes from a pointer that hovers (mouse, pen), not touch.
pub fn is_hover_pointer(ev: &web_sys::PointerEvent) -> bool {
    matches!(ev.pointer_type().as_str(), "mouse" | "pen")
}

/// The `key` of a keyboard event; `None` for any other event.
pub fn key_of(ev: &Event) -> Option<String> {
    ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key())
}

//! What the browser knows about the reader, wrapped so that every failure degrades silently: the
//! languages they prefer, the language they chose on this site before, and where on the page they
//! are reading. Like `browser`, it names `web_sys`; nothing here panics or throws.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, FocusOptions, HtmlElement, ScrollBehavior, ScrollToOptions};

use crate::domain::{primary_subtag, Counterpart, Passage};

/// The storage key of the reader's choice: one per site (the partner's origin), shared by every
/// commentary on it, since a reader who chose Türkçe once wants it on the next commentary too.
const STORAGE_KEY: &str = "commentary-embed:language";

/// The top-level blocks of a rendered body, in order (the body's children, whatever else may sit
/// beside them).
const BODY_BLOCKS: &str = ".ce-body > :is(p, h3, h4, h5, h6, blockquote, ol, ul, pre, hr)";

/// The browser's preferred languages, most preferred first (`navigator.languages`); empty when
/// the browser tells none.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Throws in sandboxed iframes and when the reader blocks site data: no stored choice then.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the reader chose on this site before, if storage works and holds one.
pub fn stored_language() -> Option<String> {
    storage()?
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .filter(|l| !l.trim().is_empty())
}

/// Remembers the reader's choice on this site; does nothing when storage is unavailable or full.
pub fn store_language(lang: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, lang);
    }
}

/// The browser's own name of a language in that language (`Intl.DisplayNames`), capitalised to
/// start a label by that language's rules (the browser's `toLocaleUpperCase`, so `i` becomes `İ`
/// in Turkish and Azerbaijani), for languages the widget's table does not know; `None` when the
/// browser cannot tell. (The browser's casing, not `domain::capitalize`: the same rules without
/// Unicode's case tables in the wasm.)
pub fn browser_language_name(tag: &str) -> Option<String> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &"language".into()).ok()?;
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let names =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&locales, &options)).ok()?;
    let of: js_sys::Function = js_sys::Reflect::get(&names, &"of".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // A browser without data for the language answers in another (English, say): not its own name.
    let resolved: js_sys::Function = js_sys::Reflect::get(&names, &"resolvedOptions".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let resolved = js_sys::Reflect::get(&resolved.call0(&names).ok()?, &"locale".into()).ok()?;
    if primary_subtag(&resolved.as_string()?) != primary_subtag(tag) {
        return None;
    }
    let name = of
        .call1(&names, &JsValue::from_str(tag))
        .ok()?
        .as_string()?;
    // An unknown language comes back as its tag.
    if name.eq_ignore_ascii_case(tag) || name.trim().is_empty() {
        return None;
    }
    let mut chars = name.chars();
    let first = chars.next()?.to_string();
    let first = js_sys::JsString::from(first).to_locale_upper_case(Some(tag));
    Some(String::from(first) + chars.as_str())
}

/// Where the reader is in a rendered version: a passage and where its top edge (the bottom edge
/// for [`Passage::End`]) was on screen, in CSS pixels from the viewport's top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub passage: Passage,
    pub top: f64,
    pub height: f64,
    /// Whether focus was inside that passage (it moves to the counterpart).
    pub focused: bool,
    /// Where reading starts on screen: the viewport's top, or the bottom of the language toggle
    /// while it sticks there.
    pub line: f64,
}

fn rect(el: &Element) -> (f64, f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.top(), r.bottom(), r.height())
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The note number of a notes-list item (`id="ce-note-3"`).
fn note_number(item: &Element) -> Option<u32> {
    item.id().strip_prefix("ce-note-")?.parse().ok()
}

/// Where the reader is in the widget whose root element (`.ce-root`) is `root`: the passage
/// holding focus, else the one at the top of the viewport. `None` when the widget cannot be
/// measured (not laid out).
pub fn measure_place(root: &Element) -> Option<Place> {
    let (top, bottom, _) = rect(root);
    let line = root
        .query_selector("[part~='language-toggle']")
        .ok()
        .flatten()
        .map(|toggle| rect(&toggle))
        .filter(|(t, b, _)| *t <= 1.0 && *b > 0.0)
        .map_or(0.0, |(_, b, _)| b);
    let place = |passage, top, height, focused| Place {
        passage,
        top,
        height,
        focused,
        line,
    };
    if top >= 0.0 {
        // The widget starts on screen or below it: nothing above the reader moves.
        return Some(place(Passage::Start, top, 0.0, false));
    }
    if bottom <= 0.0 {
        // Scrolled past the widget: keep its end (and the host page after it) where it is.
        return Some(place(Passage::End, bottom, 0.0, false));
    }
    let blocks = elements(root, BODY_BLOCKS);
    let notes = elements(root, "[part~='footnotes'] li[id^='ce-note-']");
    let focused = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|r| r.active_element());
    if let Some(focused) = focused {
        if let Some(i) = blocks.iter().position(|b| b.contains(Some(&focused))) {
            let (t, _, h) = rect(&blocks[i]);
            return Some(place(Passage::Block(i), t, h, true));
        }
        if let Some(n) = notes.iter().find(|n| n.contains(Some(&focused))) {
            let (t, _, h) = rect(n);
            return note_number(n).map(|number| place(Passage::Note(number), t, h, true));
        }
    }
    if let Some(i) = blocks.iter().position(|b| rect(b).1 > line) {
        let (t, _, h) = rect(&blocks[i]);
        if t <= line || i > 0 {
            return Some(place(Passage::Block(i), t, h, false));
        }
        // Reading starts above the first block: in the title or the byline.
        return Some(place(Passage::Start, top, 0.0, false));
    }
    if let Some(n) = notes.iter().find(|n| rect(n).1 > line) {
        let (t, _, h) = rect(n);
        return note_number(n).map(|number| place(Passage::Note(number), t, h, false));
    }
    Some(place(Passage::End, bottom, 0.0, false))
}

/// Scrolls the page so that `target`, the counterpart of `place.passage` in the version now
/// rendered in `root`, stands where that passage stood: an exact counterpart with its top at the
/// same offset from the viewport's top (scaled by the blocks' heights when the reader was inside
/// the block, so the line they read stays about where it was); an inexact one (the passage had
/// no counterpart) there too, but never above the reading line, so that the text the reader goes
/// on to is in view. Instant, whatever the page's `scroll-behavior`, so the page never visibly
/// jumps. Moves focus to the counterpart when the passage held it.
pub fn restore_place(root: &Element, place: &Place, counterpart: Counterpart) {
    let target = counterpart.passage;
    let element = match target {
        Passage::Start | Passage::End => Some(root.clone()),
        Passage::Block(i) => elements(root, BODY_BLOCKS).into_iter().nth(i),
        Passage::Note(n) => root
            .query_selector(&format!("[part~='footnotes'] #ce-note-{n}"))
            .ok()
            .flatten(),
    };
    let Some(element) = element else {
        return;
    };
    let (top, bottom, height) = rect(&element);
    let now = if target == Passage::End { bottom } else { top };
    let wanted = if !counterpart.exact {
        place.top.max(place.line)
    } else if place.top < place.line && place.height > 0.0 && height > 0.0 {
        // Inside the block: the same share of it above the reading line.
        place.line - (place.line - place.top) * height / place.height
    } else {
        place.top
    };
    let delta = now - wanted;
    if delta.abs() >= 0.5 {
        if let Some(window) = web_sys::window() {
            let options = ScrollToOptions::new();
            options.set_top(delta);
            options.set_behavior(ScrollBehavior::Instant);
            window.scroll_by_with_scroll_to_options(&options);
        }
    }
    if place.focused {
        if let Ok(el) = element.dyn_into::<HtmlElement>() {
            if !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let options = FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }
}

/// Moves focus to the toggle's button for `lang` in the shadow root holding `from` (after a
/// switch from a control that the switch removed).
pub fn focus_toggle_button(from: &web_sys::Node, lang: &str) {
    let Ok(root) = from.get_root_node().dyn_into::<web_sys::ShadowRoot>() else {
        return;
    };
    let button = elements_in(&root, "[part~='language-toggle'] button")
        .into_iter()
        .find(|b| {
            b.get_attribute("lang")
                .is_some_and(|l| l.eq_ignore_ascii_case(lang))
        });
    if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

fn elements_in(root: &web_sys::ShadowRoot, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

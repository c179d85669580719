//! The reader's place on the page: which passage they are reading and where it stands on screen,
//! measured before a switch of language and restored after it.

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement, ScrollBehavior, ScrollToOptions};

use super::dom;
use crate::domain::{note_id, Counterpart, Passage};

/// The top-level blocks of the shown version's body, in order: the body's children, whatever else
/// may sit beside them; side by side, the passages of the first column (the shown version).
const BODY_BLOCKS: &str = ".ce-body:not(.ce-column-second) > :is(p, h3, h4, h5, h6, blockquote, ol, ul, pre, hr, .ce-passage)";

/// Where the reader is in a rendered version: a passage and where its top edge (the bottom edge
/// for [`Passage::End`]) was on screen, in CSS pixels from the top of what the reader sees (the
/// viewport's, or that of the host page's element scrolling the widget).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub passage: Passage,
    pub top: f64,
    pub height: f64,
    /// Whether focus was inside that passage (it moves to the counterpart).
    pub focused: bool,
    /// Where reading starts on screen: the top of the viewport (or of the host page's element
    /// that scrolls the widget), or the bottom of the language toggle while it sticks there.
    pub line: f64,
}

/// The top edge of what the reader sees of the widget: the viewport's, or that of the host
/// page's scrolling element holding the widget (a panel, a column with `overflow: auto`).
fn view_top(root: &Element) -> f64 {
    view(root).1
}

/// The host page's element scrolling the widget (`None`: the window) and the top of what the
/// reader sees of it.
fn view(root: &Element) -> (Option<Element>, f64) {
    let scroller = dom::scroll_parent(root);
    let top = scroller.as_ref().map_or(0.0, |s| rect(s).0.max(0.0));
    (scroller, top)
}

fn rect(el: &Element) -> (f64, f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.top(), r.bottom(), r.height())
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    dom::elements(root, selector)
}

/// The note number of a notes-list item.
fn note_number(item: &Element) -> Option<u32> {
    crate::domain::note_number(&item.id())
}

/// Where the reader is in the widget whose root element (`.ce-root`) is `root`: the passage
/// holding focus, else the one at the top of the viewport. `None` when the widget cannot be
/// measured (not laid out).
pub fn measure_place(root: &Element) -> Option<Place> {
    let (top, bottom, _) = rect(root);
    let view = view_top(root);
    let line = root
        .query_selector(".ce-toolbar")
        .ok()
        .flatten()
        .map(|toggle| rect(&toggle))
        .filter(|(t, b, _)| *t <= view + 1.0 && *b > view)
        .map_or(view, |(_, b, _)| b);
    // Stored from the top of what the reader sees, so that the place holds when the host page
    // moves the scrolling element meanwhile (other widgets following the same choice).
    let place = |passage, top: f64, height, focused| Place {
        passage,
        top: top - view,
        height,
        focused,
        line: line - view,
    };
    if top >= view {
        // The widget starts on screen or below it: nothing above the reader moves.
        return Some(place(Passage::Start, top, 0.0, false));
    }
    if bottom <= view {
        // Scrolled past the widget: keep its end (and the host page after it) where it is.
        return Some(place(Passage::End, bottom, 0.0, false));
    }
    let blocks = elements(root, BODY_BLOCKS);
    let notes = elements(root, "[part~='footnotes'] li[id^='note-']");
    // Side by side, the second column's notes are `c2-note-…`: not matched, as they are not
    // the shown version's.
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

/// Scrolls what scrolls the widget (the host page's scrolling element, else the window) so that
/// the top of `element` (its bottom, `at_end`) stands `wanted` px below the top of what the reader
/// sees.
fn scroll_into_place(root: &Element, element: &Element, at_end: bool, wanted: f64) {
    let (top, bottom, _) = rect(element);
    let (scroller, origin) = view(root);
    let delta = if at_end { bottom } else { top } - origin - wanted;
    if delta.abs() < 0.5 {
        return;
    }
    let options = ScrollToOptions::new();
    options.set_top(delta);
    options.set_behavior(ScrollBehavior::Instant);
    match scroller {
        Some(scroller) => scroller.scroll_by_with_scroll_to_options(&options),
        None => {
            if let Some(window) = web_sys::window() {
                window.scroll_by_with_scroll_to_options(&options);
            }
        }
    }
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
            .query_selector(&format!("[part~='footnotes'] #{}", note_id(n)))
            .ok()
            .flatten(),
    };
    let Some(element) = element else {
        return;
    };
    let at_end = target == Passage::End;
    let height = rect(&element).2;
    let wanted = if !counterpart.exact {
        place.top.max(place.line)
    } else if place.top < place.line && place.height > 0.0 && height > 0.0 {
        // Inside the block: the same share of it above the reading line.
        place.line - (place.line - place.top) * height / place.height
    } else {
        place.top
    };
    scroll_into_place(root, &element, at_end, wanted);
    // WebKit may reset a scroll position once more in the task that replaced the article (the
    // page's or a panel's): after that task the widget measures again and corrects what is left.
    // Several widgets switching together (one reader, many widgets) each correct their own
    // passage, one after the other, so none undoes another's.
    let (root_again, element_again) = (root.clone(), element.clone());
    gloo_timers::callback::Timeout::new(0, move || {
        scroll_into_place(&root_again, &element_again, at_end, wanted);
    })
    .forget();
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

//! Footnote references that open their note in a popover: on hover (after a short delay, kept
//! open while the pointer is over the reference or the note, closed after a grace delay), on
//! keyboard focus, Enter or Space, and on tap; closed by Escape, the close control, a tap or
//! click outside, or focus leaving both. One note is open at a time per widget.
//!
//! The note is a non-modal dialog (it holds links, so not a tooltip) in the top layer (the HTML
//! `popover` attribute), so no `overflow` or `z-index` of the host page can clip or cover it. It
//! follows the reference in the DOM, so Tab moves from the reference into the note's links. Where
//! the browser has CSS anchor positioning the stylesheet places it; elsewhere
//! [`place_popover`] measures and writes the position into a constructed stylesheet of the
//! shadow root (no `style` attribute: strict CSP). On narrow or short viewports the stylesheet
//! makes it a bottom sheet.

use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, window_event_listener, TimeoutHandle};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::content::{note_id, ref_id, render_blocks, Ctx};
use crate::browser::{event_path_contains, place_popover, PopoverSheet};
use crate::domain::{Note, UiStrings};

/// Delay before a hovered reference opens its note: a pointer passing over the text does not
/// flash notes open.
const OPEN_DELAY: Duration = Duration::from_millis(120);
/// Grace delay before a note closes once the pointer has left the reference and the note, long
/// enough to cross the gap between them (WCAG 1.4.13: hoverable).
const CLOSE_DELAY: Duration = Duration::from_millis(350);

/// Which reference has its note open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenNote {
    pub note: u32,
    pub occurrence: u32,
    /// Opened by a click, tap, Enter or Space: stays open when the pointer leaves.
    pub pinned: bool,
}

/// The footnote state of one widget, shared by every reference of the shown version.
#[derive(Clone, Copy)]
pub struct Footnotes {
    notes: StoredValue<Vec<Note>>,
    open: RwSignal<Option<OpenNote>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Set just before the widget itself focuses a reference, so that focus does not reopen the
    /// note that was just closed.
    refocusing: StoredValue<bool>,
    sheet: StoredValue<Option<PopoverSheet>, LocalStorage>,
}

impl Footnotes {
    /// The state for one version's notes; nothing is open.
    pub fn new(notes: Vec<Note>) -> Footnotes {
        Footnotes {
            notes: StoredValue::new(notes),
            open: RwSignal::new(None),
            timer: StoredValue::new(None),
            refocusing: StoredValue::new(false),
            sheet: StoredValue::new_local(None),
        }
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    fn later(&self, delay: Duration, f: impl FnOnce() + 'static) {
        self.cancel_timer();
        let open = self.open;
        // The article may be replaced before the timer fires (another language shown): a
        // disposed signal read would panic.
        let guarded = move || {
            if !open.is_disposed() {
                f();
            }
        };
        if let Ok(handle) = set_timeout_with_handle(guarded, delay) {
            self.timer.set_value(Some(handle));
        }
    }

    fn is_open(&self, note: u32, occurrence: u32) -> bool {
        self.open
            .get_untracked()
            .is_some_and(|o| o.note == note && o.occurrence == occurrence)
    }

    fn show(&self, note: u32, occurrence: u32, pinned: bool) {
        self.cancel_timer();
        let pinned = pinned
            || self
                .open
                .get_untracked()
                .is_some_and(|o| o.pinned && o.note == note && o.occurrence == occurrence);
        self.open.set(Some(OpenNote {
            note,
            occurrence,
            pinned,
        }));
    }

    /// Closes whatever note is open.
    pub fn close(&self) {
        self.cancel_timer();
        if self.open.get_untracked().is_some() {
            self.open.set(None);
        }
    }

    fn close_later(&self) {
        let this = *self;
        if self.open.get_untracked().is_some_and(|o| !o.pinned) {
            self.later(CLOSE_DELAY, move || {
                if this.open.get_untracked().is_some_and(|o| !o.pinned) {
                    this.open.set(None);
                }
            });
        }
    }
}

fn is_hover_pointer(ev: &ev::PointerEvent) -> bool {
    matches!(ev.pointer_type().as_str(), "mouse" | "pen")
}

/// One in-text reference, and its note's popover while it is open.
#[component]
pub fn FootnoteRef(
    note: u32,
    occurrence: u32,
    footnotes: Footnotes,
    ui: &'static UiStrings,
) -> impl IntoView {
    let anchor = NodeRef::<html::A>::new();
    let is_open = Memo::new(move |_| {
        footnotes
            .open
            .get()
            .is_some_and(|o| o.note == note && o.occurrence == occurrence)
    });
    let popover_id = format!("ce-popover-{note}-{occurrence}");

    let on_pointerenter = move |ev: ev::PointerEvent| {
        if !is_hover_pointer(&ev) {
            return;
        }
        if footnotes.is_open(note, occurrence) {
            footnotes.cancel_timer();
        } else {
            footnotes.later(OPEN_DELAY, move || footnotes.show(note, occurrence, false));
        }
    };
    let on_pointerleave = move |ev: ev::PointerEvent| {
        if !is_hover_pointer(&ev) {
            return;
        }
        if footnotes.is_open(note, occurrence) {
            footnotes.close_later();
        } else {
            footnotes.cancel_timer();
        }
    };
    let on_focus = move |_| {
        if footnotes.refocusing.get_value() {
            footnotes.refocusing.set_value(false);
        } else if !footnotes.is_open(note, occurrence) {
            footnotes.show(note, occurrence, false);
        }
    };
    let toggle = move || match footnotes.open.get_untracked() {
        Some(o) if o.note == note && o.occurrence == occurrence && o.pinned => footnotes.close(),
        _ => footnotes.show(note, occurrence, true),
    };
    let on_click = move |ev: ev::MouseEvent| {
        ev.prevent_default();
        toggle();
    };
    let on_keydown = move |ev: ev::KeyboardEvent| match ev.key().as_str() {
        " " | "Spacebar" => {
            ev.prevent_default();
            toggle();
        }
        "Escape" if footnotes.is_open(note, occurrence) => {
            ev.prevent_default();
            footnotes.close();
        }
        _ => {}
    };
    let on_focusout = move |ev: ev::FocusEvent| {
        if !focus_stays(&ev, &popover_id_for(note, occurrence)) {
            footnotes.close();
        }
    };

    let popover = move || {
        is_open.get().then(|| {
            let content = footnotes.notes.with_value(|notes| {
                notes.iter().find(|n| n.number == note).map(|n| n.content.clone()).unwrap_or_default()
            });
            view! { <FootnotePopover note=note occurrence=occurrence content=content footnotes=footnotes anchor=anchor ui=ui /> }
        })
    };

    view! {
        <sup class="ce-ref">
            <a
                part="footnote-ref"
                node_ref=anchor
                id=ref_id(note, occurrence)
                href=format!("#{}", note_id(note))
                data-note=note.to_string()
                aria-label=format!("{} {note}", ui.note)
                aria-haspopup="dialog"
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                aria-controls=move || is_open.get().then(|| popover_id.clone())
                class:ce-ref-open=is_open
                on:pointerenter=on_pointerenter
                on:pointerleave=on_pointerleave
                on:focus=on_focus
                on:click=on_click
                on:keydown=on_keydown
                on:focusout=on_focusout
            >
                {note.to_string()}
            </a>
        </sup>
        {popover}
    }
}

fn popover_id_for(note: u32, occurrence: u32) -> String {
    format!("ce-popover-{note}-{occurrence}")
}

/// Whether focus, leaving an element, goes to the reference or into the popover `popover_id`.
fn focus_stays(ev: &ev::FocusEvent, popover_id: &str) -> bool {
    let Some(next) = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    next.closest(&format!(
        "#{popover_id}, [part~='footnote-ref'][aria-controls='{popover_id}']"
    ))
    .ok()
    .flatten()
    .is_some()
}

/// The open note: `part="footnote-popover"`, present only while open.
#[component]
fn FootnotePopover(
    note: u32,
    occurrence: u32,
    content: Vec<crate::domain::Block>,
    footnotes: Footnotes,
    anchor: NodeRef<html::A>,
    ui: &'static UiStrings,
) -> impl IntoView {
    let popover = NodeRef::<html::Span>::new();
    let id = popover_id_for(note, occurrence);
    let label_id = format!("{id}-label");
    let labelledby = label_id.clone();

    // In the top layer, then placed; again whenever the page scrolls or resizes.
    let place = move || {
        if let (Some(p), Some(a)) = (popover.get_untracked(), anchor.get_untracked()) {
            footnotes
                .sheet
                .update_value(|sheet| place_popover(sheet, &p, &a));
        }
    };
    Effect::new(move |_| {
        if let Some(p) = popover.get() {
            // Browsers without the popover API show it in place, positioned by the stylesheet.
            let _ = p.show_popover();
            place();
        }
    });
    let on_scroll = window_event_listener(ev::scroll, move |_| place());
    let on_resize = window_event_listener(ev::resize, move |_| place());
    // A press anywhere outside the note and its reference closes it (touch: tap outside).
    let on_outside = window_event_listener(ev::pointerdown, move |ev| {
        let inside = popover
            .get_untracked()
            .is_some_and(|p| event_path_contains(&ev, &p))
            || anchor
                .get_untracked()
                .is_some_and(|a| event_path_contains(&ev, &a));
        if !inside && footnotes.open.get_untracked().is_some() {
            footnotes.close();
        }
    });
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
        on_outside.remove();
    });

    let close_and_refocus = move || {
        footnotes.close();
        if let Some(a) = anchor.get_untracked() {
            footnotes.refocusing.set_value(true);
            let _ = a.focus();
            // Focus may not move (the reference already had it): do not swallow the next focus.
            footnotes.refocusing.set_value(false);
        }
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close_and_refocus();
        }
    };
    let focus_id = id.clone();
    let on_focusout = move |ev: ev::FocusEvent| {
        if !focus_stays(&ev, &focus_id) {
            footnotes.close();
        }
    };
    let on_pointerenter = move |ev: ev::PointerEvent| {
        if is_hover_pointer(&ev) {
            footnotes.cancel_timer();
        }
    };
    let on_pointerleave = move |ev: ev::PointerEvent| {
        if is_hover_pointer(&ev) {
            footnotes.close_later();
        }
    };
    let ctx = Ctx {
        ui,
        footnotes: None,
    };

    view! {
        <span
            class="ce-popover"
            part="footnote-popover"
            popover="manual"
            role="dialog"
            tabindex="-1"
            id=id
            aria-labelledby=labelledby
            node_ref=popover
            on:keydown=on_keydown
            on:focusout=on_focusout
            on:pointerenter=on_pointerenter
            on:pointerleave=on_pointerleave
        >
            <span class="ce-popover-head">
                <span class="ce-popover-label" id=label_id>{format!("{} {note}", ui.note)}</span>
                <button
                    type="button"
                    class="ce-popover-close"
                    aria-label=format!("{} {note}", ui.close_note)
                    on:click=move |_| close_and_refocus()
                >
                    "×"
                </button>
            </span>
            <span class="ce-popover-body">{render_blocks(&content, ctx)}</span>
        </span>
    }
}

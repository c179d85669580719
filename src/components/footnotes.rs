//! Footnote references that open their note in a popover. When a note opens and closes is
//! [`NotePopover`]'s to decide (hover intent, grace period, pin, Escape, tap, one open at a
//! time); these views feed it what the reader did and carry out its answers.
//!
//! The note is a non-modal dialog (it holds links, so not a tooltip) in the top layer (the HTML
//! `popover` attribute), so no `overflow` or `z-index` of the host page can clip or cover it. It
//! follows the reference in the DOM, so Tab moves from the reference into the note's links. Where
//! the browser has CSS anchor positioning the stylesheet places it; elsewhere
//! [`place_popover`] measures and writes the position into a constructed stylesheet of the
//! shadow root (no `style` attribute: strict CSP). On narrow or short viewports the stylesheet
//! makes it a bottom sheet.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::content::{render_blocks, Ctx};
use crate::browser::{
    event_path_contains, focus_active_in, focus_in_root, focus_moves_within, is_hover_pointer,
    key_of, on_window, on_window_capture, place_popover, show_popover, side_note_shown,
    EventListener, PopoverSheet, Timeout,
};
use crate::domain::{
    note_id, ref_id, side_note_places, Note, NoteAnswer, NoteInput, NotePopover, NoteRef,
    NotesMode, OpenNote, Timer, UiStrings, Version,
};

/// The footnote state of one widget, shared by every reference of the shown version.
#[derive(Clone, Copy)]
pub struct Footnotes {
    notes: StoredValue<Vec<Note>>,
    rules: StoredValue<NotePopover>,
    /// The open note, as the views read it (mirrors `rules`).
    open: RwSignal<Option<OpenNote>>,
    timer: StoredValue<Option<Timeout>, LocalStorage>,
    /// Set just before the widget itself focuses a reference, so that focus does not reopen the
    /// note that was just closed.
    refocusing: StoredValue<bool>,
    sheet: StoredValue<Option<PopoverSheet>, LocalStorage>,
    /// Prefixes the ids of this version's references and notes: empty for the shown version,
    /// `c2-` for the second column side by side (ids are unique in the shadow root).
    scope: &'static str,
    mode: NotesMode,
    /// The notes that stand in the margin with `notes="side"`: those the body cites.
    sided: StoredValue<Vec<u32>>,
    /// The note whose reference or side note is hovered or focused: both are highlighted.
    lit: RwSignal<Option<u32>>,
}

impl Footnotes {
    /// The state for `version`'s notes, shown in `mode`, its ids prefixed with `scope`;
    /// nothing is open.
    pub fn new(version: &Version, scope: &'static str, mode: NotesMode) -> Footnotes {
        Footnotes {
            notes: StoredValue::new(version.notes.clone()),
            scope,
            mode,
            sided: StoredValue::new(
                side_note_places(version)
                    .into_iter()
                    .map(|(note, _)| note)
                    .collect(),
            ),
            lit: RwSignal::new(None),
            rules: StoredValue::new(NotePopover::new()),
            open: RwSignal::new(None),
            timer: StoredValue::new_local(None),
            refocusing: StoredValue::new(false),
            sheet: StoredValue::new_local(None),
        }
    }

    /// The content of note `note` (empty when the version has no such note).
    fn content_of(self, note: u32) -> Vec<crate::domain::Block> {
        self.notes.with_value(|notes| {
            notes
                .iter()
                .find(|n| n.number == note)
                .map(|n| n.content.clone())
                .unwrap_or_default()
        })
    }

    /// Highlights note `note` and its references (`on`), or nothing.
    fn light(self, note: u32, on: bool) {
        let now = on.then_some(note);
        if self.lit.try_get_untracked() != Some(now) {
            let _ = self.lit.try_set(now);
        }
    }

    /// The id of note `note`'s side note.
    fn side_id(self, note: u32) -> String {
        format!("{}side-{note}", self.scope)
    }

    /// Feeds `input` to the rules and carries out their answer (the timer, the open note).
    fn feed(self, input: NoteInput) -> NoteAnswer {
        let Some(answer) = self.rules.try_update_value(|r| r.handle(input)) else {
            return NoteAnswer {
                timer: Timer::Keep,
                handled: false,
                refocus: None,
            };
        };
        match answer.timer {
            Timer::Keep => {}
            Timer::Cancel => {
                let _ = self.timer.try_update_value(|t| *t = None);
            }
            Timer::Start(ms) => {
                // The article may be replaced before the timer fires (another language shown):
                // a disposed signal read would panic.
                let timer = Timeout::new(ms, move || {
                    if !self.open.is_disposed() {
                        self.feed(NoteInput::TimerDone);
                    }
                });
                let _ = self.timer.try_update_value(|t| *t = Some(timer));
            }
        }
        let now = self.rules.with_value(NotePopover::open);
        if self.open.get_untracked() != now {
            self.open.set(now);
        }
        answer
    }
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
            .is_some_and(|o| o.at == NoteRef { note, occurrence })
    });
    let scope = footnotes.scope;
    let popover_id = popover_id_for(scope, note, occurrence);
    let target_id = format!("{scope}{}", note_id(note));

    // `notes="end"`, or a side note standing beside the reference: no popover.
    let no_popover = move || match footnotes.mode {
        NotesMode::End => true,
        NotesMode::Side => anchor
            .get_untracked()
            .is_some_and(|a| side_note_shown(&a, note)),
        NotesMode::Popover => false,
    };
    let light = move |on: bool| footnotes.light(note, on);
    let at = NoteRef { note, occurrence };
    let on_pointerenter = move |ev: ev::PointerEvent| {
        if is_hover_pointer(&ev) {
            light(true);
            if !no_popover() {
                footnotes.feed(NoteInput::PointerEnter(at));
            }
        }
    };
    let on_pointerleave = move |ev: ev::PointerEvent| {
        if is_hover_pointer(&ev) {
            light(false);
            if !no_popover() {
                footnotes.feed(NoteInput::PointerLeave(at));
            }
        }
    };
    let on_focus = move |_| {
        light(true);
        if footnotes.refocusing.get_value() {
            footnotes.refocusing.set_value(false);
        } else if !no_popover() {
            footnotes.feed(NoteInput::Focus(at));
        }
    };
    // Activating a reference opens its popover; with notes at the end, or a side note beside
    // it, it moves focus to the note instead.
    let activate = move |target: &str| {
        if no_popover() {
            if let Some(a) = anchor.get_untracked() {
                let id = match footnotes.mode {
                    NotesMode::Side => footnotes.side_id(note),
                    _ => target.to_owned(),
                };
                focus_in_root(&a, &id);
            }
        } else {
            footnotes.feed(NoteInput::Activate(at));
        }
    };
    let click_target = target_id.clone();
    let on_click = move |ev: ev::MouseEvent| {
        ev.prevent_default();
        activate(&click_target);
    };
    let key_target = target_id.clone();
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if matches!(ev.key().as_str(), " " | "Spacebar") {
            ev.prevent_default();
            activate(&key_target);
        }
    };
    let on_focusout = move |ev: ev::FocusEvent| {
        light(false);
        if !focus_stays(&ev, &popover_id_for(scope, note, occurrence)) {
            footnotes.feed(NoteInput::FocusLeft);
        }
    };

    let popover = move || {
        is_open.get().then(|| {
            let content = footnotes.content_of(note);
            view! { <FootnotePopover note=note occurrence=occurrence content=content footnotes=footnotes anchor=anchor ui=ui /> }
        })
    };
    // `notes="side"`: the note, after its first reference (the stylesheet floats it into the
    // margin where the widget is wide enough, and hides it elsewhere).
    let side = (footnotes.mode == NotesMode::Side
        && occurrence == 1
        && footnotes.sided.with_value(|s| s.contains(&note)))
    .then(|| {
        let content = footnotes.content_of(note);
        view! { <SideNote note=note content=content footnotes=footnotes ui=ui /> }
    });

    view! {
        <sup class="ce-ref">
            <a
                part="footnote-ref"
                node_ref=anchor
                id=format!("{scope}{}", ref_id(note, occurrence))
                href=format!("#{target_id}")
                data-note=note.to_string()
                aria-label=format!("{} {note}", ui.note)
                aria-haspopup="dialog"
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                aria-controls=move || is_open.get().then(|| popover_id.clone())
                class:ce-ref-open=is_open
                class:ce-ref-lit=move || footnotes.lit.get() == Some(note)
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
        {side}
    }
}

fn popover_id_for(scope: &str, note: u32, occurrence: u32) -> String {
    format!("{scope}ce-popover-{note}-{occurrence}")
}

/// A note in the margin (`part="sidenote"`), highlighted with its reference.
#[component]
fn SideNote(
    note: u32,
    content: Vec<crate::domain::Block>,
    footnotes: Footnotes,
    ui: &'static UiStrings,
) -> impl IntoView {
    let lit = move |on: bool| footnotes.light(note, on);
    view! {
        <span
            class="ce-sidenote"
            part="sidenote"
            role="note"
            tabindex="-1"
            id=footnotes.side_id(note)
            data-note=note.to_string()
            aria-label=format!("{} {note}", ui.note)
            class:ce-sidenote-lit=move || footnotes.lit.get() == Some(note)
            on:pointerenter=move |_| lit(true)
            on:pointerleave=move |_| lit(false)
            on:focusin=move |_| lit(true)
            on:focusout=move |_| lit(false)
        >
            <span class="ce-sidenote-number" aria-hidden="true">{note.to_string()}</span>
            {render_blocks(&content, Ctx { ui, footnotes: None })}
        </span>
    }
}

/// Whether focus, leaving an element, goes to the reference or into the popover `popover_id`.
fn focus_stays(ev: &ev::FocusEvent, popover_id: &str) -> bool {
    focus_moves_within(
        ev,
        &format!("#{popover_id}, [part~='footnote-ref'][aria-controls='{popover_id}']"),
    )
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
    let id = popover_id_for(footnotes.scope, note, occurrence);
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
            show_popover(&p);
            place();
        }
    });
    // Listeners on the page while the note is open, removed with it.
    let listeners: Vec<EventListener> = [
        on_window("scroll", move |_| place()),
        on_window("resize", move |_| place()),
        // A press anywhere outside the note and its reference closes it (touch: tap outside).
        on_window("pointerdown", move |ev| {
            let inside = popover
                .get_untracked()
                .is_some_and(|p| event_path_contains(ev, &p))
                || anchor
                    .get_untracked()
                    .is_some_and(|a| event_path_contains(ev, &a));
            if !inside {
                footnotes.feed(NoteInput::PressOutside);
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let listeners = StoredValue::new_local(listeners);
    on_cleanup(move || listeners.update_value(Vec::clear));

    // Gives focus back to the reference after the widget closed its note.
    let refocus = move |answer: NoteAnswer| {
        if answer.refocus.is_some() {
            if let Some(a) = anchor.get_untracked() {
                footnotes.refocusing.set_value(true);
                let _ = a.focus();
                // Focus may not move (the reference already had it): do not swallow the next focus.
                footnotes.refocusing.set_value(false);
            }
        }
    };
    // Escape closes the note wherever the focus is on the page, the host page's own elements
    // included (WCAG 1.4.13), while the note is open: the listener lives as long as this view.
    let escape_id = id.clone();
    let escape: Option<EventListener> = on_window_capture("keydown", move |ev| {
        if key_of(ev).as_deref() != Some("Escape") {
            return;
        }
        let focus_in_note = popover
            .get_untracked()
            .is_some_and(|p| focus_active_in(&p, &format!("#{escape_id}")));
        let answer = footnotes.feed(NoteInput::Escape { focus_in_note });
        if answer.handled {
            ev.prevent_default();
            refocus(answer);
        }
    });
    let escape = StoredValue::new_local(escape);
    on_cleanup(move || escape.update_value(|e| *e = None));

    let focus_id = id.clone();
    let on_focusout = move |ev: ev::FocusEvent| {
        if !focus_stays(&ev, &focus_id) {
            footnotes.feed(NoteInput::FocusLeft);
        }
    };
    let on_pointerenter = move |ev: ev::PointerEvent| {
        if is_hover_pointer(&ev) {
            footnotes.feed(NoteInput::PointerEnterNote);
        }
    };
    let on_pointerleave = move |ev: ev::PointerEvent| {
        if is_hover_pointer(&ev) {
            footnotes.feed(NoteInput::PointerLeaveNote);
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
                    on:click=move |_| refocus(footnotes.feed(NoteInput::CloseControl))
                >
                    "×"
                </button>
            </span>
            <span class="ce-popover-body">{render_blocks(&content, ctx)}</span>
        </span>
    }
}

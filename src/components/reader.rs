//! One reader, many widgets: a choice the reader makes in one widget (a language, a reading
//! mode) is announced to every other widget of the page, which follows it when its document can
//! show it. Other tabs of the site follow at their next load, through the stored choice.
//!
//! All widgets of a page share one wasm instance, so the announcement is one reference-counted
//! signal (not tied to any widget's reactive owner); each widget watches it for as long as it
//! lives, and ignores its own announcements.

use std::cell::Cell;

use leptos::prelude::*;

use crate::domain::Reading;

/// What the reader chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderChoice {
    Language(String),
    Reading(Reading),
}

/// One announcement: who made it, and a sequence number so that the same choice made twice is
/// announced twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    pub from: u64,
    pub sequence: u64,
    pub choice: ReaderChoice,
}

thread_local! {
    static LAST: ArcRwSignal<Option<Announcement>> = ArcRwSignal::new(None);
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// A new widget's number on the page, for [`announce`] and [`followed`].
pub fn widget_number() -> u64 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// Tells the other widgets that the reader chose `choice` in widget `from`.
pub fn announce(from: u64, choice: ReaderChoice) {
    LAST.with(|last| {
        let sequence = last
            .with_untracked(|a| a.as_ref().map_or(0, |a| a.sequence))
            .wrapping_add(1);
        last.set(Some(Announcement {
            from,
            sequence,
            choice,
        }));
    });
}

/// The latest choice announced by another widget than `me` (tracked: an effect reading it reruns
/// on every announcement).
pub fn followed(me: u64) -> Option<ReaderChoice> {
    LAST.with(|last| last.get())
        .filter(|a| a.from != me)
        .map(|a| a.choice)
}

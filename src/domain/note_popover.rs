//! When a footnote's popover opens and closes: the rules of one widget's notes, as a state
//! machine that returns what to do.
//!
//! - A hovering pointer (mouse, pen) on a reference opens its note after [`OPEN_DELAY_MS`]
//!   (a pointer passing over the text does not flash notes open); leaving the reference and the
//!   note closes it after [`CLOSE_DELAY_MS`], long enough to cross the gap between them (WCAG
//!   1.4.13: hoverable). Coming back within that time keeps it open.
//! - Keyboard focus on a reference opens its note at once; focus leaving both closes it.
//! - A click, tap, Enter or Space pins the note open (the pointer leaving does not close it);
//!   the same again on the same reference closes it.
//! - Escape closes the open note wherever the focus is on the page (WCAG 1.4.13: dismissible
//!   without moving the pointer), and only then is the key the widget's.
//! - The close control, and a press outside the note and its reference, close it.
//! - One note is open at a time per widget.

/// Delay before a hovered reference opens its note.
pub const OPEN_DELAY_MS: u32 = 120;
/// Grace delay before a note closes once the pointer has left the reference and the note.
pub const CLOSE_DELAY_MS: u32 = 350;

/// One in-text reference: the note's number and which of its references (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteRef {
    pub note: u32,
    pub occurrence: u32,
}

/// The note that is open, and from which reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenNote {
    pub at: NoteRef,
    /// Opened by a click, tap, Enter or Space: stays open when the pointer leaves.
    pub pinned: bool,
}

/// What the reader did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteInput {
    /// A hovering pointer entered a reference (touch pointers are not hover).
    PointerEnter(NoteRef),
    /// A hovering pointer left a reference.
    PointerLeave(NoteRef),
    /// A hovering pointer entered the open note.
    PointerEnterNote,
    /// A hovering pointer left the open note.
    PointerLeaveNote,
    /// Focus reached a reference.
    Focus(NoteRef),
    /// Focus left a reference or the open note for somewhere that is neither.
    FocusLeft,
    /// A click, tap, Enter or Space on a reference.
    Activate(NoteRef),
    /// Escape pressed anywhere on the page; `focus_in_note`: the focus was inside the note.
    Escape { focus_in_note: bool },
    /// The note's close control.
    CloseControl,
    /// A press outside the open note and its reference.
    PressOutside,
    /// The timer last asked for ran out.
    TimerDone,
}

/// What to do about the single timer of the widget's notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timer {
    /// Leave it as it is.
    Keep,
    /// Cancel it.
    Cancel,
    /// (Re)start it: call back with [`NoteInput::TimerDone`] after this many milliseconds.
    Start(u32),
}

/// The answer to one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteAnswer {
    pub timer: Timer,
    /// Whether the input was the widget's to handle (for keys: prevent the default only then).
    pub handled: bool,
    /// Move focus back to the reference of the note just closed.
    pub refocus: Option<NoteRef>,
}

impl NoteAnswer {
    const NOTHING: NoteAnswer = NoteAnswer {
        timer: Timer::Keep,
        handled: false,
        refocus: None,
    };

    fn timer(timer: Timer) -> NoteAnswer {
        NoteAnswer {
            timer,
            handled: true,
            refocus: None,
        }
    }
}

/// What the running timer will do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    Open(NoteRef),
    Close,
}

/// The notes of one widget: which is open, and what the timer is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NotePopover {
    open: Option<OpenNote>,
    pending: Option<Pending>,
}

impl NotePopover {
    /// Nothing open.
    pub fn new() -> NotePopover {
        NotePopover::default()
    }

    /// The open note, if any.
    pub fn open(&self) -> Option<OpenNote> {
        self.open
    }

    /// Whether `at`'s note is open from `at`.
    pub fn is_open(&self, at: NoteRef) -> bool {
        self.open.is_some_and(|o| o.at == at)
    }

    /// Feeds one input; the new state is in [`NotePopover::open`].
    ///
    /// # Example
    /// ```
    /// use commentary_embed::domain::{NoteInput, NotePopover, NoteRef, Timer, OPEN_DELAY_MS};
    /// let mut notes = NotePopover::new();
    /// let r = NoteRef { note: 1, occurrence: 1 };
    /// assert_eq!(notes.handle(NoteInput::PointerEnter(r)).timer, Timer::Start(OPEN_DELAY_MS));
    /// notes.handle(NoteInput::TimerDone);
    /// assert!(notes.is_open(r));
    /// notes.handle(NoteInput::Escape { focus_in_note: false });
    /// assert_eq!(notes.open(), None);
    /// ```
    pub fn handle(&mut self, input: NoteInput) -> NoteAnswer {
        match input {
            NoteInput::PointerEnter(at) => {
                if self.is_open(at) {
                    self.cancel()
                } else {
                    self.start(Pending::Open(at), OPEN_DELAY_MS)
                }
            }
            NoteInput::PointerLeave(at) => {
                if self.is_open(at) {
                    self.close_later()
                } else if self.pending == Some(Pending::Open(at)) {
                    self.cancel()
                } else {
                    NoteAnswer::NOTHING
                }
            }
            NoteInput::PointerEnterNote => {
                if self.pending == Some(Pending::Close) {
                    self.cancel()
                } else {
                    NoteAnswer::NOTHING
                }
            }
            NoteInput::PointerLeaveNote => self.close_later(),
            NoteInput::Focus(at) => {
                if self.is_open(at) {
                    NoteAnswer::NOTHING
                } else {
                    self.show(at, false)
                }
            }
            NoteInput::FocusLeft => self.close(None),
            NoteInput::Activate(at) => match self.open {
                Some(o) if o.at == at && o.pinned => self.close(None),
                _ => self.show(at, true),
            },
            NoteInput::Escape { focus_in_note } => match self.open {
                Some(o) => self.close(focus_in_note.then_some(o.at)),
                None => NoteAnswer::NOTHING,
            },
            NoteInput::CloseControl => match self.open {
                Some(o) => self.close(Some(o.at)),
                None => NoteAnswer::NOTHING,
            },
            NoteInput::PressOutside => self.close(None),
            NoteInput::TimerDone => match self.pending.take() {
                Some(Pending::Open(at)) => {
                    self.open = Some(OpenNote { at, pinned: false });
                    NoteAnswer::timer(Timer::Keep)
                }
                Some(Pending::Close) if self.open.is_some_and(|o| !o.pinned) => {
                    self.open = None;
                    NoteAnswer::timer(Timer::Keep)
                }
                _ => NoteAnswer::NOTHING,
            },
        }
    }

    fn start(&mut self, pending: Pending, ms: u32) -> NoteAnswer {
        self.pending = Some(pending);
        NoteAnswer::timer(Timer::Start(ms))
    }

    fn cancel(&mut self) -> NoteAnswer {
        self.pending = None;
        NoteAnswer::timer(Timer::Cancel)
    }

    fn show(&mut self, at: NoteRef, pinned: bool) -> NoteAnswer {
        // Opening the note that is already pinned open keeps it pinned.
        let pinned = pinned || self.open.is_some_and(|o| o.at == at && o.pinned);
        self.open = Some(OpenNote { at, pinned });
        self.cancel()
    }

    fn close(&mut self, refocus: Option<NoteRef>) -> NoteAnswer {
        let was_open = self.open.take().is_some();
        let mut answer = self.cancel();
        answer.handled = was_open;
        answer.refocus = refocus.filter(|_| was_open);
        answer
    }

    fn close_later(&mut self) -> NoteAnswer {
        if self.open.is_some_and(|o| !o.pinned) {
            self.start(Pending::Close, CLOSE_DELAY_MS)
        } else {
            NoteAnswer::NOTHING
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const R1: NoteRef = NoteRef {
        note: 1,
        occurrence: 1,
    };
    const R2: NoteRef = NoteRef {
        note: 2,
        occurrence: 1,
    };
    const R1B: NoteRef = NoteRef {
        note: 1,
        occurrence: 2,
    };

    fn hovered(at: NoteRef) -> NotePopover {
        let mut notes = NotePopover::new();
        notes.handle(NoteInput::PointerEnter(at));
        notes.handle(NoteInput::TimerDone);
        assert!(notes.is_open(at));
        notes
    }

    #[test]
    fn hover_opens_after_the_delay_and_passing_over_opens_nothing() {
        let mut notes = NotePopover::new();
        let answer = notes.handle(NoteInput::PointerEnter(R1));
        assert_eq!(answer.timer, Timer::Start(120));
        assert_eq!(notes.open(), None, "not before the delay");
        assert_eq!(
            notes.handle(NoteInput::PointerLeave(R1)).timer,
            Timer::Cancel
        );
        assert_eq!(notes.handle(NoteInput::TimerDone), NoteAnswer::NOTHING);
        assert_eq!(notes.open(), None);

        let notes = hovered(R1);
        assert_eq!(
            notes.open(),
            Some(OpenNote {
                at: R1,
                pinned: false
            })
        );
    }

    #[test]
    fn leaving_closes_after_the_grace_period_unless_the_pointer_reaches_the_note() {
        let mut notes = hovered(R1);
        assert_eq!(
            notes.handle(NoteInput::PointerLeave(R1)).timer,
            Timer::Start(350)
        );
        assert!(notes.is_open(R1), "still open during the grace period");
        // The pointer crosses to the note: it stays open.
        assert_eq!(
            notes.handle(NoteInput::PointerEnterNote).timer,
            Timer::Cancel
        );
        assert!(notes.is_open(R1));
        // And leaves the note: closed once the grace period is over.
        assert_eq!(
            notes.handle(NoteInput::PointerLeaveNote).timer,
            Timer::Start(350)
        );
        notes.handle(NoteInput::TimerDone);
        assert_eq!(notes.open(), None);
    }

    #[test]
    fn coming_back_to_the_reference_keeps_it_open() {
        let mut notes = hovered(R1);
        notes.handle(NoteInput::PointerLeave(R1));
        assert_eq!(
            notes.handle(NoteInput::PointerEnter(R1)).timer,
            Timer::Cancel
        );
        assert_eq!(notes.handle(NoteInput::TimerDone), NoteAnswer::NOTHING);
        assert!(notes.is_open(R1));
    }

    #[test]
    fn a_click_pins_and_a_second_click_closes() {
        let mut notes = hovered(R1);
        notes.handle(NoteInput::Activate(R1));
        assert_eq!(
            notes.open(),
            Some(OpenNote {
                at: R1,
                pinned: true
            })
        );
        assert_eq!(
            notes.handle(NoteInput::PointerLeave(R1)),
            NoteAnswer::NOTHING
        );
        assert!(notes.is_open(R1), "pinned notes ignore the pointer leaving");
        notes.handle(NoteInput::Activate(R1));
        assert_eq!(notes.open(), None);
    }

    #[test]
    fn focus_opens_at_once_and_focus_leaving_closes() {
        let mut notes = NotePopover::new();
        assert_eq!(notes.handle(NoteInput::Focus(R1)).timer, Timer::Cancel);
        assert!(notes.is_open(R1));
        let answer = notes.handle(NoteInput::FocusLeft);
        assert!(answer.handled);
        assert_eq!(answer.refocus, None);
        assert_eq!(notes.open(), None);
    }

    #[test]
    fn one_note_at_a_time() {
        let mut notes = hovered(R1);
        notes.handle(NoteInput::Activate(R2));
        assert!(notes.is_open(R2));
        assert!(!notes.is_open(R1));
        notes.handle(NoteInput::Focus(R1B));
        assert!(notes.is_open(R1B));
        assert!(
            !notes.is_open(R1),
            "another reference of the same note is another popover"
        );
    }

    /// Issue 11, item 1: a note opened by hovering closes on Escape with the focus anywhere on
    /// the page (the pointer on the reference, or on the note); Escape with no note open is
    /// the page's.
    #[test]
    fn escape_closes_a_hovered_note_wherever_the_focus_is() {
        // Pointer on the reference, focus on the host page.
        let mut notes = hovered(R1);
        let answer = notes.handle(NoteInput::Escape {
            focus_in_note: false,
        });
        assert!(answer.handled);
        assert_eq!(answer.refocus, None, "focus stays where the reader had it");
        assert_eq!(notes.open(), None);
        // Pointer on the note itself.
        let mut notes = hovered(R1);
        notes.handle(NoteInput::PointerLeave(R1));
        notes.handle(NoteInput::PointerEnterNote);
        assert!(
            notes
                .handle(NoteInput::Escape {
                    focus_in_note: false
                })
                .handled
        );
        assert_eq!(notes.open(), None);
        // A timer still running for it does nothing later.
        assert_eq!(notes.handle(NoteInput::TimerDone), NoteAnswer::NOTHING);
        // No note open: not ours.
        let answer = notes.handle(NoteInput::Escape {
            focus_in_note: false,
        });
        assert_eq!(answer, NoteAnswer::NOTHING);
    }

    #[test]
    fn escape_inside_the_note_and_the_close_control_give_focus_back_to_the_reference() {
        let mut notes = NotePopover::new();
        notes.handle(NoteInput::Activate(R2));
        let answer = notes.handle(NoteInput::Escape {
            focus_in_note: true,
        });
        assert_eq!(answer.refocus, Some(R2));
        notes.handle(NoteInput::Activate(R2));
        assert_eq!(notes.handle(NoteInput::CloseControl).refocus, Some(R2));
        assert_eq!(notes.open(), None);
    }

    #[test]
    fn a_press_outside_closes_even_a_pinned_note() {
        let mut notes = NotePopover::new();
        notes.handle(NoteInput::Activate(R1));
        notes.handle(NoteInput::PressOutside);
        assert_eq!(notes.open(), None);
        assert!(!notes.handle(NoteInput::PressOutside).handled);
    }

    #[test]
    fn a_pending_close_never_closes_a_note_pinned_meanwhile() {
        let mut notes = hovered(R1);
        notes.handle(NoteInput::PointerLeave(R1));
        notes.handle(NoteInput::Activate(R1));
        notes.handle(NoteInput::TimerDone);
        assert!(notes.is_open(R1));
    }
}

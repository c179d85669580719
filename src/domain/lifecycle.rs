//! The document's lifecycle in one widget (CONTRACTS §9), as a state machine that returns what
//! to do.
//!
//! ```text
//!            src                 document              rendered(lang)
//!   Idle ──────────▶ Loading ─────────────▶ Shown ──────────────▶ (ready / language-change)
//!    ▲                │  ▲ retry due          │
//!    │ unmounted      │  │                    │ src
//!    │       failure  ▼  │                    ▼
//!    └─────────── Waiting ──(out of tries)──▶ Failed ──src──▶ Loading
//! ```
//!
//! Every input that belongs to an older `src` carries an older [`Ticket`] and is ignored, so an
//! answer that arrives after the page changed `src` can neither show its document nor report its
//! error. The browser adapter carries out the [`Command`]s: it fetches, aborts, waits, renders and
//! dispatches the events; it never decides any of it.

/// Waits before each new try of a failed fetch: a network error (a stalled or unanswered
/// request included) or a server's 5xx or 429 is often gone a moment later; a 404 is not.
pub const RETRY_DELAYS_MS: [u32; 2] = [400, 1600];

/// How long a fetch may wait for its response, or for the next bytes of its body, before it is
/// abandoned as a network error (CONTRACTS §9). The loader's fetch applies it.
pub const STALL_TIMEOUT_MS: u32 = 10_000;

/// Names one `src` of one widget: every change of `src` takes a new ticket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ticket(pub u32);

/// Where the widget is with its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not started, or unmounted.
    Idle,
    /// A fetch for the current `src` is under way.
    Loading,
    /// A fetch failed in a way worth trying again; waiting for the retry.
    Waiting,
    /// The document is shown (`announced`: the language last told to the page).
    Shown { announced: Option<String> },
    /// The document cannot be shown.
    Failed(Failure),
}

/// Why a document cannot be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The element has no `src` (or a blank one).
    NoSource,
    /// The request failed, or stalled, or was never answered (message in English).
    Network(String),
    /// The server answered with an error status.
    Http { status: u16, message: String },
    /// The response is not a document this widget can show.
    Invalid(String),
}

impl Failure {
    /// Whether another try may succeed: network errors, 5xx and 429.
    pub fn is_retryable(&self) -> bool {
        match self {
            Failure::Network(_) => true,
            Failure::Http { status, .. } => *status >= 500 || *status == 429,
            Failure::NoSource | Failure::Invalid(_) => false,
        }
    }

    /// Whether the document was reached but is not one the widget can show (the reader is told
    /// "invalid document" rather than "cannot load").
    pub fn is_invalid(&self) -> bool {
        matches!(self, Failure::Invalid(_))
    }

    /// The technical detail, in English: it goes to `commentary-error` and the page's console;
    /// the reader sees a translated heading above it.
    pub fn message(&self) -> &str {
        match self {
            Failure::NoSource => "the element has no `src` attribute",
            Failure::Network(m) | Failure::Invalid(m) => m,
            Failure::Http { message, .. } => message,
        }
    }
}

/// What a fetch came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A document that decoded and passed its checks.
    Document,
    Failed(Failure),
    /// The widget aborted it itself (a newer `src`, or it left the page).
    Aborted,
}

/// What the browser adapter must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Stop what is under way for older tickets: abort the fetch in flight, cancel a retry.
    Abort,
    /// Fetch `src`, and answer with [`Lifecycle::fetched`] under `ticket`. `attempt` counts the
    /// tries for this `src` from 1: a request of the same attempt may share another widget's
    /// (or the loader's early) request for the same URL, a later attempt asks anew.
    Fetch {
        ticket: Ticket,
        src: String,
        attempt: u32,
    },
    /// Call [`Lifecycle::retry_due`] with `ticket` after `ms` milliseconds.
    RetryAfter { ticket: Ticket, ms: u32 },
    /// Render the fetched document (it replaces the fallback).
    Show,
    /// Show the `error` part above the fallback.
    ShowError(Failure),
    /// A warning for the page's console.
    Warn(String),
    /// Dispatch `commentary-ready` `{ id, lang }`.
    Ready { lang: String },
    /// Dispatch `commentary-language-change` `{ id, lang }`.
    LanguageChange { lang: String },
    /// Dispatch `commentary-error` `{ src, message }`.
    Error { src: String, message: String },
}

/// The lifecycle of one widget's document.
#[derive(Clone, Debug, Default)]
pub struct Lifecycle {
    ticket: Ticket,
    src: Option<String>,
    phase: Option<Phase>,
    /// Tries made for the current `src`, the first included.
    tries: usize,
}

impl Lifecycle {
    /// A widget that has not started.
    pub fn new() -> Lifecycle {
        Lifecycle::default()
    }

    /// The current phase.
    pub fn phase(&self) -> &Phase {
        self.phase.as_ref().unwrap_or(&Phase::Idle)
    }

    /// The ticket of the current `src`.
    pub fn ticket(&self) -> Ticket {
        self.ticket
    }

    /// The current `src`.
    pub fn src(&self) -> Option<&str> {
        self.src.as_deref()
    }

    /// Whether the element's own children (the fallback) must be visible: in every phase but
    /// [`Phase::Shown`].
    pub fn shows_fallback(&self) -> bool {
        !matches!(self.phase(), Phase::Shown { .. })
    }

    /// The element got its first `src`, or a new one (`None`: removed). The same `src` again
    /// changes nothing while it is loading or shown.
    ///
    /// # Example
    /// ```
    /// use commentary_embed::domain::{Command, Lifecycle, Outcome, Ticket};
    /// let mut life = Lifecycle::new();
    /// let fetch = life.source(Some("https://cdn.example.org/c/a.json"));
    /// let src = "https://cdn.example.org/c/a.json".to_owned();
    /// assert_eq!(fetch, [Command::Abort, Command::Fetch { ticket: Ticket(1), src, attempt: 1 }]);
    /// assert_eq!(life.fetched(Ticket(1), Outcome::Document), [Command::Show]);
    /// assert_eq!(life.rendered(Ticket(1), "en"), [Command::Ready { lang: "en".into() }]);
    /// ```
    pub fn source(&mut self, src: Option<&str>) -> Vec<Command> {
        let src = src.map(str::trim).filter(|s| !s.is_empty());
        let unchanged = self.src.as_deref() == src
            && matches!(
                self.phase(),
                Phase::Loading | Phase::Waiting | Phase::Shown { .. }
            );
        if unchanged {
            return Vec::new();
        }
        self.ticket = Ticket(self.ticket.0.wrapping_add(1));
        self.src = src.map(str::to_owned);
        self.tries = 0;
        match src {
            None => {
                let failure = Failure::NoSource;
                let mut commands = vec![Command::Abort];
                commands.extend(self.fail(failure));
                commands
            }
            Some(src) => {
                self.tries = 1;
                self.phase = Some(Phase::Loading);
                vec![
                    Command::Abort,
                    Command::Fetch {
                        ticket: self.ticket,
                        src: src.to_owned(),
                        attempt: 1,
                    },
                ]
            }
        }
    }

    /// The fetch of `ticket` came to `outcome`.
    pub fn fetched(&mut self, ticket: Ticket, outcome: Outcome) -> Vec<Command> {
        if ticket != self.ticket || *self.phase() != Phase::Loading {
            return Vec::new();
        }
        match outcome {
            Outcome::Aborted => Vec::new(),
            Outcome::Document => {
                self.phase = Some(Phase::Shown { announced: None });
                vec![Command::Show]
            }
            Outcome::Failed(failure) => {
                let retry =
                    failure.is_retryable() && self.tries <= RETRY_DELAYS_MS.len() && self.tries > 0;
                if retry {
                    let ms = RETRY_DELAYS_MS[self.tries - 1];
                    self.phase = Some(Phase::Waiting);
                    vec![
                        Command::Warn(format!(
                            "commentary-embed: {}; trying again",
                            failure.message()
                        )),
                        Command::RetryAfter { ticket, ms },
                    ]
                } else {
                    self.fail(failure)
                }
            }
        }
    }

    /// The wait before a retry of `ticket` is over.
    pub fn retry_due(&mut self, ticket: Ticket) -> Vec<Command> {
        if ticket != self.ticket || *self.phase() != Phase::Waiting {
            return Vec::new();
        }
        let Some(src) = self.src.clone() else {
            return Vec::new();
        };
        self.tries += 1;
        self.phase = Some(Phase::Loading);
        vec![Command::Fetch {
            ticket,
            src,
            attempt: u32::try_from(self.tries).unwrap_or(u32::MAX),
        }]
    }

    /// The document of `ticket` is on screen in version `lang` (after the first render, and
    /// after every switch of language): `commentary-ready` the first time for this `src`,
    /// `commentary-language-change` when the language differs from the one announced last.
    pub fn rendered(&mut self, ticket: Ticket, lang: &str) -> Vec<Command> {
        if ticket != self.ticket {
            return Vec::new();
        }
        let Some(Phase::Shown { announced }) = &mut self.phase else {
            return Vec::new();
        };
        match announced {
            Some(last) if last.eq_ignore_ascii_case(lang) => Vec::new(),
            Some(last) => {
                *last = lang.to_owned();
                vec![Command::LanguageChange {
                    lang: lang.to_owned(),
                }]
            }
            None => {
                *announced = Some(lang.to_owned());
                vec![Command::Ready {
                    lang: lang.to_owned(),
                }]
            }
        }
    }

    /// The element left the page: whatever is under way stops, and a later mount starts again.
    pub fn unmounted(&mut self) -> Vec<Command> {
        let busy = matches!(self.phase(), Phase::Loading | Phase::Waiting);
        self.phase = Some(Phase::Idle);
        self.src = None;
        self.ticket = Ticket(self.ticket.0.wrapping_add(1));
        if busy {
            vec![Command::Abort]
        } else {
            Vec::new()
        }
    }

    fn fail(&mut self, failure: Failure) -> Vec<Command> {
        let src = self.src.clone().unwrap_or_default();
        let message = failure.message().to_owned();
        self.phase = Some(Phase::Failed(failure.clone()));
        vec![
            Command::Warn(format!("commentary-embed: {message}")),
            Command::ShowError(failure),
            Command::Error { src, message },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "https://cdn.example.org/c/a.json";
    const B: &str = "https://cdn.example.org/c/b.json";

    fn network(m: &str) -> Outcome {
        Outcome::Failed(Failure::Network(m.into()))
    }

    fn http(status: u16) -> Outcome {
        Outcome::Failed(Failure::Http {
            status,
            message: format!("answered HTTP {status}"),
        })
    }

    fn events(commands: &[Command]) -> Vec<&Command> {
        commands
            .iter()
            .filter(|c| {
                matches!(
                    c,
                    Command::Ready { .. } | Command::LanguageChange { .. } | Command::Error { .. }
                )
            })
            .collect()
    }

    /// Loads `src` and shows it in `lang`, returning the ticket.
    fn shown(life: &mut Lifecycle, src: &str, lang: &str) -> Ticket {
        life.source(Some(src));
        let t = life.ticket();
        assert_eq!(life.fetched(t, Outcome::Document), [Command::Show]);
        assert_eq!(
            life.rendered(t, lang),
            [Command::Ready { lang: lang.into() }]
        );
        t
    }

    #[test]
    fn a_first_load_fetches_shows_and_announces_ready_once() {
        let mut life = Lifecycle::new();
        assert!(life.shows_fallback());
        let t = shown(&mut life, A, "en");
        assert!(!life.shows_fallback());
        // The same render again (an effect re-running) announces nothing.
        assert_eq!(life.rendered(t, "en"), []);
    }

    #[test]
    fn a_language_switch_of_the_same_document_is_a_language_change() {
        let mut life = Lifecycle::new();
        let t = shown(&mut life, A, "en");
        assert_eq!(
            life.rendered(t, "tr"),
            [Command::LanguageChange { lang: "tr".into() }]
        );
        assert_eq!(life.rendered(t, "TR"), []);
    }

    /// Issue 17, case 1: a missing document, then a valid one: one error (the first src's),
    /// then ready; never an error against the valid src.
    #[test]
    fn a_good_src_after_a_failed_one_fires_ready_and_no_stale_error() {
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let first = life.ticket();
        let failed = life.fetched(first, http(404));
        assert_eq!(
            events(&failed),
            [&Command::Error {
                src: A.into(),
                message: "answered HTTP 404".into()
            }]
        );
        assert!(life.shows_fallback());
        let commands = life.source(Some(B));
        assert_eq!(events(&commands), Vec::<&Command>::new());
        let second = life.ticket();
        // The old failure arriving again (a late duplicate) is ignored.
        assert_eq!(life.fetched(first, http(404)), []);
        assert_eq!(life.fetched(second, Outcome::Document), [Command::Show]);
        assert_eq!(
            life.rendered(second, "en"),
            [Command::Ready { lang: "en".into() }]
        );
    }

    /// Issue 17, case 2: a new document shown in the same language is announced as ready.
    #[test]
    fn a_new_document_in_the_same_language_fires_ready_again() {
        let mut life = Lifecycle::new();
        shown(&mut life, A, "en");
        let commands = life.source(Some(B));
        assert_eq!(
            commands,
            [
                Command::Abort,
                Command::Fetch {
                    ticket: Ticket(2),
                    src: B.into(),
                    attempt: 1
                }
            ]
        );
        assert!(life.shows_fallback(), "the fallback shows while B loads");
        let t = life.ticket();
        assert_eq!(life.fetched(t, Outcome::Document), [Command::Show]);
        assert_eq!(
            life.rendered(t, "en"),
            [Command::Ready { lang: "en".into() }]
        );
    }

    /// Issue 17, case 3: a stalled or unanswered fetch is a network error: retried twice after
    /// 0.4 s and 1.6 s, then the error part and exactly one `commentary-error`.
    #[test]
    fn a_stalled_fetch_is_retried_then_fails_with_one_error() {
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let t = life.ticket();
        let stalled = || network("https://cdn.example.org/c/a.json: no bytes for 10 s");
        let first = life.fetched(t, stalled());
        assert_eq!(
            first.last(),
            Some(&Command::RetryAfter { ticket: t, ms: 400 })
        );
        assert_eq!(*life.phase(), Phase::Waiting);
        assert!(life.shows_fallback());
        assert_eq!(
            life.retry_due(t),
            [Command::Fetch {
                ticket: t,
                src: A.into(),
                attempt: 2
            }]
        );
        let second = life.fetched(t, stalled());
        assert_eq!(
            second.last(),
            Some(&Command::RetryAfter {
                ticket: t,
                ms: 1600
            })
        );
        life.retry_due(t);
        let third = life.fetched(t, stalled());
        assert_eq!(
            events(&third),
            [&Command::Error {
                src: A.into(),
                message: "https://cdn.example.org/c/a.json: no bytes for 10 s".into()
            }]
        );
        assert!(third.contains(&Command::ShowError(Failure::Network(
            "https://cdn.example.org/c/a.json: no bytes for 10 s".into()
        ))));
        assert!(matches!(life.phase(), Phase::Failed(_)));
        // Nothing more happens for it.
        assert_eq!(life.retry_due(t), []);
        assert_eq!(life.fetched(t, stalled()), []);
    }

    /// Issue 17, case 3 (aborts): a src replaced while its fetch is under way, or while it
    /// waits for a retry, is aborted, and its late answer changes nothing.
    #[test]
    fn a_replaced_src_is_aborted_and_its_late_answers_ignored() {
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let old = life.ticket();
        let commands = life.source(Some(B));
        assert_eq!(commands.first(), Some(&Command::Abort));
        assert_eq!(life.fetched(old, Outcome::Document), []);
        assert_eq!(life.fetched(old, network("gone")), []);
        // Waiting for a retry, then replaced: the retry never fetches.
        let b = life.ticket();
        life.fetched(b, http(503));
        assert_eq!(*life.phase(), Phase::Waiting);
        life.source(Some(A));
        assert_eq!(life.retry_due(b), []);
    }

    #[test]
    fn five_hundreds_recover_after_two_retries_and_fourohfour_is_not_retried() {
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let t = life.ticket();
        life.fetched(t, http(500));
        life.retry_due(t);
        life.fetched(t, http(500));
        life.retry_due(t);
        assert_eq!(life.fetched(t, Outcome::Document), [Command::Show]);
        assert_eq!(events(&life.rendered(t, "tr")).len(), 1);

        let mut life = Lifecycle::new();
        life.source(Some(A));
        let t = life.ticket();
        let commands = life.fetched(t, http(404));
        assert!(!commands
            .iter()
            .any(|c| matches!(c, Command::RetryAfter { .. })));
        assert_eq!(events(&commands).len(), 1);
        let commands = {
            let mut life = Lifecycle::new();
            life.source(Some(A));
            let t = life.ticket();
            life.fetched(t, http(429))
        };
        assert!(commands
            .iter()
            .any(|c| matches!(c, Command::RetryAfter { .. })));
    }

    #[test]
    fn an_invalid_document_is_not_retried() {
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let t = life.ticket();
        let commands = life.fetched(t, Outcome::Failed(Failure::Invalid("bad".into())));
        assert_eq!(events(&commands).len(), 1);
        assert!(matches!(life.phase(), Phase::Failed(f) if f.is_invalid()));
    }

    #[test]
    fn no_source_is_an_error_and_the_same_src_again_changes_nothing() {
        let mut life = Lifecycle::new();
        let commands = life.source(Some("  "));
        assert_eq!(
            events(&commands),
            [&Command::Error {
                src: String::new(),
                message: "the element has no `src` attribute".into()
            }]
        );
        shown(&mut life, A, "en");
        assert_eq!(life.source(Some(A)), []);
        // After a failure, the same src given again is tried again.
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let t = life.ticket();
        life.fetched(t, http(404));
        assert_eq!(life.source(Some(A)).len(), 2);
    }

    /// Issue 17, case 4: an element that leaves the page aborts its fetch and shows its
    /// fallback until its document is shown again after it comes back.
    #[test]
    fn an_unmounted_widget_aborts_and_shows_its_fallback_until_shown_again() {
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let t = life.ticket();
        assert_eq!(life.unmounted(), [Command::Abort]);
        assert_eq!(life.fetched(t, Outcome::Document), []);
        assert!(life.shows_fallback());

        let mut life = Lifecycle::new();
        shown(&mut life, A, "en");
        assert_eq!(life.unmounted(), []);
        assert!(life.shows_fallback());
        // Re-added: the same src loads again and is announced again.
        shown(&mut life, A, "en");
    }

    #[test]
    fn an_abort_the_widget_made_itself_is_silent() {
        let mut life = Lifecycle::new();
        life.source(Some(A));
        let t = life.ticket();
        assert_eq!(life.fetched(t, Outcome::Aborted), []);
        assert_eq!(*life.phase(), Phase::Loading);
    }
}

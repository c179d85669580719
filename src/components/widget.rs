//! The root component: drives the document's lifecycle ([`Lifecycle`]) and the language rules
//! ([`LanguageSwitch`]), carries out their answers, and tells the page.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::reader::{announce, followed, widget_number, ReaderChoice};
use super::{CommentaryArticle, ErrorNotice, LanguageToggle, ShareContext, ShareEvent};
use crate::browser::{
    closest_in_event, dispatch, dispatch_with_lists, focus_in_root, measure_place,
    preferred_languages, remember, remembered, request_document, restore_place, warn,
    DocumentRequest, DocumentService, Fetched, HostElement, Place, StorageKey, Timeout,
};
use crate::domain::{
    counterpart, requested_language, second_version, ui_strings, Command, Document, Failure,
    LanguageSwitch, Lifecycle, NotesMode, Outcome, Reading, ReadingSwitch, ShareUrl, Theme, Ticket,
};

/// The element's attributes, as signals the custom element writes when they change.
#[derive(Clone, Copy)]
pub struct WidgetConfig {
    pub src: Signal<Option<String>>,
    pub lang: Signal<Option<String>>,
    pub theme: Signal<Option<String>>,
    /// `share-url`: `canonical` (default) or `page`.
    pub share_url: Signal<Option<String>>,
    /// `embed-code`: present to show the Embed control (demo and article pages).
    pub embed_code: Signal<Option<String>>,
    /// `reading`: `single` (default) or `parallel`.
    pub reading: Signal<Option<String>>,
    /// `notes`: `popover` (default), `side` or `end`.
    pub notes: Signal<Option<String>>,
}

/// What the reader sees in place of the element's children.
#[derive(Clone)]
enum Showing {
    /// The fallback (the element's own children), while loading or idle.
    Fallback,
    /// The `error` part above the fallback.
    Error(Failure),
    /// The document.
    Document(Ticket, Arc<Document>),
}

/// The state behind one widget, carried out by [`Driver::run`]. Every field is a handle, so the
/// driver is `Copy` and moves into callbacks; after an await it uses only `try_` access, since
/// the widget may be gone.
#[derive(Clone, Copy)]
struct Driver {
    life: StoredValue<Lifecycle>,
    languages: StoredValue<LanguageSwitch>,
    showing: RwSignal<Showing>,
    /// The shown version's language tag.
    shown: RwSignal<Option<String>>,
    /// The fetch in flight (or the response shown): dropping it releases the request.
    request: StoredValue<Option<DocumentRequest>, LocalStorage>,
    retry: StoredValue<Option<Timeout>, LocalStorage>,
    service: StoredValue<DocumentService, LocalStorage>,
    host: StoredValue<HostElement, LocalStorage>,
    requested: Memo<Option<String>>,
    /// The `reading` attribute.
    reading_attribute: Signal<Option<String>>,
    /// Where the reader was before a switch, and in which version: restored once the new
    /// version is in place.
    pending_place: StoredValue<Option<(String, Place)>>,
    /// The reading mode's rules, and the mode asked for (the document may show less).
    readings: StoredValue<ReadingSwitch>,
    reading: RwSignal<Reading>,
    /// The reader's choice of the second column's version, side by side.
    second: RwSignal<Option<String>>,
    /// The reading mode and languages last told the page (`commentary-reading-change`).
    told: StoredValue<Option<(Reading, Vec<String>)>>,
    /// This widget's number on the page: its own announcements are not followed.
    me: u64,
}

impl Driver {
    /// Carries out `commands`; `fetched` is the document a [`Command::Show`] shows.
    fn run(self, commands: Vec<Command>, fetched: Option<Arc<Document>>) {
        for command in commands {
            match command {
                Command::Abort => {
                    let _ = self.request.try_update_value(|r| *r = None);
                    let _ = self.retry.try_update_value(|t| *t = None);
                }
                Command::Fetch {
                    ticket,
                    src,
                    attempt,
                } => self.fetch(ticket, &src, attempt),
                Command::RetryAfter { ticket, ms } => {
                    let timer = Timeout::new(ms, move || {
                        if let Some(commands) = self.life.try_update_value(|l| l.retry_due(ticket))
                        {
                            self.run(commands, None);
                        }
                    });
                    let _ = self.retry.try_update_value(|t| *t = Some(timer));
                }
                Command::Show => {
                    if let Some(document) = fetched.clone() {
                        self.show(document);
                    }
                }
                Command::ShowError(failure) => {
                    let _ = self.showing.try_set(Showing::Error(failure));
                }
                Command::Warn(message) => warn(&message),
                Command::Ready { lang } => self.tell("commentary-ready", &lang),
                Command::LanguageChange { lang } => self.tell("commentary-language-change", &lang),
                Command::Error { src, message } => {
                    let _ = self.host.try_with_value(|h| {
                        dispatch(
                            h,
                            "commentary-error",
                            &[("src", &src), ("message", &message)],
                        )
                    });
                }
            }
        }
    }

    fn fetch(self, ticket: Ticket, src: &str, attempt: u32) {
        let _ = self.showing.try_set(Showing::Fallback);
        let Some(request) = self
            .service
            .try_with_value(|s| request_document(s, src, attempt))
        else {
            return;
        };
        let outcome = request.outcome();
        let _ = self.request.try_update_value(|r| *r = Some(request));
        spawn_local(async move {
            let (outcome, document) = match outcome.await {
                Fetched::Document(document) => (Outcome::Document, Some(document)),
                Fetched::Failed(failure) => (Outcome::Failed(failure), None),
                Fetched::Aborted => (Outcome::Aborted, None),
            };
            if let Some(commands) = self.life.try_update_value(|l| l.fetched(ticket, outcome)) {
                self.run(commands, document);
            }
        });
    }

    /// A document arrived: the version to show by the language rules, then the article.
    fn show(self, document: Arc<Document>) {
        let attribute = self.requested.get_untracked();
        let stored = remembered(StorageKey::Language);
        let pick = self
            .languages
            .try_update_value(|l| l.loaded(&document, stored.as_deref(), attribute.as_deref()))
            .flatten();
        self.pending_place.set_value(None);
        self.told.set_value(None);
        let mode = self.readings.try_update_value(|r| {
            r.loaded(
                remembered(StorageKey::Reading).as_deref(),
                self.reading_attribute.get_untracked().as_deref(),
            )
        });
        if let Some(mode) = mode {
            self.reading.set(mode);
        }
        self.shown.set(pick);
        let ticket = self.life.with_value(Lifecycle::ticket);
        self.showing.set(Showing::Document(ticket, document));
    }

    /// Shows `lang`, noting where the reader is so the new version can put them back there.
    fn switch_to(self, lang: String, root: NodeRef<leptos::html::Div>) {
        self.note_place(root);
        self.shown.set(Some(lang));
    }

    /// Notes where the reader is, in the shown version, before the article is replaced.
    fn note_place(self, root: NodeRef<leptos::html::Div>) {
        let current = self.shown.get_untracked();
        let place = root.get_untracked().and_then(|r| measure_place(&r));
        self.pending_place.set_value(current.zip(place));
    }

    /// Shows the article in `mode`, keeping the reader's place.
    fn switch_reading(self, mode: Reading, root: NodeRef<leptos::html::Div>) {
        if self.reading.get_untracked() != mode {
            self.note_place(root);
            self.reading.set(mode);
        }
    }

    /// The document shown, if any.
    fn document(self) -> Option<Arc<Document>> {
        match self.showing.try_get_untracked()? {
            Showing::Document(_, document) => Some(document),
            _ => None,
        }
    }

    fn tell_reading(self, mode: Reading, langs: &[String]) {
        let Some(document) = self.document() else {
            return;
        };
        let _ = self.host.try_with_value(|h| {
            dispatch_with_lists(
                h,
                "commentary-reading-change",
                &[("id", &document.id), ("reading", mode.as_str())],
                &[("langs", langs)],
            )
        });
    }

    fn tell(self, name: &str, lang: &str) {
        let id = match self.showing.try_get_untracked() {
            Some(Showing::Document(_, document)) => document.id.clone(),
            _ => return,
        };
        let _ = self
            .host
            .try_with_value(|h| dispatch(h, name, &[("id", &id), ("lang", lang)]));
    }
}

/// Everything inside the shadow root.
///
/// While the document or the stylesheet is loading, the element's own children (the fallback)
/// show through a `<slot>`; a failure shows the `error` part above them.
#[component]
pub fn CommentaryWidget(
    /// The `<commentary-embed>` element: events are dispatched on it.
    host: HostElement,
    config: WidgetConfig,
    /// The widget's stylesheet, linked inside the shadow root (no inline styles: strict CSP).
    css_href: String,
    /// The loader's document service.
    documents: DocumentService,
) -> impl IntoView {
    let css_ready = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    let requested = Memo::new(move |_| requested_language(config.lang.get().as_deref()));
    let driver = Driver {
        life: StoredValue::new(Lifecycle::new()),
        languages: StoredValue::new(LanguageSwitch::new(preferred_languages())),
        showing: RwSignal::new(Showing::Fallback),
        shown: RwSignal::new(None),
        request: StoredValue::new_local(None),
        retry: StoredValue::new_local(None),
        service: StoredValue::new_local(documents),
        host: StoredValue::new_local(host),
        requested,
        reading_attribute: config.reading,
        pending_place: StoredValue::new(None),
        readings: StoredValue::new(ReadingSwitch::new()),
        reading: RwSignal::new(Reading::Single),
        second: RwSignal::new(None),
        told: StoredValue::new(None),
        me: widget_number(),
    };

    // Each `src`, the first included: the lifecycle decides what to fetch and what to abort.
    Effect::new(move |_| {
        let src = config.src.get();
        let commands = driver
            .life
            .try_update_value(|l| l.source(src.as_deref()))
            .unwrap_or_default();
        driver.run(commands, None);
    });
    on_cleanup(move || {
        if let Some(commands) = driver.life.try_update_value(Lifecycle::unmounted) {
            driver.run(commands, None);
        }
    });

    // A later change of `lang` by the page switches, even away from the reader's own choice.
    Effect::new(move |previous: Option<Option<String>>| {
        let now = requested.get();
        if previous.is_some_and(|p| p != now) {
            let document = match driver.showing.get_untracked() {
                Showing::Document(_, document) => Some(document),
                _ => None,
            };
            let pick = driver
                .languages
                .try_update_value(|l| l.attribute_changed(document.as_deref(), now.as_deref()))
                .flatten();
            if let Some(lang) = pick {
                driver.switch_to(lang, root);
            }
        }
        now
    });

    // The reader's choice: shown and remembered.
    let choose = Callback::new(move |lang: String| {
        if let Some(switch) = driver
            .languages
            .try_update_value(|l| l.chosen(&lang))
            .flatten()
        {
            if switch.remember {
                remember(StorageKey::Language, &switch.lang);
            }
            announce(driver.me, ReaderChoice::Language(switch.lang.clone()));
            driver.switch_to(switch.lang, root);
        }
    });

    // The reader's choice of a reading mode: shown, remembered and announced.
    let choose_reading = Callback::new(move |mode: Reading| {
        if let Some(mode) = driver
            .readings
            .try_update_value(|r| r.chosen(mode))
            .flatten()
        {
            remember(StorageKey::Reading, mode.as_str());
            announce(driver.me, ReaderChoice::Reading(mode));
            driver.switch_reading(mode, root);
        }
    });
    // The second column's version, side by side.
    let choose_second = Callback::new(move |lang: String| {
        driver.note_place(root);
        driver.second.set(Some(lang));
    });

    // A later change of `reading` by the page switches, even away from the reader's choice.
    Effect::new(move |previous: Option<Option<String>>| {
        let now = config.reading.get();
        if previous.is_some_and(|p| p != now) {
            let mode = driver
                .readings
                .try_update_value(|r| r.attribute_changed(now.as_deref()))
                .flatten();
            if let Some(mode) = mode {
                driver.switch_reading(mode, root);
            }
        }
        now
    });

    // One reader, many widgets: a choice made in another widget of the page, when this one's
    // document can show it (the first run only subscribes).
    Effect::new(move |first: Option<()>| {
        let choice = followed(driver.me);
        if first.is_none() {
            return;
        }
        let Some(document) = driver.document() else {
            return;
        };
        match choice {
            Some(ReaderChoice::Language(lang)) => {
                let shown = document.version(&lang).map(|v| v.lang.clone());
                let switch = shown
                    .and_then(|lang| driver.languages.try_update_value(|l| l.chosen(&lang)))
                    .flatten();
                if let Some(switch) = switch {
                    driver.switch_to(switch.lang, root);
                }
            }
            Some(ReaderChoice::Reading(mode)) if mode.for_document(&document) == mode => {
                if let Some(mode) = driver
                    .readings
                    .try_update_value(|r| r.chosen(mode))
                    .flatten()
                {
                    driver.switch_reading(mode, root);
                }
            }
            Some(ReaderChoice::Reading(_)) | None => {}
        }
    });

    // Share controls read `share-url` and report each share as `commentary-share`.
    provide_context(ShareContext {
        mode: Signal::derive(move || ShareUrl::from_attribute(config.share_url.get().as_deref())),
        on_share: Callback::new(move |e: ShareEvent| {
            let detail = [
                ("id", e.id.as_str()),
                ("lang", &e.lang),
                ("network", &e.network),
                ("url", &e.url),
            ];
            driver
                .host
                .with_value(|h| dispatch(h, "commentary-share", &detail));
        }),
        embed: Signal::derive(move || config.embed_code.get().is_some()),
        document_src: config.src,
        // The loader sits beside the stylesheet (both found from the loader's own URL).
        script_url: Signal::stored(match css_href.rsplit_once('/') {
            Some((folder, _)) => format!("{folder}/commentary-embed.js"),
            None => "commentary-embed.js".to_owned(),
        }),
    });

    // In-widget fragment links (note references, back-links) cannot use the page's fragment
    // navigation: it does not reach into shadow roots.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(anchor) = closest_in_event(&ev, "a[href^='#']:not([part~='footnote-ref'])") else {
            return;
        };
        if let Some(id) = anchor
            .get_attribute("href")
            .as_deref()
            .and_then(|h| h.strip_prefix('#'))
        {
            ev.prevent_default();
            focus_in_root(&anchor, id);
        }
    };

    // The mode the toggle shows as pressed: what the document can show of the mode asked for.
    let reading_shown = Signal::derive(move || match driver.showing.get() {
        Showing::Document(_, document) => driver.reading.get().for_document(&document),
        _ => Reading::Single,
    });

    let body = move || match (driver.showing.get(), css_ready.get()) {
        (Showing::Document(ticket, document), true) => {
            let article_document = document.clone();
            let article = move || {
                let document = article_document.clone();
                // None only until negotiation has run, within the same tick.
                let version = driver
                    .shown
                    .get()
                    .and_then(|lang| document.version(&lang))
                    .cloned()?;
                let lang = version.lang.clone();
                let placed = document.clone();
                // Side by side when asked and the document has a second version.
                let second = match driver.reading.get().for_document(&document) {
                    Reading::Parallel => {
                        let chosen = driver.second.get();
                        second_version(&document, &lang, chosen.as_deref()).cloned()
                    }
                    Reading::Single => None,
                };
                let mode = if second.is_some() {
                    Reading::Parallel
                } else {
                    Reading::Single
                };
                let mut langs = vec![lang.clone()];
                langs.extend(second.as_ref().map(|v| v.lang.clone()));
                let notes_mode = NotesMode::from_attribute(config.notes.get().as_deref());
                // After this view is mounted: put the reader back at their passage, then tell
                // the page (which may read the rendered article in its handler).
                Effect::new(move |_| {
                    let pending = driver
                        .pending_place
                        .try_update_value(Option::take)
                        .flatten();
                    if let (Some((from, place)), Some(root)) = (pending, root.get_untracked()) {
                        if let (Some(from), Some(to)) =
                            (placed.version(&from), placed.version(&lang))
                        {
                            restore_place(&root, &place, counterpart(from, to, place.passage));
                        }
                    }
                    if let Some(commands) =
                        driver.life.try_update_value(|l| l.rendered(ticket, &lang))
                    {
                        driver.run(commands, None);
                    }
                    // A change of mode or of the languages shown side by side (not the first
                    // rendering: `commentary-ready` tells that).
                    let now = (mode, langs.clone());
                    let before = driver
                        .told
                        .try_update_value(|t| t.replace(now.clone()))
                        .flatten();
                    if before.is_some_and(|b| b != now) {
                        driver.tell_reading(mode, &langs);
                    }
                });
                let (copy_id, copy_lang) = (document.id.clone(), version.lang.clone());
                let on_citation_copy = Callback::new(move |(style, text): (String, String)| {
                    let detail = [
                        ("id", copy_id.as_str()),
                        ("lang", copy_lang.as_str()),
                        ("style", style.as_str()),
                        ("text", text.as_str()),
                    ];
                    driver
                        .host
                        .with_value(|h| dispatch(h, "commentary-citation-copy", &detail));
                });
                let second = second.map(|v| (v, choose_second));
                Some(view! {
                    <CommentaryArticle
                        document=document
                        version=version
                        choose=choose
                        on_citation_copy=on_citation_copy
                        second=second
                        notes_mode=notes_mode
                    />
                })
            };
            view! {
                <LanguageToggle
                    document=document
                    shown=driver.shown.into()
                    choose=choose
                    reading=reading_shown
                    choose_reading=choose_reading
                />
                {article}
            }
            .into_any()
        }
        (Showing::Error(failure), _) => {
            let ui = ui_strings(requested.get().as_deref().unwrap_or("en"));
            let has_fallback = driver.host.with_value(|h| h.child_element_count() > 0);
            view! { <ErrorNotice failure=failure ui=ui has_fallback=has_fallback /> }.into_any()
        }
        _ => view! { <slot></slot> }.into_any(),
    };

    view! {
        <link
            rel="stylesheet"
            href=css_href
            on:load=move |_| css_ready.set(true)
            on:error=move |_| {
                warn("commentary-embed: the stylesheet did not load; showing the commentary unstyled");
                css_ready.set(true)
            }
        />
        <div
            class="ce-root"
            node_ref=root
            data-theme=move || Theme::from_attribute(config.theme.get().as_deref()).as_str()
            data-reading=move || reading_shown.get().as_str()
            data-notes=move || NotesMode::from_attribute(config.notes.get().as_deref()).as_str()
            on:click=on_click
        >
            {body}
        </div>
    }
}

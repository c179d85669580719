//! The root component: loads the document, keeps the shown language, tells the page.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::{CommentaryArticle, ErrorNotice, LanguageToggle, ShareContext, ShareEvent};
use crate::browser::{dispatch, fetch_document, focus_in_root, warn};
use crate::domain::{
    counterpart, negotiate_language, requested_language, ui_strings, Document, LanguagePreferences,
    ShareUrl, Theme,
};
use crate::reader::{self, Place};

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
}

/// What switching languages needs besides the shown language: plain values, read and written in
/// event handlers and effects, never rendered.
struct Switching {
    /// The loaded document.
    document: Option<Arc<Document>>,
    /// The browser's preferred languages, read once.
    browser: Vec<String>,
    /// Whether the page changed `lang` since mounting: then it outranks the stored choice.
    attribute_changed: bool,
    /// Where the reader was before a switch, and in which version: restored once the new
    /// version is in place.
    pending: Option<(String, Place)>,
}

impl Switching {
    /// The language tag of the version to show, given the stored choice and the attribute.
    fn negotiate(
        &self,
        document: &Document,
        stored: Option<&str>,
        attribute: Option<&str>,
    ) -> Option<String> {
        let wish = LanguagePreferences {
            stored,
            attribute,
            browser: &self.browser,
        };
        negotiate_language(document, &wish).map(|v| v.lang.clone())
    }
}

/// Everything inside the shadow root.
///
/// While the document or the stylesheet is loading, the element's own children (the fallback)
/// show through a `<slot>`; a failure shows the `error` part above them.
#[component]
pub fn CommentaryWidget(
    /// The `<commentary-embed>` element: events are dispatched on it.
    host: HtmlElement,
    config: WidgetConfig,
    /// The widget's stylesheet, linked inside the shadow root (no inline styles: strict CSP).
    css_href: String,
) -> impl IntoView {
    let css_ready = RwSignal::new(false);
    let resource = LocalResource::new(move || {
        let src = config.src.get().unwrap_or_default();
        async move { fetch_document(src).await.map(Arc::new) }
    });
    let requested = Memo::new(move |_| requested_language(config.lang.get().as_deref()));
    let host = StoredValue::new_local(host);
    let root = NodeRef::<leptos::html::Div>::new();

    // The shown version's language tag: one signal, driven by negotiation when a document loads,
    // by the reader's choices and by changes of the `lang` attribute (CONTRACTS §3).
    let shown: RwSignal<Option<String>> = RwSignal::new(None);
    let switching = StoredValue::new(Switching {
        document: None,
        browser: reader::preferred_languages(),
        attribute_changed: false,
        pending: None,
    });

    // Shows `lang`, noting where the reader is so the new version can put them back there.
    let switch_to = move |lang: String| {
        let current = shown.get_untracked();
        if current
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(&lang))
        {
            return;
        }
        let place = root.get_untracked().and_then(|r| reader::measure_place(&r));
        switching.update_value(|s| s.pending = current.zip(place));
        shown.set(Some(lang));
    };
    let choose = Callback::new(move |lang: String| {
        reader::store_language(&lang);
        switch_to(lang);
    });

    // Each loaded document: the version negotiation picks.
    Effect::new(move |_| {
        if let Some(Ok(document)) = resource.get() {
            let attribute = requested.get_untracked();
            let pick = switching
                .try_update_value(|s| {
                    let stored = (!s.attribute_changed)
                        .then(reader::stored_language)
                        .flatten();
                    s.pending = None;
                    let pick = s.negotiate(&document, stored.as_deref(), attribute.as_deref());
                    s.document = Some(document);
                    pick
                })
                .flatten();
            shown.set(pick);
        }
    });

    // A later change of `lang` by the page switches, even away from the reader's own choice.
    Effect::new(move |previous: Option<Option<String>>| {
        let now = requested.get();
        if previous.is_some_and(|p| p != now) {
            let pick = switching
                .try_update_value(|s| {
                    s.attribute_changed = true;
                    let document = s.document.clone()?;
                    s.negotiate(&document, None, now.as_deref())
                })
                .flatten();
            if let Some(lang) = pick {
                switch_to(lang);
            }
        }
        now
    });

    // The language shown last, to tell `commentary-ready` (first) from a change (later).
    let announced: StoredValue<Option<String>> = StoredValue::new(None);
    let on_shown = move |id: String, lang: String| {
        let previous = announced.get_value();
        if previous.as_deref() == Some(lang.as_str()) {
            return;
        }
        announced.set_value(Some(lang.clone()));
        let name = if previous.is_none() {
            "commentary-ready"
        } else {
            "commentary-language-change"
        };
        host.with_value(|h| dispatch(h, name, &[("id", &id), ("lang", &lang)]));
    };

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
            host.with_value(|h| dispatch(h, "commentary-share", &detail));
        }),
        embed: Signal::derive(move || config.embed_code.get().is_some()),
        document_src: config.src,
        // The loader sits beside the stylesheet (both found from the loader's own URL).
        script_url: Signal::stored(match css_href.rsplit_once('/') {
            Some((folder, _)) => format!("{folder}/commentary-embed.js"),
            None => "commentary-embed.js".to_owned(),
        }),
    });

    // Failures go to the page: an event and a console warning.
    Effect::new(move |_| {
        if let Some(Err(error)) = resource.get() {
            let src = config.src.get().unwrap_or_default();
            let message = error.detail();
            warn(&format!("commentary-embed: {message}"));
            announced.set_value(None);
            host.with_value(|h| {
                dispatch(
                    h,
                    "commentary-error",
                    &[("src", &src), ("message", &message)],
                )
            });
        }
    });

    // In-widget fragment links (note references, back-links) cannot use the page's fragment
    // navigation: it does not reach into shadow roots.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| {
                t.closest("a[href^='#']:not([part~='footnote-ref'])")
                    .ok()
                    .flatten()
            })
        else {
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

    let body = move || match (resource.get(), css_ready.get()) {
        (Some(Ok(document)), true) => {
            let article_document = document.clone();
            let article = move || {
                let document = article_document.clone();
                // None only until negotiation has run, within the same tick.
                let version = shown
                    .get()
                    .and_then(|lang| document.version(&lang))
                    .cloned()?;
                let (id, lang) = (document.id.clone(), version.lang.clone());
                let placed = document.clone();
                // After this view is mounted: put the reader back at their passage, then tell
                // the page (which may read the rendered article in its handler).
                Effect::new(move |_| {
                    let pending = switching.try_update_value(|s| s.pending.take()).flatten();
                    if let (Some((from, place)), Some(root)) = (pending, root.get_untracked()) {
                        if let (Some(from), Some(to)) =
                            (placed.version(&from), placed.version(&lang))
                        {
                            reader::restore_place(
                                &root,
                                &place,
                                counterpart(from, to, place.passage),
                            );
                        }
                    }
                    on_shown(id.clone(), lang.clone());
                });
                let (copy_id, copy_lang) = (document.id.clone(), version.lang.clone());
                let on_citation_copy = Callback::new(move |(style, text): (String, String)| {
                    let detail = [
                        ("id", copy_id.as_str()),
                        ("lang", copy_lang.as_str()),
                        ("style", style.as_str()),
                        ("text", text.as_str()),
                    ];
                    host.with_value(|h| dispatch(h, "commentary-citation-copy", &detail));
                });
                Some(view! {
                    <CommentaryArticle
                        document=document
                        version=version
                        choose=choose
                        on_citation_copy=on_citation_copy
                    />
                })
            };
            view! {
                <LanguageToggle document=document shown=shown.into() choose=choose />
                {article}
            }
            .into_any()
        }
        (Some(Err(error)), _) => {
            let ui = ui_strings(requested.get().as_deref().unwrap_or("en"));
            let has_fallback = host.with_value(|h| h.child_element_count() > 0);
            view! { <ErrorNotice error=error ui=ui has_fallback=has_fallback /> }.into_any()
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
            on:click=on_click
        >
            {body}
        </div>
    }
}

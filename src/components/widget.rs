//! The root component: loads the document, keeps the shown language, tells the page.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::{CommentaryArticle, ErrorNotice, ShareContext, ShareEvent};
use crate::browser::{dispatch, fetch_document, focus_in_root, warn};
use crate::domain::{requested_language, ui_strings, ShareUrl, Theme};

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
            let Some(version) = document
                .initial_version(requested.get().as_deref())
                .cloned()
            else {
                return view! { <slot></slot> }.into_any();
            };
            let (id, lang) = (document.id.clone(), version.lang.clone());
            // After this view is mounted: the page may read the rendered article in the handler.
            Effect::new(move |_| on_shown(id.clone(), lang.clone()));
            view! { <CommentaryArticle document=document version=version /> }.into_any()
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
            data-theme=move || Theme::from_attribute(config.theme.get().as_deref()).as_str()
            on:click=on_click
        >
            {body}
        </div>
    }
}

//! The cite button and its panel: every style of the shown version (or of the original), each
//! with a copy control; downloads of the exports; COinS for Zotero in the host's light DOM.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::browser::{
    download_text, in_sandboxed_frame, remember, remembered, select_contents, set_coins, today,
    use_clipboard, warn, StorageKey,
};
use crate::domain::{coins, Citation, CitationStyle, CiteWork, Date, Document, UiStrings, Version};

/// Sends `commentary-citation-copy`: `(style, text)`.
pub type OnCopy = Callback<(String, String)>;

/// The cite button, the panel it opens, and the page's COinS.
#[component]
pub fn CiteTools(
    document: Arc<Document>,
    version: Version,
    ui: &'static UiStrings,
    on_copy: OnCopy,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();

    // COinS of the shown version, replaced when it changes, removed with the widget.
    let title = coins(CiteWork::new(&document, &version));
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            set_coins(&b, Some(&title));
            on_cleanup(move || set_coins(&b, None));
        }
    });

    let panel = {
        let document = document.clone();
        move || {
            open.get().then(|| {
                view! { <CitePanel document=document.clone() version=version.clone() ui=ui on_copy=on_copy /> }
            })
        }
    };
    view! {
        <div class="ce-tools">
            <button
                type="button"
                class="ce-tool"
                part="cite-button"
                node_ref=button
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="ce-cite-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <svg class="ce-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path d="M3 3h4v4H5c0 1.5.5 2.5 2 3v2c-3 0-4-2.5-4-5zm6 0h4v4h-2c0 1.5.5 2.5 2 3v2c-3 0-4-2.5-4-5z" />
                </svg>
                {ui.cite}
            </button>
        </div>
        {panel}
    }
}

#[component]
fn CitePanel(
    document: Arc<Document>,
    version: Version,
    ui: &'static UiStrings,
    on_copy: OnCopy,
) -> impl IntoView {
    let original = document
        .original()
        .filter(|o| !o.lang.eq_ignore_ascii_case(&version.lang))
        .cloned();
    let cite_original = RwSignal::new(false);
    let last = RwSignal::new(
        remembered(StorageKey::CitationStyle).and_then(|s| CitationStyle::from_id(&s)),
    );
    let status = RwSignal::new(String::new());
    let today = today().unwrap_or(document.published);
    let house_label = match document.publisher.short_name.as_deref() {
        Some(short) => format!("{} ({short})", ui.house_style),
        None => ui.house_style.to_owned(),
    };

    let switch = original.clone().map(|o| {
        let pressed = move |want: bool| move || if cite_original.get() == want { "true" } else { "false" };
        view! {
            <div class="ce-cite-switch" role="group" aria-label=ui.cite_this>
                <button type="button" aria-pressed=pressed(false) on:click=move |_| cite_original.set(false)>
                    {ui.cite_translation}
                </button>
                <button type="button" lang=o.lang.clone() aria-pressed=pressed(true) on:click=move |_| cite_original.set(true)>
                    {ui.cite_original}
                </button>
            </div>
        }
    });

    let list = move || {
        let cited = if cite_original.get() {
            original.as_ref().unwrap_or(&version)
        } else {
            &version
        };
        let remembered = last.get_untracked();
        let order = CitationStyle::in_panel_order(remembered);
        let citations: Vec<(CitationStyle, Citation)> = order
            .filter_map(|style| {
                cited
                    .citations
                    .iter()
                    .find(|c| CitationStyle::from_id(&c.style) == Some(style))
                    .map(|c| (style, c.clone()))
            })
            .collect();
        let file_stem = format!("{}-{}", document.id, cited.lang);
        citations
            .into_iter()
            .map(|(style, citation)| {
                let label = if style == CitationStyle::House { house_label.clone() } else { style.label().to_owned() };
                view! {
                    <CitationItem
                        style=style
                        citation=citation
                        label=label
                        today=today
                        file_stem=file_stem.clone()
                        is_last=remembered == Some(style)
                        ui=ui
                        on_copied=move |(style, text, ok): (CitationStyle, String, bool)| {
                            remember(StorageKey::CitationStyle, style.id());
                            last.set(Some(style));
                            status.set(if ok { format!("{} ({})", ui.copied, style_name(style, ui)) } else { ui.copy_by_hand.to_owned() });
                            // The page hears of a copy only when the clipboard took it.
                            if ok {
                                on_copy.run((style.id().to_owned(), text));
                            }
                        }
                    />
                }
            })
            .collect_view()
    };

    view! {
        <section class="ce-cite" id="ce-cite-panel" aria-label=ui.cite_this>
            {switch}
            <ul class="ce-cite-list">{list}</ul>
            <p class="ce-cite-status" role="status">{move || status.get()}</p>
        </section>
    }
}

fn style_name(style: CitationStyle, ui: &'static UiStrings) -> &'static str {
    if style == CitationStyle::House {
        ui.house_style
    } else {
        style.label()
    }
}

/// One style: its name, the citation, a copy control, and a download for the exports.
#[component]
fn CitationItem(
    style: CitationStyle,
    citation: Citation,
    label: String,
    today: Date,
    file_stem: String,
    is_last: bool,
    ui: &'static UiStrings,
    #[prop(into)] on_copied: Callback<(CitationStyle, String, bool)>,
) -> impl IntoView {
    let text_ref = NodeRef::<html::Div>::new();
    let plain = citation.plain(today);
    let html_text = citation.html(today);
    let clipboard = use_clipboard();
    let copy = {
        let plain = plain.clone();
        move |_| {
            clipboard.copy(Some(html_text.clone()), plain.clone(), {
                let plain = plain.clone();
                move |ok| {
                    // The panel may be gone by now (another language shown): only `try_` access
                    // after the await, or the panic takes down every widget on the page.
                    if !ok {
                        if let Some(el) = text_ref.try_get_untracked().flatten() {
                            select_contents(&el);
                        }
                    }
                    let _ = on_copied.try_run((style, plain, ok));
                }
            });
        }
    };
    let download = style.download().map(|(ext, mime)| {
        let filename = format!("{file_stem}.{ext}");
        let plain = plain.clone();
        // A sandboxed frame (WordPress's) silently refuses downloads: the text shown above is
        // selected instead, and the reader told to copy it.
        let refused = RwSignal::new(false);
        view! {
            <button
                type="button"
                class="ce-cite-action"
                data-style=style.id()
                data-download=filename.clone()
                on:click=move |_| {
                    if in_sandboxed_frame() {
                        if let Some(el) = text_ref.get_untracked() {
                            select_contents(&el);
                        }
                        refused.set(true);
                    } else if download_text(&filename, mime, &plain).is_err() {
                        warn("commentary-embed: this browser cannot download files");
                    }
                }
            >
                {format!("{} .{ext}", ui.download)}
            </button>
            <span class="ce-share-status" role="status" data-download-refused=move || refused.get().then_some("")>
                {move || refused.get().then_some(ui.download_blocked)}
            </span>
        }
    });
    let runs = citation
        .runs
        .iter()
        .map(|r| match r {
            crate::domain::CiteRun::Text(t) => t.clone().into_any(),
            crate::domain::CiteRun::Italic(t) => view! { <i>{t.clone()}</i> }.into_any(),
            crate::domain::CiteRun::Accessed(form) => form.format(today).into_any(),
        })
        .collect_view();
    let label_id = format!("ce-cite-{}", style.id());
    view! {
        <li class="ce-cite-item" class:ce-cite-last=is_last>
            <span class="ce-cite-label" id=label_id.clone()>
                {label}
                {is_last.then(|| view! { <span class="ce-cite-badge">{ui.last_used}</span> })}
            </span>
            <div
                class="ce-citation"
                class:ce-citation-export=style.is_export()
                part="citation"
                data-style=style.id()
                node_ref=text_ref
                aria-labelledby=label_id.clone()
                role="group"
                // The exports scroll: a keyboard must reach them too.
                tabindex=style.is_export().then_some("0")
            >
                {runs}
            </div>
            <span class="ce-cite-actions">
                <button
                    type="button"
                    class="ce-cite-action"
                    part="citation-copy"
                    data-style=style.id()
                    aria-describedby=label_id
                    on:click=copy
                >
                    {ui.copy}
                </button>
                {download}
            </span>
        </li>
    }
}

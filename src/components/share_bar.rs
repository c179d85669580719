//! The `share` part (links to eight networks, copy link, the system sheet, Mastodon) and the
//! quote panel that shares a selected passage with a text fragment.
//!
//! No request leaves for any network before the reader clicks: the links are plain anchors with
//! inline SVG icons, and the Mastodon server is asked of the reader, never looked up.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{
    absolute_url, can_share_natively, on_document, open_in_new_tab, page_url, remember, remembered,
    selected_text_in, share_natively, use_clipboard, CopyState, ShareRefusal, StorageKey,
    UseClipboardReturn,
};
use crate::domain::{
    article_page_of, embed_code, embed_page_url, frame_code, framed_article_page,
    mastodon_instance, mastodon_share_url, normalize_quote, quote_text, quote_url, share_url,
    ui_strings, Document, ShareTarget, ShareUrl, Shared, UiStrings, Version,
};

/// What the root component lends the share controls: the `share-url` attribute and a way to
/// tell the page (the `commentary-share` event).
#[derive(Clone, Copy)]
pub struct ShareContext {
    pub mode: Signal<ShareUrl>,
    pub on_share: Callback<ShareEvent>,
    /// Whether the element has the `embed-code` attribute: show the Embed control.
    pub embed: Signal<bool>,
    /// The widget's `src` attribute, for the embed code.
    pub document_src: Signal<Option<String>>,
    /// The URL of `commentary-embed.js`, for the embed code.
    pub script_url: Signal<String>,
}

/// One share, as the `commentary-share` event reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareEvent {
    pub id: String,
    pub lang: String,
    /// `x` … `email`, `copy`, `native`, `mastodon`.
    pub network: String,
    /// The shared article URL (with a text fragment for a quote), not the network's.
    pub url: String,
}

/// The longest quote text handed to a network (a post of 300 characters keeps room for the link).
const QUOTE_CHARS: usize = 200;

/// Reports a share of (network, url) for the shown version.
type OnShare = Callback<(&'static str, String)>;

fn reporter(ctx: ShareContext, id: String, lang: String) -> OnShare {
    Callback::new(move |(network, url): (&'static str, String)| {
        ctx.on_share.run(ShareEvent {
            id: id.clone(),
            lang: lang.clone(),
            network: network.to_owned(),
            url,
        })
    })
}

/// What every share control of one shown version starts from.
struct Sharing {
    ctx: ShareContext,
    ui: &'static UiStrings,
    /// The partner page's address; in an embed page (a frame), the article page of the shown
    /// version instead, never the frame's own address.
    page: String,
    title: String,
    on_share: OnShare,
}

impl Sharing {
    /// `None` when no [`ShareContext`] is provided (then nothing is shared).
    fn of(document: &Document, version: &Version) -> Option<Sharing> {
        let ctx = use_context::<ShareContext>()?;
        let page = page_url();
        let src = absolute_url(&ctx.document_src.get_untracked().unwrap_or_default());
        let page = framed_article_page(&page, &src, &version.lang).unwrap_or(page);
        Some(Sharing {
            ctx,
            ui: ui_strings(&version.lang),
            page,
            title: version.title.clone(),
            on_share: reporter(ctx, document.id.clone(), version.lang.clone()),
        })
    }
}

/// The `share` part for `version` of `document`: nothing when no [`ShareContext`] is provided.
#[component]
pub fn ShareBar(document: Arc<Document>, version: Version) -> impl IntoView {
    let Some(Sharing {
        ctx,
        ui,
        page,
        title,
        on_share,
    }) = Sharing::of(&document, &version)
    else {
        return ().into_any();
    };
    // The embed code's fallback link is always the canonical URL: it is for other sites.
    let src = absolute_url(&ctx.document_src.get_untracked().unwrap_or_default());
    let code = embed_code(
        &ctx.script_url.get_untracked(),
        &src,
        &version.lang,
        &share_url(ShareUrl::Canonical, &document, &version, &page),
        &version.title,
    );
    // Issue 15: the republish copy (or "all rights reserved") inside the Embed control.
    let republish = (
        document.clone(),
        version.clone(),
        share_url(ShareUrl::Canonical, &document, &version, &page),
    );
    // The framed form, for sites that allow no script: the embed page beside the article page
    // of a document published by `commentary build` (`<base><id>.json`).
    let frame = article_page_of(&src, &version.lang)
        .map(|article| frame_code(&embed_page_url(&article), &article, &version.title));
    let url = Signal::derive(move || share_url(ctx.mode.get(), &document, &version, &page));
    view! {
        <div class="ce-share" part="share" role="group" aria-label=ui.share>
            <ShareLinks ui=ui url=url text=Signal::stored(title.clone()) title=title on_share=on_share />
        </div>
        {move || ctx.embed.get().then(|| view! { <EmbedCode ui=ui code=code.clone() frame=frame.clone() republish=republish.clone() /> }.into_any())}
    }
    .into_any()
}

/// The network links and the copy, native and Mastodon controls for one shared URL and text.
#[component]
fn ShareLinks(
    ui: &'static UiStrings,
    url: Signal<String>,
    text: Signal<String>,
    /// The title, for the system sheet.
    title: String,
    on_share: OnShare,
) -> impl IntoView {
    let links = ShareTarget::ALL
        .into_iter()
        .map(|target| {
            let name = if target == ShareTarget::Email {
                ui.email
            } else {
                target.name()
            };
            let href = move || {
                target.url(&Shared {
                    url: &url.get(),
                    text: &text.get(),
                })
            };
            view! {
                <li>
                    <a class="ce-share-link" href=href data-network=target.network()
                        target="_blank" rel="noopener noreferrer" aria-label=name title=name
                        on:click=move |_| on_share.run((target.network(), url.get_untracked()))>
                        {icon(target.network())}
                    </a>
                </li>
            }
        })
        .collect_view();
    // A link the page would not let the widget open (a sandboxed frame): shown to copy.
    let blocked = RwSignal::new(None::<String>);
    let native = can_share_natively().then(|| {
        let title = title.clone();
        let share = move |_| {
            let (title, text, url) = (title.clone(), text.get_untracked(), url.get_untracked());
            spawn_local(async move {
                // The bar may be gone by now (another language shown): `try_run`, never `run`,
                // after an await, or the panic takes down every widget on the page.
                match share_natively(&title, &text, &url).await {
                    Ok(()) => {
                        let _ = on_share.try_run(("native", url));
                    }
                    Err(ShareRefusal::Cancelled) => {}
                    // No sheet here (WordPress's frame has no `web-share`): the link to copy.
                    Err(ShareRefusal::NotAllowed) => {
                        let _ = blocked.try_set(Some(url));
                    }
                }
            });
        };
        view! {
            <li>
                <button type="button" class="ce-share-link" data-network="native"
                    aria-label=ui.share_native title=ui.share_native on:click=share>
                    {icon("native")}
                </button>
            </li>
        }
    });
    let mastodon = MastodonState::new();
    let clipboard = use_clipboard();
    // The Mastodon form and the copy fallback go below the row of icons, not inside it.
    view! {
        <ul class="ce-share-list">
            {links}
            <li><MastodonButton ui=ui state=mastodon url=url text=text on_share=on_share blocked=blocked /></li>
            {native}
            <li><CopyLink ui=ui url=url clipboard=clipboard on_share=on_share /></li>
        </ul>
        <MastodonForm ui=ui state=mastodon url=url text=text on_share=on_share blocked=blocked />
        <CopyFallback ui=ui url=url state=clipboard.state />
        <BlockedFallback ui=ui blocked=blocked />
    }
}

/// `button[data-network="copy"]`: copies the link and says so.
#[component]
fn CopyLink(
    ui: &'static UiStrings,
    url: Signal<String>,
    clipboard: UseClipboardReturn,
    on_share: OnShare,
) -> impl IntoView {
    let copy = move |_| {
        let url = url.get_untracked();
        // The clipboard may answer after the bar is gone (another language shown, or the
        // element removed): only `try_` access after the await.
        clipboard.copy(None, url.clone(), move |ok| {
            if ok {
                let _ = on_share.try_run(("copy", url));
            }
        });
    };
    view! {
        <button type="button" class="ce-share-link" data-network="copy" aria-label=ui.copy_link
            title=ui.copy_link on:click=copy>
            {icon("copy")}
        </button>
        <span class="ce-share-status" role="status">
            {move || (clipboard.state.get() == CopyState::Copied).then_some(ui.link_copied)}
        </span>
    }
}

/// When the clipboard refused the link: the link, selected in a field, to copy by hand.
#[component]
fn CopyFallback(
    ui: &'static UiStrings,
    url: Signal<String>,
    state: ReadSignal<CopyState>,
) -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            // Set here, before selecting: the view's own value may land after this effect.
            input.set_value(&url.get_untracked());
            let _ = input.focus();
            input.select();
        }
    });
    move || {
        (state.get() == CopyState::Failed).then(|| {
            view! {
                <label class="ce-copy-failed">
                    <span>{ui.copy_failed}</span>
                    <input type="text" readonly node_ref=field prop:value=move || url.get() />
                </label>
            }
            .into_any()
        })
    }
}

/// When the page would not let the widget open a link (a new window from a sandboxed frame,
/// the system share sheet without permission): what to do instead, and the link, selected in a
/// field, to copy.
#[component]
fn BlockedFallback(ui: &'static UiStrings, blocked: RwSignal<Option<String>>) -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let (Some(input), Some(url)) = (field.get(), blocked.get()) {
            input.set_value(&url);
            let _ = input.focus();
            input.select();
        }
    });
    move || {
        blocked.get().map(|url| {
            view! {
                <label class="ce-copy-failed" data-blocked="window">
                    <span>{ui.window_blocked}</span>
                    <input type="text" readonly node_ref=field prop:value=url />
                </label>
            }
            .into_any()
        })
    }
}

/// The `embed-code` part: a disclosure showing the exact embed code, the script form and (for
/// a document published with its embed pages) the framed form for sites that allow no script,
/// each with a copy control; when the clipboard refuses, the code is selected for the reader to
/// copy.
#[component]
fn EmbedCode(
    ui: &'static UiStrings,
    code: String,
    frame: Option<String>,
    /// Issue 15: the republish copy (or "all rights reserved"), from the document, the version
    /// and the link back to the article.
    republish: (Arc<Document>, Version, String),
) -> impl IntoView {
    let (republish_document, republish_version, republish_link) = republish;
    let framed = frame.map(|frame| {
        view! {
            <p class="ce-embed-form">{ui.embed_frame}</p>
            <EmbedSnippet ui=ui code=frame form="frame" />
        }
    });
    view! {
        <details class="ce-embed" part="embed-code">
            <summary>{ui.embed}</summary>
            <p>{ui.embed_hint}</p>
            <p class="ce-embed-form">{ui.embed_script}</p>
            <EmbedSnippet ui=ui code=code form="script" />
            {framed}
            <super::notices::Republish document=republish_document version=republish_version ui=ui link=republish_link />
        </details>
    }
}

/// One form of the embed code: the code in a field, and its copy control.
#[component]
fn EmbedSnippet(ui: &'static UiStrings, code: String, form: &'static str) -> impl IntoView {
    view! { <CodeField ui=ui code=code label=ui.embed rows="5" form=form button_class="ce-embed-copy" /> }
}

/// A code to copy: the code in a read-only field, a copy control and what became of the copy;
/// when the clipboard refuses, the field is selected for the reader to copy by hand.
#[component]
pub(super) fn CodeField(
    ui: &'static UiStrings,
    code: String,
    /// The field's accessible name.
    label: &'static str,
    rows: &'static str,
    /// `data-form` of the field and the button (`script`, `frame`), if any.
    #[prop(optional)]
    form: Option<&'static str>,
    button_class: &'static str,
) -> impl IntoView {
    let clipboard = use_clipboard();
    let state = clipboard.state;
    let field = NodeRef::<leptos::html::Textarea>::new();
    let copied = code.clone();
    let copy = move |_| {
        clipboard.copy(None, copied.clone(), move |ok| {
            if !ok {
                if let Some(area) = field.try_get_untracked().flatten() {
                    let _ = area.focus();
                    area.select();
                }
            }
        });
    };
    view! {
        <textarea readonly rows=rows spellcheck="false" aria-label=label node_ref=field
            data-form=form prop:value=code></textarea>
        <button type="button" class=button_class data-form=form on:click=copy>{ui.copy_code}</button>
        <span class="ce-share-status" role="status">
            {move || match state.get() {
                CopyState::Idle => None,
                CopyState::Copied => Some(ui.code_copied),
                CopyState::Failed => Some(ui.code_copy_failed),
            }}
        </span>
    }
}

/// The Mastodon controls' shared state.
#[derive(Clone, Copy)]
struct MastodonState {
    /// The reader's server, once given (read from `localStorage` at first).
    remembered: RwSignal<Option<String>>,
    /// Whether the form asking for it is open.
    asking: RwSignal<bool>,
    /// Whether the form holds something that is not a server name.
    invalid: RwSignal<bool>,
}

impl MastodonState {
    fn new() -> Self {
        MastodonState {
            remembered: RwSignal::new(
                remembered(StorageKey::Mastodon).and_then(|s| mastodon_instance(&s)),
            ),
            asking: RwSignal::new(false),
            invalid: RwSignal::new(false),
        }
    }

    fn cancel(self) {
        self.asking.set(false);
        self.invalid.set(false);
    }
}

/// Opens the share page of `instance` and reports the share; where the page refuses the new
/// window (a sandboxed frame), offers that page's address to copy instead.
fn share_to_mastodon(
    instance: &str,
    url: Signal<String>,
    text: Signal<String>,
    on_share: OnShare,
    blocked: RwSignal<Option<String>>,
) {
    let url = url.get_untracked();
    let target = mastodon_share_url(
        instance,
        &Shared {
            url: &url,
            text: &text.get_untracked(),
        },
    );
    if open_in_new_tab(&target) {
        on_share.run(("mastodon", url));
    } else {
        blocked.set(Some(target));
    }
}

/// `button[data-network="mastodon"]`: shares to the reader's server, asking for it the first
/// time (see [`MastodonForm`]); "Other server" asks again.
#[component]
fn MastodonButton(
    ui: &'static UiStrings,
    state: MastodonState,
    url: Signal<String>,
    text: Signal<String>,
    on_share: OnShare,
    blocked: RwSignal<Option<String>>,
) -> impl IntoView {
    let MastodonState {
        remembered, asking, ..
    } = state;
    let click = move |_| match remembered.get_untracked() {
        Some(instance) => share_to_mastodon(&instance, url, text, on_share, blocked),
        None => asking.set(true),
    };
    view! {
        <button type="button" class="ce-share-link" data-network="mastodon" aria-label="Mastodon"
            title=move || remembered.get().map_or_else(|| "Mastodon".to_owned(), |i| format!("Mastodon ({i})"))
            aria-expanded=move || if remembered.get().is_some() { None } else { Some(asking.get().to_string()) }
            on:click=click>
            {icon("mastodon")}
        </button>
        {move || remembered.get().is_some().then(|| view! {
            <button type="button" class="ce-mastodon-change" on:click=move |_| asking.set(true)>
                {ui.mastodon_change}
            </button>
        }.into_any())}
    }
}

/// The form asking for the reader's Mastodon server: a validated host name, remembered in
/// `localStorage`; Escape or Cancel closes it.
#[component]
fn MastodonForm(
    ui: &'static UiStrings,
    state: MastodonState,
    url: Signal<String>,
    text: Signal<String>,
    on_share: OnShare,
    blocked: RwSignal<Option<String>>,
) -> impl IntoView {
    let MastodonState {
        remembered,
        asking,
        invalid,
    } = state;
    let field = NodeRef::<leptos::html::Input>::new();
    // Run from the button's click and the field's Enter, never from the form's `submit`: a
    // sandboxed frame without `allow-forms` (WordPress's) blocks form submission, `submit`
    // event included.
    let submit = move || {
        let value = field.get_untracked().map(|f| f.value()).unwrap_or_default();
        match mastodon_instance(&value) {
            Some(instance) => {
                remember(StorageKey::Mastodon, &instance);
                remembered.set(Some(instance.clone()));
                state.cancel();
                share_to_mastodon(&instance, url, text, on_share, blocked);
            }
            None => invalid.set(true),
        }
    };
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    move || {
        asking.get().then(|| {
            view! {
                <form class="ce-mastodon-form"
                    on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); submit() }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { state.cancel() }>
                    <label>
                        <span>{ui.mastodon_server}</span>
                        <input type="text" name="instance" inputmode="url" autocomplete="off"
                            spellcheck="false" placeholder="mastodon.social" node_ref=field
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); submit() }
                            prop:value=remembered.get_untracked().unwrap_or_default()
                            aria-invalid=move || invalid.get().to_string() />
                    </label>
                    <button type="submit" on:click=move |ev: leptos::ev::MouseEvent| { ev.prevent_default(); submit() }>
                        {ui.mastodon_share}
                    </button>
                    <button type="button" on:click=move |_| state.cancel()>{ui.cancel}</button>
                    <span class="ce-mastodon-invalid" role="alert">
                        {move || invalid.get().then_some(ui.mastodon_invalid)}
                    </span>
                </form>
            }.into_any()
        })
    }
}

/// Offers "Share quote" while text of the article body is selected; the quote panel
/// (`part="share-quote"`) then links to the shared URL with a text fragment for the quote, and
/// gives networks that take text the quote itself.
#[component]
pub fn QuoteShare(document: Arc<Document>, version: Version) -> impl IntoView {
    let Some(Sharing {
        ctx,
        ui,
        page,
        title,
        on_share,
    }) = Sharing::of(&document, &version)
    else {
        return ().into_any();
    };
    let base = Signal::derive(move || share_url(ctx.mode.get(), &document, &version, &page));
    let selection = RwSignal::new(None::<String>);
    let quote = RwSignal::new(None::<String>);
    let anchor = NodeRef::<leptos::html::Div>::new();
    let panel = NodeRef::<leptos::html::Section>::new();

    // The selection, while it lies in this article's body.
    let listener = on_document("selectionchange", move |_| {
        let body = anchor.get_untracked().and_then(|a| {
            a.closest(".ce-article")
                .ok()
                .flatten()
                .and_then(|article| article.query_selector(".ce-body").ok().flatten())
        });
        let text = body
            .and_then(|b| selected_text_in(&b))
            .and_then(|t| normalize_quote(&t));
        if selection.get_untracked() != text {
            selection.set(text);
        }
    });
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || listener.update_value(|l| *l = None));

    let open = move |_| {
        if let Some(q) = selection.get_untracked() {
            quote.set(Some(q));
        }
    };
    let close = move || {
        quote.set(None);
    };
    Effect::new(move |_| {
        if let Some(section) = panel.get() {
            let _ = section.focus();
        }
    });
    let url = Signal::derive(move || {
        quote
            .get()
            .map(|q| quote_url(&base.get(), &q))
            .unwrap_or_default()
    });
    let text = Signal::derive(move || {
        quote
            .get()
            .map(|q| quote_text(&q, QUOTE_CHARS))
            .unwrap_or_default()
    });
    view! {
        <div class="ce-quote" node_ref=anchor>
            {move || (selection.get().is_some() && quote.get().is_none()).then(|| view! {
                <button type="button" class="ce-quote-button" part="share-quote-button"
                    // Keeps the selection when the button is pressed with a pointer.
                    on:mousedown=|ev: leptos::ev::MouseEvent| ev.prevent_default()
                    on:click=open>
                    {icon("quote")}
                    <span>{ui.share_quote}</span>
                </button>
            }.into_any())}
            {move || quote.get().map(|q| {
                let title = title.clone();
                view! {
                    <section class="ce-quote-panel" part="share-quote" role="group"
                        aria-label=ui.quote_panel tabindex="-1" node_ref=panel
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { close() }>
                        <blockquote class="ce-quote-text">{quote_text(&q, QUOTE_CHARS)}</blockquote>
                        <ShareLinks ui=ui url=url text=text title=title on_share=on_share />
                        <button type="button" class="ce-quote-close" on:click=move |_| close()>
                            {ui.cancel}
                        </button>
                    </section>
                }.into_any()
            })}
        </div>
    }
    .into_any()
}

/// Our own inline icons (24×24, filled with the text colour): no icon font, no request.
fn icon(name: &str) -> impl IntoView {
    let d = match name {
        "x" => "M3.5 3h5l12 18h-5zM18.6 3h2.3l-7.1 8.1-1.2-1.8zM5.4 21H3.1l7.1-8.1 1.2 1.8z",
        "facebook" => "M13.5 22v-8h2.7l.4-3.2h-3.1V8.8c0-.9.3-1.6 1.6-1.6h1.7V4.4c-.3 0-1.3-.1-2.5-.1-2.5 0-4.2 1.5-4.2 4.3v2.2H7.4V14h2.7v8z",
        "linkedin" => "M4 9h3.5v11H4zM5.8 3.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM9.5 9h3.3v1.6c.5-.9 1.6-1.8 3.3-1.8 3.5 0 4.1 2.3 4.1 5.3V20h-3.5v-5.2c0-1.3 0-2.9-1.8-2.9s-2 1.4-2 2.8V20H9.5z",
        "whatsapp" => "M12 2.5a9.5 9.5 0 0 0-8.2 14.3L2.5 21.5l4.8-1.3A9.5 9.5 0 1 0 12 2.5zm0 2a7.5 7.5 0 1 1-3.9 13.9l-.3-.2-2.4.6.6-2.3-.2-.3A7.5 7.5 0 0 1 12 4.5zM9 7.5c.3 0 .6 0 .8.5l.8 1.9c.1.3 0 .5-.1.7l-.6.7c.6 1.2 1.7 2.3 2.9 2.9l.7-.6c.2-.2.5-.2.7-.1l1.9.8c.4.2.5.5.4.9-.3 1.1-1.3 1.7-2.3 1.6-3.3-.4-6-3.1-6.4-6.4-.1-1 .5-2 1.6-2.3z",
        "telegram" => "M21.4 3.6 2.9 10.7c-1 .4-1 1.3 0 1.6l4.7 1.5 1.8 5.6c.2.6.9.8 1.4.4l2.6-2.1 4.8 3.5c.6.4 1.4.1 1.5-.6l3.1-15.7c.2-.9-.6-1.6-1.4-1.3zM9.7 14.3l-.4 3.6-1.4-4.6 10.3-6.5z",
        "reddit" => "M12 7.5c-4.4 0-8 2.5-8 5.6s3.6 5.6 8 5.6 8-2.5 8-5.6-3.6-5.6-8-5.6zm-3 4a1.2 1.2 0 1 1 0 2.4 1.2 1.2 0 0 1 0-2.4zm6 0a1.2 1.2 0 1 1 0 2.4 1.2 1.2 0 0 1 0-2.4zm-6.2 4 .7-.6c.7.6 1.6.9 2.5.9s1.8-.3 2.5-.9l.7.6c-.9.9-2 1.3-3.2 1.3s-2.3-.4-3.2-1.3zM17.5 3a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm-5.8 4.4 1.2-4.3 3.6.9-.2.8-2.8-.7-1 3.5z",
        "bluesky" => "M6 4.2c2.5 1.8 5 5.4 6 7.4 1-2 3.5-5.6 6-7.4 1.8-1.3 4.5-2.3 4.5.9 0 .6-.4 5.3-.6 6-.8 2.6-3.4 3.3-5.8 2.9 4.1.7 5.2 3 2.9 5.3-4.3 4.5-6.2-1.1-6.7-2.5L12 16l-.3.8c-.5 1.4-2.4 7-6.7 2.5-2.3-2.3-1.2-4.6 2.9-5.3-2.4.4-5-.3-5.8-2.9-.2-.7-.6-5.4-.6-6 0-3.2 2.7-2.2 4.5-.9z",
        "email" => "M3 5h18v14H3zm2 2.3v.4l7 5 7-5v-.4zm0 2.9V17h14v-6.8l-7 5z",
        "mastodon" => "M20.9 8.3c0-3.9-2.6-5-2.6-5C17 2.7 14.6 2.4 12 2.4h-.1c-2.6 0-4.9.3-6.2.9 0 0-2.6 1.1-2.6 5v3.2c.1 3.9.7 7.8 4.4 8.8 1.7.4 3.2.5 4.4.5 2.1-.1 3.3-.7 3.3-.7l-.1-1.5s-1.5.5-3.2.4c-1.7-.1-3.4-.2-3.7-2.2v-.6s1.6.4 3.7.5c1.3.1 2.5-.1 3.7-.2 2.3-.3 4.3-1.7 4.6-3 .3-2 .3-4.8.3-4.8zm-3.2 5.4h-2V9c0-1-.4-1.5-1.3-1.5s-1.4.6-1.4 1.8v2.6h-2V9.3c0-1.2-.5-1.8-1.4-1.8s-1.3.5-1.3 1.5v4.7h-2V8.9c0-1 .3-1.8.8-2.4s1.2-.9 2.1-.9c1 0 1.8.4 2.3 1.2l.5.8.5-.8c.5-.8 1.3-1.2 2.3-1.2.9 0 1.6.3 2.1.9s.8 1.4.8 2.4z",
        "copy" => "M10.6 13.4a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.5 1.5 1.4 1.4 1.5-1.5a2 2 0 0 1 2.8 2.8l-3 3a2 2 0 0 1-2.8 0zm2.8-2.8a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.5-1.5-1.4-1.4-1.5 1.5a2 2 0 0 1-2.8-2.8l3-3a2 2 0 0 1 2.8 0z",
        "quote" => "M4 6h6v6l-3 6H4.5l2.5-6H4zm10 0h6v6l-3 6h-2.5l2.5-6H14z",
        _ => "M18 2a3 3 0 1 1-2.8 4.1L8.9 9.5a3 3 0 0 1 0 2l6.3 3.4A3 3 0 1 1 15 17l-6.3-3.4a3 3 0 1 1 0-4.2L15 6A3 3 0 0 1 18 2z",
    };
    view! {
        <svg class="ce-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=d fill-rule="evenodd"></path>
        </svg>
    }
}

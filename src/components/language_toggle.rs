//! The language switch (`part="language-toggle"`) and the byline's word on the original.

use std::sync::Arc;

use crate::browser::{browser_language_name, focus_toggle_button_from};
use crate::domain::{text_direction, ui_strings, version_label, Document, Provenance, Reading};
use leptos::prelude::*;

/// One `button` per language version, each named in its own language, with `lang` and
/// `aria-pressed`; absent when the document has a single version. It lives outside the article,
/// so that the button the reader pressed keeps focus while the article is replaced.
#[component]
pub fn LanguageToggle(
    document: Arc<Document>,
    /// The language tag of the shown version.
    shown: Signal<Option<String>>,
    choose: Callback<String>,
    /// The reading mode shown, and the reader's choice of another (`part="parallel-toggle"`).
    reading: Signal<Reading>,
    choose_reading: Callback<Reading>,
) -> impl IntoView {
    (document.versions.len() > 1).then(|| {
        let ui = move || ui_strings(shown.get().as_deref().unwrap_or("en"));
        let buttons = document
            .versions
            .iter()
            .map(|version| {
                let lang = version.lang.clone();
                let is_shown = {
                    let lang = lang.clone();
                    move || shown.get().is_some_and(|s| s.eq_ignore_ascii_case(&lang))
                };
                let langs: Vec<&str> = document.versions.iter().map(|v| v.lang.as_str()).collect();
                let label = version_label(&langs, &lang, browser_language_name);
                let dir = text_direction(&lang).as_str();
                view! {
                    <button
                        type="button"
                        lang=lang.clone()
                        dir=dir
                        aria-pressed=move || if is_shown() { "true" } else { "false" }
                        on:click=move |_| choose.run(lang.clone())
                    >
                        {label}
                    </button>
                }
            })
            .collect_view();
        let parallel = move || reading.get() == Reading::Parallel;
        let toggle = move |_| {
            choose_reading.run(if parallel() {
                Reading::Single
            } else {
                Reading::Parallel
            })
        };
        // The parallel toggle stands beside the language buttons, outside their group: the
        // group holds one button per language (CONTRACTS §3).
        view! {
            <div class="ce-toolbar" part="toolbar" lang=move || ui().lang>
                <div
                    class="ce-language-toggle"
                    part="language-toggle"
                    role="group"
                    lang=move || ui().lang
                    aria-label=move || ui().languages
                >
                    {buttons}
                </div>
                <button
                    type="button"
                    class="ce-parallel-toggle"
                    part="parallel-toggle"
                    aria-pressed=move || if parallel() { "true" } else { "false" }
                    on:click=toggle
                >
                    <span class="ce-parallel-icon" aria-hidden="true"></span>
                    {move || ui().side_by_side}
                </button>
            </div>
        }
    })
}

/// The byline's word on where the shown version comes from: "Original text", or "Translated
/// from Turkish" as a button that shows the original (then " by" the translator, when known).
#[component]
pub fn VersionOrigin(
    provenance: Provenance,
    ui_lang: &'static str,
    /// Shows another version (the original); without it the words are plain text.
    choose: Option<Callback<String>>,
) -> impl IntoView {
    let (plain, link, translator) = match provenance {
        Provenance::Original { text } => (Some(text), None, String::new()),
        Provenance::Translation {
            text,
            original,
            translator,
        } => (None, Some((text, original)), translator),
    };
    let link = link.map(|(text, original)| {
        let on_click = move |ev: leptos::ev::MouseEvent| {
            if let Some(choose) = choose {
                choose.run(original.clone());
                focus_toggle_button_from(&ev, &original);
            }
        };
        view! { <button type="button" class="ce-original-link" on:click=on_click>{text}</button> }
    });
    view! { <span class="ce-origin" lang=ui_lang>{plain}{link}{translator}</span> }
}

//! What the reader sees when a document cannot be shown.

use leptos::prelude::*;

use crate::domain::{Failure, UiStrings};

/// The `error` part: a translated heading, the technical detail, and a pointer to the fallback
/// link (the element's own children, still shown through the slot below it).
#[component]
pub fn ErrorNotice(failure: Failure, ui: &'static UiStrings, has_fallback: bool) -> impl IntoView {
    let kind = if failure.is_invalid() {
        ui.invalid_document
    } else {
        ui.cannot_load
    };
    view! {
        <div class="ce-error" part="error" role="alert" lang=ui.lang>
            <p class="ce-error-title">{ui.cannot_show}</p>
            <p class="ce-error-detail">{kind}": "<span lang="en">{failure.message().to_owned()}</span></p>
            {has_fallback.then(|| view! { <p class="ce-error-fallback">{ui.read_original}</p> })}
        </div>
        <slot></slot>
    }
}

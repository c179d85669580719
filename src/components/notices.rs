//! A commentary's lifetime in the article (issue 15): `part="corrections"` under the byline,
//! `part="withdrawn"` instead of the body, notes and tools, `part="license"` at the end, and
//! the republish copy in the Embed control. The rules (which notice, the words, the dates) are
//! `domain::rights`; these views only show them.

use leptos::prelude::*;

use super::content::{render_inlines, Ctx};
use super::share_bar::CodeField;
use crate::domain::{
    attribution, corrected_label, notices, republish_html, rights_strings, withdrawn_label,
    Document, Notice, UiStrings, Version,
};

/// `part="corrections"`: "Corrected <latest date>", then each correction, newest first.
#[component]
pub fn Corrections(
    document: std::sync::Arc<Document>,
    version: Version,
    ui: &'static UiStrings,
) -> impl IntoView {
    let s = rights_strings(ui.lang);
    notices(&document, &version)
        .into_iter()
        .find_map(|notice| match notice {
            Notice::Corrected { latest, corrections } => Some((latest, corrections)),
            Notice::Withdrawn { .. } => None,
        })
        .map(|(latest, corrections)| {
            let items = corrections
                .into_iter()
                .map(|c| {
                    view! {
                        <li>
                            <time datetime=c.date.to_string() lang=ui.lang>{c.date.format(ui.lang)}</time>
                            ": "
                            {render_inlines(&c.text, Ctx { ui, footnotes: None })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="ce-corrections" part="corrections" role="note" aria-label=s.corrections>
                    <p class="ce-corrected" lang=ui.lang>{corrected_label(latest, ui.lang)}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
}

/// `part="withdrawn"` when the commentary is withdrawn: the date, the shown version's note (else
/// the original's) and a link to the publisher. `None` otherwise.
pub fn withdrawn_notice(
    document: &Document,
    version: &Version,
    ui: &'static UiStrings,
) -> Option<AnyView> {
    let s = rights_strings(ui.lang);
    notices(document, version).into_iter().find_map(|notice| match notice {
        Notice::Withdrawn {
            date,
            note,
            publisher_url,
        } => Some(
            view! {
                <section class="ce-withdrawn" part="withdrawn" role="note" aria-labelledby="ce-withdrawn-heading">
                    <h3 id="ce-withdrawn-heading" lang=ui.lang>{s.withdrawn}</h3>
                    <p lang=ui.lang>{withdrawn_label(date, ui.lang)}</p>
                    {note.map(|n| view! { <p class="ce-withdrawn-note">{n.to_owned()}</p> })}
                    <p><a href=publisher_url.to_owned() lang=ui.lang>{s.publisher_site}</a></p>
                </section>
            }
            .into_any(),
        ),
        Notice::Corrected { .. } => None,
    })
}

/// `part="license"`: the licence's name linked to its deed and the attribution a republisher
/// owes, with the link back to `link`. Nothing for a commentary with no licence (all rights
/// reserved; the Embed control says so) or a withdrawn one.
#[component]
pub fn LicenseLine(
    document: std::sync::Arc<Document>,
    version: Version,
    ui: &'static UiStrings,
    link: String,
) -> impl IntoView {
    let s = rights_strings(ui.lang);
    let license = document
        .license
        .clone()
        .filter(|_| document.withdrawn.is_none())?;
    Some(view! {
        <p class="ce-license" part="license" lang=ui.lang>
            {s.license}
            <a href=license.url rel="license">{license.name}</a>
            ". "
            <span class="ce-attribution">{attribution(&document, &version, ui.lang)}</span>
            " "
            <a class="ce-attribution-link" href=link.clone()>{link.clone()}</a>
        </p>
    })
}

/// In the Embed control: the plain-HTML republish copy where the licence allows it, with a copy
/// control (the text is selected when the clipboard refuses); else a line saying the rights are
/// reserved.
#[component]
pub fn Republish(
    document: std::sync::Arc<Document>,
    version: Version,
    ui: &'static UiStrings,
    link: String,
) -> impl IntoView {
    let s = rights_strings(ui.lang);
    let Some(html) = republish_html(&document, &version, &link, ui.lang) else {
        return view! { <p class="ce-republish-none" data-republish="none">{s.no_republish}</p> }
            .into_any();
    };
    view! {
        <div class="ce-republish" data-republish="html">
            <h3>{s.republish}</h3>
            <p>{s.republish_hint}</p>
            <CodeField ui=ui code=html label=s.republish rows="6" button_class="ce-republish-copy" />
        </div>
    }
    .into_any()
}

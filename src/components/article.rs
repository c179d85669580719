//! One language version of a commentary: title, byline, body and notes.

use leptos::prelude::*;

use super::cite_panel::{CiteTools, OnCopy};
use super::content::{render_blocks, Ctx};
use super::footnotes::Footnotes;
use super::language_toggle::VersionOrigin;
use super::notices::{withdrawn_notice, Corrections, LicenseLine};
use super::share_bar::{QuoteShare, ShareBar};
use crate::browser::page_url;
use crate::domain::{
    backlink_mark, byline, note_id, provenance, ref_id, share_url, text_direction, ui_strings,
    Document, Note, ShareUrl, UiStrings, Version,
};

/// The article of `version` of `document`.
#[component]
pub fn CommentaryArticle(
    document: std::sync::Arc<Document>,
    version: Version,
    /// Tells the page a citation was copied: `(style, text)`.
    on_citation_copy: OnCopy,
    /// Shows another language version (the byline's link to the original).
    #[prop(optional)]
    choose: Option<Callback<String>>,
) -> impl IntoView {
    let ui = ui_strings(&version.lang);
    let by = byline(&document, &version);
    let origin = provenance(&document, &version).map(|p| {
        view! {
            <span class="ce-sep" aria-hidden="true">" · "</span>
            <VersionOrigin provenance=p ui_lang=ui.lang choose=choose />
        }
    });
    let footnotes = Footnotes::new(version.notes.clone());
    let notes = (!version.notes.is_empty())
        .then(|| view! { <NotesList notes=version.notes.clone() ui=ui /> });
    // Issue 15: a withdrawn commentary keeps title and byline; its notice takes the place of the
    // body, the notes and the tools.
    let withdrawn = withdrawn_notice(&document, &version, ui);
    let link = share_url(ShareUrl::Canonical, &document, &version, &page_url());
    let license =
        view! { <LicenseLine document=document.clone() version=version.clone() ui=ui link=link /> };
    let corrections =
        view! { <Corrections document=document.clone() version=version.clone() ui=ui /> };
    let text = withdrawn.is_none().then(|| {
        let tools = view! { <CiteTools document=document.clone() version=version.clone() ui=ui on_copy=on_citation_copy /> };
        let share = view! { <ShareBar document=document.clone() version=version.clone() /> };
        let quote = view! { <QuoteShare document=document.clone() version=version.clone() /> };
        let body = render_blocks(&version.body, Ctx { ui, footnotes: Some(footnotes) });
        (tools, view! { {share} <div class="ce-body" part="body">{body}</div> {quote} {notes} })
    });
    let (tools, text) = text.unzip();
    view! {
        <article class="ce-article" lang=version.lang.clone() dir=text_direction(&version.lang).as_str()>
            <header class="ce-header">
                <h2 class="ce-title" part="title">{version.title.clone()}</h2>
                <p class="ce-byline" part="byline">
                    <span class="ce-authors">{by.authors}</span>
                    <span class="ce-sep" aria-hidden="true">" · "</span>
                    <span class="ce-publisher">{by.publisher}</span>
                    <span class="ce-sep" aria-hidden="true">" · "</span>
                    <time datetime=by.date_iso>{by.date}</time>
                    {by.series.map(|s| view! {
                        <span class="ce-sep" aria-hidden="true">" · "</span>
                        <span class="ce-series">{s}</span>
                    })}
                    {origin}
                </p>
                {corrections}
                {tools}
            </header>
            {withdrawn}
            {text}
            {license}
        </article>
    }
}

/// The notes at the end, each with a back-link to every reference of it (a, b, c … when a note is
/// cited more than once).
#[component]
fn NotesList(notes: Vec<Note>, ui: &'static UiStrings) -> impl IntoView {
    let items = notes
        .into_iter()
        .map(|note| {
            let n = note.number;
            let backlinks = (1..=note.references)
                .map(|occurrence| {
                    let mark = backlink_mark(occurrence, note.references);
                    let which = if note.references == 1 {
                        String::new()
                    } else {
                        mark.clone()
                    };
                    view! {
                        <a class="ce-backlink" href=format!("#{}", ref_id(n, occurrence))
                            aria-label=format!("{} ({} {n}{which})", ui.back_to_text, ui.note)>
                            {mark}
                        </a>
                    }
                })
                .collect_view();
            view! {
                <li id=note_id(n) tabindex="-1">
                    <span class="ce-backlinks">{backlinks}</span>
                    {render_blocks(&note.content, Ctx { ui, footnotes: None })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="ce-notes" part="footnotes" aria-labelledby="ce-notes-heading">
            <h3 id="ce-notes-heading" lang=ui.lang>{ui.notes}</h3>
            <ol>{items}</ol>
        </section>
    }
}

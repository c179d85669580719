//! One language version of a commentary: title, byline, body and notes.

use leptos::prelude::*;

use super::cite_panel::{CiteTools, OnCopy};
use super::content::{render_block, render_blocks, Ctx};
use super::footnotes::Footnotes;
use super::language_toggle::VersionOrigin;
use super::notices::{withdrawn_notice, Corrections, LicenseLine};
use super::share_bar::{QuoteShare, ShareBar};
use crate::browser::{browser_language_name, page_url};
use crate::domain::{
    backlink_mark, byline, note_id, pair_rows, provenance, ref_id, share_url, text_direction,
    ui_strings, version_label, Document, Note, NotesMode, Row, ShareUrl, UiStrings, Version,
};

/// The prefix of the second column's ids side by side.
const SECOND_SCOPE: &str = "c2-";

/// Side by side, at most this many rows stand level (the stylesheet's columns span 2,000 grid
/// lines, two per row); a longer document shows its columns unaligned.
const MAX_LEVEL_ROWS: usize = 998;

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
    /// Side by side: the second column's version, and the reader's choice of another.
    #[prop(optional_no_strip)]
    second: Option<(Version, Callback<String>)>,
    #[prop(optional)] notes_mode: NotesMode,
) -> impl IntoView {
    let ui = ui_strings(&version.lang);
    let parallel = second.is_some();
    let by = byline(&document, &version);
    let origin = provenance(&document, &version).map(|p| {
        view! {
            <span class="ce-sep" aria-hidden="true">" · "</span>
            <VersionOrigin provenance=p ui_lang=ui.lang choose=choose />
        }
    });
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
        let text = match second {
            Some((second, choose_second)) => view! {
                <ParallelView document=document.clone() left=version.clone() right=second
                    choose_second=choose_second notes_mode=notes_mode />
            }
            .into_any(),
            None => single_body(&version, ui, notes_mode),
        };
        (tools, view! { {share} {text} {quote} })
    });
    let (tools, text) = text.unzip();
    view! {
        <article
            class="ce-article"
            class:ce-article-wide=parallel
            data-notes=notes_mode.as_str()
            lang=version.lang.clone()
            dir=text_direction(&version.lang).as_str()
        >
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
fn NotesList(
    notes: Vec<Note>,
    ui: &'static UiStrings,
    /// Prefixes the ids (the second column's side by side).
    #[prop(optional)]
    scope: &'static str,
) -> impl IntoView {
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
                        <a class="ce-backlink" href=format!("#{scope}{}", ref_id(n, occurrence))
                            aria-label=format!("{} ({} {n}{which})", ui.back_to_text, ui.note)>
                            {mark}
                        </a>
                    }
                })
                .collect_view();
            view! {
                <li id=format!("{scope}{}", note_id(n)) tabindex="-1">
                    <span class="ce-backlinks">{backlinks}</span>
                    {render_blocks(&note.content, Ctx { ui, footnotes: None })}
                </li>
            }
        })
        .collect_view();
    let heading = format!("{scope}ce-notes-heading");
    let labelledby = heading.clone();
    view! {
        <section class="ce-notes" part="footnotes" aria-labelledby=labelledby>
            <h3 id=heading lang=ui.lang>{ui.notes}</h3>
            <ol>{items}</ol>
        </section>
    }
}

/// `version`'s notes list, its ids prefixed with `scope`; none when it has no notes.
fn notes_list(
    version: &Version,
    ui: &'static UiStrings,
    scope: &'static str,
) -> Option<impl IntoView> {
    (!version.notes.is_empty())
        .then(|| view! { <NotesList notes=version.notes.clone() ui=ui scope=scope /> })
}

/// One version's body and its notes.
fn single_body(version: &Version, ui: &'static UiStrings, notes_mode: NotesMode) -> AnyView {
    let footnotes = Footnotes::new(version, "", notes_mode);
    let body = render_blocks(
        &version.body,
        Ctx {
            ui,
            footnotes: Some(footnotes),
        },
    );
    view! {
        <div class="ce-body" part="body">{body}</div>
        {notes_list(version, ui, "")}
    }
    .into_any()
}

/// Two versions side by side (`part="parallel"`): two columns (`part="column"`), each with its
/// version's `lang` and `dir`, whose passages stand in the rows of [`pair_rows`].
///
/// The columns are grids sharing the rows of the parallel grid (CSS subgrid): the k-th child of
/// each column stands in row k, so counterparts start level on a wide widget. Each row gives each
/// column two children, the passage (or an empty gap) and an `.ce-alt` spacer, in opposite order
/// in the two columns. The spacers show only on a narrow widget, where both columns share one
/// grid column: the passages then alternate, each followed by its counterpart.
#[component]
fn ParallelView(
    document: std::sync::Arc<Document>,
    left: Version,
    right: Version,
    choose_second: Callback<String>,
    notes_mode: NotesMode,
) -> impl IntoView {
    let (left_ui, right_ui) = (ui_strings(&left.lang), ui_strings(&right.lang));
    let left_notes = Footnotes::new(&left, "", notes_mode);
    let right_notes = Footnotes::new(&right, SECOND_SCOPE, notes_mode);
    let langs: Vec<&str> = document.versions.iter().map(|v| v.lang.as_str()).collect();
    let name = |lang: &str| version_label(&langs, lang, browser_language_name);
    let (left_name, right_name) = (name(&left.lang), name(&right.lang));
    let rows = pair_rows(&left, &right);
    let long = rows.len() > MAX_LEVEL_ROWS;

    let passage = |version: &Version, index: usize, group: Option<u32>, ctx: Ctx| {
        version.body.get(index).map(|block| {
            view! {
                <div class="ce-passage" data-passage=group.map(|g| g.to_string())>
                    {render_block(block, ctx)}
                </div>
            }
        })
    };
    let gap = || view! { <div class="ce-gap" aria-hidden="true"></div> };
    let alt = || view! { <span class="ce-alt" aria-hidden="true"></span> };
    let (lctx, rctx) = (
        Ctx {
            ui: left_ui,
            footnotes: Some(left_notes),
        },
        Ctx {
            ui: right_ui,
            footnotes: Some(right_notes),
        },
    );
    let mut left_cells = Vec::with_capacity(rows.len());
    let mut right_cells = Vec::with_capacity(rows.len());
    for row in &rows {
        let (l, r, group) = match *row {
            Row::Pair {
                left,
                right,
                passage,
            } => (Some(left), Some(right), Some(passage)),
            Row::Level { left, right } => (Some(left), Some(right), None),
            Row::Left(left) => (Some(left), None, None),
            Row::Right(right) => (None, Some(right), None),
        };
        let l = l
            .and_then(|i| passage(&left, i, group, lctx))
            .map(IntoAny::into_any);
        let r = r
            .and_then(|i| passage(&right, i, group, rctx))
            .map(IntoAny::into_any);
        left_cells.push(view! { {l.unwrap_or_else(|| gap().into_any())} {alt()} });
        right_cells.push(view! { {alt()} {r.unwrap_or_else(|| gap().into_any())} });
    }
    let notes = |version: &Version, ui, scope| {
        view! { <div class="ce-column-notes">{notes_list(version, ui, scope)}</div> }
    };
    let left_list = notes(&left, left_ui, "");
    let right_list = notes(&right, right_ui, SECOND_SCOPE);

    // The second column's head: its language, or the choice of it among three or more.
    let others: Vec<(String, String)> = document
        .versions
        .iter()
        .filter(|v| !v.lang.eq_ignore_ascii_case(&left.lang))
        .map(|v| (v.lang.clone(), name(&v.lang)))
        .collect();
    let right_lang = right.lang.clone();
    let right_head = if others.len() > 1 {
        let options = others
            .into_iter()
            .map(|(lang, label)| {
                let selected = lang.eq_ignore_ascii_case(&right_lang);
                view! { <option value=lang.clone() lang=lang selected=selected>{label}</option> }
            })
            .collect_view();
        let on_change = move |ev: leptos::ev::Event| choose_second.run(event_target_value(&ev));
        view! {
            <label class="ce-column-choice" lang=left_ui.lang>
                <span>{left_ui.compare_with}</span>
                <select on:change=on_change>{options}</select>
            </label>
        }
        .into_any()
    } else {
        view! { <span class="ce-column-name">{right_name.clone()}</span> }.into_any()
    };
    let label = format!("{} {left_name}, {right_name}", left_ui.parallel_view);
    let left_label = left_name.clone();

    view! {
        <div class="ce-parallel" class:ce-parallel-long=long part="parallel" role="group"
            aria-label=label lang=left_ui.lang>
            <div class="ce-column ce-body" part="column" role="region" aria-label=left_label
                lang=left.lang.clone() dir=text_direction(&left.lang).as_str()>
                <div class="ce-column-head"><span class="ce-column-name">{left_name}</span></div>
                {alt()}
                {left_cells}
                {left_list}
                {alt()}
            </div>
            <div class="ce-column ce-body ce-column-second" part="column" role="region"
                aria-label=right_name lang=right.lang.clone() dir=text_direction(&right.lang).as_str()>
                {alt()}
                <div class="ce-column-head">{right_head}</div>
                {right_cells}
                {alt()}
                {right_list}
            </div>
        </div>
    }
}

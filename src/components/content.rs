//! Blocks and inlines of a commentary as DOM, without `innerHTML`: every piece of text is a text
//! node, so nothing in a document can become markup.

use leptos::prelude::*;

use crate::domain::{safe_href, Block, Inline, UiStrings};

/// Renders blocks. Document headings move one level down (`##` becomes `<h3>`): the commentary's
/// title is the `<h2>` of the embed, below the partner page's own `<h1>`.
pub fn render_blocks(blocks: &[Block], ui: &'static UiStrings) -> AnyView {
    blocks
        .iter()
        .map(|b| render_block(b, ui))
        .collect_view()
        .into_any()
}

fn render_block(block: &Block, ui: &'static UiStrings) -> AnyView {
    match block {
        Block::Paragraph(c) => view! { <p>{render_inlines(c, ui)}</p> }.into_any(),
        Block::Heading { level, content } => {
            let inner = render_inlines(content, ui);
            match level.saturating_add(1) {
                0..=2 => view! { <h3>{inner}</h3> }.into_any(),
                3 => view! { <h3>{inner}</h3> }.into_any(),
                4 => view! { <h4>{inner}</h4> }.into_any(),
                5 => view! { <h5>{inner}</h5> }.into_any(),
                _ => view! { <h6>{inner}</h6> }.into_any(),
            }
        }
        Block::Quote(inner) => {
            view! { <blockquote>{render_blocks(inner, ui)}</blockquote> }.into_any()
        }
        Block::List {
            ordered: true,
            start,
            items,
        } => {
            let start = start.filter(|s| *s != 1).map(|s| s.to_string());
            view! { <ol start=start>{render_items(items, ui)}</ol> }.into_any()
        }
        Block::List {
            ordered: false,
            items,
            ..
        } => view! { <ul>{render_items(items, ui)}</ul> }.into_any(),
        Block::Code(text) => view! { <pre><code>{text.clone()}</code></pre> }.into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
    }
}

fn render_items(items: &[Vec<Block>], ui: &'static UiStrings) -> AnyView {
    items
        .iter()
        .map(|item| view! { <li>{render_blocks(item, ui)}</li> })
        .collect_view()
        .into_any()
}

/// Renders inlines. A link whose target fails [`safe_href`] is shown as its text.
pub fn render_inlines(inlines: &[Inline], ui: &'static UiStrings) -> AnyView {
    inlines
        .iter()
        .map(|i| render_inline(i, ui))
        .collect_view()
        .into_any()
}

fn render_inline(inline: &Inline, ui: &'static UiStrings) -> AnyView {
    match inline {
        Inline::Text(t) => t.clone().into_any(),
        Inline::Emphasis(c) => view! { <em>{render_inlines(c, ui)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{render_inlines(c, ui)}</strong> }.into_any(),
        Inline::Code(t) => view! { <code>{t.clone()}</code> }.into_any(),
        Inline::Link { href, content } => match safe_href(href) {
            Some(href) => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{render_inlines(content, ui)}</a>
            }
            .into_any(),
            None => render_inlines(content, ui),
        },
        Inline::NoteRef { note, occurrence } => view! {
            <sup class="ce-ref">
                <a
                    part="footnote-ref"
                    id=ref_id(*note, *occurrence)
                    href=format!("#{}", note_id(*note))
                    data-note=note.to_string()
                    aria-label=format!("{} {note}", ui.note)
                >
                    {note.to_string()}
                </a>
            </sup>
        }
        .into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
    }
}

/// The id of a footnote reference (unique inside one shadow root).
pub fn ref_id(note: u32, occurrence: u32) -> String {
    format!("ce-ref-{note}-{occurrence}")
}

/// The id of a note in the notes list.
pub fn note_id(note: u32) -> String {
    format!("ce-note-{note}")
}

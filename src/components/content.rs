//! Blocks and inlines of a commentary as DOM, without `innerHTML`: every piece of text is a text
//! node, so nothing in a document can become markup.

use leptos::prelude::*;

use super::footnotes::{FootnoteRef, Footnotes};
use crate::domain::{safe_href, url_parts, Block, Inline, UiStrings};

/// What rendering needs besides the content.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub ui: &'static UiStrings,
    /// The footnote state of the shown version; `None` inside notes (which hold no references).
    pub footnotes: Option<Footnotes>,
}

/// Renders blocks. Document headings move one level down (`##` becomes `<h3>`): the commentary's
/// title is the `<h2>` of the embed, below the partner page's own `<h1>`.
pub fn render_blocks(blocks: &[Block], ctx: Ctx) -> AnyView {
    blocks
        .iter()
        .map(|b| render_block(b, ctx))
        .collect_view()
        .into_any()
}

/// Renders one block.
pub fn render_block(block: &Block, ctx: Ctx) -> AnyView {
    match block {
        Block::Paragraph(c) => view! { <p>{render_inlines(c, ctx)}</p> }.into_any(),
        Block::Heading { level, content } => {
            let inner = render_inlines(content, ctx);
            match level.saturating_add(1) {
                0..=3 => view! { <h3>{inner}</h3> }.into_any(),
                4 => view! { <h4>{inner}</h4> }.into_any(),
                5 => view! { <h5>{inner}</h5> }.into_any(),
                _ => view! { <h6>{inner}</h6> }.into_any(),
            }
        }
        Block::Quote(inner) => {
            view! { <blockquote>{render_blocks(inner, ctx)}</blockquote> }.into_any()
        }
        Block::List {
            ordered: true,
            start,
            items,
        } => {
            let start = start.filter(|s| *s != 1).map(|s| s.to_string());
            view! { <ol start=start>{render_items(items, ctx)}</ol> }.into_any()
        }
        Block::List {
            ordered: false,
            items,
            ..
        } => view! { <ul>{render_items(items, ctx)}</ul> }.into_any(),
        Block::Code(text) => view! { <pre><code>{text.clone()}</code></pre> }.into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
    }
}

fn render_items(items: &[Vec<Block>], ctx: Ctx) -> AnyView {
    items
        .iter()
        .map(|item| view! { <li>{render_blocks(item, ctx)}</li> })
        .collect_view()
        .into_any()
}

/// Renders inlines. A link whose target fails [`safe_href`] is shown as its text.
pub fn render_inlines(inlines: &[Inline], ctx: Ctx) -> AnyView {
    inlines
        .iter()
        .map(|i| render_inline(i, ctx))
        .collect_view()
        .into_any()
}

fn render_inline(inline: &Inline, ctx: Ctx) -> AnyView {
    match inline {
        Inline::Text(t) => t.clone().into_any(),
        Inline::Emphasis(c) => view! { <em>{render_inlines(c, ctx)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{render_inlines(c, ctx)}</strong> }.into_any(),
        Inline::Code(t) => view! { <code>{t.clone()}</code> }.into_any(),
        Inline::Lang { lang, content } => view! { <span lang=lang.clone()>{render_inlines(content, ctx)}</span> }.into_any(),
        Inline::Link { href, content } => match safe_href(href) {
            Some(href) => {
                // A bare URL shows its host in bold and may wrap anywhere after it.
                let bare = matches!(content.as_slice(), [Inline::Text(t)] if *t == href);
                let text = match url_parts(&href).filter(|_| bare) {
                    Some((scheme, host, rest)) => view! {
                        <span class="ce-url-scheme">{scheme.to_owned()}</span>
                        <span class="ce-url-host">{host.to_owned()}</span>
                        <span class="ce-url-rest">{rest.to_owned()}</span>
                    }
                    .into_any(),
                    None => render_inlines(content, ctx),
                };
                view! {
                    <a href=href class:ce-url=bare target="_blank" rel="noopener noreferrer">{text}</a>
                }
                .into_any()
            }
            None => render_inlines(content, ctx),
        },
        Inline::NoteRef { note, occurrence } => match ctx.footnotes {
            Some(footnotes) => {
                view! { <FootnoteRef note=*note occurrence=*occurrence footnotes=footnotes ui=ctx.ui /> }.into_any()
            }
            None => view! { <sup class="ce-ref">{note.to_string()}</sup> }.into_any(),
        },
        Inline::LineBreak => view! { <br /> }.into_any(),
    }
}

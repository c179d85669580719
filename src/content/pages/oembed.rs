//! The oEmbed response beside every article page.

use serde_json::json;

use super::PageOptions;
use crate::domain::{Document, Version};

/// The oEmbed response (`type: rich`) of `version`: its `html` is the framed embed code (a
/// blockquote linking the article page, then the frame of the embed page; see
/// [`embed_frame_snippet`](crate::content::embed_page::embed_frame_snippet)), which a CMS that keeps only
/// `<blockquote>` and `<iframe>` from an untrusted provider (WordPress) accepts unchanged. The
/// script form stays the article page's embed code ([`embed_snippet`]).
pub fn oembed(document: &Document, version: &Version, options: &PageOptions) -> String {
    let authors: Vec<String> = document.authors.iter().map(|a| a.display_name()).collect();
    let mut value = json!({
        "version": "1.0",
        "type": "rich",
        "title": version.title,
        "author_name": authors.join(", "),
        "provider_name": document.publisher.name,
        "provider_url": document.publisher.url,
        "html": crate::content::embed_page::embed_frame_snippet(document, version, options),
        "width": crate::domain::FRAME_WIDTH,
        "height": crate::domain::FRAME_HEIGHT,
    });
    // Link cards (issue 15) fill this in through the hook `embed_page::link_card`.
    if let Some((url, width, height)) =
        crate::content::embed_page::link_card(document, version, options)
    {
        value["thumbnail_url"] = json!(url);
        value["thumbnail_width"] = json!(width);
        value["thumbnail_height"] = json!(height);
    }
    value.to_string()
}

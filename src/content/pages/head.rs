//! The article page's `<head>`: what link previews, search engines and reference managers read.

use serde_json::json;

use super::body::description;
use super::{canonical, PageOptions};
use crate::domain::{escape_attr, escape_text, script_json, Document, Version};

/// The `og:locale` form of a language tag: `en-GB` → `en_GB`; a bare language gets the territory
/// its readers most likely share (`en` → `en_US`, `tr` → `tr_TR`, `ru` → `ru_RU`, `az` →
/// `az_AZ`), any other stays the bare language.
pub fn og_locale(tag: &str) -> String {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    if let Some(region) = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
    {
        return format!("{language}_{}", region.to_ascii_uppercase());
    }
    match language.as_str() {
        "en" => "en_US".into(),
        "tr" => "tr_TR".into(),
        "ru" => "ru_RU".into(),
        "az" => "az_AZ".into(),
        _ => language,
    }
}

/// A `<meta>` line; `kind` is `name` or `property`.
fn meta(out: &mut String, kind: &str, key: &str, content: &str) {
    out.push_str(&format!(
        "<meta {kind}=\"{}\" content=\"{}\">\n",
        escape_attr(key),
        escape_attr(content)
    ));
}

/// The `<head>` of the article page of `version`, after the charset and viewport: title,
/// description, rights, canonical and `hreflang` alternates, Open Graph and Twitter cards (with
/// the link card), Highwire tags, JSON-LD and the widget's script.
pub(super) fn head_tags(document: &Document, version: &Version, options: &PageOptions) -> String {
    let description = description(version);
    let canonical = canonical(document, version, options);
    let date = version.date(document);
    let publisher = &document.publisher;
    let site = publisher.short_name.as_deref().unwrap_or(&publisher.name);

    let mut head = String::new();
    head.push_str(&format!(
        "<title>{} | {}</title>\n",
        escape_text(&version.title),
        escape_text(site)
    ));
    meta(&mut head, "name", "description", &description);
    // Rights (issue 15): licence link, noindex when withdrawn.
    head.push_str(&crate::content::page_rights::head(document, version));
    if let Some(url) = &canonical {
        head.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            escape_attr(url)
        ));
    }
    for other in &document.versions {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
            escape_attr(&other.lang),
            escape_attr(&options.page_url(&document.id, &other.lang))
        ));
    }
    if let Some(original) = document.original() {
        head.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
            escape_attr(&options.page_url(&document.id, &original.lang))
        ));
    }
    head.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}oembed.json\" title=\"{}\">\n",
        escape_attr(&options.page_url(&document.id, &version.lang)),
        escape_attr(&version.title)
    ));
    // Open Graph and Twitter cards.
    meta(&mut head, "property", "og:type", "article");
    meta(&mut head, "property", "og:title", &version.title);
    meta(&mut head, "property", "og:description", &description);
    meta(&mut head, "property", "og:site_name", &publisher.name);
    if let Some(url) = &canonical {
        meta(&mut head, "property", "og:url", url);
    }
    meta(
        &mut head,
        "property",
        "og:locale",
        &og_locale(&version.lang),
    );
    for other in document.versions.iter().filter(|v| v.lang != version.lang) {
        meta(
            &mut head,
            "property",
            "og:locale:alternate",
            &og_locale(&other.lang),
        );
    }
    meta(
        &mut head,
        "property",
        "article:published_time",
        &date.to_string(),
    );
    for author in &document.authors {
        meta(
            &mut head,
            "property",
            "article:author",
            &author.display_name(),
        );
    }
    // The link card (issue 15): og:image and a large Twitter card.
    head.push_str(&crate::content::card::card_meta(document, version, options));
    meta(&mut head, "name", "twitter:title", &version.title);
    meta(&mut head, "name", "twitter:description", &description);
    // Highwire Press tags: what Google Scholar and Zotero read.
    meta(&mut head, "name", "citation_title", &version.title);
    for author in &document.authors {
        let name = if author.given.is_empty() {
            author.family.clone()
        } else {
            format!("{}, {}", author.family, author.given)
        };
        meta(&mut head, "name", "citation_author", &name);
    }
    meta(
        &mut head,
        "name",
        "citation_publication_date",
        &date.to_string().replace('-', "/"),
    );
    meta(&mut head, "name", "citation_publisher", &publisher.name);
    meta(
        &mut head,
        "name",
        "citation_technical_report_institution",
        &publisher.name,
    );
    if let Some(number) = &document.number {
        meta(
            &mut head,
            "name",
            "citation_technical_report_number",
            number,
        );
    }
    meta(&mut head, "name", "citation_language", &version.lang);
    if let Some(url) = &canonical {
        meta(&mut head, "name", "citation_fulltext_html_url", url);
    }
    // JSON-LD.
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": version.title,
        "name": version.title,
        "inLanguage": version.lang,
        "datePublished": date.to_string(),
        "description": description,
        "author": document.authors.iter().map(|a| json!({
            "@type": "Person",
            "name": a.display_name(),
            "givenName": a.given,
            "familyName": a.family,
        })).collect::<Vec<_>>(),
        "publisher": {
            "@type": "Organization",
            "name": publisher.name,
            "url": publisher.url,
        },
    });
    if let Some(url) = &canonical {
        ld["url"] = json!(url);
    }
    crate::content::page_rights::json_ld(&mut ld, document, version);
    if let Some(translator) = &version.translator {
        ld["translator"] = json!({ "@type": "Person", "name": translator });
    }
    if let (Some(series), Some(number)) = (&document.series, &document.number) {
        ld["isPartOf"] =
            json!({ "@type": "PublicationIssue", "name": series, "issueNumber": number });
    }
    head.push_str(&format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        script_json(&ld.to_string())
    ));
    head.push_str(&format!(
        "<script type=\"module\" src=\"{}\"></script>\n",
        escape_attr(&options.script_url())
    ));

    head
}

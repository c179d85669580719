//! The rights keys of the source (contract §6): `license` and `[withdrawn]` in
//! `commentary.toml`, `withdrawn_note` and `[[corrections]]` in a version's front matter.

use toml::de::DeValue;

use super::fields::Fields;
use super::markdown::compile_body;
use super::report::Report;
use crate::domain::{
    suggest_license, Block, Correction, Date, License, Withdrawn, CREATIVE_COMMONS,
};

const LICENSE_SHAPE: &str =
    "a Creative Commons SPDX id like \"CC-BY-4.0\", or a table like { name = \"…\", url = \"https://…\" }";

/// `license = "CC-BY-ND-4.0"` or `license = { name = "…", url = "https://…" }`.
pub(crate) fn license(fields: &mut Fields<'_, '_>, report: &mut Report) -> Option<License> {
    let (key, value) = fields.get("license")?;
    let at = fields.offset(key);
    match value.get_ref() {
        DeValue::String(id) => {
            let id = id.trim();
            if let Some(l) = License::creative_commons(id) {
                return Some(l);
            }
            let hint = match suggest_license(id) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "name one of {}, or give {{ name = \"…\", url = \"https://…\" }}",
                    CREATIVE_COMMONS
                        .iter()
                        .map(|(id, _, _)| *id)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            report.error(
                Some(at),
                format!("`license` is `{id}`, which is not a Creative Commons licence id: {hint}"),
            );
            None
        }
        DeValue::Table(table) => {
            let mut inner = fields.nested(table, at, " in `license`");
            let name = inner.string(report, "name", Some("the licence's name"));
            let url = inner.http_url(
                report,
                "url",
                Some("where the licence is written, like \"https://example.org/licence\""),
            );
            inner.finish(report);
            Some(License {
                id: None,
                name: name?.0,
                url: url?,
            })
        }
        other => {
            fields.wrong_type(report, key, other, LICENSE_SHAPE);
            None
        }
    }
}

/// The `[withdrawn]` table, with its `date`.
pub(crate) fn withdrawn(fields: &mut Fields<'_, '_>, report: &mut Report) -> Option<Withdrawn> {
    let (key, value) = fields.get("withdrawn")?;
    let DeValue::Table(table) = value.get_ref() else {
        fields.wrong_type(
            report,
            key,
            value.get_ref(),
            "a table `[withdrawn]` with a `date`",
        );
        return None;
    };
    let at = fields.offset(key);
    let mut inner = fields.nested(table, at, " in [withdrawn]");
    let date = inner.date(
        report,
        "date",
        Some("the date the publisher withdrew the commentary, like 2026-08-01"),
    );
    inner.finish(report);
    Some(Withdrawn { date: date? })
}

/// What the front matter of a version needs to know of `commentary.toml`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RightsContext {
    /// Whether `commentary.toml` has `[withdrawn]` (`None` when it could not be read: then no
    /// error is made of a `withdrawn_note`).
    pub(crate) withdrawn: Option<bool>,
    /// The original's date, which a version without its own `published` has.
    pub(crate) original_date: Option<Date>,
}

/// The rights keys of one version's front matter.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct VersionRights {
    pub(crate) corrections: Vec<Correction>,
    pub(crate) withdrawn_note: Option<String>,
}

/// `withdrawn_note` and `[[corrections]]` of a front matter; `published` is the version's own
/// date when it has one.
pub(crate) fn version_rights(
    fields: &mut Fields<'_, '_>,
    report: &mut Report,
    context: RightsContext,
    published: Option<Date>,
) -> VersionRights {
    let mut rights = VersionRights::default();
    if let Some((note, at)) = fields.string(report, "withdrawn_note", None) {
        if context.withdrawn == Some(false) {
            report.error(
                Some(at),
                "`withdrawn_note` without `[withdrawn]` in commentary.toml: add `[withdrawn]` with its `date` there, or remove the note",
            );
        }
        rights.withdrawn_note = Some(note);
    }
    let version_date = published.or(context.original_date);
    let Some((key, value)) = fields.get("corrections") else {
        return rights;
    };
    let shape = "an array of tables `[[corrections]]`, each with `date` and `text`";
    let Some(items) = value.get_ref().as_array() else {
        fields.wrong_type(report, key, value.get_ref(), shape);
        return rights;
    };
    for (n, at, mut inner) in fields.tables(
        items,
        "correction",
        "a table with `date` and `text`",
        report,
    ) {
        let date = inner.date(
            report,
            "date",
            Some("the date of the correction, like 2026-07-01"),
        );
        let text = match inner.get("text") {
            None => {
                inner.missing(report, "text", "what was corrected, in inline Markdown");
                None
            }
            Some((k, v)) => match v.get_ref().as_str().map(str::trim) {
                None => {
                    inner.wrong_type(report, k, v.get_ref(), "a string");
                    None
                }
                Some("") => {
                    report.error(
                        Some(inner.offset(k)),
                        format!("`text` in correction {n} is empty"),
                    );
                    None
                }
                Some(s) => inline_markdown(s, inner.value_offset(v), n, report),
            },
        };
        inner.finish(report);
        if let (Some(date), Some(version_date)) = (date, version_date) {
            if date < version_date {
                report.error(
                    Some(at),
                    format!(
                        "correction {n} is dated {date}, before the version it corrects ({version_date})"
                    ),
                );
                continue;
            }
        }
        if let (Some(date), Some(text)) = (date, text) {
            rights.corrections.push(Correction { date, text });
        }
    }
    rights
}

/// A correction's text: one paragraph of inline Markdown, no footnotes.
fn inline_markdown(
    text: &str,
    offset: usize,
    n: usize,
    report: &mut Report,
) -> Option<Vec<crate::domain::Inline>> {
    let errors_before = report.has_errors();
    let body = compile_body(text, offset, report);
    if report.has_errors() && !errors_before {
        return None;
    }
    match (body.blocks.as_slice(), body.notes.is_empty()) {
        ([Block::Paragraph(inlines)], true) => Some(inlines.clone()),
        _ => {
            report.error(
                Some(offset),
                format!("`text` in correction {n} must be one paragraph of inline Markdown (emphasis, links, code), without footnotes, headings or lists"),
            );
            None
        }
    }
}

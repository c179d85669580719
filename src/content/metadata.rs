//! `commentary.toml`: the facts of a commentary that do not depend on language.

use toml::de::{DeTable, DeValue};

use super::fields::Fields;
use super::report::Report;
use super::rights;
use crate::domain::{
    check_house_template, Date, License, Person, Publisher, TemplateError, Withdrawn,
};

/// What `commentary.toml` says, each part `None` (or empty) where it was missing or wrong; the
/// errors are in the [`Report`].
#[derive(Debug, Default)]
pub(crate) struct Metadata {
    pub(crate) series: Option<String>,
    pub(crate) number: Option<String>,
    /// The tag and the offset of its key, for the "names no language file" error.
    pub(crate) original_language: Option<(String, usize)>,
    pub(crate) published: Option<Date>,
    pub(crate) authors: Vec<Person>,
    pub(crate) publisher: Option<Publisher>,
    /// `[citation] house`: the publisher's house-style template, when given and valid.
    pub(crate) house_template: Option<String>,
    /// `license`, when given and valid.
    pub(crate) license: Option<License>,
    /// `[withdrawn]`, when given and valid.
    pub(crate) withdrawn: Option<Withdrawn>,
    /// Whether the file was read and parsed (so that its `[withdrawn]` is known).
    pub(crate) parsed: bool,
}

impl Metadata {
    /// Reads the text of `commentary.toml`, reporting every problem into `report`.
    pub(crate) fn parse(text: &str, report: &mut Report) -> Metadata {
        let table = match DeTable::parse(text) {
            Ok(table) => table,
            Err(e) => {
                report.error(
                    e.span().map(|s| s.start),
                    format!("invalid toml: {}", e.message()),
                );
                return Metadata::default();
            }
        };
        let mut fields = Fields::new(table.get_ref(), 0, None, "");
        // In the order of the messages about missing keys.
        let series = fields.string(report, "series", None).map(|(s, _)| s);
        let number = fields.string(report, "number", None).map(|(s, _)| s);
        let original_language = fields.string(
            report,
            "original_language",
            Some("the tag of the original's language file, like \"tr\""),
        );
        let published = fields.date(
            report,
            "published",
            Some("the date the original appeared, like 2026-06-17"),
        );
        let authors = authors(&mut fields, report);
        let (publisher, publisher_license) = publisher(&mut fields, report);
        let metadata = Metadata {
            series,
            number,
            original_language,
            published,
            authors,
            publisher,
            house_template: house_template(&mut fields, report),
            license: rights::license(&mut fields, report).or(publisher_license),
            withdrawn: rights::withdrawn(&mut fields, report),
            parsed: true,
        };
        fields.finish(report);
        metadata
    }
}

const AUTHOR_SHAPE: &str = "a table like { given = \"…\", family = \"…\" }";

/// `authors = [ { given = "…", family = "…" }, … ]` (or `[[authors]]` tables).
fn authors(fields: &mut Fields<'_, '_>, report: &mut Report) -> Vec<Person> {
    let Some((key, value)) = fields.get("authors") else {
        fields.missing(
            report,
            "authors",
            "one or more { given = \"…\", family = \"…\" }",
        );
        return Vec::new();
    };
    let Some(items) = value.get_ref().as_array() else {
        fields.wrong_type(
            report,
            key,
            value.get_ref(),
            &format!("an array of authors, each {AUTHOR_SHAPE}"),
        );
        return Vec::new();
    };
    if items.is_empty() {
        report.error(
            Some(fields.offset(key)),
            "`authors` is empty: name at least one author",
        );
        return Vec::new();
    }
    let mut people = Vec::new();
    for (_, _, mut author) in fields.tables(items, "author", AUTHOR_SHAPE, report) {
        let given = author.get("given");
        let given = match given {
            None => {
                author.missing(report, "given", "the given name, \"\" if there is none");
                None
            }
            Some((k, v)) => match v.get_ref().as_str() {
                Some(s) => Some(s.trim().to_owned()),
                None => {
                    author.wrong_type(report, k, v.get_ref(), "a string");
                    None
                }
            },
        };
        let family = author.string(report, "family", Some("the family name"));
        author.finish(report);
        if let (Some(given), Some((family, _))) = (given, family) {
            people.push(Person { given, family });
        }
    }
    people
}

/// The optional `[citation]` table: `house`, the publisher's own citation line as a template
/// (placeholders in docs/citations.md), checked here so that a mistake names its line.
fn house_template(fields: &mut Fields<'_, '_>, report: &mut Report) -> Option<String> {
    let (key, value) = fields.get("citation")?;
    let DeValue::Table(table) = value.get_ref() else {
        fields.wrong_type(report, key, value.get_ref(), "a table");
        return None;
    };
    let at = fields.offset(key);
    let mut fields = fields.nested(table, at, " in [citation]");
    let house = fields.string(report, "house", None);
    fields.finish(report);
    let (template, at) = house?;
    match check_house_template(&template) {
        Ok(()) => Some(template),
        Err(TemplateError(message)) => {
            report.error(Some(at), format!("`house` in [citation]: {message}"));
            None
        }
    }
}

/// The `[publisher]` table.
///
/// A `license` key inside it (written below the `[publisher]` header, where TOML puts it in that
/// table) is read as the commentary's licence, with a warning: the intent is plain.
fn publisher(
    fields: &mut Fields<'_, '_>,
    report: &mut Report,
) -> (Option<Publisher>, Option<License>) {
    let Some((key, value)) = fields.get("publisher") else {
        report.error(
            None,
            "missing table `[publisher]` (with the publisher's name and url)",
        );
        return (None, None);
    };
    let DeValue::Table(table) = value.get_ref() else {
        fields.wrong_type(report, key, value.get_ref(), "a table");
        return (None, None);
    };
    let at = fields.offset(key);
    let mut fields = fields.nested(table, at, " in [publisher]");
    let name = fields.string(report, "name", Some("the publisher's name"));
    let short_name = fields.string(report, "short_name", None);
    let url = fields.http_url(
        report,
        "url",
        Some("the publisher's web site, like \"https://example.org\""),
    );
    let place = fields.string(report, "place", None);
    let license = fields.get("license").map(|(k, _)| fields.offset(k));
    let license = license.and_then(|at| {
        report.warning(
            Some(at),
            "`license` in [publisher] is read as the commentary's licence: move it above [publisher] (a key below a table header belongs to that table)",
        );
        rights::license(&mut fields, report)
    });
    fields.finish(report);
    let publisher = (|| {
        Some(Publisher {
            name: name?.0,
            short_name: short_name.map(|s| s.0),
            url: url?,
            place: place.map(|s| s.0),
        })
    })();
    (publisher, license)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const GOOD: &str = r#"series = "Commentary"
number = "2026/36"
original_language = "tr"
published = 2026-06-17
authors = [ { given = "İlaha", family = "Khantamirova" }, { given = "", family = "AVİM" } ]

[publisher]
name = "Center for Eurasian Studies"
short_name = "AVİM"
url = "https://avim.org.tr"
"#;

    fn parse(text: &str) -> (Metadata, Vec<String>) {
        let mut report = Report::new(Path::new("c.toml"), text);
        let m = Metadata::parse(text, &mut report);
        (
            m,
            report
                .into_diagnostics()
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
    }

    #[test]
    fn reads_every_key() {
        let (m, out) = parse(GOOD);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(m.series.as_deref(), Some("Commentary"));
        assert_eq!(m.number.as_deref(), Some("2026/36"));
        assert_eq!(m.original_language, Some(("tr".into(), 41)));
        assert_eq!(m.published, Date::new(2026, 6, 17));
        assert_eq!(m.authors.len(), 2);
        assert_eq!(m.authors[1].display_name(), "AVİM");
        let p = m.publisher.expect("publisher");
        assert_eq!(
            (
                p.name.as_str(),
                p.short_name.as_deref(),
                p.url.as_str(),
                p.place
            ),
            (
                "Center for Eurasian Studies",
                Some("AVİM"),
                "https://avim.org.tr",
                None
            )
        );
    }

    #[test]
    fn array_of_tables_authors_work_too() {
        let text = GOOD.replace("authors = [ { given = \"İlaha\", family = \"Khantamirova\" }, { given = \"\", family = \"AVİM\" } ]\n", "")
            + "\n[[authors]]\ngiven = \"A\"\nfamily = \"B\"\n";
        let (m, out) = parse(&text);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(
            m.authors,
            [Person {
                given: "A".into(),
                family: "B".into()
            }]
        );
    }

    #[test]
    fn reports_every_author_problem_at_its_line() {
        let text = "original_language = \"tr\"\npublished = 2026-06-17\nauthors = [\n  { given = \"A\" },\n  \"B\",\n  { given = 1, family = \" \", middle = \"x\" },\n]\n[publisher]\nname = \"P\"\nurl = \"https://p.org\"\n";
        let (_, out) = parse(text);
        assert_eq!(
            out,
            [
                "c.toml:4: missing key `family` in author 1 (the family name)",
                "c.toml:5: author 2 must be a table like { given = \"…\", family = \"…\" }, not a string",
                "c.toml:6: `given` in author 3 must be a string, not an integer",
                "c.toml:6: `family` in author 3 is empty",
                "c.toml:6: warning: unknown key `middle` in author 3 (ignored)",
            ]
        );
    }

    #[test]
    fn reports_publisher_problems_at_its_header() {
        let text = "original_language = \"tr\"\npublished = 2026-06-17\nauthors = [{ given = \"A\", family = \"B\" }]\n\n[publisher]\nshort_name = \"\"\nurl = \"ftp://p.org\"\n";
        let (m, out) = parse(text);
        assert!(m.publisher.is_none());
        assert_eq!(
            out,
            [
                "c.toml:5: missing key `name` in [publisher] (the publisher's name)",
                "c.toml:6: `short_name` in [publisher] is empty (leave the key out instead)",
                "c.toml:7: `url` in [publisher] must be an http or https URL, not `ftp://p.org`",
            ]
        );
    }

    #[test]
    fn reports_missing_top_level_keys_without_a_line() {
        let (_, out) = parse("");
        assert_eq!(
            out,
            [
                "c.toml: missing key `original_language` (the tag of the original's language file, like \"tr\")",
                "c.toml: missing key `published` (the date the original appeared, like 2026-06-17)",
                "c.toml: missing key `authors` (one or more { given = \"…\", family = \"…\" })",
                "c.toml: missing table `[publisher]` (with the publisher's name and url)",
            ]
        );
    }

    #[test]
    fn reports_ill_typed_keys_at_their_line() {
        let (_, out) = parse("original_language = \"tr\"\npublished = \"2026-06-17\"\nauthors = \"me\"\npublisher = 3\n");
        assert_eq!(
            out,
            [
                "c.toml:2: `published` must be a date like 2026-06-17 (unquoted), not a string",
                "c.toml:3: `authors` must be an array of authors, each a table like { given = \"…\", family = \"…\" }, not a string",
                "c.toml:4: `publisher` must be a table, not an integer",
            ]
        );
    }

    #[test]
    fn reports_a_syntax_error_at_its_line() {
        let (_, out) = parse("series = \"x\"\nnumber = 2026/36\n");
        assert_eq!(
            out,
            ["c.toml:2: invalid toml: string values must be quoted, expected literal string"]
        );
    }
}

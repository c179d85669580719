//! The machine-readable exports (BibLaTeX, RIS, CSL-JSON), COinS for Zotero, and the
//! publisher's house style, written from the document itself.

use super::citation::{push_run, CiteRun, DateForm};
use super::{primary_subtag, Date, Document, Person, Version};

/// What is cited: one version of a document, and the original when that version translates it.
#[derive(Clone, Copy, Debug)]
pub struct CiteWork<'a> {
    pub document: &'a Document,
    pub version: &'a Version,
    /// The original version, when `version` is a translation.
    pub original: Option<&'a Version>,
}

impl<'a> CiteWork<'a> {
    /// `version` of `document`; a translation when its language is not the original's.
    pub fn new(document: &'a Document, version: &'a Version) -> CiteWork<'a> {
        let original = document
            .original()
            .filter(|o| !o.lang.eq_ignore_ascii_case(&version.lang));
        CiteWork {
            document,
            version,
            original,
        }
    }

    fn date(&self) -> Date {
        self.version.date(self.document)
    }

    fn publisher(&self) -> String {
        let p = &self.document.publisher;
        match p.short_name.as_deref().filter(|s| !s.is_empty()) {
            Some(short) => format!("{} ({short})", p.name),
            None => p.name.clone(),
        }
    }

    /// The translator of the cited version, read as "Given Family".
    pub fn translator(&self) -> Option<Person> {
        self.version
            .translator
            .as_deref()
            .map(Person::from_display_name)
            .filter(|p| !p.family.is_empty())
    }

    fn url(&self) -> Option<&str> {
        self.version.url.as_deref()
    }

    /// A citation key: first author's family name, year, first long word of the title, in ASCII.
    pub fn key(&self) -> String {
        let family = self
            .document
            .authors
            .first()
            .map(|a| a.family.as_str())
            .unwrap_or("anon");
        let word = self
            .version
            .title
            .split_whitespace()
            .map(ascii_fold)
            .find(|w| w.len() > 3)
            .unwrap_or_default();
        format!("{}{}{}", ascii_fold(family), self.date().year(), word)
    }
}

/// Lower-case ASCII letters and digits of `s`, with the Turkic, Cyrillic-free Latin letters folded
/// (`İ` → `i`, `ş` → `s`, `ü` → `u` …); other characters dropped.
fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let folded = match c {
                'İ' | 'I' | 'ı' | 'i' | 'î' | 'ï' | 'í' | 'ì' => 'i',
                'Ş' | 'ş' | 'ș' => 's',
                'Ğ' | 'ğ' => 'g',
                'Ç' | 'ç' => 'c',
                'Ö' | 'ö' | 'ó' | 'ò' | 'ô' => 'o',
                'Ü' | 'ü' | 'ú' | 'ù' | 'û' => 'u',
                'Ə' | 'ə' | 'Ä' | 'ä' | 'á' | 'à' | 'â' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                c => c.to_ascii_lowercase(),
            };
            folded.is_ascii_alphanumeric().then_some(folded)
        })
        .collect()
}

/// The English name of a language, as BibLaTeX's `langid` and `origlanguage` take it.
fn biblatex_language(tag: &str) -> String {
    match primary_subtag(tag).as_str() {
        "en" => "english".into(),
        "tr" => "turkish".into(),
        "ru" => "russian".into(),
        "az" => "azerbaijani".into(),
        "de" => "german".into(),
        "fr" => "french".into(),
        "uk" => "ukrainian".into(),
        "kk" => "kazakh".into(),
        other => other.to_owned(),
    }
}

/// Escapes BibTeX's special characters; UTF-8 stays as it is (`biber` and BibLaTeX read it).
fn bib(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn bib_names(people: &[Person]) -> String {
    people
        .iter()
        .map(|p| {
            if p.given.is_empty() {
                format!("{{{}}}", bib(&p.family))
            } else {
                format!("{}, {}", bib(&p.family), bib(&p.given))
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A BibLaTeX `@report` entry, readable by BibTeX (`year`, `address`, `institution` beside the
/// BibLaTeX fields). UTF-8; the access date is open.
pub fn bibtex(work: CiteWork<'_>) -> Vec<CiteRun> {
    let d = work.document;
    let date = work.date();
    let mut fields: Vec<(&str, String)> = vec![
        ("author", bib_names(&d.authors)),
        ("title", format!("{{{}}}", bib(&work.version.title))),
        ("date", date.to_string()),
        ("year", date.year().to_string()),
    ];
    if let Some(series) = &d.series {
        fields.push(("type", bib(series)));
    }
    if let Some(number) = &d.number {
        fields.push(("number", bib(number)));
    }
    fields.push(("institution", bib(&work.publisher())));
    if let Some(place) = d.publisher.place.as_deref() {
        fields.push(("location", bib(place)));
        fields.push(("address", bib(place)));
    }
    fields.push(("langid", biblatex_language(&work.version.lang)));
    if let Some(translator) = work.translator() {
        fields.push(("translator", bib_names(&[translator])));
    }
    if let Some(original) = work.original {
        fields.push(("origlanguage", biblatex_language(&original.lang)));
        fields.push(("origtitle", format!("{{{}}}", bib(&original.title))));
        fields.push(("origdate", d.published.to_string()));
    }
    let mut runs = vec![CiteRun::Text(format!("@report{{{},\n", work.key()))];
    for (name, value) in fields {
        push_run(
            &mut runs,
            CiteRun::Text(format!("  {name:<12} = {{{value}}},\n")),
        );
    }
    if let Some(url) = work.url() {
        push_run(
            &mut runs,
            CiteRun::Text(format!(
                "  {:<12} = {{{}}},\n  {:<12} = {{",
                "url",
                bib_url(url),
                "urldate"
            )),
        );
        runs.push(CiteRun::Accessed(DateForm::Iso));
        push_run(&mut runs, CiteRun::Text("},\n".into()));
    }
    push_run(&mut runs, CiteRun::Text("}\n".into()));
    runs
}

/// URLs go into `url` fields verbatim but for the characters that would end the field.
fn bib_url(url: &str) -> String {
    url.replace('{', "%7B").replace('}', "%7D")
}

/// An RIS record (`TY  - RPRT`); the access date (`Y2`) is open.
pub fn ris(work: CiteWork<'_>) -> Vec<CiteRun> {
    let d = work.document;
    let date = work.date();
    let line =
        |tag: &str, value: &str| format!("{tag}  - {}\r\n", value.replace(['\r', '\n'], " "));
    let mut text = line("TY", "RPRT");
    for a in &d.authors {
        let name = if a.given.is_empty() {
            a.family.clone()
        } else {
            format!("{}, {}", a.family, a.given)
        };
        text += &line("AU", &name);
    }
    if let Some(t) = work.translator() {
        text += &line(
            "A4",
            &if t.given.is_empty() {
                t.family
            } else {
                format!("{}, {}", t.family, t.given)
            },
        );
    }
    text += &line("TI", &work.version.title);
    if let Some(series) = &d.series {
        text += &line("T3", series);
        text += &line("M3", series);
    }
    if let Some(number) = &d.number {
        text += &line("SN", number);
    }
    text += &line("PY", &date.year().to_string());
    text += &line("DA", &DateForm::Slashes.format(date));
    text += &line("PB", &work.publisher());
    if let Some(place) = d.publisher.place.as_deref() {
        text += &line("CY", place);
    }
    text += &line("LA", &work.version.lang);
    if let Some(original) = work.original {
        text += &line("OP", &original.title);
    }
    let mut runs = vec![CiteRun::Text(text)];
    if let Some(url) = work.url() {
        push_run(&mut runs, CiteRun::Text(line("UR", url) + "Y2  - "));
        runs.push(CiteRun::Accessed(DateForm::Slashes));
        push_run(&mut runs, CiteRun::Text("\r\n".into()));
    }
    push_run(&mut runs, CiteRun::Text("ER  - \r\n".into()));
    runs
}

/// A JSON string literal.
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_date(d: Date) -> String {
    format!(
        "{{ \"date-parts\": [[{}, {}, {}]] }}",
        d.year(),
        d.month(),
        d.day()
    )
}

fn json_names(people: &[Person]) -> String {
    let names: Vec<String> = people
        .iter()
        .map(|p| {
            if p.given.is_empty() {
                format!("{{ \"literal\": {} }}", json(&p.family))
            } else {
                format!(
                    "{{ \"family\": {}, \"given\": {} }}",
                    json(&p.family),
                    json(&p.given)
                )
            }
        })
        .collect();
    format!("[{}]", names.join(", "))
}

/// A CSL-JSON array of one item (`type: report`); the access date is open.
pub fn csl_json(work: CiteWork<'_>) -> Vec<CiteRun> {
    let d = work.document;
    let mut fields: Vec<(&str, String)> = vec![
        ("id", json(&format!("{}-{}", d.id, work.version.lang))),
        ("type", json("report")),
        ("title", json(&work.version.title)),
        ("author", json_names(&d.authors)),
        ("issued", json_date(work.date())),
    ];
    if let Some(series) = &d.series {
        fields.push(("genre", json(series)));
    }
    if let Some(number) = &d.number {
        fields.push(("number", json(number)));
    }
    fields.push(("publisher", json(&work.publisher())));
    if let Some(place) = d.publisher.place.as_deref() {
        fields.push(("publisher-place", json(place)));
    }
    fields.push(("language", json(&work.version.lang)));
    if let Some(translator) = work.translator() {
        fields.push(("translator", json_names(&[translator])));
    }
    if let Some(original) = work.original {
        fields.push(("original-title", json(&original.title)));
        fields.push(("original-date", json_date(d.published)));
    }
    if let Some(url) = work.url() {
        fields.push(("URL", json(url)));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("    {}: {v}", json(k)))
        .collect();
    let mut runs = vec![CiteRun::Text(format!("[\n  {{\n{}", body.join(",\n")))];
    if work.url().is_some() {
        push_run(
            &mut runs,
            CiteRun::Text(",\n    \"accessed\": { \"date-parts\": [[".into()),
        );
        runs.push(CiteRun::Accessed(DateForm::Parts));
        push_run(&mut runs, CiteRun::Text("]] }".into()));
    }
    push_run(&mut runs, CiteRun::Text("\n  }\n]\n".into()));
    runs
}

/// The `title` of a COinS span (OpenURL 1.0 KEV, book format with genre `report`): what Zotero
/// reads from a page it cannot see into.
pub fn coins(work: CiteWork<'_>) -> String {
    let d = work.document;
    let mut pairs: Vec<(&str, String)> = vec![
        ("ctx_ver", "Z39.88-2004".into()),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book".into()),
        ("rfr_id", "info:sid/commentary-embed".into()),
        ("rft.genre", "report".into()),
        ("rft.btitle", work.version.title.clone()),
    ];
    if let Some(first) = d.authors.first() {
        pairs.push(("rft.aulast", first.family.clone()));
        if !first.given.is_empty() {
            pairs.push(("rft.aufirst", first.given.clone()));
        }
    }
    for a in &d.authors {
        pairs.push(("rft.au", a.display_name()));
    }
    pairs.push(("rft.date", work.date().to_string()));
    pairs.push(("rft.pub", work.publisher()));
    if let Some(place) = d.publisher.place.as_deref() {
        pairs.push(("rft.place", place.to_owned()));
    }
    if let Some(series) = &d.series {
        pairs.push(("rft.series", series.clone()));
    }
    pairs.push(("rft.language", work.version.lang.clone()));
    if let Some(url) = work.url() {
        pairs.push(("rft_id", url.to_owned()));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", super::encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Why a house-style template cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError(pub String);

/// The placeholders of a house-style template, each with what it stands for.
pub const HOUSE_PLACEHOLDERS: &[(&str, &str)] = &[
    ("family", "the first author's family name"),
    ("given", "the first author's given name"),
    (
        "authors",
        "every author: \"Family, Given\" for the first, \"Given Family\" for the others, \", and\" before the last",
    ),
    ("title", "the title of the cited version"),
    ("year", "the year of the cited version"),
    ("month_day", "its month and day in English: June 26"),
    ("date", "its full date in English: June 26, 2026"),
    ("publisher", "the publisher's name"),
    ("short_name", "the publisher's short name"),
    ("place", "the publisher's place"),
    ("series", "the series"),
    ("number", "the number"),
    ("url", "the cited version's URL"),
    ("accessed", "the reader's access date: November 25, 2026"),
];

/// The house style when `commentary.toml` names none.
pub const DEFAULT_HOUSE_TEMPLATE: &str =
    "{authors}. {year}. \u{201c}{title}.\u{201d} {publisher}[, {series}][ No. {number}]. {date}.[ {url}]";

/// Renders a house-style template: `{placeholder}` or `{placeholder|upper}` (upper-cased by the
/// rules of the cited version's language, Turkish names keeping their İ; see [`upper_case`]) or
/// `{placeholder|upper:tr}` (by the rules of a language). A part in `[brackets]` is printed only
/// when every placeholder in it has a value: `[ <{url}>]` vanishes for a version with no URL.
///
/// [`upper_case`]: super::upper_case
///
/// # Errors
/// An unknown placeholder or filter, or an unclosed `{`.
pub fn house(template: &str, work: CiteWork<'_>) -> Result<Vec<CiteRun>, TemplateError> {
    let mut runs = Vec::new();
    for (optional, part) in template_groups(template)? {
        let mut group = Vec::new();
        let mut complete = true;
        scan_template(part, |piece| match piece {
            Piece::Text(text) => push_run(&mut group, CiteRun::Text(text.to_owned())),
            Piece::Accessed => group.push(CiteRun::Accessed(DateForm::MonthDayYear)),
            Piece::Value { name, upper } => {
                let value = house_value(name, work).unwrap_or_default();
                complete &= !value.is_empty();
                let value = match upper {
                    None => value,
                    Some(None) => super::casing::upper_case(&value, &work.version.lang),
                    Some(Some(lang)) => super::casing::upper_case(&value, lang),
                };
                push_run(&mut group, CiteRun::Text(value));
            }
        })?;
        if complete || !optional {
            for run in group {
                push_run(&mut runs, run);
            }
        }
    }
    Ok(runs)
}

/// Splits a template into its plain parts and its `[optional]` groups.
fn template_groups(template: &str) -> Result<Vec<(bool, &str)>, TemplateError> {
    let mut groups = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            return Err(TemplateError(format!(
                "`[` at `{}` is never closed",
                &rest[open..]
            )));
        };
        groups.push((false, &rest[..open]));
        groups.push((true, &rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if rest.contains(']') {
        return Err(TemplateError("`]` closes no `[`".into()));
    }
    groups.push((false, rest));
    Ok(groups)
}

/// Checks a house-style template without a document: what the CLI runs on `commentary.toml`.
///
/// # Errors
/// As [`house`].
pub fn check_house_template(template: &str) -> Result<(), TemplateError> {
    for (_, part) in template_groups(template)? {
        scan_template(part, |_| {})?;
    }
    Ok(())
}

/// A piece of a house-style template.
enum Piece<'t> {
    Text(&'t str),
    Accessed,
    /// A placeholder; `upper` is `Some(None)` for `|upper`, `Some(Some(lang))` for `|upper:lang`.
    Value {
        name: &'t str,
        upper: Option<Option<&'t str>>,
    },
}

fn scan_template<'t>(
    template: &'t str,
    mut each: impl FnMut(Piece<'t>),
) -> Result<(), TemplateError> {
    let known = || {
        HOUSE_PLACEHOLDERS
            .iter()
            .map(|p| p.0)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        each(Piece::Text(&rest[..open]));
        let Some(close) = rest[open..].find('}') else {
            return Err(TemplateError(format!(
                "`{{` at `{}` is never closed",
                &rest[open..]
            )));
        };
        let spec = &rest[open + 1..open + close];
        let (name, filter) = match spec.split_once('|') {
            Some((n, f)) => (n.trim(), Some(f.trim())),
            None => (spec.trim(), None),
        };
        if !HOUSE_PLACEHOLDERS.iter().any(|p| p.0 == name) {
            return Err(TemplateError(format!(
                "unknown placeholder `{{{name}}}` (known: {})",
                known()
            )));
        }
        let upper = match filter {
            None => None,
            Some("upper") => Some(None),
            Some(f) => match f.strip_prefix("upper:").map(str::trim) {
                Some(lang) if super::is_language_tag(lang) => Some(Some(lang)),
                _ => {
                    return Err(TemplateError(format!(
                        "unknown filter `{f}` (known: upper, upper:<language tag>)"
                    )))
                }
            },
        };
        each(if name == "accessed" {
            Piece::Accessed
        } else {
            Piece::Value { name, upper }
        });
        rest = &rest[open + close + 1..];
    }
    each(Piece::Text(rest));
    Ok(())
}

fn house_value(name: &str, work: CiteWork<'_>) -> Option<String> {
    let d = work.document;
    let first = d.authors.first();
    let date = work.date();
    let month = |date: Date| DateForm::MonthDayYear.format(date);
    Some(match name {
        "family" => first.map(|a| a.family.clone()).unwrap_or_default(),
        "given" => first.map(|a| a.given.clone()).unwrap_or_default(),
        "authors" => {
            let names: Vec<String> = d
                .authors
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    if i == 0 && !a.given.is_empty() {
                        format!("{}, {}", a.family, a.given)
                    } else {
                        a.display_name()
                    }
                })
                .collect();
            match names.split_last() {
                Some((last, init)) if !init.is_empty() => {
                    format!("{}, and {last}", init.join(", "))
                }
                _ => names.join(""),
            }
        }
        "title" => work.version.title.clone(),
        "year" => date.year().to_string(),
        "month_day" => month(date)
            .rsplit_once(',')
            .map(|(md, _)| md.to_owned())
            .unwrap_or_default(),
        "date" => month(date),
        "publisher" => d.publisher.name.clone(),
        "short_name" => d.publisher.short_name.clone().unwrap_or_default(),
        "place" => d.publisher.place.clone().unwrap_or_default(),
        "series" => d.series.clone().unwrap_or_default(),
        "number" => d.number.clone().unwrap_or_default(),
        "url" => work.url().unwrap_or_default().to_owned(),
        _ => return None, // `accessed` is the reader's, filled in by the widget
    })
}

//! Every version formatted in every citation style, at build time.
//!
//! The formatted styles (APA 7, MLA 9, Chicago 17 notes-bibliography and author-date, Harvard)
//! come from hayagriva, a CSL processor, with the official styles and locales it ships. The
//! reader's access date is unknown here: the entry is formatted with a sentinel date, which is
//! then found in the output and replaced by [`CiteRun::Accessed`] in the form the style wrote it.
//! The exports and the house style come from `domain` (`bibtex`, `ris`, `csl_json`, `house`).

use hayagriva::archive::{locales, ArchivedStyle};
use std::sync::OnceLock;

use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, CitePurpose, ElemChild,
    ElemChildren, Entry, Library,
};
use serde_json::json;

use crate::domain::{
    bibtex, csl_json, house, push_run, ris, Citation, CitationStyle, CiteRun, CiteWork, Date,
    DateForm, Document, Person, DEFAULT_HOUSE_TEMPLATE,
};

/// The access date given to the processor, found again in its output. No commentary is
/// accessed on it, and each of its parts is unmistakable.
const SENTINEL: (u16, u8, u8) = (2099, 12, 31);

/// The CSL styles, with the locale each is written in.
const CSL_STYLES: [(CitationStyle, ArchivedStyle, &str); 5] = [
    (
        CitationStyle::Apa7,
        ArchivedStyle::AmericanPsychologicalAssociation,
        "en-US",
    ),
    (
        CitationStyle::Mla9,
        ArchivedStyle::ModernLanguageAssociation,
        "en-US",
    ),
    // The Chicago 17th edition styles (hayagriva's "Chicago" ones are the 18th).
    (
        CitationStyle::ChicagoNotes,
        ArchivedStyle::TurabianFullnote8,
        "en-US",
    ),
    (
        CitationStyle::ChicagoAuthorDate,
        ArchivedStyle::TurabianAuthorDate,
        "en-US",
    ),
    // Cite Them Right, the usual Harvard, is British.
    (
        CitationStyle::Harvard,
        ArchivedStyle::HarvardCiteThemRight,
        "en-GB",
    ),
];

/// Formats every version of `document` in every style and stores the result in the versions.
///
/// # Errors
/// A message when the processor cannot format an entry (a bug: the entries are built here).
pub fn add_citations(document: &mut Document, house_template: Option<&str>) -> Result<(), String> {
    let csl = csl()?;
    let mut all = Vec::with_capacity(document.versions.len());
    for version in &document.versions {
        let work = CiteWork::new(document, version);
        let mut citations = Vec::new();
        let template = house_template.unwrap_or(DEFAULT_HOUSE_TEMPLATE);
        let house_runs = house(template, work).map_err(|e| e.0)?;
        citations.push(citation(CitationStyle::House, house_runs));
        let entry = entry_of(work, version.date(document))?;
        // Issue 15: APA dates a work by its last update; MLA adds "updated <date>" after the
        // date of publication. The other styles cite a corrected work as it first appeared.
        let apa_entry = match version.corrected() {
            Some(latest) => entry_of(work, latest)?,
            None => entry.clone(),
        };
        for (style, independent, locale) in &csl.styles {
            let used = if *style == CitationStyle::Apa7 {
                &apa_entry
            } else {
                &entry
            };
            let mut runs = format_csl(used, independent, locale, &csl.locales)?;
            if let (CitationStyle::Mla9, Some(latest)) = (*style, version.corrected()) {
                runs = mla_updated(runs, version.date(document), latest);
            }
            citations.push(citation(*style, runs));
        }
        citations.push(citation(CitationStyle::Bibtex, bibtex(work)));
        citations.push(citation(CitationStyle::Ris, ris(work)));
        citations.push(citation(CitationStyle::CslJson, csl_json(work)));
        all.push(citations);
    }
    for (version, citations) in document.versions.iter_mut().zip(all) {
        version.citations = citations;
    }
    Ok(())
}

fn citation(style: CitationStyle, runs: Vec<CiteRun>) -> Citation {
    Citation {
        style: style.id().to_owned(),
        runs,
    }
}

fn ymd(date: Date) -> String {
    date.to_string()
}

/// MLA 9's form for a corrected work: ", updated 2 June 2026" after the date of publication,
/// in the form the style wrote that date.
fn mla_updated(runs: Vec<CiteRun>, published: Date, latest: Date) -> Vec<CiteRun> {
    let mut done = false;
    runs.into_iter()
        .map(|run| match run {
            CiteRun::Text(text) if !done => {
                let found = DateForm::ALL
                    .iter()
                    .find_map(|f| text.find(&f.format(published)).map(|at| (at, *f)));
                match found {
                    Some((at, form)) => {
                        done = true;
                        let end = at + form.format(published).len();
                        CiteRun::Text(format!(
                            "{}, updated {}{}",
                            &text[..end],
                            form.format(latest),
                            &text[end..]
                        ))
                    }
                    None => CiteRun::Text(text),
                }
            }
            other => other,
        })
        .collect()
}

/// The hayagriva entry of a cited version dated `date`: a report in a series, with its
/// translator and, for a translation, the original as an `original` parent (APA's "Original work
/// published", MLA's and Chicago's "Originally published as").
fn entry_of(work: CiteWork<'_>, date: Date) -> Result<Entry, String> {
    let d = work.document;
    let v = work.version;
    let names: Vec<serde_json::Value> = d.authors.iter().map(person).collect();
    let mut publisher = json!({ "name": csl_text(&publisher_name(d)) });
    if let Some(place) = &d.publisher.place {
        publisher["location"] = json!(csl_text(place));
    }
    let mut e = json!({
        "type": "report",
        "title": csl_text(&v.title),
        "author": names,
        "date": ymd(date),
        "publisher": publisher,
        "language": v.lang,
    });
    if let Some(series) = &d.series {
        e["genre"] = json!(csl_text(series));
    }
    if let Some(number) = &d.number {
        e["serial-number"] = json!({ "serial": number });
    }
    if let Some(url) = &v.url {
        let (y, m, day) = SENTINEL;
        e["url"] = json!({ "value": url, "date": format!("{y:04}-{m:02}-{day:02}") });
    }
    if let Some(t) = work.translator() {
        e["affiliated"] = json!([{ "role": "translator", "names": [person(&t)] }]);
    }
    if let Some(original) = work.original {
        // Braces keep the processor's English title-casing off a title in another language.
        let title = format!("{{{}}}", csl_text(&original.title));
        e["parent"] = json!({ "type": "original", "title": title, "date": ymd(d.published), "language": original.lang });
    }
    let library: Library =
        serde_json::from_value(json!({ "cite": e })).map_err(|e| format!("citation entry: {e}"))?;
    let first = library.iter().next().cloned();
    first.ok_or_else(|| "citation entry: empty library".to_owned())
}

/// `text` for a field the processor parses as a formattable string, where `{…}` keeps case, `$…$`
/// is math and `\` escapes: each of those characters escaped, so the text comes out as written
/// (an unmatched `}` in a title made the processor refuse the entry).
fn csl_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '{' | '}' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A person as the processor reads one: `"Family, Given"`, which it parses as a bibliography
/// writes names; or, when a name holds a comma itself (which that form would split into too many
/// parts and refuse), the dictionary form with nothing left to parse.
fn person(p: &Person) -> serde_json::Value {
    if p.family.contains(',') || p.given.contains(',') {
        let mut name = json!({ "name": p.family });
        if !p.given.is_empty() {
            name["given-name"] = json!(p.given);
        }
        name
    } else if p.given.is_empty() {
        json!(p.family)
    } else {
        json!(format!("{}, {}", p.family, p.given))
    }
}

fn publisher_name(d: &Document) -> String {
    match d.publisher.short_name.as_deref() {
        Some(short) => format!("{} ({short})", d.publisher.name),
        None => d.publisher.name.clone(),
    }
}

/// The CSL styles and locales, parsed from hayagriva's archive.
struct Csl {
    styles: Vec<(CitationStyle, IndependentStyle, &'static str)>,
    locales: Vec<Locale>,
}

/// The styles and locales, parsed once per process: parsing them (CBOR, some 60 locales) took
/// most of a commentary's compile time when it was done per commentary. Shared read-only by the
/// build's threads.
fn csl() -> Result<&'static Csl, String> {
    static CSL: OnceLock<Result<Csl, String>> = OnceLock::new();
    CSL.get_or_init(|| {
        let mut styles = Vec::with_capacity(CSL_STYLES.len());
        for (style, archived, locale) in CSL_STYLES {
            let Style::Independent(independent) = archived.get() else {
                return Err(format!("{archived:?} is not an independent style"));
            };
            styles.push((style, independent, locale));
        }
        Ok(Csl {
            styles,
            locales: locales(),
        })
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// The bibliography entry of `entry` in `style`, as runs with the access date left open.
fn format_csl(
    entry: &Entry,
    style: &IndependentStyle,
    locale: &str,
    locales: &[Locale],
) -> Result<Vec<CiteRun>, String> {
    let mut driver = BibliographyDriver::new();
    // Only the bibliography entry is used, but the driver takes it from a citation: one of the
    // year alone is the least it renders (the full in-text form cost as much as the entry).
    driver.citation(CitationRequest::from_items(
        vec![CitationItem::with_entry(entry).kind(CitePurpose::Year)],
        style,
        locales,
    ));
    let rendered = driver.finish(BibliographyRequest {
        style,
        locale: Some(LocaleCode(locale.to_owned())),
        locale_files: locales,
    });
    let items = rendered.bibliography.map(|b| b.items).unwrap_or_default();
    let item = items
        .first()
        .ok_or("the style wrote no bibliography entry")?;
    let mut runs = Vec::new();
    collect(&item.content, false, &mut runs);
    Ok(open_access_date(runs))
}

/// Flattens hayagriva's element tree into text and italic runs.
fn collect(children: &ElemChildren, italic: bool, runs: &mut Vec<CiteRun>) {
    for child in &children.0 {
        match child {
            ElemChild::Text(t) => {
                let italic =
                    italic || t.formatting.font_style == hayagriva::citationberg::FontStyle::Italic;
                let text = t.text.clone();
                push_run(
                    runs,
                    if italic {
                        CiteRun::Italic(text)
                    } else {
                        CiteRun::Text(text)
                    },
                );
            }
            ElemChild::Elem(e) => collect(&e.children, italic, runs),
            ElemChild::Link { text, .. } => push_run(runs, CiteRun::Text(text.text.clone())),
            ElemChild::Markup(m) => push_run(runs, CiteRun::Text(m.clone())),
            ElemChild::Transparent { .. } => {}
        }
    }
}

/// Replaces the sentinel access date, in whichever form the style wrote it, by an open date.
fn open_access_date(runs: Vec<CiteRun>) -> Vec<CiteRun> {
    let (y, m, d) = SENTINEL;
    let Some(sentinel) = Date::new(y, m, d) else {
        return runs;
    };
    let forms: Vec<(String, DateForm)> = DateForm::ALL
        .iter()
        .map(|f| (f.format(sentinel), *f))
        .collect();
    let mut out = Vec::new();
    for run in runs {
        let CiteRun::Text(text) = run else {
            push_run(&mut out, run);
            continue;
        };
        let mut rest = text.as_str();
        while let Some((at, len, form)) = forms
            .iter()
            .filter_map(|(s, f)| rest.find(s.as_str()).map(|at| (at, s.len(), *f)))
            .min_by_key(|(at, ..)| *at)
        {
            push_run(&mut out, CiteRun::Text(rest[..at].to_owned()));
            out.push(CiteRun::Accessed(form));
            rest = &rest[at + len..];
        }
        push_run(&mut out, CiteRun::Text(rest.to_owned()));
    }
    out
}

/// The plain text of runs, with `today` as the access date (for tests and the CLI's own checks).
pub fn plain(citations: &[Citation], style: CitationStyle, today: Date) -> Option<String> {
    citations
        .iter()
        .find(|c| c.style == style.id())
        .map(|c| c.plain(today))
}

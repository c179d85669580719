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
    bibliography_of_one, BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest,
    CitePurpose, ElemChild, ElemChildren, Entry, Library, RenderedBibliography,
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

/// How [`format_csl`] has hayagriva render the bibliography entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Render {
    /// `bibliography_of_one` (the vendored crate's patch): the entry alone, no citation
    /// rendered; the driver where that function cannot be exact.
    Alone,
    /// The driver, as the release has it: a citation of the entry, then the bibliography
    /// (what the tests compare [`Render::Alone`] with).
    #[cfg_attr(not(test), allow(dead_code))]
    Driver,
}

/// The bibliography entry of `entry` in `style`, as runs with the access date left open.
fn format_csl(
    entry: &Entry,
    style: &IndependentStyle,
    locale: &str,
    locales: &[Locale],
) -> Result<Vec<CiteRun>, String> {
    format_csl_by(entry, style, locale, locales, Render::Alone)
}

/// [`format_csl`], rendered `by` the way given (tests compare the two).
fn format_csl_by(
    entry: &Entry,
    style: &IndependentStyle,
    locale: &str,
    locales: &[Locale],
    by: Render,
) -> Result<Vec<CiteRun>, String> {
    let request = || BibliographyRequest {
        style,
        locale: Some(LocaleCode(locale.to_owned())),
        locale_files: locales,
    };
    // The in-text citation the driver renders first was a third of the styles' time, only to
    // be thrown away: none of our styles' bibliographies reads anything from it.
    let alone = match by {
        Render::Alone => bibliography_of_one(entry, request()),
        Render::Driver => None,
    };
    let bibliography = match alone {
        Some(bibliography) => bibliography,
        None => bibliography_by_driver(entry, style, locales, request()),
    };
    let items = bibliography.map(|b| b.items).unwrap_or_default();
    let item = items
        .first()
        .ok_or("the style wrote no bibliography entry")?;
    let mut runs = Vec::new();
    collect(&item.content, false, &mut runs);
    Ok(open_access_date(runs))
}

/// The bibliography of `entry` through hayagriva's driver, which takes it from a citation: one
/// of the year alone is the least it renders (the full in-text form cost as much as the entry).
fn bibliography_by_driver(
    entry: &Entry,
    style: &IndependentStyle,
    locales: &[Locale],
    request: BibliographyRequest<'_>,
) -> Option<RenderedBibliography> {
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::from_items(
        vec![CitationItem::with_entry(entry).kind(CitePurpose::Year)],
        style,
        locales,
    ));
    driver.finish(request).bibliography
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The seed's and every fixture's documents, and variants of the seed that reach the other
    /// branches of the entry: names with commas and without given names, no place, short name,
    /// series or number, a title with the processor's special characters, dated other days.
    fn documents() -> Vec<Document> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        for folder in ["content", "tests/fixtures/content"] {
            let mut ids: Vec<_> = std::fs::read_dir(root.join(folder))
                .expect("content folder")
                .filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .collect();
            ids.sort_by_key(std::fs::DirEntry::file_name);
            for entry in ids {
                let id = entry.file_name().to_string_lossy().into_owned();
                let compiled = super::super::compile_commentary(&entry.path(), &id);
                all.push(compiled.document.expect("compiles"));
            }
        }
        let mut odd = all[0].clone();
        odd.authors = vec![
            Person {
                given: String::new(),
                family: "Center for Eurasian Studies".into(),
            },
            Person {
                given: "Jr., John".into(),
                family: "Smith".into(),
            },
            Person {
                given: "Ayşe".into(),
                family: "de la Cruz, Öztürk".into(),
            },
        ];
        odd.publisher.place = None;
        odd.publisher.short_name = None;
        odd.series = None;
        odd.number = None;
        odd.published = Date::new(2024, 2, 29).expect("a date");
        for version in &mut odd.versions {
            version.title = format!("{{Braces}} $math$ \\back\\ and an {} title", version.lang);
            version.url = None;
        }
        all.push(odd);
        all
    }

    #[test]
    fn every_style_renders_alone_as_the_driver_renders_it() {
        let csl = csl().expect("styles");
        let mut compared = 0;
        for document in documents() {
            for version in &document.versions {
                let work = CiteWork::new(&document, version);
                let mut dates = vec![version.date(&document)];
                dates.extend(version.corrected());
                dates.push(Date::new(1999, 1, 1).expect("a date"));
                for date in dates {
                    let entry = entry_of(work, date).expect("an entry");
                    for (style, independent, locale) in &csl.styles {
                        let alone =
                            format_csl_by(&entry, independent, locale, &csl.locales, Render::Alone);
                        let driver = format_csl_by(
                            &entry,
                            independent,
                            locale,
                            &csl.locales,
                            Render::Driver,
                        );
                        assert_eq!(alone, driver, "{} {} {style:?}", document.id, version.lang);
                        assert!(alone.is_ok_and(|runs| !runs.is_empty()));
                        compared += 1;
                    }
                }
            }
        }
        // Six documents, 2 or 3 versions each, each at two or three dates, in five styles.
        assert!(compared >= 150, "{compared}");
    }

    #[test]
    fn a_bibliography_that_prints_the_citation_number_is_left_to_the_driver() {
        // IEEE's bibliography prints the citation number, which may come from the citation's
        // rendering: `bibliography_of_one` declines, and `format_csl` uses the driver.
        let Style::Independent(ieee) =
            ArchivedStyle::InstituteOfElectricalAndElectronicsEngineers.get()
        else {
            panic!("IEEE is an independent style");
        };
        let document = &documents()[0];
        let entry = entry_of(
            CiteWork::new(document, &document.versions[0]),
            document.published,
        )
        .expect("an entry");
        let locales = locales();
        let request = BibliographyRequest {
            style: &ieee,
            locale: None,
            locale_files: &locales,
        };
        assert!(bibliography_of_one(&entry, request).is_none());
        let runs = format_csl(&entry, &ieee, "en-US", &locales).expect("formatted");
        let driver = format_csl_by(&entry, &ieee, "en-US", &locales, Render::Driver);
        assert_eq!(Ok(runs), driver);
    }
}

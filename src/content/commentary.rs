//! One commentary folder compiled into a [`Document`].

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml::de::DeTable;

use super::align::{align_versions, Aligning};
use super::citations::add_citations;
use super::fields::Fields;
use super::front_matter::split_front_matter;
use super::markdown::compile_body;
use super::metadata::Metadata;
use super::report::Report;
use super::rights::{version_rights, RightsContext, VersionRights};
use super::script::mark_foreign_script;
use super::Diagnostic;
use crate::domain::{is_language_tag, Document, Version, SCHEMA_VERSION};

/// What compiling one commentary folder gave: the document when there was no error, and every
/// error and warning found.
#[derive(Clone, Debug, PartialEq)]
pub struct Compiled {
    /// `None` when any diagnostic is an error.
    pub document: Option<Document>,
    /// Errors and warnings, file by file (`commentary.toml` first, then the language files by
    /// name), each file's by line.
    pub diagnostics: Vec<Diagnostic>,
}

/// The name of the file holding the language-independent facts.
const METADATA_FILE: &str = "commentary.toml";

/// A lower-case description of an I/O error, without the "(os error 2)" noise.
pub(crate) fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::InvalidData => "not valid UTF-8 text".into(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// Compiles the commentary in folder `dir`, whose id is `id`.
///
/// Reads `commentary.toml` and every `<lang>.md` beside it (other files are ignored), and
/// collects every error and warning of every file rather than stopping at the first. The paths
/// in the diagnostics are `dir` joined with the file name, so they read as the caller wrote
/// `dir`. The document, when there is one, has passed [`Document::problems`]; a problem found
/// there is reported as an internal error, since the checks here should have caught it.
///
/// # Errors
///
/// Not returned but collected in [`Compiled::diagnostics`], every one of them: a missing or
/// unreadable file, TOML syntax, missing, ill-typed or empty keys, a URL that is not `http` or
/// `https`, an `original_language` with no file, a language file not named by a BCP 47 tag,
/// missing front matter, an empty body, footnotes never defined, defined twice or empty. When
/// there is any, [`Compiled::document`] is `None`.
///
/// # Example
/// ```no_run
/// use std::path::Path;
/// let compiled = commentary_embed::content::compile_commentary(Path::new("content/2026-36"), "2026-36");
/// for d in &compiled.diagnostics {
///     eprintln!("{d}");
/// }
/// assert!(compiled.document.is_some());
/// ```
pub fn compile_commentary(dir: &Path, id: &str) -> Compiled {
    let mut diagnostics = Vec::new();

    let metadata_path = dir.join(METADATA_FILE);
    let (mut metadata_report, metadata) = match fs::read_to_string(&metadata_path) {
        Ok(text) => {
            let mut report = Report::new(&metadata_path, &text);
            let metadata = Metadata::parse(&text, &mut report);
            (report, metadata)
        }
        Err(e) => {
            let mut report = Report::new(&metadata_path, "");
            let message = if e.kind() == io::ErrorKind::NotFound {
                "no such file: every commentary folder needs one".to_owned()
            } else {
                format!("cannot read: {}", describe_io(&e))
            };
            report.error(None, message);
            (report, Metadata::default())
        }
    };

    let rights_context = RightsContext {
        withdrawn: metadata.parsed.then_some(metadata.withdrawn.is_some()),
        original_date: metadata.published,
    };
    let mut versions = Vec::new();
    // For each version: the index of its file's report, and where its blocks start.
    let mut block_offsets: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut reports = Vec::new();
    match language_files(dir) {
        Ok(files) => {
            let mut seen: Vec<&str> = Vec::new();
            for (lang, path) in &files {
                let mut report = Report::new(path, "");
                if !is_language_tag(lang) {
                    report.error(None, format!("`{lang}` is not a BCP 47 language tag: name language files like en.md, tr.md or pt-BR.md"));
                } else if let Some(other) = seen.iter().find(|o| o.eq_ignore_ascii_case(lang)) {
                    report.error(
                        None,
                        format!("`{lang}.md` and `{other}.md` are the same language"),
                    );
                } else {
                    seen.push(lang);
                    let (file_report, version) = compile_version(path, lang, rights_context);
                    report = file_report;
                    if let Some((version, offsets)) = version {
                        versions.push(version);
                        block_offsets.push((reports.len(), offsets));
                    }
                }
                reports.push(report);
            }
        }
        Err(e) => diagnostics.push(Diagnostic::error(
            dir,
            format!("cannot read the folder: {}", describe_io(&e)),
        )),
    }

    if let Some((original, at)) = &metadata.original_language {
        if !versions
            .iter()
            .any(|v: &Version| v.lang.eq_ignore_ascii_case(original))
            && !reports.iter().any(|r| {
                r.path()
                    .file_stem()
                    .is_some_and(|s| s.eq_ignore_ascii_case(original.as_str()))
            })
        {
            metadata_report.error(
                Some(*at),
                format!(
                    "`original_language` is `{original}`, but there is no {original}.md beside it"
                ),
            );
        }
    }

    let failed = metadata_report.has_errors()
        || reports.iter().any(Report::has_errors)
        || !diagnostics.is_empty();
    if let (false, Some((original, _))) = (failed, &metadata.original_language) {
        let mut by_index: Vec<Option<&mut Report>> = reports.iter_mut().map(Some).collect();
        let mut aligning: Vec<Aligning<'_>> = versions
            .iter_mut()
            .zip(&block_offsets)
            .filter_map(|(version, (index, offsets))| {
                let report = by_index.get_mut(*index).and_then(Option::take)?;
                Some(Aligning {
                    version,
                    offsets,
                    report,
                })
            })
            .collect();
        align_versions(original, &mut aligning);
    }
    diagnostics.extend(metadata_report.into_diagnostics());
    for report in reports {
        diagnostics.extend(report.into_diagnostics());
    }
    let house_template = metadata.house_template.clone();
    let withdrawn = metadata.withdrawn.is_some();
    let document = if failed {
        None
    } else {
        assemble(id, metadata, versions)
    };
    let document =
        document.and_then(
            |mut doc| match add_citations(&mut doc, house_template.as_deref()) {
                Ok(()) => Some(doc),
                Err(message) => {
                    diagnostics.push(Diagnostic::error(
                        dir,
                        format!("internal error: cannot format citations: {message}"),
                    ));
                    None
                }
            },
        );
    // A withdrawn commentary keeps its title and byline; nobody is served its text.
    let document = document.map(|mut doc| {
        if withdrawn {
            for v in &mut doc.versions {
                v.body.clear();
                v.notes.clear();
                v.citations.clear();
                v.align = None;
            }
        }
        doc
    });
    let document = document.and_then(|doc| {
        let problems = doc.problems();
        for problem in &problems {
            diagnostics.push(Diagnostic::error(dir, format!("internal error: {problem}")));
        }
        problems.is_empty().then_some(doc)
    });
    Compiled {
        document,
        diagnostics,
    }
}

/// The `*.md` files of `dir`, as (stem, path), by name.
fn language_files(dir: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") && path.is_file() {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push((stem, path));
        }
    }
    files.sort();
    Ok(files)
}

/// Compiles one `<lang>.md` into its version and where each of its top-level blocks starts;
/// `None` when the file has errors.
fn compile_version(
    path: &Path,
    lang: &str,
    rights_context: RightsContext,
) -> (Report, Option<(Version, Vec<usize>)>) {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            let mut report = Report::new(path, "");
            report.error(None, format!("cannot read: {}", describe_io(&e)));
            return (report, None);
        }
    };
    let mut report = Report::new(path, &text);
    let fm = match split_front_matter(&text) {
        Ok(fm) => fm,
        Err((offset, message)) => {
            report.error(Some(offset), message);
            return (report, None);
        }
    };
    let mut rights = VersionRights::default();
    let (title, url, published, translator) = match DeTable::parse(fm.toml) {
        Err(e) => {
            report.error(
                Some(fm.toml_offset + e.span().map_or(0, |s| s.start)),
                format!("invalid toml: {}", e.message()),
            );
            (None, None, None, None)
        }
        Ok(table) => {
            // "Missing title" points at the opening `+++` line: the front matter's first line.
            let mut fields = Fields::new(
                table.get_ref(),
                fm.toml_offset,
                Some(fm.toml_offset.saturating_sub(1)),
                " in the front matter",
            );
            let title = fields.string(&mut report, "title", Some("the title of this version"));
            let url = fields.http_url(&mut report, "url", None);
            let published = fields.date(&mut report, "published", None);
            let translator = fields.string(&mut report, "translator", None).map(|t| t.0);
            rights = version_rights(&mut fields, &mut report, rights_context, published);
            fields.finish(&mut report);
            (title.map(|t| t.0), url, published, translator)
        }
    };
    let mut body = compile_body(fm.body, fm.body_offset, &mut report);
    // A version with errors is dropped anyway; and a text that nests too deeply is not walked.
    if !report.has_errors() {
        mark_foreign_script(&mut body.blocks, &mut body.notes, lang);
    }
    if body.blocks.is_empty() {
        report.error(
            Some(fm.close_offset),
            "the body is empty: write the text after the closing `+++` line",
        );
    }
    let version = match title {
        Some(title) if !report.has_errors() => Some((
            Version {
                lang: lang.to_owned(),
                title,
                url,
                published,
                translator,
                body: body.blocks,
                notes: body.notes,
                align: None,
                citations: Vec::new(),
                corrections: rights.corrections,
                withdrawn_note: rights.withdrawn_note,
            },
            body.offsets,
        )),
        _ => None,
    };
    (report, version)
}

/// The document, when every part of it came through; the original version first, then the
/// others by language tag.
fn assemble(id: &str, metadata: Metadata, mut versions: Vec<Version>) -> Option<Document> {
    let (original, _) = metadata.original_language?;
    // Spelled as its file is, so the document names the language one way.
    let original_language = versions
        .iter()
        .find(|v| v.lang.eq_ignore_ascii_case(&original))
        .map_or(original, |v| v.lang.clone());
    versions.sort_by(|a, b| {
        let a_original = a.lang.eq_ignore_ascii_case(&original_language);
        let b_original = b.lang.eq_ignore_ascii_case(&original_language);
        b_original
            .cmp(&a_original)
            .then_with(|| a.lang.cmp(&b.lang))
    });
    Some(Document {
        schema: SCHEMA_VERSION,
        id: id.to_owned(),
        series: metadata.series,
        number: metadata.number,
        original_language,
        published: metadata.published?,
        authors: metadata.authors,
        publisher: metadata.publisher?,
        versions,
        license: metadata.license,
        withdrawn: metadata.withdrawn,
    })
}

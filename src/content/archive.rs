//! The build of a whole archive: every commentary folder compiled on every core, skipped when
//! its stamp says its outputs are up to date ([`incremental`](super::incremental)), or only
//! checked (nothing written).
//!
//! Memory stays flat as the archive grows: a worker compiles one commentary, writes it and drops
//! it; what the build keeps per commentary is its diagnostics, a line of report and its
//! [`Summary`] (the document without texts).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::build::{
    commentary_folders, encode_document, is_commentary_id, write_atomic, write_document,
};
use super::card::write_cards;
use super::commentary::{compile_commentary, describe_io};
use super::feeds::{write_archive, ArchiveEntry, ArchiveError};
use super::incremental::{
    build_fingerprint, last_summary, outputs_of, remove_orphan_temps, remove_stale,
    sources_fingerprint, stamp_dir, take_stamp, up_to_date, write_stamp, Summary,
};
use super::pages::{write_pages, PageOptions};
use super::{BuildReport, Diagnostic, Written};
use crate::domain::Document;

/// How [`build_archive`] runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// The base URLs of the article pages.
    pub pages: PageOptions,
    /// Rebuild every commentary, stamps or not. Default `false`.
    pub force: bool,
    /// Give every article page the watch's reload script (`commentary watch`), which polls
    /// `<out-dir>/.watch.json` and reloads the page when its build number changes. Default
    /// `false`: pages built otherwise carry no reload code.
    pub live_reload: bool,
    /// Worker threads; `0` (default) means one per core.
    pub jobs: usize,
    /// The folder of the build stamps (incremental builds). Default `None`: from the
    /// environment, `$COMMENTARY_CACHE_DIR`, else the user's cache folder
    /// ([`incremental`](super::incremental)).
    pub cache_dir: Option<PathBuf>,
}

/// The file the watch's reload script polls, in `<out-dir>`.
pub const WATCH_STAMP: &str = ".watch.json";
/// The watch's reload script, in `<out-dir>`.
pub const WATCH_SCRIPT: &str = ".watch.js";

/// What one commentary folder came to.
#[derive(Default)]
struct Outcome {
    diagnostics: Vec<Diagnostic>,
    written: Option<Written>,
    summary: Option<Summary>,
    skipped: bool,
}

/// Compiles every commentary of `content_dir`; with an `out_dir`, writes those whose outputs
/// are not up to date (all of them with [`BuildOptions::force`]); without, writes nothing
/// (`commentary check`).
///
/// Diagnostics come commentary by commentary, in the order of their folders' names, whatever
/// the order the threads finished in; a skipped commentary's warnings are those its last build
/// found. An output folder that cannot be created, or a file that cannot be written (a full
/// disk), stops the build with one error: no commentary is written after it, and none is left
/// half-written.
pub fn build_archive(
    content_dir: &Path,
    out_dir: Option<&Path>,
    options: &BuildOptions,
) -> BuildReport {
    let mut report = BuildReport::default();
    let folders = match commentary_folders(content_dir) {
        Ok(folders) => folders,
        Err(e) => {
            report.diagnostics.push(Diagnostic::error(
                content_dir,
                format!("cannot read the content folder: {}", describe_io(&e)),
            ));
            return report;
        }
    };
    report.commentaries = folders.len();
    if folders.is_empty() {
        report.diagnostics.push(Diagnostic::error(
            content_dir,
            "no commentary folder in it (one folder per commentary, named by its id)",
        ));
        return report;
    }
    if let Some(out) = out_dir.filter(|out| out.exists() && !out.is_dir()) {
        report.diagnostics.push(Diagnostic::error(
            out,
            "the output folder is a file: give a folder (it is created if missing)",
        ));
        return report;
    }
    if let Some(out) = out_dir {
        remove_orphan_temps(out);
        if options.live_reload {
            if let Err((path, message)) = write_reload_script(out) {
                report.diagnostics.push(Diagnostic::error(path, message));
                return report;
            }
        }
    }
    let stamps = out_dir.and_then(|out| stamp_dir(out, options.cache_dir.as_deref()));
    let stamps = stamps.as_deref();
    let build = build_fingerprint(&options.pages, options.live_reload);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let outcomes: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::with_capacity(folders.len()));
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
    .min(folders.len())
    .max(1);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, path)) = folders.get(i) else {
                    break;
                };
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let outcome = one(name, path, out_dir, stamps, options, &build, &stop);
                if let Ok(mut all) = outcomes.lock() {
                    all.push((i, outcome));
                }
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|e| e.into_inner());
    outcomes.sort_by_key(|(i, _)| *i);
    for (_, outcome) in outcomes {
        report.diagnostics.extend(outcome.diagnostics);
        report.written.extend(outcome.written);
        report.summaries.extend(outcome.summary);
        report.skipped += usize::from(outcome.skipped);
    }
    // Archive-wide outputs (feeds, sitemap, contract §7): from every commentary whose outputs
    // are in `out_dir` (built now, skipped, or failing now with its last good output still
    // there), unless a write failed; each file only when its text changed, so that a build that
    // changed nothing writes nothing.
    if let (Some(out), false) = (out_dir, stop.load(Ordering::Relaxed)) {
        if !report.summaries.is_empty() {
            let entries: Vec<ArchiveEntry> = report
                .summaries
                .iter()
                .map(ArchiveEntry::from_summary)
                .collect();
            match write_archive(&entries, out, &options.pages) {
                Ok(files) => report.archive = files,
                Err(ArchiveError::NotAbsolute(why)) => report.warnings.push(why),
                Err(ArchiveError::Write(message)) => {
                    report.diagnostics.push(Diagnostic::error(out, message))
                }
            }
        }
    }
    report
}

/// Creates `out` if needed: when the first commentary is written, so a build that writes nothing
/// creates nothing.
fn create_out_dir(out: &Path) -> Result<(), (PathBuf, String)> {
    fs::create_dir_all(out).map_err(|e| {
        (
            out.to_path_buf(),
            format!("cannot create the output folder: {}", describe_io(&e)),
        )
    })
}

/// The watch's reload script in `out`, written once before the threads start (two writing it
/// at once would share a temporary file).
fn write_reload_script(out: &Path) -> Result<(), (PathBuf, String)> {
    create_out_dir(out)?;
    let script = out.join(WATCH_SCRIPT);
    write_if_changed(&script, RELOAD_SCRIPT)
        .map(|_| ())
        .map_err(|e| (script.clone(), format!("cannot write: {}", describe_io(&e))))
}

/// Writes `text` to `path` (atomically) unless the file already holds exactly it; returns
/// whether it wrote. What archive-wide outputs use, so a build with nothing changed writes
/// nothing.
///
/// # Errors
/// The file cannot be written.
pub fn write_if_changed(path: &Path, text: &str) -> std::io::Result<bool> {
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    write_atomic(path, text).map(|()| true)
}

/// Compiles (and writes, with an `out_dir`) one commentary folder, or skips it.
fn one(
    name: &str,
    path: &Path,
    out_dir: Option<&Path>,
    stamps: Option<&Path>,
    options: &BuildOptions,
    build: &str,
    stop: &AtomicBool,
) -> Outcome {
    let mut outcome = Outcome::default();
    if !is_commentary_id(name) {
        outcome.diagnostics.push(Diagnostic::error(path, format!("`{name}` is not a commentary id: name commentary folders with lower-case letters, digits and `-`")));
        return outcome;
    }
    let sources = stamps.and_then(|_| sources_fingerprint(path).ok());
    if let (Some(out), Some(stamps), Some(sources), false) =
        (out_dir, stamps, &sources, options.force)
    {
        if let Some(fresh) = up_to_date(stamps, out, name, path, build, sources) {
            outcome.diagnostics = fresh.warnings;
            outcome.summary = Some(fresh.summary);
            outcome.skipped = true;
            return outcome;
        }
    }
    let compiled = compile_commentary(path, name);
    outcome.diagnostics = compiled.diagnostics;
    let Some(document) = compiled.document else {
        // Its last good output stays in the out-dir, and so in the archive-wide outputs.
        outcome.summary = out_dir.and(stamps).and_then(|s| last_summary(s, name));
        return outcome;
    };
    let summary = Summary::of(&document);
    // Encoded once: for the size warning (`check` too) and for `<id>.json`.
    let json = encode_document(&document);
    if let Some(warning) = json
        .as_deref()
        .ok()
        .and_then(|j| large_document(path, j.len()))
    {
        outcome.diagnostics.push(warning);
    }
    let Some(out) = out_dir else {
        outcome.summary = Some(summary);
        return outcome;
    };
    let old = stamps.map(|s| take_stamp(s, name)).unwrap_or_default();
    let written = create_out_dir(out).and_then(|()| write_outputs(&document, &json, out, options));
    match written {
        Ok(written) => {
            // Only now, with every output whole, the stamp; without one (no fingerprint, or a
            // stamp that cannot be written) the commentary is simply rebuilt next time.
            let langs: Vec<&str> = document.versions.iter().map(|v| v.lang.as_str()).collect();
            if let Ok(outputs) = outputs_of(out, name, &langs) {
                remove_stale(out, &old, &outputs);
                if let (Some(stamps), Some(sources)) = (stamps, &sources) {
                    let _ = write_stamp(
                        stamps,
                        sources,
                        build,
                        outputs,
                        &outcome.diagnostics,
                        &summary,
                    );
                }
            }
            outcome.written = Some(written);
            outcome.summary = Some(summary);
        }
        Err((file, message)) => {
            // The first write error stops the build; the others of threads still running
            // are the same full disk said again.
            if !stop.swap(true, Ordering::Relaxed) {
                outcome.diagnostics.push(Diagnostic::error(file, message));
            }
        }
    }
    outcome
}

/// Above this size a compiled document is warned about: every widget downloads and decodes it
/// whole (a 5 MB document rendered with a 226 ms task on a 2-core machine; the seed is 25 KB).
pub const LARGE_DOCUMENT_BYTES: usize = 1_000_000;

/// The warning for a document whose compiled JSON (`bytes` long) exceeds
/// [`LARGE_DOCUMENT_BYTES`].
fn large_document(folder: &Path, bytes: usize) -> Option<Diagnostic> {
    (bytes > LARGE_DOCUMENT_BYTES).then(|| {
        Diagnostic::warning(
            folder,
            format!(
                "the compiled document is {} KB: every reader downloads and decodes it whole, and above {} KB the page's first render slows (split the commentary, or move long appendices out)",
                bytes / 1000,
                LARGE_DOCUMENT_BYTES / 1000
            ),
        )
    })
}

/// Writes the document, its pages (and with live reload, the reload script's tag in them).
fn write_outputs(
    document: &Document,
    json: &Result<String, String>,
    out: &Path,
    options: &BuildOptions,
) -> Result<Written, (PathBuf, String)> {
    let path = out.join(format!("{}.json", document.id));
    let json = json.as_deref().map_err(|m| (path.clone(), m.clone()))?;
    let bytes = write_document(json, &path).map_err(|m| (path.clone(), m))?;
    let pages = write_pages(document, out, &options.pages).map_err(|m| split_path(&path, m))?;
    // The link cards (`<id>/<lang>/card.png`), per version, with the pages they illustrate.
    write_cards(document, out).map_err(|m| split_path(&path, m))?;
    if options.live_reload {
        // The article pages, `<id>/<lang>/index.html` (the tag's relative URL is theirs), even
        // if `write_pages` also lists other pages.
        let article = |page: &&PathBuf| {
            page.parent()
                .and_then(Path::parent)
                .and_then(Path::file_name)
                == Some(document.id.as_ref())
        };
        for page in pages.iter().filter(article) {
            add_reload_script(page).map_err(|m| (page.clone(), m))?;
        }
    }
    Ok(Written {
        id: document.id.clone(),
        path,
        languages: document.versions.iter().map(|v| v.lang.clone()).collect(),
        bytes,
        pages,
    })
}

/// `write_pages`'s messages start with the file's path: split it off for the diagnostic.
fn split_path(fallback: &Path, message: String) -> (PathBuf, String) {
    match message.split_once(": ") {
        Some((file, rest)) if !file.is_empty() => (PathBuf::from(file), rest.to_owned()),
        _ => (fallback.to_path_buf(), message),
    }
}

/// The tag of the reload script, relative to a page at `<out-dir>/<id>/<lang>/index.html`.
pub const RELOAD_TAG: &str = "<script src=\"../../.watch.js\" defer></script>\n";

/// Puts [`RELOAD_TAG`] at the end of a written page's head.
fn add_reload_script(page: &Path) -> Result<(), String> {
    let html =
        fs::read_to_string(page).map_err(|e| format!("cannot read back: {}", describe_io(&e)))?;
    let Some(at) = html.find("</head>") else {
        return Err("internal error: the page has no </head>".into());
    };
    let mut patched = String::with_capacity(html.len() + RELOAD_TAG.len());
    patched.push_str(&html[..at]);
    patched.push_str(RELOAD_TAG);
    patched.push_str(&html[at..]);
    write_atomic(page, &patched).map_err(|e| format!("cannot write: {}", describe_io(&e)))
}

/// The watch's reload script: polls `.watch.json` beside it twice a second and reloads the
/// page when its `build` changes (and never when the file is missing: the watch has ended).
/// An external file rather than inline code, so a page served with `script-src 'self'` still
/// reloads.
const RELOAD_SCRIPT: &str = r#"// Written by `commentary watch`: reloads this page after each rebuild. Pages built by
// `commentary build` do not load it.
(() => {
  const stamp = new URL('.watch.json', document.currentScript.src);
  let seen = null;
  const poll = async () => {
    try {
      const res = await fetch(stamp, { cache: 'no-store' });
      if (res.ok) {
        const { build } = await res.json();
        if (seen !== null && build !== seen) {
          location.reload();
          return;
        }
        seen = build;
      }
    } catch (_) {
      // The watch is restarting, or has stopped: try again.
    }
    setTimeout(poll, 500);
  };
  poll();
})();
"#;

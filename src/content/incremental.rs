//! What lets `commentary build` skip a commentary: a stamp per commentary, written after its
//! outputs, that names what they were built from.
//!
//! The stamps live outside the out-dir, which holds only what is published: in
//! `$COMMENTARY_CACHE_DIR`, else `$XDG_CACHE_HOME/commentary`, else `~/.cache/commentary`,
//! under `builds/<hash of the out-dir's absolute path>/<id>.json` (with `out-dir.txt` naming
//! it). Without any of those, nothing is skipped. A stamp holds
//! - a fingerprint of the sources: the names and bytes of `commentary.toml` and every `*.md` of
//!   the commentary folder (adding, removing or editing a language file changes it);
//! - a fingerprint of the build: the CLI's version and the very binary that ran (its size and
//!   modification time, so a rebuilt CLI rebuilds everything), the page options and whether the
//!   pages carry the watch's reload script;
//! - every file the commentary's build wrote, with its size and modification time: a skip
//!   needs them all present and unchanged (a deleted page, an out-dir removed or replaced, a
//!   file cut short by a power loss: the commentary is rebuilt);
//! - its warnings, printed again when it is skipped, so a skipped build reports what a full one
//!   does;
//! - its [`Summary`]: the document without its texts, for archive-wide outputs (feeds,
//!   sitemap) that need every commentary, built or skipped.
//!
//! Order of writes, so that a build killed at any moment leaves the next build correct: the old
//! stamp is removed first, then the outputs are written (each whole, through a temporary file
//! and a rename), then the new stamp. A commentary whose stamp is missing is rebuilt.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::build::write_atomic;
use super::pages::{description, PageOptions};
use super::{Diagnostic, Severity};
use crate::domain::{Document, Version};

/// The environment variable that names the folder of the build stamps.
pub const CACHE_ENV: &str = "COMMENTARY_CACHE_DIR";

/// Bumped when the stamp's shape changes: an older stamp then fails to read and its commentary
/// is rebuilt.
const STAMP_FORMAT: u32 = 1;

/// One commentary as archive-wide outputs need it (feeds, sitemap): the compiled document with
/// every version's body, notes and citations emptied, and each version's description.
///
/// Kept in the stamp, so a build that skips a commentary still has it; [`BuildReport::summaries`]
/// holds one per commentary that is up to date after the build (built now or skipped), by id.
///
/// [`BuildReport::summaries`]: super::BuildReport::summaries
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The document, texts emptied; any field added to [`Document`] later comes along.
    pub document: Document,
    /// The description of each version, as the article page's `<meta name="description">` has
    /// it, in the order of `document.versions`.
    pub descriptions: Vec<String>,
}

impl Summary {
    /// The summary of a compiled document.
    pub fn of(document: &Document) -> Summary {
        let descriptions = document.versions.iter().map(description).collect();
        // Field by field, so that the texts are never copied only to be dropped (and a field
        // added to either struct must be decided on here).
        let versions = document
            .versions
            .iter()
            .map(|v| Version {
                lang: v.lang.clone(),
                title: v.title.clone(),
                url: v.url.clone(),
                published: v.published,
                translator: v.translator.clone(),
                body: Vec::new(),
                notes: Vec::new(),
                citations: Vec::new(),
                align: v.align.clone(),
                corrections: v.corrections.clone(),
                withdrawn_note: v.withdrawn_note.clone(),
            })
            .collect();
        let document = Document {
            schema: document.schema,
            id: document.id.clone(),
            series: document.series.clone(),
            number: document.number.clone(),
            original_language: document.original_language.clone(),
            published: document.published,
            authors: document.authors.clone(),
            publisher: document.publisher.clone(),
            versions,
            license: document.license.clone(),
            withdrawn: document.withdrawn,
        };
        Summary {
            document,
            descriptions,
        }
    }
}

/// A warning as the stamp keeps it: the file's name in the commentary folder, so that it is
/// printed with the content folder as this run spells it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct StoredWarning {
    file: Option<String>,
    line: Option<usize>,
    message: String,
}

/// A file the build of one commentary wrote, relative to the out-dir, with its size and
/// modification time (nanoseconds since 1970).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub path: String,
    pub bytes: u64,
    pub modified: u128,
}

fn modified(meta: &fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// The folder of the stamps of builds into `out_dir`, created, under `cache` (else the
/// environment's cache folder); `None` (nothing is skipped) when there is no cache folder or it
/// cannot be created.
pub fn stamp_dir(out_dir: &Path, cache: Option<&Path>) -> Option<PathBuf> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = cache
        .map(Path::to_path_buf)
        .or_else(|| env(CACHE_ENV))
        .or_else(|| env("XDG_CACHE_HOME").map(|d| d.join("commentary")))
        .or_else(|| env("HOME").map(|d| d.join(".cache").join("commentary")))?;
    let out = std::path::absolute(out_dir).ok()?;
    let mut h = DefaultHasher::new();
    out.hash(&mut h);
    let dir = base.join("builds").join(format!("{:016x}", h.finish()));
    fs::create_dir_all(&dir).ok()?;
    let label = dir.join("out-dir.txt");
    if !label.exists() {
        let _ = write_atomic(&label, &format!("{}\n", out.display()));
    }
    Some(dir)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Stamp {
    format: u32,
    cli: String,
    build: String,
    sources: String,
    outputs: Vec<Output>,
    warnings: Vec<StoredWarning>,
    summary: Summary,
}

/// The fingerprint of everything but the sources that goes into a commentary's outputs.
pub fn build_fingerprint(pages: &PageOptions, live_reload: bool) -> String {
    let mut h = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    STAMP_FORMAT.hash(&mut h);
    // The binary that runs: a CLI rebuilt from other code (same version number) rebuilds all.
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|exe| fs::metadata(exe).ok())
    {
        meta.len().hash(&mut h);
        if let Ok(modified) = meta.modified() {
            modified.hash(&mut h);
        }
    }
    pages.embed_base.hash(&mut h);
    pages.document_base.hash(&mut h);
    live_reload.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// The fingerprint of a commentary folder's sources: the names and bytes of `commentary.toml`
/// and its `*.md` files, by name.
///
/// # Errors
/// The folder or a file cannot be read (the compiler then reports it; the commentary is built).
pub fn sources_fingerprint(dir: &Path) -> io::Result<String> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "commentary.toml" || name.ends_with(".md") {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    let mut h = DefaultHasher::new();
    for (name, path) in files {
        name.hash(&mut h);
        match fs::read(&path) {
            Ok(bytes) => bytes.hash(&mut h),
            // A folder named `x.md` is no language file; the compiler says so.
            Err(_) if path.is_dir() => "dir".hash(&mut h),
            Err(e) => return Err(e),
        }
    }
    Ok(format!("{:016x}", h.finish()))
}

fn stamp_path(stamps: &Path, id: &str) -> PathBuf {
    stamps.join(format!("{id}.json"))
}

/// What an up-to-date stamp gives back: the warnings to print again and the summary.
pub struct UpToDate {
    pub warnings: Vec<Diagnostic>,
    pub summary: Summary,
}

/// The stamp (in `stamps`) of commentary `id` when its outputs are up to date: built from
/// `sources` by `build`, every output present, unchanged. `dir` is the commentary folder as this
/// run names it (for the warnings' paths).
pub fn up_to_date(
    stamps: &Path,
    out_dir: &Path,
    id: &str,
    dir: &Path,
    build: &str,
    sources: &str,
) -> Option<UpToDate> {
    let text = fs::read_to_string(stamp_path(stamps, id)).ok()?;
    let stamp: Stamp = serde_json::from_str(&text).ok()?;
    if stamp.format != STAMP_FORMAT
        || stamp.cli != env!("CARGO_PKG_VERSION")
        || stamp.build != build
        || stamp.sources != sources
        || stamp.summary.document.id != id
    {
        return None;
    }
    let whole = stamp.outputs.iter().all(|o| {
        fs::metadata(out_dir.join(&o.path))
            .is_ok_and(|m| m.is_file() && m.len() == o.bytes && modified(&m) == o.modified)
    });
    if !whole {
        return None;
    }
    let warnings = stamp
        .warnings
        .into_iter()
        .map(|w| Diagnostic {
            severity: Severity::Warning,
            path: w.file.map_or_else(|| dir.to_path_buf(), |f| dir.join(f)),
            line: w.line,
            message: w.message,
        })
        .collect();
    Some(UpToDate {
        warnings,
        summary: stamp.summary,
    })
}

/// The summary of the last good build of `id`, whatever its sources were: what a commentary
/// that fails to compile now still has in the out-dir.
pub fn last_summary(stamps: &Path, id: &str) -> Option<Summary> {
    let text = fs::read_to_string(stamp_path(stamps, id)).ok()?;
    let stamp: Stamp = serde_json::from_str(&text).ok()?;
    (stamp.format == STAMP_FORMAT && stamp.summary.document.id == id).then_some(stamp.summary)
}

/// Removes the stamp of `id` before its outputs are rewritten; returns the outputs it listed
/// (to remove those the new build no longer writes).
pub fn take_stamp(stamps: &Path, id: &str) -> Vec<Output> {
    let path = stamp_path(stamps, id);
    let old = fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str::<Stamp>(&t).ok())
        .map(|s| s.outputs)
        .unwrap_or_default();
    // Best effort: a missing stamp is what we want.
    let _ = fs::remove_file(&path);
    old
}

/// `<out-dir>/<id>.json` and every file under `<out-dir>/<id>/<lang>/` for the `langs` of the
/// document (dot files aside), with sizes and times.
///
/// # Errors
/// A folder that cannot be listed.
pub fn outputs_of(out_dir: &Path, id: &str, langs: &[&str]) -> io::Result<Vec<Output>> {
    let mut outputs = Vec::new();
    let json = format!("{id}.json");
    let meta = fs::metadata(out_dir.join(&json))?;
    outputs.push(Output {
        bytes: meta.len(),
        modified: modified(&meta),
        path: json,
    });
    let mut pending: Vec<PathBuf> = langs.iter().map(|l| Path::new(id).join(l)).collect();
    while let Some(rel) = pending.pop() {
        for entry in fs::read_dir(out_dir.join(&rel))? {
            let entry = entry?;
            let name = entry.file_name();
            let text = name.to_string_lossy();
            if text.starts_with('.') {
                // A temporary file of a build that was killed: never an output.
                if text.ends_with(".tmp") {
                    let _ = fs::remove_file(entry.path());
                }
                continue;
            }
            let rel = rel.join(&name);
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(rel);
            } else if kind.is_file() {
                let meta = entry.metadata()?;
                outputs.push(Output {
                    bytes: meta.len(),
                    modified: modified(&meta),
                    path: rel.to_string_lossy().into_owned(),
                });
            }
        }
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// Removes the temporary files a killed build left in `out_dir` itself (`.<id>.json.<pid>.tmp`,
/// whose process is gone; on Linux, where `/proc` tells). Those in `<id>/` go when the commentary
/// is rebuilt, which a killed one always is. Best effort.
pub fn remove_orphan_temps(out_dir: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(out_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
            continue;
        };
        let pid = stem.rsplit('.').next().unwrap_or_default();
        if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) && !proc.join(pid).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Removes the files of `old` that `new` does not list (the pages of a language version whose
/// file was deleted), and the folders they leave empty. Best effort.
pub fn remove_stale(out_dir: &Path, old: &[Output], new: &[Output]) {
    for o in old.iter().filter(|o| !new.iter().any(|n| n.path == o.path)) {
        let path = out_dir.join(&o.path);
        if fs::remove_file(&path).is_ok() {
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != out_dir) {
                // Fails (and stops) on a folder that is not empty.
                if fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
    }
}

/// Writes the stamp of a commentary whose outputs are all written.
///
/// # Errors
/// The stamp cannot be written (the commentary is then rebuilt next time).
pub fn write_stamp(
    stamps: &Path,
    sources: &str,
    build: &str,
    outputs: Vec<Output>,
    warnings: &[Diagnostic],
    summary: &Summary,
) -> io::Result<()> {
    let id = &summary.document.id;
    let stamp = Stamp {
        format: STAMP_FORMAT,
        cli: env!("CARGO_PKG_VERSION").to_owned(),
        build: build.to_owned(),
        sources: sources.to_owned(),
        outputs,
        warnings: warnings
            .iter()
            .filter(|d| !d.is_error())
            .map(|d| StoredWarning {
                file: d
                    .path
                    .file_name()
                    .filter(|_| d.path.parent().and_then(Path::file_name) == Some(id.as_ref()))
                    .map(|f| f.to_string_lossy().into_owned()),
                line: d.line,
                message: d.message.clone(),
            })
            .collect(),
        summary: summary.clone(),
    };
    let json = serde_json::to_string(&stamp).map_err(io::Error::other)?;
    write_atomic(&stamp_path(stamps, id), &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_the_document_without_its_texts() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (folder, id) in [
            ("content", "2026-36"),
            ("tests/fixtures/content", "fixture-features"),
            ("tests/fixtures/content", "fixture-withdrawn"),
        ] {
            let compiled = super::super::compile_commentary(&root.join(folder).join(id), id);
            let document = compiled.document.expect("compiles");
            let summary = Summary::of(&document);
            // What the summary was made as before: the whole document copied, the texts dropped.
            let mut expected = document.clone();
            for v in &mut expected.versions {
                v.body = Vec::new();
                v.notes = Vec::new();
                v.citations = Vec::new();
            }
            assert_eq!(summary.document, expected, "{id}");
            let descriptions: Vec<String> = document.versions.iter().map(description).collect();
            assert_eq!(summary.descriptions, descriptions, "{id}");
            assert!(document
                .versions
                .iter()
                .all(|v| !v.body.is_empty() || v.withdrawn_note.is_some()));
        }
    }
}

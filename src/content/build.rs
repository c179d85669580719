//! The whole build: every commentary folder of a content folder, compiled and written.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::archive::{build_archive, BuildOptions};
use super::commentary::describe_io;
use super::incremental::Summary;
use super::pages::PageOptions;
use super::Diagnostic;
use crate::domain::Document;

/// What [`build`] did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BuildReport {
    /// The documents written, in the order of their ids.
    pub written: Vec<Written>,
    /// Every error and warning, commentary by commentary.
    pub diagnostics: Vec<Diagnostic>,
    /// How many commentary folders were found (written or not).
    pub commentaries: usize,
    /// How many were skipped: their outputs were up to date.
    pub skipped: usize,
    /// Every commentary whose outputs are in the output folder after the build (written now,
    /// skipped, or failing now with the output of its last good build still there), by id:
    /// what archive-wide outputs (feeds, sitemap) are made from. `check` has those that
    /// compiled.
    pub summaries: Vec<Summary>,
    /// Warnings about the whole build rather than a source file (feeds and sitemap not
    /// written without an absolute document base), printed `commentary: warning: …`.
    pub warnings: Vec<String>,
    /// The feeds and sitemap written ([`write_archive`](super::write_archive)).
    pub archive: Vec<PathBuf>,
}

impl BuildReport {
    /// Whether any diagnostic is an error: the build failed, though other commentaries may have
    /// been written.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// One compiled document written to disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub id: String,
    /// `<out-dir>/<id>.json`.
    pub path: PathBuf,
    /// The language tags of its versions, the original first.
    pub languages: Vec<String>,
    /// The size of the file.
    pub bytes: usize,
    /// The article pages written beside it, `<out-dir>/<id>/<lang>/index.html` (with an
    /// `oembed.json` each).
    pub pages: Vec<PathBuf>,
}

/// Whether `name` is a commentary id: `[a-z0-9-]+`.
pub(super) fn is_commentary_id(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Compiles every commentary folder in `content_dir` and writes each document as compact JSON
/// to `<out_dir>/<id>.json`, creating `out_dir` if needed.
///
/// Every folder in `content_dir` is a commentary whose name is its id; files there (a README)
/// and names starting with `.` are ignored. A commentary with an error is not written; the
/// others still are. Each file is written to a temporary file beside it and renamed into place,
/// so a reader (or a failed build) never sees half a document.
///
/// # Errors
///
/// Problems are not returned as `Err` but collected, all of them, in
/// [`BuildReport::diagnostics`]: the errors and warnings of every source file, a folder name
/// that is not an id, a content folder that cannot be read or holds no commentary, an output
/// file that cannot be written.
///
/// # Example
/// ```no_run
/// use std::path::Path;
/// let report = commentary_embed::content::build(Path::new("content"), Path::new("build/c"));
/// for d in &report.diagnostics {
///     eprintln!("{d}");
/// }
/// assert!(!report.has_errors());
/// ```
pub fn build(content_dir: &Path, out_dir: &Path) -> BuildReport {
    build_with(content_dir, out_dir, &PageOptions::default())
}

/// [`build`], with the base URLs the article pages use (see [`PageOptions`]).
///
/// Incremental: a commentary whose sources, CLI and options have not changed since it was last
/// built into `out_dir` is skipped ([`BuildReport::skipped`]); [`build_archive`] has the other
/// options (`force`, the watch's reload script, threads) and `check` (nothing written).
///
/// [`build_archive`]: super::build_archive
pub fn build_with(content_dir: &Path, out_dir: &Path, pages: &PageOptions) -> BuildReport {
    let options = BuildOptions {
        pages: pages.clone(),
        ..BuildOptions::default()
    };
    build_archive(content_dir, Some(out_dir), &options)
}

/// The folders of `content_dir` as (name, path), by name.
pub(super) fn commentary_folders(content_dir: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    let mut folders = Vec::new();
    for entry in fs::read_dir(content_dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = content_dir.join(entry.file_name());
        if !name.starts_with('.') && path.is_dir() {
            folders.push((name, path));
        }
    }
    folders.sort();
    Ok(folders)
}

/// `document` as the compact JSON `<id>.json` holds.
///
/// # Errors
/// A message when serde cannot encode it (a bug: the model holds only encodable values).
pub(super) fn encode_document(document: &Document) -> Result<String, String> {
    serde_json::to_string(document)
        .map_err(|e| format!("internal error: cannot encode the document: {e}"))
}

/// Writes a document's JSON ([`encode_document`]) to `path` through a temporary file; returns
/// its size.
pub(super) fn write_document(json: &str, path: &Path) -> Result<usize, String> {
    write_atomic(path, json).map_err(|e| format!("cannot write: {}", describe_io(&e)))?;
    Ok(json.len())
}

/// Writes `text` to `path` through a temporary file beside it and a rename, so that a failed
/// or killed build never leaves half a file where a reader would fetch it.
///
/// No `fsync`: it cost 5 ms a file (70 s for a 2,000-commentary archive); a rename is atomic for
/// a process that is killed, and against a power loss the stamps list every output's size, so a
/// file cut short rebuilds its commentary ([`incremental`](super::incremental)).
///
/// # Errors
/// The error of creating, writing or renaming the temporary file (which is removed).
pub(crate) fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    write_atomic_bytes(path, text.as_bytes())
}

/// [`write_atomic`] for bytes (the link cards).
pub(crate) fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let written = fs::File::create(&temp).and_then(|mut f| f.write_all(bytes));
    let renamed = written.and_then(|()| fs::rename(&temp, path));
    if renamed.is_err() {
        // Best effort: the temporary file may not even exist.
        let _ = fs::remove_file(&temp);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_case_letters_digits_and_dashes() {
        assert!(is_commentary_id("2026-36") && is_commentary_id("fixture-features"));
        for bad in ["", "Caps", "under_score", "dot.ted", "space d", "ü"] {
            assert!(!is_commentary_id(bad), "{bad}");
        }
    }
}

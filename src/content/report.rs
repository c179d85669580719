//! The diagnostics of one source file, located by byte offset.

use std::path::{Path, PathBuf};

use super::{Diagnostic, Severity};

/// Collects the errors and warnings of one file, turning byte offsets into 1-based lines.
///
/// Offsets are always into the whole file, so a span inside the front matter or the body is
/// shifted by where that part starts before it gets here.
#[derive(Debug)]
pub(crate) struct Report {
    path: PathBuf,
    /// The byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// A report about `path`, whose content is `text` (empty when it could not be read).
    pub(crate) fn new(path: &Path, text: &str) -> Report {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Report {
            path: path.to_path_buf(),
            line_starts,
            diagnostics: Vec::new(),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }

    /// An error about the place at byte `offset`, or about the whole file when `None`.
    pub(crate) fn error(&mut self, offset: Option<usize>, message: impl Into<String>) {
        self.push(Severity::Error, offset, message.into());
    }

    /// A warning about the place at byte `offset`, or about the whole file when `None`.
    pub(crate) fn warning(&mut self, offset: Option<usize>, message: impl Into<String>) {
        self.push(Severity::Warning, offset, message.into());
    }

    fn push(&mut self, severity: Severity, offset: Option<usize>, message: String) {
        let line = offset.map(|o| self.line(o));
        self.diagnostics.push(Diagnostic {
            severity,
            path: self.path.clone(),
            line,
            message,
        });
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The diagnostics, those about the whole file first, then by line (in the order found
    /// within a line).
    pub(crate) fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        self.diagnostics.sort_by_key(|d| d.line);
        self.diagnostics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_one_based_lines() {
        let r = Report::new(Path::new("f"), "ab\ncd\n\nef");
        assert_eq!(
            [0, 2, 3, 5, 6, 7, 8, 9, 100].map(|o| r.line(o)),
            [1, 1, 2, 2, 3, 4, 4, 4, 4]
        );
    }

    #[test]
    fn sorts_by_line_keeping_file_level_first() {
        let mut r = Report::new(Path::new("f.md"), "a\nb\nc\n");
        r.error(Some(4), "third");
        r.warning(Some(0), "first");
        r.error(None, "whole");
        let out: Vec<String> = r
            .into_diagnostics()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            out,
            ["f.md: whole", "f.md:1: warning: first", "f.md:3: third"]
        );
    }
}

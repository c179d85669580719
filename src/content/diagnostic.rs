//! One error or warning about a source file, as the CLI prints it.

use std::fmt;
use std::path::PathBuf;

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The build goes on; the document is still written.
    Warning,
    /// Nothing is written for the commentary, and the build fails.
    Error,
}

/// An error or a warning about one source file, printed `path:line: message` (or
/// `path:line: warning: message`), or `path: message` where no line applies.
///
/// The path is the content folder as the caller gave it, joined with the commentary folder and
/// the file, so it can be pasted into an editor: `content/2026-36/en.md:14: footnote `nope` is
/// never defined`. Lines are the real 1-based lines of the file, front matter included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file (or folder) the message is about.
    pub path: PathBuf,
    /// The 1-based line, when the message is about one place in the file.
    pub line: Option<usize>,
    /// What is wrong, lower-case, without the location.
    pub message: String,
}

impl Diagnostic {
    /// An error about a whole file or folder.
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            message: message.into(),
        }
    }

    /// A warning about a whole file or folder.
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Whether this is an error (rather than a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_path_line_and_message() {
        let mut d = Diagnostic::error("content/x/en.md", "footnote `nope` is never defined");
        assert_eq!(
            d.to_string(),
            "content/x/en.md: footnote `nope` is never defined"
        );
        d.line = Some(14);
        assert_eq!(
            d.to_string(),
            "content/x/en.md:14: footnote `nope` is never defined"
        );
        d.severity = Severity::Warning;
        assert_eq!(
            d.to_string(),
            "content/x/en.md:14: warning: footnote `nope` is never defined"
        );
    }
}

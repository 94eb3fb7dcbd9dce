//! Errors and warnings, each pinned to `path:line`: about content, and
//! also about templates, files and links in the output, so every problem a
//! build finds travels and prints the same way.
//!
//! A run collects every problem it finds instead of stopping at the first,
//! so an editor can fix a whole batch in one go.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// As the user named it, e.g. `content/domeinen/03-thuissituatie.md`.
    pub path: PathBuf,
    /// 1-based line in the file; 0 when the problem is about the file as a whole.
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    /// An error about a whole file (line 0) or a line in it.
    pub fn error(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        let path = self.path.display().to_string().replace('\\', "/");
        if self.line == 0 {
            write!(f, "{path}: {prefix}{}", self.message)
        } else {
            write!(f, "{path}:{}: {prefix}{}", self.line, self.message)
        }
    }
}

/// Collects diagnostics from one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn error(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(Severity::Error, path, line, message.into());
    }

    pub fn warning(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.push(Severity::Warning, path, line, message.into());
    }

    fn push(&mut self, severity: Severity, path: &Path, line: usize, message: String) {
        self.items.push(Diagnostic {
            severity,
            path: path.to_path_buf(),
            line,
            message,
        });
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// In file order, then line order: the order an editor works through them.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items
            .sort_by(|a, b| (&a.path, a.line, a.severity).cmp(&(&b.path, b.line, b.severity)));
        self.items.dedup();
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_path_line_message() {
        let mut d = Diagnostics::default();
        d.error(Path::new("content/a.md"), 7, "bad thing");
        d.warning(Path::new("content/b.md"), 2, "odd thing");
        d.error(Path::new("content/a.md"), 0, "whole file");
        assert!(d.has_errors());
        let lines: Vec<String> = d.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "content/a.md: whole file",
                "content/a.md:7: bad thing",
                "content/b.md:2: warning: odd thing"
            ]
        );
    }
}

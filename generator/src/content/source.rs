//! Splits a content file into its YAML front matter and Markdown body,
//! keeping track of where each starts so errors point at file lines.

use crate::diagnostics::Diagnostics;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown in diagnostics (content dir joined with the relative path).
    pub display_path: PathBuf,
    /// Path relative to the content dir, with `/` separators, e.g. `domeinen/03-thuissituatie.md`.
    pub rel_path: String,
    pub front_matter: String,
    /// File line of the front matter's first line.
    pub front_matter_line: usize,
    pub body: String,
    /// File line of the body's first line.
    pub body_line: usize,
}

const FENCE: &str = "---";

impl SourceFile {
    pub fn parse(
        display_path: PathBuf,
        rel_path: &str,
        text: &str,
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.split_inclusive('\n');
        let first = lines.next().unwrap_or("");
        if first.trim_end() != FENCE {
            diags.error(
                &display_path,
                1,
                "missing front matter: the file must start with a line `---`",
            );
            return None;
        }
        let mut front_matter = String::new();
        let mut line_no = 1;
        for line in lines.by_ref() {
            line_no += 1;
            if line.trim_end() == FENCE {
                let body: String = lines.collect();
                return Some(SourceFile {
                    display_path,
                    rel_path: rel_path.to_string(),
                    front_matter,
                    front_matter_line: 2,
                    body,
                    body_line: line_no + 1,
                });
            }
            front_matter.push_str(line);
        }
        diags.error(
            &display_path,
            1,
            "unclosed front matter: no closing line `---` found",
        );
        None
    }

    /// File line of a 1-based line inside the front matter.
    pub fn yaml_line(&self, yaml_line: usize) -> usize {
        self.front_matter_line + yaml_line.saturating_sub(1)
    }

    /// File line of a byte offset inside the body.
    pub fn body_line_at(&self, offset: usize) -> usize {
        let end = offset.min(self.body.len());
        self.body_line
            + self.body.as_bytes()[..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<SourceFile>, Vec<String>) {
        let mut d = Diagnostics::default();
        let f = SourceFile::parse(PathBuf::from("c/x.md"), "x.md", text, &mut d);
        (f, d.sorted().iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn splits_and_keeps_line_numbers() {
        let (f, errs) = parse("---\na: 1\nb: 2\n---\n\n# Kop\ntekst\n");
        assert!(errs.is_empty());
        let f = f.unwrap();
        assert_eq!(f.front_matter, "a: 1\nb: 2\n");
        assert_eq!(f.yaml_line(2), 3);
        assert_eq!(f.body_line, 5);
        assert_eq!(f.body_line_at(f.body.find("tekst").unwrap()), 7);
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        assert_eq!(
            parse("# no front matter\n").1,
            ["c/x.md:1: missing front matter: the file must start with a line `---`"]
        );
        assert_eq!(
            parse("---\na: 1\n").1,
            ["c/x.md:1: unclosed front matter: no closing line `---` found"]
        );
    }

    #[test]
    fn accepts_crlf_and_bom() {
        let (f, errs) = parse("\u{feff}---\r\na: 1\r\n---\r\nbody\r\n");
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(f.unwrap().body, "body\r\n");
    }
}

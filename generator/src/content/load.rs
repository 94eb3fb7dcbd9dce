//! Reading a content folder: its raw text, before any validation, so that
//! validation itself is pure (and can be fuzzed without a file system).

use super::model::Site;
use super::validate::{DOMAIN_DIR, INTERVENTION_DIR, PAGE_DIR, SITE_FILE, validate_tree};
use crate::diagnostics::Diagnostics;
use std::path::Path;

/// The raw text of a content folder.
#[derive(Debug, Clone, Default)]
pub struct ContentTree {
    pub site_yaml: Option<String>,
    /// Relative path (`domeinen/03-thuissituatie.md`) and text.
    pub files: Vec<(String, String)>,
}

/// Reads `site.yaml` and every content file under `content_dir`.
pub fn read_tree(content_dir: &Path, diags: &mut Diagnostics) -> ContentTree {
    let mut tree = ContentTree::default();
    let site_path = content_dir.join(SITE_FILE);
    match std::fs::read_to_string(&site_path) {
        Ok(t) => tree.site_yaml = Some(t),
        Err(e) => diags.error(&site_path, 0, format!("cannot read file: {e}")),
    }
    for rel in content_files(content_dir, diags) {
        let path = content_dir.join(&rel);
        match std::fs::read_to_string(&path) {
            Ok(text) => tree.files.push((rel, text)),
            Err(e) => diags.error(&path, 0, format!("cannot read file: {e}")),
        }
    }
    tree
}

/// Loads and validates everything under `content_dir`. Returns the site only
/// when there are no errors; warnings come back either way.
pub fn load_site(content_dir: &Path) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    if !content_dir.is_dir() {
        diags.error(content_dir, 0, "content directory not found");
        return (None, diags);
    }
    let tree = read_tree(content_dir, &mut diags);
    validate_tree(content_dir, &tree, diags)
}

/// Every `.md` file below the three content folders, as sorted relative paths.
fn content_files(content_dir: &Path, diags: &mut Diagnostics) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(content_dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.error(content_dir, 0, format!("cannot read directory: {e}"));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(content_dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if rel == SITE_FILE || !rel.ends_with(".md") {
            continue;
        }
        let parts: Vec<&str> = rel.split('/').collect();
        if parts.len() == 2 && [DOMAIN_DIR, INTERVENTION_DIR, PAGE_DIR].contains(&parts[0]) {
            out.push(rel);
        } else {
            diags.error(
                entry.path(),
                0,
                "content file outside domeinen/, interventies/ and paginas/",
            );
        }
    }
    out
}

//! Reading a content folder: its raw text, before any validation, so that
//! validation itself is pure (and can be fuzzed without a file system).

use super::model::Site;
use super::validate::{
    DOMAIN_DIR, INTERVENTION_DIR, MIRROR_FILE, PAGE_DIR, SITE_FILE, validate_tree,
};
use crate::diagnostics::Diagnostics;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The raw text of a content folder.
#[derive(Debug, Clone, Default)]
pub struct ContentTree {
    pub site_yaml: Option<String>,
    /// Relative path (`domeinen/03-thuissituatie.md`) and text.
    pub files: Vec<(String, String)>,
    /// A host's additions (`--overlay DIR`), validated on top of the content.
    pub overlay: Option<OverlayTree>,
}

/// The raw text of an overlay folder: `mirror.yaml` and its Markdown files.
#[derive(Debug, Clone)]
pub struct OverlayTree {
    pub dir: PathBuf,
    pub mirror_yaml: Option<String>,
    /// Relative path (`domeinen/thuissituatie.md`) and text.
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
    tree.files = read_all(content_dir, content_files(content_dir, diags), diags);
    tree
}

/// The text of each file, read on every core, in the order given; a file
/// that cannot be read is reported and left out.
fn read_all(dir: &Path, rels: Vec<String>, diags: &mut Diagnostics) -> Vec<(String, String)> {
    let read: Vec<_> = rels
        .into_par_iter()
        .map(|rel| {
            let text = std::fs::read_to_string(dir.join(&rel));
            (rel, text)
        })
        .collect();
    let mut files = Vec::with_capacity(read.len());
    for (rel, text) in read {
        match text {
            Ok(text) => files.push((rel, text)),
            Err(e) => diags.error(&dir.join(&rel), 0, format!("cannot read file: {e}")),
        }
    }
    files
}

/// Reads an overlay folder: `mirror.yaml` and the Markdown below its
/// domeinen/, interventies/ and paginas/; other files (a logo) are read
/// only when `mirror.yaml` names them.
pub fn read_overlay(dir: &Path, diags: &mut Diagnostics) -> OverlayTree {
    let mirror_path = dir.join(MIRROR_FILE);
    let mirror_yaml = match std::fs::read_to_string(&mirror_path) {
        Ok(t) => Some(t),
        Err(e) => {
            diags.error(&mirror_path, 0, format!("cannot read file: {e}"));
            None
        }
    };
    let files = read_all(dir, content_files(dir, diags), diags);
    OverlayTree {
        dir: dir.to_path_buf(),
        mirror_yaml,
        files,
    }
}

/// Loads and validates everything under `content_dir`. Returns the site only
/// when there are no errors; warnings come back either way.
pub fn load_site(content_dir: &Path) -> (Option<Site>, Diagnostics) {
    load_site_with(content_dir, None)
}

/// As [`load_site`], with a host's overlay folder on top.
pub fn load_site_with(content_dir: &Path, overlay: Option<&Path>) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::default();
    if !content_dir.is_dir() {
        diags.error(content_dir, 0, "content directory not found");
        return (None, diags);
    }
    let mut tree = read_tree(content_dir, &mut diags);
    tree.overlay = overlay.map(|dir| read_overlay(dir, &mut diags));
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
        if rel == SITE_FILE || rel == MIRROR_FILE || !rel.ends_with(".md") {
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

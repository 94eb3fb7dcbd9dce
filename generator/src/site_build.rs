//! One build: load and validate, render into a temporary folder, check its
//! links, and only then swap it in. A failed build leaves the old output
//! exactly as it was.

use crate::content::load_site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::linkcheck;
use crate::render::{Renderer, ScorerAssets, Templates};
use crate::theme::Theme;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub theme: Option<PathBuf>,
    pub out: PathBuf,
    /// The scorer's browser build; without it the site has no traject pages.
    pub scorer: Option<PathBuf>,
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
}

/// Why a build or check failed: every problem it found, as diagnostics,
/// content errors first (with any warnings), then templates, files, links.
#[derive(Debug)]
pub struct BuildFailure(pub Vec<Diagnostic>);

impl BuildFailure {
    fn one(d: impl Into<Diagnostic>) -> Self {
        BuildFailure(vec![d.into()])
    }

    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == crate::diagnostics::Severity::Error)
            .count()
    }
}

/// Validates content (and the theme's templates) without writing anything;
/// takes the same options as a build. Returns the warnings.
pub fn check(opts: &BuildOptions) -> Result<Vec<Diagnostic>, BuildFailure> {
    let (site, diags) = load_site(&opts.content);
    let Some(site) = site else {
        return Err(fail(diags));
    };
    let theme = Theme::new(opts.theme.as_deref());
    // Empty scorer assets: check renders the traject templates too, so a
    // broken one is caught without building the wasm.
    let scorer = ScorerAssets {
        glue_js: Vec::new(),
        bytes_js: Vec::new(),
    };
    let templates = Templates::load(&theme).map_err(BuildFailure::one)?;
    Renderer::new(&site, &theme, &templates, Some(&scorer))
        .render_all()
        .map_err(BuildFailure::one)?;
    Ok(diags.sorted())
}

fn fail(diags: Diagnostics) -> BuildFailure {
    BuildFailure(diags.sorted())
}

pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let (site, diags) = load_site(&opts.content);
    let Some(site) = site else {
        return Err(fail(diags));
    };
    let theme = Theme::new(opts.theme.as_deref());
    let scorer = match &opts.scorer {
        Some(dir) => Some(ScorerAssets::read(dir).map_err(BuildFailure::one)?),
        None => None,
    };
    let templates = Templates::load(&theme).map_err(BuildFailure::one)?;
    let files = Renderer::new(&site, &theme, &templates, scorer.as_ref())
        .render_all()
        .map_err(BuildFailure::one)?;

    // Every link and anchor is checked in memory, before anything is
    // written: a failed build touches no file at all.
    let problems = linkcheck::check_files(&files);
    if !problems.is_empty() {
        return Err(BuildFailure(
            problems
                .into_iter()
                .map(|(file, message)| Diagnostic::error(opts.out.join(file), 0, message))
                .collect(),
        ));
    }
    let staging = sibling(&opts.out, "tmp");
    let result = write_all(&staging, &files).and_then(|()| swap_in(&staging, &opts.out));
    if staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result?;
    Ok(BuildReport {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        warnings: diags.sorted(),
    })
}

/// A folder next to `out`, so the final rename stays on one file system.
fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dist".into());
    out.with_file_name(format!("{name}.{what}-{}", std::process::id()))
}

fn io_fail(what: &str, path: &Path, e: std::io::Error) -> BuildFailure {
    BuildFailure::one(Diagnostic::error(path, 0, format!("cannot {what}: {e}")))
}

fn write_all(dir: &Path, files: &[crate::render::OutputFile]) -> Result<(), BuildFailure> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| io_fail("remove", dir, e))?;
    }
    let folders: std::collections::BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| dir.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in folders {
        std::fs::create_dir_all(&folder).map_err(|e| io_fail("create", &folder, e))?;
    }
    files.par_iter().try_for_each(|f| {
        let path = dir.join(&f.path);
        std::fs::write(&path, &f.bytes).map_err(|e| io_fail("write", &path, e))
    })
}

fn swap_in(staging: &Path, out: &Path) -> Result<(), BuildFailure> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io_fail("create", parent, e))?;
    }
    if out.exists() {
        let old = sibling(out, "old");
        std::fs::rename(out, &old).map_err(|e| io_fail("move aside", out, e))?;
        if let Err(e) = std::fs::rename(staging, out) {
            // Put the previous build back rather than leave no site at all.
            let _ = std::fs::rename(&old, out);
            return Err(io_fail("replace", out, e));
        }
        let _ = std::fs::remove_dir_all(&old);
    } else {
        std::fs::rename(staging, out).map_err(|e| io_fail("create", out, e))?;
    }
    Ok(())
}

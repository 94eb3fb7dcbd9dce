//! One build: load and validate, render into a temporary folder, check its
//! links, and only then swap it in. A failed build leaves the old output
//! exactly as it was.

use crate::content::load_site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::linkcheck;
use crate::render::{Renderer, ScorerAssets, Templates};
use crate::theme::Theme;
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
    let renderer = Renderer::new(&site, &theme, &templates, scorer.as_ref());

    // Each file is written into a staging folder as it is rendered, and only
    // its ids and links are kept. Every link and anchor is checked before
    // the staging folder replaces the output: a failed build leaves the
    // output exactly as it was.
    let staging = sibling(&opts.out, "tmp");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| io_fail("remove", &staging, e))?;
    }
    let written = renderer.render_each(|file| {
        let path = staging.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::error(parent, 0, format!("cannot create: {e}")))?;
        }
        std::fs::write(&path, &file.bytes)
            .map_err(|e| Diagnostic::error(&path, 0, format!("cannot write: {e}")))?;
        Ok(linkcheck::summarize(&file))
    });
    let result = written.map_err(BuildFailure::one).and_then(|summaries| {
        let files = summaries.len();
        let pages = summaries.iter().filter(|s| s.is_page()).count();
        let problems = linkcheck::check(summaries);
        if !problems.is_empty() {
            return Err(BuildFailure(
                problems
                    .into_iter()
                    .map(|(file, message)| Diagnostic::error(opts.out.join(file), 0, message))
                    .collect(),
            ));
        }
        swap_in(&staging, &opts.out)?;
        Ok((pages, files))
    });
    if staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    let (pages, files) = result?;
    Ok(BuildReport {
        pages,
        files,
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

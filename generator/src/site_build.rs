//! One build: load and validate, render, check every link, and only then
//! touch the output. A failed build leaves the old output exactly as it was.

use crate::content::load_site_with;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::linkcheck;
use crate::package;
use crate::render::outputs::Outputs;
use crate::render::{Renderer, ScorerAssets, Templates, urls};
use crate::theme::Theme;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub theme: Option<PathBuf>,
    pub out: PathBuf,
    /// The scorer's browser build; without it the site has no traject pages.
    pub scorer: Option<PathBuf>,
    /// A host's overlay folder.
    pub overlay: Option<PathBuf>,
    /// The public address from `--site-url`, ending in `/`; else the
    /// overlay's `adres`, if any.
    pub site_url: Option<String>,
    /// Write the site's own zip into it (`wegwijzer.zip`).
    pub zip: bool,
}

impl BuildOptions {
    /// The defaults of the CLI: `content/`, the built-in theme, `dist/`.
    pub fn new(content: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Self {
        BuildOptions {
            content: content.into(),
            theme: None,
            out: out.into(),
            scorer: None,
            overlay: None,
            site_url: None,
            zip: true,
        }
    }
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
    let (site, diags) = load_site_with(&opts.content, opts.overlay.as_deref());
    let Some(site) = site else {
        return Err(fail(diags));
    };
    let theme = Theme::new(opts.theme.as_deref());
    let scorer = ScorerAssets::empty();
    let templates = Templates::load(&theme).map_err(BuildFailure::one)?;
    let renderer = Renderer::new(&site, &theme, &templates, Some(&scorer))
        .with_site_url(opts.site_url.clone())
        .with_zip(opts.zip);
    let outputs = renderer.outputs(&opts.content, opts.overlay.as_deref());
    refuse(outputs.collisions(&opts.out))?;
    let files = renderer.render_all().map_err(BuildFailure::one)?;
    refuse(outputs.rendered_twice(files.iter().map(|f| f.path.as_str()), &opts.out))?;
    let settings = link_settings(&renderer, opts.zip);
    let problems =
        linkcheck::check_with(files.iter().map(linkcheck::summarize).collect(), settings);
    if let Some((file, message)) = problems.into_iter().next() {
        return Err(BuildFailure::one(Diagnostic::error(
            opts.out.join(file),
            0,
            message,
        )));
    }
    Ok(diags.sorted())
}

fn fail(diags: Diagnostics) -> BuildFailure {
    BuildFailure(diags.sorted())
}

/// Fails with `problems`, if there are any.
fn refuse(problems: Vec<Diagnostic>) -> Result<(), BuildFailure> {
    match problems.is_empty() {
        true => Ok(()),
        false => Err(BuildFailure(problems)),
    }
}

pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let (site, diags) = load_site_with(&opts.content, opts.overlay.as_deref());
    let Some(site) = site else {
        return Err(fail(diags));
    };
    let theme = Theme::new(opts.theme.as_deref());
    let scorer = match &opts.scorer {
        Some(dir) => Some(ScorerAssets::read(dir).map_err(BuildFailure::one)?),
        None => None,
    };
    let templates = Templates::load(&theme).map_err(BuildFailure::one)?;
    let renderer = Renderer::new(&site, &theme, &templates, scorer.as_ref())
        .with_site_url(opts.site_url.clone())
        .with_zip(opts.zip);

    // Two sources for one path are refused before anything is written.
    let outputs = renderer.outputs(&opts.content, opts.overlay.as_deref());
    refuse(outputs.collisions(&opts.out))?;
    let (pages, files) = if opts.out.is_dir() {
        update_in_place(&renderer, &outputs, &opts.out, opts.zip)?
    } else {
        build_fresh(&renderer, &outputs, &opts.out, opts.zip)?
    };
    Ok(BuildReport {
        pages,
        files,
        warnings: diags.sorted(),
    })
}

fn link_settings<'a>(renderer: &'a Renderer, zip: bool) -> linkcheck::Settings<'a> {
    linkcheck::Settings {
        site_url: renderer.site_url(),
        extra_files: if zip { &[urls::ZIP] } else { &[] },
    }
}

/// Turns a path rendered twice or link problems into a failure, or counts
/// (pages, files).
fn checked(
    out: &Path,
    outputs: &Outputs,
    summaries: Vec<linkcheck::Summary>,
    settings: linkcheck::Settings,
) -> Result<(usize, usize), BuildFailure> {
    let paths: Vec<String> = summaries
        .iter()
        .map(|s| s.path().to_string_lossy().replace('\\', "/"))
        .collect();
    refuse(outputs.rendered_twice(paths.iter().map(String::as_str), out))?;
    let files = summaries.len() + settings.extra_files.len();
    let pages = summaries
        .iter()
        .filter(|s| s.is_page() && s.path().extension().is_some_and(|e| e == "html"))
        .count();
    let problems = linkcheck::check_with(summaries, settings);
    if !problems.is_empty() {
        return Err(BuildFailure(
            problems
                .into_iter()
                .map(|(file, message)| Diagnostic::error(out.join(file), 0, message))
                .collect(),
        ));
    }
    Ok((pages, files))
}

/// No output yet: each file is written into a staging folder as it is
/// rendered, keeping only its ids and links, and the folder is renamed into
/// place once every link checks out.
fn build_fresh(
    renderer: &Renderer,
    outputs: &Outputs,
    out: &Path,
    zip: bool,
) -> Result<(usize, usize), BuildFailure> {
    let staging = sibling(out, "tmp");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| io_fail("remove", &staging, e))?;
    }
    let written = renderer.render_each(|file| {
        write_staged(&staging.join(&file.path), &file.bytes)?;
        Ok(linkcheck::summarize(&file))
    });
    let result = written
        .map_err(BuildFailure::one)
        .and_then(|summaries| checked(out, outputs, summaries, link_settings(renderer, zip)))
        .and_then(|counts| {
            if zip {
                package::write_site_zip(&staging)?;
            }
            Ok(counts)
        })
        .and_then(|counts| swap_in(&staging, out).map(|()| counts));
    if staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Output exists: render once to check (writing nothing), then render again
/// and write only the files that changed, each through a temporary file and
/// a rename, and remove files the site no longer has. Rendering twice is
/// cheaper than writing a whole new copy of a large site, and a failed check
/// still leaves the output exactly as it was. Only an I/O error during the
/// second pass (a full disk) can leave a partly updated site; the next
/// build repairs it.
fn update_in_place(
    renderer: &Renderer,
    outputs: &Outputs,
    out: &Path,
    zip: bool,
) -> Result<(usize, usize), BuildFailure> {
    let summaries = renderer
        .render_each(|file| Ok(linkcheck::summarize(&file)))
        .map_err(BuildFailure::one)?;
    let counts = checked(out, outputs, summaries, link_settings(renderer, zip))?;
    let mut kept: HashSet<PathBuf> = renderer
        .render_each(|file| {
            let path = out.join(&file.path);
            if !same_contents(&path, &file.bytes) {
                // An older site may hold a folder where this file now goes.
                if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                        .map_err(|e| Diagnostic::error(&path, 0, format!("cannot remove: {e}")))?;
                }
                write_file(&path, &file.bytes)?;
            }
            Ok(path)
        })
        .map_err(BuildFailure::one)?
        .into_iter()
        .collect();
    let zip_path = out.join(urls::ZIP);
    if zip {
        kept.insert(zip_path);
    }
    remove_stale(out, &kept)?;
    if zip {
        package::write_site_zip(out)?;
    }
    Ok(counts)
}

pub(crate) fn same_contents(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
}

fn create_parent(path: &Path) -> Result<(), Diagnostic> {
    match path.parent() {
        Some(parent) => std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::error(parent, 0, format!("cannot create: {e}"))),
        None => Ok(()),
    }
}

/// Writes straight into the staging folder: no server reads it until the
/// whole folder is renamed into place, so a temporary file per page (a
/// rename each, 5,000 at scale) would buy nothing.
fn write_staged(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    create_parent(path)?;
    std::fs::write(path, bytes)
        .map_err(|e| Diagnostic::error(path, 0, format!("cannot write: {e}")))
}

/// Writes through a temporary file next to `path`, so a server reading the
/// site never sees half a file.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    create_parent(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Diagnostic::error(path, 0, format!("cannot write: {e}"))
        })
}

/// Removes every file under `out` that the build did not write, then any
/// folder left empty: the output holds exactly the site, as after a fresh
/// build.
fn remove_stale(out: &Path, kept: &HashSet<PathBuf>) -> Result<(), BuildFailure> {
    let mut dirs = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1).contents_first(true) {
        let entry = entry.map_err(|e| io_fail("read", out, e.into()))?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            dirs.push(path.to_path_buf());
        } else if !kept.contains(path) {
            std::fs::remove_file(path).map_err(|e| io_fail("remove", path, e))?;
        }
    }
    for dir in dirs {
        // Fails harmlessly when the folder still holds files.
        let _ = std::fs::remove_dir(&dir);
    }
    Ok(())
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

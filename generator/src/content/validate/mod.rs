//! Turns raw content into the validated model in one place, collecting
//! every problem with its `path:line` instead of stopping at the first.
//! One file per kind: the site's settings, interventions, domains, pages.

mod anchors;
mod domain;
mod intervention;
mod overlay;
mod page;
mod site;

use super::load::ContentTree;
use super::model::*;
use super::raw::*;
use super::source::SourceFile;
use super::yaml::{self, LineMap};
use crate::diagnostics::Diagnostics;
use crate::markdown::{self, LinkTarget};
use anchors::AnchorIndex;
use intervention::InterventionWithLine;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

pub(super) const SITE_FILE: &str = "site.yaml";
pub(super) const MIRROR_FILE: &str = "mirror.yaml";
pub(super) const DOMAIN_DIR: &str = "domeinen";
pub(super) const INTERVENTION_DIR: &str = "interventies";
pub(super) const PAGE_DIR: &str = "paginas";

/// A parsed file whose front matter had the right shape.
#[derive(Clone)]
struct Parsed<T> {
    file: SourceFile,
    lines: LineMap,
    raw: T,
    /// The body's links, heading ids and raw HTML, scanned once.
    body: markdown::Scan,
}

impl<T> Parsed<T> {
    fn line(&self, yaml_path: &str) -> usize {
        self.file.yaml_line(self.lines.line(yaml_path))
    }
    fn path(&self) -> &Path {
        &self.file.display_path
    }
}

/// Content files parsed before, by path, with the text they were parsed
/// from. The fuzzer changes one file per input and reuses the others:
/// parsing every file again held it to ~190 inputs a second.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<String, (String, CachedFile)>,
}

#[derive(Clone)]
enum CachedFile {
    Domain(Parsed<RawDomain>),
    Intervention(Parsed<RawIntervention>),
    Page(Parsed<RawPage>),
}

/// One content file, parsed as the kind its folder says.
fn parse_file(
    content_dir: &Path,
    rel: &str,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<CachedFile> {
    let file = SourceFile::parse(content_dir.join(rel), rel, text, diags)?;
    Some(match rel.split('/').next() {
        Some(DOMAIN_DIR) => CachedFile::Domain(parse(file, diags)?),
        Some(INTERVENTION_DIR) => CachedFile::Intervention(parse(file, diags)?),
        _ => CachedFile::Page(parse(file, diags)?),
    })
}

/// Validates a content tree; paths in diagnostics are shown under `content_dir`.
pub fn validate_tree(
    content_dir: &Path,
    tree: &ContentTree,
    diags: Diagnostics,
) -> (Option<Site>, Diagnostics) {
    validate_tree_with(content_dir, tree, diags, &mut None)
}

/// As [`validate_tree`], reusing files that parsed before with the same text.
pub fn validate_tree_with(
    content_dir: &Path,
    tree: &ContentTree,
    mut diags: Diagnostics,
    cache: &mut Option<ParseCache>,
) -> (Option<Site>, Diagnostics) {
    let site = tree.site_yaml.as_deref().and_then(|text| {
        let file = SourceFile {
            display_path: content_dir.join(SITE_FILE),
            rel_path: SITE_FILE.to_string(),
            front_matter: text.to_string(),
            front_matter_line: 1,
            body: String::new(),
            body_line: 1,
        };
        parse::<RawSite>(file, &mut diags)
    });
    let mut domains: Vec<Parsed<RawDomain>> = Vec::new();
    let mut interventions: Vec<Parsed<RawIntervention>> = Vec::new();
    let mut pages: Vec<Parsed<RawPage>> = Vec::new();
    // Files that exist but did not parse: already reported, so they must not
    // also show up as "missing".
    let mut unparsed: HashSet<String> = HashSet::new();
    // Every file that the cache does not hold is parsed on every core, each
    // with its own problems; they are merged in file order.
    let held = cache.as_ref();
    let results: Vec<(Option<CachedFile>, Diagnostics, bool)> = tree
        .files
        .par_iter()
        .map(|(rel, text)| {
            let cached = held
                .and_then(|c| c.files.get(rel))
                .filter(|(t, _)| t == text)
                .map(|(_, f)| f.clone());
            if cached.is_some() {
                return (cached, Diagnostics::default(), false);
            }
            let mut own = Diagnostics::default();
            let parsed = parse_file(content_dir, rel, text, &mut own);
            (parsed, own, true)
        })
        .collect();
    for ((rel, text), (parsed, own, fresh)) in tree.files.iter().zip(results) {
        diags.extend(own);
        if let (true, Some(c), Some(p)) = (fresh, cache.as_mut(), &parsed) {
            c.files.insert(rel.clone(), (text.clone(), p.clone()));
        }
        match parsed {
            Some(CachedFile::Domain(p)) => domains.push(p),
            Some(CachedFile::Intervention(p)) => interventions.push(p),
            Some(CachedFile::Page(p)) => pages.push(p),
            None => {
                unparsed.insert(rel.clone());
            }
        }
    }

    let index = AnchorIndex::build(&domains, &interventions, &pages);
    let mut v = Validator {
        diags,
        index,
        content_dir,
        databanks: BTreeMap::new(),
        unparsed,
    };
    let config = site.and_then(|s| v.site_config(s));
    let mut interventions = v.interventions(interventions);
    let mut domains = v.domains(domains, &interventions);
    let mut pages = v.pages(pages);
    // Checked after the content, with content links already checked
    // against the content alone: content never depends on an overlay.
    let mirror = match (&tree.overlay, &mut domains, &mut pages) {
        (Some(o), Some(d), Some(p)) => v.overlay(o, d, &mut interventions, p),
        _ => None,
    };
    let mut diags = v.diags;
    // With errors, "unused" is often a consequence of a skipped file: noise.
    if !diags.has_errors() {
        warn_unused(&interventions, &domains, &mut diags);
    }

    if diags.has_errors() {
        return (None, diags);
    }
    let (Some(config), Some(domains), Some(pages)) = (config, domains, pages) else {
        return (None, diags);
    };
    let site = Site {
        config,
        domains,
        interventions: interventions.into_iter().map(|(i, _)| i).collect(),
        pages,
        mirror,
    };
    (Some(site), diags)
}

fn parse<T: serde::de::DeserializeOwned>(
    file: SourceFile,
    diags: &mut Diagnostics,
) -> Option<Parsed<T>> {
    match yaml::parse::<T>(&file.front_matter) {
        Ok((raw, lines)) => Some(Parsed {
            lines,
            body: markdown::scan(&file.body),
            file,
            raw,
        }),
        Err(e) => {
            diags.error(&file.display_path, file.yaml_line(e.line), e.message);
            None
        }
    }
}

struct Validator<'a> {
    diags: Diagnostics,
    index: AnchorIndex,
    content_dir: &'a Path,
    /// Databank key → (name, search page), from site.yaml.
    databanks: BTreeMap<String, (String, String)>,
    /// Relative paths of content files that failed to parse.
    unparsed: HashSet<String>,
}

impl Validator<'_> {
    fn error(&mut self, path: &Path, line: usize, message: impl Into<String>) {
        self.diags.error(path, line, message);
    }

    /// A required text field: present and not blank.
    fn text<T>(&mut self, p: &Parsed<T>, key: &str, value: &str) -> String {
        if value.trim().is_empty() {
            self.error(p.path(), p.line(key), format!("`{key}` must not be empty"));
        }
        value.trim().to_string()
    }

    /// Markdown in a YAML field: its problems are reported at the field's line.
    fn yaml_markdown<T>(&mut self, p: &Parsed<T>, key: &str, value: &str) -> Markdown {
        let text = self.text(p, key, value);
        let line = p.line(key);
        self.check_markdown(p.path(), &p.file.rel_path, &text, |_| line);
        Markdown::new(text, &p.file.rel_path)
    }

    fn body_markdown<T>(&mut self, p: &Parsed<T>) -> Markdown {
        let file = &p.file;
        self.check_scan(&file.display_path, &file.rel_path, &p.body, |offset| {
            file.body_line_at(offset)
        });
        Markdown::new(file.body.clone(), &file.rel_path)
    }

    fn check_markdown(
        &mut self,
        path: &Path,
        rel_path: &str,
        text: &str,
        line_of: impl Fn(usize) -> usize,
    ) {
        self.check_scan(path, rel_path, &markdown::scan(text), line_of);
    }

    fn check_scan(
        &mut self,
        path: &Path,
        rel_path: &str,
        scan: &markdown::Scan,
        line_of: impl Fn(usize) -> usize,
    ) {
        for &offset in &scan.raw_html {
            self.error(
                path,
                line_of(offset),
                "raw HTML is not allowed in content; write Markdown instead",
            );
        }
        for (dest, offset) in &scan.links {
            if let Some(message) = self.link_problem(rel_path, dest) {
                self.error(path, line_of(*offset), message);
            }
        }
    }

    fn link_problem(&self, rel_path: &str, dest: &str) -> Option<String> {
        match LinkTarget::parse(dest) {
            LinkTarget::External => None,
            LinkTarget::Invalid => Some(format!(
                "link `{dest}` must be `@/<content file>`, `#<anchor>` or an external https:// address"
            )),
            LinkTarget::SamePage(anchor) => {
                let known = self.index.anchors.get(rel_path);
                if known.is_some_and(|a| a.contains(&anchor)) {
                    None
                } else {
                    Some(format!(
                        "broken anchor `{dest}`: this page has no anchor `{anchor}`"
                    ))
                }
            }
            // A file that failed to parse is reported already; links into
            // it are not broken on top of that.
            LinkTarget::Content { path, .. } if self.unparsed.contains(&path) => None,
            LinkTarget::Content { path, anchor } => match self.index.anchors.get(&path) {
                None => Some(format!("broken link `{dest}`: no content file `{path}`")),
                Some(known) => match anchor {
                    Some(a) if !known.contains(&a) => Some(format!(
                        "broken anchor `{dest}`: `{path}` has no anchor `{a}`"
                    )),
                    _ => None,
                },
            },
        }
    }
    fn https(&mut self, path: &Path, line: usize, url: &str) {
        if !url.starts_with("https://") {
            self.error(
                path,
                line,
                format!("address `{url}` must start with https://"),
            );
        }
    }
}

fn warn_unused(
    interventions: &[InterventionWithLine],
    domains: &Option<Vec<Domain>>,
    diags: &mut Diagnostics,
) {
    let Some(domains) = domains else { return };
    let used: HashSet<&str> = domains
        .iter()
        .flat_map(|d| &d.recommendations)
        .flat_map(|r| &r.interventions)
        .map(|u| u.id.as_str())
        .collect();
    for (i, (path, line)) in interventions {
        if !i.local && !used.contains(i.id.as_str()) {
            diags.warning(
                path,
                *line,
                format!("intervention `{}` is not used by any recommendation", i.id),
            );
        }
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

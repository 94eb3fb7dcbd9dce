//! Turns raw content into the validated model in one place, collecting
//! every problem with its `path:line` instead of stopping at the first.

use super::model::*;
use super::raw::*;
use super::source::SourceFile;
use super::yaml::{self, LineMap};
use crate::diagnostics::Diagnostics;
use crate::markdown::{self, LinkTarget};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

const SITE_FILE: &str = "site.yaml";
const DOMAIN_DIR: &str = "domeinen";
const INTERVENTION_DIR: &str = "interventies";
const PAGE_DIR: &str = "paginas";

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

/// The raw text of a content folder, read before any validation so that
/// validation itself is pure (and can be fuzzed without a file system).
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
    for (rel, text) in &tree.files {
        let cached = cache
            .as_ref()
            .and_then(|c| c.files.get(rel))
            .filter(|(t, _)| t == text)
            .map(|(_, f)| f.clone());
        let parsed = cached.or_else(|| {
            let display = content_dir.join(rel);
            let file = SourceFile::parse(display, rel, text, &mut diags)?;
            let parsed = match rel.split('/').next() {
                Some(DOMAIN_DIR) => CachedFile::Domain(parse(file, &mut diags)?),
                Some(INTERVENTION_DIR) => CachedFile::Intervention(parse(file, &mut diags)?),
                _ => CachedFile::Page(parse(file, &mut diags)?),
            };
            if let Some(c) = cache.as_mut() {
                c.files.insert(rel.clone(), (text.clone(), parsed.clone()));
            }
            Some(parsed)
        });
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
    let interventions = v.interventions(interventions);
    let domains = v.domains(domains, &interventions);
    let pages = v.pages(pages);
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
    };
    (Some(site), diags)
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

/// The anchors each content file's page will have, for checking links.
struct AnchorIndex {
    anchors: HashMap<String, HashSet<String>>,
}

impl AnchorIndex {
    fn build(
        domains: &[Parsed<RawDomain>],
        interventions: &[Parsed<RawIntervention>],
        pages: &[Parsed<RawPage>],
    ) -> Self {
        let mut anchors = HashMap::new();
        let body_ids =
            |s: &markdown::Scan| -> HashSet<String> { s.heading_ids.iter().cloned().collect() };
        for d in domains {
            let mut set = body_ids(&d.body);
            set.extend(DOMAIN_TEMPLATE_ANCHORS.iter().map(|s| s.to_string()));
            set.extend(
                d.raw
                    .aanbevelingen
                    .iter()
                    .map(|r| Recommendation::anchor(&r.nummer)),
            );
            anchors.insert(d.file.rel_path.clone(), set);
        }
        for (f, scan) in interventions
            .iter()
            .map(|i| (&i.file, &i.body))
            .chain(pages.iter().map(|p| (&p.file, &p.body)))
        {
            anchors.insert(f.rel_path.clone(), body_ids(scan));
        }
        AnchorIndex { anchors }
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
                    Some(format!("broken anchor `{dest}`: this page has no anchor `{anchor}`"))
                }
            }
            // A file that failed to parse is reported already; links into
            // it are not broken on top of that.
            LinkTarget::Content { path, .. } if self.unparsed.contains(&path) => None,
            LinkTarget::Content { path, anchor } => match self.index.anchors.get(&path) {
                None => Some(format!("broken link `{dest}`: no content file `{path}`")),
                Some(known) => match anchor {
                    Some(a) if !known.contains(&a) => {
                        Some(format!("broken anchor `{dest}`: `{path}` has no anchor `{a}`"))
                    }
                    _ => None,
                },
            },
        }
    }

    fn site_config(&mut self, p: Parsed<RawSite>) -> Option<SiteConfig> {
        let r = &p.raw;
        for key in ["nji", "gezonde-school"] {
            if !r.databanken.contains_key(key) {
                self.error(
                    p.path(),
                    p.line("databanken"),
                    format!("`databanken` needs an entry `{key}`"),
                );
            }
        }
        for (key, bank) in &r.databanken {
            if Source::parse(key).is_none() {
                self.error(
                    p.path(),
                    p.line(&format!("databanken.{key}")),
                    format!("unknown databank `{key}`: expected nji or gezonde-school"),
                );
            }
            self.https(
                p.path(),
                p.line(&format!("databanken.{key}.zoekpagina")),
                &bank.zoekpagina,
            );
        }
        self.https(p.path(), p.line("adres"), &r.adres);
        if r.interventievragen.is_empty() {
            self.error(
                p.path(),
                p.line("interventievragen"),
                "`interventievragen` must not be empty",
            );
        }
        let config = SiteConfig {
            title: self.text(&p, "titel", &r.titel),
            tagline: self.text(&p, "ondertitel", &r.ondertitel),
            language: self.text(&p, "taal", &r.taal),
            address: r.adres.trim().to_string(),
            reference_date: self.text(&p, "ijkdatum", &r.ijkdatum),
            tip: self.yaml_markdown(&p, "tip", &r.tip),
            print_origin: self.yaml_markdown(&p, "printblok.herkomst", &r.printblok.herkomst),
            print_basis: self.yaml_markdown(
                &p,
                "printblok.onderbouwing",
                &r.printblok.onderbouwing,
            ),
            print_selection: self.yaml_markdown(&p, "printblok.selectie", &r.printblok.selectie),
            booklet_intro: self.yaml_markdown(&p, "boekje_inleiding", &r.boekje_inleiding),
            intervention_questions: r
                .interventievragen
                .iter()
                .enumerate()
                .map(|(i, q)| self.text(&p, &format!("interventievragen[{i}]"), q))
                .collect(),
            contact_organisation: self.text(&p, "contact.organisatie", &r.contact.organisatie),
            contact_email: self.text(&p, "contact.email", &r.contact.email),
            colophon: Colophon {
                developed_by: r.colofon.ontwikkeld_door.clone(),
                in_cooperation_with: r.colofon.in_samenwerking_met.clone(),
                text_and_content: r.colofon.tekst_en_inhoud.clone(),
                design_and_build: r.colofon.beeld_en_realisatie.clone(),
                project_team: r
                    .colofon
                    .projectteam
                    .iter()
                    .map(|m| (m.naam.clone(), m.organisatie.clone()))
                    .collect(),
                advisory_group: r.colofon.adviesgroep.clone(),
                funding: r.colofon.financiering.clone(),
            },
        };
        self.databanks = r
            .databanken
            .iter()
            .map(|(k, b)| (k.clone(), (b.naam.clone(), b.zoekpagina.clone())))
            .collect();
        Some(config)
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

/// Line of an intervention file's `naam`, for warnings about the whole intervention.
type InterventionWithLine = (Intervention, (PathBuf, usize));

impl Validator<'_> {
    fn interventions(&mut self, parsed: Vec<Parsed<RawIntervention>>) -> Vec<InterventionWithLine> {
        let mut out = Vec::new();
        for p in parsed {
            let r = &p.raw;
            let id = p.file.rel_path[INTERVENTION_DIR.len() + 1..]
                .trim_end_matches(".md")
                .to_string();
            if !is_slug(&id) {
                self.error(
                    p.path(),
                    0,
                    format!("file name `{id}.md` must use only a-z, 0-9 and -"),
                );
            }
            let name = self.text(&p, "naam", &r.naam);
            let source = Source::parse(r.bron.trim());
            let source_name = match (source, &r.bron_naam) {
                (None, _) => {
                    self.error(
                        p.path(),
                        p.line("bron"),
                        format!(
                            "unknown `bron` `{}`: expected nji, gezonde-school or anders",
                            r.bron
                        ),
                    );
                    String::new()
                }
                (Some(Source::Other), None) => {
                    self.error(
                        p.path(),
                        p.line("bron"),
                        "`bron: anders` needs a `bron_naam`",
                    );
                    String::new()
                }
                (Some(Source::Other), Some(n)) => self.text(&p, "bron_naam", n),
                (Some(s), Some(_)) => {
                    self.error(
                        p.path(),
                        p.line("bron_naam"),
                        format!(
                            "`bron_naam` is only for `bron: anders`, not for `{}`",
                            s.key()
                        ),
                    );
                    String::new()
                }
                (Some(s), None) => self
                    .databanks
                    .get(s.key())
                    .map(|(n, _)| n.clone())
                    .unwrap_or_default(),
            };
            let recognition = r.erkenningsniveau.as_ref().map(|l| l.trim().to_string());
            if let (Some(level), Some(source)) = (&recognition, source) {
                if !source.levels().contains(&level.as_str()) {
                    let allowed = if source.levels().is_empty() {
                        "this source has no levels; leave it out".to_string()
                    } else {
                        format!("expected one of: {}", source.levels().join(", "))
                    };
                    self.error(
                        p.path(),
                        p.line("erkenningsniveau"),
                        format!("`{level}` is not a recognition level of this source; {allowed}"),
                    );
                }
            }
            let external_url = match &r.url {
                Some(url) => {
                    self.https(p.path(), p.line("url"), url);
                    Some(url.clone())
                }
                None => source
                    .and_then(|s| self.databanks.get(s.key()))
                    .map(|(_, search)| search.clone()),
            };
            let body = self.body_markdown(&p);
            if body.text.trim().is_empty() {
                self.error(
                    p.path(),
                    p.file.body_line,
                    "the description below the front matter must not be empty",
                );
            }
            let at = (p.path().to_path_buf(), p.line("naam"));
            out.push((
                Intervention {
                    id,
                    name,
                    source: source.unwrap_or(Source::Other),
                    source_name,
                    recognition,
                    external_url,
                    rel_path: p.file.rel_path.clone(),
                    body,
                },
                at,
            ));
        }
        out.sort_by_key(|a| a.0.name.to_lowercase());
        out
    }

    fn domains(
        &mut self,
        parsed: Vec<Parsed<RawDomain>>,
        interventions: &[InterventionWithLine],
    ) -> Option<Vec<Domain>> {
        let known: HashSet<&str> = interventions.iter().map(|(i, _)| i.id.as_str()).collect();
        let mut by_number: BTreeMap<u8, PathBuf> = BTreeMap::new();
        let mut out = Vec::new();
        for p in parsed {
            let r = &p.raw;
            let file_name = &p.file.rel_path[DOMAIN_DIR.len() + 1..];
            let (prefix, slug) = file_name
                .trim_end_matches(".md")
                .split_once('-')
                .unwrap_or(("", ""));
            if prefix.len() != 2 || !prefix.bytes().all(|b| b.is_ascii_digit()) || !is_slug(slug) {
                self.error(
                    p.path(),
                    0,
                    format!("file name `{file_name}` must look like `NN-slug.md`, e.g. `03-thuissituatie.md`"),
                );
            }
            let number = match u8::try_from(r.nummer) {
                Ok(n @ 1..=8) => n,
                _ => {
                    self.error(
                        p.path(),
                        p.line("nummer"),
                        format!("`nummer` must be 1 to 8, not {}", r.nummer),
                    );
                    continue;
                }
            };
            if prefix.parse::<u8>().is_ok_and(|n| n != number) {
                self.error(
                    p.path(),
                    p.line("nummer"),
                    format!("`nummer: {number}` does not match the file name `{file_name}`"),
                );
            }
            if let Some(first) = by_number.get(&number) {
                let first = first.display().to_string().replace('\\', "/");
                self.error(
                    p.path(),
                    p.line("nummer"),
                    format!("domain {number} is defined twice; it is also in {first}"),
                );
                continue;
            }
            by_number.insert(number, p.path().to_path_buf());

            if r.aanbevelingen.is_empty() {
                self.error(
                    p.path(),
                    p.line("aanbevelingen"),
                    "`aanbevelingen` must not be empty",
                );
            }
            let mut recommendations = Vec::new();
            for (i, rec) in r.aanbevelingen.iter().enumerate() {
                let at = format!("aanbevelingen[{i}]");
                let expected = format!("{number}.{}", i + 1);
                let found = rec.nummer.trim();
                if found != expected {
                    let why = if !found.starts_with(&format!("{number}.")) {
                        format!("it must start with the domain number {number}")
                    } else {
                        "numbers must be consecutive".to_string()
                    };
                    self.error(
                        p.path(),
                        p.line(&format!("{at}.nummer")),
                        format!("recommendation `{found}` should be `{expected}`: {why}"),
                    );
                }
                let mut seen = HashSet::new();
                let mut uses = Vec::new();
                for (j, u) in rec.interventies.iter().enumerate() {
                    let key = format!("{at}.interventies[{j}]");
                    let id = u.reference.trim();
                    if !known.contains(id) {
                        self.error(
                            p.path(),
                            p.line(&format!("{key}.ref")),
                            format!("unknown intervention `{id}`: there is no {INTERVENTION_DIR}/{id}.md"),
                        );
                    } else if !seen.insert(id) {
                        self.error(
                            p.path(),
                            p.line(&format!("{key}.ref")),
                            format!("intervention `{id}` is listed twice under {found}"),
                        );
                    }
                    uses.push(InterventionUse {
                        id: id.to_string(),
                        note: self.yaml_markdown(&p, &format!("{key}.toelichting"), &u.toelichting),
                        secondary: u.bijrol,
                    });
                }
                let inspiration = rec
                    .inspiratie
                    .iter()
                    .enumerate()
                    .map(|(j, text)| self.yaml_markdown(&p, &format!("{at}.inspiratie[{j}]"), text))
                    .collect();
                let footnote = rec
                    .voetnoot
                    .as_ref()
                    .map(|f| self.yaml_markdown(&p, &format!("{at}.voetnoot"), f));
                if rec.interventies.iter().any(|u| u.bijrol) && footnote.is_none() {
                    self.error(
                        p.path(),
                        p.line(&format!("{at}.interventies")),
                        "an intervention with `bijrol: true` needs a `voetnoot` that explains the asterisk",
                    );
                }
                recommendations.push(Recommendation {
                    number: expected,
                    text: self.yaml_markdown(&p, &format!("{at}.tekst"), &rec.tekst),
                    inspiration,
                    interventions: uses,
                    footnote,
                });
            }
            for id in &p.body.heading_ids {
                if DOMAIN_TEMPLATE_ANCHORS.contains(&id.as_str()) || id.starts_with("aanbeveling-")
                {
                    self.error(
                        p.path(),
                        p.file.body_line,
                        format!("heading id `{id}` is already used by the domain page itself; choose another heading"),
                    );
                }
            }
            out.push(Domain {
                number,
                title: self.text(&p, "titel", &r.titel),
                summary: self.text(&p, "samenvatting", &r.samenvatting),
                slug: slug.to_string(),
                rel_path: p.file.rel_path.clone(),
                not_well: self.yaml_markdown(&p, "niet_goed", &r.niet_goed),
                well: self.yaml_markdown(&p, "wel_goed", &r.wel_goed),
                recommendations,
                body: self.body_markdown(&p),
            });
        }
        let dir = self.content_dir.join(DOMAIN_DIR);
        let unparsed_numbers: HashSet<u8> = self
            .unparsed
            .iter()
            .filter_map(|rel| rel.strip_prefix(DOMAIN_DIR)?.get(1..3)?.parse().ok())
            .collect();
        for n in 1..=8u8 {
            if !by_number.contains_key(&n) && !unparsed_numbers.contains(&n) {
                self.error(
                    &dir,
                    0,
                    format!("domain {n} is missing: each of the numbers 1 to 8 needs one file"),
                );
            }
        }
        out.sort_by_key(|d| d.number);
        Some(out)
    }

    fn pages(&mut self, parsed: Vec<Parsed<RawPage>>) -> Option<BTreeMap<String, Page>> {
        let mut out = BTreeMap::new();
        for p in parsed {
            let slug = p.file.rel_path[PAGE_DIR.len() + 1..]
                .trim_end_matches(".md")
                .to_string();
            if !is_slug(&slug) {
                self.error(
                    p.path(),
                    0,
                    format!("file name `{slug}.md` must use only a-z, 0-9 and -"),
                );
            }
            let page = Page {
                title: self.text(&p, "titel", &p.raw.titel),
                summary: self.text(&p, "samenvatting", &p.raw.samenvatting),
                rel_path: p.file.rel_path.clone(),
                body: self.body_markdown(&p),
                slug: slug.clone(),
            };
            out.insert(slug, page);
        }
        let dir = self.content_dir.join(PAGE_DIR);
        for required in REQUIRED_PAGES {
            let failed = self.unparsed.contains(&format!("{PAGE_DIR}/{required}.md"));
            if !out.contains_key(*required) && !failed {
                self.error(
                    &dir,
                    0,
                    format!("required page `{required}` is missing: add {PAGE_DIR}/{required}.md"),
                );
            }
        }
        Some(out)
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
        if !used.contains(i.id.as_str()) {
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

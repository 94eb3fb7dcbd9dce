//! The validated site → the files of `dist/`, through the theme's templates.
//! `urls` names the output files, `links` resolves content links, `views`
//! shapes what templates get, `pages` renders each kind of page,
//! `scorer_files` writes each build of the scorer into `assets/` under
//! names with its digest, `csp` hashes inline elements for the 404 page's
//! policy, and `chrome` renders what every page shares once.

mod chrome;
mod csp;
mod links;
mod not_found;
pub mod offline;
/// Refuses two sources that would write the same output file.
pub mod outputs;
mod pages;
mod scorer_files;
mod search;
pub mod urls;
mod views;

use crate::content::model::*;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkResolver, RenderTarget};
use crate::theme::{STATIC_DIR, TEMPLATE_DIR, Theme};
use rayon::prelude::*;
use site_data::assets;

use links::PageIndex;
use views::{NavLink, SiteView};

/// A template or theme file that could not be used: where, and why.
#[derive(Debug)]
pub struct RenderError {
    /// The theme file, or the page with the template that failed.
    pub path: String,
    pub message: String,
}

impl RenderError {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        RenderError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl From<RenderError> for Diagnostic {
    fn from(e: RenderError) -> Self {
        Diagnostic::error(e.path, 0, e.message)
    }
}

/// One file to write into the output directory.
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The scorer's browser build (from `scorer-build`): when present, the
/// traject pages are written and linked.
#[derive(Debug, Clone)]
pub struct ScorerAssets {
    /// Every build of `assets::BUILDS`, with its glue and its module.
    pub builds: Vec<ScorerBuildFiles>,
}

/// One build, as `scorer-build` wrote it.
#[derive(Debug, Clone)]
pub struct ScorerBuildFiles {
    pub build: assets::ScorerBuild,
    pub glue: Vec<u8>,
    pub wasm: Vec<u8>,
}

impl ScorerAssets {
    pub fn read(dir: &std::path::Path) -> Result<Self, Diagnostic> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|e| {
                Diagnostic::error(
                    dir.join(name),
                    0,
                    format!("{e}; build the scorer first with `cargo run -p scorer-build`"),
                )
            })
        };
        let builds = assets::BUILDS
            .into_iter()
            .map(|build| {
                Ok(ScorerBuildFiles {
                    build,
                    glue: read(build.glue_js)?,
                    wasm: read(build.wasm)?,
                })
            })
            .collect::<Result<_, Diagnostic>>()?;
        Ok(ScorerAssets { builds })
    }

    /// Every build without contents: `check` renders the traject
    /// templates too, so a broken one is caught without building the wasm.
    pub fn empty() -> Self {
        ScorerAssets {
            builds: assets::BUILDS
                .into_iter()
                .map(|build| ScorerBuildFiles {
                    build,
                    glue: Vec::new(),
                    wasm: Vec::new(),
                })
                .collect(),
        }
    }
}

/// The traject pages: site-data's one list.
pub use site_data::pages::TRAJECT_PAGES;

/// The theme's templates, parsed once; they do not depend on the content.
pub struct Templates(tera::Tera);

impl Templates {
    pub fn load(theme: &Theme) -> Result<Self, RenderError> {
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_html);
        let mut sources = Vec::new();
        for rel in theme.files(TEMPLATE_DIR) {
            let bytes = theme
                .read(&rel)
                .map_err(|e| RenderError::new(&rel, e.to_string()))?;
            let text = String::from_utf8(bytes.into_owned())
                .map_err(|_| RenderError::new(&rel, "not UTF-8"))?;
            let name = rel[TEMPLATE_DIR.len() + 1..].to_string();
            sources.push((name, text));
        }
        tera.add_raw_templates(sources)
            .map_err(|e| RenderError::new("theme", error_chain(&e)))?;
        Ok(Templates(tera))
    }
}

pub struct Renderer<'a> {
    site: &'a Site,
    scorer: Option<&'a ScorerAssets>,
    index: PageIndex,
    tera: &'a tera::Tera,
    theme: &'a Theme,
    /// The public address (`--site-url`, else the overlay's `adres`).
    site_url: Option<String>,
    /// Whether the build writes the site's zip beside the pages.
    zip: bool,
    chrome: chrome::ChromeCache,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        templates: &'a Templates,
        scorer: Option<&'a ScorerAssets>,
    ) -> Self {
        Renderer {
            site,
            scorer,
            index: PageIndex::new(site),
            tera: &templates.0,
            theme,
            site_url: site.mirror.as_ref().and_then(|m| m.address.clone()),
            zip: false,
            chrome: Default::default(),
        }
    }

    /// A public address from the command line, over the overlay's.
    pub fn with_site_url(mut self, url: Option<String>) -> Self {
        if url.is_some() {
            self.site_url = url;
        }
        self
    }

    /// Tells the pages that the build writes the zip.
    pub fn with_zip(mut self, zip: bool) -> Self {
        self.zip = zip;
        self
    }

    pub fn site_url(&self) -> Option<&str> {
        self.site_url.as_deref()
    }

    /// The page made from one content file (`domeinen/03-x.md`, …); for
    /// `site.yaml`, the home page. For the fuzzer: one changed file is
    /// rendered without the whole site around it.
    pub fn render_source(&self, rel_path: &str) -> Result<Vec<OutputFile>, RenderError> {
        let mut out = Vec::new();
        for (i, d) in self.site.domains.iter().enumerate() {
            if d.rel_path == rel_path {
                out.push(self.domain_page(i, d)?);
            }
        }
        for intervention in &self.site.interventions {
            if intervention.rel_path == rel_path {
                out.push(self.intervention_page(intervention)?);
            }
        }
        for page in self.site.pages.values() {
            if page.rel_path == rel_path || (page.slug == "home" && rel_path == "site.yaml") {
                out.push(self.plain_page(page)?);
            }
        }
        Ok(out)
    }

    /// Every file of the site, kept in memory.
    pub fn render_all(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        self.render_each(Ok)
    }

    /// Renders every file of the site and hands each to `emit` as soon as it
    /// is made (on any thread), keeping only what `emit` returns: a large
    /// site is written as it renders instead of being held whole.
    pub fn render_each<T: Send>(
        &self,
        emit: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
    ) -> Result<Vec<T>, Diagnostic> {
        // Every file's path and digest, for the service worker's list and
        // the sitemap, which come last.
        let digests = std::sync::Mutex::new(Vec::new());
        let emit = |file: OutputFile| {
            let digest = offline::digest(&file.bytes);
            digests
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((file.path.clone(), digest));
            emit(file)
        };
        // The bulk of a large site, the interventions, is rendered on every
        // core, each page let go once emitted; the rest of the site (one
        // thread's work: the lists, the booklet, the search index) alongside.
        let (shared, interventions) = rayon::join(
            || self.shared_files(&emit),
            || {
                self.site
                    .interventions
                    .par_iter()
                    .map(|i| emit(self.intervention_page(i)?))
                    .collect::<Result<Vec<T>, Diagnostic>>()
            },
        );
        let mut out = shared?;
        out.extend(interventions?);
        let mut digests = std::mem::take(&mut *digests.lock().unwrap_or_else(|e| e.into_inner()));
        digests.sort();
        if let Some(url) = &self.site_url {
            out.push(emit(offline::sitemap(url, &digests))?);
        }
        out.push(emit(self.service_worker(&digests)?)?);
        Ok(out)
    }

    /// Every file but the interventions and the worker's list.
    fn shared_files<T>(
        &self,
        emit: &(impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync),
    ) -> Result<Vec<T>, Diagnostic> {
        let mut out = Vec::new();
        let mut push = |file: Result<OutputFile, RenderError>| -> Result<(), Diagnostic> {
            out.push(emit(file?)?);
            Ok(())
        };
        for page in self.site.pages.values() {
            push(self.plain_page(page))?;
        }
        for (i, domain) in self.site.domains.iter().enumerate() {
            push(self.domain_page(i, domain))?;
        }
        push(self.domains_page())?;
        push(self.interventions_page())?;
        push(self.not_found_page())?;
        for file in self.mirror_files() {
            push(Ok(file))?;
        }
        push(self.booklet_page())?;
        push(self.worksheet_page())?;
        for page in self.perspective_worksheets() {
            push(page)?;
        }
        if let Some(scorer) = self.scorer {
            for page in self.traject_pages(scorer)? {
                push(Ok(page))?;
            }
        }
        push(self.search_index())?;
        for rel in self.theme.files(STATIC_DIR) {
            if scorer_files::written_with_scorer(&rel) {
                continue;
            }
            let bytes = self
                .theme
                .read(&rel)
                .map_err(|e| RenderError::new(&rel, e.to_string()))?;
            push(Ok(OutputFile {
                path: format!("{}/{}", urls::ASSETS, &rel[STATIC_DIR.len() + 1..]),
                bytes: bytes.into_owned(),
            }))?;
        }
        Ok(out)
    }

    fn render(
        &self,
        template: &str,
        path: &str,
        ctx: &tera::Context,
    ) -> Result<OutputFile, RenderError> {
        let html = self
            .tera
            .render(template, ctx)
            .map_err(|e| RenderError::new(format!("{path} ({template})"), error_chain(&e)))?;
        Ok(OutputFile {
            path: path.to_string(),
            bytes: html.into_bytes(),
        })
    }

    fn target<'b>(
        &'b self,
        path: &'b str,
        root: &'b str,
        offset: u8,
        resolver: &'b dyn LinkResolver,
    ) -> RenderTarget<'b> {
        RenderTarget {
            root,
            page_source: self.index.source_of_url.get(path).map(String::as_str),
            heading_offset: offset,
            resolver,
        }
    }

    fn md(&self, md: &Markdown, path: &str, heading_offset: u8) -> String {
        self.md_with(md, path, heading_offset, &self.index)
    }

    fn md_with(&self, md: &Markdown, path: &str, offset: u8, r: &dyn LinkResolver) -> String {
        let root = urls::root_of(path);
        markdown::to_html(md, &self.target(path, &root, offset, r))
    }

    fn md_inline_with(&self, md: &Markdown, path: &str, r: &dyn LinkResolver) -> String {
        let root = urls::root_of(path);
        markdown::to_inline_html(md, &self.target(path, &root, 0, r))
    }

    /// A page's context: what the chrome sees, its title and address, and
    /// the chrome itself.
    fn context(&self, path: &str, title: &str) -> Result<tera::Context, RenderError> {
        let mut ctx = self.shared_context(&urls::root_of(path), path);
        ctx.insert(
            "canonical",
            &self.site_url.as_ref().map(|u| format!("{u}{path}")),
        );
        ctx.insert("title", title);
        ctx.insert("chrome", &*self.chrome(path)?);
        Ok(ctx)
    }

    /// What every template sees: the site, the way to its root, the page's
    /// address (`current`) and the navigation.
    fn shared_context(&self, root: &str, current: &str) -> tera::Context {
        let c = &self.site.config;
        let mut ctx = tera::Context::new();
        ctx.insert(
            "site",
            &SiteView {
                title: &c.title,
                tagline: &c.tagline,
                lang: &c.language,
                address: &c.address,
                version: views::dutch_date(&c.version),
                upstream_link: Some(c.address.as_str()).filter(|a| {
                    self.site_url
                        .as_deref()
                        .is_none_or(|u| !a.starts_with(u.trim_end_matches('/')))
                }),
                reference_date: &c.reference_date,
                contact_email: &c.contact_email,
                contact_organisation: &c.contact_organisation,
                colophon: &c.colophon,
                intervention_questions: &c.intervention_questions,
                search_nji: &c.nji_search,
            },
        );
        ctx.insert("root", root);
        ctx.insert("site_url", &self.site_url);
        ctx.insert("mirror", &self.site.mirror);
        ctx.insert("zip", &self.zip.then_some(urls::ZIP));
        ctx.insert("local_pages", &self.page_links(true));
        ctx.insert("traject", &self.scorer.is_some());
        ctx.insert("carry_mark", assets::CARRY_MARK);
        ctx.insert("carried_global", assets::CARRIED_GLOBAL);
        ctx.insert("current", current);
        let domains: Vec<NavLink> = self
            .site
            .domains
            .iter()
            .map(|d| NavLink {
                number: Some(d.number),
                title: d.title.clone(),
                url: urls::domain(&d.slug),
            })
            .collect();
        ctx.insert("nav_domains", &domains);
        ctx.insert("nav_pages", &self.page_links(false));
        ctx.insert(
            "urls",
            &serde_json::json!({
                "home": urls::HOME,
                "domains": urls::DOMAINS,
                "interventions": urls::INTERVENTIONS,
                "handleiding": urls::page("handleiding"),
                "booklet": urls::BOOKLET,
                "worksheet": urls::WORKSHEET,
                "worksheet_students": urls::WORKSHEET_STUDENTS,
                "worksheet_parents": urls::WORKSHEET_PARENTS,
                "assets": urls::ASSETS,
                "search_index": search::FILE,
            }),
        );
        ctx
    }
}

impl Renderer<'_> {
    /// The footer's pages: the Wegwijzer's own, or the overlay's.
    fn page_links(&self, local: bool) -> Vec<NavLink> {
        self.site
            .pages
            .values()
            .filter(|p| p.slug != "home" && p.local == local)
            .map(|p| NavLink {
                number: None,
                title: p.title.clone(),
                url: urls::page(&p.slug),
            })
            .collect()
    }
}

/// Tera's default also escapes `/`, which makes every URL unreadable
/// (`..&#x2F;index.html`); the five characters HTML needs are enough.
fn escape_html(input: &str) -> String {
    site_data::escape_html(input)
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_html_needs_and_keeps_slashes() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a> ../a/b.html"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ../a/b.html"
        );
    }

    #[test]
    fn root_is_one_step_up_per_folder() {
        assert_eq!(urls::root_of("index.html"), "");
        assert_eq!(urls::root_of("domeinen/thuissituatie.html"), "../");
        assert_eq!(urls::root_of("a/b/c.html"), "../../");
        assert_eq!(urls::page("home"), "index.html");
        assert_eq!(urls::page("privacy"), "privacy.html");
    }
}

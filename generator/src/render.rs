//! The validated site → the files of `dist/`, through the theme's templates.

use crate::content::model::*;
use crate::diagnostics::Diagnostic;
use crate::markdown::{self, LinkResolver, RenderTarget};
use crate::theme::{Theme, STATIC_DIR, TEMPLATE_DIR};
use rayon::prelude::*;
use serde::Serialize;
use site_data::{assets, DomainData, SiteData};
use std::collections::HashMap;

/// Root-relative output paths of each kind of page.
pub mod urls {
    pub const HOME: &str = "index.html";
    pub const DOMAINS: &str = "domeinen/index.html";
    pub const INTERVENTIONS: &str = "interventies/index.html";
    pub const NOT_FOUND: &str = "404.html";
    pub const BOOKLET: &str = "boekje.html";
    pub const WORKSHEET: &str = "werkblad.html";
    pub const ASSETS: &str = "assets";

    pub fn domain(slug: &str) -> String {
        format!("domeinen/{slug}.html")
    }
    pub fn intervention(id: &str) -> String {
        format!("interventies/{id}.html")
    }
    pub fn page(slug: &str) -> String {
        if slug == "home" {
            HOME.to_string()
        } else {
            format!("{slug}.html")
        }
    }
    /// `path_to_root` for an output file: `""`, `"../"`, …
    pub fn root_of(path: &str) -> String {
        "../".repeat(path.matches('/').count())
    }
}

/// Lookups built once per build, so rendering stays linear in site size.
struct PageIndex {
    /// Content file → root-relative output URL.
    url_of_source: HashMap<String, String>,
    /// Output URL → content file.
    source_of_url: HashMap<String, String>,
    intervention_by_id: HashMap<String, usize>,
    used_by: HashMap<String, Vec<UsedBy>>,
}

impl PageIndex {
    fn new(site: &Site) -> Self {
        let mut pairs: Vec<(String, String)> = Vec::new();
        pairs.extend(
            site.domains
                .iter()
                .map(|d| (d.rel_path.clone(), urls::domain(&d.slug))),
        );
        pairs.extend(
            site.interventions
                .iter()
                .map(|i| (i.rel_path.clone(), urls::intervention(&i.id))),
        );
        pairs.extend(
            site.pages
                .values()
                .map(|p| (p.rel_path.clone(), urls::page(&p.slug))),
        );
        let mut used_by: HashMap<String, Vec<UsedBy>> = HashMap::new();
        for d in &site.domains {
            for r in &d.recommendations {
                for u in &r.interventions {
                    used_by.entry(u.id.clone()).or_default().push(UsedBy {
                        number: r.number.clone(),
                        domain_title: d.title.clone(),
                        url: format!(
                            "{}#{}",
                            urls::domain(&d.slug),
                            Recommendation::anchor(&r.number)
                        ),
                    });
                }
            }
        }
        PageIndex {
            source_of_url: pairs.iter().map(|(s, u)| (u.clone(), s.clone())).collect(),
            url_of_source: pairs.into_iter().collect(),
            intervention_by_id: site
                .interventions
                .iter()
                .enumerate()
                .map(|(n, i)| (i.id.clone(), n))
                .collect(),
            used_by,
        }
    }
}

impl LinkResolver for PageIndex {
    fn page_url(&self, rel_path: &str) -> Option<String> {
        self.url_of_source.get(rel_path).cloned()
    }
}

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

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    tagline: &'a str,
    lang: &'a str,
    address: &'a str,
    reference_date: &'a str,
    contact_email: &'a str,
    contact_organisation: &'a str,
    colophon: &'a Colophon,
    intervention_questions: &'a [String],
}

#[derive(Serialize)]
struct NavLink {
    number: Option<u8>,
    title: String,
    url: String,
}

#[derive(Serialize)]
struct InterventionUseView {
    name: String,
    url: String,
    note_html: String,
    secondary: bool,
}

#[derive(Serialize)]
struct RecommendationView {
    number: String,
    anchor: String,
    text_html: String,
    inspiration_html: Vec<String>,
    interventions: Vec<InterventionUseView>,
    footnote_html: Option<String>,
}

#[derive(Serialize)]
struct DomainView {
    number: u8,
    title: String,
    slug: String,
    url: String,
    summary: String,
    not_well_html: String,
    well_html: String,
    tip_html: String,
    recommendations: Vec<RecommendationView>,
    print_origin_html: String,
    print_basis_html: String,
    print_selection_html: String,
}

/// Links as the booklet needs them: a domain is a section of the booklet.
struct BookletLinks<'a> {
    index: &'a PageIndex,
    /// Content file → the domain's slug, its section id in the booklet.
    domains: HashMap<String, String>,
}

impl LinkResolver for BookletLinks<'_> {
    fn page_url(&self, rel_path: &str) -> Option<String> {
        self.index.page_url(rel_path)
    }

    fn href(&self, rel_path: &str, anchor: Option<&str>, root: &str) -> Option<String> {
        match (self.domains.get(rel_path), anchor) {
            (Some(slug), Some(a)) => Some(format!("#{slug}-{a}")),
            (Some(slug), None) => Some(format!("#{slug}")),
            (None, _) => {
                let url = self.page_url(rel_path)?;
                Some(match anchor {
                    Some(a) => format!("{root}{url}#{a}"),
                    None => format!("{root}{url}"),
                })
            }
        }
    }
}

#[derive(Serialize, Clone)]
struct UsedBy {
    number: String,
    domain_title: String,
    url: String,
}

#[derive(Serialize)]
struct InterventionView {
    id: String,
    name: String,
    url: String,
    source_name: String,
    recognition: Option<String>,
    external_url: Option<String>,
    used_by: Vec<UsedBy>,
}

/// The scorer's browser build (from `scorer-build`): when present, the
/// traject pages are written and linked.
#[derive(Debug, Clone)]
pub struct ScorerAssets {
    /// wasm-bindgen's no-modules glue.
    pub glue_js: Vec<u8>,
    /// `window.WEGWIJZER_WASM = "<base64>";`
    pub bytes_js: Vec<u8>,
}

impl ScorerAssets {
    pub fn read(dir: &std::path::Path) -> Result<Self, crate::diagnostics::Diagnostic> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|e| {
                crate::diagnostics::Diagnostic::error(
                    dir.join(name),
                    0,
                    format!("{e}; build the scorer first with `cargo run -p scorer-build`"),
                )
            })
        };
        Ok(ScorerAssets {
            glue_js: read(assets::GLUE_JS)?,
            bytes_js: read(assets::BYTES_JS)?,
        })
    }
}

/// The traject pages, in the site root so the data file's links work there.
pub const TRAJECT_PAGES: [(&str, &str, &str); 3] = [
    ("traject.html", "traject.html", "Start traject"),
    ("scoren.html", "scoren.html", "Scoren"),
    ("rapport.html", "rapport.html", "Rapport"),
];

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
        }
    }

    fn plain_page(&self, page: &Page) -> Result<OutputFile, RenderError> {
        let template = if page.slug == "home" {
            "home.html"
        } else {
            "page.html"
        };
        let path = urls::page(&page.slug);
        let mut ctx = self.context(&path, &page.title);
        ctx.insert("page_slug", &page.slug);
        ctx.insert("summary", &page.summary);
        ctx.insert("body_html", &self.md(&page.body, &path, 0));
        self.render(template, &path, &ctx)
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
        let ctx = self.context(urls::NOT_FOUND, "Pagina niet gevonden");
        push(self.render("404.html", urls::NOT_FOUND, &ctx))?;
        push(self.booklet_page())?;
        push(self.worksheet_page())?;
        if let Some(scorer) = self.scorer {
            for page in self.traject_pages()? {
                push(Ok(page))?;
            }
            for (name, bytes) in [
                (assets::GLUE_JS, &scorer.glue_js),
                (assets::BYTES_JS, &scorer.bytes_js),
            ] {
                push(Ok(OutputFile {
                    path: format!("{}/{name}", urls::ASSETS),
                    bytes: bytes.clone(),
                }))?;
            }
        }
        push(self.data_file())?;
        for rel in self.theme.files(STATIC_DIR) {
            let bytes = self
                .theme
                .read(&rel)
                .map_err(|e| RenderError::new(&rel, e.to_string()))?;
            push(Ok(OutputFile {
                path: format!("{}/{}", urls::ASSETS, &rel[STATIC_DIR.len() + 1..]),
                bytes: bytes.into_owned(),
            }))?;
        }
        // The bulk of a large site: rendered on every core, each page let go
        // once emitted.
        let interventions: Result<Vec<T>, Diagnostic> = self
            .site
            .interventions
            .par_iter()
            .map(|i| emit(self.intervention_page(i)?))
            .collect();
        out.extend(interventions?);
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

    fn context(&self, path: &str, title: &str) -> tera::Context {
        let c = &self.site.config;
        let mut ctx = tera::Context::new();
        ctx.insert(
            "site",
            &SiteView {
                title: &c.title,
                tagline: &c.tagline,
                lang: &c.language,
                address: &c.address,
                reference_date: &c.reference_date,
                contact_email: &c.contact_email,
                contact_organisation: &c.contact_organisation,
                colophon: &c.colophon,
                intervention_questions: &c.intervention_questions,
            },
        );
        ctx.insert("root", &urls::root_of(path));
        ctx.insert("traject", &self.scorer.is_some());
        ctx.insert("current", path);
        ctx.insert("title", title);
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
        let footer: Vec<NavLink> = self
            .site
            .pages
            .values()
            .filter(|p| p.slug != "home")
            .map(|p| NavLink {
                number: None,
                title: p.title.clone(),
                url: urls::page(&p.slug),
            })
            .collect();
        ctx.insert("nav_pages", &footer);
        ctx.insert(
            "urls",
            &serde_json::json!({
                "home": urls::HOME,
                "domains": urls::DOMAINS,
                "interventions": urls::INTERVENTIONS,
                "handleiding": urls::page("handleiding"),
                "booklet": urls::BOOKLET,
                "worksheet": urls::WORKSHEET,
                "assets": urls::ASSETS,
            }),
        );
        ctx
    }

    fn traject_pages(&self) -> Result<Vec<OutputFile>, RenderError> {
        let mut out = Vec::new();
        for (template, path, title) in TRAJECT_PAGES {
            let mut ctx = self.context(path, title);
            // The rapport holds every domain's recommendations, rendered
            // here once; the scorer only shows the chosen ones.
            let domains: Vec<DomainView> = self
                .site
                .domains
                .iter()
                .map(|d| self.domain_view(d, path, &self.index))
                .collect();
            ctx.insert("domains", &domains);
            ctx.insert(
                "scorer",
                &serde_json::json!({
                    "scripts": [assets::DATA_JS, assets::GLUE_JS, assets::BYTES_JS],
                    "loader": assets::LOADER_JS,
                    "wasm_global": assets::WASM_GLOBAL,
                    "data_global": assets::DATA_GLOBAL,
                }),
            );
            out.push(self.render(template, path, &ctx)?);
        }
        Ok(out)
    }

    fn recommendation_view(
        &self,
        r: &Recommendation,
        path: &str,
        links: &dyn LinkResolver,
    ) -> RecommendationView {
        RecommendationView {
            number: r.number.clone(),
            anchor: Recommendation::anchor(&r.number),
            text_html: self.md_inline_with(&r.text, path, links),
            inspiration_html: r
                .inspiration
                .iter()
                .map(|m| self.md_with(m, path, 0, links))
                .collect(),
            interventions: r
                .interventions
                .iter()
                .filter_map(|u| {
                    let i = &self.site.interventions[*self.index.intervention_by_id.get(&u.id)?];
                    Some(InterventionUseView {
                        name: i.name.clone(),
                        url: urls::intervention(&i.id),
                        note_html: self.md_inline_with(&u.note, path, links),
                        secondary: u.secondary,
                    })
                })
                .collect(),
            footnote_html: r
                .footnote
                .as_ref()
                .map(|f| self.md_inline_with(f, path, links)),
        }
    }

    /// One domain's printable parts, rendered for `path` with `links`.
    fn domain_view(&self, d: &Domain, path: &str, links: &dyn LinkResolver) -> DomainView {
        let c = &self.site.config;
        DomainView {
            number: d.number,
            title: d.title.clone(),
            slug: d.slug.clone(),
            url: urls::domain(&d.slug),
            summary: d.summary.clone(),
            not_well_html: self.md_with(&d.not_well, path, 0, links),
            well_html: self.md_with(&d.well, path, 0, links),
            tip_html: self.md_with(&c.tip, path, 0, links),
            recommendations: d
                .recommendations
                .iter()
                .map(|r| self.recommendation_view(r, path, links))
                .collect(),
            print_origin_html: self.md_inline_with(&c.print_origin, path, links),
            print_basis_html: self.md_inline_with(&c.print_basis, path, links),
            print_selection_html: self.md_inline_with(&c.print_selection, path, links),
        }
    }

    fn domain_page(&self, i: usize, d: &Domain) -> Result<OutputFile, RenderError> {
        let path = urls::domain(&d.slug);
        let mut ctx = self.context(&path, &d.title);
        let link = |d: &Domain| NavLink {
            number: Some(d.number),
            title: d.title.clone(),
            url: urls::domain(&d.slug),
        };
        ctx.insert("d", &self.domain_view(d, &path, &self.index));
        ctx.insert("body_html", &self.md(&d.body, &path, 1));
        ctx.insert(
            "previous",
            &i.checked_sub(1).map(|p| link(&self.site.domains[p])),
        );
        ctx.insert("next", &self.site.domains.get(i + 1).map(link));
        self.render("domain.html", &path, &ctx)
    }

    /// All domains on one printable page; links between domains become
    /// anchors within it, and every id carries its domain's prefix.
    fn booklet_page(&self) -> Result<OutputFile, RenderError> {
        let path = urls::BOOKLET;
        let links = BookletLinks {
            index: &self.index,
            domains: self
                .site
                .domains
                .iter()
                .map(|d| (d.rel_path.clone(), d.slug.clone()))
                .collect(),
        };
        let mut ctx = self.context(path, "Boekje: alle domeinen");
        ctx.insert(
            "intro_html",
            &self.md_with(&self.site.config.booklet_intro, path, 1, &links),
        );
        let domains: Vec<DomainView> = self
            .site
            .domains
            .iter()
            .map(|d| self.domain_view(d, path, &links))
            .collect();
        ctx.insert("domains", &domains);
        self.render("boekje.html", path, &ctx)
    }

    /// The paper scoring sheet: needs no JavaScript at all.
    fn worksheet_page(&self) -> Result<OutputFile, RenderError> {
        let path = urls::WORKSHEET;
        let mut ctx = self.context(path, "Werkblad: scoren op papier");
        let domains: Vec<DomainView> = self
            .site
            .domains
            .iter()
            .map(|d| self.domain_view(d, path, &self.index))
            .collect();
        ctx.insert("domains", &domains);
        self.render("werkblad.html", path, &ctx)
    }

    fn domains_page(&self) -> Result<OutputFile, RenderError> {
        let mut ctx = self.context(urls::DOMAINS, "De acht domeinen");
        #[derive(Serialize)]
        struct Item<'a> {
            number: u8,
            title: &'a str,
            summary: &'a str,
            url: String,
            recommendations: usize,
        }
        let items: Vec<Item> = self
            .site
            .domains
            .iter()
            .map(|d| Item {
                number: d.number,
                title: &d.title,
                summary: &d.summary,
                url: urls::domain(&d.slug),
                recommendations: d.recommendations.len(),
            })
            .collect();
        ctx.insert("domains", &items);
        self.render("domains.html", urls::DOMAINS, &ctx)
    }

    fn intervention_view(&self, i: &Intervention) -> InterventionView {
        let used_by = self.index.used_by.get(&i.id).cloned().unwrap_or_default();
        InterventionView {
            id: i.id.clone(),
            name: i.name.clone(),
            url: urls::intervention(&i.id),
            source_name: i.source_name.clone(),
            recognition: i.recognition.clone(),
            external_url: i.external_url.clone(),
            used_by,
        }
    }

    fn interventions_page(&self) -> Result<OutputFile, RenderError> {
        let mut ctx = self.context(urls::INTERVENTIONS, "Interventies");
        let items: Vec<InterventionView> = self
            .site
            .interventions
            .iter()
            .map(|i| self.intervention_view(i))
            .collect();
        ctx.insert("interventions", &items);
        self.render("interventions.html", urls::INTERVENTIONS, &ctx)
    }

    fn intervention_page(&self, i: &Intervention) -> Result<OutputFile, RenderError> {
        let path = urls::intervention(&i.id);
        let mut ctx = self.context(&path, &i.name);
        ctx.insert("intervention", &self.intervention_view(i));
        ctx.insert("body_html", &self.md(&i.body, &path, 0));
        self.render("intervention.html", &path, &ctx)
    }

    /// What the scorer reads: each domain's number and title.
    pub fn site_data(&self) -> SiteData {
        SiteData {
            version: site_data::DATA_VERSION,
            domains: self
                .site
                .domains
                .iter()
                .map(|d| DomainData {
                    number: d.number,
                    title: d.title.clone(),
                })
                .collect(),
        }
    }

    /// A classic script that sets one global, so `file://` pages can load it
    /// without `fetch()`.
    fn data_file(&self) -> Result<OutputFile, RenderError> {
        let json = serde_json::to_string(&self.site_data())
            .map_err(|e| RenderError::new(assets::DATA_JS, e.to_string()))?;
        Ok(OutputFile {
            path: format!("{}/{}", urls::ASSETS, assets::DATA_JS),
            bytes: SiteData::to_script(&json).into_bytes(),
        })
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

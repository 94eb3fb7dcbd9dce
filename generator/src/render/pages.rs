//! One function per kind of page: which template, with what.

use super::links::BookletLinks;
use super::views::{DomainView, InterventionView, NavLink};
use super::{OutputFile, RenderError, Renderer, ScorerAssets, TRAJECT_PAGES, urls};
use crate::content::model::*;
use serde::Serialize;
use site_data::assets;
use site_data::pages::Kind;

impl Renderer<'_> {
    pub(super) fn plain_page(&self, page: &Page) -> Result<OutputFile, RenderError> {
        let template = if page.slug == "home" {
            "home.html"
        } else {
            "page.html"
        };
        let path = urls::page(&page.slug);
        let mut ctx = self.context(&path, &page.title)?;
        ctx.insert("page_slug", &page.slug);
        ctx.insert("summary", &page.summary);
        ctx.insert("body_html", &self.md(&page.body, &path, 0));
        self.render(template, &path, &ctx)
    }

    /// The traject pages (site-data's one list), each scorer build's
    /// files, which the pages of that build share, and the starter all of
    /// them load.
    pub(super) fn traject_pages(
        &self,
        scorer: &ScorerAssets,
    ) -> Result<Vec<OutputFile>, RenderError> {
        let start = self.scorer_start()?;
        let mut shared = Vec::new();
        let mut out = Vec::new();
        for b in &scorer.builds {
            let (files, written) = self.scorer_files(b, &start.path)?;
            out.extend(written);
            shared.push((b.build, files));
        }
        for page in TRAJECT_PAGES {
            let build = assets::build_for(&page);
            let Some((_, files)) = shared.iter().find(|(b, _)| *b == build) else {
                return Err(RenderError::new(page.path, "no scorer build for this page"));
            };
            let mut ctx = self.context(page.path, page.title)?;
            // The rapport holds every domain's recommendations, rendered
            // here once; the scorer only shows the chosen ones.
            let domains = self.domain_views(page.path);
            if matches!(page.kind, Kind::Rapport | Kind::Regiobeeld) {
                ctx.insert("region_names", &region_names(&domains));
                ctx.insert("school_kinds", &site_data::SCHOOL_KINDS);
                ctx.insert("region_max_bytes", &site_data::REGION_MAX_FILE_BYTES);
            }
            ctx.insert("domains", &domains);
            ctx.insert("participant_page", &(page.kind == Kind::Meedoen));
            ctx.insert("traject_page", &page);
            ctx.insert("scorer", files);
            let file = self.render(page.template, page.path, &ctx)?;
            self.keeps_contract(&page, &file)?;
            out.push(file);
        }
        out.push(start);
        Ok(out)
    }

    /// The page provides every id and action its scorer code needs
    /// (site-data's `contract`): a theme's override of its template that
    /// drops one fails here, not silently in the browser.
    fn keeps_contract(
        &self,
        page: &site_data::pages::TrajectPage,
        file: &OutputFile,
    ) -> Result<(), RenderError> {
        let html = String::from_utf8_lossy(&file.bytes);
        let domains: Vec<u8> = self.site.domains.iter().map(|d| d.number).collect();
        match site_data::contract::missing(page.kind, &html, &domains) {
            None => Ok(()),
            Some(what) => Err(RenderError::new(
                format!("{} ({})", page.path, page.template),
                format!(
                    "the page lacks {what}, which the scorer needs (site-data's contract); a theme that overrides this template must keep it"
                ),
            )),
        }
    }

    pub(super) fn domain_page(&self, i: usize, d: &Domain) -> Result<OutputFile, RenderError> {
        let path = urls::domain(&d.slug);
        let mut ctx = self.context(&path, &d.title)?;
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
    pub(super) fn booklet_page(&self) -> Result<OutputFile, RenderError> {
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
        let mut ctx = self.context(path, "Boekje: alle domeinen")?;
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

    /// Every domain as the templates see it, linked from `path`.
    fn domain_views(&self, path: &str) -> Vec<DomainView> {
        self.site
            .domains
            .iter()
            .map(|d| self.domain_view(d, path, &self.index))
            .collect()
    }

    /// The paper scoring sheet: needs no JavaScript at all.
    pub(super) fn worksheet_page(&self) -> Result<OutputFile, RenderError> {
        let path = urls::WORKSHEET;
        let mut ctx = self.context(path, "Werkblad: scoren op papier")?;
        ctx.insert("domains", &self.domain_views(path));
        ctx.insert("perspective", "");
        ctx.insert("has_perspective_sheets", &self.has_perspective_sheets());
        self.render("werkblad.html", path, &ctx)
    }

    /// Every domain has leerling and ouder words, so their sheets exist.
    fn has_perspective_sheets(&self) -> bool {
        self.site.domains.iter().all(|d| d.perspectives.is_some())
    }

    /// The paper sheet in the words of leerlingen or of ouders; left out
    /// while any domain lacks those words.
    pub(super) fn perspective_worksheets(&self) -> Vec<Result<OutputFile, RenderError>> {
        if !self.has_perspective_sheets() {
            return Vec::new();
        }
        let domains = &self.site.domains;
        let sheets: [(&str, &str, &str, WordsOf); 2] = [
            (
                urls::WORKSHEET_STUDENTS,
                "leerlingen",
                "Werkblad voor leerlingen",
                |p| &p.student,
            ),
            (
                urls::WORKSHEET_PARENTS,
                "ouders",
                "Werkblad voor ouders",
                |p| &p.parent,
            ),
        ];
        sheets
            .into_iter()
            .map(|(path, who, title, words_of)| {
                let mut ctx = self.context(path, title)?;
                let views: Vec<DomainView> = self
                    .domain_views(path)
                    .into_iter()
                    .zip(domains)
                    .map(|(mut view, d)| {
                        let words = words_of(d.perspectives.as_ref().expect("checked above"));
                        view.not_well_html = plain_paragraph(&words.not_well);
                        view.well_html = plain_paragraph(&words.well);
                        view
                    })
                    .collect();
                ctx.insert("domains", &views);
                ctx.insert("perspective", who);
                ctx.insert("has_perspective_sheets", &true);
                self.render("werkblad.html", path, &ctx)
            })
            .collect()
    }

    pub(super) fn domains_page(&self) -> Result<OutputFile, RenderError> {
        let mut ctx = self.context(urls::DOMAINS, "De acht domeinen")?;
        ctx.insert("has_perspective_sheets", &self.has_perspective_sheets());
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

    pub(super) fn interventions_page(&self) -> Result<OutputFile, RenderError> {
        let mut ctx = self.context(urls::INTERVENTIONS, "Interventies")?;
        let items: Vec<InterventionView> = self
            .site
            .interventions
            .iter()
            .map(|i| self.intervention_view(i))
            .collect();
        ctx.insert("interventions", &items);
        self.render("interventions.html", urls::INTERVENTIONS, &ctx)
    }

    pub(super) fn intervention_page(&self, i: &Intervention) -> Result<OutputFile, RenderError> {
        let path = urls::intervention(&i.id);
        let mut ctx = self.context(&path, &i.name)?;
        ctx.insert("intervention", &self.intervention_view(i));
        ctx.insert("body_html", &self.md(&i.body, &path, 0));
        self.render("intervention.html", &path, &ctx)
    }
}

/// What the Regiobeeld's figures name: each recommendation by its number
/// and core words, each intervention by its name, once (`naam-…` ids).
fn region_names(domains: &[DomainView]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for d in domains {
        for r in &d.recommendations {
            out.push((r.number.clone(), format!("{} {}", r.number, r.keywords)));
        }
        for i in &d.interventions {
            if !out.iter().any(|(id, _)| *id == i.id) {
                out.push((i.id.clone(), i.name.clone()));
            }
        }
    }
    out
}

/// Which of a domain's perspectives a sheet shows.
type WordsOf = fn(&Perspectives) -> &Extremes;

/// Plain content text as one escaped paragraph.
pub(super) fn plain_paragraph(text: &str) -> String {
    format!("<p>{}</p>", tera::escape_html(text))
}

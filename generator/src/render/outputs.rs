//! Every file a build writes and what writes it. Two sources that would
//! write the same path are refused before anything is written, naming both,
//! as Zola refuses path collisions: otherwise the later file silently
//! replaces the earlier one and its content is lost.

use super::{Renderer, TRAJECT_PAGES, search, urls};
use crate::diagnostics::Diagnostic;
use crate::theme::{STATIC_DIR, TEMPLATE_DIR, Theme};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Who keeps a path two sources want: the build's own files first, then
/// the content, the overlay, the theme. The later source gets the error,
/// since that is the one to rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Build,
    Content,
    Overlay,
    Theme,
}

/// What writes one output file, in the words of an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    rank: Rank,
    /// `overlay page`, `traject page "Plan van aanpak"`, …
    what: String,
    /// The file it comes from and the line (0: the whole file).
    file: Option<(PathBuf, usize)>,
    /// For the build's own files: where they are defined.
    detail: Option<String>,
    /// How to resolve a collision this source causes.
    fix: &'static str,
}

impl Source {
    fn build(what: impl Into<String>, detail: Option<String>) -> Self {
        Source {
            rank: Rank::Build,
            what: what.into(),
            file: None,
            detail,
            fix: "give one of them another path (render/urls.rs, site-data's pages)",
        }
    }

    fn template(what: &str, template: &str) -> Self {
        Source::build(what, Some(format!("template {TEMPLATE_DIR}/{template}")))
    }

    /// A Markdown file: its front matter starts on line 1, and its file
    /// name makes the address.
    fn markdown(rank: Rank, what: &str, dir: &Path, rel_path: &str) -> Self {
        Source {
            rank,
            what: what.to_string(),
            file: Some((dir.join(rel_path), 1)),
            detail: None,
            fix: "choose another file name",
        }
    }

    /// A page of `paginas/`: the content's, or the overlay's (`local`),
    /// with `dir` the folder it was read from.
    pub fn page(dir: &Path, rel_path: &str, local: bool) -> Self {
        match local {
            true => Source::markdown(Rank::Overlay, "overlay page", dir, rel_path),
            false => Source::markdown(Rank::Content, "content page", dir, rel_path),
        }
    }

    /// What `mirror.yaml` makes the build write (the logo, the accent).
    fn mirror(overlay: &Path, what: &str) -> Self {
        Source {
            rank: Rank::Overlay,
            what: what.to_string(),
            file: Some((overlay.join("mirror.yaml"), 0)),
            detail: None,
            fix: "rename the other file",
        }
    }

    /// A file of the theme's `static/`, from the theme folder or built in.
    fn theme_file(theme: &Theme, rel: &str) -> Self {
        let file = theme.origin(rel);
        Source {
            rank: Rank::Theme,
            what: match file {
                Some(_) => "theme file".to_string(),
                None => format!("built-in theme file {rel}"),
            },
            file: file.map(|f| (f, 0)),
            detail: None,
            fix: "rename the theme file",
        }
    }

    /// `the content page content/paginas/x.md:1`, `the booklet (template …)`.
    fn described(&self) -> String {
        let mut text = format!("the {}", self.what);
        match (&self.file, &self.detail) {
            (Some((file, 0)), _) => text.push_str(&format!(" {}", shown(file))),
            (Some((file, line)), _) => text.push_str(&format!(" {}:{line}", shown(file))),
            (None, Some(detail)) => text.push_str(&format!(" ({detail})")),
            (None, None) => {}
        }
        text
    }

    fn sort_key(&self) -> (Rank, Option<&(PathBuf, usize)>, &str) {
        (self.rank, self.file.as_ref(), &self.what)
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// The error at `this` (which has a file), about `owner` also writing `path`.
pub fn message(path: &str, this: &Source, owner: &Source) -> String {
    format!(
        "path collision: this {} writes {path}, and so does {}; {}",
        this.what,
        owner.described(),
        this.fix
    )
}

/// The error for `this` colliding with `owner`: at its file and line, or,
/// for the build's own files, at the output file.
fn collision(path: &str, this: &Source, owner: &str, out: &Path) -> Diagnostic {
    match &this.file {
        Some((file, line)) => Diagnostic::error(
            file,
            *line,
            format!(
                "path collision: this {} writes {path}, and so does {owner}; {}",
                this.what, this.fix
            ),
        ),
        None => Diagnostic::error(
            out.join(path),
            0,
            format!(
                "path collision: {} writes {path}, and so does {owner}; {}",
                this.described(),
                this.fix
            ),
        ),
    }
}

/// The pages the build writes whatever the content, with the traject
/// pages (site-data's one list) when `traject`; the overlay may not use
/// their names.
pub fn build_pages(traject: bool) -> Vec<(String, Source)> {
    let mut pages: Vec<(String, Source)> = [
        (urls::DOMAINS, "list of domains", "domains.html"),
        (
            urls::INTERVENTIONS,
            "list of interventions",
            "interventions.html",
        ),
        (urls::NOT_FOUND, "404 page", "404.html"),
        (urls::BOOKLET, "booklet", "boekje.html"),
        (urls::WORKSHEET, "worksheet", "werkblad.html"),
        (
            urls::WORKSHEET_STUDENTS,
            "worksheet for leerlingen",
            "werkblad.html",
        ),
        (
            urls::WORKSHEET_PARENTS,
            "worksheet for ouders",
            "werkblad.html",
        ),
    ]
    .into_iter()
    .map(|(path, what, template)| (path.to_string(), Source::template(what, template)))
    .collect();
    if traject {
        pages.extend(TRAJECT_PAGES.into_iter().map(|p| {
            let detail = format!(
                "site-data's pages::TRAJECT_PAGES, template {TEMPLATE_DIR}/{}",
                p.template
            );
            let what = format!("traject page \"{}\"", p.title);
            (p.path.to_string(), Source::build(what, Some(detail)))
        }));
    }
    pages
}

/// The page the build itself writes to `path`, if any, traject pages
/// included.
pub fn build_page(path: &str) -> Option<Source> {
    build_pages(true)
        .into_iter()
        .find_map(|(p, source)| (p == path).then_some(source))
}

/// Every output path with the sources that would write it.
pub struct Outputs {
    by_path: BTreeMap<String, Vec<Source>>,
}

impl Outputs {
    pub fn new(files: impl IntoIterator<Item = (String, Source)>) -> Self {
        let mut by_path: BTreeMap<String, Vec<Source>> = BTreeMap::new();
        for (path, source) in files {
            by_path.entry(path).or_default().push(source);
        }
        for sources in by_path.values_mut() {
            sources.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
        Outputs { by_path }
    }

    /// One error per source that wants a path an earlier source has.
    pub fn collisions(&self, out: &Path) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        for (path, sources) in &self.by_path {
            if let [owner, rest @ ..] = sources.as_slice() {
                let owner = owner.described();
                found.extend(rest.iter().map(|s| collision(path, s, &owner, out)));
            }
        }
        // In file order, as every other list of problems.
        found.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        found
    }

    /// Paths the render wrote more often than the sources above foresee:
    /// the scorer's files, which only the render names, are refused the same.
    pub fn rendered_twice<'p>(
        &self,
        rendered: impl IntoIterator<Item = &'p str>,
        out: &Path,
    ) -> Vec<Diagnostic> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for path in rendered {
            *counts.entry(path).or_default() += 1;
        }
        let other = "another file the build makes (the scorer's)";
        counts
            .into_iter()
            .filter(|&(path, n)| n > 1 && n > self.by_path.get(path).map_or(0, Vec::len))
            .map(
                |(path, _)| match self.by_path.get(path).and_then(|s| s.first()) {
                    Some(known) => collision(path, known, other, out),
                    None => Diagnostic::error(
                        out.join(path),
                        0,
                        format!("path collision: the build writes {path} twice"),
                    ),
                },
            )
            .collect()
    }
}

impl Renderer<'_> {
    /// Every file this build writes, with its source; the scorer's files,
    /// named from their digest as they are rendered, are checked after the
    /// render (`Outputs::rendered_twice`). `content` and `overlay` are the
    /// folders the site was read from.
    pub fn outputs(&self, content: &Path, overlay: Option<&Path>) -> Outputs {
        let overlay = overlay.unwrap_or(content);
        let from = |local: bool| if local { overlay } else { content };
        let mut all = build_pages(self.scorer.is_some());
        for p in self.site.pages.values() {
            let source = Source::page(from(p.local), &p.rel_path, p.local);
            all.push((urls::page(&p.slug), source));
        }
        for d in &self.site.domains {
            let source = Source::markdown(Rank::Content, "domain page", content, &d.rel_path);
            all.push((urls::domain(&d.slug), source));
        }
        for i in &self.site.interventions {
            let (rank, what) = match i.local {
                true => (Rank::Overlay, "local offer"),
                false => (Rank::Content, "intervention page"),
            };
            let source = Source::markdown(rank, what, from(i.local), &i.rel_path);
            all.push((urls::intervention(&i.id), source));
        }
        if let Some(m) = &self.site.mirror {
            if let Some(logo) = &m.logo {
                let path = format!("{}/{}", urls::ASSETS, logo.file_name);
                all.push((path, Source::mirror(overlay, "overlay's logo")));
            }
            if m.accent.is_some() {
                let source = Source::mirror(overlay, "overlay's accent colour");
                all.push((urls::MIRROR_CSS.to_string(), source));
            }
        }
        let index = format!("{}/{}", urls::ASSETS, search::FILE);
        all.push((index, Source::build("search index", None)));
        if self.site_url.is_some() {
            all.push((urls::SITEMAP.to_string(), Source::build("sitemap", None)));
        }
        let worker = Source::template("service worker", urls::SERVICE_WORKER);
        all.push((urls::SERVICE_WORKER.to_string(), worker));
        if self.zip {
            all.push((urls::ZIP.to_string(), Source::build("site's zip", None)));
        }
        for rel in self.theme.files(STATIC_DIR) {
            if super::scorer_files::written_with_scorer(&rel) {
                continue;
            }
            let path = format!("{}/{}", urls::ASSETS, &rel[STATIC_DIR.len() + 1..]);
            all.push((path, Source::theme_file(self.theme, &rel)));
        }
        Outputs::new(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(outputs: &Outputs) -> Vec<String> {
        let out = Path::new("dist");
        outputs
            .collisions(out)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_theme_file_and_the_overlays_logo_name_each_other() {
        let theme_dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(theme_dir.path().join("static")).unwrap();
        std::fs::write(theme_dir.path().join("static/logo.svg"), "<svg/>").unwrap();
        let theme = Theme::new(Some(theme_dir.path()));
        let theme_logo = Source::theme_file(&theme, "static/logo.svg");
        let outputs = Outputs::new([
            ("assets/logo.svg".into(), theme_logo),
            (
                "assets/logo.svg".into(),
                Source::mirror(Path::new("overlay"), "overlay's logo"),
            ),
            (
                "assets/site.css".into(),
                Source::theme_file(&theme, "static/site.css"),
            ),
        ]);
        let theme_file = shown(&theme_dir.path().join("static/logo.svg"));
        assert_eq!(
            messages(&outputs),
            [format!(
                "{theme_file}: path collision: this theme file writes assets/logo.svg, and so does the overlay's logo overlay/mirror.yaml; rename the theme file"
            )]
        );
    }

    #[test]
    fn a_content_page_and_a_traject_page_name_each_other() {
        let traject = build_page("plan.html").unwrap();
        let page = Source::page(Path::new("content"), "paginas/plan.md", false);
        let outputs = Outputs::new([("plan.html".into(), page), ("plan.html".into(), traject)]);
        assert_eq!(
            messages(&outputs),
            [
                "content/paginas/plan.md:1: path collision: this content page writes plan.html, and so does the traject page \"Plan van aanpak\" (site-data's pages::TRAJECT_PAGES, template templates/plan.html); choose another file name"
            ]
        );
    }

    #[test]
    fn two_files_of_the_build_itself_point_at_the_output() {
        let outputs = Outputs::new([
            ("sw.js".into(), Source::build("search index", None)),
            (
                "sw.js".into(),
                Source::template("service worker", urls::SERVICE_WORKER),
            ),
        ]);
        assert_eq!(
            messages(&outputs),
            [
                "dist/sw.js: path collision: the service worker (template templates/sw.js) writes sw.js, and so does the search index; give one of them another path (render/urls.rs, site-data's pages)"
            ]
        );
        // A path the render wrote twice where one source was foreseen.
        let outputs = Outputs::new([("assets/x.js".into(), Source::build("search index", None))]);
        let twice =
            outputs.rendered_twice(["assets/x.js", "assets/x.js", "a.html"], Path::new("dist"));
        assert_eq!(
            twice.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "dist/assets/x.js: path collision: the search index writes assets/x.js, and so does another file the build makes (the scorer's); give one of them another path (render/urls.rs, site-data's pages)"
            ]
        );
    }

    #[test]
    fn the_build_pages_hold_every_traject_page_and_worksheet() {
        let paths: Vec<String> = build_pages(true).into_iter().map(|(p, _)| p).collect();
        for p in TRAJECT_PAGES {
            assert!(paths.iter().any(|q| q == p.path), "{}", p.path);
        }
        for p in [
            urls::WORKSHEET_STUDENTS,
            urls::WORKSHEET_PARENTS,
            urls::NOT_FOUND,
        ] {
            assert!(paths.iter().any(|q| q == p), "{p}");
        }
        assert!(
            build_pages(false)
                .iter()
                .all(|(p, _)| !p.starts_with("plan"))
        );
    }

    /// The sources above are kept beside the render, not read from it: every
    /// file the render writes must have one, or a collision goes unnoticed.
    #[test]
    fn every_rendered_file_has_a_source_and_the_valid_site_has_no_collision() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let content = fixtures.join("valid/content");
        let overlay = fixtures.join("overlay/valid");
        let (site, diags) = crate::content::load_site_with(&content, Some(&overlay));
        let site = site.unwrap_or_else(|| panic!("{:?}", diags.sorted()));
        let theme = Theme::new(None);
        let templates = super::super::Templates::load(&theme).unwrap();
        let renderer = Renderer::new(&site, &theme, &templates, None)
            .with_site_url(Some("https://example.org/".into()))
            .with_zip(true);
        let outputs = renderer.outputs(&content, Some(&overlay));
        assert_eq!(messages(&outputs), Vec::<String>::new());
        let mut rendered: Vec<String> = renderer
            .render_all()
            .unwrap()
            .into_iter()
            .map(|f| f.path)
            .collect();
        // Written beside the render, by `package`.
        rendered.push(urls::ZIP.to_string());
        rendered.sort();
        let unsourced: Vec<&String> = rendered
            .iter()
            .filter(|p| !outputs.by_path.contains_key(*p))
            .collect();
        assert_eq!(unsourced, Vec::<&String>::new());
        // The only sources without a file here: the sheets for leerlingen
        // and ouders, which this content lacks the words for; their names
        // stay the build's all the same.
        let unused: Vec<&str> = outputs
            .by_path
            .keys()
            .filter(|p| !rendered.contains(p))
            .map(String::as_str)
            .collect();
        assert_eq!(unused, [urls::WORKSHEET_STUDENTS, urls::WORKSHEET_PARENTS]);
        assert!(rendered.iter().any(|p| p == "assets/logo.svg"));
    }
}

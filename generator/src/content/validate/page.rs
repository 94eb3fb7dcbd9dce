//! `paginas/<slug>.md`: the other pages.

use super::*;

impl Validator<'_> {
    pub(super) fn pages(&mut self, parsed: Vec<Parsed<RawPage>>) -> Option<BTreeMap<String, Page>> {
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
            let page = self.page(&p, &slug, false);
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

impl Validator<'_> {
    /// A page from `paginas/`: the content's, or an overlay's (`local`).
    pub(super) fn page(&mut self, p: &Parsed<RawPage>, slug: &str, local: bool) -> Page {
        Page {
            title: self.text(p, "titel", &p.raw.titel),
            summary: self.text(p, "samenvatting", &p.raw.samenvatting),
            rel_path: p.file.rel_path.clone(),
            body: self.body_markdown(p),
            slug: slug.to_string(),
            local,
        }
    }
}

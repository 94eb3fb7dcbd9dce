//! How content links become page URLs: the site's index of pages, and the
//! booklet's variant where a domain is a section of the same page.

use super::urls;
use crate::content::model::*;
use crate::markdown::LinkResolver;
use serde::Serialize;
use std::collections::HashMap;

/// Lookups built once per build, so rendering stays linear in site size.
pub(super) struct PageIndex {
    /// Content file → root-relative output URL.
    pub(super) url_of_source: HashMap<String, String>,
    /// Output URL → content file.
    pub(super) source_of_url: HashMap<String, String>,
    pub(super) intervention_by_id: HashMap<String, usize>,
    pub(super) used_by: HashMap<String, Vec<UsedBy>>,
}

impl PageIndex {
    pub(super) fn new(site: &Site) -> Self {
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

/// Links as the booklet needs them: a domain is a section of the booklet.
pub(super) struct BookletLinks<'a> {
    pub(super) index: &'a PageIndex,
    /// Content file → the domain's slug, its section id in the booklet.
    pub(super) domains: HashMap<String, String>,
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
pub(super) struct UsedBy {
    pub(super) number: String,
    pub(super) domain_title: String,
    pub(super) url: String,
}

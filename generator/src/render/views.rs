//! What the templates get: views of the site, its domains and interventions.

use super::links::UsedBy;
use super::{Renderer, urls};
use crate::content::model::*;
use crate::markdown::LinkResolver;
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub(super) title: &'a str,
    pub(super) tagline: &'a str,
    pub(super) lang: &'a str,
    pub(super) address: &'a str,
    /// The content's version as a Dutch date.
    pub(super) version: String,
    /// Where to look for a newer version: the upstream address, unless
    /// this build is that address itself.
    pub(super) upstream_link: Option<&'a str>,
    pub(super) reference_date: &'a str,
    pub(super) contact_email: &'a str,
    pub(super) contact_organisation: &'a str,
    pub(super) colophon: &'a Colophon,
    pub(super) intervention_questions: &'a [String],
    pub(super) search_nji: &'a str,
}

#[derive(Serialize)]
pub(super) struct NavLink {
    pub(super) number: Option<u8>,
    pub(super) title: String,
    pub(super) url: String,
}

#[derive(Serialize)]
pub(super) struct InterventionUseView {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) url: String,
    pub(super) note_html: String,
    pub(super) secondary: bool,
    pub(super) local: bool,
    /// The editors linked it (no printed page): the databank page that supports the fit.
    pub(super) support: Option<String>,
}

#[derive(Serialize)]
pub(super) struct RecommendationView {
    pub(super) number: String,
    pub(super) anchor: String,
    pub(super) text_html: String,
    pub(super) inspiration_html: Vec<String>,
    pub(super) interventions: Vec<InterventionUseView>,
    pub(super) footnote_html: Option<String>,
    /// The recommendation's core, its bold words, for the empty-state hint.
    pub(super) keywords: String,
    /// Neither practice examples nor interventions yet.
    pub(super) empty: bool,
}

#[derive(Serialize)]
pub(super) struct DomainView {
    pub(super) number: u8,
    pub(super) title: String,
    pub(super) slug: String,
    pub(super) url: String,
    pub(super) summary: String,
    /// Where the text comes from, for domains without a printed page.
    pub(super) origin_html: Option<String>,
    pub(super) not_well_html: String,
    pub(super) well_html: String,
    pub(super) tip_html: String,
    pub(super) recommendations: Vec<RecommendationView>,
    /// More than half its recommendations are still empty.
    pub(super) mostly_empty: bool,
    pub(super) print_origin_html: String,
    pub(super) print_basis_html: String,
    pub(super) print_selection_html: String,
    pub(super) local_note_html: Option<String>,
    /// The extremes in the words of leerlingen and of ouders, when written.
    pub(super) words: Option<PerspectiveWordsView>,
    /// Every intervention its recommendations name, once, in order of
    /// first mention: what the plan van aanpak lets a team consider.
    pub(super) interventions: Vec<PlanInterventionView>,
}

#[derive(Serialize)]
pub(super) struct PlanInterventionView {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) url: String,
}

/// A domain's two extremes for leerlingen and for ouders, as paragraphs.
#[derive(Serialize)]
pub(super) struct PerspectiveWordsView {
    pub(super) students_not_well_html: String,
    pub(super) students_well_html: String,
    pub(super) parents_not_well_html: String,
    pub(super) parents_well_html: String,
}

#[derive(Serialize)]
pub(super) struct InterventionView {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) url: String,
    pub(super) source_name: String,
    /// The level, and since when, e.g. ("goed onderbouwd", "24 september 2020").
    pub(super) recognition: Option<(String, String)>,
    pub(super) not_found: Option<String>,
    pub(super) target_group: Option<String>,
    pub(super) aim: Option<String>,
    pub(super) duration: Option<String>,
    pub(super) costs: Option<String>,
    pub(super) external_url: Option<String>,
    pub(super) facts_source: Option<String>,
    pub(super) checked: Option<String>,
    pub(super) used_by: Vec<UsedBy>,
    /// The host's own offer.
    pub(super) local: bool,
    pub(super) local_note_html: Option<String>,
}

impl Renderer<'_> {
    pub(super) fn recommendation_view(
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
                        id: i.id.clone(),
                        name: i.name.clone(),
                        url: urls::intervention(&i.id),
                        note_html: self.md_inline_with(&u.note, path, links),
                        secondary: u.secondary,
                        local: u.local,
                        support: u.support.clone(),
                    })
                })
                .collect(),
            footnote_html: r
                .footnote
                .as_ref()
                .map(|f| self.md_inline_with(f, path, links)),
            keywords: bold_words(&r.text.text),
            empty: r.inspiration.is_empty() && r.interventions.is_empty(),
        }
    }

    /// One domain's printable parts, rendered for `path` with `links`.
    pub(super) fn domain_view(
        &self,
        d: &Domain,
        path: &str,
        links: &dyn LinkResolver,
    ) -> DomainView {
        let c = &self.site.config;
        let mut interventions: Vec<PlanInterventionView> = Vec::new();
        for u in d.recommendations.iter().flat_map(|r| &r.interventions) {
            if let Some(&i) = self.index.intervention_by_id.get(&u.id)
                && !interventions.iter().any(|v| v.id == u.id)
            {
                let i = &self.site.interventions[i];
                interventions.push(PlanInterventionView {
                    id: i.id.clone(),
                    name: i.name.clone(),
                    url: urls::intervention(&i.id),
                });
            }
        }
        DomainView {
            number: d.number,
            title: d.title.clone(),
            slug: d.slug.clone(),
            url: urls::domain(&d.slug),
            summary: d.summary.clone(),
            origin_html: d
                .origin
                .as_ref()
                .map(|m| self.md_inline_with(m, path, links)),
            not_well_html: self.md_with(&d.not_well, path, 0, links),
            well_html: self.md_with(&d.well, path, 0, links),
            tip_html: self.md_with(&c.tip, path, 0, links),
            recommendations: d
                .recommendations
                .iter()
                .map(|r| self.recommendation_view(r, path, links))
                .collect(),
            mostly_empty: {
                let empty = d
                    .recommendations
                    .iter()
                    .filter(|r| r.inspiration.is_empty() && r.interventions.is_empty())
                    .count();
                empty * 2 > d.recommendations.len()
            },
            print_origin_html: self.md_inline_with(&c.print_origin, path, links),
            print_basis_html: self.md_inline_with(&c.print_basis, path, links),
            print_selection_html: self.md_inline_with(&c.print_selection, path, links),
            local_note_html: d
                .local_note
                .as_ref()
                .map(|n| self.md_with(n, path, 2, links)),
            words: d.perspectives.as_ref().map(|p| PerspectiveWordsView {
                students_not_well_html: super::pages::plain_paragraph(&p.student.not_well),
                students_well_html: super::pages::plain_paragraph(&p.student.well),
                parents_not_well_html: super::pages::plain_paragraph(&p.parent.not_well),
                parents_well_html: super::pages::plain_paragraph(&p.parent.well),
            }),
            interventions,
        }
    }

    pub(super) fn intervention_view(&self, i: &Intervention) -> InterventionView {
        let used_by = self.index.used_by.get(&i.id).cloned().unwrap_or_default();
        InterventionView {
            id: i.id.clone(),
            name: i.name.clone(),
            url: urls::intervention(&i.id),
            source_name: i.source_name.clone(),
            recognition: i
                .recognition
                .as_ref()
                .map(|(level, date)| (level.clone(), dutch_date(date))),
            not_found: i.not_found.clone(),
            target_group: i.target_group.clone(),
            aim: i.aim.clone(),
            duration: i.duration.clone(),
            costs: i.costs.clone(),
            external_url: i.external_url.clone(),
            facts_source: i.facts_source.clone(),
            checked: i.checked.as_deref().map(dutch_date),
            used_by,
            local: i.local,
            local_note_html: i
                .local_note
                .as_ref()
                .map(|n| self.md(n, &urls::intervention(&i.id), 2)),
        }
    }
}

/// `2020-09-24` → `24 september 2020` (validated as a date already).
pub(super) fn dutch_date(iso: &str) -> String {
    let month = iso
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| site_data::MONTHS.get(m.wrapping_sub(1)));
    match (
        iso.get(0..4),
        month,
        iso.get(8..10).and_then(|d| d.parse::<u8>().ok()),
    ) {
        (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
        _ => iso.to_string(),
    }
}

/// The words in `**bold**` in a recommendation's Markdown: its core, as the
/// printed pages mark it; the whole text without its asterisks otherwise.
fn bold_words(markdown: &str) -> String {
    let parts: Vec<&str> = markdown.split("**").collect();
    let bold: Vec<&str> = parts.iter().skip(1).step_by(2).copied().collect();
    if bold.is_empty() {
        markdown.replace('*', "")
    } else {
        bold.join(" … ")
    }
}

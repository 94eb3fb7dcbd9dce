//! The rapport: all scores with their place from low to high, how far
//! participants and perspectives lie apart, and a suggested focus of about
//! three, with ties explained.

use crate::score::Score;
use crate::spread::{DomainSpread, domain_spread};
use crate::text::rapport as txt;
use crate::traject::{Perspective, Traject};
use site_data::SiteData;

/// How many domains the suggestion aims for.
pub const SUGGEST: usize = 3;
/// Below this many domains with a number there is no suggestion yet: the
/// lowest of a few scores says little.
pub const MIN_FOR_SUGGESTION: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The median of the participants' numbers in tenths (a 5 is 50, the
    /// median of 5 and 6 is 55). Integers keep float code out of the
    /// scorer, and domains that show the same score compare equal.
    Scored(u32),
    /// Answered, but only with *weet niet*.
    DontKnow,
    NotScored,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub domain: u8,
    pub title: String,
    pub outcome: Outcome,
    /// Place from low to high among the domains with a number.
    pub rank: Option<usize>,
    /// Median, range and points to discuss; `None` without a number.
    pub spread: Option<DomainSpread>,
    /// Each participant's number, in participant order: the chart's dots.
    pub dots: Vec<u8>,
}

impl Row {
    /// Where the bar ends on a 1–10 axis drawn 900 units wide (1 at 0,
    /// each point 100 units); `None` without a number.
    pub fn bar_end(&self) -> Option<i64> {
        match self.outcome {
            Outcome::Scored(tenths) => Some((i64::from(tenths) - 10) * 10),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rapport {
    /// In domain order.
    pub rows: Vec<Row>,
    /// Answered domains, *weet niet* included.
    pub answered: usize,
    /// Domains with a number.
    pub numbered: usize,
    pub total: usize,
    /// Empty until [`MIN_FOR_SUGGESTION`] domains have a number.
    pub suggestion: Vec<u8>,
    /// Sentences that explain the suggestion: ties.
    pub notes: Vec<String>,
}

/// "5" or "5,5" from tenths: Dutch decimal comma, one decimal at most.
pub fn format_score(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// Which participants the rapport looks at: everyone, or one perspective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter<'a> {
    All,
    /// A perspective's label: "team", "leerlingen", "ouders" or the free text.
    Only(&'a str),
}

impl Filter<'_> {
    fn admits(&self, p: &Perspective) -> bool {
        match self {
            Filter::All => true,
            Filter::Only(label) => p.label() == *label,
        }
    }
}

fn row(traject: &Traject, filter: Filter, number: u8, title: &str) -> Row {
    let answers: Vec<(&str, Score)> = traject
        .participants
        .iter()
        .filter(|p| filter.admits(&p.perspective))
        .filter_map(|p| Some((p.perspective.label(), p.answers.get(&number)?.score?)))
        .collect();
    let spread = domain_spread(&answers);
    let outcome = match &spread {
        Some(s) => Outcome::Scored(u32::from(s.all.median_tenths)),
        None if answers.is_empty() => Outcome::NotScored,
        None => Outcome::DontKnow,
    };
    Row {
        domain: number,
        title: title.to_string(),
        outcome,
        rank: None,
        dots: answers.iter().filter_map(|(_, s)| s.value()).collect(),
        spread,
    }
}

impl Rapport {
    pub fn new(traject: &Traject, data: &SiteData) -> Rapport {
        Rapport::filtered(traject, data, Filter::All)
    }

    /// The rapport over the participants `filter` admits.
    pub fn filtered(traject: &Traject, data: &SiteData, filter: Filter) -> Rapport {
        let rows: Vec<Row> = data
            .domains
            .iter()
            .map(|d| row(traject, filter, d.number, &d.title))
            .collect();
        let mut numbered: Vec<(u32, u8)> = rows
            .iter()
            .filter_map(|r| match r.outcome {
                Outcome::Scored(v) => Some((v, r.domain)),
                _ => None,
            })
            .collect();
        crate::sort_small(&mut numbered, |a, b| (a.0, a.1) < (b.0, b.1));
        let mut rows = rows;
        for (place, (_, d)) in numbered.iter().enumerate() {
            if let Some(r) = rows.iter_mut().find(|r| r.domain == *d) {
                r.rank = Some(place + 1);
            }
        }

        let title = |d: u8| {
            rows.iter()
                .find(|r| r.domain == d)
                .map(|r| r.title.clone())
                .unwrap_or_default()
        };
        let (mut suggestion, mut notes) = (vec![], vec![]);
        if numbered.len() >= MIN_FOR_SUGGESTION {
            let cut = numbered[SUGGEST - 1].0;
            suggestion = numbered
                .iter()
                .filter(|p| p.0 <= cut)
                .map(|p| p.1)
                .collect();
            if suggestion.len() > SUGGEST {
                let tied: Vec<String> = numbered
                    .iter()
                    .filter(|p| p.0 == cut)
                    .map(|p| title(p.1))
                    .collect();
                notes.push(txt::tie(&tied, &format_score(cut)));
            }
        }
        Rapport {
            answered: rows
                .iter()
                .filter(|r| r.outcome != Outcome::NotScored)
                .count(),
            numbered: numbered.len(),
            total: rows.len(),
            rows,
            suggestion,
            notes,
        }
    }

    /// The domain to score next: the first one not answered at all, else
    /// the first answered with *weet niet*.
    pub fn next_to_score(&self) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.outcome == Outcome::NotScored)
            .or_else(|| self.rows.iter().find(|r| r.outcome == Outcome::DontKnow))
    }

    pub fn suggestion_sentence(&self) -> Option<String> {
        if self.suggestion.is_empty() {
            return None;
        }
        let titles: Vec<String> = self
            .suggestion
            .iter()
            .filter_map(|d| self.rows.iter().find(|r| r.domain == *d))
            .map(|r| r.title.clone())
            .collect();
        Some(txt::suggestion(&titles))
    }
}

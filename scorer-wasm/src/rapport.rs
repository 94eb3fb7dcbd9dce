//! The rapport: all scores with their place from low to high, and a
//! suggested focus of about three, with ties explained.

use crate::score::Score;
use crate::text::rapport as txt;
use crate::traject::Traject;
use site_data::SiteData;

/// How many domains the suggestion aims for.
pub const SUGGEST: usize = 3;
/// Below this many domains with a number there is no suggestion yet: the
/// lowest of a few scores says little.
pub const MIN_FOR_SUGGESTION: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The mean of the respondents' numbers in tenths, rounded half up (a
    /// 5 is 50, a mean of 5,45 is 55). Integers keep float code out of the
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

fn outcome(traject: &Traject, domain: u8) -> Outcome {
    let mut sum = 0u32;
    let mut n = 0u32;
    let mut dont_know = false;
    for r in &traject.respondents {
        match r.answers.get(&domain).and_then(|a| a.score) {
            Some(Score::Value(v)) => {
                sum += u32::from(v);
                n += 1;
            }
            Some(Score::DontKnow) => dont_know = true,
            None => {}
        }
    }
    match (n, dont_know) {
        (0, true) => Outcome::DontKnow,
        (0, false) => Outcome::NotScored,
        // sum / n in tenths, rounded half up.
        _ => Outcome::Scored((sum * 20 + n) / (2 * n)),
    }
}

impl Rapport {
    pub fn new(traject: &Traject, data: &SiteData) -> Rapport {
        let rows: Vec<Row> = data
            .domains
            .iter()
            .map(|d| Row {
                domain: d.number,
                title: d.title.clone(),
                outcome: outcome(traject, d.number),
                rank: None,
            })
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

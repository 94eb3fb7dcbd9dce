//! The rapport: all scores, the lowest and highest domains, and a suggested
//! focus of about three, with ties explained.

use crate::score::Score;
use crate::text::rapport as txt;
use crate::traject::Traject;
use site_data::SiteData;

/// How many domains the suggestion aims for.
pub const SUGGEST: usize = 3;
/// Below this many domains with a number, the rapport says it is preliminary.
pub const ENOUGH: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// The mean of the respondents' numbers (the score itself for one respondent).
    Scored(f64),
    /// Answered, but only with *weet niet*.
    DontKnow,
    NotScored,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub domain: u8,
    pub title: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rapport {
    /// In domain order.
    pub rows: Vec<Row>,
    /// Domain numbers: by score from low to high, then *weet niet*, then not scored.
    pub sorted: Vec<u8>,
    /// Answered domains, *weet niet* included.
    pub answered: usize,
    /// Domains with a number.
    pub numbered: usize,
    pub total: usize,
    pub lowest: Vec<u8>,
    pub highest: Vec<u8>,
    pub suggestion: Vec<u8>,
    /// Sentences that explain the suggestion: too few scores, ties.
    pub notes: Vec<String>,
}

/// "5" or "5,5": Dutch decimal comma, one decimal at most. Integer
/// arithmetic, because float formatting would double the scorer's size.
pub fn format_score(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

fn outcome(traject: &Traject, domain: u8) -> Outcome {
    let mut sum = 0.0;
    let mut n = 0u32;
    let mut dont_know = false;
    for r in &traject.respondents {
        match r.answers.get(&domain).and_then(|a| a.score) {
            Some(Score::Value(v)) => {
                sum += f64::from(v);
                n += 1;
            }
            Some(Score::DontKnow) => dont_know = true,
            None => {}
        }
    }
    match (n, dont_know) {
        (0, true) => Outcome::DontKnow,
        (0, false) => Outcome::NotScored,
        _ => Outcome::Scored(sum / f64::from(n)),
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
            })
            .collect();
        let mut numbered: Vec<(f64, u8)> = rows
            .iter()
            .filter_map(|r| match r.outcome {
                Outcome::Scored(v) => Some((v, r.domain)),
                _ => None,
            })
            .collect();
        crate::sort_small(&mut numbered, |a, b| (a.0, a.1) < (b.0, b.1));
        let with =
            |o: fn(&Outcome) -> bool| rows.iter().filter(move |r| o(&r.outcome)).map(|r| r.domain);
        let mut sorted: Vec<u8> = numbered.iter().map(|&(_, d)| d).collect();
        sorted.extend(with(|o| *o == Outcome::DontKnow));
        sorted.extend(with(|o| *o == Outcome::NotScored));

        let title = |d: u8| {
            rows.iter()
                .find(|r| r.domain == d)
                .map(|r| r.title.clone())
                .unwrap_or_default()
        };
        let (mut lowest, mut highest, mut suggestion, mut notes) = (vec![], vec![], vec![], vec![]);
        if let (Some(&(min, _)), Some(&(max, _))) = (numbered.first(), numbered.last()) {
            lowest = numbered
                .iter()
                .filter(|p| p.0 == min)
                .map(|p| p.1)
                .collect();
            highest = numbered
                .iter()
                .filter(|p| p.0 == max)
                .map(|p| p.1)
                .collect();
            let cut = numbered[SUGGEST.min(numbered.len()) - 1].0;
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
            if numbered.len() < ENOUGH {
                notes.insert(0, txt::too_few(numbered.len(), rows.len()));
            }
        } else {
            notes.push(txt::NONE_SCORED.to_string());
        }
        Rapport {
            answered: rows
                .iter()
                .filter(|r| r.outcome != Outcome::NotScored)
                .count(),
            numbered: numbered.len(),
            total: rows.len(),
            rows,
            sorted,
            lowest,
            highest,
            suggestion,
            notes,
        }
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

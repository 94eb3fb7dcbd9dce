//! The region's picture: per domain the spread of school scores, the same
//! per perspective, what schools chose and took up, and the change between
//! rounds. A figure built on fewer than three schools shows no number, and
//! a filter by kind of school never leaves one or two schools outside it,
//! so no school's figures can be worked out by subtracting.

use super::merge::{School, Set};
use super::model::{DomainScore, Group, MIN_SCHOOLS, SchoolKind};
use super::stats::{Quartiles, quartiles};
use crate::plan::Status;

/// A figure, or "te weinig scholen".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown<T> {
    Value(T),
    TooFew,
}

impl<T> Shown<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Shown::Value(v) => Some(v),
            Shown::TooFew => None,
        }
    }
}

/// Which schools the picture is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Kind(SchoolKind),
}

impl Filter {
    fn admits(self, s: &School) -> bool {
        match self {
            Filter::All => true,
            Filter::Kind(k) => s.summary.kind == Some(k),
        }
    }
}

/// A figure over `n` of the filtered schools is shown when `n` reaches
/// the minimum and, under a filter, the same figure over all schools
/// does not rest on just one or two more.
fn guard<T>(n: usize, n_all: usize, filtered: bool, v: impl FnOnce() -> T) -> Shown<T> {
    let remainder = n_all - n;
    if n < MIN_SCHOOLS || (filtered && (1..MIN_SCHOOLS).contains(&remainder)) {
        Shown::TooFew
    } else {
        Shown::Value(v())
    }
}

/// One domain's school scores: their spread and a dot per school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    pub quartiles: Quartiles,
    /// Each school's score in tenths, in the order read: the chart's dots.
    pub dots: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainFigure {
    pub domain: u8,
    pub spread: Shown<Spread>,
    /// Schools with a score for this domain.
    pub schools: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub filter: Filter,
    pub schools: Shown<usize>,
    /// Participants per perspective in the schools' newest rounds.
    pub participants: Vec<(Group, Shown<u32>)>,
    pub domains: Vec<DomainFigure>,
    /// Per perspective that at least one school sent scores of.
    pub by_group: Vec<(Group, Vec<DomainFigure>)>,
    /// How many schools chose each domain.
    pub chosen: Vec<(u8, Shown<usize>)>,
    /// Aanbevelingen marked *oppakken*, most often first (ties by number).
    pub taken_up: Shown<Vec<(String, usize)>>,
    /// Interventions considered, most often first (ties by id).
    pub considered: Shown<Vec<(String, usize)>>,
    /// Per domain, the median change of schools with two rounds or more.
    pub change: Vec<(u8, Shown<Quartiles>)>,
}

/// Whether the picture can be drawn for `filter` at all.
pub fn filter_allowed(set: &Set, filter: Filter) -> bool {
    let n = set.schools.iter().filter(|s| filter.admits(s)).count();
    let filtered = filter != Filter::All;
    matches!(
        guard(n, set.schools.len(), filtered, || ()),
        Shown::Value(())
    )
}

/// A school's value for a figure over the newest round (or `None`).
type Value<'a> = &'a dyn Fn(&School) -> Option<i32>;

fn spread_of(set: &Set, filter: Filter, value: Value) -> (Shown<Spread>, usize) {
    let all: Vec<i32> = set.schools.iter().filter_map(value).collect();
    let dots: Vec<i32> = set
        .schools
        .iter()
        .filter(|s| filter.admits(s))
        .filter_map(value)
        .collect();
    let n = dots.len();
    let shown = guard(n, all.len(), filter != Filter::All, || {
        let quartiles = quartiles(&dots).unwrap_or(Quartiles {
            count: 0,
            min: 0,
            q1_x4: 0,
            median_x4: 0,
            q3_x4: 0,
            max: 0,
        });
        Spread { quartiles, dots }
    });
    (shown, n)
}

fn newest(s: &School) -> Option<&super::model::RoundSummary> {
    s.summary.rounds.last()
}

fn scored(d: DomainScore) -> Option<i32> {
    match d {
        DomainScore::Scored(t) => Some(t as i32),
        _ => None,
    }
}

/// The most frequent first, ties by key, counted over the filtered schools.
fn ranked(items: impl Iterator<Item = String>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for key in items {
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => out.push((key, 1)),
        }
    }
    crate::sort_small(&mut out, |a, b| {
        a.1 > b.1 || (a.1 == b.1 && natural(&a.0) < natural(&b.0))
    });
    out
}

/// "3.10" after "3.9": numbers by their parts.
fn natural(s: &str) -> (u32, u32, String) {
    match crate::plan::recommendation_parts(s) {
        Some((a, b)) => (u32::from(a), u32::from(b), String::new()),
        None => (u32::MAX, 0, s.to_string()),
    }
}

pub fn picture(set: &Set, filter: Filter, domains: &[u8]) -> Picture {
    let filtered = filter != Filter::All;
    let n_all = set.schools.len();
    let mine: Vec<&School> = set.schools.iter().filter(|s| filter.admits(s)).collect();
    let n = mine.len();
    let whole = guard(n, n_all, filtered, || ());
    let allowed = matches!(whole, Shown::Value(()));
    let participants = Group::ALL
        .into_iter()
        .map(|g| {
            let of = |s: &&School| newest(s).and_then(|r| r.group(g)).map(|gr| gr.participants);
            let with =
                |list: &mut dyn Iterator<Item = &School>| list.filter_map(|s| of(&s)).count();
            let k = with(&mut mine.iter().copied());
            let k_all = with(&mut set.schools.iter());
            let total: u32 = mine.iter().filter_map(of).sum();
            (
                g,
                if allowed {
                    guard(k, k_all, filtered, || total)
                } else {
                    Shown::TooFew
                },
            )
        })
        .filter(|(g, _)| {
            set.schools
                .iter()
                .any(|s| newest(s).and_then(|r| r.group(*g)).is_some())
        })
        .collect();
    let figure = |d: u8, value: Value| {
        let (spread, schools) = spread_of(set, filter, value);
        DomainFigure {
            domain: d,
            spread: if allowed { spread } else { Shown::TooFew },
            schools,
        }
    };
    let domain_figures = domains
        .iter()
        .map(|&d| figure(d, &|s: &School| newest(s).and_then(|r| scored(r.score(d)))))
        .collect();
    let by_group = Group::ALL
        .into_iter()
        .filter(|g| {
            set.schools.iter().any(|s| {
                newest(s)
                    .and_then(|r| r.group(*g))
                    .is_some_and(|gr| gr.counts.is_some())
            })
        })
        .map(|g| {
            let figures = domains
                .iter()
                .map(|&d| {
                    figure(d, &|s: &School| {
                        let counts = newest(s)?.group(g)?.counts.as_ref()?;
                        let (_, c) = counts.iter().find(|(n, _)| *n == d)?;
                        c.median_tenths().map(|t| t as i32)
                    })
                })
                .collect();
            (g, figures)
        })
        .collect();
    let chosen = domains
        .iter()
        .map(|&d| {
            let k = mine
                .iter()
                .filter(|s| s.summary.choice.domains.contains(&d))
                .count();
            (
                d,
                if allowed {
                    Shown::Value(k)
                } else {
                    Shown::TooFew
                },
            )
        })
        .collect();
    let taken_up = if allowed {
        Shown::Value(ranked(mine.iter().flat_map(|s| {
            s.summary
                .choice
                .recommendations
                .iter()
                .filter(|(_, st)| *st == Status::TakeUp)
                .map(|(n, _)| n.clone())
        })))
    } else {
        Shown::TooFew
    };
    let considered = if allowed {
        Shown::Value(ranked(
            mine.iter()
                .flat_map(|s| s.summary.choice.interventions.iter().cloned()),
        ))
    } else {
        Shown::TooFew
    };
    let change_of = |s: &School, d: u8| {
        let (last, before) = Set::latest(s);
        Some(scored(last?.score(d))? - scored(before?.score(d))?)
    };
    let change = domains
        .iter()
        .map(|&d| {
            let mine_changes: Vec<i32> = mine.iter().filter_map(|s| change_of(s, d)).collect();
            let k_all = set.schools.iter().filter_map(|s| change_of(s, d)).count();
            let k = mine_changes.len();
            let shown = if allowed {
                guard(k, k_all, filtered, || quartiles(&mine_changes))
            } else {
                Shown::TooFew
            };
            (
                d,
                match shown {
                    Shown::Value(Some(q)) => Shown::Value(q),
                    _ => Shown::TooFew,
                },
            )
        })
        .collect();
    Picture {
        filter,
        schools: if allowed {
            Shown::Value(n)
        } else {
            Shown::TooFew
        },
        participants,
        domains: domain_figures,
        by_group,
        chosen,
        taken_up,
        considered,
        change,
    }
}

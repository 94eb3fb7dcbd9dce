//! The region's picture: per domain the spread of school scores, the same
//! per perspective, what schools chose and took up, and the change between
//! rounds. A figure built on fewer than three schools shows no number, and
//! a filter by kind of school never leaves one or two schools outside it,
//! so no school's figures can be worked out by subtracting.

use super::merge::{School, Set};
use super::model::{DomainScore, Group, MIN_SCHOOLS, RoundSummary, SchoolKind};
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

/// Whether `n` of `n_all` schools may show a figure: at least three, and
/// under a filter no remainder of one or two.
fn enough(n: usize, n_all: usize, filtered: bool) -> bool {
    let remainder = n_all - n;
    !(n < MIN_SCHOOLS || (filtered && (1..MIN_SCHOOLS).contains(&remainder)))
}

fn shown<T>(ok: bool, v: T) -> Shown<T> {
    if ok { Shown::Value(v) } else { Shown::TooFew }
}

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
    enough(n, set.schools.len(), filter != Filter::All)
}

/// A value per school, where it has one.
type Value<'a> = &'a dyn Fn(&School) -> Option<i32>;

/// The values of the schools the filter admits, and how many schools in
/// all have one: one plain loop, whatever the figure.
fn gather(set: &Set, filter: Filter, value: Value) -> (Vec<i32>, usize) {
    let mut mine = Vec::new();
    let mut all = 0;
    for s in &set.schools {
        if let Some(v) = value(s) {
            all += 1;
            if filter.admits(s) {
                mine.push(v);
            }
        }
    }
    (mine, all)
}

fn newest(s: &School) -> Option<&RoundSummary> {
    s.summary.rounds.last()
}

fn scored(d: DomainScore) -> Option<i32> {
    match d {
        DomainScore::Scored(t) => Some(t as i32),
        _ => None,
    }
}

/// Keys counted, the most frequent first, then in the order of the
/// recommendations' numbers.
fn ranked(items: Vec<&String>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for key in items {
        match out.iter_mut().find(|(k, _)| k == key) {
            Some((_, n)) => *n += 1,
            None => out.push((key.clone(), 1)),
        }
    }
    crate::sort_small(&mut out, |a, b| {
        a.1 > b.1 || (a.1 == b.1 && natural(&a.0) < natural(&b.0))
    });
    out
}

/// "3.10" after "3.9": numbers by their parts.
fn natural(s: &str) -> (u32, u32, &str) {
    match crate::plan::recommendation_parts(s) {
        Some((a, b)) => (u32::from(a), u32::from(b), ""),
        None => (u32::MAX, 0, s),
    }
}

pub fn picture(set: &Set, filter: Filter, domains: &[u8]) -> Picture {
    let filtered = filter != Filter::All;
    let mut mine = Vec::new();
    for s in &set.schools {
        if filter.admits(s) {
            mine.push(s);
        }
    }
    let allowed = enough(mine.len(), set.schools.len(), filtered);
    // A figure on the schools that have a value: enough of them, and the
    // whole selection allowed.
    let figure = |value: Value| {
        let (values, all) = gather(set, filter, value);
        (allowed && enough(values.len(), all, filtered), values)
    };
    let spread = |d: u8, value: Value| {
        let (ok, dots) = figure(value);
        let schools = dots.len();
        let spread = match quartiles(&dots) {
            Some(quartiles) if ok => Shown::Value(Spread { quartiles, dots }),
            _ => Shown::TooFew,
        };
        DomainFigure {
            domain: d,
            spread,
            schools,
        }
    };
    let mut participants = Vec::new();
    let mut by_group = Vec::new();
    for g in Group::ALL {
        let (ok, counts) = figure(&|s| newest(s)?.group(g).map(|gr| gr.participants as i32));
        if !set
            .schools
            .iter()
            .any(|s| newest(s).and_then(|r| r.group(g)).is_some())
        {
            continue;
        }
        participants.push((g, shown(ok, counts.iter().sum::<i32>() as u32)));
        let sent_scores = set.schools.iter().any(|s| {
            newest(s)
                .and_then(|r| r.group(g))
                .is_some_and(|gr| gr.counts.is_some())
        });
        if sent_scores {
            let mut figures = Vec::new();
            for &d in domains {
                figures.push(spread(d, &|s| {
                    let counts = newest(s)?.group(g)?.counts.as_ref()?;
                    let (_, c) = counts.iter().find(|(n, _)| *n == d)?;
                    c.median_tenths().map(|t| t as i32)
                }));
            }
            by_group.push((g, figures));
        }
    }
    let mut domain_figures = Vec::new();
    let mut chosen = Vec::new();
    let mut change = Vec::new();
    for &d in domains {
        domain_figures.push(spread(d, &|s| scored(newest(s)?.score(d))));
        let k = mine
            .iter()
            .filter(|s| s.summary.choice.domains.contains(&d))
            .count();
        chosen.push((d, shown(allowed, k)));
        let (ok, changes) = figure(&|s| {
            let (last, before) = Set::latest(s);
            Some(scored(last?.score(d))? - scored(before?.score(d))?)
        });
        change.push((
            d,
            match quartiles(&changes) {
                Some(q) if ok => Shown::Value(q),
                _ => Shown::TooFew,
            },
        ));
    }
    let (mut taken_up, mut considered) = (Vec::new(), Vec::new());
    for s in &mine {
        for (n, st) in &s.summary.choice.recommendations {
            if *st == Status::TakeUp {
                taken_up.push(n);
            }
        }
        for i in &s.summary.choice.interventions {
            considered.push(i);
        }
    }
    Picture {
        filter,
        schools: shown(allowed, mine.len()),
        participants,
        domains: domain_figures,
        by_group,
        chosen,
        taken_up: shown(allowed, ranked(taken_up)),
        considered: shown(allowed, ranked(considered)),
        change,
    }
}

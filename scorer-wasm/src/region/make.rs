//! A school's summary from its traject: only counts and scores, the month
//! of each round, and what the team chose. What a name, note or reason
//! says never enters it.

use super::model::{
    Choice, Counts, DomainRound, DomainScore, Group, GroupRound, MIN_PARTICIPANTS, RoundSummary,
    SchoolKind, Summary, month_of,
};
use crate::plan::recommendation_parts;
use crate::traject::{Participant, Traject};
use site_data::SiteData;

/// The summary of `traject`, under the school id it keeps
/// (`traject.region_id`, which the caller sets first when empty).
pub fn summary(
    traject: &Traject,
    data: &SiteData,
    name: &str,
    kind: Option<SchoolKind>,
) -> Summary {
    let domains: Vec<u8> = data.domains.iter().map(|d| d.number).collect();
    let mut rounds: Vec<RoundSummary> = Vec::new();
    let all = traject
        .rounds
        .iter()
        .map(|r| (r.started.as_str(), &r.participants[..]))
        .chain([(traject.round_started.as_str(), &traject.participants[..])]);
    for (started, participants) in all {
        let Some(month) = month_of(started) else {
            continue;
        };
        let round = round(month, participants, &domains);
        if round.participants() == 0 {
            continue;
        }
        // Two rounds begun in one month: the later one is the measurement.
        match rounds.iter_mut().find(|r| r.month == round.month) {
            Some(same) => *same = round,
            None => rounds.push(round),
        }
    }
    crate::sort_small(&mut rounds, |a, b| a.month < b.month);
    Summary {
        school: traject.region_id.clone(),
        name: crate::traject::clean_name(name)
            .map(|n| crate::json_fields::clip(&n, super::model::MAX_SCHOOL_NAME))
            .unwrap_or_default(),
        kind,
        rounds,
        choice: choice(traject, &domains),
    }
}

fn answered(p: &Participant) -> bool {
    p.answers.values().any(|a| a.score.is_some())
}

fn round(month: String, participants: &[Participant], domains: &[u8]) -> RoundSummary {
    let counts_of = |who: &mut dyn Iterator<Item = &Participant>, domain: u8| {
        let mut c = Counts::default();
        for p in who {
            if let Some(s) = p.answers.get(&domain).and_then(|a| a.score) {
                match s.value() {
                    Some(v) => c.scores[usize::from(v) - 1] += 1,
                    None => c.dont_know += 1,
                }
            }
        }
        c
    };
    let domain_rounds = domains
        .iter()
        .map(|&d| {
            let c = counts_of(&mut participants.iter(), d);
            let score = match c.median_tenths() {
                Some(t) => DomainScore::Scored(t),
                None if c.dont_know > 0 => DomainScore::DontKnow,
                None => DomainScore::NotScored,
            };
            DomainRound {
                domain: d,
                score,
                participants: c.answered(),
            }
        })
        .collect();
    let groups = Group::ALL
        .into_iter()
        .filter_map(|g| {
            let of_group = || {
                participants
                    .iter()
                    .filter(move |p| Group::of(&p.perspective) == g && answered(p))
            };
            let n = of_group().count() as u32;
            (n > 0).then(|| GroupRound {
                group: g,
                participants: n,
                counts: (n >= MIN_PARTICIPANTS).then(|| {
                    domains
                        .iter()
                        .map(|&d| (d, counts_of(&mut of_group(), d)))
                        .collect()
                }),
            })
        })
        .collect();
    RoundSummary {
        month,
        domains: domain_rounds,
        groups,
    }
}

fn choice(traject: &Traject, domains: &[u8]) -> Choice {
    let focus: Vec<u8> = traject
        .focus
        .iter()
        .copied()
        .filter(|d| domains.contains(d))
        .collect();
    let chosen =
        |number: &str| recommendation_parts(number).is_some_and(|(d, _)| focus.contains(&d));
    Choice {
        recommendations: traject
            .plan
            .recommendations
            .iter()
            .filter(|r| chosen(&r.number))
            .filter_map(|r| Some((r.number.clone(), r.status?)))
            .collect(),
        interventions: traject
            .plan
            .considered
            .iter()
            .filter(|c| c.on)
            .map(|c| c.id.clone())
            .collect(),
        actions: focus
            .iter()
            .map(|&d| {
                (
                    d,
                    traject.plan.actions_of(d).filter(|a| !a.is_empty()).count() as u32,
                )
            })
            .collect(),
        domains: focus,
    }
}

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
    let domains: Vec<u8> = data.numbers();
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

/// How many of `who` gave each score for `domain`. Plain loops here and
/// below: each iterator chain would add code to the browser's module.
fn counts_of(who: &[&Participant], domain: u8) -> Counts {
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
}

fn round(month: String, participants: &[Participant], domains: &[u8]) -> RoundSummary {
    let everyone: Vec<&Participant> = participants.iter().collect();
    let mut out = RoundSummary {
        month,
        domains: Vec::new(),
        groups: Vec::new(),
    };
    for &d in domains {
        let c = counts_of(&everyone, d);
        let score = match c.median_tenths() {
            Some(t) => DomainScore::Scored(t),
            None if c.dont_know > 0 => DomainScore::DontKnow,
            None => DomainScore::NotScored,
        };
        out.domains.push(DomainRound {
            domain: d,
            score,
            participants: c.answered(),
        });
    }
    for g in Group::ALL {
        let mut of_group = Vec::new();
        for p in participants {
            if Group::of(&p.perspective) == g && answered(p) {
                of_group.push(p);
            }
        }
        let n = of_group.len() as u32;
        if n == 0 {
            continue;
        }
        let mut counts = Vec::new();
        for &d in domains {
            counts.push((d, counts_of(&of_group, d)));
        }
        out.groups.push(GroupRound {
            group: g,
            participants: n,
            counts: (n >= MIN_PARTICIPANTS).then_some(counts),
        });
    }
    out
}

fn choice(traject: &Traject, domains: &[u8]) -> Choice {
    let mut c = Choice::default();
    for &d in &traject.focus {
        if domains.contains(&d) {
            c.domains.push(d);
            let n = traject.plan.actions_of(d).filter(|a| !a.is_empty()).count();
            c.actions.push((d, n as u32));
        }
    }
    for r in &traject.plan.recommendations {
        if let (Some((d, _)), Some(status)) = (recommendation_parts(&r.number), r.status)
            && c.domains.contains(&d)
        {
            c.recommendations.push((r.number.clone(), status));
        }
    }
    for i in &traject.plan.considered {
        if i.on {
            c.interventions.push(i.id.clone());
        }
    }
    c
}

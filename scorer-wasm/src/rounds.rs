//! Measurements over time (step 7 of the manual): "Nieuwe meting" keeps the
//! scores so far as an earlier round, dated, and starts a new round with the
//! same participants, notes and plan; the rapport compares two rounds.

use crate::rapport::{Filter, Outcome, Rapport};
use crate::spread::Spread;
use crate::text::import::{missing_or_wrong, unknown_field};
use crate::text::rounds as words;
use crate::traject::{
    Participant, Traject, fields, obj, parse_participants, participant_json, string_field,
};
use site_data::SiteData;
use site_data::json::Value;

/// A school measuring twice a year keeps ten years of rounds.
pub const MAX_ROUNDS: usize = 20;

/// An earlier round: who took part then, with what they answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// When the round began, an ISO 8601 timestamp as the browser gives it.
    pub started: String,
    pub participants: Vec<Participant>,
}

/// `2026-12-02T07:10:00.000Z` and the like: a real date, then a time.
/// Comparing two of them as text compares them in time.
pub fn valid_stamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if s.len() < 20 || s.len() > 40 || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || !s.ends_with('Z') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=days).contains(&day)
}

impl Traject {
    /// Keeps this round's answers as an earlier round and starts a new one:
    /// every participant keeps their notes, their scores start empty.
    /// `Err` with a Dutch sentence when there is nothing to keep yet or
    /// the traject holds as many rounds as it can.
    pub fn new_round(&mut self, now: &str) -> Result<(), String> {
        if self.scored_count() == 0 {
            return Err(words::NOTHING_SCORED.to_string());
        }
        if self.rounds.len() >= MAX_ROUNDS {
            return Err(words::too_many(MAX_ROUNDS));
        }
        self.rounds.push(Round {
            started: std::mem::replace(&mut self.round_started, now.to_string()),
            participants: self.participants.clone(),
        });
        for p in &mut self.participants {
            p.answers.clear_scores();
        }
        self.updated = now.to_string();
        Ok(())
    }

    /// The traject as it was in an earlier round, for its rapport.
    pub fn as_in(&self, round: &Round) -> Traject {
        Traject {
            participants: round.participants.clone(),
            rounds: Vec::new(),
            ..self.clone()
        }
    }
}

pub fn rounds_json(rounds: &[Round]) -> Value {
    Value::Array(
        rounds
            .iter()
            .map(|r| {
                obj(vec![
                    ("gestart", Value::from(r.started.as_str())),
                    (
                        "deelnemers",
                        Value::Array(r.participants.iter().map(participant_json).collect()),
                    ),
                ])
            })
            .collect(),
    )
}

/// `a` is later than `b`, both being real timestamps. The traject's own
/// stamps are kept as the browser gave them, like `aangemaakt`, and only
/// compared when they are timestamps.
fn after(a: &str, b: &str) -> bool {
    valid_stamp(a) && valid_stamp(b) && a > b
}

/// The earlier rounds and the current round's start, validated: earlier
/// rounds have real timestamps, in order, none after the traject's last
/// change.
pub fn parse_rounds(
    obj: &Value,
    updated: &str,
    data: &SiteData,
) -> Result<(Vec<Round>, String), String> {
    let current =
        crate::traject::capped(string_field(obj, "meting_gestart")?, "“meting_gestart”", 40)?;
    let current = current.as_str();
    let list = obj
        .get("eerdere_metingen")
        .and_then(Value::as_array)
        .ok_or_else(|| missing_or_wrong("eerdere_metingen", "lijst"))?;
    if list.len() > MAX_ROUNDS {
        return Err(words::too_many(MAX_ROUNDS));
    }
    let mut rounds: Vec<Round> = Vec::new();
    for (i, r) in list.iter().enumerate() {
        let nr = i + 1;
        if let Some((extra, _)) = fields(r)
            .iter()
            .find(|(k, _)| k != "gestart" && k != "deelnemers")
        {
            return Err(unknown_field(extra));
        }
        let started = string_field(r, "gestart")?;
        if !valid_stamp(started) {
            return Err(words::bad_stamp(nr));
        }
        // A round can't begin after the traject last changed: that is a
        // date in the future, or a file edited by hand.
        if after(started, updated) {
            return Err(words::in_the_future(nr, &started[..10], &updated[..10]));
        }
        if rounds.last().is_some_and(|p| after(&p.started, started)) {
            return Err(words::out_of_order(nr));
        }
        rounds.push(Round {
            started: started.to_string(),
            participants: parse_participants(r, data)?,
        });
    }
    if after(current, updated) {
        return Err(words::in_the_future(0, &current[..10], &updated[..10]));
    }
    if rounds.last().is_some_and(|p| after(&p.started, current)) {
        return Err(words::out_of_order(0));
    }
    Ok((rounds, current.to_string()))
}

/// One domain now and in an earlier round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub domain: u8,
    pub earlier: Outcome,
    pub now: Outcome,
    /// Each perspective's median then and now, in tenths, where either has one.
    pub by_perspective: Vec<(String, Option<u16>, Option<u16>)>,
}

impl Change {
    /// Now minus then, in tenths; `None` unless both have a number.
    pub fn difference(&self) -> Option<i32> {
        match (self.earlier, self.now) {
            (Outcome::Scored(a), Outcome::Scored(b)) => Some(b as i32 - a as i32),
            _ => None,
        }
    }
}

/// Every domain of the current round against `earlier`, over the
/// participants `filter` admits in each.
pub fn compare(t: &Traject, earlier: &Round, data: &SiteData, filter: Filter) -> Vec<Change> {
    let then = Rapport::filtered(&t.as_in(earlier), data, filter);
    let now = Rapport::filtered(t, data, filter);
    let medians = |s: Option<&crate::spread::DomainSpread>| -> Vec<(String, Spread)> {
        s.map_or_else(Vec::new, |s| s.by_perspective.clone())
    };
    now.rows
        .iter()
        .zip(&then.rows)
        .map(|(n, e)| {
            let (was, is) = (medians(e.spread.as_ref()), medians(n.spread.as_ref()));
            let mut by_perspective: Vec<(String, Option<u16>, Option<u16>)> = Vec::new();
            for (label, _) in was.iter().chain(&is) {
                if by_perspective.iter().any(|(l, _, _)| l == label) {
                    continue;
                }
                let find = |list: &[(String, Spread)]| {
                    list.iter()
                        .find(|(l, _)| l == label)
                        .map(|(_, s)| s.median_tenths)
                };
                by_perspective.push((label.clone(), find(&was), find(&is)));
            }
            Change {
                domain: n.domain,
                earlier: e.outcome,
                now: n.outcome,
                by_perspective,
            }
        })
        .collect()
}

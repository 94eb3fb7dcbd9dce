//! Reading the rounds of a traject file: when the current one began, and
//! the earlier ones with their participants.

use super::model::{MAX_ROUNDS, MAX_STAMP, Round};
use super::read_participant::parse_participants;
use crate::json_fields::{capped, fields, string_field};
use crate::text::import as msg;
use crate::text::rounds as words;
use site_data::SiteData;
use site_data::json::Value;

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

/// `a` is later than `b`, both being real timestamps. The traject's own
/// stamps are kept as the browser gave them, like `aangemaakt`, and only
/// compared when they are timestamps.
fn after(a: &str, b: &str) -> bool {
    valid_stamp(a) && valid_stamp(b) && a > b
}

/// The earlier rounds and the current round's start, validated: earlier
/// rounds have real timestamps, in order, none after the traject's last
/// change.
pub(super) fn parse_rounds(
    obj: &Value,
    updated: &str,
    data: &SiteData,
) -> Result<(Vec<Round>, String), String> {
    let current = capped(
        string_field(obj, "meting_gestart")?,
        "“meting_gestart”",
        MAX_STAMP,
    )?;
    let current = current.as_str();
    let list = obj
        .get("eerdere_metingen")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong("eerdere_metingen", "lijst"))?;
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
            return Err(msg::unknown_field(extra));
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

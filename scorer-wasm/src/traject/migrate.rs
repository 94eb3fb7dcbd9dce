//! Older traject files brought up to the current version. Each step brings
//! a file one version up, so every old file takes the same path and ends
//! in the one validation of the reader.

use super::model::{MAX_PARTICIPANTS, MAX_ROLE};
use crate::json_fields::{capped, fields, obj, string_field};
use crate::plan;
use crate::text::{import as msg, label};
use site_data::json::Value;

/// `value`, of `version` (1 up to the current one), as the current version.
pub(super) fn to_current(mut value: Value, version: u64) -> Result<Value, String> {
    if version == 1 {
        value = migrate_v1(value)?;
    }
    if version <= 2 {
        value = migrate_v2(value)?;
    }
    if version <= 3 {
        value = migrate_v3(value)?;
    }
    if version <= 4 {
        value = migrate_v4(value)?;
    }
    // Version 6 adds the optional `regio_id`, which 5 did not know.
    if version <= 5 && value.get("regio_id").is_some() {
        return Err(msg::unknown_field("regio_id"));
    }
    Ok(value)
}

/// `v` with `key` set to `value`, at the end if it was not there.
fn with_field(v: Value, key: &str, value: Value) -> Value {
    let mut out: Vec<(String, Value)> = fields(&v)
        .iter()
        .filter(|(k, _)| k != key)
        .cloned()
        .collect();
    out.push((key.to_string(), value));
    Value::Object(out)
}

/// Version 1 had one implicit respondent, with `scores` and `notities`
/// keyed by domain number; version 2 lists respondents.
fn migrate_v1(v: Value) -> Result<Value, String> {
    let scores = match v.get("scores") {
        None => &[][..],
        Some(Value::Object(m)) => &m[..],
        Some(_) => {
            return Err(msg::missing_or_wrong(
                "scores",
                "lijst met scores per domein",
            ));
        }
    };
    let notes = match v.get("notities") {
        None => &[][..],
        Some(Value::Object(m)) => &m[..],
        Some(_) => {
            return Err(msg::missing_or_wrong(
                "notities",
                "lijst met notities per domein",
            ));
        }
    };
    // One answer per domain key, notes merged into the score's answer.
    let mut answers: Vec<(String, Value, Value, Value)> = Vec::new();
    for (key, score) in scores {
        answers.push((key.clone(), score.clone(), Value::from(""), Value::from("")));
    }
    for (key, note) in notes {
        let i = match answers.iter().position(|a| a.0 == *key) {
            Some(i) => i,
            None => {
                answers.push((key.clone(), Value::Null, Value::from(""), Value::from("")));
                answers.len() - 1
            }
        };
        if let Some(v) = note.get("wat_gaat_goed") {
            answers[i].2 = v.clone();
        }
        if let Some(v) = note.get("aandachtspunten") {
            answers[i].3 = v.clone();
        }
    }
    let mut list = Vec::new();
    for (key, score, going_well, attention) in answers {
        let domain = key
            .parse::<i64>()
            .map_err(|_| msg::unknown_domain_text(&key))?;
        list.push(obj(vec![
            ("domein", Value::from(domain)),
            ("score", score),
            ("wat_gaat_goed", going_well),
            ("aandachtspunten", attention),
        ]));
    }
    let respondent = obj(vec![
        ("rol", Value::from(label::DEFAULT_ROLE)),
        ("antwoorden", Value::Array(list)),
    ]);
    let out = Value::Object(
        fields(&v)
            .iter()
            .filter(|(k, _)| k != "scores" && k != "notities")
            .cloned()
            .collect(),
    );
    Ok(with_field(
        out,
        "respondenten",
        Value::Array(vec![respondent]),
    ))
}

/// Version 3 added `redenen`; a version 2 file that has one is not ours.
fn migrate_v2(v: Value) -> Result<Value, String> {
    if v.get("redenen").is_some() {
        return Err(msg::unknown_field("redenen"));
    }
    Ok(with_field(v, "redenen", Value::Array(Vec::new())))
}

/// Version 4 names participants, each with an id and a perspective, where
/// version 3 had respondents with only a free-text role. A role that names
/// one of the perspectives becomes it; any other becomes "anders".
fn migrate_v3(v: Value) -> Result<Value, String> {
    if v.get("deelnemers").is_some() {
        return Err(msg::unknown_field("deelnemers"));
    }
    let list = v
        .get("respondenten")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong("respondenten", "lijst"))?;
    if list.len() > MAX_PARTICIPANTS {
        return Err(msg::too_many_participants(list.len(), MAX_PARTICIPANTS));
    }
    let mut participants = Vec::new();
    for (i, r) in list.iter().enumerate() {
        if r.as_object().is_none() {
            return Err(msg::missing_or_wrong(
                "respondenten",
                "lijst met respondenten",
            ));
        }
        let role = capped(string_field(r, "rol")?.trim_ascii(), label::ROLE, MAX_ROLE)?;
        let (key, other) = match role.to_ascii_lowercase().as_str() {
            "" | "team" => ("team", None),
            "leerling" | "leerlingen" => ("leerlingen", None),
            "ouder" | "ouders" => ("ouders", None),
            _ => ("anders", Some(role.clone())),
        };
        let mut p = vec![
            ("id".to_string(), Value::from(format!("p-{}", i + 1))),
            ("naam".to_string(), Value::from("")),
            ("perspectief".to_string(), Value::from(key)),
        ];
        if let Some(text) = other {
            p.push(("omschrijving".to_string(), Value::from(text)));
        }
        // Anything else the respondent held goes along, to be judged below.
        p.extend(fields(r).iter().filter(|(k, _)| k != "rol").cloned());
        participants.push(Value::Object(p));
    }
    let out = Value::Object(
        fields(&v)
            .iter()
            .filter(|(k, _)| k != "respondenten")
            .cloned()
            .collect(),
    );
    Ok(with_field(out, "deelnemers", Value::Array(participants)))
}

/// Version 5 added rounds of measurement and the plan van aanpak; a
/// version 4 file that has either is not ours. Its one round began when
/// the traject was made.
fn migrate_v4(v: Value) -> Result<Value, String> {
    for field in ["meting_gestart", "eerdere_metingen", "plan"] {
        if v.get(field).is_some() {
            return Err(msg::unknown_field(field));
        }
    }
    let started = v.get("aangemaakt").cloned().unwrap_or(Value::Null);
    let v = with_field(v, "meting_gestart", started);
    let v = with_field(v, "eerdere_metingen", Value::Array(Vec::new()));
    Ok(with_field(v, "plan", plan::empty_json()))
}

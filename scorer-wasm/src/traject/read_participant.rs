//! Reading the participants of a traject file, of an earlier round, or of
//! answers sent back by link or file.

use super::model::{
    Answer, Answers, MAX_NAME, MAX_NOTE, MAX_PARTICIPANTS, MAX_ROLE, Participant, Perspective,
    clean_name,
};
use crate::json_fields::{capped, fields, string_field, valid_id};
use crate::score::Score;
use crate::text::{import as msg, label};
use site_data::SiteData;
use site_data::json::Value;

/// A domain number the site has.
pub(super) fn domain_number(v: &Value, data: &SiteData) -> Result<u8, String> {
    let n = v
        .as_i64()
        .ok_or_else(|| msg::missing_or_wrong("domein", "domeinnummer"))?;
    match u8::try_from(n) {
        Ok(d) if data.domain(d).is_some() => Ok(d),
        _ => Err(msg::unknown_domain(n)),
    }
}

/// The `deelnemers` of a traject or of an earlier round: at least one, at
/// most [`MAX_PARTICIPANTS`], each id once.
pub(super) fn parse_participants(obj: &Value, data: &SiteData) -> Result<Vec<Participant>, String> {
    let list = obj
        .get("deelnemers")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong("deelnemers", "lijst"))?;
    if list.is_empty() {
        return Err(msg::NO_PARTICIPANTS.to_string());
    }
    if list.len() > MAX_PARTICIPANTS {
        return Err(msg::too_many_participants(list.len(), MAX_PARTICIPANTS));
    }
    let mut participants: Vec<Participant> = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let p = parse_participant(p, i + 1, data)?;
        if participants.iter().any(|q| q.id == p.id) {
            return Err(msg::duplicate_participant(&p.id));
        }
        participants.push(p);
    }
    Ok(participants)
}

const PARTICIPANT_FIELDS: &[&str] = &["id", "naam", "perspectief", "omschrijving", "antwoorden"];

/// One participant, from a traject file or from a link or file sent back.
pub fn parse_participant(v: &Value, nr: usize, data: &SiteData) -> Result<Participant, String> {
    let obj = v;
    if obj.as_object().is_none() {
        return Err(msg::missing_or_wrong("deelnemers", "lijst met deelnemers"));
    }
    if let Some((extra, _)) = fields(obj)
        .iter()
        .find(|(k, _)| !PARTICIPANT_FIELDS.contains(&k.as_str()))
    {
        return Err(msg::unknown_field(extra));
    }
    let id = string_field(obj, "id")?;
    if !valid_id(id) {
        return Err(msg::bad_participant_id(nr));
    }
    let raw_name = string_field(obj, "naam")?;
    capped(raw_name, label::PARTICIPANT_NAME, MAX_NAME)?;
    let key = string_field(obj, "perspectief")?;
    let other = match obj.get("omschrijving") {
        None => "",
        Some(Value::String(s)) if key == "anders" => {
            capped(s, label::ROLE, MAX_ROLE)?;
            s
        }
        Some(_) if key == "anders" => return Err(msg::missing_or_wrong("omschrijving", "tekst")),
        Some(_) => return Err(msg::unknown_field("omschrijving")),
    };
    let perspective = Perspective::from_key(key, other).ok_or_else(|| {
        if key == "anders" {
            msg::no_other_perspective(nr)
        } else {
            msg::bad_perspective(nr)
        }
    })?;
    let list = obj
        .get("antwoorden")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong("antwoorden", "lijst"))?;
    let mut answers = Answers::default();
    for a in list {
        if a.as_object().is_none() {
            return Err(msg::missing_or_wrong("antwoorden", "lijst met antwoorden"));
        }
        let known = ["domein", "score", "wat_gaat_goed", "aandachtspunten"];
        if let Some((extra, _)) = fields(a).iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(msg::unknown_field(extra));
        }
        let domain = domain_number(a.get("domein").unwrap_or(&Value::Null), data)?;
        let score = match a.get("score").unwrap_or(&Value::Null) {
            Value::Null => None,
            Value::String(s) if s == "weet-niet" => Some(Score::DontKnow),
            n @ Value::Number(text) => match n.as_i64().map(Score::new) {
                Some(Ok(s)) => Some(s),
                _ => return Err(msg::bad_score(domain, nr, text)),
            },
            other => return Err(msg::bad_score(domain, nr, &short_json(other))),
        };
        let text = |key: &str, what: &str| -> Result<String, String> {
            match a.get(key) {
                None => Ok(String::new()),
                Some(Value::String(s)) => capped(s, what, MAX_NOTE),
                Some(_) => Err(msg::missing_or_wrong(key, "tekst")),
            }
        };
        let answer = Answer {
            score,
            going_well: text("wat_gaat_goed", label::NOTE_GOING_WELL)?,
            attention: text("aandachtspunten", label::NOTE_ATTENTION)?,
        };
        if answers.insert(domain, answer).is_some() {
            return Err(msg::duplicate_domain(domain, nr));
        }
    }
    Ok(Participant {
        id: id.to_string(),
        name: clean_name(raw_name).unwrap_or_default(),
        perspective,
        answers,
    })
}

/// How a wrong value is named in a message: short, and never raw markup.
fn short_json(v: &Value) -> String {
    match v {
        Value::Array(_) => "een lijst".to_string(),
        Value::Object(_) => "een object".to_string(),
        Value::String(s) if s.chars().count() <= 20 => format!("\"{s}\""),
        Value::String(_) => "een lange tekst".to_string(),
        Value::Number(n) => n.clone(),
        _ => "een ja/nee-waarde".to_string(),
    }
}

//! Reading a traject file (or a stored entry): every field validated, an
//! older version migrated first. Errors are precise Dutch sentences.

use super::migrate;
use super::model::{
    FORMAT, MAX_FILE_BYTES, MAX_NAME, MAX_REASON, MAX_STAMP, SCHEMA_VERSION, Traject, clean_name,
};
use super::read_participant::{domain_number, parse_participants};
use super::read_rounds::parse_rounds;
use crate::json_fields::{capped, fields, string_field, valid_id};
use crate::plan;
use crate::text::{import as msg, label};
use site_data::SiteData;
use site_data::json::{self, Value};

const FIELDS: &[&str] = &[
    "formaat",
    "schema_version",
    "id",
    "naam",
    "aangemaakt",
    "gewijzigd",
    "deelnemers",
    "focus",
    "redenen",
    "meting_gestart",
    "eerdere_metingen",
    "plan",
    "regio_id",
];

impl Traject {
    /// Parses and fully validates a traject file (or a stored entry),
    /// migrating older versions. Errors are precise Dutch sentences.
    pub fn from_json(text: &str, data: &SiteData) -> Result<Traject, String> {
        if text.len() > MAX_FILE_BYTES {
            return Err(msg::too_large(text.len()));
        }
        if text.trim_ascii().is_empty() {
            return Err(msg::EMPTY.to_string());
        }
        let value = json::parse(text).map_err(|_| msg::NOT_READABLE.to_string())?;
        if !matches!(value, Value::Object(_)) {
            return Err(msg::NOT_OURS.to_string());
        }
        if value.get("formaat").and_then(Value::as_str) != Some(FORMAT) {
            return Err(msg::NOT_OURS.to_string());
        }
        let version = value
            .get("schema_version")
            .and_then(Value::as_i64)
            .and_then(|v| u64::try_from(v).ok())
            .ok_or_else(|| msg::NO_VERSION.to_string())?;
        if version == 0 || version > u64::from(SCHEMA_VERSION) {
            return Err(if version == 0 {
                msg::old_version(0)
            } else {
                msg::newer_version(version, SCHEMA_VERSION)
            });
        }
        parse(&migrate::to_current(value, version)?, data)
    }
}

fn parse(obj: &Value, data: &SiteData) -> Result<Traject, String> {
    if let Some((extra, _)) = fields(obj)
        .iter()
        .find(|(k, _)| !FIELDS.contains(&k.as_str()))
    {
        return Err(msg::unknown_field(extra));
    }
    let id = string_field(obj, "id")?;
    if !valid_id(id) {
        return Err(msg::BAD_ID.to_string());
    }
    let raw_name = string_field(obj, "naam")?;
    capped(raw_name, label::NAME, MAX_NAME)?;
    let name = clean_name(raw_name).ok_or_else(|| msg::EMPTY_NAME.to_string())?;
    let created = capped(string_field(obj, "aangemaakt")?, "“aangemaakt”", MAX_STAMP)?;
    let updated = capped(string_field(obj, "gewijzigd")?, "“gewijzigd”", MAX_STAMP)?;

    let participants = parse_participants(obj, data)?;

    let focus_list = obj
        .get("focus")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong("focus", "lijst met domeinnummers"))?;
    let mut focus = Vec::new();
    for f in focus_list {
        let d = domain_number(f, data)?;
        if focus.contains(&d) {
            return Err(msg::duplicate_focus(d));
        }
        focus.push(d);
    }
    let list = obj
        .get("redenen")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong("redenen", "lijst"))?;
    let mut reasons: Vec<(u8, String)> = Vec::new();
    for r in list {
        if let Some((extra, _)) = fields(r)
            .iter()
            .find(|(k, _)| k != "domein" && k != "reden")
        {
            return Err(msg::unknown_field(extra));
        }
        let d = domain_number(r.get("domein").unwrap_or(&Value::Null), data)?;
        let text = capped(string_field(r, "reden")?, label::REASON, MAX_REASON)?;
        if reasons.iter().any(|(e, _)| *e == d) {
            return Err(msg::duplicate_reason(d));
        }
        if !text.is_empty() {
            reasons.push((d, text));
        }
    }
    crate::sort_small(&mut reasons, |a, b| a.0 < b.0);
    let (rounds, round_started) = parse_rounds(obj, &updated, data)?;
    let plan = plan::parse(
        obj.get("plan")
            .ok_or_else(|| msg::missing_or_wrong("plan", "object"))?,
        data,
    )?;
    let region_id = match obj.get("regio_id") {
        None => String::new(),
        Some(v) => match v.as_str() {
            Some(id) if valid_id(id) => id.to_string(),
            _ => return Err(msg::missing_or_wrong("regio_id", "geldige id")),
        },
    };
    Ok(Traject {
        id: id.to_string(),
        name,
        created,
        updated,
        participants,
        focus,
        reasons,
        round_started,
        rounds,
        plan,
        region_id,
    })
}

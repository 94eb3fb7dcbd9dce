//! The fields of the scorer's JSON files, written in order and read with
//! their limits; shared by the traject, its plan, its migrations and what
//! travels between devices.

use crate::text::import as msg;
use site_data::json::Value;

pub const MAX_ID: usize = 64;

/// A JSON object with these fields, in this order.
pub(crate) fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// The fields of an object, in order.
pub(crate) fn fields(v: &Value) -> &[(String, Value)] {
    v.as_object().unwrap_or(&[])
}

pub(crate) fn string_field<'a>(obj: &'a Value, key: &str) -> Result<&'a str, String> {
    obj.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| msg::missing_or_wrong(key, "tekst"))
}

pub(crate) fn capped(value: &str, what: &str, max: usize) -> Result<String, String> {
    let n = value.chars().count();
    if n > max {
        return Err(msg::too_long(what, n, max));
    }
    Ok(value.to_string())
}

pub(crate) fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Ids of trajecten, participants and interventions: short, and safe in a
/// URL, a storage key and an HTML attribute as they are.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

//! What travels between devices without a server: an invitation for one
//! participant, and that participant's answers sent back, as a URL
//! fragment (which never reaches a server) or as a file.
//!
//! A fragment is `kind.base64url.checksum`: compact JSON, so eight scores
//! with a note of 140 characters each fit in [`LINK_LIMIT`], and a
//! checksum so a link cut short or changed by hand is refused as such.
//! The participant inside goes through the same validation as an import.

use crate::json_fields::obj;
use crate::text::share as msg;
use crate::traject::{
    MAX_NAME, Participant, Perspective, SCHEMA_VERSION, parse_participant, valid_id,
};
use site_data::SiteData;
use site_data::json::{self, Value};

/// Longest fragment offered as a link; longer answers go as a file.
pub const LINK_LIMIT: usize = 2_000;
/// The `formaat` of a file with one participant's answers.
pub const REPLY_FORMAT: &str = "wegwijzer-antwoorden";
const INVITE_KIND: &str = "u1";
const REPLY_KIND: &str = "a1";

/// Who is invited, to which traject. Carries no one else's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub traject_id: String,
    pub traject_name: String,
    /// Without answers.
    pub participant: Participant,
    /// Which round of measurement, 1 up: a later round is scored afresh on
    /// the participant's device.
    pub round: usize,
}

/// One participant's answers, for the traject with this id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub traject_id: String,
    pub participant: Participant,
    /// The round of measurement the answers belong to, 1 up.
    pub round: usize,
}

/// A round number as it travels: absent means 1 (links made before rounds
/// existed), otherwise 2 up to one past the last round a traject keeps.
fn round_of(v: Option<&Value>) -> Result<usize, String> {
    match v {
        None => Ok(1),
        Some(r) => r
            .as_i64()
            .and_then(|r| usize::try_from(r).ok())
            .filter(|r| (2..=crate::rounds::MAX_ROUNDS + 1).contains(r))
            .ok_or_else(|| msg::BROKEN.to_string()),
    }
}

/// Answers as `[domein, score, goed, aandacht]`: a quarter of the
/// traject file's keys, which is what keeps a full reply under the limit.
fn compact_participant(p: &Participant, with_answers: bool) -> Value {
    let mut answers = Vec::new();
    if with_answers {
        for (d, a) in p.answers.iter() {
            let score = match a.score {
                Some(crate::Score::Value(v)) => Value::from(i64::from(v)),
                Some(crate::Score::DontKnow) => Value::from("weet-niet"),
                None => Value::Null,
            };
            answers.push(Value::Array(vec![
                Value::from(i64::from(*d)),
                score,
                Value::from(a.going_well.as_str()),
                Value::from(a.attention.as_str()),
            ]));
        }
    }
    let other = match &p.perspective {
        Perspective::Other(text) => text.as_str(),
        _ => "",
    };
    Value::Array(vec![
        Value::from(p.id.as_str()),
        Value::from(p.name.as_str()),
        Value::from(p.perspective.key()),
        Value::from(other),
        Value::Array(answers),
    ])
}

/// The compact form back in the traject file's shape, so that
/// [`parse_participant`] judges it exactly as it judges an import.
fn expand_participant(v: &Value) -> Result<Value, String> {
    let [id, name, key, other, answers] = v.as_array().unwrap_or(&[]) else {
        return Err(msg::BROKEN.to_string());
    };
    let mut list = Vec::new();
    for a in answers.as_array().ok_or(msg::BROKEN)? {
        let [d, score, well, attention] = a.as_array().unwrap_or(&[]) else {
            return Err(msg::BROKEN.to_string());
        };
        list.push(obj(vec![
            ("domein", d.clone()),
            ("score", score.clone()),
            ("wat_gaat_goed", well.clone()),
            ("aandachtspunten", attention.clone()),
        ]));
    }
    let mut fields = vec![
        ("id", id.clone()),
        ("naam", name.clone()),
        ("perspectief", key.clone()),
    ];
    if key.as_str() == Some("anders") {
        fields.push(("omschrijving", other.clone()));
    }
    fields.push(("antwoorden", Value::Array(list)));
    Ok(obj(fields))
}

fn traject_id(v: Option<&Value>) -> Result<String, String> {
    match v.and_then(Value::as_str) {
        Some(id) if valid_id(id) => Ok(id.to_string()),
        _ => Err(msg::BROKEN.to_string()),
    }
}

impl Invitation {
    pub fn to_fragment(&self) -> String {
        let mut payload = vec![
            Value::from(self.traject_id.as_str()),
            Value::from(self.traject_name.as_str()),
            compact_participant(&self.participant, false),
        ];
        // Round 1 leaves it out, so links made before rounds existed read the same.
        if self.round > 1 {
            payload.push(Value::from(self.round as i64));
        }
        seal(INVITE_KIND, &Value::Array(payload))
    }

    pub fn from_fragment(fragment: &str, data: &SiteData) -> Result<Invitation, String> {
        let v = open(INVITE_KIND, fragment)?;
        let (id, name, p, round) = match v.as_array().unwrap_or(&[]) {
            [id, name, p] => (id, name, p, None),
            [id, name, p, round] => (id, name, p, Some(round)),
            _ => return Err(msg::BROKEN.to_string()),
        };
        let round = round_of(round)?;
        let traject_name = match name.as_str().and_then(crate::traject::clean_name) {
            Some(n) if n.chars().count() <= MAX_NAME => n,
            _ => return Err(msg::BROKEN.to_string()),
        };
        let mut participant = parse_participant(&expand_participant(p)?, 1, data)?;
        participant.answers = Default::default();
        Ok(Invitation {
            traject_id: traject_id(Some(id))?,
            traject_name,
            participant,
            round,
        })
    }
}

impl Reply {
    /// What adding these answers to `t` would do; `Err` when they belong
    /// to another round of measurement than the one `t` is in now.
    pub fn check(&self, t: &crate::traject::Traject) -> Result<crate::traject::Merge, String> {
        let now = t.rounds.len() + 1;
        if self.round != now {
            return Err(msg::other_round(self.round, now));
        }
        Ok(t.merge_check(&self.participant))
    }

    /// `None` when the answers are too long for a link: send the file.
    pub fn to_fragment(&self) -> Option<String> {
        let mut payload = vec![
            Value::from(self.traject_id.as_str()),
            compact_participant(&self.participant, true),
        ];
        if self.round > 1 {
            payload.push(Value::from(self.round as i64));
        }
        let f = seal(REPLY_KIND, &Value::Array(payload));
        (f.len() <= LINK_LIMIT).then_some(f)
    }

    pub fn from_fragment(fragment: &str, data: &SiteData) -> Result<Reply, String> {
        let v = open(REPLY_KIND, fragment)?;
        let (id, p, round) = match v.as_array().unwrap_or(&[]) {
            [id, p] => (id, p, None),
            [id, p, round] => (id, p, Some(round)),
            _ => return Err(msg::BROKEN.to_string()),
        };
        Ok(Reply {
            traject_id: traject_id(Some(id))?,
            participant: parse_participant(&expand_participant(p)?, 1, data)?,
            round: round_of(round)?,
        })
    }

    /// The same answers as a file, for answers too long for a link and for
    /// `file://`, where a link only works on the computer that made it.
    pub fn to_file(&self) -> String {
        let p = crate::traject::participant_json(&self.participant);
        let mut fields = vec![
            ("formaat", Value::from(REPLY_FORMAT)),
            ("schema_version", Value::from(i64::from(SCHEMA_VERSION))),
            ("traject", Value::from(self.traject_id.as_str())),
        ];
        if self.round > 1 {
            fields.push(("meting", Value::from(self.round as i64)));
        }
        fields.push(("deelnemer", p));
        obj(fields).to_json_pretty()
    }

    /// `Ok(None)` when the text is not an answers file at all (it may be a
    /// traject file); `Err` when it is one but does not hold up.
    pub fn from_file(text: &str, data: &SiteData) -> Result<Option<Reply>, String> {
        let Ok(v) = json::parse(text) else {
            return Ok(None);
        };
        if v.get("formaat").and_then(Value::as_str) != Some(REPLY_FORMAT) {
            return Ok(None);
        }
        if let Some((extra, _)) = v.as_object().unwrap_or(&[]).iter().find(|(k, _)| {
            ![
                "formaat",
                "schema_version",
                "traject",
                "meting",
                "deelnemer",
            ]
            .contains(&k.as_str())
        }) {
            return Err(crate::text::import::unknown_field(extra));
        }
        match v.get("schema_version").and_then(Value::as_i64) {
            // A participant reads the same since version 4 brought them.
            Some(n) if (4..=i64::from(SCHEMA_VERSION)).contains(&n) => {}
            Some(n) if n > i64::from(SCHEMA_VERSION) => {
                return Err(crate::text::import::newer_version(n as u64, SCHEMA_VERSION));
            }
            _ => return Err(crate::text::import::NO_VERSION.to_string()),
        }
        let participant = parse_participant(v.get("deelnemer").unwrap_or(&Value::Null), 1, data)?;
        Ok(Some(Reply {
            traject_id: traject_id(v.get("traject"))?,
            participant,
            round: round_of(v.get("meting"))?,
        }))
    }
}

/// The `formaat` of an invitation sent as a file.
pub const INVITATION_FORMAT: &str = "wegwijzer-uitnodiging";

/// An invitation as a file: for `file://`, where a link only works on the
/// computer that made it. It wraps the same fragment.
pub fn invitation_file(inv: &Invitation) -> String {
    obj(vec![
        ("formaat", Value::from(INVITATION_FORMAT)),
        ("uitnodiging", Value::from(inv.to_fragment())),
    ])
    .to_json_pretty()
}

pub fn invitation_from_file(text: &str, data: &SiteData) -> Result<Invitation, String> {
    let v = json::parse(text).map_err(|_| crate::text::import::NOT_READABLE.to_string())?;
    if v.get("formaat").and_then(Value::as_str) != Some(INVITATION_FORMAT) {
        return Err(msg::NOT_AN_INVITATION.to_string());
    }
    let fragment = v.get("uitnodiging").and_then(Value::as_str).unwrap_or("");
    Invitation::from_fragment(fragment, data)
}

/// `kind.base64url(json).checksum`.
fn seal(kind: &str, payload: &Value) -> String {
    let body = base64url(payload.to_json().as_bytes());
    let sum = checksum(&body);
    format!("{kind}.{body}.{sum}")
}

/// The payload of a sealed fragment of `kind`; any damage is one message.
fn open(kind: &str, fragment: &str) -> Result<Value, String> {
    if fragment.len() > crate::traject::MAX_FILE_BYTES {
        return Err(msg::BROKEN.to_string());
    }
    let mut parts = fragment.split('.');
    let (Some(k), Some(body), Some(sum), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(msg::BROKEN.to_string());
    };
    if k != kind || sum != checksum(body) {
        return Err(msg::BROKEN.to_string());
    }
    let bytes = from_base64url(body).ok_or(msg::BROKEN)?;
    let text = String::from_utf8(bytes).map_err(|_| msg::BROKEN)?;
    json::parse(&text).map_err(|_| msg::BROKEN.to_string())
}

/// FNV-1a over the text, as 8 hex digits: catches a link cut short or
/// edited by hand. Not a signature: anyone may make a valid link.
fn checksum(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    let mut out = String::new();
    for i in (0..8).rev() {
        let nibble = (h >> (i * 4)) & 0xf;
        out.push(char::from_digit(nibble, 16).unwrap_or('0'));
    }
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding: safe in a fragment as it is.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    // A length no encoder makes (1 char left over) is damage.
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            let text = base64url(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(from_base64url(&text), Some(bytes));
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"Ma"), "TWE");
        assert_eq!(from_base64url("T"), None, "one char left over");
        assert_eq!(from_base64url("TW+u"), None, "not the url alphabet");
    }

    #[test]
    fn the_checksum_changes_with_any_character() {
        assert_eq!(checksum("").len(), 8);
        assert_ne!(checksum("abc"), checksum("abd"));
        assert_ne!(checksum("abc"), checksum("ab"));
    }
}

//! The traject: who scored what, with notes, and which domains were chosen.
//! Its JSON form is both the export file and what `localStorage` holds, and
//! both go through the same validation in [`Traject::from_json`].

use crate::score::Score;
use crate::text::{import as msg, label};
use site_data::SiteData;
use site_data::json::{self, Value};

pub const SCHEMA_VERSION: u32 = 3;
pub const FORMAT: &str = "wegwijzer-traject";
pub const MAX_FILE_BYTES: usize = 1_000_000;
pub const MAX_NAME: usize = 120;
pub const MAX_ROLE: usize = 60;
pub const MAX_NOTE: usize = 2_000;
pub const MAX_REASON: usize = 500;
pub const MAX_RESPONDENTS: usize = 50;
const MAX_ID: usize = 64;
const MAX_STAMP: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traject {
    pub id: String,
    pub name: String,
    /// ISO 8601 timestamps, as the browser gives them.
    pub created: String,
    pub updated: String,
    /// By default one: the team.
    pub respondents: Vec<Respondent>,
    /// Domain numbers chosen to work on, in the order chosen.
    pub focus: Vec<u8>,
    /// Why a domain was chosen, by domain number. Kept when a domain is
    /// unticked, so ticking it again brings the text back.
    pub reasons: Vec<(u8, String)>,
}

/// Which of a domain's two notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    GoingWell,
    Attention,
}

/// Characters that show nothing: a name made only of these (and spaces)
/// is empty, and none of them may start or end a name.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x180E | 0x3164 | 0xFEFF | 0xFFA0
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F
            | 0xE0000..=0xE007F)
}

/// A name as typed, trimmed of spaces and invisible characters at both
/// ends and capped; `None` when nothing visible is left.
pub fn clean_name(name: &str) -> Option<String> {
    let trimmed = name.trim_matches(invisible);
    (!trimmed.is_empty()).then(|| clip(trimmed, MAX_NAME))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Respondent {
    pub role: String,
    pub answers: Answers,
}

/// Answers by domain number, kept sorted. A vector rather than a BTreeMap:
/// at eight entries it is as fast, and far smaller in WebAssembly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(u8, Answer)>);

impl Answers {
    pub fn get(&self, domain: &u8) -> Option<&Answer> {
        self.0.iter().find(|(d, _)| d == domain).map(|(_, a)| a)
    }

    /// Returns the answer it replaced, if any.
    pub fn insert(&mut self, domain: u8, answer: Answer) -> Option<Answer> {
        match self.0.iter().position(|(d, _)| *d >= domain) {
            Some(i) if self.0[i].0 == domain => Some(std::mem::replace(&mut self.0[i].1, answer)),
            Some(i) => {
                self.0.insert(i, (domain, answer));
                None
            }
            None => {
                self.0.push((domain, answer));
                None
            }
        }
    }

    pub fn remove(&mut self, domain: &u8) {
        self.0.retain(|(d, _)| d != domain);
    }

    pub fn contains_key(&self, domain: &u8) -> bool {
        self.get(domain).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&u8, &Answer)> {
        self.0.iter().map(|(d, a)| (d, a))
    }

    pub fn values(&self) -> impl Iterator<Item = &Answer> {
        self.0.iter().map(|(_, a)| a)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    /// `None`: not scored yet.
    pub score: Option<Score>,
    pub going_well: String,
    pub attention: String,
}

impl Answer {
    fn is_empty(&self) -> bool {
        self.score.is_none() && self.going_well.is_empty() && self.attention.is_empty()
    }
}

impl Traject {
    /// `name` should come through [`clean_name`].
    pub fn new(id: &str, name: &str, now: &str) -> Traject {
        Traject {
            id: id.to_string(),
            name: clip(name, MAX_NAME),
            created: now.to_string(),
            updated: now.to_string(),
            respondents: vec![Respondent {
                role: label::DEFAULT_ROLE.to_string(),
                answers: Answers::default(),
            }],
            focus: Vec::new(),
            reasons: Vec::new(),
        }
    }

    /// The first respondent: the team, until the UI handles more.
    pub fn team(&self) -> &Respondent {
        &self.respondents[0]
    }

    pub fn team_mut(&mut self) -> &mut Respondent {
        &mut self.respondents[0]
    }

    pub fn answer(&self, domain: u8) -> Answer {
        self.team()
            .answers
            .get(&domain)
            .cloned()
            .unwrap_or_default()
    }

    /// Changes the team's answer for a domain; texts are capped, not rejected,
    /// so typing never loses what is already there.
    pub fn set_answer(&mut self, domain: u8, mut answer: Answer, now: &str) {
        answer.going_well = clip(&answer.going_well, MAX_NOTE);
        answer.attention = clip(&answer.attention, MAX_NOTE);
        let answers = &mut self.team_mut().answers;
        if answer.is_empty() {
            answers.remove(&domain);
        } else {
            answers.insert(domain, answer);
        }
        self.updated = now.to_string();
    }

    /// Changes one domain's score, leaving its notes as they are: another
    /// tab may have changed those since this page read the traject.
    pub fn set_score(&mut self, domain: u8, score: Option<Score>, now: &str) {
        let mut a = self.answer(domain);
        a.score = score;
        self.set_answer(domain, a, now);
    }

    /// Changes one of a domain's notes, and nothing else.
    pub fn set_note(&mut self, domain: u8, which: Note, text: &str, now: &str) {
        let mut a = self.answer(domain);
        match which {
            Note::GoingWell => a.going_well = text.to_string(),
            Note::Attention => a.attention = text.to_string(),
        }
        self.set_answer(domain, a, now);
    }

    /// `name` should come through [`clean_name`].
    pub fn rename(&mut self, name: &str, now: &str) {
        self.name = clip(name, MAX_NAME);
        self.updated = now.to_string();
    }

    /// Adds a domain to the choice (at the end) or takes it out.
    pub fn choose(&mut self, domain: u8, chosen: bool, now: &str) {
        self.focus.retain(|d| *d != domain);
        if chosen {
            self.focus.push(domain);
        }
        self.updated = now.to_string();
    }

    pub fn reason(&self, domain: u8) -> &str {
        self.reasons
            .iter()
            .find(|(d, _)| *d == domain)
            .map_or("", |(_, r)| r.as_str())
    }

    /// Sets why a domain was chosen; typing is capped, never refused.
    pub fn set_reason(&mut self, domain: u8, text: &str, now: &str) {
        self.reasons.retain(|(d, _)| *d != domain);
        if !text.is_empty() {
            self.reasons.push((domain, clip(text, MAX_REASON)));
            crate::sort_small(&mut self.reasons, |a, b| a.0 < b.0);
        }
        self.updated = now.to_string();
    }

    pub fn set_focus(&mut self, focus: Vec<u8>, now: &str) {
        let mut seen = Vec::new();
        for d in focus {
            if !seen.contains(&d) {
                seen.push(d);
            }
        }
        self.focus = seen;
        self.updated = now.to_string();
    }

    /// Domains the team answered (a number or *weet niet*).
    pub fn scored_count(&self) -> usize {
        self.team()
            .answers
            .values()
            .filter(|a| a.score.is_some())
            .count()
    }

    pub fn to_json_value(&self) -> Value {
        let respondents = self
            .respondents
            .iter()
            .map(|r| {
                let answers = r
                    .answers
                    .iter()
                    .map(|(d, a)| {
                        obj(vec![
                            ("domein", Value::from(i64::from(*d))),
                            ("score", score_json(a.score)),
                            ("wat_gaat_goed", Value::from(a.going_well.as_str())),
                            ("aandachtspunten", Value::from(a.attention.as_str())),
                        ])
                    })
                    .collect();
                obj(vec![
                    ("rol", Value::from(r.role.as_str())),
                    ("antwoorden", Value::Array(answers)),
                ])
            })
            .collect();
        obj(vec![
            ("formaat", Value::from(FORMAT)),
            ("schema_version", Value::from(i64::from(SCHEMA_VERSION))),
            ("id", Value::from(self.id.as_str())),
            ("naam", Value::from(self.name.as_str())),
            ("aangemaakt", Value::from(self.created.as_str())),
            ("gewijzigd", Value::from(self.updated.as_str())),
            ("respondenten", Value::Array(respondents)),
            (
                "focus",
                Value::Array(
                    self.focus
                        .iter()
                        .map(|d| Value::from(i64::from(*d)))
                        .collect(),
                ),
            ),
            (
                "redenen",
                Value::Array(
                    self.reasons
                        .iter()
                        .map(|(d, r)| {
                            obj(vec![
                                ("domein", Value::from(i64::from(*d))),
                                ("reden", Value::from(r.as_str())),
                            ])
                        })
                        .collect(),
                ),
            ),
        ])
    }

    pub fn to_json(&self) -> String {
        self.to_json_value().to_json_pretty()
    }

    /// Parses and fully validates a traject file (or a stored entry),
    /// migrating older versions. Errors are precise Dutch sentences.
    pub fn from_json(text: &str, data: &SiteData) -> Result<Traject, String> {
        if text.len() > MAX_FILE_BYTES {
            return Err(msg::too_large(text.len()));
        }
        if text.trim_ascii().is_empty() {
            return Err(msg::EMPTY.to_string());
        }
        let mut value = json::parse(text).map_err(|_| msg::NOT_READABLE.to_string())?;
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
        match version {
            1 => value = migrate_v1(value)?,
            2 | 3 => {}
            0 => return Err(msg::old_version(0)),
            v => return Err(msg::newer_version(v, SCHEMA_VERSION)),
        }
        // Version 3 added `redenen`; versions 1 and 2 have none.
        parse(&value, version == 3, data)
    }
}

fn score_json(score: Option<Score>) -> Value {
    match score {
        Some(Score::Value(v)) => Value::from(i64::from(v)),
        Some(Score::DontKnow) => Value::from("weet-niet"),
        None => Value::Null,
    }
}

fn obj(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// The fields of an object, in order.
fn fields(v: &Value) -> &[(String, Value)] {
    v.as_object().unwrap_or(&[])
}

fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

const FIELDS: &[&str] = &[
    "formaat",
    "schema_version",
    "id",
    "naam",
    "aangemaakt",
    "gewijzigd",
    "respondenten",
    "focus",
    "redenen",
];

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
    let answers = list;
    let respondent = obj(vec![
        ("rol", Value::from(label::DEFAULT_ROLE)),
        ("antwoorden", Value::Array(answers)),
    ]);
    let mut out: Vec<(String, Value)> = fields(&v)
        .iter()
        .filter(|(k, _)| k != "scores" && k != "notities" && k != "schema_version")
        .cloned()
        .collect();
    out.push(("schema_version".into(), Value::from(2)));
    out.push(("respondenten".into(), Value::Array(vec![respondent])));
    Ok(Value::Object(out))
}

fn string_field<'a>(obj: &'a Value, key: &str) -> Result<&'a str, String> {
    obj.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| msg::missing_or_wrong(key, "tekst"))
}

fn capped(value: &str, what: &str, max: usize) -> Result<String, String> {
    let n = value.chars().count();
    if n > max {
        return Err(msg::too_long(what, n, max));
    }
    Ok(value.to_string())
}

fn parse(obj: &Value, has_reasons: bool, data: &SiteData) -> Result<Traject, String> {
    let known = if has_reasons {
        FIELDS
    } else {
        &FIELDS[..FIELDS.len() - 1]
    };
    if let Some((extra, _)) = fields(obj)
        .iter()
        .find(|(k, _)| !known.contains(&k.as_str()))
    {
        return Err(msg::unknown_field(extra));
    }
    let id = string_field(obj, "id")?;
    if id.is_empty()
        || id.len() > MAX_ID
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(msg::BAD_ID.to_string());
    }
    let raw_name = string_field(obj, "naam")?;
    capped(raw_name, label::NAME, MAX_NAME)?;
    let name = clean_name(raw_name).ok_or_else(|| msg::EMPTY_NAME.to_string())?;
    let created = capped(string_field(obj, "aangemaakt")?, "“aangemaakt”", MAX_STAMP)?;
    let updated = capped(string_field(obj, "gewijzigd")?, "“gewijzigd”", MAX_STAMP)?;

    let list = obj
        .get("respondenten")
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong("respondenten", "lijst"))?;
    if list.is_empty() {
        return Err(msg::NO_RESPONDENTS.to_string());
    }
    if list.len() > MAX_RESPONDENTS {
        return Err(msg::too_many_respondents(list.len(), MAX_RESPONDENTS));
    }
    let mut respondents = Vec::new();
    for (i, r) in list.iter().enumerate() {
        respondents.push(parse_respondent(r, i + 1, data)?);
    }

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
    let mut reasons: Vec<(u8, String)> = Vec::new();
    if has_reasons {
        let list = obj
            .get("redenen")
            .and_then(Value::as_array)
            .ok_or_else(|| msg::missing_or_wrong("redenen", "lijst"))?;
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
    }
    Ok(Traject {
        id: id.to_string(),
        name,
        created,
        updated,
        respondents,
        focus,
        reasons,
    })
}

fn domain_number(v: &Value, data: &SiteData) -> Result<u8, String> {
    let n = v
        .as_i64()
        .ok_or_else(|| msg::missing_or_wrong("domein", "domeinnummer"))?;
    match u8::try_from(n) {
        Ok(d) if data.domain(d).is_some() => Ok(d),
        _ => Err(msg::unknown_domain(n)),
    }
}

fn parse_respondent(v: &Value, nr: usize, data: &SiteData) -> Result<Respondent, String> {
    let obj = v;
    if obj.as_object().is_none() {
        return Err(msg::missing_or_wrong(
            "respondenten",
            "lijst met respondenten",
        ));
    }
    if let Some((extra, _)) = fields(obj)
        .iter()
        .find(|(k, _)| !["rol", "antwoorden"].contains(&k.as_str()))
    {
        return Err(msg::unknown_field(extra));
    }
    let role = capped(
        string_field(obj, "rol")?.trim_ascii(),
        label::ROLE,
        MAX_ROLE,
    )?;
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
    Ok(Respondent { role, answers })
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

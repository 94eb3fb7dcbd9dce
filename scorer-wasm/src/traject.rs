//! The traject: who took part, what each scored with notes, and which
//! domains were chosen. Its JSON form is both the export file and what
//! `localStorage` holds, and both go through the same validation in
//! [`Traject::from_json`].

use crate::plan::{self, Keep, Kept};
use crate::rounds::{self, Round};
use crate::score::Score;
use crate::text::{import as msg, label};
use site_data::SiteData;
use site_data::json::{self, Value};

pub const SCHEMA_VERSION: u32 = 5;
pub const FORMAT: &str = "wegwijzer-traject";
pub const MAX_FILE_BYTES: usize = 1_000_000;
pub const MAX_NAME: usize = 120;
pub const MAX_ROLE: usize = 60;
pub const MAX_NOTE: usize = 2_000;
pub const MAX_REASON: usize = 500;
/// A whole year group with its parents and the team fits; a file of 1 MB
/// could hold no more with notes anyway.
pub const MAX_PARTICIPANTS: usize = 200;
pub const MAX_ID: usize = 64;
const MAX_STAMP: usize = 40;
/// The participant a new traject starts with: the team at the table.
pub const FIRST_PARTICIPANT: &str = "p-1";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traject {
    pub id: String,
    pub name: String,
    /// ISO 8601 timestamps, as the browser gives them.
    pub created: String,
    pub updated: String,
    /// Never empty; a new traject has one: the team.
    pub participants: Vec<Participant>,
    /// Domain numbers chosen to work on, in the order chosen.
    pub focus: Vec<u8>,
    /// Why a domain was chosen, by domain number. Kept when a domain is
    /// unticked, so ticking it again brings the text back.
    pub reasons: Vec<(u8, String)>,
    /// When the current round of scores began (see [`Traject::new_round`]).
    pub round_started: String,
    /// Earlier rounds, oldest first.
    pub rounds: Vec<Round>,
    pub plan: Kept,
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
    // Capping may leave a space at the end; trim again so a saved name reads back the same.
    (!trimmed.is_empty()).then(|| {
        clip(trimmed, MAX_NAME)
            .trim_end_matches(invisible)
            .to_string()
    })
}

/// Ids of trajecten and participants: short, and safe in a URL, a storage
/// key and an HTML attribute as they are.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// From where a participant looks at the school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Perspective {
    Team,
    Students,
    Parents,
    /// Free text, e.g. "zorgteam" or "bestuur"; never empty.
    Other(String),
}

impl Perspective {
    /// The word in the file and in the page's form.
    pub fn key(&self) -> &str {
        match self {
            Perspective::Team => "team",
            Perspective::Students => "leerlingen",
            Perspective::Parents => "ouders",
            Perspective::Other(_) => "anders",
        }
    }

    /// The word people read; the free text for another perspective.
    pub fn label(&self) -> &str {
        match self {
            Perspective::Other(text) => text,
            p => p.key(),
        }
    }

    /// `other` is the free text, used only with "anders".
    pub fn from_key(key: &str, other: &str) -> Option<Perspective> {
        match key {
            "team" => Some(Perspective::Team),
            "leerlingen" => Some(Perspective::Students),
            "ouders" => Some(Perspective::Parents),
            "anders" => clean_name(other).map(|t| Perspective::Other(clip(&t, MAX_ROLE))),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Stable across devices: how an answer sent back is recognised.
    pub id: String,
    /// Empty: anonymous.
    pub name: String,
    pub perspective: Perspective,
    pub answers: Answers,
}

impl Participant {
    pub fn new(id: &str, name: &str, perspective: Perspective) -> Participant {
        Participant {
            id: id.to_string(),
            name: clean_name(name).unwrap_or_default(),
            perspective,
            answers: Answers::default(),
        }
    }

    /// The name, or "anoniem".
    pub fn shown_name(&self) -> &str {
        if self.name.is_empty() {
            label::ANONYMOUS
        } else {
            &self.name
        }
    }

    pub fn answer(&self, domain: u8) -> Answer {
        self.answers.get(&domain).cloned().unwrap_or_default()
    }

    /// Domains this participant answered (a number or *weet niet*).
    pub fn scored_count(&self) -> usize {
        self.answers.values().filter(|a| a.score.is_some()).count()
    }
}

/// What adding a participant's answers from elsewhere would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merge {
    /// New to this traject: added as it is.
    Added,
    /// Known by id, with the same answers: nothing to do.
    Unchanged,
    /// Known by id, with other answers: replace only after asking.
    Differs,
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

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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

    /// Forgets every score and keeps the notes: a new round begins.
    pub fn clear_scores(&mut self) {
        for (_, a) in &mut self.0 {
            a.score = None;
        }
        self.0.retain(|(_, a)| !a.is_empty());
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
            participants: vec![Participant::new(
                FIRST_PARTICIPANT,
                label::CORE_TEAM,
                Perspective::Team,
            )],
            focus: Vec::new(),
            reasons: Vec::new(),
            round_started: now.to_string(),
            rounds: Vec::new(),
            plan: Kept::empty(),
        }
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The participant with this id, or else the first: a device that
    /// remembers someone since removed scores as the first.
    pub fn participant_or_first(&self, id: &str) -> &Participant {
        self.participant(id).unwrap_or(&self.participants[0])
    }

    /// Adds a participant without answers. `Err` with a Dutch sentence when
    /// the id is taken or the traject is full.
    pub fn add_participant(&mut self, p: Participant, now: &str) -> Result<(), String> {
        if self.participant(&p.id).is_some() {
            return Err(msg::duplicate_participant(&p.id));
        }
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Err(msg::too_many_participants(
                self.participants.len() + 1,
                MAX_PARTICIPANTS,
            ));
        }
        self.participants.push(p);
        self.updated = now.to_string();
        Ok(())
    }

    /// Removes a participant and their answers. The last one stays: a
    /// traject always has someone to score. Returns whether it removed.
    pub fn remove_participant(&mut self, id: &str, now: &str) -> bool {
        if self.participants.len() < 2 || self.participant(id).is_none() {
            return false;
        }
        self.participants.retain(|p| p.id != id);
        self.updated = now.to_string();
        true
    }

    /// What [`Traject::merge`] would do with `incoming`.
    pub fn merge_check(&self, incoming: &Participant) -> Merge {
        match self.participant(&incoming.id) {
            None => Merge::Added,
            Some(p) if p == incoming => Merge::Unchanged,
            // Invited, and no scores yet (in this round): nothing to overwrite.
            Some(p) if p.scored_count() == 0 => Merge::Added,
            Some(_) => Merge::Differs,
        }
    }

    /// Takes in a participant's answers from another device. A new id is
    /// added; a known one is replaced only with `replace`, which the page
    /// sets after asking. Never touches anyone else.
    pub fn merge(
        &mut self,
        incoming: Participant,
        replace: bool,
        now: &str,
    ) -> Result<Merge, String> {
        let outcome = self.merge_check(&incoming);
        if !(outcome == Merge::Added || outcome == Merge::Differs && replace) {
            return Ok(outcome);
        }
        match self.participants.iter_mut().find(|p| p.id == incoming.id) {
            Some(p) => {
                *p = incoming;
                self.updated = now.to_string();
            }
            None => self.add_participant(incoming, now)?,
        }
        Ok(outcome)
    }

    /// Nothing happens for an unknown id.
    fn answers_mut(&mut self, who: &str) -> Option<&mut Answers> {
        self.participants
            .iter_mut()
            .find(|p| p.id == who)
            .map(|p| &mut p.answers)
    }

    pub fn answer(&self, who: &str, domain: u8) -> Answer {
        self.participant(who)
            .map(|p| p.answer(domain))
            .unwrap_or_default()
    }

    /// Changes one participant's answer for a domain; texts are capped, not
    /// rejected, so typing never loses what is already there.
    pub fn set_answer(&mut self, who: &str, domain: u8, mut answer: Answer, now: &str) {
        answer.going_well = clip(&answer.going_well, MAX_NOTE);
        answer.attention = clip(&answer.attention, MAX_NOTE);
        let Some(answers) = self.answers_mut(who) else {
            return;
        };
        if answer.is_empty() {
            answers.remove(&domain);
        } else {
            answers.insert(domain, answer);
        }
        self.updated = now.to_string();
    }

    /// Changes one domain's score, leaving its notes as they are: another
    /// tab may have changed those since this page read the traject.
    pub fn set_score(&mut self, who: &str, domain: u8, score: Option<Score>, now: &str) {
        let mut a = self.answer(who, domain);
        a.score = score;
        self.set_answer(who, domain, a, now);
    }

    /// Changes one of a domain's notes, and nothing else.
    pub fn set_note(&mut self, who: &str, domain: u8, which: Note, text: &str, now: &str) {
        let mut a = self.answer(who, domain);
        match which {
            Note::GoingWell => a.going_well = text.to_string(),
            Note::Attention => a.attention = text.to_string(),
        }
        self.set_answer(who, domain, a, now);
    }

    /// The plan, to change; the traject counts as changed now.
    #[cfg(feature = "plan-model")]
    pub fn plan_mut(&mut self, now: &str) -> &mut plan::Plan {
        self.updated = now.to_string();
        &mut self.plan
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

    /// Domains at least one participant answered (a number or *weet niet*).
    pub fn scored_count(&self) -> usize {
        let mut domains: Vec<u8> = Vec::new();
        for p in &self.participants {
            for (d, a) in p.answers.iter() {
                if a.score.is_some() && !domains.contains(d) {
                    domains.push(*d);
                }
            }
        }
        domains.len()
    }

    pub fn to_json_value(&self) -> Value {
        let participants = self.participants.iter().map(participant_json).collect();
        obj(vec![
            ("formaat", Value::from(FORMAT)),
            ("schema_version", Value::from(i64::from(SCHEMA_VERSION))),
            ("id", Value::from(self.id.as_str())),
            ("naam", Value::from(self.name.as_str())),
            ("aangemaakt", Value::from(self.created.as_str())),
            ("gewijzigd", Value::from(self.updated.as_str())),
            ("deelnemers", Value::Array(participants)),
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
            ("meting_gestart", Value::from(self.round_started.as_str())),
            ("eerdere_metingen", rounds::rounds_json(&self.rounds)),
            ("plan", self.plan.to_json_value()),
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
        // Each step brings a file one version up, so every old file takes
        // the same path and ends in the one validation below.
        if version == 0 || version > u64::from(SCHEMA_VERSION) {
            return Err(if version == 0 {
                msg::old_version(0)
            } else {
                msg::newer_version(version, SCHEMA_VERSION)
            });
        }
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
        parse(&value, data)
    }
}

/// A participant as in the traject file; also the body of an answers file.
pub fn participant_json(p: &Participant) -> Value {
    let answers = p
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
    let mut fields = vec![
        ("id", Value::from(p.id.as_str())),
        ("naam", Value::from(p.name.as_str())),
        ("perspectief", Value::from(p.perspective.key())),
    ];
    if let Perspective::Other(text) = &p.perspective {
        fields.push(("omschrijving", Value::from(text.as_str())));
    }
    fields.push(("antwoorden", Value::Array(answers)));
    obj(fields)
}

fn score_json(score: Option<Score>) -> Value {
    match score {
        Some(Score::Value(v)) => Value::from(i64::from(v)),
        Some(Score::DontKnow) => Value::from("weet-niet"),
        None => Value::Null,
    }
}

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

pub(crate) fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

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
];

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
    let (rounds, round_started) = rounds::parse_rounds(obj, &updated, data)?;
    let plan = Kept::read(
        obj.get("plan")
            .ok_or_else(|| msg::missing_or_wrong("plan", "object"))?,
        data,
    )?;
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

/// The `deelnemers` of a traject or of an earlier round: at least one, at
/// most [`MAX_PARTICIPANTS`], each id once.
pub(crate) fn parse_participants(obj: &Value, data: &SiteData) -> Result<Vec<Participant>, String> {
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

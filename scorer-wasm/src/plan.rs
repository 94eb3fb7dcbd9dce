//! The plan van aanpak: what the team does with each aanbeveling of its
//! chosen domains, its answers to the handleiding's five questions per
//! intervention it considers, and its actions. Part of the traject file.
//!
//! The plan page binds every field through one key in a `data-plan`
//! attribute (see [`Field`]), so the page's markup stays in the template
//! and all reading and writing happens here, where `cargo test` reaches it.

use crate::json_fields::{capped, clip, fields, obj, string_field, valid_id};
use crate::text::{import as msg, plan as words};
use site_data::SiteData;
use site_data::json::Value;

/// The handleiding asks five questions of every intervention considered.
pub const QUESTIONS: usize = site_data::PLAN_QUESTIONS;
pub const MAX_PLAN_NOTE: usize = 1_000;
pub const MAX_ANSWER: usize = 500;
pub const MAX_ACTION_TEXT: usize = 300;
/// Eight domains with a handful of actions each, with room to spare.
pub const MAX_ACTIONS: usize = 100;
/// More than every intervention the site names, with local offers.
pub const MAX_CONSIDERED: usize = 100;
/// Eight domains with at most a dozen aanbevelingen each.
pub const MAX_RECOMMENDATIONS: usize = 100;

/// What the team decided about an aanbeveling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    TakeUp,
    Later,
    Not,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::TakeUp => "oppakken",
            Status::Later => "later",
            Status::Not => "niet",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        [Status::TakeUp, Status::Later, Status::Not]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecommendationPlan {
    /// As printed, e.g. "3.1".
    pub number: String,
    pub status: Option<Status>,
    pub note: String,
}

/// An intervention the team considers, with its answers to the questions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Considered {
    /// The intervention's id, as in its page's address.
    pub id: String,
    /// Unticked, the answers stay: a slip of the mouse loses nothing.
    pub on: bool,
    pub answers: [String; QUESTIONS],
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Action {
    pub domain: u8,
    pub what: String,
    pub who: String,
    pub when: String,
    pub evaluation: String,
}

/// The four parts of an action, as named in the file and the page.
pub const ACTION_PARTS: [&str; 4] = ["wat", "wie", "wanneer", "evaluatie"];

impl Action {
    fn part_mut(&mut self, part: usize) -> Option<&mut String> {
        match part {
            0 => Some(&mut self.what),
            1 => Some(&mut self.who),
            2 => Some(&mut self.when),
            3 => Some(&mut self.evaluation),
            _ => None,
        }
    }

    pub fn parts(&self) -> [&str; 4] {
        [&self.what, &self.who, &self.when, &self.evaluation]
    }

    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|p| p.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Only aanbevelingen with a status or a note, sorted by number.
    pub recommendations: Vec<RecommendationPlan>,
    pub considered: Vec<Considered>,
    /// In the order added; a domain's actions are those with its number.
    pub actions: Vec<Action>,
}

/// One field of the plan page, from its `data-plan` key:
/// `status:3.1`, `notitie:3.1`, `overweeg:kanjertraining`,
/// `vraag:kanjertraining:2`, `actie:3:1:wat` (domain, 1-based action, part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Status(String),
    Note(String),
    Considered(String),
    Answer(String, usize),
    Action(u8, usize, usize),
}

impl Field {
    pub fn parse(key: &str) -> Option<Field> {
        let mut parts = key.split(':');
        let kind = parts.next()?;
        let a = parts.next()?;
        let b = parts.next();
        let c = parts.next();
        let small = |s: &str| {
            s.parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_ACTIONS).contains(n))
        };
        let field = match (kind, b, c) {
            ("status", None, None) if recommendation_parts(a).is_some() => {
                Field::Status(a.to_string())
            }
            ("notitie", None, None) if recommendation_parts(a).is_some() => {
                Field::Note(a.to_string())
            }
            ("overweeg", None, None) if valid_id(a) => Field::Considered(a.to_string()),
            ("vraag", Some(q), None) if valid_id(a) => {
                Field::Answer(a.to_string(), small(q).filter(|q| *q <= QUESTIONS)? - 1)
            }
            ("actie", Some(k), Some(part)) => Field::Action(
                u8::try_from(small(a)?).ok()?,
                small(k)? - 1,
                ACTION_PARTS.iter().position(|p| *p == part)?,
            ),
            _ => return None,
        };
        parts.next().is_none().then_some(field)
    }
}

impl Field {
    /// Whether the field belongs to a domain this site has. The page only
    /// names real ones; a page changed by hand must not store a plan that
    /// the import would then refuse.
    pub fn fits(&self, data: &SiteData) -> bool {
        let domain = match self {
            Field::Status(n) | Field::Note(n) => recommendation_parts(n).map(|(d, _)| d),
            Field::Action(d, _, _) => Some(*d),
            Field::Considered(_) | Field::Answer(_, _) => return true,
        };
        domain.is_some_and(|d| data.domain(d).is_some())
    }
}

/// "3.1" → (3, 1); `None` unless two small numbers joined by a dot.
pub fn recommendation_parts(number: &str) -> Option<(u8, u8)> {
    let (d, n) = number.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(d) || !digits(n) {
        return None;
    }
    Some((d.parse().ok()?, n.parse().ok()?))
}

impl Plan {
    pub fn recommendation(&self, number: &str) -> Option<&RecommendationPlan> {
        self.recommendations.iter().find(|r| r.number == number)
    }

    pub fn considered(&self, id: &str) -> Option<&Considered> {
        self.considered.iter().find(|c| c.id == id)
    }

    /// The actions of one domain, in order.
    pub fn actions_of(&self, domain: u8) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(move |a| a.domain == domain)
    }

    /// Index in `actions` of a domain's `k`-th action (0-based).
    fn action_index(&self, domain: u8, k: usize) -> Option<usize> {
        self.actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.domain == domain)
            .nth(k)
            .map(|(i, _)| i)
    }

    pub fn action(&self, domain: u8, k: usize) -> Option<&Action> {
        self.actions_of(domain).nth(k)
    }

    /// The value a page field shows: the text, the status's key, or "ja"
    /// for an intervention under consideration.
    pub fn get(&self, field: &Field) -> &str {
        match field {
            Field::Status(n) => self
                .recommendation(n)
                .and_then(|r| r.status)
                .map_or("", Status::key),
            Field::Note(n) => self.recommendation(n).map_or("", |r| &r.note),
            Field::Considered(id) => match self.considered(id) {
                Some(c) if c.on => "ja",
                _ => "",
            },
            Field::Answer(id, q) => self.considered(id).map_or("", |c| &c.answers[*q]),
            Field::Action(d, k, part) => self.action(*d, *k).map_or("", |a| a.parts()[*part]),
        }
    }

    /// Sets one field as typed or chosen. Texts are capped, never refused,
    /// so typing never loses what is there; an unknown status clears it.
    pub fn set(&mut self, field: &Field, value: &str) {
        match field {
            Field::Status(n) | Field::Note(n) => {
                let i = match self.recommendations.iter().position(|r| r.number == *n) {
                    Some(i) => i,
                    None => {
                        self.recommendations.push(RecommendationPlan {
                            number: n.clone(),
                            ..Default::default()
                        });
                        self.sort_recommendations();
                        self.recommendations
                            .iter()
                            .position(|r| r.number == *n)
                            .unwrap_or_default()
                    }
                };
                let r = &mut self.recommendations[i];
                if matches!(field, Field::Status(_)) {
                    r.status = Status::from_key(value);
                } else {
                    r.note = clip(value, MAX_PLAN_NOTE);
                }
                if r.status.is_none() && r.note.is_empty() {
                    self.recommendations.remove(i);
                }
            }
            Field::Considered(id) | Field::Answer(id, _) => {
                let i = match self.considered.iter().position(|c| c.id == *id) {
                    Some(i) => i,
                    None if self.considered.len() < MAX_CONSIDERED => {
                        self.considered.push(Considered {
                            id: id.clone(),
                            ..Default::default()
                        });
                        self.considered.len() - 1
                    }
                    None => return,
                };
                let c = &mut self.considered[i];
                match field {
                    Field::Answer(_, q) => c.answers[*q] = clip(value, MAX_ANSWER),
                    _ => c.on = value == "ja",
                }
                if !c.on && c.answers.iter().all(String::is_empty) {
                    self.considered.remove(i);
                }
            }
            Field::Action(d, k, part) => {
                if let Some(i) = self.action_index(*d, *k)
                    && let Some(p) = self.actions[i].part_mut(*part)
                {
                    *p = clip(value, MAX_ACTION_TEXT);
                }
            }
        }
    }

    /// By number, as the domain pages list them: 3.2 before 3.10.
    fn sort_recommendations(&mut self) {
        crate::sort_small(&mut self.recommendations, |a, b| {
            recommendation_parts(&a.number) < recommendation_parts(&b.number)
        });
    }

    /// Adds an empty action to a domain; `false` when the plan is full.
    pub fn add_action(&mut self, domain: u8) -> bool {
        if self.actions.len() >= MAX_ACTIONS {
            return false;
        }
        self.actions.push(Action {
            domain,
            ..Default::default()
        });
        true
    }

    /// Removes a domain's `k`-th action (0-based), if there is one.
    pub fn remove_action(&mut self, domain: u8, k: usize) -> bool {
        match self.action_index(domain, k) {
            Some(i) => {
                self.actions.remove(i);
                true
            }
            None => false,
        }
    }

    pub fn to_json_value(&self) -> Value {
        let text = |s: &str| Value::from(s);
        let recommendations = self
            .recommendations
            .iter()
            .map(|r| {
                obj(vec![
                    ("nummer", text(&r.number)),
                    ("status", r.status.map_or(Value::Null, |s| text(s.key()))),
                    ("notitie", text(&r.note)),
                ])
            })
            .collect();
        let considered = self
            .considered
            .iter()
            .map(|c| {
                obj(vec![
                    ("id", text(&c.id)),
                    ("overwegen", Value::Bool(c.on)),
                    (
                        "antwoorden",
                        Value::Array(c.answers.iter().map(|a| text(a)).collect()),
                    ),
                ])
            })
            .collect();
        let actions = self
            .actions
            .iter()
            .map(|a| {
                let mut f = vec![("domein", Value::from(i64::from(a.domain)))];
                for (name, value) in ACTION_PARTS.iter().zip(a.parts()) {
                    f.push((name, text(value)));
                }
                obj(f)
            })
            .collect();
        obj(vec![
            ("aanbevelingen", Value::Array(recommendations)),
            ("interventies", Value::Array(considered)),
            ("acties", Value::Array(actions)),
        ])
    }
}

/// Refuses any field not in `known`.
fn only(v: &Value, known: &[&str], field: &str, kind: &str) -> Result<(), String> {
    if v.as_object().is_none() {
        return Err(msg::missing_or_wrong(field, kind));
    }
    match fields(v).iter().find(|(k, _)| !known.contains(&k.as_str())) {
        Some((extra, _)) => Err(msg::unknown_field(extra)),
        None => Ok(()),
    }
}

fn list<'a>(v: &'a Value, key: &str, max: usize) -> Result<&'a [Value], String> {
    let items = v
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| msg::missing_or_wrong(key, "lijst"))?;
    if items.len() > max {
        return Err(words::too_many(key, items.len(), max));
    }
    Ok(items)
}

/// The plan as in a traject file, fully validated; messages in Dutch.
pub fn parse(v: &Value, data: &SiteData) -> Result<Plan, String> {
    only(
        v,
        &["aanbevelingen", "interventies", "acties"],
        "plan",
        "object",
    )?;
    let mut plan = Plan::default();
    for r in list(v, "aanbevelingen", MAX_RECOMMENDATIONS)? {
        only(
            r,
            &["nummer", "status", "notitie"],
            "aanbevelingen",
            "lijst met aanbevelingen",
        )?;
        let number = string_field(r, "nummer")?;
        // A number the content no longer has is kept: the plan is the team's.
        match recommendation_parts(number) {
            Some((d, _)) if data.domain(d).is_some() => {}
            _ => return Err(words::bad_recommendation(number)),
        }
        if plan.recommendation(number).is_some() {
            return Err(words::duplicate_recommendation(number));
        }
        let status = match r.get("status") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                Some(Status::from_key(s).ok_or_else(|| words::bad_status(number))?)
            }
            Some(_) => return Err(words::bad_status(number)),
        };
        let note = capped(string_field(r, "notitie")?, words::NOTE, MAX_PLAN_NOTE)?;
        if status.is_some() || !note.is_empty() {
            plan.recommendations.push(RecommendationPlan {
                number: number.to_string(),
                status,
                note,
            });
        }
    }
    plan.sort_recommendations();
    for c in list(v, "interventies", MAX_CONSIDERED)? {
        only(
            c,
            &["id", "overwegen", "antwoorden"],
            "interventies",
            "lijst met interventies",
        )?;
        let id = string_field(c, "id")?;
        if !valid_id(id) {
            return Err(words::BAD_INTERVENTION.to_string());
        }
        if plan.considered(id).is_some() {
            return Err(words::duplicate_intervention(id));
        }
        let given = c
            .get("antwoorden")
            .and_then(Value::as_array)
            .filter(|a| a.len() == QUESTIONS)
            .ok_or_else(|| words::five_answers(id))?;
        let mut answers: [String; QUESTIONS] = Default::default();
        for (slot, a) in answers.iter_mut().zip(given) {
            let a = a.as_str().ok_or_else(|| words::five_answers(id))?;
            *slot = capped(a, words::ANSWER, MAX_ANSWER)?;
        }
        let on = match c.get("overwegen") {
            Some(Value::Bool(b)) => *b,
            _ => return Err(msg::missing_or_wrong("overwegen", "ja/nee-waarde")),
        };
        if on || answers.iter().any(|a| !a.is_empty()) {
            plan.considered.push(Considered {
                id: id.to_string(),
                on,
                answers,
            });
        }
    }
    for a in list(v, "acties", MAX_ACTIONS)? {
        only(
            a,
            &["domein", "wat", "wie", "wanneer", "evaluatie"],
            "acties",
            "lijst met acties",
        )?;
        let domain = a
            .get("domein")
            .and_then(Value::as_i64)
            .ok_or_else(|| msg::missing_or_wrong("domein", "domeinnummer"))?;
        let domain = match u8::try_from(domain) {
            Ok(d) if data.domain(d).is_some() => d,
            _ => return Err(msg::unknown_domain(domain)),
        };
        let mut action = Action {
            domain,
            ..Default::default()
        };
        for (i, name) in ACTION_PARTS.iter().enumerate() {
            let text = capped(string_field(a, name)?, words::ACTION, MAX_ACTION_TEXT)?;
            if let Some(p) = action.part_mut(i) {
                *p = text;
            }
        }
        plan.actions.push(action);
    }
    Ok(plan)
}

/// The empty plan as a file holds it; what a version 4 file gains.
pub fn empty_json() -> Value {
    site_data::json::parse(r#"{"aanbevelingen":[],"interventies":[],"acties":[]}"#)
        .unwrap_or(Value::Null)
}

/// What a traject file needs of a plan: an empty one, reading, writing.
pub trait Keep: Sized {
    fn empty() -> Self;
    fn read(v: &Value, data: &SiteData) -> Result<Self, String>;
    fn to_json_value(&self) -> Value;
}

impl Keep for Plan {
    fn empty() -> Self {
        Plan::default()
    }
    fn read(v: &Value, data: &SiteData) -> Result<Self, String> {
        parse(v, data)
    }
    fn to_json_value(&self) -> Value {
        Plan::to_json_value(self)
    }
}

/// A plan kept unread: checked only for its shape, an object of the three
/// lists, and written back as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPlan(Value);

impl Keep for RawPlan {
    fn empty() -> Self {
        RawPlan(empty_json())
    }
    fn read(v: &Value, _: &SiteData) -> Result<Self, String> {
        for key in ["aanbevelingen", "interventies", "acties"] {
            if v.get(key).and_then(Value::as_array).is_none() {
                return Err(msg::missing_or_wrong(key, "lijst"));
            }
        }
        Ok(RawPlan(v.clone()))
    }
    fn to_json_value(&self) -> Value {
        self.0.clone()
    }
}

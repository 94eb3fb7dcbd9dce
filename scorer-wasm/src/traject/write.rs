//! A traject as its file holds it: the export file and what `localStorage`
//! holds, written in a fixed field order.

use super::model::{FORMAT, Participant, Perspective, Round, SCHEMA_VERSION, Traject};
use crate::json_fields::obj;
use crate::score::Score;
use site_data::json::Value;

impl Traject {
    pub fn to_json_value(&self) -> Value {
        let participants = self.participants.iter().map(participant_json).collect();
        let mut fields = vec![
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
            ("eerdere_metingen", rounds_json(&self.rounds)),
            ("plan", self.plan.to_json_value()),
        ];
        if !self.region_id.is_empty() {
            fields.push(("regio_id", Value::from(self.region_id.as_str())));
        }
        obj(fields)
    }

    pub fn to_json(&self) -> String {
        self.to_json_value().to_json_pretty()
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

fn rounds_json(rounds: &[Round]) -> Value {
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

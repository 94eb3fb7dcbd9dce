//! Rounds of measurement: a new round keeps the old one, dated, with the
//! participants, notes and plan; the comparison per domain and per
//! perspective; and malformed or hostile rounds, each with its exact
//! Dutch message.

mod common;

use scorer_wasm::comparison::compare;
use scorer_wasm::plan::Field;
use scorer_wasm::rapport::{Filter, Outcome};
use scorer_wasm::rounds::{MAX_ROUNDS, valid_stamp};
use scorer_wasm::score::Score;
use scorer_wasm::traject::{Merge, Note, Participant, Perspective, Traject};
use serde_json::{Value, json};

const T0: &str = "2026-09-01T08:00:00.000Z";
const T1: &str = "2026-09-01T09:00:00.000Z";
const T2: &str = "2027-03-01T08:00:00.000Z";
const T3: &str = "2027-03-01T09:00:00.000Z";

/// A team and a leerling score in September; the plan has an action.
fn september() -> Traject {
    let mut t = Traject::new("t-r", "Rondes", T0);
    t.add_participant(Participant::new("p-l", "Sam", Perspective::Students), T0)
        .unwrap();
    for (who, d, v) in [("p-1", 3, 4), ("p-1", 8, 6), ("p-l", 3, 8), ("p-l", 8, 5)] {
        t.set_score(who, d, Some(Score::Value(v)), T1);
    }
    t.set_note("p-1", 3, Note::Attention, "Ouders bereiken", T1);
    t.choose(3, true, T1);
    t.plan_mut(T1).add_action(3);
    t.plan_mut(T1)
        .set(&Field::parse("actie:3:1:wat").unwrap(), "Ouderavond");
    t
}

#[test]
fn stamps_are_real_dates_and_times() {
    assert!(valid_stamp("2026-12-02T07:10:00.000Z"));
    assert!(valid_stamp("2028-02-29T00:00:00Z"));
    for bad in [
        "",
        "2026-12-02",
        "2027-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-12-02 07:10:00Z",
        "2026-12-02T07:10:00.000",
        "<script>",
        "2026-00-10T00:00:00Z",
    ] {
        assert!(!valid_stamp(bad), "{bad}");
    }
}

#[test]
fn a_new_round_keeps_the_old_one_and_starts_empty_with_notes_and_plan() {
    let mut t = Traject::new("t-leeg", "Leeg", T0);
    assert_eq!(
        t.new_round(T1).unwrap_err(),
        "In deze meting is nog niets gescoord. Een nieuwe meting begint pas als er scores zijn om te bewaren."
    );
    assert!(t.rounds.is_empty());

    let mut t = september();
    let before = t.clone();
    t.new_round(T2).unwrap();
    assert_eq!(t.rounds.len(), 1);
    assert_eq!(t.rounds[0].started, T0);
    assert_eq!(t.rounds[0].participants, before.participants);
    assert_eq!(t.round_started, T2);
    assert_eq!(t.updated, T2);
    // The same people, no scores, the notes and the plan as they were.
    assert_eq!(t.participants.len(), 2);
    assert_eq!(t.scored_count(), 0);
    assert_eq!(t.answer("p-1", 3).attention, "Ouders bereiken");
    assert_eq!(t.answer("p-1", 8), Default::default());
    assert_eq!(t.plan, before.plan);
    assert_eq!(t.focus, vec![3]);
    // Kept in the file, and read back the same.
    let back = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(back, t);
    // Scoring again and another round: the oldest stays first.
    t.set_score("p-1", 3, Some(Score::Value(7)), T3);
    t.new_round("2027-09-01T08:00:00.000Z").unwrap();
    let starts: Vec<&str> = t.rounds.iter().map(|r| r.started.as_str()).collect();
    assert_eq!(starts, [T0, T2]);
}

#[test]
fn in_a_new_round_an_invited_participant_s_answers_fill_in_without_asking() {
    let mut t = september();
    t.new_round(T2).unwrap();
    let mut again = Participant::new("p-l", "Sam", Perspective::Students);
    again.answers.insert(
        3,
        scorer_wasm::traject::Answer {
            score: Some(Score::Value(9)),
            ..Default::default()
        },
    );
    assert_eq!(t.merge_check(&again), Merge::Added);
    t.merge(again, false, T3).unwrap();
    assert_eq!(t.answer("p-l", 3).score, Some(Score::Value(9)));
    // Once there are scores in this round, a different reply asks first.
    let mut changed = t.participant("p-l").unwrap().clone();
    changed.answers.insert(3, Default::default());
    changed.answers.insert(
        8,
        scorer_wasm::traject::Answer {
            score: Some(Score::Value(2)),
            ..Default::default()
        },
    );
    assert_eq!(t.merge_check(&changed), Merge::Differs);
    // The earlier round is never touched by a reply.
    assert_eq!(
        t.rounds[0].participants[1].answer(3).score,
        Some(Score::Value(8))
    );
}

#[test]
fn the_number_of_rounds_is_bounded() {
    let mut t = september();
    for _ in 0..MAX_ROUNDS {
        t.set_score("p-1", 3, Some(Score::Value(5)), T1);
        t.new_round(T1).unwrap();
    }
    t.set_score("p-1", 3, Some(Score::Value(5)), T1);
    assert_eq!(
        t.new_round(T1).unwrap_err(),
        "Een traject bewaart hooguit 20 metingen."
    );
}

#[test]
fn the_comparison_gives_each_domain_and_perspective_with_the_change() {
    let mut t = september();
    t.new_round(T2).unwrap();
    t.set_score("p-1", 3, Some(Score::Value(6)), T3);
    t.set_score("p-l", 3, Some(Score::Value(7)), T3);
    t.set_score("p-1", 8, Some(Score::DontKnow), T3);
    let data = common::data();
    let changes = compare(&t, &t.rounds[0], &data, Filter::All);
    assert_eq!(changes.len(), 8);
    let three = &changes[2];
    // Medians in tenths: 4 and 8 → 6; 6 and 7 → 6.5.
    assert_eq!(three.earlier, Outcome::Scored(60));
    assert_eq!(three.now, Outcome::Scored(65));
    assert_eq!(three.difference(), Some(5));
    assert_eq!(
        three.by_perspective,
        [
            ("team".to_string(), Some(40), Some(60)),
            ("leerlingen".to_string(), Some(80), Some(70)),
        ]
    );
    // Domain 8: the team now says "weet niet" and the leerling has not
    // scored it yet: nothing to compare with.
    assert_eq!(changes[7].earlier, Outcome::Scored(55));
    assert_eq!(changes[7].now, Outcome::DontKnow);
    assert_eq!(changes[7].difference(), None);
    // One perspective at a time.
    let only = compare(&t, &t.rounds[0], &data, Filter::Only("leerlingen"));
    assert_eq!(only[2].earlier, Outcome::Scored(80));
    assert_eq!(only[2].now, Outcome::Scored(70));
    assert_eq!(only[2].difference(), Some(-10));
    // A domain nobody scored in either round has nothing to compare.
    assert_eq!(changes[0].earlier, Outcome::NotScored);
    assert!(changes[0].by_perspective.is_empty());
}

fn round_error(edit: impl FnOnce(&mut Value)) -> String {
    let mut t = september();
    t.new_round(T2).unwrap();
    t.set_score("p-1", 3, Some(Score::Value(6)), T3);
    let mut v: Value = serde_json::from_str(&t.to_json()).unwrap();
    edit(&mut v);
    Traject::from_json(&v.to_string(), &common::data()).unwrap_err()
}

#[test]
fn malformed_and_hostile_rounds_are_refused_with_exact_messages() {
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "a round dated in the future",
            round_error(|v| {
                v["eerdere_metingen"][0]["gestart"] = json!("2031-01-01T00:00:00.000Z")
            }),
            "Eerdere meting 1 begint op 2031-01-01, na de laatste wijziging van het traject (2027-03-01): een datum in de toekomst.",
        ),
        (
            "the current round in the future",
            round_error(|v| v["meting_gestart"] = json!("2030-05-05T10:00:00.000Z")),
            "De huidige meting begint op 2030-05-05, na de laatste wijziging van het traject (2027-03-01): een datum in de toekomst.",
        ),
        (
            "a round without a real date",
            round_error(|v| v["eerdere_metingen"][0]["gestart"] = json!("vorig jaar")),
            "Eerdere meting 1 heeft geen geldige begindatum (zoals 2026-12-02T09:00:00.000Z).",
        ),
        (
            "the 30th of February",
            round_error(|v| {
                v["eerdere_metingen"][0]["gestart"] = json!("2026-02-30T08:00:00.000Z")
            }),
            "Eerdere meting 1 heeft geen geldige begindatum (zoals 2026-12-02T09:00:00.000Z).",
        ),
        (
            "rounds out of order",
            round_error(|v| {
                let first = v["eerdere_metingen"][0].clone();
                let mut second = first.clone();
                second["gestart"] = json!("2026-01-01T00:00:00.000Z");
                v["eerdere_metingen"] = json!([first, second]);
            }),
            "Eerdere meting 2 begint vóór de meting ervoor.",
        ),
        (
            "the current round before an earlier one",
            round_error(|v| v["meting_gestart"] = json!("2026-08-01T00:00:00.000Z")),
            "De huidige meting begint vóór de meting ervoor.",
        ),
        (
            "21 rounds",
            round_error(|v| {
                let first = v["eerdere_metingen"][0].clone();
                v["eerdere_metingen"] = Value::Array(vec![first; 21]);
            }),
            "Een traject bewaart hooguit 20 metingen.",
        ),
        (
            "rounds as an object",
            round_error(|v| v["eerdere_metingen"] = json!({"1": []})),
            "Het veld “eerdere_metingen” ontbreekt of is geen lijst.",
        ),
        (
            "unknown field in a round",
            round_error(|v| v["eerdere_metingen"][0]["klas"] = json!("2b")),
            "Onbekend veld “klas” in het bestand.",
        ),
        (
            "a participant twice in a round",
            round_error(|v| {
                let p = v["eerdere_metingen"][0]["deelnemers"][0].clone();
                v["eerdere_metingen"][0]["deelnemers"]
                    .as_array_mut()
                    .unwrap()
                    .push(p);
            }),
            "Deelnemer “p-1” staat twee keer in het traject.",
        ),
        (
            "a score of 11 in an earlier round",
            round_error(|v| {
                v["eerdere_metingen"][0]["deelnemers"][1]["antwoorden"][0]["score"] = json!(11)
            }),
            "De score bij domein 3 (deelnemer 2) moet 1 tot en met 10 of “weet-niet” zijn, niet 11.",
        ),
        (
            "10,000 participants in a round",
            round_error(|v| {
                let p = json!({"id": "p-x", "naam": "", "perspectief": "ouders", "antwoorden": []});
                v["eerdere_metingen"][0]["deelnemers"] = Value::Array(vec![p; 10_000]);
            }),
            "Te veel deelnemers (10000); een traject heeft er hooguit 200.",
        ),
        (
            "a round without participants",
            round_error(|v| v["eerdere_metingen"][0]["deelnemers"] = json!([])),
            "Er staan geen deelnemers in het bestand.",
        ),
        (
            "the current round's start missing",
            round_error(|v| {
                v.as_object_mut().unwrap().remove("meting_gestart");
            }),
            "Het veld “meting_gestart” ontbreekt of is geen tekst.",
        ),
    ];
    for (what, got, want) in cases {
        assert_eq!(got, want, "{what}");
    }
}

//! Export and import of trajecten: the JSON round trip, migration, and
//! malformed or hostile files, each with its exact Dutch message.

mod common;

use scorer_wasm::score::Score;
use scorer_wasm::traject::{Answer, MAX_FILE_BYTES, Merge, Participant, Perspective, Traject};
use serde_json::{Value, json};

const P1: &str = scorer_wasm::traject::FIRST_PARTICIPANT;

fn sample() -> Traject {
    let mut t = Traject::new("t-abc-1", "Team onderbouw", "2026-11-23T10:00:00.000Z");
    t.set_answer(
        P1,
        3,
        Answer {
            score: Some(Score::Value(4)),
            going_well: "Ouderavonden lopen goed.".into(),
            attention: "Contact met \"stille\" ouders;\nhuisbezoek?".into(),
        },
        "2026-11-23T10:01:00.000Z",
    );
    t.set_answer(
        P1,
        8,
        Answer {
            score: Some(Score::DontKnow),
            ..Answer::default()
        },
        "2026-11-23T10:02:00.000Z",
    );
    t.set_answer(
        P1,
        1,
        Answer {
            score: Some(Score::Value(10)),
            ..Answer::default()
        },
        "2026-11-23T10:03:00.000Z",
    );
    t.set_focus(vec![3, 8], "2026-11-23T10:04:00.000Z");
    t.set_reason(
        3,
        "Ouders haken af;\n<b>dringend</b>",
        "2026-11-23T10:05:00.000Z",
    );
    t
}

fn valid_json() -> Value {
    serde_json::from_str(&sample().to_json()).unwrap()
}

/// The import error for `valid_json()` changed by `edit`.
fn error_after(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = valid_json();
    edit(&mut v);
    Traject::from_json(&v.to_string(), &common::data()).unwrap_err()
}

#[test]
fn json_round_trip_is_identical() {
    let t = sample();
    let back = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(back, t);
    assert_eq!(back.to_json(), t.to_json());
}

#[test]
fn migrates_version_1() {
    let v1 = json!({
        "formaat": "wegwijzer-traject",
        "schema_version": 1,
        "id": "oud-1",
        "naam": "Oud traject",
        "aangemaakt": "2025-01-01T00:00:00Z",
        "gewijzigd": "2025-01-02T00:00:00Z",
        "scores": { "3": 5, "8": "weet-niet" },
        "notities": { "3": { "wat_gaat_goed": "Goed", "aandachtspunten": "Beter" }, "5": { "wat_gaat_goed": "Alleen een notitie" } },
        "focus": [3]
    });
    let t = Traject::from_json(&v1.to_string(), &common::data()).unwrap();
    assert_eq!(t.participants.len(), 1);
    assert_eq!(t.participants[0].id, "p-1");
    assert_eq!(t.participants[0].perspective, Perspective::Team);
    assert_eq!(
        t.answer(P1, 3),
        Answer {
            score: Some(Score::Value(5)),
            going_well: "Goed".into(),
            attention: "Beter".into()
        }
    );
    assert_eq!(t.answer(P1, 8).score, Some(Score::DontKnow));
    assert_eq!(
        t.answer(P1, 5),
        Answer {
            score: None,
            going_well: "Alleen een notitie".into(),
            attention: String::new()
        }
    );
    assert_eq!(t.focus, vec![3]);
    assert!(t.reasons.is_empty());
    // Saved again, it is the current version and reads back the same.
    let again = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(again, t);
    assert!(t.to_json().contains("\"schema_version\": 6"));
    assert!(t.to_json().contains("\"redenen\": []"));
}

/// A file exported by the previous release (schema 2), kept byte for byte.
#[test]
fn reads_a_real_version_2_export() {
    let text = include_str!("fixtures/v2-export.json");
    assert!(text.contains("\"schema_version\": 2"));
    let t = Traject::from_json(text, &common::data()).unwrap();
    assert_eq!(t.name, "Team onderbouw <b>");
    assert_eq!(t.answer(P1, 3).score, Some(Score::Value(4)));
    assert_eq!(
        t.answer(P1, 3).attention,
        "Contact met \"stille\" ouders;\nhuisbezoek?"
    );
    assert_eq!(t.answer(P1, 8).score, Some(Score::DontKnow));
    assert_eq!(t.focus, vec![3, 8]);
    assert!(t.reasons.is_empty());
    let again = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(again, t);
    // Version 2 had no reasons: the field is unknown there.
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["redenen"] = json!([]);
    assert_eq!(
        Traject::from_json(&v.to_string(), &common::data()).unwrap_err(),
        "Onbekend veld “redenen” in het bestand."
    );
}

/// A file exported by the previous release (schema 3, two respondents),
/// kept byte for byte: each respondent becomes a participant.
#[test]
fn reads_a_real_version_3_export() {
    let text = include_str!("fixtures/v3-export.json");
    assert!(text.contains("\"schema_version\": 3"));
    let t = Traject::from_json(text, &common::data()).unwrap();
    assert_eq!(t.name, "Team bovenbouw & ouders");
    let ids: Vec<&str> = t.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p-1", "p-2"]);
    assert_eq!(t.participants[0].perspective, Perspective::Team);
    assert_eq!(t.participants[1].perspective, Perspective::Parents);
    assert_eq!(t.participants[1].shown_name(), "anoniem");
    assert_eq!(t.answer("p-1", 5).attention, "Pesten in de <i>brugklas</i>");
    assert_eq!(t.answer("p-2", 5).score, Some(Score::Value(8)));
    assert_eq!(t.answer("p-1", 7).score, Some(Score::DontKnow));
    assert_eq!(t.focus, vec![5, 2]);
    assert_eq!(t.reason(5), "Leerlingen en ouders zien het anders.");
    let again = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(again, t);
    // A role that names no perspective becomes "anders" with that text.
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["respondenten"][1]["rol"] = json!("Zorgteam");
    v["respondenten"][0]["rol"] = json!("LEERLINGEN");
    let t = Traject::from_json(&v.to_string(), &common::data()).unwrap();
    assert_eq!(
        t.participants[1].perspective,
        Perspective::Other("Zorgteam".into())
    );
    assert_eq!(t.participants[0].perspective, Perspective::Students);
    // Version 3 knew no participants: the field is unknown there, and a
    // respondent's unknown field is still refused after the migration.
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["deelnemers"] = json!([]);
    assert_eq!(
        Traject::from_json(&v.to_string(), &common::data()).unwrap_err(),
        "Onbekend veld “deelnemers” in het bestand."
    );
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["respondenten"][0]["leeftijd"] = json!(12);
    assert_eq!(
        Traject::from_json(&v.to_string(), &common::data()).unwrap_err(),
        "Onbekend veld “leeftijd” in het bestand."
    );
}

fn with_scores(id: &str, name: &str, perspective: Perspective, scores: &[(u8, u8)]) -> Participant {
    let mut p = Participant::new(id, name, perspective);
    for &(d, v) in scores {
        p.answers.insert(
            d,
            Answer {
                score: Some(Score::Value(v)),
                ..Answer::default()
            },
        );
    }
    p
}

#[test]
fn participants_round_trip_with_names_and_perspectives() {
    let mut t = sample();
    t.add_participant(
        with_scores(
            "p-leerling-1",
            " Sam\u{200b} ",
            Perspective::Students,
            &[(2, 7)],
        ),
        "nu",
    )
    .unwrap();
    t.add_participant(
        with_scores("p-x", "", Perspective::Other("Bestuur <b>".into()), &[]),
        "nu",
    )
    .unwrap();
    t.set_note(
        "p-leerling-1",
        2,
        scorer_wasm::traject::Note::Attention,
        "Te veel toetsen",
        "nu",
    );
    assert_eq!(t.participants[1].name, "Sam", "trimmed as typed");
    assert_eq!(t.participants[2].shown_name(), "anoniem");
    assert_eq!(t.scored_count(), 4, "domains anyone answered");
    let json = t.to_json();
    assert!(json.contains("\"perspectief\": \"anders\""));
    assert!(json.contains("\"omschrijving\": \"Bestuur <b>\""));
    let back = Traject::from_json(&json, &common::data()).unwrap();
    assert_eq!(back, t);
    // Changing one participant leaves the others alone.
    t.set_score("p-x", 2, Some(Score::Value(1)), "nu");
    assert_eq!(t.answer("p-leerling-1", 2).score, Some(Score::Value(7)));
    assert_eq!(t.answer("p-leerling-1", 2).attention, "Te veel toetsen");
    assert_eq!(t.answer(P1, 2), Answer::default());
    // An unknown participant changes nothing.
    let before = t.clone();
    t.set_score("p-weg", 2, Some(Score::Value(3)), "later");
    assert_eq!(t, before);
    assert_eq!(t.participant_or_first("p-weg").id, P1);
}

#[test]
fn a_participant_is_removed_with_their_answers_but_never_the_last() {
    let mut t = sample();
    t.add_participant(
        with_scores("p-2", "Sam", Perspective::Students, &[(1, 4)]),
        "nu",
    )
    .unwrap();
    assert!(!t.remove_participant("p-onbekend", "later"));
    assert!(t.remove_participant("p-2", "later"));
    assert_eq!(t.participants.len(), 1);
    assert_eq!(t.updated, "later");
    assert!(!t.remove_participant(P1, "nog later"), "the last one stays");
    assert_eq!(t.participants.len(), 1);
}

#[test]
fn merging_adds_new_participants_and_replaces_a_known_one_only_when_asked() {
    let mut t = sample();
    let leerling = with_scores("p-l", "Sam", Perspective::Students, &[(1, 6), (2, 7)]);
    assert_eq!(t.merge(leerling.clone(), false, "nu"), Ok(Merge::Added));
    let team_before = t.participants[0].clone();
    // The same answers sent twice: recognised, nothing changes.
    assert_eq!(
        t.merge(leerling.clone(), false, "later"),
        Ok(Merge::Unchanged)
    );
    assert_eq!(t.participants.len(), 2);
    assert_eq!(t.updated, "nu");
    // Changed answers: not taken without asking...
    let changed = with_scores("p-l", "Sam", Perspective::Students, &[(1, 9)]);
    assert_eq!(t.merge_check(&changed), Merge::Differs);
    assert_eq!(t.merge(changed.clone(), false, "later"), Ok(Merge::Differs));
    assert_eq!(t.participant("p-l"), Some(&leerling));
    // ...and taken after.
    assert_eq!(t.merge(changed.clone(), true, "later"), Ok(Merge::Differs));
    assert_eq!(t.participant("p-l"), Some(&changed));
    assert_eq!(t.participants[0], team_before, "no one else is touched");
    assert_eq!(t.participants.len(), 2);
    // Someone invited has no answers yet: their first answers simply fill in.
    let invited = Participant::new("p-uit", "", Perspective::Parents);
    t.add_participant(invited, "nu").unwrap();
    let answered = with_scores("p-uit", "", Perspective::Parents, &[(4, 2)]);
    assert_eq!(t.merge_check(&answered), Merge::Added);
    assert_eq!(t.merge(answered.clone(), false, "later"), Ok(Merge::Added));
    assert_eq!(t.participants.len(), 3, "filled in where they stood");
    assert_eq!(t.participants[2], answered);
    // A full traject takes no one more, and says so.
    let mut full = sample();
    for i in 2..=200 {
        full.add_participant(
            Participant::new(&format!("p-{i}"), "", Perspective::Parents),
            "nu",
        )
        .unwrap();
    }
    assert_eq!(
        full.merge(
            with_scores("p-nieuw", "", Perspective::Parents, &[]),
            false,
            "nu"
        ),
        Err("Te veel deelnemers (201); een traject heeft er hooguit 200.".to_string())
    );
    assert_eq!(
        full.add_participant(Participant::new("p-2", "", Perspective::Team), "nu"),
        Err("Deelnemer “p-2” staat twee keer in het traject.".to_string())
    );
}

#[test]
fn participant_fields_are_validated_with_exact_messages() {
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "duplicate ids",
            error_after(|v| {
                let p = v["deelnemers"][0].clone();
                v["deelnemers"] = json!([p.clone(), p]);
            }),
            "Deelnemer “p-1” staat twee keer in het traject.",
        ),
        (
            "id with markup",
            error_after(|v| v["deelnemers"][0]["id"] = json!("<script>")),
            "Deelnemer 1 heeft een ongeldige “id” (alleen a-z, 0-9 en -, hooguit 64 tekens).",
        ),
        (
            "empty id",
            error_after(|v| v["deelnemers"][0]["id"] = json!("")),
            "Deelnemer 1 heeft een ongeldige “id” (alleen a-z, 0-9 en -, hooguit 64 tekens).",
        ),
        (
            "unknown perspective",
            error_after(|v| v["deelnemers"][0]["perspectief"] = json!("directie")),
            "Deelnemer 1 heeft een onbekend perspectief; het moet “team”, “leerlingen”, “ouders” of “anders” zijn.",
        ),
        (
            "other without a description",
            error_after(|v| v["deelnemers"][0]["perspectief"] = json!("anders")),
            "Deelnemer 1 heeft perspectief “anders”, maar de omschrijving is leeg.",
        ),
        (
            "other with an invisible description",
            error_after(|v| {
                v["deelnemers"][0]["perspectief"] = json!("anders");
                v["deelnemers"][0]["omschrijving"] = json!("\u{200b} ");
            }),
            "Deelnemer 1 heeft perspectief “anders”, maar de omschrijving is leeg.",
        ),
        (
            "a description beside a known perspective",
            error_after(|v| v["deelnemers"][0]["omschrijving"] = json!("x")),
            "Onbekend veld “omschrijving” in het bestand.",
        ),
        (
            "participant name too long",
            error_after(|v| v["deelnemers"][0]["naam"] = json!("n".repeat(121))),
            "De naam van een deelnemer is te lang (121 tekens); maximaal 120.",
        ),
        (
            "participant name not text",
            error_after(|v| v["deelnemers"][0]["naam"] = json!(null)),
            "Het veld “naam” ontbreekt of is geen tekst.",
        ),
        (
            "participant not an object",
            error_after(|v| v["deelnemers"] = json!(["p-1"])),
            "Het veld “deelnemers” ontbreekt of is geen lijst met deelnemers.",
        ),
        (
            "unknown participant field",
            error_after(|v| v["deelnemers"][0]["onclick"] = json!("alert(1)")),
            "Onbekend veld “onclick” in het bestand.",
        ),
        (
            "old respondents in a new file",
            error_after(|v| v["respondenten"] = json!([])),
            "Onbekend veld “respondenten” in het bestand.",
        ),
    ];
    for (what, got, want) in cases {
        assert_eq!(got, want, "{what}");
    }
}

#[test]
fn reasons_round_trip_and_survive_unchoosing() {
    let mut t = sample();
    assert_eq!(t.reason(3), "Ouders haken af;\n<b>dringend</b>");
    t.choose(3, false, "nu");
    assert_eq!(t.focus, vec![8]);
    assert_eq!(
        t.reason(3),
        "Ouders haken af;\n<b>dringend</b>",
        "kept for when it comes back"
    );
    t.choose(3, true, "nu");
    assert_eq!(t.focus, vec![8, 3], "back at the end");
    t.set_reason(8, &"r".repeat(900), "nu");
    assert_eq!(t.reason(8).chars().count(), 500);
    t.set_reason(8, "", "nu");
    assert_eq!(t.reason(8), "");
    let back = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(back, t);
}

#[test]
fn names_of_only_invisible_characters_count_as_empty() {
    use scorer_wasm::traject::clean_name;
    assert_eq!(clean_name("  Team 1 "), Some("Team 1".into()));
    assert_eq!(clean_name("\u{200b}\u{200b}\u{feff}"), None);
    assert_eq!(clean_name("\u{202e}\u{2066} \u{200d}"), None);
    assert_eq!(
        clean_name("\u{202e}Team"),
        Some("Team".into()),
        "a leading override is trimmed"
    );
    assert_eq!(
        clean_name("Te\u{202e}am"),
        Some("Te\u{202e}am".into()),
        "inside, it stays: the page isolates it"
    );
    assert_eq!(clean_name(&"x".repeat(200)).unwrap().chars().count(), 120);
    assert_eq!(
        error_after(|v| v["naam"] = json!("\u{200b}\u{200c}\u{200d}")),
        "De naam van het traject is leeg."
    );
}

#[test]
fn a_migrated_file_is_still_validated() {
    let v1 = json!({
        "formaat": "wegwijzer-traject", "schema_version": 1, "id": "oud-2", "naam": "x",
        "aangemaakt": "a", "gewijzigd": "b", "scores": { "3": 12 }, "focus": []
    });
    assert_eq!(
        Traject::from_json(&v1.to_string(), &common::data()).unwrap_err(),
        "De score bij domein 3 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 12."
    );
    let v1 = json!({
        "formaat": "wegwijzer-traject", "schema_version": 1, "id": "oud-3", "naam": "x",
        "aangemaakt": "a", "gewijzigd": "b", "scores": { "drie": 5 }, "focus": []
    });
    assert_eq!(
        Traject::from_json(&v1.to_string(), &common::data()).unwrap_err(),
        "Domein “drie” bestaat niet in deze Wegwijzer."
    );
}

#[test]
fn malformed_and_hostile_files_are_refused_with_exact_messages() {
    let data = common::data();
    let from = |text: &str| Traject::from_json(text, &data).unwrap_err();
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty file", from(""), "Het bestand is leeg."),
        ("only whitespace", from("  \n\t "), "Het bestand is leeg."),
        (
            "truncated",
            from(&sample().to_json()[..120]),
            "Dit is geen Wegwijzer-bestand, of het is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen.",
        ),
        (
            "not json",
            from("naam;score\nteam;5"),
            "Dit is geen Wegwijzer-bestand, of het is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen.",
        ),
        (
            "an array",
            from("[1,2,3]"),
            "Dit is geen Wegwijzer-bestand.",
        ),
        (
            "a string",
            from("\"traject\""),
            "Dit is geen Wegwijzer-bestand.",
        ),
        (
            "other format",
            error_after(|v| v["formaat"] = json!("iets-anders")),
            "Dit is geen Wegwijzer-bestand.",
        ),
        (
            "no version",
            error_after(|v| {
                v.as_object_mut().unwrap().remove("schema_version");
            }),
            "Het veld “schema_version” ontbreekt of is geen geheel getal.",
        ),
        (
            "version as text",
            error_after(|v| v["schema_version"] = json!("2")),
            "Het veld “schema_version” ontbreekt of is geen geheel getal.",
        ),
        (
            "newer version",
            error_after(|v| v["schema_version"] = json!(7)),
            "Dit bestand komt uit een nieuwere versie van de Wegwijzer (versie 7). Deze versie kan versie 1 tot en met 6 lezen.",
        ),
        (
            "version 0",
            error_after(|v| v["schema_version"] = json!(0)),
            "Versie 0 van het traject-formaat bestaat niet.",
        ),
        (
            "unknown field",
            error_after(|v| v["extra"] = json!(1)),
            "Onbekend veld “extra” in het bestand.",
        ),
        (
            "name as number",
            error_after(|v| v["naam"] = json!(5)),
            "Het veld “naam” ontbreekt of is geen tekst.",
        ),
        (
            "empty name",
            error_after(|v| v["naam"] = json!("   ")),
            "De naam van het traject is leeg.",
        ),
        (
            "long name",
            error_after(|v| v["naam"] = json!("x".repeat(121))),
            "De naam is te lang (121 tekens); maximaal 120.",
        ),
        (
            "bad id",
            error_after(|v| v["id"] = json!("../../etc")),
            "Het veld “id” bevat ongeldige tekens (alleen a-z, 0-9 en -, hooguit 64).",
        ),
        (
            "script in id",
            error_after(|v| v["id"] = json!("<script>alert(1)</script>")),
            "Het veld “id” bevat ongeldige tekens (alleen a-z, 0-9 en -, hooguit 64).",
        ),
        (
            "score too high",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["score"] = json!(11)),
            "De score bij domein 1 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 11.",
        ),
        (
            "score zero",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["score"] = json!(0)),
            "De score bij domein 1 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 0.",
        ),
        (
            "score fraction",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["score"] = json!(5.5)),
            "De score bij domein 1 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 5.5.",
        ),
        (
            "score as text",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["score"] = json!("vijf")),
            "De score bij domein 1 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet \"vijf\".",
        ),
        (
            "score as object",
            error_after(|v| {
                v["deelnemers"][0]["antwoorden"][0]["score"] =
                    json!({"a": "<img src=x onerror=alert(1)>"})
            }),
            "De score bij domein 1 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet een object.",
        ),
        (
            "unknown domain",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["domein"] = json!(9)),
            "Domein 9 bestaat niet in deze Wegwijzer.",
        ),
        (
            "negative domain",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["domein"] = json!(-1)),
            "Domein -1 bestaat niet in deze Wegwijzer.",
        ),
        (
            "domain as text",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["domein"] = json!("3")),
            "Het veld “domein” ontbreekt of is geen domeinnummer.",
        ),
        (
            "duplicate domain",
            error_after(|v| v["deelnemers"][0]["antwoorden"][1]["domein"] = json!(1)),
            "Domein 1 staat twee keer bij deelnemer 1.",
        ),
        (
            "no participants",
            error_after(|v| v["deelnemers"] = json!([])),
            "Er staan geen deelnemers in het bestand.",
        ),
        (
            "participants not a list",
            error_after(|v| v["deelnemers"] = json!({"id": "p-1"})),
            "Het veld “deelnemers” ontbreekt of is geen lijst.",
        ),
        (
            "10,000 participants",
            error_after(|v| {
                // Small enough to stay under the 1 MB a file may have.
                v["deelnemers"] = Value::Array(
                    (0..10_000)
                        .map(|i| {
                            json!({"id": format!("p-{i}"), "naam": "", "perspectief": "team", "antwoorden": []})
                        })
                        .collect(),
                );
            }),
            "Te veel deelnemers (10000); een traject heeft er hooguit 200.",
        ),
        (
            "note too long",
            error_after(|v| {
                v["deelnemers"][0]["antwoorden"][0]["wat_gaat_goed"] = json!("é".repeat(2001))
            }),
            "De notitie “wat gaat goed” is te lang (2001 tekens); maximaal 2000.",
        ),
        (
            "note not text",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["aandachtspunten"] = json!(["a"])),
            "Het veld “aandachtspunten” ontbreekt of is geen tekst.",
        ),
        (
            "unknown answer field",
            error_after(|v| v["deelnemers"][0]["antwoorden"][0]["onclick"] = json!("alert(1)")),
            "Onbekend veld “onclick” in het bestand.",
        ),
        (
            "focus unknown domain",
            error_after(|v| v["focus"] = json!([3, 42])),
            "Domein 42 bestaat niet in deze Wegwijzer.",
        ),
        (
            "focus twice",
            error_after(|v| v["focus"] = json!([3, 3])),
            "Domein 3 staat twee keer in de gekozen domeinen.",
        ),
        (
            "focus missing",
            error_after(|v| {
                v.as_object_mut().unwrap().remove("focus");
            }),
            "Het veld “focus” ontbreekt of is geen lijst met domeinnummers.",
        ),
        (
            "5 MB of text",
            from(&format!("{{\"naam\":\"{}\"}}", "a".repeat(5_000_000))),
            "Het bestand is te groot (5,0 MB). Een traject-bestand is hooguit 1 MB.",
        ),
        (
            "deep nesting",
            from(&"[".repeat(100_000)),
            "Dit is geen Wegwijzer-bestand, of het is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen.",
        ),
        (
            "reasons not a list",
            error_after(|v| v["redenen"] = json!({"3": "x"})),
            "Het veld “redenen” ontbreekt of is geen lijst.",
        ),
        (
            "reasons missing",
            error_after(|v| {
                v.as_object_mut().unwrap().remove("redenen");
            }),
            "Het veld “redenen” ontbreekt of is geen lijst.",
        ),
        (
            "reason for unknown domain",
            error_after(|v| v["redenen"][0]["domein"] = json!(12)),
            "Domein 12 bestaat niet in deze Wegwijzer.",
        ),
        (
            "reason twice",
            error_after(|v| {
                v["redenen"] = json!([{"domein": 3, "reden": "a"}, {"domein": 3, "reden": "b"}])
            }),
            "Domein 3 heeft twee keer een reden voor de keuze.",
        ),
        (
            "reason too long",
            error_after(|v| v["redenen"][0]["reden"] = json!("x".repeat(501))),
            "De reden voor een keuze is te lang (501 tekens); maximaal 500.",
        ),
        (
            "reason as script object",
            error_after(|v| v["redenen"][0]["reden"] = json!({"<script>": 1})),
            "Het veld “reden” ontbreekt of is geen tekst.",
        ),
        (
            "unknown reason field",
            error_after(|v| v["redenen"][0]["onload"] = json!("alert(1)")),
            "Onbekend veld “onload” in het bestand.",
        ),
        (
            "invisible name",
            error_after(|v| v["naam"] = json!("\u{200b}\u{2060}\u{feff}")),
            "De naam van het traject is leeg.",
        ),
    ];
    assert!(cases.len() >= 20);
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(_, got, want)| got != want)
        .map(|(name, got, want)| format!("{name}:\n  want {want}\n  got  {got}"))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn script_payloads_are_kept_as_plain_text() {
    let mut v = valid_json();
    v["naam"] = json!("<script>alert('naam')</script>");
    v["deelnemers"][0]["antwoorden"][0]["wat_gaat_goed"] = json!("<img src=x onerror=alert(1)>");
    let t = Traject::from_json(&v.to_string(), &common::data()).unwrap();
    assert_eq!(t.name, "<script>alert('naam')</script>");
    assert_eq!(t.answer(P1, 1).going_well, "<img src=x onerror=alert(1)>");
}

#[test]
fn a_file_just_under_the_limit_is_read() {
    let mut v = valid_json();
    v["naam"] = json!("Team");
    let text = v.to_string();
    let padded = format!("{text}{}", " ".repeat(MAX_FILE_BYTES - text.len()));
    assert_eq!(padded.len(), MAX_FILE_BYTES);
    assert!(Traject::from_json(&padded, &common::data()).is_ok());
    let over = format!("{padded} ");
    assert!(Traject::from_json(&over, &common::data()).is_err());
}

#[test]
fn typing_is_capped_not_refused() {
    let mut t = sample();
    t.set_answer(
        P1,
        2,
        Answer {
            score: None,
            going_well: "a".repeat(5000),
            attention: String::new(),
        },
        "nu",
    );
    assert_eq!(t.answer(P1, 2).going_well.chars().count(), 2000);
    t.rename(&"n".repeat(500), "nu");
    assert_eq!(t.name.chars().count(), 120);
    // An empty answer is removed rather than stored.
    t.set_answer(P1, 2, Answer::default(), "nu");
    assert!(!t.participants[0].answers.contains_key(&2));
}

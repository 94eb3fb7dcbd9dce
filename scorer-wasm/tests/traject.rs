//! Export and import of trajecten: the JSON round trip, migration, and
//! malformed or hostile files, each with its exact Dutch message.

mod common;

use scorer_wasm::score::Score;
use scorer_wasm::traject::{Answer, MAX_FILE_BYTES, Traject};
use serde_json::{Value, json};

fn sample() -> Traject {
    let mut t = Traject::new("t-abc-1", "Team onderbouw", "2026-11-23T10:00:00.000Z");
    t.set_answer(
        3,
        Answer {
            score: Some(Score::Value(4)),
            going_well: "Ouderavonden lopen goed.".into(),
            attention: "Contact met \"stille\" ouders;\nhuisbezoek?".into(),
        },
        "2026-11-23T10:01:00.000Z",
    );
    t.set_answer(
        8,
        Answer {
            score: Some(Score::DontKnow),
            ..Answer::default()
        },
        "2026-11-23T10:02:00.000Z",
    );
    t.set_answer(
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
    assert_eq!(t.respondents.len(), 1);
    assert_eq!(t.team().role, "Team");
    assert_eq!(
        t.answer(3),
        Answer {
            score: Some(Score::Value(5)),
            going_well: "Goed".into(),
            attention: "Beter".into()
        }
    );
    assert_eq!(t.answer(8).score, Some(Score::DontKnow));
    assert_eq!(
        t.answer(5),
        Answer {
            score: None,
            going_well: "Alleen een notitie".into(),
            attention: String::new()
        }
    );
    assert_eq!(t.focus, vec![3]);
    assert!(t.reasons.is_empty());
    // Saved again, it is version 3 and reads back the same.
    let again = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(again, t);
    assert!(t.to_json().contains("\"schema_version\": 3"));
    assert!(t.to_json().contains("\"redenen\": []"));
}

/// A file exported by the previous release (schema 2), kept byte for byte.
#[test]
fn reads_a_real_version_2_export() {
    let text = include_str!("fixtures/v2-export.json");
    assert!(text.contains("\"schema_version\": 2"));
    let t = Traject::from_json(text, &common::data()).unwrap();
    assert_eq!(t.name, "Team onderbouw <b>");
    assert_eq!(t.answer(3).score, Some(Score::Value(4)));
    assert_eq!(
        t.answer(3).attention,
        "Contact met \"stille\" ouders;\nhuisbezoek?"
    );
    assert_eq!(t.answer(8).score, Some(Score::DontKnow));
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
        "De score bij domein 3 (respondent 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 12."
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
            "Dit bestand komt uit een nieuwere versie van de Wegwijzer (versie 7). Deze versie kan versie 1 tot en met 3 lezen.",
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
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["score"] = json!(11)),
            "De score bij domein 1 (respondent 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 11.",
        ),
        (
            "score zero",
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["score"] = json!(0)),
            "De score bij domein 1 (respondent 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 0.",
        ),
        (
            "score fraction",
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["score"] = json!(5.5)),
            "De score bij domein 1 (respondent 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 5.5.",
        ),
        (
            "score as text",
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["score"] = json!("vijf")),
            "De score bij domein 1 (respondent 1) moet 1 tot en met 10 of “weet-niet” zijn, niet \"vijf\".",
        ),
        (
            "score as object",
            error_after(|v| {
                v["respondenten"][0]["antwoorden"][0]["score"] =
                    json!({"a": "<img src=x onerror=alert(1)>"})
            }),
            "De score bij domein 1 (respondent 1) moet 1 tot en met 10 of “weet-niet” zijn, niet een object.",
        ),
        (
            "unknown domain",
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["domein"] = json!(9)),
            "Domein 9 bestaat niet in deze Wegwijzer.",
        ),
        (
            "negative domain",
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["domein"] = json!(-1)),
            "Domein -1 bestaat niet in deze Wegwijzer.",
        ),
        (
            "domain as text",
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["domein"] = json!("3")),
            "Het veld “domein” ontbreekt of is geen domeinnummer.",
        ),
        (
            "duplicate domain",
            error_after(|v| v["respondenten"][0]["antwoorden"][1]["domein"] = json!(1)),
            "Domein 1 staat twee keer bij respondent 1.",
        ),
        (
            "no respondents",
            error_after(|v| v["respondenten"] = json!([])),
            "Er staan geen respondenten in het bestand.",
        ),
        (
            "respondents not a list",
            error_after(|v| v["respondenten"] = json!({"rol": "Team"})),
            "Het veld “respondenten” ontbreekt of is geen lijst.",
        ),
        (
            "too many respondents",
            error_after(|v| {
                let r = v["respondenten"][0].clone();
                v["respondenten"] = Value::Array(vec![r; 51]);
            }),
            "Te veel respondenten (51); maximaal 50.",
        ),
        (
            "note too long",
            error_after(|v| {
                v["respondenten"][0]["antwoorden"][0]["wat_gaat_goed"] = json!("é".repeat(2001))
            }),
            "De notitie “wat gaat goed” is te lang (2001 tekens); maximaal 2000.",
        ),
        (
            "note not text",
            error_after(|v| {
                v["respondenten"][0]["antwoorden"][0]["aandachtspunten"] = json!(["a"])
            }),
            "Het veld “aandachtspunten” ontbreekt of is geen tekst.",
        ),
        (
            "unknown answer field",
            error_after(|v| v["respondenten"][0]["antwoorden"][0]["onclick"] = json!("alert(1)")),
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
    v["respondenten"][0]["antwoorden"][0]["wat_gaat_goed"] = json!("<img src=x onerror=alert(1)>");
    let t = Traject::from_json(&v.to_string(), &common::data()).unwrap();
    assert_eq!(t.name, "<script>alert('naam')</script>");
    assert_eq!(t.answer(1).going_well, "<img src=x onerror=alert(1)>");
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
        2,
        Answer {
            score: None,
            going_well: "a".repeat(5000),
            attention: String::new(),
        },
        "nu",
    );
    assert_eq!(t.answer(2).going_well.chars().count(), 2000);
    t.rename(&"n".repeat(500), "nu");
    assert_eq!(t.name.chars().count(), 120);
    // An empty answer is removed rather than stored.
    t.set_answer(2, Answer::default(), "nu");
    assert!(!t.team().answers.contains_key(&2));
}

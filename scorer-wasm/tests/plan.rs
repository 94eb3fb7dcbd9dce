//! The plan van aanpak: its fields as the page binds them, its place in
//! the traject file, the migration from version 4, the actions CSV, and
//! malformed or hostile plans, each with its exact Dutch message.

mod common;

use scorer_wasm::csv;
use scorer_wasm::plan::{Field, Keep, MAX_ACTIONS, Plan, RawPlan, Status, empty_json};
use scorer_wasm::score::Score;
use scorer_wasm::traject::Traject;
use serde_json::{Value, json};

const NOW: &str = "2026-12-02T08:00:00.000Z";

fn set(plan: &mut Plan, key: &str, value: &str) {
    plan.set(&Field::parse(key).expect(key), value);
}

fn get<'a>(plan: &'a Plan, key: &str) -> &'a str {
    plan.get(&Field::parse(key).expect(key))
}

/// A plan for domains 3 and 8, as a team would fill it in.
fn planned() -> Traject {
    let mut t = Traject::new("t-plan-1", "Plan <havo>", NOW);
    t.set_score("p-1", 3, Some(Score::Value(4)), NOW);
    t.choose(3, true, NOW);
    t.choose(8, true, NOW);
    let p = &mut t.plan;
    set(p, "status:3.1", "oppakken");
    set(
        p,
        "notitie:3.1",
        "Start met de ouderavond;\n\"samen\" plannen.",
    );
    set(p, "status:3.3", "niet");
    set(p, "status:8.2", "later");
    set(p, "overweeg:school-wide-positive-behavior-support", "ja");
    set(
        p,
        "vraag:school-wide-positive-behavior-support:1",
        "Ja, past bij onze visie.",
    );
    set(
        p,
        "vraag:school-wide-positive-behavior-support:5",
        "=Deels: eerst scholing",
    );
    assert!(p.add_action(3));
    assert!(p.add_action(8));
    assert!(p.add_action(3));
    set(p, "actie:3:1:wat", "Ouderavond over stress");
    set(p, "actie:3:1:wie", "Mentoren leerjaar 2");
    set(p, "actie:3:1:wanneer", "november");
    set(p, "actie:3:1:evaluatie", "februari, in het kernteam");
    set(p, "actie:3:2:wat", "Huisbezoeken; alleen \"stille\" ouders");
    set(p, "actie:8:1:wat", "Afspraken met de GGD");
    t
}

#[test]
fn page_keys_name_exactly_one_field() {
    assert_eq!(
        Field::parse("status:3.1"),
        Some(Field::Status("3.1".into()))
    );
    assert_eq!(
        Field::parse("notitie:10.12"),
        Some(Field::Note("10.12".into()))
    );
    assert_eq!(
        Field::parse("overweeg:kanjertraining"),
        Some(Field::Considered("kanjertraining".into()))
    );
    assert_eq!(
        Field::parse("vraag:mazl:5"),
        Some(Field::Answer("mazl".into(), 4))
    );
    assert_eq!(
        Field::parse("actie:8:2:evaluatie"),
        Some(Field::Action(8, 1, 3))
    );
    for bad in [
        "",
        "status",
        "status:3",
        "status:3.1.2",
        "status:a.1",
        "status:123.1",
        "notitie:3.",
        "overweeg:<b>",
        "overweeg:Kanjer",
        "vraag:mazl:0",
        "vraag:mazl:6",
        "vraag:mazl",
        "actie:3:0:wat",
        "actie:3:1:hoe",
        "actie:300:1:wat",
        "actie:3:1:wat:extra",
        "iets:3.1",
    ] {
        assert_eq!(Field::parse(bad), None, "{bad}");
    }
}

#[test]
fn fields_read_back_what_was_set() {
    let t = planned();
    let p = &t.plan;
    assert_eq!(get(p, "status:3.1"), "oppakken");
    assert_eq!(get(p, "status:3.2"), "");
    assert_eq!(
        get(p, "notitie:3.1"),
        "Start met de ouderavond;\n\"samen\" plannen."
    );
    assert_eq!(
        get(p, "overweeg:school-wide-positive-behavior-support"),
        "ja"
    );
    assert_eq!(get(p, "overweeg:kanjertraining"), "");
    assert_eq!(
        get(p, "vraag:school-wide-positive-behavior-support:1"),
        "Ja, past bij onze visie."
    );
    assert_eq!(
        get(p, "actie:3:2:wat"),
        "Huisbezoeken; alleen \"stille\" ouders"
    );
    assert_eq!(get(p, "actie:8:1:wat"), "Afspraken met de GGD");
    assert_eq!(get(p, "actie:8:2:wat"), "");
    // Only aanbevelingen with a status or note are kept, sorted by number.
    let numbers: Vec<&str> = p
        .recommendations
        .iter()
        .map(|r| r.number.as_str())
        .collect();
    assert_eq!(numbers, ["3.1", "3.3", "8.2"]);
    assert_eq!(p.recommendation("3.3").unwrap().status, Some(Status::Not));
}

#[test]
fn clearing_and_unticking_lose_nothing_typed() {
    let mut t = planned();
    let p = &mut t.plan;
    // Clearing a status keeps the note; clearing both drops the entry.
    set(p, "status:3.1", "");
    assert_eq!(
        get(p, "notitie:3.1"),
        "Start met de ouderavond;\n\"samen\" plannen."
    );
    set(p, "status:3.3", "");
    assert!(p.recommendation("3.3").is_none());
    // Unticking an intervention keeps its answers; ticking again shows them.
    set(p, "overweeg:school-wide-positive-behavior-support", "");
    assert_eq!(get(p, "overweeg:school-wide-positive-behavior-support"), "");
    assert_eq!(
        get(p, "vraag:school-wide-positive-behavior-support:1"),
        "Ja, past bij onze visie."
    );
    set(p, "overweeg:school-wide-positive-behavior-support", "ja");
    assert_eq!(
        get(p, "overweeg:school-wide-positive-behavior-support"),
        "ja"
    );
    // Unticked without answers: gone from the file.
    set(p, "overweeg:kanjertraining", "ja");
    set(p, "overweeg:kanjertraining", "");
    assert!(p.considered("kanjertraining").is_none());
    // Texts are capped, never refused.
    set(p, "notitie:3.1", &"x".repeat(5_000));
    assert_eq!(get(p, "notitie:3.1").chars().count(), 1_000);
    set(p, "actie:3:1:wat", &"é".repeat(400));
    assert_eq!(get(p, "actie:3:1:wat").chars().count(), 300);
}

#[test]
fn actions_are_numbered_per_domain_and_removed_one_by_one() {
    let mut t = planned();
    let p = &mut t.plan;
    assert_eq!(p.actions_of(3).count(), 2);
    assert!(p.remove_action(3, 0));
    assert_eq!(
        get(p, "actie:3:1:wat"),
        "Huisbezoeken; alleen \"stille\" ouders"
    );
    assert_eq!(get(p, "actie:8:1:wat"), "Afspraken met de GGD");
    assert!(!p.remove_action(3, 1));
    assert!(!p.remove_action(5, 0));
    // Setting an action that does not exist changes nothing.
    set(p, "actie:5:1:wat", "spook");
    assert_eq!(p.actions_of(5).count(), 0);
    while p.actions.len() < MAX_ACTIONS {
        assert!(p.add_action(1));
    }
    assert!(!p.add_action(1));
}

#[test]
fn the_plan_round_trips_through_the_file() {
    let t = planned();
    let text = t.to_json();
    assert!(text.contains("\"schema_version\": 6"));
    assert!(text.contains("\"status\": \"oppakken\""));
    assert!(text.contains("\"overwegen\": true"));
    let back = Traject::from_json(&text, &common::data()).unwrap();
    assert_eq!(back, t);
    assert_eq!(back.to_json(), text);
}

/// The rapport and scoring pages keep the plan unread: what they write
/// back is what the plan page wrote, byte for byte.
#[test]
fn a_plan_kept_unread_is_written_back_unchanged() {
    let t = planned();
    let file = site_data::json::parse(&t.to_json()).unwrap();
    let raw = RawPlan::read(file.get("plan").unwrap(), &common::data()).unwrap();
    assert_eq!(raw.to_json_value(), t.plan.to_json_value());
    assert_eq!(
        raw.to_json_value().to_json_pretty(),
        Keep::to_json_value(&t.plan).to_json_pretty()
    );
    // Both kinds start from the same empty plan, the one a version 4 file gains.
    assert_eq!(
        RawPlan::empty().to_json_value(),
        Plan::default().to_json_value()
    );
    assert_eq!(empty_json(), Plan::default().to_json_value());
}

#[test]
fn a_plan_kept_unread_still_has_its_three_lists() {
    let data = common::data();
    let read = |text: &str| RawPlan::read(&site_data::json::parse(text).unwrap(), &data);
    assert!(read(r#"{"aanbevelingen":[],"interventies":[],"acties":[]}"#).is_ok());
    assert_eq!(
        read(r#"{"aanbevelingen":[],"acties":[]}"#).unwrap_err(),
        "Het veld “interventies” ontbreekt of is geen lijst."
    );
    assert_eq!(
        read(r#"[1, 2]"#).unwrap_err(),
        "Het veld “aanbevelingen” ontbreekt of is geen lijst."
    );
    assert_eq!(
        read(r#"{"aanbevelingen":[],"interventies":[],"acties":{}}"#).unwrap_err(),
        "Het veld “acties” ontbreekt of is geen lijst."
    );
}

/// A file exported by the previous release (schema 4, three
/// participants), kept byte for byte: it gains an empty plan.
#[test]
fn reads_a_real_version_4_export() {
    let text = include_str!("fixtures/v4-export.json");
    assert!(text.contains("\"schema_version\": 4"));
    let t = Traject::from_json(text, &common::data()).unwrap();
    assert_eq!(t.name, "Havo 4 – \"stress\" <aanpak>");
    assert_eq!(t.participants.len(), 3);
    assert_eq!(t.participants[1].shown_name(), "Sanne");
    assert_eq!(
        t.answer("p-mdx2k1-ab12", 3).going_well,
        "Mijn mentor luistert."
    );
    assert_eq!(t.answer("p-1", 8).score, Some(Score::DontKnow));
    assert_eq!(t.focus, vec![3, 6]);
    assert_eq!(t.reason(3), "Leerlingen en team zien het anders.");
    assert_eq!(t.plan, Plan::default());
    // Its one round began when the traject was made.
    assert_eq!(t.round_started, "2026-12-02T07:00:00.000Z");
    assert!(t.rounds.is_empty());
    let again = Traject::from_json(&t.to_json(), &common::data()).unwrap();
    assert_eq!(again, t);
    // Version 4 knew no plan: the field is unknown there.
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["plan"] = json!({"aanbevelingen": [], "interventies": [], "acties": []});
    assert_eq!(
        Traject::from_json(&v.to_string(), &common::data()).unwrap_err(),
        "Onbekend veld “plan” in het bestand."
    );
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["eerdere_metingen"] = json!([]);
    assert_eq!(
        Traject::from_json(&v.to_string(), &common::data()).unwrap_err(),
        "Onbekend veld “eerdere_metingen” in het bestand."
    );
}

#[test]
fn the_actions_export_as_a_spreadsheet() {
    let t = planned();
    let data = common::data();
    let text = csv::actions(&t, &data);
    assert!(text.starts_with('\u{feff}'));
    let rows = csv::parse(&text);
    assert_eq!(rows[0], csv::ACTIONS_HEADER);
    assert_eq!(
        rows[1..],
        [
            vec![
                "3",
                "Thuissituatie",
                "Ouderavond over stress",
                "Mentoren leerjaar 2",
                "november",
                "februari, in het kernteam"
            ],
            vec![
                "3",
                "Thuissituatie",
                "Huisbezoeken; alleen \"stille\" ouders",
                "",
                "",
                ""
            ],
            vec!["8", "Samenwerking", "Afspraken met de GGD", "", "", ""],
        ]
    );
    // A formula typed into an action stays text in a spreadsheet.
    let mut t = t;
    set(&mut t.plan, "actie:8:1:wie", "=HYPERLINK(\"x\")");
    assert!(csv::actions(&t, &data).contains("'=HYPERLINK"));
}

fn plan_error(edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&planned().to_json()).unwrap();
    edit(&mut v["plan"]);
    Traject::from_json(&v.to_string(), &common::data()).unwrap_err()
}

#[test]
fn malformed_and_hostile_plans_are_refused_with_exact_messages() {
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "plan is a list",
            plan_error(|p| *p = json!([])),
            "Het veld “plan” ontbreekt of is geen object.",
        ),
        (
            "plan missing",
            {
                let mut v: Value = serde_json::from_str(&planned().to_json()).unwrap();
                v.as_object_mut().unwrap().remove("plan");
                Traject::from_json(&v.to_string(), &common::data()).unwrap_err()
            },
            "Het veld “plan” ontbreekt of is geen object.",
        ),
        (
            "unknown field in the plan",
            plan_error(|p| p["budget"] = json!(1000)),
            "Onbekend veld “budget” in het bestand.",
        ),
        (
            "aanbeveling of an unknown domain",
            plan_error(|p| p["aanbevelingen"][0]["nummer"] = json!("9.1")),
            "Het plan noemt aanbeveling “9.1”, maar die bestaat niet: een aanbeveling heet domein.nummer, zoals 3.1.",
        ),
        (
            "aanbeveling with markup",
            plan_error(|p| p["aanbevelingen"][0]["nummer"] = json!("<img src=x onerror=alert(1)>")),
            "Het plan noemt aanbeveling “<img src=x onerror=alert(1)>”, maar die bestaat niet: een aanbeveling heet domein.nummer, zoals 3.1.",
        ),
        (
            "the same aanbeveling twice",
            plan_error(|p| p["aanbevelingen"][1]["nummer"] = json!("3.1")),
            "Aanbeveling 3.1 staat twee keer in het plan.",
        ),
        (
            "unknown status",
            plan_error(|p| p["aanbevelingen"][0]["status"] = json!("misschien")),
            "Aanbeveling 3.1 heeft een onbekende status; die moet “oppakken”, “later” of “niet” zijn, of leeg.",
        ),
        (
            "status as a number",
            plan_error(|p| p["aanbevelingen"][0]["status"] = json!(1)),
            "Aanbeveling 3.1 heeft een onbekende status; die moet “oppakken”, “later” of “niet” zijn, of leeg.",
        ),
        (
            "note too long",
            plan_error(|p| p["aanbevelingen"][0]["notitie"] = json!("x".repeat(1001))),
            "Een notitie bij een aanbeveling is te lang (1001 tekens); maximaal 1000.",
        ),
        (
            "intervention id with markup",
            plan_error(|p| p["interventies"][0]["id"] = json!("<script>")),
            "Een interventie in het plan heeft een ongeldige “id” (alleen a-z, 0-9 en -, hooguit 64 tekens).",
        ),
        (
            "the same intervention twice",
            plan_error(|p| {
                let first = p["interventies"][0].clone();
                p["interventies"].as_array_mut().unwrap().push(first);
            }),
            "Interventie “school-wide-positive-behavior-support” staat twee keer in het plan.",
        ),
        (
            "four answers",
            plan_error(|p| {
                p["interventies"][0]["antwoorden"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
            }),
            "Bij interventie “school-wide-positive-behavior-support” horen precies 5 antwoorden (tekst), één per vraag.",
        ),
        (
            "an answer that is a number",
            plan_error(|p| p["interventies"][0]["antwoorden"][2] = json!(3)),
            "Bij interventie “school-wide-positive-behavior-support” horen precies 5 antwoorden (tekst), één per vraag.",
        ),
        (
            "considered is text",
            plan_error(|p| p["interventies"][0]["overwegen"] = json!("ja")),
            "Het veld “overwegen” ontbreekt of is geen ja/nee-waarde.",
        ),
        (
            "an answer too long",
            plan_error(|p| p["interventies"][0]["antwoorden"][0] = json!("y".repeat(501))),
            "Een antwoord op een vraag bij een interventie is te lang (501 tekens); maximaal 500.",
        ),
        (
            "action for an unknown domain",
            plan_error(|p| p["acties"][0]["domein"] = json!(0)),
            "Domein 0 bestaat niet in deze Wegwijzer.",
        ),
        (
            "action without a domain",
            plan_error(|p| {
                p["acties"][0].as_object_mut().unwrap().remove("domein");
            }),
            "Het veld “domein” ontbreekt of is geen domeinnummer.",
        ),
        (
            "action part is a list",
            plan_error(|p| p["acties"][0]["wie"] = json!(["a", "b"])),
            "Het veld “wie” ontbreekt of is geen tekst.",
        ),
        (
            "unknown field in an action",
            plan_error(|p| p["acties"][0]["budget"] = json!("€ 500")),
            "Onbekend veld “budget” in het bestand.",
        ),
        (
            "action text too long",
            plan_error(|p| p["acties"][0]["wat"] = json!("z".repeat(301))),
            "Een onderdeel van een actie is te lang (301 tekens); maximaal 300.",
        ),
        (
            "10,000 actions",
            plan_error(|p| {
                let one =
                    json!({"domein": 3, "wat": "", "wie": "", "wanneer": "", "evaluatie": ""});
                p["acties"] = Value::Array(vec![one; 10_000]);
            }),
            "Het plan heeft te veel acties (10000); hooguit 100.",
        ),
        (
            "an action that is text",
            plan_error(|p| p["acties"][0] = json!("bel de GGD")),
            "Het veld “acties” ontbreekt of is geen lijst met acties.",
        ),
    ];
    assert!(cases.len() >= 20);
    for (what, got, want) in cases {
        assert_eq!(got, want, "{what}");
    }
}

#[test]
fn aanbevelingen_keep_the_order_of_the_domain_pages() {
    let mut p = Plan::default();
    for n in ["8.1", "3.10", "3.2", "10.1"] {
        set(&mut p, &format!("status:{n}"), "later");
    }
    let numbers: Vec<&str> = p
        .recommendations
        .iter()
        .map(|r| r.number.as_str())
        .collect();
    assert_eq!(numbers, ["3.2", "3.10", "8.1", "10.1"]);
}

#[test]
fn a_field_of_a_domain_the_site_lacks_is_never_stored() {
    let data = common::data();
    let fits = |key: &str| Field::parse(key).unwrap().fits(&data);
    assert!(fits("status:3.1"));
    assert!(fits("actie:8:2:wie"));
    assert!(fits("vraag:mazl:3"));
    assert!(!fits("status:9.1"));
    assert!(!fits("notitie:0.1"));
    assert!(!fits("actie:9:1:wat"));
}

//! The Regiobeeld's core: summaries made from trajecten, read back with
//! every hostile file refused by a precise sentence, merged with
//! duplicates counted once, and the figures with the small-group rules.

mod common;

use scorer_wasm::Score;
use scorer_wasm::plan::{Field, Status};
use scorer_wasm::region::codec::{Read, read_file, set_to_json};
use scorer_wasm::region::make::summary;
use scorer_wasm::region::merge::{Outcome, Set};
use scorer_wasm::region::model::{DomainScore, Group, SchoolKind, Summary};
use scorer_wasm::region::picture::{Filter, Shown, filter_allowed, picture};
use scorer_wasm::traject::{Participant, Perspective, Traject};

const NOW: &str = "2026-03-10T09:00:00Z";

/// A traject with `team` team members, `students` leerlingen and `parents`
/// ouders, each scoring every domain `base + i % 3` (weet niet on domain 7
/// for the first team member), a name and notes on every answer.
fn traject(id: &str, team: usize, students: usize, parents: usize, base: i64) -> Traject {
    let mut t = Traject::new(id, "Team Geheime Naam", NOW);
    t.region_id = format!("r-{id}");
    let mut n = 0;
    for (count, p) in [
        (team, Perspective::Team),
        (students, Perspective::Students),
        (parents, Perspective::Parents),
    ] {
        for _ in 0..count {
            n += 1;
            let pid = format!("p-{}", n + 1);
            t.add_participant(
                Participant::new(&pid, &format!("Persoon Geheim {n}"), p.clone()),
                NOW,
            )
            .unwrap();
            for d in 1..=8u8 {
                let score = if n == 1 && d == 7 {
                    Score::DontKnow
                } else {
                    Score::new(base + (n as i64 % 3)).unwrap()
                };
                t.set_score(&pid, d, Some(score), NOW);
                t.set_note(
                    &pid,
                    d,
                    scorer_wasm::traject::Note::GoingWell,
                    "Notitie geheim",
                    NOW,
                );
            }
        }
    }
    t.remove_participant("p-1", NOW);
    t
}

fn read_one(json: &str) -> Summary {
    match read_file(json.as_bytes(), &common::data()) {
        Ok(Read::One(s)) => s,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_summary_holds_counts_and_choices_and_nothing_personal() {
    let data = common::data();
    let mut t = traject("a", 5, 4, 0, 5);
    t.set_focus(vec![3, 8], NOW);
    t.set_reason(3, "Reden geheim", NOW);
    let plan = t.plan_mut(NOW);
    plan.set(&Field::parse("status:3.1").unwrap(), "oppakken");
    plan.set(&Field::parse("status:3.2").unwrap(), "later");
    plan.set(&Field::parse("status:5.1").unwrap(), "oppakken");
    plan.set(&Field::parse("overweeg:kanjertraining").unwrap(), "ja");
    plan.add_action(3);
    plan.set(&Field::parse("actie:3:1:wat").unwrap(), "Actie geheim");
    let s = summary(&t, &data, "  Het Lyceum  ", Some(SchoolKind::HavoVwo));
    let json = s.to_json();
    for secret in [
        "Geheim",
        "geheim",
        "Team Geheime Naam",
        "Reden",
        "Actie",
        "Notitie",
        "09:00",
        "2026-03-10",
    ] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
    assert_eq!(s.name, "Het Lyceum");
    assert_eq!(s.rounds.len(), 1);
    let r = &s.rounds[0];
    assert_eq!(r.month, "2026-03");
    // Team of 5: counts per score. Leerlingen 4: only their number.
    let team = r.group(Group::Team).unwrap();
    assert_eq!(team.participants, 5);
    let c = team.counts.as_ref().unwrap();
    assert_eq!(c[0].1.answered(), 5);
    assert_eq!(c[6].1.dont_know, 1);
    let students = r.group(Group::Students).unwrap();
    assert_eq!(students.participants, 4);
    assert!(students.counts.is_none());
    assert!(json.contains("Minder dan 5 deelnemers"));
    assert_eq!(r.domains[0].participants, 9);
    // What the rapport shows for domain 1: the median of all nine.
    let rapport = scorer_wasm::rapport::Rapport::new(&t, &data);
    match (rapport.rows[0].outcome, r.score(1)) {
        (scorer_wasm::rapport::Outcome::Scored(a), DomainScore::Scored(b)) => assert_eq!(a, b),
        other => panic!("{other:?}"),
    }
    // Only the current round's choice of the chosen domains.
    assert_eq!(s.choice.domains, vec![3, 8]);
    assert_eq!(
        s.choice.recommendations,
        vec![
            ("3.1".to_string(), Status::TakeUp),
            ("3.2".to_string(), Status::Later)
        ]
    );
    assert_eq!(s.choice.interventions, vec!["kanjertraining".to_string()]);
    assert_eq!(s.choice.actions, vec![(3, 1), (8, 0)]);
    // It reads back as it was written.
    assert_eq!(read_one(&json), s);
}

#[test]
fn rounds_carry_months_and_the_school_id_survives_the_reservekopie() {
    let data = common::data();
    let mut t = traject("b", 5, 0, 0, 4);
    t.new_round("2026-09-01T08:00:00Z").unwrap();
    for p in ["p-2", "p-3", "p-4"] {
        t.set_score(p, 1, Some(Score::new(9).unwrap()), "2026-09-02T08:00:00Z");
    }
    let s = summary(&t, &data, "", None);
    assert_eq!(
        s.rounds
            .iter()
            .map(|r| r.month.as_str())
            .collect::<Vec<_>>(),
        ["2026-03", "2026-09"]
    );
    assert_eq!(s.rounds[1].score(1), DomainScore::Scored(90));
    assert_eq!(s.rounds[1].group(Group::Team).unwrap().participants, 3);
    assert!(s.rounds[1].group(Group::Team).unwrap().counts.is_none());
    let back = Traject::from_json(&t.to_json(), &data).unwrap();
    assert_eq!(back.region_id, "r-b");
    assert!(t.to_json().contains("\"regio_id\": \"r-b\""));
}

#[test]
fn the_five_participant_rule_sits_between_four_and_five() {
    let data = common::data();
    for (n, counted) in [(4, false), (5, true)] {
        let s = summary(&traject("c", 0, n, 0, 6), &data, "", None);
        let g = s.rounds[0].group(Group::Students).unwrap();
        assert_eq!(g.participants, n as u32);
        assert_eq!(g.counts.is_some(), counted, "{n}");
    }
    // A file that holds the scores of four is refused.
    let five = summary(&traject("c", 0, 5, 0, 6), &data, "", None).to_json();
    let four = five.replacen(
        "\"deelnemers\": 5,\n          \"scores\"",
        "\"deelnemers\": 4,\n          \"scores\"",
        1,
    );
    assert_ne!(four, five);
    assert_eq!(
        read_file(four.as_bytes(), &data).unwrap_err(),
        "Meting 2026-03, perspectief leerlingen: met minder dan 5 deelnemers horen er geen scores in een samenvatting."
    );
}

fn school(id: &str, base: i64, kind: Option<SchoolKind>) -> Summary {
    summary(&traject(id, 5, 0, 0, base), &common::data(), "", kind)
}

fn set_of(list: &[Summary]) -> Set {
    let mut set = Set::default();
    for (i, s) in list.iter().enumerate() {
        set.add_file(
            &format!("school-{i}.json"),
            s.to_json().as_bytes(),
            &common::data(),
        );
    }
    set
}

#[test]
fn fewer_than_three_schools_show_no_number() {
    let domains: Vec<u8> = (1..=8).collect();
    let two = set_of(&[school("a", 3, None), school("b", 5, None)]);
    let p = picture(&two, Filter::All, &domains);
    assert_eq!(p.schools, Shown::TooFew);
    assert!(p.domains.iter().all(|d| d.spread == Shown::TooFew));
    assert_eq!(p.chosen[0].1, Shown::TooFew);
    let three = set_of(&[
        school("a", 3, None),
        school("b", 5, None),
        school("c", 7, None),
    ]);
    let p = picture(&three, Filter::All, &domains);
    assert_eq!(p.schools, Shown::Value(3));
    let spread = p.domains[0].spread.value().unwrap();
    assert_eq!(spread.dots.len(), 3);
    assert_eq!(spread.quartiles.count, 3);
    assert_eq!(p.participants, vec![(Group::Team, Shown::Value(15))]);
}

#[test]
fn a_filter_never_leaves_one_or_two_schools_outside() {
    let domains: Vec<u8> = (1..=8).collect();
    let v = Some(SchoolKind::Vmbo);
    let h = Some(SchoolKind::HavoVwo);
    // 4 vmbo + 2 havo/vwo: vmbo leaves 2 outside, havo/vwo is 2.
    let set = set_of(&[
        school("a", 3, v),
        school("b", 4, v),
        school("c", 5, v),
        school("d", 6, v),
        school("e", 7, h),
        school("f", 8, h),
    ]);
    assert!(filter_allowed(&set, Filter::All));
    assert!(!filter_allowed(&set, Filter::Kind(SchoolKind::Vmbo)));
    assert!(!filter_allowed(&set, Filter::Kind(SchoolKind::HavoVwo)));
    let p = picture(&set, Filter::Kind(SchoolKind::Vmbo), &domains);
    assert_eq!(p.schools, Shown::TooFew);
    assert!(p.domains.iter().all(|d| d.spread == Shown::TooFew));
    // One more havo/vwo: both filters hold 3 or more and leave 3 or more.
    let set = set_of(&[
        school("a", 3, v),
        school("b", 4, v),
        school("c", 5, v),
        school("d", 6, v),
        school("e", 7, h),
        school("f", 8, h),
        school("g", 8, h),
    ]);
    assert!(filter_allowed(&set, Filter::Kind(SchoolKind::Vmbo)));
    let p = picture(&set, Filter::Kind(SchoolKind::HavoVwo), &domains);
    assert_eq!(p.schools, Shown::Value(3));
}

#[test]
fn the_same_school_and_month_counts_once_and_the_list_says_which_copy() {
    let data = common::data();
    let mut t = traject("dup", 5, 0, 0, 4);
    let first = summary(&t, &data, "", None).to_json();
    t.new_round("2026-09-01T08:00:00Z").unwrap();
    for p in ["p-2", "p-3", "p-4", "p-5", "p-6"] {
        t.set_score(p, 2, Some(Score::new(8).unwrap()), "2026-09-02T08:00:00Z");
    }
    let second = summary(&t, &data, "", None).to_json();
    let mut set = Set::default();
    set.add_file("maart.json", first.as_bytes(), &data);
    set.add_file("september.json", second.as_bytes(), &data);
    set.add_file("maart-nog-eens.json", first.as_bytes(), &data);
    assert_eq!(set.schools.len(), 1);
    assert_eq!(set.schools[0].summary.rounds.len(), 2);
    assert_eq!(set.files[0].notes, vec!["De meting van 2026-03 van deze school kwam ook in \u{2068}september.json\u{2069} binnen; die kopie telt mee, deze niet.".to_string()]);
    assert!(set.files[1].notes.is_empty());
    assert_eq!(set.files[2].notes.len(), 1);
    assert!(set.files[2].notes[0].contains("september.json"));
}

#[test]
fn versions_are_checked() {
    let data = common::data();
    let json = school("v", 5, None).to_json();
    let future = json.replace("\"schema_version\": 1", "\"schema_version\": 2");
    assert_eq!(
        read_file(future.as_bytes(), &data).unwrap_err(),
        "Deze samenvatting komt uit een nieuwere versie van de Wegwijzer (versie 2). Deze versie leest versie 1."
    );
    let none = json.replace("\"schema_version\": 1", "\"schema_version\": \"1\"");
    assert_eq!(
        read_file(none.as_bytes(), &data).unwrap_err(),
        "Het veld “schema_version” ontbreekt of is geen geheel getal."
    );
    // A traject of version 5 with a regio_id is no file we ever wrote.
    let t = traject("old", 1, 0, 0, 5);
    let v5 = t
        .to_json()
        .replace("\"schema_version\": 6", "\"schema_version\": 5");
    assert!(
        Traject::from_json(&v5, &data)
            .unwrap_err()
            .contains("regio_id")
    );
}

#[test]
fn a_saved_set_reads_back_as_the_same_schools() {
    let data = common::data();
    let list = vec![
        school("a", 3, None),
        school("b", 5, Some(SchoolKind::Vso)),
        school("c", 7, None),
    ];
    let set = set_of(&list);
    let saved = set_to_json(set.summaries().iter());
    let mut again = Set::default();
    again.add_file("regio.json", saved.as_bytes(), &data);
    assert_eq!(again.files[0].outcome, Outcome::Read(3));
    assert_eq!(again.summaries(), set.summaries());
}

/// A valid summary of 5 team members and 4 leerlingen, as text.
fn valid() -> String {
    summary(&traject("h", 5, 4, 0, 5), &common::data(), "School", None).to_json()
}

fn edit(from: &str, to: &str) -> Vec<u8> {
    let v = valid();
    assert!(v.contains(from), "{from}");
    v.replacen(from, to, 1).into_bytes()
}

#[test]
fn hostile_and_malformed_files_are_refused_with_a_precise_sentence() {
    let data = common::data();
    let t = traject("t", 1, 0, 0, 5);
    let mut big = valid().into_bytes();
    big.extend(std::iter::repeat_n(b' ', 10_000_000));
    let tiny = r#"{"school":"s","naam":"","soort":null,"metingen":[{"maand":"2026-01","domeinen":[],"perspectieven":[]}],"keuze":{"domeinen":[],"aanbevelingen":[],"interventies":[],"acties":[]}}"#;
    let many = format!(
        r#"{{"formaat":"wegwijzer-regioset","schema_version":1,"samenvattingen":[{}]}}"#,
        vec![tiny; 10_000].join(",")
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(valid().encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let team_of_five = summary(&traject("f", 5, 0, 0, 5), &data, "", None).to_json();
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("a traject", t.to_json().into_bytes(), "Dit is een reservekopie van een traject, geen samenvatting voor de regio. Een school maakt die op haar rapport met ‘Deel met de regio’.".into()),
        ("future", edit("\"schema_version\": 1", "\"schema_version\": 7"), "Deze samenvatting komt uit een nieuwere versie van de Wegwijzer (versie 7). Deze versie leest versie 1.".into()),
        ("10 MB", big, "Het bestand is te groot (10,0 MB). Een samenvatting is hooguit 1 MB, een opgeslagen set hooguit 30 MB.".into()),
        ("10,000 schools", many.into_bytes(), "Deze set bevat 10.000 samenvattingen; de Regiobeeld leest er hooguit 5.000 tegelijk.".into()),
        ("counts", team_of_five.replacen("\"deelnemers\": 5", "\"deelnemers\": 4", 1).into_bytes(), "Meting 2026-03, domein 1: de aantallen per score (samen 5) passen niet bij het aantal deelnemers (4).".into()),
        ("more than the round", edit("\"deelnemers\": 9", "\"deelnemers\": 10"), "Meting 2026-03, domein 1: 10 deelnemers, meer dan de 9 van de hele meting.".into()),
        ("score 12", edit("\"score\": 6", "\"score\": 12"), "Meting 2026-03, domein 1: de score 12 ligt niet tussen 1 en 10 (in hele of halve punten).".into()),
        ("score 0", edit("\"score\": 6", "\"score\": 0"), "Meting 2026-03, domein 1: de score 0 ligt niet tussen 1 en 10 (in hele of halve punten).".into()),
        ("score 5.25", edit("\"score\": 6", "\"score\": 5.25"), "Meting 2026-03, domein 1: de score 5.25 ligt niet tussen 1 en 10 (in hele of halve punten).".into()),
        ("domain twice", edit("\"domein\": 2,", "\"domein\": 1,"), "Domein 1 staat twee keer in de meting van 2026-03.".into()),
        ("domain 9", edit("\"domein\": 2,", "\"domein\": 9,"), "Domein 9 bestaat niet in deze Wegwijzer.".into()),
        ("UTF-16", utf16, "Dit bestand is als UTF-16 opgeslagen, niet zoals de Wegwijzer het maakte. Vraag de school om de samenvatting opnieuw te sturen.".into()),
        ("empty", Vec::new(), "Het bestand is leeg.".into()),
        ("zip", b"PK\x03\x04\x14\x00\x00\x00rest".to_vec(), "Dit is een zip-bestand. Pak het eerst uit en kies dan de samenvattingen die erin zitten.".into()),
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "Dit is een afbeelding, geen samenvatting voor de regio.".into()),
        ("jpeg", b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(), "Dit is een afbeelding, geen samenvatting voor de regio.".into()),
        ("pdf", b"%PDF-1.7\n".to_vec(), "Dit is een pdf, geen samenvatting voor de regio.".into()),
        ("not JSON", b"school;score\n1;5".to_vec(), "Dit is geen samenvatting voor de regio, of het bestand is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen.".into()),
        ("cut off", valid().as_bytes()[..200].to_vec(), "Dit is geen samenvatting voor de regio, of het bestand is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen.".into()),
        ("an array", b"[1, 2]".to_vec(), "Dit is geen samenvatting voor de regio.".into()),
        ("invalid UTF-8", b"{\"formaat\": \"\xC3\x28\"}".to_vec(), "Dit bestand bevat tekens die geen tekst zijn. Het is beschadigd of geen samenvatting voor de regio.".into()),
        ("unknown field", edit("\"school\":", "\"leerling\": \"Piet\",\n  \"school\":"), "Onbekend veld “leerling” in het bestand.".into()),
        ("school id", edit("\"school\": \"r-h\"", "\"school\": \"<script>\""), "Het veld “school” bevat ongeldige tekens (alleen a-z, 0-9 en -, hooguit 64).".into()),
        ("kind", edit("\"soort\": null", "\"soort\": \"universiteit\""), "Onbekende soort school “universiteit”; het moet vmbo, havo-vwo, brede-scholengemeenschap, praktijkonderwijs, vso of anders zijn.".into()),
        ("a day", edit("\"maand\": \"2026-03\"", "\"maand\": \"2026-03-10\""), "“2026-03-10” is geen maand in de vorm 2026-03.".into()),
        ("scores of 4", edit("\"scores\": null,\n          \"waarom_geen_scores\": \"Minder dan 5 deelnemers: alleen het aantal deelnemers gaat mee, geen scores.\"", "\"scores\": []"), "Meting 2026-03, perspectief leerlingen: met minder dan 5 deelnemers horen er geen scores in een samenvatting.".into()),
        ("no scores of 5", edit("\"deelnemers\": 4,", "\"deelnemers\": 5,"), "Meting 2026-03, perspectief leerlingen: de scores ontbreken.".into()),
        ("too many answers", edit("\"weet_niet\": 0", "\"weet_niet\": 3"), "Meting 2026-03, perspectief team, domein 1: er zijn 8 antwoorden geteld bij 5 deelnemers.".into()),
        ("long name", edit("\"naam\": \"School\"", &format!("\"naam\": \"{}\"", "x".repeat(81))), "De naam van de school is te lang (81 tekens); maximaal 80.".into()),
        ("control in name", edit("\"naam\": \"School\"", "\"naam\": \"\\u0007bel\""), "De naam van de school bevat tekens die niet in een naam horen.".into()),
        ("no rounds", edit("\"metingen\": [", "\"metingen\": [], \"x\": ["), "Onbekend veld “x” in het bestand.".into()),
        ("status", edit("\"aanbevelingen\": []", "\"aanbevelingen\": [{\"nummer\": \"3.1\", \"status\": \"misschien\"}]"), "Aanbeveling 3.1: de status moet oppakken, later of niet zijn.".into()),
        ("negative", edit("\"deelnemers\": 9", "\"deelnemers\": -1"), "Het veld “deelnemers” is geen geheel getal van 0 tot en met 800.".into()),
    ];
    assert!(cases.len() >= 25);
    let mut set = Set::default();
    set.add_file("goed.json", valid().as_bytes(), &data);
    for (what, bytes, want) in &cases {
        assert_eq!(read_file(bytes, &data).unwrap_err(), *want, "{what}");
        set.add_file(what, bytes, &data);
    }
    // Nothing lost: the good file still counts, every refusal is listed.
    assert_eq!(set.schools.len(), 1);
    assert_eq!(set.refused(), cases.len());
    // A script in the shown name is kept as text; the page escapes it.
    let script = edit(
        "\"naam\": \"School\"",
        "\"naam\": \"<script>alert(1)</script>\"",
    );
    match read_file(&script, &data).unwrap() {
        Read::One(s) => assert_eq!(s.name, "<script>alert(1)</script>"),
        other => panic!("{other:?}"),
    }
    // A byte-order mark is how some editors save: the file still reads.
    let bom: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .copied()
        .chain(valid().into_bytes())
        .collect();
    assert!(read_file(&bom, &data).is_ok());
}

#[test]
fn the_view_escapes_names_keeps_them_out_of_figures_and_draws_one_path_per_domain() {
    use scorer_wasm::region::view;
    let data = common::data();
    let domains: Vec<u8> = (1..=8).collect();
    let hostile = "<img src=x onerror=alert(1)>\u{202e}Lyceum";
    let list = [
        summary(&traject("a", 5, 0, 0, 3), &data, hostile, None),
        school("b", 5, None),
        school("c", 7, None),
    ];
    let set = set_of(&list);
    let files = view::file_list(&set);
    assert!(files.contains("<bdi>&lt;img src=x onerror=alert(1)&gt;\u{202e}Lyceum</bdi>"));
    assert!(!files.contains("<img"));
    let p = picture(&set, Filter::All, &domains);
    let chart = view::chart(&p.domains, &data);
    // One path per domain, a dot (`M…h0`) per school: never an element each.
    assert_eq!(chart.matches("<path").count(), 8);
    assert_eq!(chart.matches("h0").count(), 8 * 3);
    let rows = view::rows(&p.domains, Some(&p), &data);
    for html in [
        &chart,
        &rows,
        &view::groups(&p, &data),
        &view::csv(&p, &data),
    ] {
        assert!(!html.contains("Lyceum"), "a shown name beside a number");
    }
    // Domain 1: schools at 4, 6 and 8 (each the middle of base, base+1, base+2).
    assert!(rows.starts_with("<tr><th scope=\"row\">1. "), "{rows}");
    assert!(
        rows.contains("<td>3</td><td>4</td><td>5</td><td>6</td><td>7</td><td>8</td>"),
        "{rows}"
    );
    let csv = view::csv(&p, &data);
    assert!(csv.starts_with("\u{feff}domein;titel;perspectief;scholen;laagste;"));
    let line = csv.split("\r\n").nth(1).unwrap();
    assert!(
        line.ends_with(";iedereen;3;4;5;6;7;8;0;te weinig scholen"),
        "{line}"
    );
    // Two schools: every cell says so, no number.
    let two = set_of(&list[1..]);
    let p = picture(&two, Filter::All, &domains);
    assert!(!view::rows(&p.domains, Some(&p), &data).contains("<td>5"));
    assert!(!view::chart(&p.domains, &data).contains("<path"));
}

#[test]
fn the_preview_says_everything_the_file_holds_and_nothing_more() {
    use scorer_wasm::region::view;
    let data = common::data();
    let mut t = traject("p", 5, 4, 0, 5);
    t.set_focus(vec![3], NOW);
    let plan = t.plan_mut(NOW);
    plan.set(&Field::parse("status:3.1").unwrap(), "oppakken");
    plan.set(&Field::parse("overweeg:kanjertraining").unwrap(), "ja");
    let s = summary(&t, &data, "", Some(SchoolKind::Vso));
    let names = |k: &str| format!("naam van {k}");
    let html = view::preview(&s, &data, &names);
    for want in [
        "Zonder naam: de regio ziet niet van welke school deze samenvatting is.",
        "Soort school: vso.",
        "Meting van maart 2026",
        "9 deelnemers",
        "team: 5 deelnemers, met per domein hoe vaak elke score",
        "leerlingen: 4 deelnemers. Dat zijn er minder dan 5, dus alleen dit aantal gaat mee, geen scores.",
        "Gekozen domeinen: 3. ",
        "naam van 3.1 (oppakken)",
        "naam van kanjertraining",
    ] {
        assert!(html.contains(want), "{want} missing in {html}");
    }
    for secret in ["Geheim", "geheim", "2026-03-10"] {
        assert!(!html.contains(secret), "{secret} in the preview");
    }
}

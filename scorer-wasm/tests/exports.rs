//! CSV export and its round trip, and the little HTML the scorer writes:
//! escaped and direction-isolated by construction.

mod common;

use scorer_wasm::csv;
use scorer_wasm::html::{self, ListItem};
use scorer_wasm::rapport::Rapport;
use scorer_wasm::score::Score;
use scorer_wasm::traject::{Answer, Traject};

const P1: &str = scorer_wasm::traject::FIRST_PARTICIPANT;

fn sample() -> Traject {
    let mut t = Traject::new("t-1", "Team <b>bovenbouw</b>", "nu");
    t.set_answer(
        P1,
        3,
        Answer {
            score: Some(Score::Value(4)),
            going_well: "Goed; echt \"goed\"".into(),
            attention: "Regel 1\nRegel 2".into(),
        },
        "nu",
    );
    t.set_answer(
        P1,
        5,
        Answer {
            score: Some(Score::DontKnow),
            going_well: "=HYPERLINK(\"x\")".into(),
            attention: String::new(),
        },
        "nu",
    );
    t.set_answer(
        P1,
        7,
        Answer {
            score: Some(Score::Value(9)),
            going_well: "<script>alert(1)</script>".into(),
            attention: String::new(),
        },
        "nu",
    );
    t
}

#[test]
fn csv_round_trip_keeps_every_score_and_note() {
    let data = common::data();
    let text = csv::export(&sample(), &data);
    assert!(text.starts_with('\u{feff}'));
    let rows = csv::parse(&text);
    assert_eq!(rows[0], csv::HEADER);
    assert_eq!(rows.len(), 9, "header and one row per domain");
    let row = |d: usize| &rows[d];
    assert_eq!(
        row(3),
        &[
            "3",
            "Thuissituatie",
            "1",
            "Kernteam",
            "team",
            "4",
            "Goed; echt \"goed\"",
            "Regel 1\nRegel 2"
        ]
    );
    assert_eq!(row(5)[5], "weet niet");
    assert_eq!(
        row(7)[1],
        "Leervaardigheden, motivatie & toekomstperspectief"
    );
    assert_eq!(row(7)[6], "<script>alert(1)</script>");
    assert_eq!(row(1)[5], "", "unscored stays empty");
    // A formula is neutralised for spreadsheets.
    assert_eq!(row(5)[6], "'=HYPERLINK(\"x\")");
}

#[test]
fn csv_has_a_block_of_rows_per_participant_with_name_and_perspective() {
    use scorer_wasm::traject::{Participant, Perspective};
    let data = common::data();
    let mut t = sample();
    let mut p = Participant::new("p-9", "=Fatima", Perspective::Other("zorg;team".into()));
    p.answers.insert(
        2,
        Answer {
            score: Some(Score::Value(8)),
            ..Answer::default()
        },
    );
    t.add_participant(p, "nu").unwrap();
    let rows = csv::parse(&csv::export(&t, &data));
    assert_eq!(
        rows.len(),
        17,
        "header and 8 rows for each of 2 participants"
    );
    assert_eq!(
        rows[10],
        [
            "2",
            "Schoolklimaat",
            "2",
            "'=Fatima",
            "zorg;team",
            "8",
            "",
            ""
        ]
    );
}

fn scored(scores: &[(u8, Score)]) -> Traject {
    let mut t = Traject::new("t-2", "Team", "nu");
    for &(d, score) in scores {
        t.set_score(P1, d, Some(score), "nu");
    }
    t
}

#[test]
fn the_traject_list_escapes_and_isolates_every_name() {
    let mut t = sample();
    t.rename("\u{202e}Evil <img src=x onerror=alert(1)>", "nu");
    let item = ListItem {
        traject: &t,
        date: "1-12-2026".into(),
        total: 8,
    };
    let h = html::traject_list(std::slice::from_ref(&item), None);
    assert!(!h.contains("<img"), "{h}");
    assert!(h.contains("<h3 class=\"traject-item__name\"><bdi>\u{202e}Evil &lt;img src=x onerror=alert(1)&gt;</bdi></h3>"));
    // Every button names its traject for screen readers, isolated too.
    assert_eq!(
        h.matches("<span class=\"visually-hidden\">: <bdi>").count(),
        5
    );
    assert!(h.contains("3 van 8 gescoord"));
    assert!(h.contains("class=\"button button--danger\" data-action=\"delete\""));
    assert!(h.contains(">Bewaar een reservekopie<"));
    // In place: the name becomes a field with its own error slot.
    let editing = html::traject_list(std::slice::from_ref(&item), Some("t-1"));
    assert!(editing.contains("<form class=\"rename-form\" data-id=\"t-1\""));
    assert!(editing.contains("value=\"\u{202e}Evil &lt;img src=x onerror=alert(1)&gt;\" dir=\"auto\" aria-describedby=\"naam-t-1-fout\""));
    assert!(!editing.contains("<h3"));
    // No trajecten: nothing, the page's own sentence shows instead.
    assert_eq!(html::traject_list(&[], None), "");
    assert_eq!(
        html::esc("<a href='x'>&</a>"),
        "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
    );
}

#[test]
fn unreadable_texts_are_listed_each_button_named_and_tied_to_its_reason() {
    let items = vec![
        scorer_wasm::session::Unreadable {
            key: "wegwijzer:/:backup:x\"y:1".into(),
            about: "traject “Team \u{202e}gnp.exe”".into(),
            message: "Dit is geen <b>Wegwijzer</b>-bestand.".into(),
            removable: true,
        },
        scorer_wasm::session::Unreadable {
            key: "wegwijzer:/:traject:t-2".into(),
            about: "traject t-2".into(),
            message: "Het bestand is leeg.".into(),
            removable: false,
        },
    ];
    let h = html::unreadable(&items);
    assert!(h.contains(
        "<p id=\"onleesbaar-1\"><bdi>traject “Team \u{202e}gnp.exe”</bdi>: Dit is geen &lt;b&gt;Wegwijzer&lt;/b&gt;-bestand.</p>"
    ), "{h}");
    assert!(h.contains(
        "data-action=\"download-backup\" data-key=\"wegwijzer:/:backup:x&quot;y:1\" aria-describedby=\"onleesbaar-1\">Download de onleesbare tekst van <bdi>traject “Team \u{202e}gnp.exe”</bdi></button>"
    ), "{h}");
    assert!(h.contains("data-action=\"remove-backup\" data-key=\"wegwijzer:/:backup:x&quot;y:1\" aria-describedby=\"onleesbaar-1\">Verwijder de onleesbare tekst van"));
    assert!(h.contains(
        "aria-describedby=\"onleesbaar-2\">Download de onleesbare tekst van <bdi>traject t-2</bdi>"
    ));
    assert_eq!(
        h.matches("remove-backup").count(),
        1,
        "a text left in place is not removable"
    );
}

#[test]
fn advice_waits_for_six_numbers_and_gives_way_to_a_choice() {
    let data = common::data();
    let v = Score::Value;
    // 1 of 8: how far, where to go on, no suggestion.
    let one = Rapport::new(&scored(&[(1, v(3))]), &data);
    let h = html::advice(&one, &[]);
    assert!(
        h.starts_with("<p>1 van de 8 domeinen heeft een score. Nog 7 domeinen zijn niet gescoord."),
        "{h}"
    );
    assert!(h.contains("<a href=\"scoren.html#domein-2\">Verder scoren met 2. Schoolklimaat</a>"));
    assert!(!h.contains("Suggestie"));
    // 5 with a number and the rest weet niet: the link goes to a weet niet.
    let mut t = scored(&[(1, v(3)), (2, v(4)), (3, v(5)), (4, v(6)), (5, v(7))]);
    for d in 6..=8 {
        t.set_score(P1, d, Some(Score::DontKnow), "nu");
    }
    let h = html::advice(&Rapport::new(&t, &data), &[]);
    assert!(
        h.contains(
            "5 van de 8 domeinen hebben een score. Bij de andere domeinen staat ‘weet niet’."
        ),
        "{h}"
    );
    assert!(h.contains("#domein-6"));
    // 6 with a number, nothing chosen: the suggestion, labelled as such.
    let six = scored(&[
        (1, v(7)),
        (2, v(3)),
        (3, v(5)),
        (4, v(9)),
        (5, v(2)),
        (8, v(4)),
    ]);
    let r = Rapport::new(&six, &data);
    let h = html::advice(&r, &[]);
    assert!(h.starts_with("<p class=\"suggestion\"><strong>Suggestie:</strong> begin met Relatie met klasgenoten, Schoolklimaat en Samenwerking,"), "{h}");
    // Once the team has chosen, never a suggestion beside it.
    assert_eq!(html::advice(&r, &[1, 3, 8]), "");
}

#[test]
fn bars_end_on_a_1_to_10_axis() {
    let data = common::data();
    let r = Rapport::new(&sample(), &data);
    let row = |d: u8| r.rows.iter().find(|row| row.domain == d).unwrap();
    assert_eq!(row(3).bar_end(), Some(300), "4 is three points from 1");
    assert_eq!(row(7).bar_end(), Some(800));
    assert_eq!(row(5).bar_end(), None, "weet niet has no bar");
    assert_eq!(html::outcome_text(row(5).outcome), "weet niet");
    assert_eq!(html::outcome_text(row(1).outcome), "nog niet gescoord");
    assert_eq!(
        (row(3).rank, row(7).rank, row(5).rank),
        (Some(1), Some(2), None)
    );
}

#[test]
fn every_message_that_quotes_a_name_isolates_it() {
    use scorer_wasm::text::{share, ui};
    let name = "Team \u{202e}gnp.exe";
    let isolated = format!("\u{2068}{name}\u{2069}");
    for message in [
        ui::deleted(name),
        ui::renamed(name),
        ui::imported(name),
        ui::imported_copy(name),
        ui::replaced(name),
        ui::kept_as_copy(name),
        share::added("Sam", name),
        share::received("Sam", name, 3),
        share::differs("Sam", name),
    ] {
        assert!(message.contains(&isolated), "{message}");
    }
}

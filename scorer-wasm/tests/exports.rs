//! CSV export and its round trip, and the HTML the rapport shows: escaped
//! by construction, with an accessible chart.

mod common;

use scorer_wasm::csv;
use scorer_wasm::html;
use scorer_wasm::rapport::Rapport;
use scorer_wasm::score::Score;
use scorer_wasm::traject::{Answer, Traject};

fn sample() -> Traject {
    let mut t = Traject::new("t-1", "Team <b>bovenbouw</b>", "nu");
    t.set_answer(
        3,
        Answer {
            score: Some(Score::Value(4)),
            going_well: "Goed; echt \"goed\"".into(),
            attention: "Regel 1\nRegel 2".into(),
        },
        "nu",
    );
    t.set_answer(
        5,
        Answer {
            score: Some(Score::DontKnow),
            going_well: "=HYPERLINK(\"x\")".into(),
            attention: String::new(),
        },
        "nu",
    );
    t.set_answer(
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
            "Team",
            "4",
            "Goed; echt \"goed\"",
            "Regel 1\nRegel 2"
        ]
    );
    assert_eq!(row(5)[4], "weet niet");
    assert_eq!(
        row(7)[1],
        "Leervaardigheden, motivatie & toekomstperspectief"
    );
    assert_eq!(row(7)[5], "<script>alert(1)</script>");
    assert_eq!(row(1)[4], "", "unscored stays empty");
    // A formula is neutralised for spreadsheets.
    assert_eq!(row(5)[5], "'=HYPERLINK(\"x\")");
}

#[test]
fn html_escapes_every_user_string() {
    let data = common::data();
    let t = sample();
    let notes = html::notes(&t, &data);
    assert!(notes.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!notes.contains("<script>"));
    assert!(notes.contains("Regel 1<br>Regel 2"));
    assert!(notes.contains("Goed; echt &quot;goed&quot;"));
    assert_eq!(
        html::esc("<a href='x'>&</a>"),
        "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
    );
}

#[test]
fn the_chart_is_an_accessible_svg_with_every_value_in_text() {
    let data = common::data();
    let r = Rapport::new(&sample(), &data);
    let svg = html::bar_chart(&r);
    assert!(svg.starts_with("<svg class=\"score-chart\""));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title id=\"grafiek-titel\">"));
    assert!(svg.contains("Thuissituatie: 4; Sensitief doceren: nog niet gescoord; Relatie met klasgenoten: weet niet"));
    assert_eq!(svg.matches("<rect").count(), 2, "bars only for numbers");
    // Bars scale to the score: 4 → 120 of 300, 9 → 270.
    assert!(svg.contains("width=\"120\""));
    assert!(svg.contains("width=\"270\""));
    let table = html::score_table(&r);
    assert!(table.contains("<th scope=\"row\">3. Thuissituatie</th><td>4</td><td>1</td>"));
    assert!(table
        .contains("<th scope=\"row\">5. Relatie met klasgenoten</th><td>weet niet</td><td>–</td>"));
}

#[test]
fn recommendations_come_from_the_site_data() {
    let data = common::data();
    let h = html::recommendations(&[3, 1], &data);
    let three = h.find("id=\"focus-3\"").unwrap();
    let one = h.find("id=\"focus-1\"").unwrap();
    assert!(three < one, "in the order chosen");
    assert!(h.contains("<span class=\"recommendation__num\">3.1</span> <span>Doe iets aan <strong>3</strong></span>"));
    assert!(h.contains(
        "<a href=\"interventies/mazl.html\">MAZL</a><span aria-hidden=\"true\">*</span>"
    ));
    assert!(h.contains("Geen hoofddoel."));
    assert!(h.contains("geen erkende interventie"), "domain 1 has none");
    assert!(h.contains("<p>Een school belt.</p>"));
}

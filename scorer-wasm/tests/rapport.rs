//! The rapport: ordering, lowest and highest, the suggestion with ties,
//! *weet niet*, partly scored trajecten and several respondents.

mod common;

use scorer_wasm::rapport::{format_score, Outcome, Rapport};
use scorer_wasm::score::Score;
use scorer_wasm::traject::{Answer, Respondent, Traject};

fn traject(scores: &[(u8, Option<Score>)]) -> Traject {
    let mut t = Traject::new("t-1", "Test", "nu");
    for &(d, s) in scores {
        t.set_answer(
            d,
            Answer {
                score: s,
                going_well: "x".into(),
                attention: String::new(),
            },
            "nu",
        );
    }
    t
}

fn v(n: u8) -> Option<Score> {
    Some(Score::Value(n))
}

#[test]
fn full_scores_sorted_with_lowest_highest_and_three_suggested() {
    let t = traject(&[
        (1, v(7)),
        (2, v(3)),
        (3, v(5)),
        (4, v(9)),
        (5, v(2)),
        (6, v(8)),
        (7, v(6)),
        (8, v(9)),
    ]);
    let r = Rapport::new(&t, &common::data());
    assert_eq!((r.answered, r.numbered, r.total), (8, 8, 8));
    assert_eq!(
        r.rows.iter().map(|r| r.domain).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7, 8]
    );
    assert_eq!(r.rows[2].outcome, Outcome::Scored(5.0));
    assert_eq!(r.sorted, [5, 2, 3, 7, 1, 6, 4, 8]);
    assert_eq!(r.lowest, [5]);
    assert_eq!(r.highest, [4, 8]);
    assert_eq!(r.suggestion, [5, 2, 3]);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_eq!(
        r.suggestion_sentence().unwrap(),
        "Voorstel: begin met Relatie met klasgenoten, Schoolklimaat en Thuissituatie, de domeinen met de laagste scores."
    );
}

#[test]
fn a_tie_at_the_boundary_includes_all_tied_and_says_why() {
    let t = traject(&[
        (1, v(2)),
        (2, v(4)),
        (3, v(4)),
        (4, v(4)),
        (5, v(8)),
        (6, v(8)),
        (7, v(9)),
        (8, v(10)),
    ]);
    let r = Rapport::new(&t, &common::data());
    assert_eq!(r.suggestion, [1, 2, 3, 4]);
    assert_eq!(
        r.notes,
        ["Deze domeinen hebben dezelfde score (4): Schoolklimaat, Thuissituatie en Sensitief doceren. Daarom staan ze allemaal in het voorstel; kies samen welke het zwaarst wegen."]
    );
}

#[test]
fn dont_know_and_unscored_come_last_and_are_never_suggested() {
    let t = traject(&[
        (1, v(6)),
        (2, Some(Score::DontKnow)),
        (3, v(3)),
        (4, v(5)),
        (5, v(7)),
        (6, v(9)),
        (7, None),
    ]);
    let r = Rapport::new(&t, &common::data());
    assert_eq!(r.rows[1].outcome, Outcome::DontKnow);
    assert_eq!(r.rows[6].outcome, Outcome::NotScored);
    assert_eq!(r.rows[7].outcome, Outcome::NotScored);
    assert_eq!(r.sorted, [3, 4, 1, 5, 6, 2, 7, 8]);
    assert_eq!((r.answered, r.numbered), (6, 5));
    assert_eq!(r.suggestion, [3, 4, 1]);
    assert!(r.notes.is_empty());
}

#[test]
fn too_few_scores_give_a_preliminary_note() {
    let t = traject(&[(3, v(4)), (8, v(6)), (2, Some(Score::DontKnow))]);
    let r = Rapport::new(&t, &common::data());
    assert_eq!(r.suggestion, [3, 8]);
    assert_eq!(
        r.notes,
        ["Er zijn nog maar 2 van de 8 domeinen met een cijfer gescoord. Score er meer voor een betrouwbaar beeld; het voorstel hieronder is voorlopig."]
    );
}

#[test]
fn nothing_scored_means_no_suggestion() {
    let r = Rapport::new(&traject(&[(1, Some(Score::DontKnow))]), &common::data());
    assert!(r.suggestion.is_empty());
    assert!(r.lowest.is_empty() && r.highest.is_empty());
    assert_eq!(
        r.notes,
        ["Er is nog geen domein met een cijfer gescoord, dus er is nog geen voorstel."]
    );
    assert_eq!(r.suggestion_sentence(), None);
}

#[test]
fn several_respondents_are_averaged() {
    let mut t = traject(&[(1, v(4)), (2, Some(Score::DontKnow))]);
    let mut second = Respondent {
        role: "Leerlingen".into(),
        answers: Default::default(),
    };
    second.answers.insert(
        1,
        Answer {
            score: v(7),
            ..Answer::default()
        },
    );
    second.answers.insert(
        2,
        Answer {
            score: v(6),
            ..Answer::default()
        },
    );
    t.respondents.push(second);
    let r = Rapport::new(&t, &common::data());
    assert_eq!(r.rows[0].outcome, Outcome::Scored(5.5));
    assert_eq!(r.rows[1].outcome, Outcome::Scored(6.0));
    assert_eq!(format_score(5.5), "5,5");
    assert_eq!(format_score(6.0), "6");
    assert_eq!(format_score(20.0 / 3.0), "6,7");
}

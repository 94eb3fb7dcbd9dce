//! The rapport: places from low to high, the suggestion with ties, *weet
//! niet*, partly scored trajecten and several respondents.

mod common;

use scorer_wasm::rapport::{Outcome, Rapport, format_score};
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
fn full_scores_ranked_and_three_suggested() {
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
    assert_eq!(r.rows[2].outcome, Outcome::Scored(50));
    let ranks: Vec<_> = r.rows.iter().map(|r| r.rank.unwrap()).collect();
    // Scores 7 3 5 9 2 8 6 9: equal scores keep domain order.
    assert_eq!(ranks, [5, 2, 3, 7, 1, 6, 4, 8]);
    assert_eq!(r.suggestion, [5, 2, 3]);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_eq!(
        r.suggestion_sentence().unwrap(),
        "begin met Relatie met klasgenoten, Schoolklimaat en Thuissituatie, de domeinen met de laagste scores. Je kiest zelf; ook een hoge score kan een reden zijn om te versterken wat al goed gaat."
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
        [
            "Deze domeinen hebben dezelfde score (4): Schoolklimaat, Thuissituatie en Sensitief doceren. Daarom staan ze allemaal in de suggestie; kies samen welke het zwaarst wegen."
        ]
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
        (8, v(8)),
    ]);
    let r = Rapport::new(&t, &common::data());
    assert_eq!(r.rows[1].outcome, Outcome::DontKnow);
    assert_eq!(r.rows[6].outcome, Outcome::NotScored);
    let ranks: Vec<_> = r.rows.iter().map(|r| r.rank).collect();
    assert_eq!(
        ranks,
        [
            Some(3),
            None,
            Some(1),
            Some(2),
            Some(4),
            Some(6),
            None,
            Some(5)
        ]
    );
    assert_eq!((r.answered, r.numbered), (7, 6));
    assert_eq!(r.suggestion, [3, 4, 1]);
    assert_eq!(
        r.next_to_score().unwrap().domain,
        7,
        "unscored before weet niet"
    );
    assert!(r.notes.is_empty());
}

#[test]
fn fewer_than_six_numbers_give_no_suggestion() {
    // 5 numbers and a weet niet: still no suggestion.
    let t = traject(&[
        (1, v(4)),
        (2, v(6)),
        (3, v(2)),
        (4, v(8)),
        (5, v(5)),
        (6, Some(Score::DontKnow)),
    ]);
    let r = Rapport::new(&t, &common::data());
    assert_eq!(r.numbered, 5);
    assert!(r.suggestion.is_empty());
    assert!(r.notes.is_empty());
    assert_eq!(r.suggestion_sentence(), None);
    assert_eq!(r.next_to_score().unwrap().domain, 7);
    let r = Rapport::new(&traject(&[(1, Some(Score::DontKnow))]), &common::data());
    assert!(r.suggestion.is_empty());
    assert_eq!(r.rows[0].rank, None);
    assert_eq!(r.next_to_score().unwrap().domain, 2);
}

#[test]
fn the_progress_sentence_is_grammatical_for_every_count() {
    use scorer_wasm::text::rapport::{numbered, unanswered};
    assert_eq!(
        numbered(0, 8),
        "Nog geen van de 8 domeinen heeft een score."
    );
    assert_eq!(numbered(1, 8), "1 van de 8 domeinen heeft een score.");
    assert_eq!(numbered(2, 8), "2 van de 8 domeinen hebben een score.");
    assert_eq!(unanswered(1), "Nog 1 domein is niet gescoord.");
    assert_eq!(unanswered(7), "Nog 7 domeinen zijn niet gescoord.");
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
    assert_eq!(r.rows[0].outcome, Outcome::Scored(55));
    assert_eq!(r.rows[1].outcome, Outcome::Scored(60));
    assert_eq!(format_score(55), "5,5");
    assert_eq!(format_score(60), "6");
    // Three participants with 6, 7 and 7: 6,67 shows as 6,7.
    let mut three = traject(&[(1, v(6))]);
    for score in [7, 7] {
        let mut p = Respondent {
            role: "Ouders".into(),
            answers: Default::default(),
        };
        p.answers.insert(
            1,
            Answer {
                score: v(score),
                ..Answer::default()
            },
        );
        three.respondents.push(p);
    }
    let r = Rapport::new(&three, &common::data());
    assert_eq!(r.rows[0].outcome, Outcome::Scored(67));
    assert_eq!(format_score(67), "6,7");
    assert_eq!(format_score(65), "6,5");
    assert_eq!(format_score(100), "10");
}

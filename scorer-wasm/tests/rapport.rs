//! The rapport: places from low to high, the suggestion with ties, *weet
//! niet*, partly scored trajecten and several respondents.

mod common;

use scorer_wasm::rapport::{Filter, Outcome, Rapport, format_score};
use scorer_wasm::score::Score;
use scorer_wasm::spread::Discuss;
use scorer_wasm::traject::{Answer, Participant, Perspective, Traject};

const P1: &str = scorer_wasm::traject::FIRST_PARTICIPANT;

fn traject(scores: &[(u8, Option<Score>)]) -> Traject {
    let mut t = Traject::new("t-1", "Test", "nu");
    for &(d, s) in scores {
        t.set_answer(
            P1,
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

/// A participant with these scores, by domain.
fn participant(id: &str, perspective: Perspective, scores: &[(u8, Score)]) -> Participant {
    let mut p = Participant::new(id, "", perspective);
    for &(d, score) in scores {
        p.answers.insert(
            d,
            Answer {
                score: Some(score),
                ..Answer::default()
            },
        );
    }
    p
}

#[test]
fn several_participants_give_the_median_and_the_spread() {
    let mut t = traject(&[(1, v(4)), (2, Some(Score::DontKnow))]);
    let leerling = participant(
        "p-2",
        Perspective::Students,
        &[(1, Score::Value(7)), (2, Score::Value(6))],
    );
    t.add_participant(leerling, "nu").unwrap();
    let r = Rapport::new(&t, &common::data());
    assert_eq!(r.rows[0].outcome, Outcome::Scored(55), "median of 4 and 7");
    assert_eq!(r.rows[1].outcome, Outcome::Scored(60), "weet niet left out");
    assert_eq!(r.rows[0].dots, [4, 7]);
    assert_eq!(format_score(55), "5,5");
    assert_eq!(format_score(60), "6");
    // Three participants with 6, 7 and 9: the median is the middle one.
    let mut three = traject(&[(1, v(6))]);
    for (id, score) in [("p-2", 9), ("p-3", 7)] {
        let p = participant(id, Perspective::Parents, &[(1, Score::Value(score))]);
        three.add_participant(p, "nu").unwrap();
    }
    let r = Rapport::new(&three, &common::data());
    assert_eq!(r.rows[0].outcome, Outcome::Scored(70));
    let spread = r.rows[0].spread.as_ref().unwrap();
    assert_eq!(
        (spread.all.min, spread.all.max, spread.all.range()),
        (6, 9, 3)
    );
    assert_eq!(
        spread
            .by_perspective
            .iter()
            .map(|(p, s)| (p.as_str(), s.median_tenths))
            .collect::<Vec<_>>(),
        [("team", 60), ("ouders", 80)]
    );
    assert_eq!(format_score(67), "6,7");
    assert_eq!(format_score(100), "10");
}

#[test]
fn a_filter_shows_one_perspective_and_ranks_by_it_alone() {
    let mut t = traject(&[(1, v(2)), (2, v(9)), (3, v(5))]);
    let ouder = participant(
        "p-2",
        Perspective::Parents,
        &[
            (1, Score::Value(10)),
            (2, Score::Value(3)),
            (3, Score::DontKnow),
        ],
    );
    t.add_participant(ouder, "nu").unwrap();
    let other = participant(
        "p-3",
        Perspective::Other("zorgteam".into()),
        &[(4, Score::Value(8))],
    );
    t.add_participant(other, "nu").unwrap();
    let data = common::data();
    let all = Rapport::new(&t, &data);
    assert_eq!(all.rows[0].outcome, Outcome::Scored(60));
    let parents = Rapport::filtered(&t, &data, Filter::Only("ouders"));
    assert_eq!(parents.rows[0].outcome, Outcome::Scored(100));
    assert_eq!(parents.rows[1].outcome, Outcome::Scored(30));
    assert_eq!(parents.rows[2].outcome, Outcome::DontKnow);
    assert_eq!(parents.rows[3].outcome, Outcome::NotScored);
    assert_eq!(parents.rows[1].rank, Some(1), "lowest among the parents");
    assert_eq!(parents.numbered, 2);
    let team = Rapport::filtered(&t, &data, Filter::Only("team"));
    assert_eq!(team.rows[0].outcome, Outcome::Scored(20));
    let other = Rapport::filtered(&t, &data, Filter::Only("zorgteam"));
    assert_eq!(other.rows[3].outcome, Outcome::Scored(80));
    assert_eq!(other.answered, 1);
    // Both bespreekpunt rules, on the whole team only.
    let d1 = all.rows[0].spread.as_ref().unwrap();
    assert_eq!(
        d1.discuss,
        [
            Discuss::ParticipantsApart(8),
            Discuss::PerspectivesApart("team".into(), "ouders".into(), 80)
        ]
    );
    assert!(parents.rows[0].spread.as_ref().unwrap().discuss.is_empty());
}

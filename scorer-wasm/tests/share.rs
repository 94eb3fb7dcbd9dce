//! Invitations and answers sent back as URL fragments and files: round
//! trips, the 2,000-character bound, and damaged or hostile input, each
//! with its exact Dutch message.

mod common;

use scorer_wasm::score::Score;
use scorer_wasm::share::{Invitation, LINK_LIMIT, Reply};
use scorer_wasm::traject::{Answer, Merge, Participant, Perspective, Traject};

const BROKEN: &str =
    "Deze link is niet compleet of is veranderd. Vraag om een nieuwe link, of om het bestand.";

fn leerling(note: &str) -> Participant {
    let mut p = Participant::new("p-177-42", "Sam", Perspective::Students);
    for d in 1..=8u8 {
        p.answers.insert(
            d,
            Answer {
                score: Some(if d == 4 {
                    Score::DontKnow
                } else {
                    Score::Value(d + 1)
                }),
                going_well: note.to_string(),
                attention: String::new(),
            },
        );
    }
    p
}

fn reply(note: &str) -> Reply {
    Reply {
        traject_id: "t-1764900000000-987654321".into(),
        participant: leerling(note),
        round: 1,
    }
}

#[test]
fn an_invitation_round_trips_and_carries_no_answers() {
    let data = common::data();
    let mut p = Participant::new("p-9", "", Perspective::Other("zorg <team>".into()));
    p.answers.insert(
        1,
        Answer {
            score: Some(Score::Value(3)),
            ..Answer::default()
        },
    );
    let inv = Invitation {
        traject_id: "t-1".into(),
        traject_name: "Team & ouders".into(),
        participant: p,
        round: 1,
    };
    let f = inv.to_fragment();
    assert!(f.starts_with("u1."));
    assert!(
        f.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "{f}"
    );
    let back = Invitation::from_fragment(&f, &data).unwrap();
    assert_eq!(back.traject_name, "Team & ouders");
    assert_eq!(
        back.participant.perspective,
        Perspective::Other("zorg <team>".into())
    );
    assert!(
        back.participant.answers.iter().next().is_none(),
        "nobody's answers travel"
    );
    assert_eq!(back.round, 1);
    // An invitation is not a reply, nor the other way round.
    assert_eq!(Reply::from_fragment(&f, &data).unwrap_err(), BROKEN);

    // A later round travels along; round 1 links keep their old form.
    let third = Invitation {
        round: 3,
        ..inv.clone()
    };
    let f3 = third.to_fragment();
    assert_ne!(f3, f);
    assert_eq!(Invitation::from_fragment(&f3, &data).unwrap().round, 3);
    for bad in [0, 1, 22, 1000] {
        let f = Invitation {
            round: bad,
            ..inv.clone()
        }
        .to_fragment();
        let read = Invitation::from_fragment(&f, &data);
        if bad == 1 {
            assert_eq!(read.unwrap().round, 1);
        } else if bad == 0 {
            // Round 0 is written like round 1 (no round), and read as 1.
            assert_eq!(read.unwrap().round, 1);
        } else {
            assert_eq!(read.unwrap_err(), BROKEN, "round {bad}");
        }
    }
}

#[test]
fn eight_scores_with_140_character_notes_fit_in_a_link_and_round_trip() {
    let data = common::data();
    let r = reply(
        &"Mijn mentor vraagt elke week hoe het gaat, ook als ik niets zeg. ".repeat(3)[..140],
    );
    let f = r.to_fragment().expect("fits");
    assert!(f.len() <= LINK_LIMIT, "{} characters", f.len());
    assert_eq!(Reply::from_fragment(&f, &data).unwrap(), r);
    // Longer notes go as a file, which round-trips as well.
    let long = reply(&"x".repeat(400));
    assert_eq!(long.to_fragment(), None);
    let file = long.to_file();
    assert_eq!(Reply::from_file(&file, &data).unwrap(), Some(long));
    // A traject file is not an answers file: the import takes it instead.
    let t = Traject::new("t-1", "T", "nu");
    assert_eq!(Reply::from_file(&t.to_json(), &data), Ok(None));
}

#[test]
fn damaged_and_hostile_fragments_and_files_are_refused_with_exact_messages() {
    let data = common::data();
    let good = reply("Goed").to_fragment().unwrap();
    let (kind, rest) = good.split_once('.').unwrap();
    let (body, sum) = rest.rsplit_once('.').unwrap();
    // A fragment made by hand, with a correct checksum: it must still hold up.
    let forged = |json: &str| {
        let body = scorer_wasm::share::base64url(json.as_bytes());
        let sum = {
            let mut h: u32 = 0x811c_9dc5;
            for b in body.bytes() {
                h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
            format!("{h:08x}")
        };
        format!("a1.{body}.{sum}")
    };
    assert_eq!(
        Reply::from_fragment(&forged(r#"["t-1",["p-1","","team","",[]]]"#), &data)
            .map(|r| r.traject_id),
        Ok("t-1".to_string()),
        "the forging helper makes valid fragments"
    );
    let cases: Vec<(&str, String, &str)> = vec![
        ("truncated", good[..good.len() - 30].to_string(), BROKEN),
        (
            "cut in the middle",
            format!("{kind}.{}.{sum}", &body[..body.len() / 2]),
            BROKEN,
        ),
        (
            "one character changed",
            {
                let mut b = body.to_string().into_bytes();
                b[10] = if b[10] == b'A' { b'B' } else { b'A' };
                format!("{kind}.{}.{sum}", String::from_utf8(b).unwrap())
            },
            BROKEN,
        ),
        ("no checksum", format!("{kind}.{body}"), BROKEN),
        ("empty", String::new(), BROKEN),
        ("another kind", format!("u1.{body}.{sum}"), BROKEN),
        ("not base64", "a1.<script>.00000000".to_string(), BROKEN),
        ("not json", forged("{\"t\":"), BROKEN),
        ("wrong shape", forged(r#"{"t": "t-1"}"#), BROKEN),
        (
            "bad traject id",
            forged(r#"["<b>",["p-1","","team","",[]]]"#),
            BROKEN,
        ),
        (
            "score outside 1-10",
            forged(r#"["t-1",["p-1","","team","",[[3,11,"",""]]]]"#),
            "De score bij domein 3 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 11.",
        ),
        (
            "unknown domain",
            forged(r#"["t-1",["p-1","","team","",[[9,5,"",""]]]]"#),
            "Domein 9 bestaat niet in deze Wegwijzer.",
        ),
        (
            "script as participant id",
            forged(r#"["t-1",["<script>alert(1)</script>","","team","",[]]]"#),
            "Deelnemer 1 heeft een ongeldige “id” (alleen a-z, 0-9 en -, hooguit 64 tekens).",
        ),
        (
            "script as perspective",
            forged(r#"["t-1",["p-1","","<img src=x onerror=alert(1)>","",[]]]"#),
            "Deelnemer 1 heeft een onbekend perspectief; het moet “team”, “leerlingen”, “ouders” of “anders” zijn.",
        ),
        (
            "a domain twice",
            forged(r#"["t-1",["p-1","","team","",[[3,5,"",""],[3,6,"",""]]]]"#),
            "Domein 3 staat twee keer bij deelnemer 1.",
        ),
        (
            "a note over 2000 characters",
            forged(&format!(
                r#"["t-1",["p-1","","team","",[[3,5,"{}",""]]]]"#,
                "a".repeat(2001)
            )),
            "De notitie “wat gaat goed” is te lang (2001 tekens); maximaal 2000.",
        ),
    ];
    for (what, fragment, want) in cases {
        assert_eq!(
            Reply::from_fragment(&fragment, &data).unwrap_err(),
            want,
            "{what}"
        );
    }
    // Script payloads in text fields are kept, as text.
    let r = Reply::from_fragment(
        &forged(r#"["t-1",["p-1","<script>x</script>","anders","<b>zorg</b>",[[2,"weet-niet","<img onerror=1>",""]]]]"#),
        &data,
    )
    .unwrap();
    assert_eq!(r.participant.name, "<script>x</script>");
    assert_eq!(r.participant.answer(2).going_well, "<img onerror=1>");

    let file_cases: Vec<(&str, String, &str)> = vec![
        (
            "an unknown field",
            reply("x")
                .to_file()
                .replacen("\"traject\"", "\"extra\": 1, \"traject\"", 1),
            "Onbekend veld “extra” in het bestand.",
        ),
        (
            "a newer version",
            reply("x")
                .to_file()
                .replace("\"schema_version\": 6", "\"schema_version\": 9"),
            "Dit bestand komt uit een nieuwere versie van de Wegwijzer (versie 9). Deze versie kan versie 1 tot en met 6 lezen.",
        ),
        (
            "no participant",
            r#"{"formaat": "wegwijzer-antwoorden", "schema_version": 4, "traject": "t-1"}"#
                .to_string(),
            "Het veld “deelnemers” ontbreekt of is geen lijst met deelnemers.",
        ),
    ];
    for (what, text, want) in file_cases {
        assert_eq!(Reply::from_file(&text, &data).unwrap_err(), want, "{what}");
    }
}

#[test]
fn a_reply_merges_into_its_traject_and_a_second_one_only_after_asking() {
    let data = common::data();
    let mut t = Traject::new("t-1764900000000-987654321", "Team", "nu");
    let first = Reply::from_fragment(&reply("Goed").to_fragment().unwrap(), &data).unwrap();
    assert_eq!(first.traject_id, t.id);
    assert_eq!(
        t.merge(first.participant.clone(), false, "1"),
        Ok(Merge::Added)
    );
    assert_eq!(
        t.merge(first.participant.clone(), false, "2"),
        Ok(Merge::Unchanged)
    );
    let second = reply("Nu anders").participant;
    assert_eq!(t.merge(second.clone(), false, "3"), Ok(Merge::Differs));
    assert_eq!(
        t.participant("p-177-42").unwrap().answer(1).going_well,
        "Goed"
    );
    assert_eq!(t.merge(second, true, "4"), Ok(Merge::Differs));
    assert_eq!(
        t.participant("p-177-42").unwrap().answer(1).going_well,
        "Nu anders"
    );
    assert_eq!(t.participants.len(), 2);
}

#[test]
fn answers_belong_to_a_round_and_count_only_in_that_round() {
    let data = common::data();
    let mut t = Traject::new(
        "t-1764900000000-987654321",
        "Ronde",
        "2026-09-01T08:00:00.000Z",
    );
    t.set_score(
        scorer_wasm::traject::FIRST_PARTICIPANT,
        1,
        Some(Score::Value(5)),
        "2026-09-01T09:00:00.000Z",
    );
    let first = reply("Eerste meting");
    assert_eq!(first.check(&t), Ok(Merge::Added));
    t.new_round("2027-03-01T08:00:00.000Z").unwrap();
    // An answer from the first round, arriving late, is not taken as the second's.
    let late = "Deze antwoorden horen bij meting 1, maar het traject is nu bij meting 2. Er is niets toegevoegd. Stuur de deelnemer een nieuwe uitnodiging voor meting 2.";
    assert_eq!(first.check(&t).unwrap_err(), late);
    let second = Reply {
        round: 2,
        ..reply("Tweede meting")
    };
    assert_eq!(second.check(&t), Ok(Merge::Added));
    // The round travels in the link and in the file; round 1 keeps the old forms.
    let f = second.to_fragment().unwrap();
    assert_eq!(Reply::from_fragment(&f, &data).unwrap().round, 2);
    assert_ne!(f, reply("Tweede meting").to_fragment().unwrap());
    let file = second.to_file();
    assert!(file.contains("\"meting\": 2"));
    assert_eq!(Reply::from_file(&file, &data).unwrap().unwrap().round, 2);
    assert!(!first.to_file().contains("\"meting\":"));
    assert_eq!(
        Reply::from_file(&first.to_file(), &data)
            .unwrap()
            .unwrap()
            .round,
        1
    );
    // A round that cannot be is refused like any damaged file.
    for bad in ["0", "1", "22", "\"2\"", "2.5"] {
        let text = file.replace("\"meting\": 2", &format!("\"meting\": {bad}"));
        assert_eq!(
            Reply::from_file(&text, &data).unwrap_err(),
            BROKEN,
            "meting {bad}"
        );
    }
}

//! How several participants scored one domain: the median and range over
//! everyone and per perspective, and whether the domain is a point to
//! discuss (the manual's *gesprekstool*). Integer tenths, no floats: they
//! are exact for a median of whole scores and keep the WebAssembly small.

use crate::Score;
use crate::sort_small;

/// Participants this far apart (highest minus lowest) make a bespreekpunt.
pub const PARTICIPANTS_APART: u8 = 4;
/// Two perspectives' medians this far apart, in tenths, make one too.
pub const PERSPECTIVES_APART_TENTHS: u16 = 30;

/// The scores of one group, *weet niet* left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    /// Scores with a number.
    pub count: usize,
    /// The median in tenths: 65 is 6.5.
    pub median_tenths: u16,
    pub min: u8,
    pub max: u8,
}

impl Spread {
    /// `None` when no one gave a number.
    pub fn of(scores: impl IntoIterator<Item = Score>) -> Option<Spread> {
        let mut values: Vec<u8> = scores.into_iter().filter_map(Score::value).collect();
        sort_small(&mut values, |a, b| a < b);
        let n = values.len();
        let (&min, &max) = (values.first()?, values.last()?);
        // Of an even count, the mean of the two middle scores.
        let median_tenths = if n % 2 == 1 {
            u16::from(values[n / 2]) * 10
        } else {
            (u16::from(values[n / 2 - 1]) + u16::from(values[n / 2])) * 5
        };
        Some(Spread {
            count: n,
            median_tenths,
            min,
            max,
        })
    }

    pub fn range(&self) -> u8 {
        self.max - self.min
    }
}

/// Why a domain is a point to discuss.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discuss {
    /// Participants lie this many points apart.
    ParticipantsApart(u8),
    /// These two perspectives' medians differ by this many tenths.
    PerspectivesApart(String, String, u16),
}

/// One domain over all participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainSpread {
    pub all: Spread,
    /// Per perspective, in the order they first occur; only those with a number.
    pub by_perspective: Vec<(String, Spread)>,
    /// Every reason that applies: the widest gap between participants
    /// first, then each pair of perspectives far enough apart.
    pub discuss: Vec<Discuss>,
}

/// `answers`: each participant's perspective and score for the domain.
/// `None` when no one gave a number.
pub fn domain_spread<'a>(answers: &[(&'a str, Score)]) -> Option<DomainSpread> {
    let all = Spread::of(answers.iter().map(|(_, s)| *s))?;
    let mut perspectives: Vec<&'a str> = Vec::new();
    for (p, _) in answers {
        if !perspectives.contains(p) {
            perspectives.push(p);
        }
    }
    let by_perspective: Vec<(String, Spread)> = perspectives
        .iter()
        .filter_map(|p| {
            let scores = answers.iter().filter(|(q, _)| q == p).map(|(_, s)| *s);
            Spread::of(scores).map(|s| (p.to_string(), s))
        })
        .collect();
    let mut discuss = Vec::new();
    if all.range() >= PARTICIPANTS_APART {
        discuss.push(Discuss::ParticipantsApart(all.range()));
    }
    for (i, (a, sa)) in by_perspective.iter().enumerate() {
        for (b, sb) in &by_perspective[i + 1..] {
            let gap = sa.median_tenths.abs_diff(sb.median_tenths);
            if gap >= PERSPECTIVES_APART_TENTHS {
                discuss.push(Discuss::PerspectivesApart(a.clone(), b.clone(), gap));
            }
        }
    }
    Some(DomainSpread {
        all,
        by_perspective,
        discuss,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(n: u8) -> Score {
        Score::Value(n)
    }

    #[test]
    fn one_participant_is_its_own_median_with_no_range() {
        let s = Spread::of([v(7)]).unwrap();
        assert_eq!(
            (s.count, s.median_tenths, s.min, s.max, s.range()),
            (1, 70, 7, 7, 0)
        );
    }

    #[test]
    fn an_even_count_takes_the_mean_of_the_middle_two_whatever_the_order() {
        let s = Spread::of([v(8), v(3), v(6), v(4)]).unwrap();
        assert_eq!((s.median_tenths, s.min, s.max), (50, 3, 8));
        // Ties in the middle.
        assert_eq!(
            Spread::of([v(5), v(5), v(2), v(9)]).unwrap().median_tenths,
            50
        );
        assert_eq!(Spread::of([v(6), v(7)]).unwrap().median_tenths, 65);
    }

    #[test]
    fn weet_niet_is_left_out_and_only_weet_niet_gives_nothing() {
        let s = Spread::of([v(2), Score::DontKnow, v(4), Score::DontKnow, v(9)]).unwrap();
        assert_eq!((s.count, s.median_tenths), (3, 40));
        assert_eq!(Spread::of([Score::DontKnow, Score::DontKnow]), None);
        assert_eq!(Spread::of([]), None);
        assert_eq!(domain_spread(&[("team", Score::DontKnow)]), None);
    }

    #[test]
    fn participants_four_points_apart_are_a_point_to_discuss_three_are_not() {
        let close = domain_spread(&[("team", v(3)), ("team", v(6))]).unwrap();
        assert!(close.discuss.is_empty());
        let apart = domain_spread(&[("team", v(3)), ("team", v(7))]).unwrap();
        assert_eq!(apart.discuss, [Discuss::ParticipantsApart(4)]);
    }

    #[test]
    fn perspectives_whose_medians_differ_by_three_are_a_point_to_discuss() {
        // Team median 5.0, leerlingen median 7.5 (2.5 apart): not yet.
        let near = domain_spread(&[
            ("team", v(5)),
            ("team", v(5)),
            ("leerlingen", v(7)),
            ("leerlingen", v(8)),
        ])
        .unwrap();
        assert!(near.discuss.is_empty(), "{:?}", near.discuss);
        // Ouders median 8.0 against the team's 5.0: 3.0 apart; the
        // participants lie 3 apart, which alone is not enough.
        let far = domain_spread(&[
            ("team", v(5)),
            ("leerlingen", v(7)),
            ("ouders", v(8)),
            ("team", Score::DontKnow),
        ])
        .unwrap();
        assert_eq!(
            far.discuss,
            [Discuss::PerspectivesApart(
                "team".into(),
                "ouders".into(),
                30
            )]
        );
        assert_eq!(
            far.by_perspective
                .iter()
                .map(|(p, s)| (p.as_str(), s.median_tenths))
                .collect::<Vec<_>>(),
            [("team", 50), ("leerlingen", 70), ("ouders", 80)]
        );
        assert_eq!((far.all.count, far.all.median_tenths), (3, 70));
    }

    #[test]
    fn a_perspective_that_only_said_weet_niet_has_no_median() {
        let d = domain_spread(&[("team", v(4)), ("ouders", Score::DontKnow)]).unwrap();
        assert_eq!(d.by_perspective.len(), 1);
        assert!(d.discuss.is_empty());
    }

    #[test]
    fn both_reasons_can_hold_at_once() {
        let d = domain_spread(&[("team", v(2)), ("leerlingen", v(9))]).unwrap();
        assert_eq!(
            d.discuss,
            [
                Discuss::ParticipantsApart(7),
                Discuss::PerspectivesApart("team".into(), "leerlingen".into(), 70)
            ]
        );
    }
}

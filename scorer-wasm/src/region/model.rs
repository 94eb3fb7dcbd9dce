//! What a school's summary for its region holds: per round, the month, the
//! school's score per domain, and per perspective the count of each score;
//! what the school chose in its current round. Never a name of a
//! participant, a note, the traject's name or a date finer than a month.

use crate::plan::Status;

pub const FORMAT: &str = "wegwijzer-regio";
/// Many summaries saved as one file, to reopen or hand to a colleague.
pub const SET_FORMAT: &str = "wegwijzer-regioset";
pub const SCHEMA_VERSION: u32 = 1;
/// A summary of twenty rounds with every perspective stays far below this.
pub const MAX_FILE_BYTES: usize = 1_000_000;
/// A saved set of the most schools a page reads at once.
pub const MAX_SET_BYTES: usize = site_data::REGION_MAX_FILE_BYTES;
/// Files (and summaries in saved sets) the page reads at once.
pub const MAX_SUMMARIES: usize = 5_000;
/// Below this many participants, a perspective's scores stay at school.
pub const MIN_PARTICIPANTS: u32 = 5;
/// Below this many schools, a figure shows no number.
pub const MIN_SCHOOLS: usize = 3;
pub const MAX_SCHOOL_NAME: usize = 80;
/// Participants of one perspective in one round: a traject holds at most 200.
pub const MAX_PARTICIPANTS: u32 = crate::traject::MAX_PARTICIPANTS as u32;
pub const MAX_ROUNDS: usize = crate::traject::MAX_ROUNDS;

/// The kind of school, as the school picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchoolKind {
    Vmbo,
    HavoVwo,
    Broad,
    Practical,
    Vso,
    Other,
}

impl SchoolKind {
    pub const ALL: [SchoolKind; 6] = [
        SchoolKind::Vmbo,
        SchoolKind::HavoVwo,
        SchoolKind::Broad,
        SchoolKind::Practical,
        SchoolKind::Vso,
        SchoolKind::Other,
    ];

    /// The word in the file and the page's form (site-data's list).
    pub fn key(self) -> &'static str {
        site_data::SCHOOL_KINDS[self as usize].0
    }

    pub fn label(self) -> &'static str {
        site_data::SCHOOL_KINDS[self as usize].1
    }

    pub fn from_key(key: &str) -> Option<SchoolKind> {
        SchoolKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A perspective as the region sees it: another perspective's free text
/// stays at school, so all of them count as "anders".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Team,
    Students,
    Parents,
    Other,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Team, Group::Students, Group::Parents, Group::Other];

    pub fn key(self) -> &'static str {
        match self {
            Group::Team => "team",
            Group::Students => "leerlingen",
            Group::Parents => "ouders",
            Group::Other => "anders",
        }
    }

    pub fn from_key(key: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == key)
    }

    pub fn of(p: &crate::traject::Perspective) -> Group {
        use crate::traject::Perspective as P;
        match p {
            P::Team => Group::Team,
            P::Students => Group::Students,
            P::Parents => Group::Parents,
            P::Other(_) => Group::Other,
        }
    }
}

/// How many gave each score 1–10 and how many *weet niet*.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub scores: [u32; 10],
    pub dont_know: u32,
}

impl Counts {
    /// Everyone who answered: a number or *weet niet*.
    pub fn answered(&self) -> u32 {
        self.scores.iter().sum::<u32>() + self.dont_know
    }

    /// The median of the numbers in tenths, as the rapport computes it;
    /// `None` when no one gave a number.
    pub fn median_tenths(&self) -> Option<u32> {
        let n: u32 = self.scores.iter().sum();
        if n == 0 {
            return None;
        }
        // The k-th smallest number (0-based).
        let nth = |k: u32| {
            let mut seen = 0;
            for (i, c) in self.scores.iter().enumerate() {
                seen += c;
                if seen > k {
                    return i as u32 + 1;
                }
            }
            10
        };
        Some(if n % 2 == 1 {
            nth(n / 2) * 10
        } else {
            (nth(n / 2 - 1) + nth(n / 2)) * 5
        })
    }
}

/// A domain's outcome in one round, as the school's rapport shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainScore {
    /// The median of everyone's numbers, in tenths.
    Scored(u32),
    DontKnow,
    NotScored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DomainRound {
    pub domain: u8,
    pub score: DomainScore,
    /// Participants who answered the domain (a number or *weet niet*).
    pub participants: u32,
}

/// One perspective in one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRound {
    pub group: Group,
    /// Participants of this perspective who answered at least one domain.
    pub participants: u32,
    /// Per domain, in domain order; `None` below [`MIN_PARTICIPANTS`].
    pub counts: Option<Vec<(u8, Counts)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundSummary {
    /// `2026-03`: the month the round began.
    pub month: String,
    /// Every domain of the site, in domain order.
    pub domains: Vec<DomainRound>,
    /// Perspectives with at least one participant, in [`Group::ALL`] order.
    pub groups: Vec<GroupRound>,
}

impl RoundSummary {
    pub fn score(&self, domain: u8) -> DomainScore {
        self.domains
            .iter()
            .find(|d| d.domain == domain)
            .map_or(DomainScore::NotScored, |d| d.score)
    }

    pub fn group(&self, group: Group) -> Option<&GroupRound> {
        self.groups.iter().find(|g| g.group == group)
    }

    pub fn participants(&self) -> u32 {
        self.groups.iter().map(|g| g.participants).sum()
    }
}

/// What the team chose in its current round.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    pub domains: Vec<u8>,
    /// Aanbevelingen of the chosen domains with a status, by number.
    pub recommendations: Vec<(String, Status)>,
    /// Ids of the interventions the team considers.
    pub interventions: Vec<String>,
    /// Actions per chosen domain.
    pub actions: Vec<(u8, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Random, kept in the traject: a school's later summaries match.
    pub school: String,
    /// The name the school chose to show; empty: anonymous.
    pub name: String,
    pub kind: Option<SchoolKind>,
    /// Oldest first, one per month.
    pub rounds: Vec<RoundSummary>,
    pub choice: Choice,
}

impl Summary {
    /// The month of the newest round, `""` without rounds.
    pub fn latest_month(&self) -> &str {
        self.rounds.last().map_or("", |r| r.month.as_str())
    }
}

/// `2026-03` from an ISO 8601 timestamp, if it starts with a real month.
pub fn month_of(stamp: &str) -> Option<String> {
    let m = stamp.get(..7)?;
    valid_month(m).then(|| m.to_string())
}

/// `YYYY-MM`, a year 2000–2099 and a month 1–12.
pub fn valid_month(m: &str) -> bool {
    let b = m.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    b.len() == 7
        && b[4] == b'-'
        && digits(0..4).is_some_and(|y| (2000..2100).contains(&y))
        && digits(5..7).is_some_and(|mo| (1..=12).contains(&mo))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(scores: [u32; 10], dont_know: u32) -> Counts {
        Counts { scores, dont_know }
    }

    #[test]
    fn medians_from_counts_match_the_rapport_with_ties_and_weet_niet() {
        // 3, 5, 5, 8: the mean of the two middle ones.
        assert_eq!(
            counts([0, 0, 1, 0, 2, 0, 0, 1, 0, 0], 4).median_tenths(),
            Some(50)
        );
        // 3, 5, 8: the middle one; weet niet never counts.
        assert_eq!(
            counts([0, 0, 1, 0, 1, 0, 0, 1, 0, 0], 9).median_tenths(),
            Some(50)
        );
        // 6, 7: 6,5.
        assert_eq!(
            counts([0, 0, 0, 0, 0, 1, 1, 0, 0, 0], 0).median_tenths(),
            Some(65)
        );
        assert_eq!(counts([0; 10], 3).median_tenths(), None);
        assert_eq!(counts([0, 0, 1, 0, 2, 0, 0, 1, 0, 0], 4).answered(), 8);
        // Against the rapport's own median of the same numbers.
        let spread =
            crate::spread::Spread::of([1, 10, 10, 4].map(|v| crate::Score::new(v).unwrap()))
                .unwrap();
        assert_eq!(
            counts([1, 0, 0, 1, 0, 0, 0, 0, 0, 2], 0).median_tenths(),
            Some(u32::from(spread.median_tenths))
        );
    }

    #[test]
    fn months_are_real_months() {
        assert_eq!(month_of("2026-03-14T10:00:00Z").as_deref(), Some("2026-03"));
        assert!(month_of("2026-13-01").is_none());
        assert!(month_of("1999-12-01").is_none());
        assert!(month_of("2026-3").is_none());
        assert!(!valid_month("2026-00"));
        assert!(valid_month("2099-12"));
    }
}

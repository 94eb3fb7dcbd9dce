//! What a traject is: who took part, what each scored with notes, which
//! domains were chosen and why, the earlier rounds and the plan; with the
//! limits a traject file keeps to.

use crate::json_fields::clip;
use crate::plan::Plan;
use crate::score::Score;
use crate::text::label;

pub const SCHEMA_VERSION: u32 = 6;
pub const FORMAT: &str = "wegwijzer-traject";
pub const MAX_FILE_BYTES: usize = 1_000_000;
pub const MAX_NAME: usize = 120;
pub const MAX_ROLE: usize = 60;
pub const MAX_NOTE: usize = 2_000;
pub const MAX_REASON: usize = 500;
/// A whole year group with its parents and the team fits; a file of 1 MB
/// could hold no more with notes anyway.
pub const MAX_PARTICIPANTS: usize = 200;
/// A school measuring twice a year keeps ten years of rounds.
pub const MAX_ROUNDS: usize = 20;
pub(super) const MAX_STAMP: usize = 40;
/// The participant a new traject starts with: the team at the table.
pub const FIRST_PARTICIPANT: &str = "p-1";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traject {
    pub id: String,
    pub name: String,
    /// ISO 8601 timestamps, as the browser gives them.
    pub created: String,
    pub updated: String,
    /// Never empty; a new traject has one: the team.
    pub participants: Vec<Participant>,
    /// Domain numbers chosen to work on, in the order chosen.
    pub focus: Vec<u8>,
    /// Why a domain was chosen, by domain number. Kept when a domain is
    /// unticked, so ticking it again brings the text back.
    pub reasons: Vec<(u8, String)>,
    /// When the current round of scores began (see [`Traject::new_round`]).
    pub round_started: String,
    /// Earlier rounds, oldest first.
    pub rounds: Vec<Round>,
    pub plan: Plan,
    /// The school's random id in its summaries for the region, made when
    /// the first is; empty until then. Never derived from a name.
    pub region_id: String,
}

/// An earlier round: who took part then, with what they answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// When the round began, an ISO 8601 timestamp as the browser gives it.
    pub started: String,
    pub participants: Vec<Participant>,
}

/// Which of a domain's two notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    GoingWell,
    Attention,
}

/// Characters that show nothing: a name made only of these (and spaces)
/// is empty, and none of them may start or end a name.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x180E | 0x3164 | 0xFEFF | 0xFFA0
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F
            | 0xE0000..=0xE007F)
}

/// A name as typed, trimmed of spaces and invisible characters at both
/// ends and capped; `None` when nothing visible is left.
pub fn clean_name(name: &str) -> Option<String> {
    let trimmed = name.trim_matches(invisible);
    // Capping may leave a space at the end; trim again so a saved name reads back the same.
    (!trimmed.is_empty()).then(|| {
        clip(trimmed, MAX_NAME)
            .trim_end_matches(invisible)
            .to_string()
    })
}

/// From where a participant looks at the school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Perspective {
    Team,
    Students,
    Parents,
    /// Free text, e.g. "zorgteam" or "bestuur"; never empty.
    Other(String),
}

impl Perspective {
    /// The word in the file and in the page's form.
    pub fn key(&self) -> &str {
        match self {
            Perspective::Team => "team",
            Perspective::Students => "leerlingen",
            Perspective::Parents => "ouders",
            Perspective::Other(_) => "anders",
        }
    }

    /// The word people read; the free text for another perspective.
    pub fn label(&self) -> &str {
        match self {
            Perspective::Other(text) => text,
            p => p.key(),
        }
    }

    /// `other` is the free text, used only with "anders".
    pub fn from_key(key: &str, other: &str) -> Option<Perspective> {
        match key {
            "team" => Some(Perspective::Team),
            "leerlingen" => Some(Perspective::Students),
            "ouders" => Some(Perspective::Parents),
            "anders" => clean_name(other).map(|t| Perspective::Other(clip(&t, MAX_ROLE))),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Stable across devices: how an answer sent back is recognised.
    pub id: String,
    /// Empty: anonymous.
    pub name: String,
    pub perspective: Perspective,
    pub answers: Answers,
}

impl Participant {
    pub fn new(id: &str, name: &str, perspective: Perspective) -> Participant {
        Participant {
            id: id.to_string(),
            name: clean_name(name).unwrap_or_default(),
            perspective,
            answers: Answers::default(),
        }
    }

    /// The name, or "anoniem".
    pub fn shown_name(&self) -> &str {
        if self.name.is_empty() {
            label::ANONYMOUS
        } else {
            &self.name
        }
    }

    pub fn answer(&self, domain: u8) -> Answer {
        self.answers.get(&domain).cloned().unwrap_or_default()
    }

    /// Domains this participant answered (a number or *weet niet*).
    pub fn scored_count(&self) -> usize {
        self.answers.values().filter(|a| a.score.is_some()).count()
    }
}

/// What adding a participant's answers from elsewhere would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merge {
    /// New to this traject: added as it is.
    Added,
    /// Known by id, with the same answers: nothing to do.
    Unchanged,
    /// Known by id, with other answers: replace only after asking.
    Differs,
}

/// Answers by domain number, kept sorted. A vector rather than a BTreeMap:
/// at eight entries it is as fast, and far smaller in WebAssembly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(u8, Answer)>);

impl Answers {
    pub fn get(&self, domain: &u8) -> Option<&Answer> {
        self.0.iter().find(|(d, _)| d == domain).map(|(_, a)| a)
    }

    /// Returns the answer it replaced, if any.
    pub fn insert(&mut self, domain: u8, answer: Answer) -> Option<Answer> {
        match self.0.iter().position(|(d, _)| *d >= domain) {
            Some(i) if self.0[i].0 == domain => Some(std::mem::replace(&mut self.0[i].1, answer)),
            Some(i) => {
                self.0.insert(i, (domain, answer));
                None
            }
            None => {
                self.0.push((domain, answer));
                None
            }
        }
    }

    pub fn remove(&mut self, domain: &u8) {
        self.0.retain(|(d, _)| d != domain);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains_key(&self, domain: &u8) -> bool {
        self.get(domain).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&u8, &Answer)> {
        self.0.iter().map(|(d, a)| (d, a))
    }

    pub fn values(&self) -> impl Iterator<Item = &Answer> {
        self.0.iter().map(|(_, a)| a)
    }

    /// Forgets every score and keeps the notes: a new round begins.
    pub fn clear_scores(&mut self) {
        for (_, a) in &mut self.0 {
            a.score = None;
        }
        self.0.retain(|(_, a)| !a.is_empty());
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    /// `None`: not scored yet.
    pub score: Option<Score>,
    pub going_well: String,
    pub attention: String,
}

impl Answer {
    pub(super) fn is_empty(&self) -> bool {
        self.score.is_none() && self.going_well.is_empty() && self.attention.is_empty()
    }
}

impl Traject {
    /// `name` should come through [`clean_name`].
    pub fn new(id: &str, name: &str, now: &str) -> Traject {
        Traject {
            id: id.to_string(),
            name: clip(name, MAX_NAME),
            created: now.to_string(),
            updated: now.to_string(),
            participants: vec![Participant::new(
                FIRST_PARTICIPANT,
                label::CORE_TEAM,
                Perspective::Team,
            )],
            focus: Vec::new(),
            reasons: Vec::new(),
            round_started: now.to_string(),
            rounds: Vec::new(),
            plan: Plan::default(),
            region_id: String::new(),
        }
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The participant with this id, or else the first: a device that
    /// remembers someone since removed scores as the first.
    pub fn participant_or_first(&self, id: &str) -> &Participant {
        self.participant(id).unwrap_or(&self.participants[0])
    }

    pub fn answer(&self, who: &str, domain: u8) -> Answer {
        self.participant(who)
            .map(|p| p.answer(domain))
            .unwrap_or_default()
    }

    pub fn reason(&self, domain: u8) -> &str {
        self.reasons
            .iter()
            .find(|(d, _)| *d == domain)
            .map_or("", |(_, r)| r.as_str())
    }

    /// Domains at least one participant answered (a number or *weet niet*).
    pub fn scored_count(&self) -> usize {
        let mut domains: Vec<u8> = Vec::new();
        for p in &self.participants {
            for (d, a) in p.answers.iter() {
                if a.score.is_some() && !domains.contains(d) {
                    domains.push(*d);
                }
            }
        }
        domains.len()
    }
}

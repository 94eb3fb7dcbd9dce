//! Measurements over time (step 7 of the manual): "Nieuwe meting" keeps the
//! scores so far as an earlier round, dated, and starts a new round with the
//! same participants, notes and plan. [`crate::comparison`] compares two
//! rounds; the traject's file reads and writes them.

use crate::text::rounds as words;
use crate::traject::Traject;
pub use crate::traject::{MAX_ROUNDS, Round, valid_stamp};

impl Traject {
    /// Keeps this round's answers as an earlier round and starts a new one:
    /// every participant keeps their notes, their scores start empty.
    /// `Err` with a Dutch sentence when there is nothing to keep yet or
    /// the traject holds as many rounds as it can.
    pub fn new_round(&mut self, now: &str) -> Result<(), String> {
        if self.scored_count() == 0 {
            return Err(words::NOTHING_SCORED.to_string());
        }
        if self.rounds.len() >= MAX_ROUNDS {
            return Err(words::too_many(MAX_ROUNDS));
        }
        self.rounds.push(Round {
            started: std::mem::replace(&mut self.round_started, now.to_string()),
            participants: self.participants.clone(),
        });
        for p in &mut self.participants {
            p.answers.clear_scores();
        }
        self.updated = now.to_string();
        Ok(())
    }

    /// The traject as it was in an earlier round, for its rapport.
    pub fn as_in(&self, round: &Round) -> Traject {
        Traject {
            participants: round.participants.clone(),
            rounds: Vec::new(),
            ..self.clone()
        }
    }
}

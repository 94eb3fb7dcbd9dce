//! Every change to a traject. Each stamps `updated` with `now`, and texts
//! are capped, never refused, so typing never loses what is there.

use super::model::{
    Answer, Answers, MAX_NAME, MAX_NOTE, MAX_PARTICIPANTS, MAX_REASON, Merge, Note, Participant,
    Traject,
};
use crate::json_fields::clip;
use crate::plan::Plan;
use crate::score::Score;
use crate::text::import as msg;

impl Traject {
    /// Adds a participant without answers. `Err` with a Dutch sentence when
    /// the id is taken or the traject is full.
    pub fn add_participant(&mut self, p: Participant, now: &str) -> Result<(), String> {
        if self.participant(&p.id).is_some() {
            return Err(msg::duplicate_participant(&p.id));
        }
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Err(msg::too_many_participants(
                self.participants.len() + 1,
                MAX_PARTICIPANTS,
            ));
        }
        self.participants.push(p);
        self.updated = now.to_string();
        Ok(())
    }

    /// Removes a participant and their answers. The last one stays: a
    /// traject always has someone to score. Returns whether it removed.
    pub fn remove_participant(&mut self, id: &str, now: &str) -> bool {
        if self.participants.len() < 2 || self.participant(id).is_none() {
            return false;
        }
        self.participants.retain(|p| p.id != id);
        self.updated = now.to_string();
        true
    }

    /// What [`Traject::merge`] would do with `incoming`.
    pub fn merge_check(&self, incoming: &Participant) -> Merge {
        match self.participant(&incoming.id) {
            None => Merge::Added,
            Some(p) if p == incoming => Merge::Unchanged,
            // Invited, and no scores yet (in this round): nothing to overwrite.
            Some(p) if p.scored_count() == 0 => Merge::Added,
            Some(_) => Merge::Differs,
        }
    }

    /// Takes in a participant's answers from another device. A new id is
    /// added; a known one is replaced only with `replace`, which the page
    /// sets after asking. Never touches anyone else.
    pub fn merge(
        &mut self,
        incoming: Participant,
        replace: bool,
        now: &str,
    ) -> Result<Merge, String> {
        let outcome = self.merge_check(&incoming);
        if !(outcome == Merge::Added || outcome == Merge::Differs && replace) {
            return Ok(outcome);
        }
        match self.participants.iter_mut().find(|p| p.id == incoming.id) {
            Some(p) => {
                *p = incoming;
                self.updated = now.to_string();
            }
            None => self.add_participant(incoming, now)?,
        }
        Ok(outcome)
    }

    /// Nothing happens for an unknown id.
    fn answers_mut(&mut self, who: &str) -> Option<&mut Answers> {
        self.participants
            .iter_mut()
            .find(|p| p.id == who)
            .map(|p| &mut p.answers)
    }

    /// Changes one participant's answer for a domain; texts are capped, not
    /// rejected, so typing never loses what is already there.
    pub fn set_answer(&mut self, who: &str, domain: u8, mut answer: Answer, now: &str) {
        answer.going_well = clip(&answer.going_well, MAX_NOTE);
        answer.attention = clip(&answer.attention, MAX_NOTE);
        let Some(answers) = self.answers_mut(who) else {
            return;
        };
        if answer.is_empty() {
            answers.remove(&domain);
        } else {
            answers.insert(domain, answer);
        }
        self.updated = now.to_string();
    }

    /// Changes one domain's score, leaving its notes as they are: another
    /// tab may have changed those since this page read the traject.
    pub fn set_score(&mut self, who: &str, domain: u8, score: Option<Score>, now: &str) {
        let mut a = self.answer(who, domain);
        a.score = score;
        self.set_answer(who, domain, a, now);
    }

    /// Changes one of a domain's notes, and nothing else.
    pub fn set_note(&mut self, who: &str, domain: u8, which: Note, text: &str, now: &str) {
        let mut a = self.answer(who, domain);
        match which {
            Note::GoingWell => a.going_well = text.to_string(),
            Note::Attention => a.attention = text.to_string(),
        }
        self.set_answer(who, domain, a, now);
    }

    /// The plan, to change; the traject counts as changed now.
    pub fn plan_mut(&mut self, now: &str) -> &mut Plan {
        self.updated = now.to_string();
        &mut self.plan
    }

    /// `name` should come through [`clean_name`](super::model::clean_name).
    pub fn rename(&mut self, name: &str, now: &str) {
        self.name = clip(name, MAX_NAME);
        self.updated = now.to_string();
    }

    /// Adds a domain to the choice (at the end) or takes it out.
    pub fn choose(&mut self, domain: u8, chosen: bool, now: &str) {
        self.focus.retain(|d| *d != domain);
        if chosen {
            self.focus.push(domain);
        }
        self.updated = now.to_string();
    }

    /// Sets why a domain was chosen; typing is capped, never refused.
    pub fn set_reason(&mut self, domain: u8, text: &str, now: &str) {
        self.reasons.retain(|(d, _)| *d != domain);
        if !text.is_empty() {
            self.reasons.push((domain, clip(text, MAX_REASON)));
            crate::sort_small(&mut self.reasons, |a, b| a.0 < b.0);
        }
        self.updated = now.to_string();
    }

    pub fn set_focus(&mut self, focus: Vec<u8>, now: &str) {
        let mut seen = Vec::new();
        for d in focus {
            if !seen.contains(&d) {
                seen.push(d);
            }
        }
        self.focus = seen;
        self.updated = now.to_string();
    }
}

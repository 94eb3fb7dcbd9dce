//! Many files into one set of schools. A school's rounds are matched by
//! its id; a month that comes twice is counted once, from the newest
//! summary (the first one read when both are as new), and the file list
//! says which copy was kept.

use super::codec::{Read, read_file};
use super::model::{MAX_SUMMARIES, RoundSummary, Summary};
use crate::text::region_page as msg;
use site_data::SiteData;

/// One file as the person chose it, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// The file's name, as the browser gave it.
    pub name: String,
    pub outcome: Outcome,
    /// Rounds this file held that another copy supplied instead.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Read: this many summaries (one, or a saved set's).
    Read(usize),
    Refused(String),
}

/// A school as the set holds it: every round it sent, one per month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct School {
    pub summary: Summary,
    /// Per round (in `summary.rounds` order): the file it came from.
    pub round_files: Vec<usize>,
    /// The file of the newest summary: its name, kind and choice count.
    pub file: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Set {
    pub files: Vec<FileEntry>,
    pub schools: Vec<School>,
    /// Summaries read so far, saved sets counted in full.
    pub summaries: usize,
}

impl Set {
    /// Reads one file into the set; a refused file changes nothing else.
    pub fn add_file(&mut self, name: &str, bytes: &[u8], data: &SiteData) {
        let file = self.files.len();
        let outcome = match read_file(bytes, data) {
            Ok(read) => {
                let list = match read {
                    Read::One(s) => vec![s],
                    Read::Set(list) => list,
                };
                if self.summaries + list.len() > MAX_SUMMARIES {
                    Outcome::Refused(msg::too_many(MAX_SUMMARIES))
                } else {
                    self.files.push(FileEntry {
                        name: name.to_string(),
                        outcome: Outcome::Read(list.len()),
                        notes: Vec::new(),
                    });
                    self.summaries += list.len();
                    for s in list {
                        self.add_summary(s, file);
                    }
                    return;
                }
            }
            Err(why) => Outcome::Refused(why),
        };
        self.files.push(FileEntry {
            name: name.to_string(),
            outcome,
            notes: Vec::new(),
        });
    }

    fn add_summary(&mut self, s: Summary, file: usize) {
        let Some(i) = self
            .schools
            .iter()
            .position(|o| o.summary.school == s.school)
        else {
            let round_files = vec![file; s.rounds.len()];
            self.schools.push(School {
                summary: s,
                round_files,
                file,
            });
            return;
        };
        let school = &mut self.schools[i];
        let newer = s.latest_month() > school.summary.latest_month();
        let Summary {
            name,
            kind,
            rounds,
            choice,
            ..
        } = s;
        let mut notes: Vec<(usize, String)> = Vec::new();
        for round in rounds {
            let at = school
                .summary
                .rounds
                .partition_point(|r| r.month < round.month);
            if school
                .summary
                .rounds
                .get(at)
                .is_none_or(|r| r.month != round.month)
            {
                school.summary.rounds.insert(at, round);
                school.round_files.insert(at, file);
                continue;
            }
            // The same month twice: the copy in the newer summary counts.
            let other = school.round_files[at];
            let (kept, dropped) = if newer { (file, other) } else { (other, file) };
            let note = if kept == dropped {
                msg::twice_in_file(&round.month)
            } else {
                msg::copy_kept(&round.month, &self.files[kept].name)
            };
            notes.push((dropped, note));
            if newer {
                school.summary.rounds[at] = round;
                school.round_files[at] = file;
            }
        }
        if newer {
            school.summary.name = name;
            school.summary.kind = kind;
            school.summary.choice = choice;
            school.file = file;
        }
        for (f, note) in notes {
            if let Some(entry) = self.files.get_mut(f) {
                entry.notes.push(note);
            }
        }
    }

    /// Lists a file that was not read at all, with why.
    pub fn refuse(&mut self, name: &str, why: String) {
        self.files.push(FileEntry {
            name: name.to_string(),
            outcome: Outcome::Refused(why),
            notes: Vec::new(),
        });
    }

    pub fn refused(&self) -> usize {
        self.files
            .iter()
            .filter(|f| matches!(f.outcome, Outcome::Refused(_)))
            .count()
    }

    /// The summaries as they stand, for the saved set: one per school, its
    /// rounds merged.
    pub fn summaries(&self) -> Vec<Summary> {
        self.schools.iter().map(|s| s.summary.clone()).collect()
    }

    /// The newest round of each school, and the one before it if any.
    pub fn latest(school: &School) -> (Option<&RoundSummary>, Option<&RoundSummary>) {
        let r = &school.summary.rounds;
        (r.last(), r.len().checked_sub(2).map(|i| &r[i]))
    }
}

//! The traject: who took part, what each scored with notes, and which
//! domains were chosen. Its JSON form is both the export file and what
//! `localStorage` holds, and both go through the same validation in
//! [`Traject::from_json`].
//!
//! One module per job: `model` is what a traject is, `changes` every change
//! to it, `write` its file, `read` with `read_participant` and `read_rounds`
//! the file validated, `migrate` older files brought up to date.
//! None of them imports this module, so the re-exports below close no circle.

mod changes;
mod migrate;
mod model;
mod read;
mod read_participant;
mod read_rounds;
mod write;

pub use crate::json_fields::{MAX_ID, valid_id};
pub use model::{
    Answer, Answers, FIRST_PARTICIPANT, FORMAT, MAX_FILE_BYTES, MAX_NAME, MAX_NOTE,
    MAX_PARTICIPANTS, MAX_REASON, MAX_ROLE, MAX_ROUNDS, Merge, Note, Participant, Perspective,
    Round, SCHEMA_VERSION, Traject, clean_name,
};
pub use read_participant::parse_participant;
pub use read_rounds::valid_stamp;
pub use write::participant_json;

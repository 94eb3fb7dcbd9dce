//! The scorer: scoring and the rapport for a traject.
//!
//! The logic is plain Rust without browser APIs so `cargo test` covers it
//! natively; the wasm-bindgen layer that talks to the page is added on top.

pub mod score;
pub mod scores;

pub use score::{Score, ScoreError};
pub use scores::{DomainScores, ScoresError};

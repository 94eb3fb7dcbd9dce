//! The Regiobeeld: a school's anonymous summary for its region, and the
//! region's picture merged from many of them, in plain Rust so `cargo
//! test` and the fuzz target reach all of it.
//!
//! `model` is what a summary holds, `make` builds one from a traject,
//! `codec` writes and validates the files, `merge` reads many files into
//! one set of schools, `stats` computes spreads and `picture` the figures
//! with the small-group rules. The pages that use them (the rapport's
//! *Deel met de regio*, `regiobeeld.html`) are not built yet.

pub mod codec;
pub mod make;
pub mod merge;
pub mod model;
pub mod picture;
pub mod stats;

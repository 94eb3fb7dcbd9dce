//! The Regiobeeld: a school's anonymous summary for its region, and the
//! region's picture merged from many of them, in plain Rust so `cargo
//! test` and the fuzz target reach all of it.
//!
//! `model` is what a summary holds, `make` builds one from a traject,
//! `codec` writes and validates the files, `merge` reads many files into
//! one set of schools, `stats` computes spreads, `picture` the figures
//! with the small-group rules, and `view` the HTML of the rapport's *Deel
//! met de regio* and of `regiobeeld.html` (web/region*.rs hand it over).

pub mod codec;
pub mod make;
pub mod merge;
pub mod model;
pub mod picture;
pub mod stats;
pub mod view;

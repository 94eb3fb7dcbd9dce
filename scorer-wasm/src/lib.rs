//! The scorer: scoring, the rapport and the session of a traject.
//!
//! Everything but `web` is plain Rust without browser APIs, so `cargo test`
//! covers it natively; `web` is the thin wasm-bindgen layer on top.

pub mod comparison;
pub mod csv;
pub mod files;
pub mod fuzz_support;
pub mod html;
mod json_fields;
pub mod plan;
pub mod rapport;
pub mod region;
pub mod rounds;
pub mod score;
pub mod session;
pub mod share;
pub mod spread;
pub mod text;
pub mod traject;
pub mod writes;

/// Insertion sort: our lists hold at most a few dozen items, and the
/// standard library's sorts add kilobytes to the WebAssembly per type.
pub(crate) fn sort_small<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod web;

pub use score::{Score, ScoreError};

//! Rapport computation time: the rapport (places, bars, suggestion) and
//! the advice above the choice, for a fully scored traject, over many runs.
//!
//!     cargo run --release -p scorer-wasm --example bench_rapport

use scorer_wasm::html;
use scorer_wasm::rapport::Rapport;
use scorer_wasm::score::Score;
use scorer_wasm::traject::{Answer, Traject};
use std::time::Instant;

const P1: &str = scorer_wasm::traject::FIRST_PARTICIPANT;

fn main() {
    let site = scorer_wasm::fuzz_support::site();
    let mut t = Traject::new("t-bench", "Bench", "nu");
    for d in 1..=8u8 {
        let answer = Answer {
            score: Some(Score::Value(d % 10 + 1)),
            going_well: "Goed ".repeat(40),
            attention: "Aandacht ".repeat(40),
        };
        t.set_answer(P1, d, answer, "nu");
    }
    t.set_focus(vec![3, 5, 8], "nu");
    let runs = 20_000;
    let mut sink = 0usize;
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..runs {
            let r = Rapport::new(&t, &site);
            sink += html::advice(&r, &[]).len();
            sink += r.rows.iter().filter_map(|row| row.bar_end()).sum::<i64>() as usize;
        }
        times.push(start.elapsed().as_secs_f64() * 1e6 / f64::from(runs));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "rapport computation: median {:.1} µs per rapport (5 rounds of {runs}, native release build; checksum {sink})",
        times[2]
    );
}

//! Every input the fuzzers ever crashed on, replayed on each `cargo test`.
//! `scripts/fuzz` copies new crashers into `fuzz/regressions/<target>/`.

mod common;
use common::manifest_dir;

fn replay(target: &str, run: impl Fn(&[u8])) -> usize {
    let dir = manifest_dir().join("../fuzz/regressions").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            run(&std::fs::read(&path).unwrap());
            n += 1;
        }
    }
    n
}

#[test]
fn content_loader_crashers_stay_fixed() {
    let n = replay("content_loader", generator::fuzz_support::content_loader);
    assert!(n > 0, "the regression corpus is empty");
}

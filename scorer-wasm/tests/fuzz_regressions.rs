//! Every input a scorer fuzz target crashed on, replayed on each test run.

use site_data::SiteData;

/// Runs `target` on every file of `fuzz/regressions/<name>/`.
fn replay(name: &str, target: fn(&[u8], &SiteData)) {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
        .join("../fuzz/regressions")
        .join(name);
    let site = scorer_wasm::fuzz_support::site();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        target(&std::fs::read(&path).unwrap(), &site);
        n += 1;
    }
    assert!(n > 0, "the regression corpus of {name} is empty");
}

#[test]
fn traject_import_crashers_stay_fixed() {
    replay("traject_import", scorer_wasm::fuzz_support::traject_import);
}

#[test]
fn region_summary_crashers_stay_fixed() {
    replay("region_summary", scorer_wasm::fuzz_support::region_summary);
}

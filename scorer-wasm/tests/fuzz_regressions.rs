//! Every input the traject-import fuzzer crashed on, replayed on each test run.

#[test]
fn traject_import_crashers_stay_fixed() {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
        .join("../fuzz/regressions/traject_import");
    let site = scorer_wasm::fuzz_support::site();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        scorer_wasm::fuzz_support::traject_import(&std::fs::read(&path).unwrap(), &site);
        n += 1;
    }
    assert!(n > 0, "the regression corpus is empty");
}

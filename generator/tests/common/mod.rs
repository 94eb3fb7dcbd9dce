//! Helpers shared by the tests that drive the generator's CLI on real files.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_generator");

/// generator/ of the checkout under test. `cargo test` sets the variable at
/// run time; the compile-time value is a fallback only, because a test
/// binary reused from a shared target dir (CI's fresh clone) would point at
/// the checkout it was built in.
pub fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

pub fn fixtures() -> PathBuf {
    manifest_dir().join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).replace("\r\n", "\n")
}

/// Every file under `dir` with its bytes, to prove nothing changed.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// The invalid cases in `dir`: (name, folder, the exact stderr expected).
pub fn invalid_cases(dir: &Path) -> Vec<(String, PathBuf, String)> {
    let mut cases: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    cases
        .into_iter()
        .map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            let expected = fs::read_to_string(case.join("expected.txt"))
                .unwrap_or_else(|_| panic!("{name}: expected.txt missing"));
            (name, case, expected)
        })
        .collect()
}

/// Runs `build <extra>` in `dir` over an earlier good build, then `check
/// <extra>`; returns what differs from a failure with exactly `expected`
/// on stderr and an untouched `dist/`.
pub fn failed_build_problems(
    name: &str,
    dir: &Path,
    extra: &[&str],
    expected: &str,
) -> Vec<String> {
    let mut failures = Vec::new();
    // An earlier good build that must survive the failed one.
    let dist = dir.join("dist");
    fs::create_dir_all(dist.join("domeinen")).unwrap();
    fs::write(dist.join("index.html"), "vorige build").unwrap();
    fs::write(dist.join("domeinen/oud.html"), "oud").unwrap();
    let before = snapshot(&dist);

    let args: Vec<&str> = ["build"].iter().chain(extra).copied().collect();
    let out = run(dir, &args);
    let got = stderr(&out);
    if out.status.code() != Some(1) {
        failures.push(format!("{name}: exit code {:?}, want 1", out.status.code()));
    }
    if got != expected {
        failures.push(format!("{name}:\n--- expected\n{expected}--- got\n{got}"));
    }
    if snapshot(&dist) != before {
        failures.push(format!("{name}: dist/ was changed"));
    }
    let leftovers: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("dist."))
        .collect();
    if !leftovers.is_empty() {
        failures.push(format!("{name}: left {leftovers:?} behind"));
    }
    // `check` reports the same errors.
    let args: Vec<&str> = ["check"].iter().chain(extra).copied().collect();
    let check = run(dir, &args);
    if check.status.code() != Some(1) {
        failures.push(format!(
            "{name}: check exit code {:?}, want 1",
            check.status.code()
        ));
    }
    let first_error = expected.lines().next().unwrap();
    if !stderr(&check).contains(first_error) {
        failures.push(format!("{name}: check did not report `{first_error}`"));
    }
    failures
}

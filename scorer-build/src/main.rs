//! `cargo run -p scorer-build [-- OUT_DIR]`: builds the scorer for the
//! browser into `target/scorer/` (or OUT_DIR), ready for
//! `generator build --scorer target/scorer`.
//!
//! 1. `cargo build -p scorer-wasm --release --target wasm32-unknown-unknown`
//! 2. wasm-bindgen with the `no-modules` target: classic scripts work from `file://`
//! 3. `wasm-opt -Oz` from the npm package `binaryen` (≥ 132; Debian's 108 breaks the module),
//!    then short import names (`imports`)
//! 4. the glue minified by the npm package `terser`
//!
//! The generator writes glue (with the site data) and module into `assets/`
//! under names with their digest (site-data's `assets::ScorerBuild`).
//!
//! Once for each build (site-data's `assets::BUILDS`): the participant's
//! (meedoen.html: scoring only) and the coordinator's (every other page).

mod imports;
mod lock;

use site_data::assets;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The checkout that runs this: `cargo run` sets CARGO_MANIFEST_DIR at run
/// time. The compile-time value is only a fallback: a binary reused from a
/// shared target dir (CI's fresh clone) would point at another checkout.
fn workspace() -> PathBuf {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    dir.join("..")
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

/// The npm packages' programs the build runs (package.json pins them).
struct Tools {
    wasm_opt: PathBuf,
    terser: PathBuf,
}

fn npm_tool(root: &Path, name: &str, package: &str) -> Result<PathBuf, String> {
    let path = root.join("node_modules/.bin").join(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} not found: run `npm ci` (scripts/setup does) for the npm package {package}",
            path.display()
        ))
    }
}

fn build(out: &Path) -> Result<(), String> {
    let root = workspace();
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let tools = Tools {
        wasm_opt: npm_tool(&root, "wasm-opt", "binaryen")?,
        terser: npm_tool(&root, "terser", "terser")?,
    };
    let _lock = lock::BuildLock::acquire(&target_dir.join("scorer-build.lock"))?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for build in assets::BUILDS {
        build_module(&root, &target_dir, &tools, build, out)?;
    }
    Ok(())
}

/// One build of the scorer: cargo with that build's features, wasm-bindgen,
/// wasm-opt and short import names, then its glue and module into `out`.
fn build_module(
    root: &Path,
    target_dir: &Path,
    tools: &Tools,
    module: assets::ScorerBuild,
    out: &Path,
) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // The size budget (45 KB gzip) is out of reach with the prebuilt std:
    // rebuild std for size, with panics that abort at once and no panic
    // locations. These are nightly flags; RUSTC_BOOTSTRAP enables them on
    // the pinned stable toolchain for this one build (rust-src is in
    // rust-toolchain.toml). Its own target dir keeps the host build's cache.
    let std_dir = target_dir.join("scorer-std");
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .env("RUSTC_BOOTSTRAP", "1")
        .env(
            "RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none",
        )
        .args([
            "build",
            "--locked",
            "--quiet",
            "-p",
            "scorer-wasm",
            "--release",
        ])
        .args(["--target", "wasm32-unknown-unknown"])
        .args([
            "-Zbuild-std=std,panic_abort",
            "-Zbuild-std-features=optimize_for_size",
        ])
        .arg("--target-dir")
        .arg(&std_dir);
    // The crate's default is the coordinator's build.
    cmd.arg("--no-default-features");
    if !module.features.is_empty() {
        cmd.args(["--features", module.features]);
    }
    run(&mut cmd)?;
    let wasm = std_dir.join("wasm32-unknown-unknown/release/scorer_wasm.wasm");

    let staging = target_dir.join("scorer-bindgen");
    let _ = std::fs::remove_dir_all(&staging);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .no_modules(true)
        .map_err(|e| e.to_string())?
        .omit_default_module_path(false)
        .typescript(false)
        .generate(&staging)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;

    let glue = staging.join("scorer_wasm.js");
    let unoptimised = staging.join("scorer_wasm_bg.wasm");
    let optimised = staging.join("scorer_wasm_opt.wasm");
    run(Command::new(&tools.wasm_opt)
        // The tool sections name the compiler; no browser reads them.
        .args([
            "-Oz",
            "--converge",
            // Inlining a function into its one caller makes large bodies
            // that compress worse: without it the coordinator's module is
            // 6 KB smaller gzipped (BENCHMARKS.md, issue #27).
            "--one-caller-inline-max-function-size=0",
            "--strip-producers",
            "--strip-target-features",
        ])
        .arg(&unoptimised)
        .arg("-o")
        .arg(&optimised))?;

    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let glue = String::from_utf8(read(&glue)?).map_err(|e| e.to_string())?;
    let (bytes, glue) = imports::shorten(&read(&optimised)?, &glue)?;
    // Every traject page loads the glue: minified it is 2.7 KB gzip instead
    // of 4.3, and a third of the text to parse. Top-level names (the
    // `wasm_bindgen` the loader calls) and property names stay.
    let short = staging.join("scorer_wasm_short.js");
    let minified = staging.join("scorer_wasm_min.js");
    std::fs::write(&short, glue).map_err(|e| format!("{}: {e}", short.display()))?;
    run(Command::new(&tools.terser)
        .arg(&short)
        .args(["--compress", "--mangle", "--output"])
        .arg(&minified))?;
    let glue = read(&minified)?;
    let write = |name: &str, data: &[u8]| {
        std::fs::write(out.join(name), data).map_err(|e| format!("{name}: {e}"))
    };
    write(module.glue_js, &glue)?;
    write(module.wasm, &bytes)?;
    eprintln!(
        "scorer: {} bytes of wasm ({} before wasm-opt) into {}",
        bytes.len(),
        std::fs::metadata(&unoptimised)
            .map(|m| m.len())
            .unwrap_or(0),
        out.join(module.wasm).display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/scorer"));
    match build(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

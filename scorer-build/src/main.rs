//! `cargo run -p scorer-build [-- OUT_DIR]`: builds the scorer for the
//! browser into `target/scorer/` (or OUT_DIR), ready for
//! `generator build --scorer target/scorer`.
//!
//! 1. `cargo build -p scorer-wasm --release --target wasm32-unknown-unknown`
//! 2. wasm-bindgen with the `no-modules` target: classic scripts work from `file://`
//! 3. `wasm-opt -Oz` from the npm package `binaryen` (≥ 132; Debian's 108 breaks the module)
//! 4. the module as base64 in a classic script, so no `fetch()` is needed

use base64::Engine;
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

fn build(out: &Path) -> Result<(), String> {
    let root = workspace();
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // The size budget (45 KB gzip) is out of reach with the prebuilt std:
    // rebuild std for size, with panics that abort at once and no panic
    // locations. These are nightly flags; RUSTC_BOOTSTRAP enables them on
    // the pinned stable toolchain for this one build (rust-src is in
    // rust-toolchain.toml). Its own target dir keeps the host build's cache.
    let std_dir = target_dir.join("scorer-std");
    run(Command::new(cargo)
        .current_dir(&root)
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
        .arg(&std_dir))?;
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
    let module = staging.join("scorer_wasm_bg.wasm");
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!(
            "{} not found: run `npm ci` (scripts/setup does) for the npm package binaryen",
            wasm_opt.display()
        ));
    }
    let optimised = staging.join("scorer_wasm_opt.wasm");
    run(Command::new(&wasm_opt)
        .args(["-Oz", "--converge"])
        .arg(&module)
        .arg("-o")
        .arg(&optimised))?;

    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let bytes = std::fs::read(&optimised).map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let write = |name: &str, text: &str| {
        std::fs::write(out.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    let glue_text = std::fs::read_to_string(&glue).map_err(|e| e.to_string())?;
    write(assets::GLUE_JS, &glue_text)?;
    std::fs::write(out.join(assets::WASM), &bytes).map_err(|e| format!("{}: {e}", assets::WASM))?;
    write(
        assets::BYTES_JS,
        &format!("window.{} = \"{b64}\";\n", assets::WASM_GLOBAL),
    )?;
    std::fs::write(out.join("scorer.wasm"), &bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "scorer: {} bytes of wasm ({} before wasm-opt) into {}",
        bytes.len(),
        std::fs::metadata(&module).map(|m| m.len()).unwrap_or(0),
        out.display()
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

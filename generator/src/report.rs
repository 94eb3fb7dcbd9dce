//! Runs a build or check and prints its outcome: the one place where the
//! CLI and `serve` say what happened.

use crate::diagnostics::Diagnostic;
use crate::site_build::{self, BuildFailure, BuildOptions};
use std::process::ExitCode;

/// One write per batch, not per line: a large site can warn thousands of
/// times.
fn print_all(diagnostics: &[Diagnostic]) {
    use std::io::Write;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for d in diagnostics {
        let _ = writeln!(err, "{d}");
    }
    let _ = err.flush();
}

/// Builds and reports; returns whether it succeeded.
pub fn build(opts: &BuildOptions) -> bool {
    match site_build::build(opts) {
        Ok(report) => {
            print_all(&report.warnings);
            eprintln!(
                "built {} pages ({} files) into {}",
                report.pages,
                report.files,
                opts.out.display()
            );
            true
        }
        Err(failure) => {
            let tail = format!("; {} was left unchanged", opts.out.display());
            failed(&failure, "build", &tail);
            false
        }
    }
}

/// Checks and reports; with `deny_warnings`, a warning fails too.
pub fn check(opts: &BuildOptions, deny_warnings: bool) -> bool {
    match site_build::check(opts) {
        Ok(warnings) => {
            print_all(&warnings);
            eprintln!("content is valid ({} warning(s))", warnings.len());
            if deny_warnings && !warnings.is_empty() {
                eprintln!("error: --deny-warnings is set");
                return false;
            }
            true
        }
        Err(failure) => {
            failed(&failure, "check", "");
            false
        }
    }
}

/// Prints every problem, then one line with the count.
fn failed(failure: &BuildFailure, what: &str, tail: &str) {
    print_all(&failure.0);
    eprintln!(
        "error: {what} failed with {} error(s){tail}",
        failure.error_count()
    );
}

pub fn exit(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Builds, then copies the site's zip to `zip_out`.
pub fn package(opts: &BuildOptions, zip_out: &std::path::Path) -> bool {
    if !build(opts) {
        return false;
    }
    let from = opts.out.join(crate::render::urls::ZIP);
    let copied = match zip_out.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => std::fs::create_dir_all(dir).and_then(|()| std::fs::copy(&from, zip_out)),
        None => std::fs::copy(&from, zip_out),
    };
    match copied {
        Ok(bytes) => {
            eprintln!("wrote {} ({} KB)", zip_out.display(), bytes.div_ceil(1024));
            true
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", zip_out.display());
            false
        }
    }
}

/// `generator readability`: Flesch-Douma of each perspective's extremes over
/// all eight domains together. Fails when a domain lacks the leerling or
/// ouder words, or when either scores under `min`.
pub fn readability(content: &std::path::Path, min: f64) -> bool {
    use crate::content::readability::Counts;
    let (site, diags) = crate::content::load_site(content);
    let Some(site) = site else {
        print_all(&diags.sorted());
        eprintln!("error: the content has errors; run `generator check`");
        return false;
    };
    let mut ok = true;
    let (mut team, mut student, mut parent) =
        (Counts::default(), Counts::default(), Counts::default());
    for d in &site.domains {
        // The team's extremes carry Markdown emphasis; count the words only.
        let plain = |m: &crate::content::model::Markdown| m.text.replace(['*', '_'], "");
        team = team + Counts::of(&plain(&d.not_well)) + Counts::of(&plain(&d.well));
        match &d.perspectives {
            Some(p) => {
                student = student + Counts::of(&p.student.not_well) + Counts::of(&p.student.well);
                parent = parent + Counts::of(&p.parent.not_well) + Counts::of(&p.parent.well);
            }
            None => {
                eprintln!(
                    "error: {}: no `perspectieven` (leerling and ouder words)",
                    d.rel_path
                );
                ok = false;
            }
        }
    }
    println!(
        "Flesch-Douma over the extremes of all {} domains (B1: {min} or more)",
        site.domains.len()
    );
    println!("perspective  sentences  words  syllables  score");
    for (name, c, held) in [
        ("team", team, false),
        ("leerling", student, true),
        ("ouder", parent, true),
    ] {
        let score = c.flesch_douma();
        let shown = score.map_or("–".to_string(), |s| format!("{s:.1}"));
        println!(
            "{name:<11}  {:>9}  {:>5}  {:>9}  {shown}",
            c.sentences, c.words, c.syllables
        );
        if held && score.is_none_or(|s| s < min) {
            eprintln!(
                "error: the {name} texts read at {shown}, under {min}: use shorter sentences and everyday words"
            );
            ok = false;
        }
    }
    ok
}

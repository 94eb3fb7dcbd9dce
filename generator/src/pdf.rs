//! `generator pdf`: prints built pages to PDF with Debian's headless
//! Chromium, exactly as the browser's own printing would (same print CSS).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The pages editors hand out: every domain, the booklet and the worksheet.
pub fn default_pages(dist: &Path) -> Vec<String> {
    let mut pages: Vec<String> = std::fs::read_dir(dist.join("domeinen"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") && n != "index.html")
        .map(|n| format!("domeinen/{n}"))
        .collect();
    pages.sort();
    pages.push("boekje.html".into());
    pages.push("werkblad.html".into());
    pages
}

pub fn render(
    dist: &Path,
    out: &Path,
    chromium: &Path,
    pages: &[String],
) -> Result<Vec<PathBuf>, String> {
    let dist = dist
        .canonicalize()
        .map_err(|e| format!("{}: {e}; build the site first", dist.display()))?;
    let pages = if pages.is_empty() {
        default_pages(&dist)
    } else {
        pages.to_vec()
    };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let profile = std::env::temp_dir().join(format!("wegwijzer-pdf-{}", std::process::id()));
    let mut written = Vec::new();
    for page in &pages {
        let source = dist.join(page);
        if !source.is_file() || page.contains("..") {
            return Err(format!("{page}: no such page in {}", dist.display()));
        }
        let name = page.trim_end_matches(".html").replace('/', "-") + ".pdf";
        let target = out.join(name);
        let status = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", target.display()))
            .arg(format!("file://{}", source.display()))
            .output()
            .map_err(|e| format!("cannot run {}: {e}", chromium.display()))?;
        if !status.status.success() || !target.is_file() {
            return Err(format!(
                "{} failed for {page}: {}",
                chromium.display(),
                String::from_utf8_lossy(&status.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ));
        }
        written.push(target);
    }
    let _ = std::fs::remove_dir_all(&profile);
    Ok(written)
}

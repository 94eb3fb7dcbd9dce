//! The site as one zip: written into the site itself (`wegwijzer.zip`, so
//! every copy can be passed on without tools), and by `generator package`.
//! The same site always gives the same bytes: entries in path order, with
//! a fixed time and fixed permissions.

use crate::diagnostics::Diagnostic;
use crate::render::urls;
use crate::site_build::{BuildFailure, same_contents, write_file};
use std::io::Write;
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;

/// Every file under `site` except the zip itself, as sorted relative paths.
fn site_files(site: &Path) -> Result<Vec<(String, PathBuf)>, Diagnostic> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(site).sort_by_file_name() {
        let entry = entry.map_err(|e| Diagnostic::error(site, 0, format!("cannot read: {e}")))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(site)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if rel != urls::ZIP {
            files.push((rel, entry.path().to_path_buf()));
        }
    }
    // By bytes, not by the file system's or the locale's order.
    files.sort();
    Ok(files)
}

/// The zip of every file under `site` but the zip itself, as bytes.
pub fn zip_site(site: &Path) -> Result<Vec<u8>, Diagnostic> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let fail = |e: &dyn std::fmt::Display| {
        Diagnostic::error(site.join(urls::ZIP), 0, format!("cannot zip: {e}"))
    };
    for (rel, path) in site_files(site)? {
        let bytes = std::fs::read(&path)
            .map_err(|e| Diagnostic::error(&path, 0, format!("cannot read: {e}")))?;
        zip.start_file(rel, options).map_err(|e| fail(&e))?;
        zip.write_all(&bytes).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}

/// Writes `wegwijzer.zip` into the site, when it changed.
pub fn write_site_zip(site: &Path) -> Result<(), BuildFailure> {
    let bytes = zip_site(site).map_err(|d| BuildFailure(vec![d]))?;
    let path = site.join(urls::ZIP);
    if !same_contents(&path, &bytes) {
        write_file(&path, &bytes).map_err(|d| BuildFailure(vec![d]))?;
    }
    Ok(())
}

//! A host's own copy: the overlay (valid and invalid fixtures through the
//! real CLI), the public address with its sitemap, canonical links and 404
//! page, and the site's zip.

mod common;

use common::*;
use std::fs;
use std::io::Read;
use std::path::Path;

/// A working folder with the valid content fixture and the valid overlay,
/// the overlay changed by `case` (its files copied over, `remove.txt`
/// removed, `generate.txt` lines `name bytes` written as PNG-looking files).
fn site_with_overlay(case: Option<&Path>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &fixtures().join("valid/content"),
        &dir.path().join("content"),
    );
    let overlay = dir.path().join("overlay");
    copy_dir(&fixtures().join("overlay/valid"), &overlay);
    if let Some(case) = case {
        for entry in walkdir::WalkDir::new(case).min_depth(1) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(case).unwrap();
            let name = rel.to_string_lossy();
            if ["expected.txt", "remove.txt", "generate.txt"].contains(&name.as_ref()) {
                continue;
            }
            let target = overlay.join(rel);
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
        if let Ok(list) = fs::read_to_string(case.join("remove.txt")) {
            for rel in list.lines().filter(|l| !l.trim().is_empty()) {
                fs::remove_file(overlay.join(rel.trim())).unwrap();
            }
        }
        if let Ok(list) = fs::read_to_string(case.join("generate.txt")) {
            for line in list.lines().filter(|l| !l.trim().is_empty()) {
                let (name, size) = line.split_once(' ').unwrap();
                let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
                bytes.resize(size.trim().parse().unwrap(), 0);
                fs::write(overlay.join(name), bytes).unwrap();
            }
        }
    }
    dir
}

fn read(dist: &Path, page: &str) -> String {
    fs::read_to_string(dist.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

#[test]
fn every_invalid_overlay_fails_with_its_exact_errors_and_leaves_dist_alone() {
    let cases = invalid_cases(&fixtures().join("overlay/invalid"));
    assert!(cases.len() >= 12, "only {} invalid overlays", cases.len());
    let mut failures = Vec::new();
    for (name, case, expected) in &cases {
        let dir = site_with_overlay(Some(case));
        failures.extend(failed_build_problems(
            name,
            dir.path(),
            &["--overlay", "overlay"],
            expected,
        ));
        for line in expected.lines().filter(|l| !l.starts_with("error:")) {
            // Every problem names its overlay file and line.
            let mut parts = line.splitn(3, ':');
            let (file, number) = (parts.next().unwrap(), parts.next().unwrap_or(""));
            // A file that is not there has no line to point at.
            let whole_file = line.contains("cannot read file");
            if !file.starts_with("overlay/") || (number.parse::<usize>().is_err() && !whole_file) {
                failures.push(format!("{name}: `{line}` has no overlay path:line"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_valid_overlay_brands_the_site_and_keeps_local_text_apart() {
    let dir = site_with_overlay(None);
    let before = snapshot(&dir.path().join("content"));
    let out = run(dir.path(), &["build", "--overlay", "overlay"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The overlay adds to the content and never edits it.
    assert_eq!(snapshot(&dir.path().join("content")), before);
    let dist = dir.path().join("dist");

    let home = read(&dist, "index.html");
    assert!(home.contains(r#"<img src="assets/logo.svg" alt="" height="40">"#));
    assert!(home.contains("Samenwerkingsverband Testregio"));
    assert!(home.contains(r#"<link rel="stylesheet" href="assets/mirror.css">"#));
    assert!(home.contains(r#"<a href="mailto:sam@testregio.example">sam@testregio.example</a>"#));
    assert!(home.contains(r#"<a href="tel:0301234567">030 123 45 67</a>"#));
    assert!(home.contains(r#"<a href="regio.html">Ondersteuning in de regio</a>"#));
    assert!(home.contains("gemaakt door Testteam, aangeboden door Samenwerkingsverband Testregio"));
    assert_eq!(
        fs::read(dist.join("assets/logo.svg")).unwrap(),
        fs::read(dir.path().join("overlay/logo.svg")).unwrap()
    );
    assert!(read(&dist, "assets/mirror.css").contains("--brand: #5b2a86;"));

    let thuis = read(&dist, "domeinen/thuis.html");
    let note = &thuis[thuis
        .find(r#"<aside class="local-note" id="lokaal""#)
        .unwrap()..];
    let note = &note[..note.find("</aside>").unwrap()];
    assert!(note.contains(r#"<h2 id="lokaal-kop">In onze regio</h2>"#));
    assert!(note.contains("dit staat niet in de Wegwijzer zelf"));
    assert!(note.contains(r#"<a href="../interventies/steunpunt.html">steunpunt</a>"#));
    assert!(note.contains(r##"<a href="#aanbeveling-3-1">aanbeveling 3.1</a>"##));
    // A local offer shows under the recommendation it names, marked as local.
    let rec = &thuis[thuis.find(r#"id="aanbeveling-3-1""#).unwrap()..];
    let rec = &rec[..rec.find("</article>").unwrap()];
    assert!(rec.contains(
        r#"<a href="../interventies/steunpunt.html">Steunpunt Ouders en School</a> <span class="local-badge">lokaal aanbod</span>"#
    ));
    assert!(rec.contains("Gesprekken met ouders over afwezigheid op gang brengen."));
    // Domains without a note get no box.
    assert!(!read(&dist, "domeinen/een.html").contains("local-note"));

    let alpha = read(&dist, "interventies/alpha.html");
    assert!(alpha.contains("Drie scholen in de regio werken al met Alpha"));
    let offer = read(&dist, "interventies/steunpunt.html");
    assert!(offer.contains("Lokaal aanbod van Samenwerkingsverband Testregio"));
    assert!(offer.contains("geen erkenning: lokaal aanbod van Samenwerkingsverband Testregio"));
    assert!(offer.contains("<dt>Kosten</dt><dd>Gratis voor scholen in de regio.</dd>"));
    assert!(!offer.contains("erkend op"));
    assert!(offer.contains(
        r#"<a href="../domeinen/thuis.html#aanbeveling-3-1">Aanbeveling 3.1 (Thuis)</a>"#
    ));
    let overview = read(&dist, "interventies/index.html");
    let card = &overview[overview.find("intervention-card--local").unwrap()..];
    let card = &card[..card.find("</li>").unwrap()];
    assert!(card.contains("Lokaal aanbod") && card.contains("Steunpunt Ouders en School"));
    assert!(!card.contains("erkend op"));
    // The overlay's address gives canonical links and a sitemap.
    assert!(thuis.contains(
        r#"<link rel="canonical" href="https://wegwijzer.testregio.example/regio/domeinen/thuis.html">"#
    ));
    assert!(
        read(&dist, "sitemap.xml")
            .contains("<loc>https://wegwijzer.testregio.example/regio/regio.html</loc>")
    );
}

#[test]
fn content_alone_builds_as_before_without_the_overlays_files() {
    let dir = site_with_overlay(None);
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dist = dir.path().join("dist");
    assert!(!dist.join("regio.html").exists());
    assert!(!dist.join("interventies/steunpunt.html").exists());
    assert!(!dist.join("sitemap.xml").exists(), "no address, no sitemap");
    assert!(!read(&dist, "index.html").contains("canonical"));
    assert!(!read(&dist, "domeinen/thuis.html").contains("local-note"));
}

#[test]
fn content_cannot_link_into_an_overlay() {
    let dir = site_with_overlay(None);
    let page = dir.path().join("content/paginas/links.md");
    let mut text = fs::read_to_string(&page).unwrap();
    text.push_str("\nZie [de regio](@/paginas/regio.md).\n");
    fs::write(&page, text).unwrap();
    let out = run(dir.path(), &["build", "--overlay", "overlay"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("broken link `@/paginas/regio.md`: no content file `paginas/regio.md`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_site_url_gives_absolute_404_links_canonical_links_and_a_sitemap() {
    let dir = site_with_overlay(None);
    let out = run(
        dir.path(),
        &["build", "--site-url", "https://school.example/ww"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dist = dir.path().join("dist");
    let not_found = read(&dist, "404.html");
    assert!(not_found.contains(r#"href="https://school.example/ww/domeinen/index.html""#));
    assert!(
        !not_found.contains("<script>"),
        "no script needed with an address"
    );
    assert!(
        read(&dist, "privacy.html")
            .contains(r#"<link rel="canonical" href="https://school.example/ww/privacy.html">"#)
    );
    let sitemap = read(&dist, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://school.example/ww/domeinen/thuis.html</loc>"));
    assert!(!sitemap.contains("404.html"));
    // The command line wins over the overlay's `adres`.
    let out = run(
        dir.path(),
        &[
            "build",
            "--overlay",
            "overlay",
            "--site-url",
            "https://school.example/ww/",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(read(&dist, "index.html").contains("https://school.example/ww/index.html"));
    assert!(!read(&dist, "index.html").contains("testregio.example/regio/index.html"));

    let bad = run(dir.path(), &["build", "--site-url", "school.example"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        stderr(&bad),
        "error: --site-url school.example: expected an address like https://school.nl/wegwijzer/\n"
    );
}

#[test]
fn a_link_to_the_sites_own_address_elsewhere_is_rejected() {
    let dir = site_with_overlay(None);
    let page = dir.path().join("content/paginas/links.md");
    let mut text = fs::read_to_string(&page).unwrap();
    text.push_str("\nZie [privacy](https://school.example/ww/privacy.html).\n");
    fs::write(&page, text).unwrap();
    // Without an address it is just an external link.
    assert!(run(dir.path(), &["build"]).status.success());
    let before = snapshot(&dir.path().join("dist"));
    let out = run(
        dir.path(),
        &["build", "--site-url", "https://school.example/ww/"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(
        "dist/links.html: `https://school.example/ww/privacy.html` uses the site's own address; links must be relative (only 404.html, canonical links and sitemap.xml may use it)"
    ), "{}", stderr(&out));
    assert_eq!(snapshot(&dir.path().join("dist")), before);
}

#[test]
fn the_404_page_carries_its_own_style_and_allows_only_that_by_hash() {
    let dir = site_with_overlay(None);
    assert!(run(dir.path(), &["build"]).status.success());
    let html = read(&dir.path().join("dist"), "404.html");
    assert!(
        !html.contains("assets/site.css"),
        "no stylesheet it may not find"
    );
    assert!(!html.contains("href=\"/"), "no root-absolute links");
    assert!(!html.contains("sha256-STYLE") && !html.contains("sha256-SCRIPT"));
    assert!(html.contains("script-src 'sha256-") && html.contains("style-src 'sha256-"));
    assert!(html.contains(r#"data-folders="domeinen interventies assets""#));
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

#[test]
fn the_zip_holds_every_file_but_itself_and_is_the_same_every_build() {
    let dir = site_with_overlay(None);
    let out = run(dir.path(), &["package", "--out", "pakket/wegwijzer.zip"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote pakket/wegwijzer.zip ("),
        "{}",
        stderr(&out)
    );
    let dist = dir.path().join("dist");
    let zipped = fs::read(dir.path().join("pakket/wegwijzer.zip")).unwrap();
    assert_eq!(zipped, fs::read(dist.join("wegwijzer.zip")).unwrap());

    let entries = unzip(&zipped);
    let on_disk: Vec<(String, Vec<u8>)> = snapshot(&dist)
        .into_iter()
        .map(|(p, b)| {
            (
                p.strip_prefix(&dist)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                b,
            )
        })
        .filter(|(p, _)| p != "wegwijzer.zip")
        .collect();
    assert_eq!(
        entries.iter().map(|e| &e.0).collect::<Vec<_>>(),
        on_disk.iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    assert_eq!(entries, on_disk);
    assert!(entries.iter().any(|(p, _)| p == "sw.js"));

    // Byte for byte the same from a fresh folder; no clock, no file order.
    fs::remove_dir_all(&dist).unwrap();
    assert!(run(dir.path(), &["build"]).status.success());
    assert_eq!(fs::read(dist.join("wegwijzer.zip")).unwrap(), zipped);
    // --no-zip leaves it out, and the page says so instead of linking it.
    assert!(run(dir.path(), &["build", "--no-zip"]).status.success());
    assert!(!dist.join("wegwijzer.zip").exists());
}

#[test]
fn the_service_worker_lists_every_file_but_the_zip_and_itself() {
    let dir = site_with_overlay(None);
    assert!(run(dir.path(), &["build"]).status.success());
    let dist = dir.path().join("dist");
    let sw = read(&dist, "sw.js");
    let list = sw.split("const FILES = ").nth(1).unwrap();
    let list: Vec<String> = serde_json::from_str(&list[..list.find(";\n").unwrap()]).unwrap();
    let mut files: Vec<String> = snapshot(&dist)
        .into_iter()
        .map(|(p, _)| {
            p.strip_prefix(&dist)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| p != "wegwijzer.zip" && p != "sw.js")
        .collect();
    files.sort();
    assert_eq!(list, files);
    // A changed text gives a new cache name.
    let name = |sw: &str| sw.split("const CACHE = ").nth(1).unwrap()[..30].to_string();
    let before = name(&sw);
    let page = dir.path().join("content/paginas/privacy.md");
    let text = fs::read_to_string(&page)
        .unwrap()
        .replace("Over privacy.", "Over privacy, nu nieuw.");
    fs::write(&page, text).unwrap();
    assert!(run(dir.path(), &["build"]).status.success());
    assert_ne!(name(&read(&dist, "sw.js")), before);
}

//! Fixture sites drive the generator through its real CLI, on real files:
//! one valid site, and invalid variants of it that each must fail with the
//! exact `path:line: message` lines in their `expected.txt`, leaving the
//! output folder untouched.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A working folder with the valid fixture's `content/`, plus an overlay.
fn site_with(overlay: Option<&Path>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &fixtures().join("valid/content"),
        &dir.path().join("content"),
    );
    if let Some(overlay) = overlay {
        if overlay.join("content").is_dir() {
            copy_dir(&overlay.join("content"), &dir.path().join("content"));
        }
        if let Ok(list) = fs::read_to_string(overlay.join("remove.txt")) {
            for rel in list.lines().filter(|l| !l.trim().is_empty()) {
                fs::remove_file(dir.path().join("content").join(rel.trim())).unwrap();
            }
        }
    }
    dir
}

#[test]
fn every_invalid_fixture_fails_with_its_exact_errors_and_leaves_dist_alone() {
    let cases = invalid_cases(&fixtures().join("invalid"));
    assert!(cases.len() >= 15, "only {} invalid fixtures", cases.len());
    let mut failures = Vec::new();
    for (name, case, expected) in &cases {
        let dir = site_with(Some(case));
        failures.extend(failed_build_problems(name, dir.path(), &[], expected));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_valid_fixture_builds_a_complete_linked_site() {
    let dir = site_with(None);
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "content/interventies/gamma.md:2: warning: intervention `gamma` is not used by any recommendation\n\
         built 25 pages (35 files) into dist\n"
    );
    let dist = dir.path().join("dist");
    for page in [
        "index.html",
        "handleiding.html",
        "privacy.html",
        "404.html",
        "domeinen/index.html",
        "domeinen/een.html",
        "domeinen/thuis.html",
        "domeinen/acht.html",
        "interventies/index.html",
        "interventies/alpha.html",
        "interventies/gamma.html",
        "assets/site.css",
    ] {
        assert!(dist.join(page).is_file(), "{page} missing");
    }
    let thuis = fs::read_to_string(dist.join("domeinen/thuis.html")).unwrap();
    assert!(thuis.contains(r#"id="aanbeveling-3-1""#));
    assert!(thuis.contains(r#"<a href="../interventies/alpha.html">Alpha</a>"#));
    // Secondary interventions get the asterisk and the footnote.
    assert!(thuis.contains(
        r#"<a href="../interventies/beta.html">Beta</a><span aria-hidden="true">*</span>"#
    ));
    assert!(thuis.contains("Niet het hoofddoel van Beta."));
    // An empty recommendation gets one sentence that says where to look.
    assert_eq!(
        thuis
            .matches("Hier staan (nog) geen voorbeelden of interventies")
            .count(),
        1
    );
    assert!(thuis.contains(r#"<a href="https://nji.example/zoeken">databank van het NJi</a>"#));
    // `#anker` in a recommendation stays on the page; @/ links become relative.
    assert!(thuis.contains(r##"href="#aanbeveling-3-1""##));
    assert!(thuis.contains(r#"href="../domeinen/acht.html#aanbeveling-8-1""#));
    assert!(thuis.contains(r#"href="../handleiding.html#stappen""#));
    // No directory URLs and no root-absolute URLs anywhere.
    for (path, bytes) in snapshot(&dist) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("href=\"/"), "{}", path.display());
        let directory_link = ["href=\"", "src=\"", "action=\""].iter().any(|attr| {
            text.split(attr)
                .skip(1)
                .any(|rest| rest.split('"').next().is_some_and(|url| url.ends_with('/')))
        });
        assert!(!directory_link, "directory link in {}", path.display());
    }
    // A link the editors added, where the domain has no printed page, is
    // marked as theirs and shows the databank page that supports it; the
    // printed pages' links are not marked.
    let vier = fs::read_to_string(dist.join("domeinen/vier.html")).unwrap();
    assert!(vier.contains(r#"<span class="editorial-badge">Toegevoegd door de redactie</span>"#));
    assert!(vier.contains(
        r#"<a class="bare" href="https://nji.example/alpha">https://nji.example/alpha</a>"#
    ));
    assert!(!thuis.contains("editorial-badge"));
    // Mostly empty, without a printed page: the notice says where the text
    // comes from, and the empty state offers no search terms.
    assert!(vier.contains("Van dit domein bestaat geen gedrukte Wegwijzerpagina"));
    assert!(!vier.contains("op “"));
    let overview = fs::read_to_string(dist.join("interventies/index.html")).unwrap();
    assert!(overview.contains(r#"<a href="../domeinen/thuis.html#aanbeveling-3-1">3.1"#));
    assert!(overview.contains("effectief volgens eerste aanwijzingen, erkend op 4 maart 2021"));
    assert!(overview.contains("geen erkenning: in geen databank gevonden."));
    // A recognised intervention links to its own page and says where and
    // when its facts were checked.
    let beta = fs::read_to_string(dist.join("interventies/beta.html")).unwrap();
    assert!(beta.contains(r#"href="https://loket.example/beta""#));
    assert!(beta.contains("Loket Gezond Leven"));
    assert!(beta.contains("<dt>Doelgroep</dt><dd>Alle leerlingen.</dd>"));
    // Costs as recorded, or said plainly that the source gave none.
    assert!(beta.contains("<dt>Kosten</dt><dd>Niet genoemd op de pagina"));
    let alpha = fs::read_to_string(dist.join("interventies/alpha.html")).unwrap();
    assert!(alpha.contains("<dt>Kosten</dt><dd>Een licentie per school per jaar.</dd>"));
    let gamma = fs::read_to_string(dist.join("interventies/gamma.html")).unwrap();
    assert!(
        !gamma.contains("<dt>Kosten</dt>"),
        "no costs line without a recognition"
    );
    assert!(beta.contains(
        "op 1 december 2026 nagekeken op <a class=\"bare\" href=\"https://loket.example/beta\">"
    ));
}

/// A stand-in for `scorer-build`'s output: each build's glue and a module
/// whose bytes say which build it is.
fn stand_in_scorer(dir: &Path) -> PathBuf {
    let scorer = dir.join("scorer");
    fs::create_dir_all(&scorer).unwrap();
    for b in site_data::assets::BUILDS {
        fs::write(scorer.join(b.glue_js), format!("// glue of {}", b.name)).unwrap();
        fs::write(scorer.join(b.wasm), format!("\0asm {}", b.name)).unwrap();
    }
    scorer
}

/// The text of each inline `<script>` (one without `src`) in `html`.
fn inline_scripts(html: &str) -> Vec<&str> {
    html.split("<script")
        .skip(1)
        .filter_map(|rest| {
            let (tag, rest) = rest.split_once('>')?;
            let (text, _) = rest.split_once("</script>")?;
            (!tag.contains(" src=")).then_some(text)
        })
        .collect()
}

/// The value of `attr="…"` in the first tag of `html` that has it.
fn attr<'a>(html: &'a str, attr: &str) -> &'a str {
    let start = html
        .find(&format!(" {attr}=\""))
        .unwrap_or_else(|| panic!("no {attr}"))
        + attr.len()
        + 3;
    &html[start..start + html[start..].find('"').unwrap()]
}

#[test]
fn each_build_is_written_once_under_its_digest_and_shared_by_its_pages() {
    use base64::Engine;
    let dir = site_with(None);
    let scorer = stand_in_scorer(dir.path());
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["build", "--scorer"])
        .arg(&scorer)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let dist = dir.path().join("dist");
    let b64 = base64::engine::general_purpose::STANDARD;
    // The theme's loader and starter open with a block comment, then code
    // from `(function`; they are written without their comment lines.
    let code_of = |name: &str| {
        let text = fs::read_to_string(manifest_dir().join("../theme/static").join(name)).unwrap();
        let code: String = text[text.find("(function").unwrap()..]
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(
            code.len() < text.len() * 9 / 10,
            "{name}: the comments are a tenth of it or more"
        );
        code
    };
    let loader_code = code_of(site_data::assets::LOADER_JS);
    let mut wasm_files = Vec::new();
    for page in site_data::pages::TRAJECT_PAGES {
        let build = site_data::assets::build_for(&page);
        let html = fs::read_to_string(dist.join(page.path)).unwrap();
        assert!(
            inline_scripts(&html).is_empty(),
            "{}: no inline script",
            page.path
        );
        assert!(
            html.contains(&format!("<body data-page=\"{}\"", page.key)),
            "{}",
            page.path
        );
        // The page's CSP is the site's: no hashes, no 'unsafe-inline'.
        assert!(
            html.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{}",
            page.path
        );
        let wasm = attr(&html, "data-wasm");
        let file = attr(&html, "data-file");
        let name = wasm.strip_prefix("assets/").unwrap();
        assert!(site_data::assets::is_digest_named(name), "{name}");
        assert!(
            name.starts_with(&format!("scorer-{}-", build.name)),
            "{name}"
        );
        assert_eq!(file, wasm.replace(".wasm", ".bestand.js"));
        let script = html
            .split("data-script=\"")
            .find_map(|r| r.split('"').next().filter(|s| s.contains("/scorer-")))
            .unwrap();
        assert_eq!(script, wasm.replace(".wasm", ".js"));
        // The module, byte for byte this build's; from file:// its base64.
        let bytes = fs::read(dist.join(wasm)).unwrap();
        assert_eq!(
            bytes,
            format!("\0asm {}", build.name).into_bytes(),
            "{}",
            page.path
        );
        let for_file = fs::read_to_string(dist.join(file)).unwrap();
        let literal = for_file
            .strip_prefix(&format!("window.{} = ", site_data::assets::WASM_GLOBAL))
            .and_then(|l| l.trim_end().strip_suffix(';'))
            .unwrap();
        assert_eq!(
            b64.decode(serde_json::from_str::<String>(literal).unwrap())
                .unwrap(),
            bytes
        );
        // The build's script: the site data, which the scorer reads as is, then the glue.
        let js = fs::read_to_string(dist.join(script)).unwrap();
        let json: String = js
            .lines()
            .find_map(|l| l.strip_prefix(&format!("window.{} = ", site_data::assets::DATA_GLOBAL)))
            .map(|l| serde_json::from_str(l.strip_suffix(';').unwrap()).unwrap())
            .unwrap();
        let data = site_data::SiteData::from_json(&json).unwrap();
        assert_eq!(data.version, site_data::DATA_VERSION);
        assert_eq!(data.domains.len(), 8);
        assert_eq!(data.domain(3).unwrap().title, "Thuis");
        // Only what the scorer reads: no rendered HTML travels this way.
        assert!(!json.contains("html"), "{json}");
        assert!(js.contains(&format!("// glue of {}\n", build.name)));
        // Then the theme's loader, last, its code as it is and no comment line.
        assert!(
            js.ends_with(&loader_code),
            "{}: the loader's code ends the build's script",
            page.path
        );
        assert!(!js.contains("/* Starts the scorer."), "{}", page.path);
        wasm_files.push(wasm.to_string());
    }
    wasm_files.sort();
    wasm_files.dedup();
    assert_eq!(
        wasm_files.len(),
        2,
        "two builds, each written once: {wasm_files:?}"
    );
    let scorer_files = fs::read_dir(dist.join("assets"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name().into_string().unwrap();
            site_data::assets::is_digest_named(&name)
        })
        .count();
    assert_eq!(
        scorer_files,
        2 * 3 + 1,
        "script, module and file:// script per build, and the starter"
    );
    // Every traject page asks for its build through the theme's starter,
    // one file named after its content.
    let theme_start = code_of(site_data::assets::START_JS).into_bytes();
    let mut starters: Vec<String> = site_data::pages::TRAJECT_PAGES
        .iter()
        .map(|page| {
            let html = fs::read_to_string(dist.join(page.path)).unwrap();
            let tag = html
                .split("<script ")
                .find(|t| t.contains("data-script="))
                .unwrap();
            attr(tag, "src").to_string()
        })
        .collect();
    starters.dedup();
    assert_eq!(starters.len(), 1, "{starters:?}");
    let start = starters[0].strip_prefix("assets/").unwrap();
    assert!(site_data::assets::is_digest_named(start), "{start}");
    assert_eq!(fs::read(dist.join(&starters[0])).unwrap(), theme_start);
    assert!(
        !dist
            .join("assets")
            .join(site_data::assets::START_JS)
            .exists()
    );
    // The loader travels in the builds' scripts, not on its own.
    assert!(
        !dist
            .join("assets")
            .join(site_data::assets::LOADER_JS)
            .exists()
    );
    // The worker precaches the module, not its base64 twin, and answers
    // the digest-named files from its cache first.
    let sw = fs::read_to_string(dist.join("sw.js")).unwrap();
    for w in &wasm_files {
        assert!(sw.contains(&format!("\"{w}\"")), "{w} precached");
        assert!(
            !sw.contains(&w.replace(".wasm", ".bestand.js")),
            "{w}: no base64 twin precached"
        );
    }
    let immutable = sw
        .lines()
        .find(|l| l.starts_with("const IMMUTABLE"))
        .unwrap();
    assert_eq!(immutable.matches("scorer-").count(), 5, "{immutable}");
    assert!(
        immutable.contains(&format!("\"{}\"", starters[0])),
        "{immutable}"
    );
    // No other page has an inline script or a CSP hash.
    let home = fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(inline_scripts(&home).is_empty());
    assert!(!home.contains("sha256-"));
}

/// Builds the real content with a stand-in scorer, so the traject pages
/// are written; returns the output folder.
fn real_site_with_traject_pages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let scorer = stand_in_scorer(dir.path());
    let repo = manifest_dir().join("..");
    let out = Command::new(BIN)
        .args(["build", "--content"])
        .arg(repo.join("content"))
        .arg("--out")
        .arg(dir.path().join("dist"))
        .arg("--scorer")
        .arg(&scorer)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// `id="aanbeveling-…"` values in a page, in order.
fn recommendation_ids(html: &str) -> Vec<String> {
    html.match_indices("id=\"aanbeveling-")
        .map(|(i, _)| {
            let rest = &html[i + 4..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .filter(|id| !id.ends_with("-kop"))
        .collect()
}

#[test]
fn the_rapport_holds_every_domains_recommendations_from_one_source() {
    let dir = real_site_with_traject_pages();
    let dist = dir.path().join("dist");
    let rapport = fs::read_to_string(dist.join("rapport.html")).unwrap();
    let mut domains = 0;
    for entry in fs::read_dir(dist.join("domeinen")).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() == "index.html" {
            continue;
        }
        let page = fs::read_to_string(&path).unwrap();
        let number = page
            .split("<h1")
            .nth(1)
            .and_then(|h| h.split('>').nth(1))
            .and_then(|t| t.split('.').next())
            .map(|n| n.trim().to_string())
            .unwrap_or_else(|| panic!("no numbered title in {}", path.display()));
        let on_page = recommendation_ids(&page);
        assert!(!on_page.is_empty(), "{}", path.display());
        // The rapport's section for this domain, hidden until chosen.
        let open = format!("<section class=\"focus-domain\" id=\"focus-{number}\"");
        let start = rapport
            .find(&open)
            .unwrap_or_else(|| panic!("no rapport section for domain {number}"));
        let section = &rapport[start..];
        let section = &section[..section
            .find("</section>\n      <section class=\"focus-domain\"")
            .unwrap_or(section.len())];
        assert!(section[..200].contains(" hidden>"), "hidden until chosen");
        assert_eq!(recommendation_ids(section), on_page, "domain {number}");
        domains += 1;
    }
    assert_eq!(domains, 8);
    // The scorer no longer writes recommendation HTML of its own.
    assert_eq!(recommendation_ids(&rapport).len(), 31);
}

#[test]
fn a_successful_build_replaces_the_old_output_completely() {
    let dir = site_with(None);
    let dist = dir.path().join("dist");
    fs::create_dir_all(&dist).unwrap();
    fs::write(dist.join("stale.html"), "oud").unwrap();
    assert!(run(dir.path(), &["build"]).status.success());
    assert!(!dist.join("stale.html").exists());
    assert!(dist.join("index.html").is_file());
}

#[test]
fn check_writes_nothing() {
    let dir = site_with(None);
    let out = run(dir.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).ends_with("content is valid (1 warning(s))\n"));
    assert!(!dir.path().join("dist").exists());
    let strict = run(dir.path(), &["check", "--deny-warnings"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).ends_with("error: --deny-warnings is set\n"));
}

/// The valid site plus a theme folder `mijn-thema` with one template.
fn site_with_template(name: &str, text: &str) -> tempfile::TempDir {
    let dir = site_with(None);
    let templates = dir.path().join("mijn-thema/templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(templates.join(name), text).unwrap();
    dir
}

#[test]
fn a_theme_folder_overrides_one_template_and_keeps_the_rest() {
    let dir = site_with_template(
        "404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Eigen 404 van {{ site.title }}</h1>{% endblock main %}",
    );
    let out = run(
        dir.path(),
        &["build", "--theme", "mijn-thema", "--out", "site"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let not_found = fs::read_to_string(dir.path().join("site/404.html")).unwrap();
    assert!(not_found.contains("<h1>Eigen 404 van Testwijzer</h1>"));
    assert!(
        not_found.contains("Direct naar de inhoud"),
        "base.html still from the built-in theme"
    );
    assert!(dir.path().join("site/domeinen/thuis.html").is_file());
}

#[test]
fn a_broken_template_fails_with_a_clear_error_and_keeps_dist() {
    let dir = site_with_template("404.html", "{% if %}");
    let dist = dir.path().join("dist");
    fs::create_dir_all(&dist).unwrap();
    fs::write(dist.join("index.html"), "vorige build").unwrap();
    let out = run(dir.path(), &["build", "--theme", "mijn-thema"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("theme: "), "{err}");
    assert!(err.contains("404.html"), "{err}");
    assert_eq!(
        fs::read_to_string(dist.join("index.html")).unwrap(),
        "vorige build"
    );
}

#[test]
fn a_link_in_a_template_that_breaks_is_caught_after_rendering() {
    let dir = site_with_template(
        "404.html",
        "{% extends \"base.html\" %}{% block main %}<a href=\"{{ root }}nergens.html\">x</a><a href=\"{{ root }}domeinen/\">y</a>{% endblock main %}",
    );
    let out = run(dir.path(), &["build", "--theme", "mijn-thema"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "dist/404.html: broken link `nergens.html`: no file nergens.html\n\
         dist/404.html: `domeinen/` is a directory link; link to its index.html so it works from file://\n\
         error: build failed with 2 error(s); dist was left unchanged\n"
    );
    assert!(!dir.path().join("dist").exists());
}

#[test]
fn a_theme_override_that_drops_an_id_the_scorer_needs_fails_the_build_naming_it() {
    let real = fs::read_to_string(manifest_dir().join("../theme/templates/scoren.html")).unwrap();
    assert!(real.contains("id=\"voortgang\""));
    let dir = site_with_template(
        "scoren.html",
        &real.replace("id=\"voortgang\"", "id=\"vooruit\""),
    );
    let scorer = stand_in_scorer(dir.path());
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["build", "--theme", "mijn-thema", "--scorer"])
        .arg(&scorer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "scoren.html (scoren.html): the page lacks id \"voortgang\", which the scorer needs (site-data's contract); a theme that overrides this template must keep it\n\
         error: build failed with 1 error(s); dist was left unchanged\n"
    );
    assert!(!dir.path().join("dist").exists());
    // meedoen.html extends the same template and needs it too, but the
    // first missing id of the list's first page is the one reported.
    let kept = site_with_template("scoren.html", &real);
    let scorer = stand_in_scorer(kept.path());
    let out = Command::new(BIN)
        .current_dir(kept.path())
        .args(["build", "--theme", "mijn-thema", "--scorer"])
        .arg(&scorer)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn check_also_renders_the_traject_templates() {
    let dir = site_with_template(
        "scoren.html",
        "{% extends \"base.html\" %}{% block main %}{{ nergens.niets }}{% endblock main %}",
    );
    let out = run(dir.path(), &["check", "--theme", "mijn-thema"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("scoren.html (scoren.html): "), "{err}");
    assert!(err.contains("nergens"), "{err}");
}

#[test]
fn a_named_folder_that_does_not_exist_is_an_error_not_a_fallback() {
    let dir = site_with(None);
    for (args, flag) in [
        (
            &["build", "--theme", "does-not-exist"][..],
            "--theme does-not-exist",
        ),
        (&["build", "--content", "nergens"][..], "--content nergens"),
        (
            &["build", "--scorer", "target/geen-scorer"][..],
            "--scorer target/geen-scorer",
        ),
        (&["check", "--theme", "thema"][..], "--theme thema"),
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out), format!("error: {flag}: no such folder\n"));
        assert!(!dir.path().join("dist").exists(), "{args:?} wrote output");
    }
    // Without --theme, a missing theme/ folder means the built-in theme.
    assert!(run(dir.path(), &["build"]).status.success());
}

#[test]
fn a_broken_link_from_a_template_fails_the_build_and_leaves_dist_alone() {
    let dir = site_with(None);
    assert!(run(dir.path(), &["build"]).status.success());
    let before = fs::read(dir.path().join("dist/404.html")).unwrap();
    let theme = dir.path().join("mijn-thema/templates");
    fs::create_dir_all(&theme).unwrap();
    fs::write(
        theme.join("404.html"),
        r#"{% extends "base.html" %}{% block main %}<a href="{{ root }}nergens.html">x</a><a href="{{ root }}index.html#geen-anker">y</a>{% endblock main %}"#,
    )
    .unwrap();
    let out = run(dir.path(), &["build", "--theme", "mijn-thema"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "dist/404.html: broken link `nergens.html`: no file nergens.html\n\
         dist/404.html: broken anchor `index.html#geen-anker`: no id `geen-anker` in index.html\n\
         error: build failed with 2 error(s); dist was left unchanged\n"
    );
    assert_eq!(fs::read(dir.path().join("dist/404.html")).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("dist."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_rebuild_over_existing_output_matches_a_fresh_build_and_rewrites_only_changes() {
    let dir = site_with(None);
    assert!(
        run(dir.path(), &["build", "--out", "fresh"])
            .status
            .success()
    );
    assert!(run(dir.path(), &["build"]).status.success());
    let dist = dir.path().join("dist");
    // Leftovers of an older site: a page, a folder, a temporary file.
    fs::write(dist.join("oud.html"), "<p>weg</p>").unwrap();
    fs::create_dir_all(dist.join("oude-map/diep")).unwrap();
    fs::write(dist.join("oude-map/diep/x.css"), "x").unwrap();
    fs::write(dist.join("404.html"), "beschadigd").unwrap();
    // A folder where the site now has a file.
    fs::remove_file(dist.join("boekje.html")).unwrap();
    fs::create_dir_all(dist.join("boekje.html/oud")).unwrap();
    fs::write(dist.join("boekje.html/oud/x.txt"), "x").unwrap();
    let unchanged = dist.join("index.html");
    let stamp = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    fs::File::options()
        .write(true)
        .open(&unchanged)
        .unwrap()
        .set_modified(stamp)
        .unwrap();

    assert!(run(dir.path(), &["build"]).status.success());

    let relative = |root: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        snapshot(root)
            .into_iter()
            .map(|(p, b)| (p.strip_prefix(root).unwrap().to_path_buf(), b))
            .collect()
    };
    assert_eq!(relative(&dist), relative(&dir.path().join("fresh")));
    assert!(!dist.join("oude-map").exists());
    // A file whose bytes did not change is not written again.
    assert_eq!(fs::metadata(&unchanged).unwrap().modified().unwrap(), stamp);
}

#[test]
fn readability_reports_every_perspective_and_fails_without_the_words() {
    // Only the fixture's domain 2 has leerling and ouder words.
    let dir = site_with(None);
    let out = run(dir.path(), &["readability"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: domeinen/01-een.md: no `perspectieven` (leerling and ouder words)"),
        "{err}"
    );
    assert!(!err.contains("02-twee.md"), "{err}");
    // Its words are counted: 2 sentences, 11 words of one syllable each.
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    let leerling = report.lines().find(|l| l.starts_with("leerling")).unwrap();
    let cols: Vec<&str> = leerling.split_whitespace().collect();
    assert_eq!(cols[1..4], ["2", "11", "11"], "{report}");
    // A text under the bar fails.
    let out = run(dir.path(), &["readability", "--min", "200"]);
    assert!(
        stderr(&out).contains("error: the ouder texts read at "),
        "{}",
        stderr(&out)
    );
    // The perspective sheets are left out while the words are missing.
    let build = run(dir.path(), &["build"]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(!dir.path().join("dist/werkblad-leerlingen.html").exists());
    let sheet = fs::read_to_string(dir.path().join("dist/werkblad.html")).unwrap();
    assert!(!sheet.contains("werkblad-leerlingen.html"));
}

#[test]
fn the_real_content_has_leerling_and_ouder_words_at_b1() {
    let repo = &manifest_dir().join("..");
    let out = run(repo, &["readability", "--content", "content"]);
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(0), "{report}{}", stderr(&out));
    for who in ["leerling", "ouder"] {
        let line = report.lines().find(|l| l.starts_with(who)).expect(who);
        let score: f64 = line.split_whitespace().last().unwrap().parse().unwrap();
        assert!(score >= 65.0, "{line}");
    }
    // The team's words, for comparison, are harder than both.
    assert!(report.lines().any(|l| l.starts_with("team")), "{report}");
}

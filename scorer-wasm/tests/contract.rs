//! The page contract (site-data's `contract`) and the web layer agree: every
//! element id the web modules name is declared for some traject page, and
//! every declared id or action is one the web layer (or the page's own
//! markup it fills) really uses. The generator checks the other side: that
//! each page's template provides its contract.

use site_data::contract::{self, Contract};
use site_data::pages::TRAJECT_PAGES;
use std::fs;
use std::path::PathBuf;

/// Every `"…"` literal that follows one of `calls` directly, as in `show("app"`.
fn literals_after<'a>(src: &'a str, calls: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for call in calls {
        let open = format!("{call}(\"");
        for (i, _) in src.match_indices(&open) {
            let rest = &src[i + open.len()..];
            if let Some(end) = rest.find('"') {
                out.push(&rest[..end]);
            }
        }
    }
    out
}

/// `idn("tabel-score-", n, "")` → `tabel-score-{}`.
fn per_domain_ids(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in src.match_indices("idn(\"") {
        let rest = &src[i + 5..];
        let Some(end) = rest.find('"') else { continue };
        let prefix = &rest[..end];
        let after = &rest[end + 1..];
        let Some(q) = after.find('"') else { continue };
        let tail = &after[q + 1..];
        let Some(e) = tail.find('"') else { continue };
        out.push(format!("{prefix}{{}}{}", &tail[..e]));
    }
    out
}

/// scorer-wasm/ of the checkout under test: `cargo test` sets the variable
/// at run time; a binary reused from a shared target dir (CI's fresh clone)
/// would carry the compile-time path of another checkout.
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}

/// The web layer, and the Regiobeeld's file plumbing in the theme, whose
/// `getElementById('…')` become `"…"` here.
fn web_sources() -> String {
    let dir = manifest_dir().join("src/web");
    let mut all = String::new();
    for entry in fs::read_dir(dir).unwrap() {
        all.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let js = manifest_dir().join("../theme/static/regiobeeld.js");
    let js = fs::read_to_string(js).unwrap();
    all.push_str(
        &js.replace("getElementById('", "by_id(\"")
            .replace("')", "\")"),
    );
    all.push_str(&js.replace('\'', "\""));
    all
}

fn all_contracts() -> Vec<Contract> {
    TRAJECT_PAGES
        .iter()
        .flat_map(|p| contract::for_page(p.kind).iter().copied())
        .collect()
}

#[test]
fn every_id_the_web_layer_names_is_in_the_contract() {
    let src = web_sources();
    let declared: Vec<&str> = all_contracts()
        .iter()
        .flat_map(|c| c.ids.iter().copied())
        .collect();
    let per_domain: Vec<&str> = all_contracts()
        .iter()
        .flat_map(|c| c.per_domain.iter().copied())
        .collect();
    let calls = [
        "by_id",
        "set_text",
        "set_html",
        "show",
        "focus",
        "open_dialog",
        "close_dialog",
        "offer_link",
        "name_from",
    ];
    let mut missing: Vec<String> = literals_after(&src, &calls)
        .into_iter()
        .filter(|id| !declared.contains(id))
        .map(String::from)
        .collect();
    // Template ids only: the scorer's own markup (the traject list's rows)
    // is built by html.rs and needs no contract.
    missing.retain(|id| !id.starts_with("naam-"));
    missing.extend(
        per_domain_ids(&src)
            .into_iter()
            // Selectors such as `input[name="score-3"]` are not ids.
            .filter(|p| !p.contains('[') && !per_domain.contains(&p.as_str())),
    );
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "used by web/ but not in site-data's contract: {missing:?}"
    );
}

#[test]
fn every_declared_id_and_action_is_used() {
    let src = web_sources();
    let templates = manifest_dir().join("../theme/templates");
    for c in all_contracts() {
        for id in c.ids {
            // An id the code names whole, or builds from a link block's name.
            let base = id.trim_end_matches("-blok").trim_end_matches("-lokaal");
            assert!(
                src.contains(&format!("\"{id}\"")) || src.contains(&format!("\"{base}\"")),
                "id {id} is declared but never used"
            );
        }
        for p in c.per_domain {
            let (prefix, suffix) = p.split_once("{}").unwrap();
            assert!(
                src.contains(&format!("idn(\"{prefix}\""))
                    && src.contains(&format!("\"{suffix}\")")),
                "{p} is declared but never used"
            );
        }
        for action in c.actions {
            assert!(
                src.contains(&format!("\"{action}\"")),
                "action {action} is declared but never handled"
            );
        }
    }
    // And the theme provides them (the generator refuses a page that does not).
    assert!(templates.join("scoren.html").exists());
}

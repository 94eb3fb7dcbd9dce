//! Every intervention in the real content says what its databank says of
//! it, where that was read and when, or says plainly that there is none;
//! and no built page calls an intervention *erkend* unless it is.

mod common;
use common::manifest_dir;

use generator::content::load_site;
use generator::content::model::{Site, Source};

fn real_site() -> Site {
    let repo = manifest_dir().join("..");
    let (site, diags) = load_site(&repo.join("content"));
    let errors: Vec<String> = diags.errors().map(|d| d.to_string()).collect();
    site.unwrap_or_else(|| panic!("content does not load:\n{}", errors.join("\n")))
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

#[test]
fn every_intervention_has_verified_facts_or_says_there_are_none() {
    let site = real_site();
    assert_eq!(site.interventions.len(), 7);
    for i in &site.interventions {
        let checked = i
            .checked
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no check date", i.id));
        assert!(is_date(checked), "{}: {checked}", i.id);
        match (&i.recognition, &i.not_found) {
            (Some((level, date)), None) => {
                assert!(
                    matches!(i.source, Source::Nji | Source::GezondeSchool),
                    "{}: only a databank recognises",
                    i.id
                );
                assert!(
                    i.source.levels().contains(&level.as_str()),
                    "{}: {level}",
                    i.id
                );
                assert!(is_date(date), "{}: {date}", i.id);
                let url = i.external_url.as_deref().unwrap_or_default();
                assert!(url.starts_with("https://"), "{}: {url}", i.id);
                // The intervention's own page, never a databank's search page.
                assert!(!url.ends_with("/interventies"), "{}: {url}", i.id);
                let facts = i.facts_source.as_deref().unwrap_or_default();
                // The facts come from the databank named in `bron`, never
                // from a press release or the owner's own site.
                let databank = match i.source {
                    Source::Nji => "https://www.nji.nl/interventies/",
                    _ => "https://interventies.loketgezondleven.nl/",
                };
                assert!(
                    facts.starts_with(databank),
                    "{}: facts from {facts}, not from {databank}",
                    i.id
                );
                assert!(i.target_group.is_some(), "{}: no doelgroep", i.id);
            }
            (None, Some(reason)) => assert!(!reason.trim().is_empty(), "{}", i.id),
            other => panic!("{}: {other:?}", i.id),
        }
    }
}

#[test]
fn no_built_page_calls_an_intervention_erkend_unless_it_is() {
    let site = real_site();
    let repo = manifest_dir().join("..");
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_generator"))
        .args(["build", "--content"])
        .arg(repo.join("content"))
        .arg("--out")
        .arg(dir.path().join("dist"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let erkend = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "erkend")
    };
    let mut recognised = 0;
    for i in &site.interventions {
        let page =
            std::fs::read_to_string(dir.path().join(format!("dist/interventies/{}.html", i.id)))
                .unwrap();
        let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
        if erkend(main) {
            assert!(
                i.recognition.is_some(),
                "{} is called erkend but has no recognition",
                i.id
            );
            recognised += 1;
        } else {
            assert!(i.recognition.is_none(), "{} should say it is erkend", i.id);
            assert!(
                main.contains("geen erkenning"),
                "{} must say so plainly",
                i.id
            );
        }
    }
    assert_eq!(recognised, 4);
}

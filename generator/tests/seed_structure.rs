//! Domains 3 and 8 must follow the printed domain pages: the same
//! recommendation numbers, the same interventions under each (with the same
//! asterisks) and the same empty cases. That structure is kept here as data,
//! so a clone without `../shared` still checks the content against it; when
//! the seeds are present, the data is also checked against the seeds
//! themselves, so it cannot drift from the source.

mod common;
use common::manifest_dir;

use generator::content::{load_site, model::Site};
use std::path::PathBuf;

#[derive(Debug, PartialEq)]
struct SeedRecommendation {
    number: String,
    /// Normalised names, with whether the name carried an asterisk.
    interventions: Vec<(String, bool)>,
    has_inspiration: bool,
}

fn repo() -> PathBuf {
    manifest_dir().join("..")
}

/// The seed whose name starts with `prefix`, or `None` (with a visible note)
/// when `../shared/seeds` is absent, as in any clone outside the workspace.
fn seed(prefix: &str) -> Option<String> {
    let dir = repo().join("../shared/seeds");
    if !dir.is_dir() {
        eprintln!(
            "note: {} is absent; skipping the check against the seeds (the content is still checked against the expected structure)",
            dir.display()
        );
        return None;
    }
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    Some(std::fs::read_to_string(entry).unwrap())
}

/// The printed page's structure: per recommendation, its interventions
/// (name, asterisk) and whether it has practice examples.
type Expected = &'static [(&'static str, &'static [(&'static str, bool)], bool)];

const NJI_TOOLKIT: &str = "NJi-toolkit ouderbetrokkenheid";
const SWPBS: &str = "School-Wide Positive Behavior Support";
const PARENTS: &str = "Ouderbetrokkenheid";

const DOMAIN_3: Expected = &[
    (
        "3.1",
        &[
            (NJI_TOOLKIT, false),
            (SWPBS, true),
            ("Mentorlessen over stress", true),
            ("Kanjertraining", true),
            ("LEGSpedition", true),
        ],
        true,
    ),
    ("3.2", &[(SWPBS, false), (PARENTS, false)], true),
    ("3.3", &[], false),
    ("3.4", &[(SWPBS, false), (PARENTS, false)], true),
];

const DOMAIN_8: Expected = &[
    (
        "8.1",
        &[
            (NJI_TOOLKIT, false),
            (SWPBS, false),
            (PARENTS, false),
            ("MAZL", false),
        ],
        true,
    ),
    (
        "8.2",
        &[(SWPBS, false), (PARENTS, false), ("MAZL", false)],
        true,
    ),
    ("8.3", &[("MAZL", false)], true),
    ("8.4", &[("MAZL", false)], true),
];

fn expected(data: Expected) -> Vec<SeedRecommendation> {
    data.iter()
        .map(
            |(number, interventions, has_inspiration)| SeedRecommendation {
                number: number.to_string(),
                interventions: interventions
                    .iter()
                    .map(|(name, star)| (normalise(name), *star))
                    .collect(),
                has_inspiration: *has_inspiration,
            },
        )
        .collect()
}

fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "3.1 Stimuleer …" or "- 8.2** Op het …" → "3.1".
fn recommendation_number(line: &str, domain: u8) -> Option<String> {
    let line = line.trim_start_matches("- ").trim_start();
    let prefix = format!("{domain}.");
    let rest = line.strip_prefix(&prefix)?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = rest[digits.len()..].trim_start_matches('*');
    (!digits.is_empty() && after.starts_with(' ')).then(|| format!("{prefix}{digits}"))
}

fn parse_seed(text: &str, domain: u8) -> Vec<SeedRecommendation> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let end = lines
        .iter()
        .rposition(|l| *l == "Wegwijzer Mentaal Kapitaal")
        .unwrap_or(lines.len());
    let starts: Vec<(usize, String)> = lines[..end]
        .iter()
        .enumerate()
        .filter_map(|(i, l)| recommendation_number(l, domain).map(|n| (i, n)))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, (start, number))| {
            let stop = starts.get(k + 1).map(|s| s.0).unwrap_or(end);
            let section = &lines[*start..stop];
            let mut interventions = Vec::new();
            for (i, line) in section.iter().enumerate() {
                if *line == "Naar interventie." {
                    // The name is the second non-empty line above: name, description, link.
                    let name = section[..i]
                        .iter()
                        .rev()
                        .filter(|l| !l.is_empty())
                        .nth(1)
                        .unwrap();
                    interventions.push((normalise(name), name.ends_with('*')));
                }
            }
            let no_inspiration = section
                .iter()
                .any(|l| l.contains("geen bijbehorende inspiratie"));
            SeedRecommendation {
                number: number.clone(),
                interventions,
                has_inspiration: !no_inspiration,
            }
        })
        .collect()
}

fn from_content(site: &Site, domain: u8) -> Vec<SeedRecommendation> {
    let d = site.domains.iter().find(|d| d.number == domain).unwrap();
    d.recommendations
        .iter()
        .map(|r| SeedRecommendation {
            number: r.number.clone(),
            interventions: r
                .interventions
                .iter()
                .map(|u| {
                    let i = site.interventions.iter().find(|i| i.id == u.id).unwrap();
                    (normalise(&i.name), u.secondary)
                })
                .collect(),
            has_inspiration: !r.inspiration.is_empty(),
        })
        .collect()
}

fn real_site() -> Site {
    let (site, diags) = load_site(&repo().join("content"));
    let errors: Vec<String> = diags.errors().map(|d| d.to_string()).collect();
    site.unwrap_or_else(|| panic!("content does not load:\n{}", errors.join("\n")))
}

#[test]
fn domain_3_matches_the_printed_page() {
    assert_eq!(from_content(&real_site(), 3), expected(DOMAIN_3));
}

#[test]
fn domain_8_matches_the_printed_page() {
    assert_eq!(from_content(&real_site(), 8), expected(DOMAIN_8));
}

#[test]
fn the_expected_structure_is_the_seeds() {
    for (prefix, domain, data) in [("004_", 3, DOMAIN_3), ("002_", 8, DOMAIN_8)] {
        let Some(text) = seed(prefix) else { return };
        assert_eq!(parse_seed(&text, domain), expected(data), "domain {domain}");
    }
}

#[test]
fn the_real_content_has_no_errors_and_no_warnings() {
    let (site, diags) = load_site(&repo().join("content"));
    let all: Vec<String> = diags.sorted().iter().map(|d| d.to_string()).collect();
    assert!(all.is_empty(), "{}", all.join("\n"));
    let site = site.unwrap();
    assert_eq!(
        site.domains.iter().map(|d| d.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7, 8]
    );
    for d in &site.domains {
        let n = d.recommendations.len();
        assert!(
            (3..=5).contains(&n) || [3, 8].contains(&d.number),
            "domain {} has {n} recommendations",
            d.number
        );
    }
}

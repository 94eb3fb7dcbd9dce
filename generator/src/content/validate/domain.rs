//! `domeinen/NN-slug.md`: the eight domains and their recommendations.

use super::*;
use crate::content::readability;

impl Validator<'_> {
    pub(super) fn domains(
        &mut self,
        parsed: Vec<Parsed<RawDomain>>,
        interventions: &[InterventionWithLine],
    ) -> Option<Vec<Domain>> {
        let known: HashSet<&str> = interventions.iter().map(|(i, _)| i.id.as_str()).collect();
        let mut by_number: BTreeMap<u8, PathBuf> = BTreeMap::new();
        let mut out = Vec::new();
        for p in parsed {
            let r = &p.raw;
            let file_name = &p.file.rel_path[DOMAIN_DIR.len() + 1..];
            let (prefix, slug) = file_name
                .trim_end_matches(".md")
                .split_once('-')
                .unwrap_or(("", ""));
            if prefix.len() != 2 || !prefix.bytes().all(|b| b.is_ascii_digit()) || !is_slug(slug) {
                self.error(
                    p.path(),
                    0,
                    format!("file name `{file_name}` must look like `NN-slug.md`, e.g. `03-thuissituatie.md`"),
                );
            }
            let number = match u8::try_from(r.nummer) {
                Ok(n @ 1..=8) => n,
                _ => {
                    self.error(
                        p.path(),
                        p.line("nummer"),
                        format!("`nummer` must be 1 to 8, not {}", r.nummer),
                    );
                    continue;
                }
            };
            if prefix.parse::<u8>().is_ok_and(|n| n != number) {
                self.error(
                    p.path(),
                    p.line("nummer"),
                    format!("`nummer: {number}` does not match the file name `{file_name}`"),
                );
            }
            if let Some(first) = by_number.get(&number) {
                let first = first.display().to_string().replace('\\', "/");
                self.error(
                    p.path(),
                    p.line("nummer"),
                    format!("domain {number} is defined twice; it is also in {first}"),
                );
                continue;
            }
            by_number.insert(number, p.path().to_path_buf());

            if r.aanbevelingen.is_empty() {
                self.error(
                    p.path(),
                    p.line("aanbevelingen"),
                    "`aanbevelingen` must not be empty",
                );
            }
            let mut recommendations = Vec::new();
            for (i, rec) in r.aanbevelingen.iter().enumerate() {
                let at = format!("aanbevelingen[{i}]");
                let expected = format!("{number}.{}", i + 1);
                let found = rec.nummer.trim();
                if found != expected {
                    let why = if !found.starts_with(&format!("{number}.")) {
                        format!("it must start with the domain number {number}")
                    } else {
                        "numbers must be consecutive".to_string()
                    };
                    self.error(
                        p.path(),
                        p.line(&format!("{at}.nummer")),
                        format!("recommendation `{found}` should be `{expected}`: {why}"),
                    );
                }
                let mut seen = HashSet::new();
                let mut uses = Vec::new();
                for (j, u) in rec.interventies.iter().enumerate() {
                    let key = format!("{at}.interventies[{j}]");
                    let id = u.reference.trim();
                    if !known.contains(id) {
                        self.error(
                            p.path(),
                            p.line(&format!("{key}.ref")),
                            format!("unknown intervention `{id}`: there is no {INTERVENTION_DIR}/{id}.md"),
                        );
                    } else if !seen.insert(id) {
                        self.error(
                            p.path(),
                            p.line(&format!("{key}.ref")),
                            format!("intervention `{id}` is listed twice under {found}"),
                        );
                    }
                    // The printed pages are the source's own tables; elsewhere
                    // the fit needs the databank page that supports it.
                    match (&r.herkomst, &u.onderbouwing) {
                        (Some(_), None) => self.error(
                            p.path(),
                            p.line(&format!("{key}.ref")),
                            format!("`{id}` under {found} needs `onderbouwing`: the databank page that supports this fit, as this domain has no printed page"),
                        ),
                        (_, Some(url)) => self.https(p.path(), p.line(&format!("{key}.onderbouwing")), url),
                        (None, None) => {}
                    }
                    uses.push(InterventionUse {
                        id: id.to_string(),
                        note: self.yaml_markdown(&p, &format!("{key}.toelichting"), &u.toelichting),
                        secondary: u.bijrol,
                        local: false,
                        support: u.onderbouwing.as_ref().map(|url| url.trim().to_string()),
                    });
                }
                let inspiration = rec
                    .inspiratie
                    .iter()
                    .enumerate()
                    .map(|(j, text)| self.yaml_markdown(&p, &format!("{at}.inspiratie[{j}]"), text))
                    .collect();
                let footnote = rec
                    .voetnoot
                    .as_ref()
                    .map(|f| self.yaml_markdown(&p, &format!("{at}.voetnoot"), f));
                if rec.interventies.iter().any(|u| u.bijrol) && footnote.is_none() {
                    self.error(
                        p.path(),
                        p.line(&format!("{at}.interventies")),
                        "an intervention with `bijrol: true` needs a `voetnoot` that explains the asterisk",
                    );
                }
                recommendations.push(Recommendation {
                    number: expected,
                    text: self.yaml_markdown(&p, &format!("{at}.tekst"), &rec.tekst),
                    inspiration,
                    interventions: uses,
                    footnote,
                });
            }
            for id in &p.body.heading_ids {
                if DOMAIN_TEMPLATE_ANCHORS.contains(&id.as_str()) || id.starts_with("aanbeveling-")
                {
                    self.error(
                        p.path(),
                        p.file.body_line,
                        format!("heading id `{id}` is already used by the domain page itself; choose another heading"),
                    );
                }
            }
            let perspectives = r.perspectieven.as_ref().map(|raw| Perspectives {
                student: self.extremes(&p, "perspectieven.leerling", &raw.leerling),
                parent: self.extremes(&p, "perspectieven.ouder", &raw.ouder),
            });
            let origin = r
                .herkomst
                .as_ref()
                .map(|h| self.yaml_markdown(&p, "herkomst", h));
            out.push(Domain {
                origin,
                number,
                title: self.text(&p, "titel", &r.titel),
                summary: self.text(&p, "samenvatting", &r.samenvatting),
                slug: slug.to_string(),
                rel_path: p.file.rel_path.clone(),
                not_well: self.yaml_markdown(&p, "niet_goed", &r.niet_goed),
                well: self.yaml_markdown(&p, "wel_goed", &r.wel_goed),
                recommendations,
                body: self.body_markdown(&p),
                local_note: None,
                perspectives,
            });
        }
        let dir = self.content_dir.join(DOMAIN_DIR);
        let unparsed_numbers: HashSet<u8> = self
            .unparsed
            .iter()
            .filter_map(|rel| rel.strip_prefix(DOMAIN_DIR)?.get(1..3)?.parse().ok())
            .collect();
        for n in 1..=8u8 {
            if !by_number.contains_key(&n) && !unparsed_numbers.contains(&n) {
                self.error(
                    &dir,
                    0,
                    format!("domain {n} is missing: each of the numbers 1 to 8 needs one file"),
                );
            }
        }
        out.sort_by_key(|d| d.number);
        Some(out)
    }
}

/// Longest sentence a leerling or ouder text may have (B1: short sentences).
const MAX_SENTENCE_WORDS: usize = 20;
const MAX_PERSPECTIVE_CHARS: usize = 600;

impl Validator<'_> {
    /// One perspective's extremes: plain text in short sentences, because
    /// it is shown as typed to leerlingen and ouders.
    fn extremes(&mut self, p: &Parsed<RawDomain>, at: &str, raw: &RawExtremes) -> Extremes {
        let mut field = |key: &str, value: &str| {
            let key = format!("{at}.{key}");
            let text = self.text(p, &key, value);
            let line = p.line(&key);
            if let Some(c) = text.chars().find(|c| "*_#[]<>`|".contains(*c)) {
                self.error(
                    p.path(),
                    line,
                    format!("`{key}` is plain text, shown as written: remove `{c}`"),
                );
            }
            if text.chars().count() > MAX_PERSPECTIVE_CHARS {
                self.error(
                    p.path(),
                    line,
                    format!(
                        "`{key}` is longer than {MAX_PERSPECTIVE_CHARS} characters; keep it short"
                    ),
                );
            }
            for sentence in readability::sentences(&text) {
                let words = readability::words(sentence).count();
                if words > MAX_SENTENCE_WORDS {
                    self.error(
                        p.path(),
                        line,
                        format!("`{key}` has a sentence of {words} words (at most {MAX_SENTENCE_WORDS} for leerlingen and ouders): \"{}\"", sentence.trim()),
                    );
                }
            }
            text
        };
        Extremes {
            not_well: field("niet_goed", &raw.niet_goed),
            well: field("wel_goed", &raw.wel_goed),
        }
    }
}

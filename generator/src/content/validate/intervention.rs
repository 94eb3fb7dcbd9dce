//! `interventies/<id>.md`: one intervention each.

use super::*;

/// Line of an intervention file's `naam`, for warnings about the whole intervention.
pub(super) type InterventionWithLine = (Intervention, (PathBuf, usize));

impl Validator<'_> {
    pub(super) fn interventions(
        &mut self,
        parsed: Vec<Parsed<RawIntervention>>,
    ) -> Vec<InterventionWithLine> {
        let mut out = Vec::new();
        for p in parsed {
            let r = &p.raw;
            let id = p.file.rel_path[INTERVENTION_DIR.len() + 1..]
                .trim_end_matches(".md")
                .to_string();
            if !is_slug(&id) {
                self.error(
                    p.path(),
                    0,
                    format!("file name `{id}.md` must use only a-z, 0-9 and -"),
                );
            }
            let name = self.text(&p, "naam", &r.naam);
            let source = Source::parse(r.bron.trim());
            let source_name = match (source, &r.bron_naam) {
                (None, _) => {
                    self.error(
                        p.path(),
                        p.line("bron"),
                        format!(
                            "unknown `bron` `{}`: expected nji, gezonde-school or anders",
                            r.bron
                        ),
                    );
                    String::new()
                }
                (Some(Source::Other), None) => {
                    self.error(
                        p.path(),
                        p.line("bron"),
                        "`bron: anders` needs a `bron_naam`",
                    );
                    String::new()
                }
                (Some(Source::Other), Some(n)) => self.text(&p, "bron_naam", n),
                (Some(s), Some(_)) => {
                    self.error(
                        p.path(),
                        p.line("bron_naam"),
                        format!(
                            "`bron_naam` is only for `bron: anders`, not for `{}`",
                            s.key()
                        ),
                    );
                    String::new()
                }
                (Some(s), None) => self
                    .databanks
                    .get(s.key())
                    .map(|(n, _)| n.clone())
                    .unwrap_or_default(),
            };
            let recognition = self.recognition(&p, source);
            let not_found = r
                .niet_gevonden
                .as_ref()
                .map(|t| self.text(&p, "niet_gevonden", t));
            if r.erkenning.is_some() == r.niet_gevonden.is_some() {
                self.error(
                    p.path(),
                    p.line("naam"),
                    "an intervention needs either `erkenning` (its databank's level and date) or `niet_gevonden` (why there is none), not both and not neither",
                );
            }
            let facts = r.feiten.as_ref();
            let checked = facts.map(|f| {
                self.date(p.path(), p.line("feiten.gecontroleerd"), &f.gecontroleerd);
                f.gecontroleerd.trim().to_string()
            });
            if facts.is_none() {
                self.error(
                    p.path(),
                    p.line("naam"),
                    "`feiten` must say where the facts were read (`bron`) and when (`gecontroleerd`)",
                );
            }
            let facts_source = facts.and_then(|f| f.bron.as_ref()).map(|url| {
                self.https(p.path(), p.line("feiten.bron"), url);
                url.clone()
            });
            if r.erkenning.is_some() && facts.is_some() && facts_source.is_none() {
                self.error(
                    p.path(),
                    p.line("feiten"),
                    "`feiten.bron` must give the page the recognition was read from",
                );
            }
            let search_page = source
                .and_then(|s| self.databanks.get(s.key()))
                .map(|(_, search)| search.clone());
            let external_url = match &r.url {
                Some(url) => {
                    self.https(p.path(), p.line("url"), url);
                    if Some(url) == search_page.as_ref() {
                        self.error(
                            p.path(),
                            p.line("url"),
                            "`url` must be the intervention's own page, not the databank's search page",
                        );
                    }
                    Some(url.clone())
                }
                None => {
                    if r.erkenning.is_some() {
                        self.error(
                            p.path(),
                            p.line("erkenning"),
                            "a recognised intervention needs `url`: its own page at the databank",
                        );
                    }
                    search_page
                }
            };
            let optional = |v: &Option<String>| {
                v.as_ref()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
            };
            let target_group = optional(&r.doelgroep);
            if r.erkenning.is_some() && target_group.is_none() {
                self.error(
                    p.path(),
                    p.line("erkenning"),
                    "a recognised intervention needs `doelgroep`, in our own words",
                );
            }
            let body = self.body_markdown(&p);
            if body.text.trim().is_empty() {
                self.error(
                    p.path(),
                    p.file.body_line,
                    "the description below the front matter must not be empty",
                );
            }
            let at = (p.path().to_path_buf(), p.line("naam"));
            out.push((
                Intervention {
                    id,
                    name,
                    source: source.unwrap_or(Source::Other),
                    source_name,
                    recognition,
                    not_found,
                    target_group,
                    aim: optional(&r.doel),
                    duration: optional(&r.duur),
                    costs: optional(&r.kosten),
                    external_url,
                    facts_source,
                    checked,
                    rel_path: p.file.rel_path.clone(),
                    body,
                    local: false,
                    local_note: None,
                },
                at,
            ));
        }
        out.sort_by_key(|a| a.0.name.to_lowercase());
        out
    }

    /// The databank's level, one of its own terms, with its date; only a
    /// databank (nji, gezonde-school) can recognise.
    fn recognition(
        &mut self,
        p: &Parsed<RawIntervention>,
        source: Option<Source>,
    ) -> Option<(String, String)> {
        let e = p.raw.erkenning.as_ref()?;
        let level = e.niveau.trim().to_string();
        if let Some(source) = source
            && !source.levels().contains(&level.as_str())
        {
            let allowed = if source.levels().is_empty() {
                "this source has no levels; use `niet_gevonden` instead".to_string()
            } else {
                format!("expected one of: {}", source.levels().join(", "))
            };
            self.error(
                p.path(),
                p.line("erkenning.niveau"),
                format!("`{level}` is not a recognition level of this source; {allowed}"),
            );
        }
        self.date(p.path(), p.line("erkenning.datum"), &e.datum);
        Some((level, e.datum.trim().to_string()))
    }

    /// A date as `2026-12-01`.
    pub(super) fn date(&mut self, path: &Path, line: usize, value: &str) {
        let v = value.trim();
        let ok = v.len() == 10
            && v.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            })
            && (1..=12).contains(&v[5..7].parse::<u8>().unwrap_or(0))
            && (1..=31).contains(&v[8..10].parse::<u8>().unwrap_or(0));
        if !ok {
            self.error(path, line, format!("`{v}` is not a date like 2026-12-01"));
        }
    }
}

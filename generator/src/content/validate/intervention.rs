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
            let recognition = r.erkenningsniveau.as_ref().map(|l| l.trim().to_string());
            if let (Some(level), Some(source)) = (&recognition, source)
                && !source.levels().contains(&level.as_str())
            {
                let allowed = if source.levels().is_empty() {
                    "this source has no levels; leave it out".to_string()
                } else {
                    format!("expected one of: {}", source.levels().join(", "))
                };
                self.error(
                    p.path(),
                    p.line("erkenningsniveau"),
                    format!("`{level}` is not a recognition level of this source; {allowed}"),
                );
            }
            let external_url = match &r.url {
                Some(url) => {
                    self.https(p.path(), p.line("url"), url);
                    Some(url.clone())
                }
                None => source
                    .and_then(|s| self.databanks.get(s.key()))
                    .map(|(_, search)| search.clone()),
            };
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
                    external_url,
                    rel_path: p.file.rel_path.clone(),
                    body,
                },
                at,
            ));
        }
        out.sort_by_key(|a| a.0.name.to_lowercase());
        out
    }
}

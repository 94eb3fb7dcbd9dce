//! `site.yaml`: the settings every page uses.

use super::*;

impl Validator<'_> {
    pub(super) fn site_config(&mut self, p: Parsed<RawSite>) -> Option<SiteConfig> {
        let r = &p.raw;
        for key in ["nji", "gezonde-school"] {
            if !r.databanken.contains_key(key) {
                self.error(
                    p.path(),
                    p.line("databanken"),
                    format!("`databanken` needs an entry `{key}`"),
                );
            }
        }
        for (key, bank) in &r.databanken {
            if Source::parse(key).is_none() {
                self.error(
                    p.path(),
                    p.line(&format!("databanken.{key}")),
                    format!("unknown databank `{key}`: expected nji or gezonde-school"),
                );
            }
            self.https(
                p.path(),
                p.line(&format!("databanken.{key}.zoekpagina")),
                &bank.zoekpagina,
            );
        }
        self.https(p.path(), p.line("adres"), &r.adres);
        self.date(p.path(), p.line("versie"), &r.versie);
        if r.interventievragen.len() != site_data::PLAN_QUESTIONS {
            self.error(
                p.path(),
                p.line("interventievragen"),
                format!(
                    "`interventievragen` must hold exactly {} questions (it has {}): the plan van aanpak answers each",
                    site_data::PLAN_QUESTIONS,
                    r.interventievragen.len()
                ),
            );
        }
        let config = SiteConfig {
            title: self.text(&p, "titel", &r.titel),
            tagline: self.text(&p, "ondertitel", &r.ondertitel),
            language: self.text(&p, "taal", &r.taal),
            address: r.adres.trim().to_string(),
            version: r.versie.trim().to_string(),
            reference_date: self.text(&p, "ijkdatum", &r.ijkdatum),
            tip: self.yaml_markdown(&p, "tip", &r.tip),
            print_origin: self.yaml_markdown(&p, "printblok.herkomst", &r.printblok.herkomst),
            print_basis: self.yaml_markdown(
                &p,
                "printblok.onderbouwing",
                &r.printblok.onderbouwing,
            ),
            print_selection: self.yaml_markdown(&p, "printblok.selectie", &r.printblok.selectie),
            booklet_intro: self.yaml_markdown(&p, "boekje_inleiding", &r.boekje_inleiding),
            intervention_questions: r
                .interventievragen
                .iter()
                .enumerate()
                .map(|(i, q)| self.text(&p, &format!("interventievragen[{i}]"), q))
                .collect(),
            contact_organisation: self.text(&p, "contact.organisatie", &r.contact.organisatie),
            contact_email: self.text(&p, "contact.email", &r.contact.email),
            colophon: Colophon {
                developed_by: r.colofon.ontwikkeld_door.clone(),
                in_cooperation_with: r.colofon.in_samenwerking_met.clone(),
                text_and_content: r.colofon.tekst_en_inhoud.clone(),
                design_and_build: r.colofon.beeld_en_realisatie.clone(),
                project_team: r
                    .colofon
                    .projectteam
                    .iter()
                    .map(|m| (m.naam.clone(), m.organisatie.clone()))
                    .collect(),
                advisory_group: r.colofon.adviesgroep.clone(),
                funding: r.colofon.financiering.clone(),
            },
            nji_search: r
                .databanken
                .get("nji")
                .map(|b| b.zoekpagina.clone())
                .unwrap_or_default(),
        };
        self.databanks = r
            .databanken
            .iter()
            .map(|(k, b)| (k.clone(), (b.naam.clone(), b.zoekpagina.clone())))
            .collect();
        Some(config)
    }
}

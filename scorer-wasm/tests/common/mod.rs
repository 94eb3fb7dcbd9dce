//! A small site with the 8 real domain titles, for the scorer's tests.
#![allow(dead_code)]

use site_data::*;

pub const TITLES: [&str; 8] = [
    "Onderwijs en maatschappij",
    "Schoolklimaat",
    "Thuissituatie",
    "Sensitief doceren",
    "Relatie met klasgenoten",
    "Mentaal kapitaal",
    "Leervaardigheden, motivatie & toekomstperspectief",
    "Samenwerking",
];

pub fn data() -> SiteData {
    SiteData {
        version: DATA_VERSION,
        site_title: "Wegwijzer".into(),
        domains: TITLES
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let n = i as u8 + 1;
                DomainData {
                    number: n,
                    title: t.to_string(),
                    summary: format!("Over {t}."),
                    url: format!("domeinen/{n}.html"),
                    not_well_html: "<p>niet goed</p>".into(),
                    well_html: "<p>wel goed</p>".into(),
                    recommendations: vec![RecommendationData {
                        number: format!("{n}.1"),
                        anchor: format!("aanbeveling-{n}-1"),
                        text_html: format!("Doe iets aan <strong>{n}</strong>"),
                        inspiration_html: if n == 3 {
                            vec!["<p>Een school belt.</p>".into()]
                        } else {
                            vec![]
                        },
                        interventions: if n == 3 {
                            vec![InterventionUse {
                                id: "mazl".into(),
                                note_html: "Gesprekken.".into(),
                                secondary: true,
                            }]
                        } else {
                            vec![]
                        },
                        footnote_html: (n == 3).then(|| "Geen hoofddoel.".into()),
                    }],
                }
            })
            .collect(),
        interventions: vec![InterventionData {
            id: "mazl".into(),
            name: "MAZL".into(),
            source: "NJi".into(),
            recognition: None,
            url: "interventies/mazl.html".into(),
            external_url: None,
        }],
    }
}

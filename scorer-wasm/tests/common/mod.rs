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
        domains: TITLES
            .iter()
            .enumerate()
            .map(|(i, t)| DomainData {
                number: i as u8 + 1,
                title: t.to_string(),
            })
            .collect(),
    }
}

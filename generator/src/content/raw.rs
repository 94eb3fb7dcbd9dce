//! Front matter exactly as written, before any checks beyond its shape.
//! Unknown keys are rejected here, so a typo never silently drops text.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub titel: String,
    pub ondertitel: String,
    pub taal: String,
    /// The public address, printed on PDFs.
    pub adres: String,
    /// The content's version: the date of its last change, never the
    /// build's clock, so the same content always builds the same site.
    pub versie: String,
    pub ijkdatum: String,
    /// The tip block on every domain page (Markdown).
    pub tip: String,
    /// The questions to ask when choosing an intervention (handleiding and rapport).
    pub interventievragen: Vec<String>,
    /// The closing block of printed domain pages.
    pub printblok: RawPrintBlock,
    /// The short introduction that opens the booklet (Markdown).
    pub boekje_inleiding: String,
    pub contact: RawContact,
    pub colofon: RawColophon,
    /// Search pages of the intervention databanks, by source key.
    pub databanken: BTreeMap<String, RawDatabank>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrintBlock {
    /// What the Wegwijzer is, after "this page comes from …" (Markdown).
    pub herkomst: String,
    pub onderbouwing: String,
    pub selectie: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub organisatie: String,
    pub email: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawColophon {
    pub ontwikkeld_door: String,
    pub in_samenwerking_met: String,
    pub tekst_en_inhoud: Vec<String>,
    pub beeld_en_realisatie: String,
    pub projectteam: Vec<RawPerson>,
    pub adviesgroep: Vec<String>,
    pub financiering: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub naam: String,
    pub organisatie: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDatabank {
    pub naam: String,
    pub zoekpagina: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDomain {
    pub nummer: i64,
    pub titel: String,
    pub samenvatting: String,
    pub niet_goed: String,
    pub wel_goed: String,
    pub aanbevelingen: Vec<RawRecommendation>,
    /// Where the text comes from, when not from a printed Wegwijzer page.
    #[serde(default)]
    pub herkomst: Option<String>,
    /// The two extremes in words for leerlingen and for ouders.
    #[serde(default)]
    pub perspectieven: Option<RawPerspectives>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerspectives {
    pub leerling: RawExtremes,
    pub ouder: RawExtremes,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtremes {
    pub niet_goed: String,
    pub wel_goed: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecommendation {
    pub nummer: String,
    pub tekst: String,
    pub inspiratie: Vec<String>,
    pub interventies: Vec<RawInterventionUse>,
    #[serde(default)]
    pub voetnoot: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInterventionUse {
    #[serde(rename = "ref")]
    pub reference: String,
    pub toelichting: String,
    /// The asterisk on the printed page: serves this recommendation, but not as main aim.
    #[serde(default)]
    pub bijrol: bool,
    /// Where a domain has no printed page: the intervention's own databank
    /// page that supports this fit.
    #[serde(default)]
    pub onderbouwing: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIntervention {
    pub naam: String,
    pub bron: String,
    #[serde(default)]
    pub bron_naam: Option<String>,
    /// As the databank states it; or `niet_gevonden` says why there is none.
    #[serde(default)]
    pub erkenning: Option<RawRecognition>,
    #[serde(default)]
    pub niet_gevonden: Option<String>,
    #[serde(default)]
    pub doelgroep: Option<String>,
    #[serde(default)]
    pub doel: Option<String>,
    #[serde(default)]
    pub duur: Option<String>,
    #[serde(default)]
    pub kosten: Option<String>,
    /// The intervention's own page at its databank.
    #[serde(default)]
    pub url: Option<String>,
    /// Where the facts above were read, and when.
    #[serde(default)]
    pub feiten: Option<RawFacts>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecognition {
    pub niveau: String,
    pub datum: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFacts {
    #[serde(default)]
    pub bron: Option<String>,
    pub gecontroleerd: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub titel: String,
    pub samenvatting: String,
}

/// `mirror.yaml` of an overlay: who hosts this copy, and how it looks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMirror {
    pub organisatie: String,
    /// `school` or `regio`: names the box of local notes.
    pub soort: String,
    /// A file in the overlay folder: SVG or PNG.
    #[serde(default)]
    pub logo: Option<String>,
    #[serde(default)]
    pub accentkleur: Option<String>,
    pub contact: Vec<RawMirrorContact>,
    /// The mirror's own public address.
    #[serde(default)]
    pub adres: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMirrorContact {
    #[serde(default)]
    pub naam: Option<String>,
    pub rol: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub telefoon: Option<String>,
}

/// An overlay's own offer (`interventies/<new id>.md`): never a databank level.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocalOffer {
    pub naam: String,
    /// Who offers it, e.g. the GGD or the samenwerkingsverband.
    pub aanbieder: String,
    #[serde(default)]
    pub doelgroep: Option<String>,
    #[serde(default)]
    pub doel: Option<String>,
    #[serde(default)]
    pub duur: Option<String>,
    #[serde(default)]
    pub kosten: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The recommendations it serves, e.g. `["3.2"]`: shown there, marked
    /// as local.
    #[serde(default)]
    pub aanbevelingen: Vec<String>,
}

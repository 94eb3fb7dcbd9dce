//! The data the generator writes for the traject pages and the scorer reads.
//!
//! This is the only definition of that contract: the generator serialises a
//! [`SiteData`] into `assets/site-data.js`, the scorer deserialises the same
//! type. HTML fragments are already rendered and sanitised by the generator;
//! their links are relative to the site root, so pages that show them must
//! live in the root folder of `dist/`.

use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning, so a stale cached data file is
/// recognised instead of misread.
pub const DATA_VERSION: u32 = 1;

/// The global the data file assigns, read by the page loader.
pub const GLOBAL_NAME: &str = "WEGWIJZER_DATA";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteData {
    pub version: u32,
    pub site_title: String,
    pub domains: Vec<DomainData>,
    pub interventions: Vec<InterventionData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainData {
    /// 1–8, the domain's fixed number.
    pub number: u8,
    pub title: String,
    pub summary: String,
    /// Root-relative URL of the domain page.
    pub url: String,
    pub not_well_html: String,
    pub well_html: String,
    pub recommendations: Vec<RecommendationData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommendationData {
    /// As printed, e.g. "3.1".
    pub number: String,
    /// The anchor on the domain page, e.g. "aanbeveling-3-1".
    pub anchor: String,
    pub text_html: String,
    pub inspiration_html: Vec<String>,
    pub interventions: Vec<InterventionUse>,
    pub footnote_html: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterventionUse {
    /// Id of an entry in [`SiteData::interventions`].
    pub id: String,
    /// Which part of the intervention serves this recommendation.
    pub note_html: String,
    /// Marked with an asterisk: serves the recommendation, though not as its main aim.
    pub secondary: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterventionData {
    pub id: String,
    pub name: String,
    pub source: String,
    pub recognition: Option<String>,
    /// Root-relative URL of the intervention's own page.
    pub url: String,
    /// Where the intervention is described at its source, when known.
    pub external_url: Option<String>,
}

impl SiteData {
    pub fn domain(&self, number: u8) -> Option<&DomainData> {
        self.domains.iter().find(|d| d.number == number)
    }

    pub fn intervention(&self, id: &str) -> Option<&InterventionData> {
        self.interventions.iter().find(|i| i.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SiteData {
        SiteData {
            version: DATA_VERSION,
            site_title: "Wegwijzer".into(),
            domains: vec![DomainData {
                number: 3,
                title: "Thuissituatie".into(),
                summary: "Ouders en school.".into(),
                url: "domeinen/thuissituatie.html".into(),
                not_well_html: "<p>a</p>".into(),
                well_html: "<p>b</p>".into(),
                recommendations: vec![RecommendationData {
                    number: "3.1".into(),
                    anchor: "aanbeveling-3-1".into(),
                    text_html: "<p>t</p>".into(),
                    inspiration_html: vec![],
                    interventions: vec![InterventionUse {
                        id: "mazl".into(),
                        note_html: "<p>n</p>".into(),
                        secondary: false,
                    }],
                    footnote_html: None,
                }],
            }],
            interventions: vec![InterventionData {
                id: "mazl".into(),
                name: "MAZL".into(),
                source: "NJi".into(),
                recognition: None,
                url: "interventies/mazl.html".into(),
                external_url: Some("https://example.org".into()),
            }],
        }
    }

    #[test]
    fn round_trips_through_json() {
        let data = sample();
        let json = serde_json::to_string(&data).unwrap();
        let back: SiteData = serde_json::from_str(&json).unwrap();
        assert_eq!(back, data);
        assert_eq!(back.domain(3).unwrap().title, "Thuissituatie");
        assert!(back.domain(4).is_none());
        assert_eq!(back.intervention("mazl").unwrap().name, "MAZL");
    }

    #[test]
    fn rejects_unknown_fields() {
        let json = serde_json::to_string(&sample()).unwrap().replacen(
            "\"version\"",
            "\"extra\":1,\"version\"",
            1,
        );
        assert!(serde_json::from_str::<SiteData>(&json).is_err());
    }
}

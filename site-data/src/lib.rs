//! The data the generator writes for the traject pages and the scorer reads.
//!
//! This is the only definition of that contract: the generator serialises a
//! [`SiteData`] into `assets/site-data.js`, the scorer deserialises the same
//! type. HTML fragments are already rendered and sanitised by the generator;
//! their links are relative to the site root, so pages that show them must
//! live in the root folder of `dist/`.

use serde::{Deserialize, Serialize};

pub mod json;

/// Escapes text for HTML, in content and attributes alike. The generator's
/// templates and the scorer's rendering share this one definition.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

use json::Value;

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

/// Why the data file could not be read in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

fn field<'a>(v: &'a Value, key: &str) -> Result<&'a Value, DataError> {
    v.get(key)
        .ok_or_else(|| DataError(format!("missing field `{key}`")))
}

fn text(v: &Value, key: &str) -> Result<String, DataError> {
    field(v, key)?
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| DataError(format!("`{key}` is not a string")))
}

fn opt_text(v: &Value, key: &str) -> Result<Option<String>, DataError> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => text(v, key).map(Some),
    }
}

fn list<'a>(v: &'a Value, key: &str) -> Result<&'a [Value], DataError> {
    field(v, key)?
        .as_array()
        .ok_or_else(|| DataError(format!("`{key}` is not a list")))
}

fn texts(v: &Value, key: &str) -> Result<Vec<String>, DataError> {
    list(v, key)?
        .iter()
        .map(|s| {
            s.as_str()
                .map(str::to_string)
                .ok_or_else(|| DataError(format!("`{key}` holds a non-string")))
        })
        .collect()
}

fn number(v: &Value, key: &str) -> Result<u64, DataError> {
    field(v, key)?
        .as_i64()
        .and_then(|n| u64::try_from(n).ok())
        .ok_or_else(|| DataError(format!("`{key}` is not a whole number")))
}

impl SiteData {
    /// Reads the JSON the generator wrote, without serde: this runs in the
    /// browser, where serde_json's size does not fit the budget.
    pub fn from_json(text_in: &str) -> Result<SiteData, DataError> {
        let v = json::parse(text_in)
            .map_err(|e| DataError(format!("not JSON at {}:{}", e.line, e.column)))?;
        let version = number(&v, "version")? as u32;
        if version != DATA_VERSION {
            return Err(DataError(format!(
                "data version {version}, expected {DATA_VERSION}"
            )));
        }
        let domains = list(&v, "domains")?
            .iter()
            .map(|d| {
                Ok(DomainData {
                    number: u8::try_from(number(d, "number")?)
                        .map_err(|_| DataError("domain number too large".into()))?,
                    title: text(d, "title")?,
                    summary: text(d, "summary")?,
                    url: text(d, "url")?,
                    not_well_html: text(d, "not_well_html")?,
                    well_html: text(d, "well_html")?,
                    recommendations: list(d, "recommendations")?
                        .iter()
                        .map(|r| {
                            Ok(RecommendationData {
                                number: text(r, "number")?,
                                anchor: text(r, "anchor")?,
                                text_html: text(r, "text_html")?,
                                inspiration_html: texts(r, "inspiration_html")?,
                                interventions: list(r, "interventions")?
                                    .iter()
                                    .map(|u| {
                                        Ok(InterventionUse {
                                            id: text(u, "id")?,
                                            note_html: text(u, "note_html")?,
                                            secondary: field(u, "secondary")?
                                                .as_bool()
                                                .ok_or_else(|| {
                                                    DataError("`secondary` is not a boolean".into())
                                                })?,
                                        })
                                    })
                                    .collect::<Result<_, DataError>>()?,
                                footnote_html: opt_text(r, "footnote_html")?,
                            })
                        })
                        .collect::<Result<_, DataError>>()?,
                })
            })
            .collect::<Result<_, DataError>>()?;
        let interventions = list(&v, "interventions")?
            .iter()
            .map(|i| {
                Ok(InterventionData {
                    id: text(i, "id")?,
                    name: text(i, "name")?,
                    source: text(i, "source")?,
                    recognition: opt_text(i, "recognition")?,
                    url: text(i, "url")?,
                    external_url: opt_text(i, "external_url")?,
                })
            })
            .collect::<Result<_, DataError>>()?;
        Ok(SiteData {
            version,
            site_title: text(&v, "site_title")?,
            domains,
            interventions,
        })
    }

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
    fn the_browser_reader_agrees_with_serde() {
        let data = sample();
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(SiteData::from_json(&json).unwrap(), data);
        let mut other = data.clone();
        other.domains[0].recommendations[0].footnote_html = Some("<p>*</p>".into());
        other.interventions[0].recognition = Some("goed onderbouwd".into());
        other.interventions[0].external_url = None;
        let json = serde_json::to_string_pretty(&other).unwrap();
        assert_eq!(SiteData::from_json(&json).unwrap(), other);
    }

    #[test]
    fn the_browser_reader_says_what_is_wrong() {
        assert_eq!(
            SiteData::from_json("{").unwrap_err(),
            DataError("not JSON at 1:2".into())
        );
        let json = serde_json::to_string(&sample())
            .unwrap()
            .replace("\"version\":1", "\"version\":9");
        assert_eq!(
            SiteData::from_json(&json).unwrap_err(),
            DataError("data version 9, expected 1".into())
        );
        let json = serde_json::to_string(&sample())
            .unwrap()
            .replace("\"title\":\"Thuissituatie\"", "\"title\":3");
        assert_eq!(
            SiteData::from_json(&json).unwrap_err(),
            DataError("`title` is not a string".into())
        );
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

//! A team's scores per domain, checked against the domains the site has.

use crate::score::Score;
use site_data::SiteData;
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DomainScores {
    scores: BTreeMap<u8, Score>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoresError {
    UnknownDomain(u8),
}

impl std::fmt::Display for ScoresError {
    // Dutch: shown to the team, e.g. when an imported file names a domain we do not have.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoresError::UnknownDomain(n) => {
                write!(f, "Domein {n} bestaat niet in deze Wegwijzer.")
            }
        }
    }
}

impl DomainScores {
    pub fn set(&mut self, data: &SiteData, domain: u8, score: Score) -> Result<(), ScoresError> {
        if data.domain(domain).is_none() {
            return Err(ScoresError::UnknownDomain(domain));
        }
        self.scores.insert(domain, score);
        Ok(())
    }

    pub fn get(&self, domain: u8) -> Option<Score> {
        self.scores.get(&domain).copied()
    }

    /// "5 van 8 gescoord": answered domains, *weet niet* included.
    pub fn progress(&self, data: &SiteData) -> (usize, usize) {
        (self.scores.len(), data.domains.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use site_data::{DomainData, SiteData, DATA_VERSION};

    fn data() -> SiteData {
        let domain = |number: u8| DomainData {
            number,
            title: format!("Domein {number}"),
            summary: String::new(),
            url: format!("domeinen/{number}.html"),
            not_well_html: String::new(),
            well_html: String::new(),
            recommendations: vec![],
        };
        SiteData {
            version: DATA_VERSION,
            site_title: "Wegwijzer".into(),
            domains: (1..=8).map(domain).collect(),
            interventions: vec![],
        }
    }

    #[test]
    fn keeps_scores_for_known_domains_only() {
        let data = data();
        let mut s = DomainScores::default();
        s.set(&data, 3, Score::Value(4)).unwrap();
        s.set(&data, 8, Score::DontKnow).unwrap();
        s.set(&data, 3, Score::Value(6)).unwrap();
        assert_eq!(s.get(3), Some(Score::Value(6)));
        assert_eq!(s.progress(&data), (2, 8));
        let err = s.set(&data, 9, Score::Value(5)).unwrap_err();
        assert_eq!(err.to_string(), "Domein 9 bestaat niet in deze Wegwijzer.");
        assert_eq!(s.get(9), None);
    }
}

//! The data file the scorer reads: one contract, defined in `site-data`.

use super::{OutputFile, RenderError, Renderer, urls};
use site_data::{DomainData, SiteData, assets};

impl Renderer<'_> {
    /// What the scorer reads: each domain's number and title.
    pub fn site_data(&self) -> SiteData {
        SiteData {
            version: site_data::DATA_VERSION,
            domains: self
                .site
                .domains
                .iter()
                .map(|d| DomainData {
                    number: d.number,
                    title: d.title.clone(),
                })
                .collect(),
        }
    }

    /// A classic script that sets one global, so `file://` pages can load it
    /// without `fetch()`.
    pub(super) fn data_file(&self) -> Result<OutputFile, RenderError> {
        let json = serde_json::to_string(&self.site_data())
            .map_err(|e| RenderError::new(assets::DATA_JS, e.to_string()))?;
        Ok(OutputFile {
            path: format!("{}/{}", urls::ASSETS, assets::DATA_JS),
            bytes: SiteData::to_script(&json).into_bytes(),
        })
    }
}

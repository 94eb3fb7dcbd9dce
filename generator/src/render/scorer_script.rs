//! The one script a traject page loads for the scorer: the site data (one
//! contract, defined in `site-data`), wasm-bindgen's glue and the module as
//! base64. One classic script, asked for in the page's head and run before
//! DOMContentLoaded, over http(s) and from `file://` alike: the scorer starts
//! without a second round trip.

use super::{OutputFile, RenderError, Renderer, ScorerModule, urls};
use base64::Engine;
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

    /// The site data's line, the same in every module's script.
    pub(super) fn data_line(&self) -> Result<String, RenderError> {
        let json = serde_json::to_string(&self.site_data())
            .map_err(|e| RenderError::new(urls::ASSETS, e.to_string()))?;
        Ok(SiteData::to_script(&json))
    }

    /// `assets/<module.script>`: data, glue, then the module. The loader
    /// (`assets::LOADER_JS`, deferred after it) starts the scorer.
    pub(super) fn module_script(
        &self,
        data_line: &str,
        m: &ScorerModule,
    ) -> Result<OutputFile, RenderError> {
        let path = format!("{}/{}", urls::ASSETS, m.module.script);
        let glue = std::str::from_utf8(&m.glue)
            .map_err(|_| RenderError::new(&path, format!("{} is not UTF-8", m.module.glue_js)))?;
        let mut js = format!(
            "// The Wegwijzer's scorer for {}: site data, wasm-bindgen glue, module.\n",
            m.module.pages.join(", ")
        );
        js.push_str(data_line);
        js.push_str(glue);
        if !glue.ends_with('\n') {
            js.push('\n');
        }
        js.push_str(&format!(
            "window.{} = \"{}\";\n",
            assets::WASM_GLOBAL,
            base64::engine::general_purpose::STANDARD.encode(&m.wasm)
        ));
        Ok(OutputFile {
            path,
            bytes: js.into_bytes(),
        })
    }
}

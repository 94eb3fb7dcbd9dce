//! What every page shares: the site header, the domain navigation and the
//! footer (the theme's `site-header.html`, `domain-nav.html` and
//! `site-footer.html`), rendered once per folder depth and navigation
//! address and handed to `base.html` as `chrome`. Rendered per page, they
//! took four fifths of Tera's time in a build of 5,000 interventions.

use super::{RenderError, Renderer, error_chain, urls};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const PARTS: [&str; 3] = ["site-header.html", "domain-nav.html", "site-footer.html"];

#[derive(Debug, Serialize)]
pub(super) struct Chrome {
    header: String,
    domain_nav: String,
    footer: String,
}

/// Rendered chrome by (root, navigation address), shared by the threads
/// that render pages.
#[derive(Default)]
pub(super) struct ChromeCache(Mutex<HashMap<(String, String), Arc<Chrome>>>);

impl Renderer<'_> {
    /// The chrome of the page at `path`.
    pub(super) fn chrome(&self, path: &str) -> Result<Arc<Chrome>, RenderError> {
        let key = (urls::root_of(path), nav_address(path).to_string());
        let cached = self
            .chrome
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        if let Some(chrome) = cached {
            return Ok(chrome);
        }
        let ctx = self.shared_context(&key.0, &key.1);
        let part = |template: &str| {
            self.tera
                .render(template, &ctx)
                .map(|html| html.trim_start_matches('\n').trim_end().to_string())
                .map_err(|e| RenderError::new(format!("{path} ({template})"), error_chain(&e)))
        };
        let [header, domain_nav, footer] = PARTS;
        let chrome = Arc::new(Chrome {
            header: part(header)?,
            domain_nav: part(domain_nav)?,
            footer: part(footer)?,
        });
        // Two threads may both have rendered it; either copy is the same.
        let mut cache = self.chrome.0.lock().unwrap_or_else(|e| e.into_inner());
        Ok(cache.entry(key).or_insert(chrome).clone())
    }
}

/// The address a navigation link may point at: the page's own, except on an
/// intervention's page (thousands of them, none in any menu), which all
/// share one chrome per depth.
fn nav_address(path: &str) -> &str {
    if urls::is_intervention(path) {
        ""
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_intervention_pages_lose_their_own_address() {
        assert_eq!(nav_address("interventies/kanjertraining.html"), "");
        assert_eq!(nav_address(urls::INTERVENTIONS), urls::INTERVENTIONS);
        assert_eq!(
            nav_address("domeinen/thuissituatie.html"),
            "domeinen/thuissituatie.html"
        );
        assert_eq!(nav_address("privacy.html"), "privacy.html");
    }
}

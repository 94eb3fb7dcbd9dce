//! The scorer as a traject page carries it: two inline scripts last in
//! `<body>`, the module's (the site data, one contract defined in
//! `site-data`; wasm-bindgen's glue; the module as base64) and the theme's
//! loader. They run as the parser reaches them, over http(s) and from
//! `file://` alike: no request to wait for, so a new tab's first layout
//! does not come between the page and its scorer. Each inline script's
//! sha256 goes into the page's CSP.

use super::{RenderError, Renderer, ScorerModule, csp, urls};
use crate::theme::STATIC_DIR;
use base64::Engine;
use site_data::{DomainData, SiteData, assets};

/// What a traject page's template writes into its CSP's `script-src`; the
/// generator replaces it with the digests of the page's inline scripts.
pub(super) const CSP_PLACEHOLDER: &str = " 'sha256-INLINE-SCRIPTS'";

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

    /// A module's inline script: data, glue, then the module. The loader,
    /// written after it, starts the scorer.
    pub(super) fn module_script(
        &self,
        data_line: &str,
        m: &ScorerModule,
    ) -> Result<String, RenderError> {
        let glue = std::str::from_utf8(&m.glue)
            .map_err(|_| RenderError::new(m.module.glue_js, "not UTF-8"))?;
        let mut js = format!(
            "\n// The Wegwijzer's scorer for {}: site data, wasm-bindgen glue, module.\n",
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
        inline_safe(m.module.glue_js, js)
    }

    /// The theme's loader (`static/scorer.js`), as the pages write it.
    pub(super) fn loader_script(&self) -> Result<String, RenderError> {
        let rel = loader_path();
        let bytes = self
            .theme
            .read(&rel)
            .map_err(|e| RenderError::new(&rel, e.to_string()))?;
        let text = String::from_utf8(bytes.into_owned())
            .map_err(|_| RenderError::new(&rel, "not UTF-8"))?;
        inline_safe(&rel, text)
    }
}

/// The loader's place in the theme; inlined, so not copied to `assets/`.
pub(super) fn loader_path() -> String {
    format!("{STATIC_DIR}/{}", assets::LOADER_JS)
}

/// A script's text as it can stand between `<script>` and `</script>`:
/// the HTML parser ends it at the first `</script` and reads `<!--` and
/// `<script` inside it in ways no script expects.
fn inline_safe(name: &str, text: String) -> Result<String, RenderError> {
    let lower = text.to_ascii_lowercase();
    for bad in ["</script", "<!--", "<script"] {
        if lower.contains(bad) {
            return Err(RenderError::new(
                name,
                format!("cannot be written inline in a page: it contains `{bad}`"),
            ));
        }
    }
    Ok(text)
}

/// `html` with [`CSP_PLACEHOLDER`] replaced by `'sha256-…'` of each inline
/// script, as a browser hashes it: the exact text between the tags.
pub(super) fn with_script_hashes(path: &str, html: &str) -> Result<String, RenderError> {
    let hashes: String = csp::inline_texts(html, "script")
        .map(|text| format!(" {}", csp::source_hash(text)))
        .collect();
    if !html.contains(CSP_PLACEHOLDER) {
        return Err(RenderError::new(
            path,
            "the page's Content-Security-Policy lacks `{{ csp_scripts }}` in script-src, so its inline scorer would be blocked",
        ));
    }
    Ok(html.replacen(CSP_PLACEHOLDER, &hashes, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_every_inline_script_and_no_external_one() {
        let html = format!(
            "<meta content=\"script-src 'self'{CSP_PLACEHOLDER}\"><script defer src=\"a.js\"></script><script>alert('Hello, world.');</script><script data-x=\"1\">\n</script>"
        );
        let out = with_script_hashes("p.html", &html).unwrap();
        // The CSP spec's own example: sha256 of `alert('Hello, world.');`;
        // then sha256 of "\n".
        assert!(
            out.starts_with(
                "<meta content=\"script-src 'self' 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=' 'sha256-AbpHGcgLb+kRsJGnwFEktk7uzpZOCcBY74+YBdrKVGs='\">"
            ),
            "{out}"
        );
    }

    #[test]
    fn a_page_without_the_placeholder_is_an_error_not_a_blocked_scorer() {
        let e = with_script_hashes("scoren.html", "<script>x()</script>").unwrap_err();
        assert_eq!(e.path, "scoren.html");
        assert!(e.message.contains("csp_scripts"), "{}", e.message);
    }

    #[test]
    fn text_that_would_end_or_bend_the_script_element_is_refused() {
        for bad in ["a</SCRIPT>b", "x = '<!--'", "y = '<Script>'"] {
            let e = inline_safe("glue.js", bad.into()).unwrap_err();
            assert!(e.message.contains("cannot be written inline"), "{bad}");
        }
        assert_eq!(inline_safe("g", "a < b".into()).unwrap(), "a < b");
    }
}

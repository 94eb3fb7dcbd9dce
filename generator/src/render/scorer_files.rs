//! The scorer as its pages load it: each build (site-data's
//! `assets::BUILDS`) written once into `assets/` under names with the
//! digest of its content, shared by every page of the build and cached by
//! the browser across pages: a classic script with the site data,
//! wasm-bindgen's glue and the theme's loader, the module itself (compiled
//! as it streams in over http(s)) and, for `file://` only, the module in
//! base64 as a classic script; and once for both builds the theme's starter
//! (`scorer-start.js`), under its digest too. No inline script: the pages'
//! CSP stays `script-src 'self' 'wasm-unsafe-eval'`.

use super::{OutputFile, RenderError, Renderer, ScorerBuildFiles, urls};
use base64::Engine;
use site_data::assets::{self, File};
use site_data::{DomainData, SiteData};
use xxhash_rust::xxh3::xxh3_64;

/// The loader's place in the theme; written into the builds' scripts.
fn loader_path() -> String {
    format!("{}/{}", crate::theme::STATIC_DIR, assets::LOADER_JS)
}

/// The starter's place in the theme; written under its digest
/// ([`assets::start_file`]).
fn start_path() -> String {
    format!("{}/{}", crate::theme::STATIC_DIR, assets::START_JS)
}

/// Whether the theme's static file `rel` is written here, with the
/// scorer, instead of copied to `assets/` under its own name.
pub(super) fn written_with_scorer(rel: &str) -> bool {
    rel == loader_path() || rel == start_path()
}

/// A digest of `bytes` as file names carry it.
fn digest_of(bytes: &[u8]) -> String {
    format!("{:0width$x}", xxh3_64(bytes), width = assets::DIGEST_LEN)
}

/// Where a build's files are, for the templates of its pages.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ScorerFiles {
    /// The theme's `scorer-start.js` under its digest, which asks for
    /// `script` once the page is painted; one file for both builds.
    pub start: String,
    /// The site data, glue and loader (`assets/…js`), shared by every page
    /// of the build.
    pub script: String,
    /// The module, fetched over http(s).
    pub wasm: String,
    /// The module in base64, loaded from `file://` only.
    pub file_script: String,
    pub wasm_global: &'static str,
    pub data_global: &'static str,
    pub compiling_global: &'static str,
}

impl Renderer<'_> {
    /// The theme's starter, as written to `assets/` under its digest.
    pub(super) fn scorer_start(&self) -> Result<OutputFile, RenderError> {
        let bytes = self.script_code(&start_path())?.into_bytes();
        let name = assets::start_file(&digest_of(&bytes));
        Ok(OutputFile {
            path: format!("{}/{name}", urls::ASSETS),
            bytes,
        })
    }

    /// The theme's loader (`static/scorer.js`), written at the end of each
    /// build's script, so one digest-named file starts the scorer.
    fn loader(&self) -> Result<String, RenderError> {
        self.script_code(&loader_path())
    }

    /// The theme's script `rel` without its comment lines, which are for
    /// the next developer, not for every visitor's first load.
    fn script_code(&self, rel: &str) -> Result<String, RenderError> {
        let bytes = self
            .theme
            .read(rel)
            .map_err(|e| RenderError::new(rel, e.to_string()))?;
        let text = String::from_utf8(bytes.into_owned())
            .map_err(|_| RenderError::new(rel, "not UTF-8"))?;
        Ok(without_comment_lines(&text))
    }

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

    /// One build's three files and their addresses in `assets/`; `start`
    /// is the starter's address ([`Self::scorer_start`]).
    pub(super) fn scorer_files(
        &self,
        b: &ScorerBuildFiles,
        start: &str,
    ) -> Result<(ScorerFiles, Vec<OutputFile>), RenderError> {
        let json = serde_json::to_string(&self.site_data())
            .map_err(|e| RenderError::new(urls::ASSETS, e.to_string()))?;
        let glue = std::str::from_utf8(&b.glue)
            .map_err(|_| RenderError::new(b.build.glue_js, "not UTF-8"))?;
        let loader = self.loader()?;
        let mut script = format!(
            "// The Wegwijzer's scorer, the {} build: site data, wasm-bindgen's glue, the loader.\n",
            b.build.name
        );
        script.push_str(&SiteData::to_script(&json));
        script.push_str(glue);
        if !glue.ends_with('\n') {
            script.push('\n');
        }
        script.push_str(&loader);
        // One digest for all three: they only ever go together.
        let mut all = script.clone().into_bytes();
        all.extend_from_slice(&b.wasm);
        let digest = digest_of(&all);
        let file_script = format!(
            "window.{} = \"{}\";\n",
            assets::WASM_GLOBAL,
            base64::engine::general_purpose::STANDARD.encode(&b.wasm)
        );
        let path = |f: File| format!("{}/{}", urls::ASSETS, b.build.file(&digest, f));
        let files = ScorerFiles {
            start: start.to_string(),
            script: path(File::Script),
            wasm: path(File::Wasm),
            file_script: path(File::FileScript),
            wasm_global: assets::WASM_GLOBAL,
            data_global: assets::DATA_GLOBAL,
            compiling_global: assets::COMPILING_GLOBAL,
        };
        let out = vec![
            OutputFile {
                path: files.script.clone(),
                bytes: script.into_bytes(),
            },
            OutputFile {
                path: files.wasm.clone(),
                bytes: b.wasm.clone(),
            },
            OutputFile {
                path: files.file_script.clone(),
                bytes: file_script.into_bytes(),
            },
        ];
        Ok((files, out))
    }
}

/// `js` without its leading `/* … */` block and without the lines that
/// hold only a `//` comment; comments after code stay. No JS parser: a
/// line of a multi-line string or template literal that starts with `//`
/// would go too, so a theme's loader or starter must not hold one (the
/// theme's own have none; README, "Theme").
fn without_comment_lines(js: &str) -> String {
    let mut rest = js.trim_start();
    if let Some(block) = rest.strip_prefix("/*")
        && let Some(end) = block.find("*/")
    {
        rest = block[end + 2..].trim_start_matches(['\r', '\n']);
    }
    let mut out = String::with_capacity(rest.len());
    for line in rest.lines() {
        if !line.trim_start().starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_comment_lines;

    #[test]
    fn comment_lines_go_and_code_stays() {
        let js = "/* What this is.\n   Two lines. */\n(function () {\n  // why\n  var url = 'https://x/y'; // after code\n    // indented\n  return 1;\n})();\n";
        assert_eq!(
            without_comment_lines(js),
            "(function () {\n  var url = 'https://x/y'; // after code\n  return 1;\n})();\n"
        );
    }

    #[test]
    fn a_file_without_comments_is_unchanged() {
        let js = "var a = 1;\nvar b = '/*';\n";
        assert_eq!(without_comment_lines(js), js);
    }
}

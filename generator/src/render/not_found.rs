//! The 404 page, which a server may send for a missing page at any depth,
//! and the files an overlay adds to `assets/`.

use super::{OutputFile, RenderError, Renderer, csp, urls};

/// Placeholders in the 404 template's CSP, replaced by the digests of its
/// own inline style and script.
const STYLE_HASH: &str = "'sha256-STYLE'";
const SCRIPT_HASH: &str = "'sha256-SCRIPT'";

impl Renderer<'_> {
    /// Without a public address, the page cannot know where it is served:
    /// it carries its own styles and finds the way back with a small inline
    /// script; with an address, its links are absolute to it.
    pub(super) fn not_found_page(&self) -> Result<OutputFile, RenderError> {
        let mut ctx = self.context(urls::NOT_FOUND, "Pagina niet gevonden")?;
        // Top-level folders of the site, from which the script tells how
        // deep the missing page is.
        ctx.insert("folders", &["domeinen", "interventies", urls::ASSETS]);
        let mut file = self.render("404.html", urls::NOT_FOUND, &ctx)?;
        let html = String::from_utf8_lossy(&file.bytes).into_owned();
        let html = html
            .replace(STYLE_HASH, &inline_hash(&html, "style"))
            .replace(SCRIPT_HASH, &inline_hash(&html, "script"));
        file.bytes = html.into_bytes();
        Ok(file)
    }

    /// The overlay's logo and accent colour, as files in `assets/`.
    pub(super) fn mirror_files(&self) -> Vec<OutputFile> {
        let Some(m) = &self.site.mirror else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Some(logo) = &m.logo {
            out.push(OutputFile {
                path: format!("{}/{}", urls::ASSETS, logo.file_name),
                bytes: logo.bytes.clone(),
            });
        }
        if let Some(accent) = &m.accent {
            out.push(OutputFile {
                path: urls::MIRROR_CSS.to_string(),
                bytes: format!(
                    "/* The host's accent colour (mirror.yaml), checked for AA contrast. */\n:root {{ --brand: {accent}; }}\n"
                )
                .into_bytes(),
            });
        }
        out
    }
}

/// `'sha256-…'` of the first inline `<tag>` element's text, or `'none'`.
fn inline_hash(html: &str, tag: &str) -> String {
    csp::inline_texts(html, tag)
        .next()
        .map_or_else(|| "'none'".into(), csp::source_hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_the_inline_text_as_csp_does() {
        // The CSP spec's own example: sha256 of `alert('Hello, world.');`.
        assert_eq!(
            inline_hash("<script>alert('Hello, world.');</script>", "script"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
        assert_eq!(inline_hash("<p>no style</p>", "style"), "'none'");
    }
}

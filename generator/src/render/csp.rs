//! Content-Security-Policy sources for a page's own inline elements (the
//! 404 page's style and script, the traject pages' scorer): each allowed
//! by the sha256 of its exact text, as a browser hashes it.

use base64::Engine;
use sha2::{Digest, Sha256};

/// `'sha256-…'` of an inline element's text.
pub(super) fn source_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text))
    )
}

/// The text of every `<tag>` element in `html` that has no `src`.
pub(super) fn inline_texts<'a>(html: &'a str, tag: &'a str) -> impl Iterator<Item = &'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let at = rest.find(&open)?;
            let after = &rest[at + open.len()..];
            // `<scripts` is not a `<script`.
            if !after.starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
                rest = after;
                continue;
            }
            let tag_end = at + open.len() + after.find('>')? + 1;
            let attrs = &rest[at..tag_end];
            let body_end = tag_end + rest[tag_end..].find(&close)?;
            let text = &rest[tag_end..body_end];
            rest = &rest[body_end..];
            if !attrs.contains(" src=") {
                return Some(text);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_elements_only() {
        let html = "<scripts></scripts><script defer src=\"a.js\"></script><script>a()</script><script data-x=\"1\">\n</script><style>p{}</style>";
        assert_eq!(
            inline_texts(html, "script").collect::<Vec<_>>(),
            ["a()", "\n"]
        );
        assert_eq!(inline_texts(html, "style").collect::<Vec<_>>(), ["p{}"]);
        assert_eq!(inline_texts("<p>x</p>", "style").count(), 0);
    }
}

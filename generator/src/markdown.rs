//! Markdown → HTML with the site's rules: `@/` links become relative URLs,
//! headings get stable ids, and raw HTML is shown as text, never executed.

use crate::content::model::Markdown;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A link as an author wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `@/domeinen/03-thuissituatie.md#aanbeveling-3-2`
    Content {
        path: String,
        anchor: Option<String>,
    },
    /// `#stap-1`: an anchor on the page that shows this Markdown.
    SamePage(String),
    External,
    Invalid,
}

impl LinkTarget {
    pub fn parse(dest: &str) -> LinkTarget {
        if let Some(rest) = dest.strip_prefix("@/") {
            let (path, anchor) = match rest.split_once('#') {
                Some((p, a)) => (p, Some(a.to_string())),
                None => (rest, None),
            };
            LinkTarget::Content {
                path: path.to_string(),
                anchor,
            }
        } else if let Some(anchor) = dest.strip_prefix('#') {
            LinkTarget::SamePage(anchor.to_string())
        } else if ["https://", "http://", "mailto:"]
            .iter()
            .any(|p| dest.starts_with(p))
        {
            LinkTarget::External
        } else {
            LinkTarget::Invalid
        }
    }
}

/// What validation needs to know about a piece of Markdown.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    /// Link destinations with the byte offset where the link starts.
    pub links: Vec<(String, usize)>,
    /// Ids the headings will get.
    pub heading_ids: Vec<String>,
    /// Byte offsets of raw HTML, which is not allowed.
    pub raw_html: Vec<usize>,
}

pub fn scan(text: &str) -> Scan {
    let mut out = Scan::default();
    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    for (event, range) in &events {
        match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                out.links.push((dest_url.to_string(), range.start))
            }
            Event::Html(_) | Event::InlineHtml(_) => out.raw_html.push(range.start),
            _ => {}
        }
    }
    out.heading_ids = heading_ids(
        events
            .into_iter()
            .map(|(e, _)| e)
            .collect::<Vec<_>>()
            .iter(),
    );
    out
}

/// Ids for the headings in order: an explicit `{#id}` wins, otherwise the
/// slug of the text, made unique within the document.
fn heading_ids<'a, 'b: 'a>(events: impl Iterator<Item = &'a Event<'b>>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut current: Option<(Option<String>, String)> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                current = Some((id.as_ref().map(|i| i.to_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, text)) = current.take() {
                    let base = explicit.unwrap_or_else(|| slugify(&text));
                    let mut id = base.clone();
                    let mut n = 1;
                    while ids.contains(&id) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    ids.push(id);
                }
            }
            _ => {}
        }
    }
    ids
}

/// `Stap 1: Stel een kernteam samen` → `stap-1-stel-een-kernteam-samen`.
/// Letters outside ASCII are transliterated by `deunicode` (ç → c,
/// ß → ss, ø → o), so no letter is dropped from an id.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("kop");
    }
    out
}

/// Where links in rendered Markdown must point.
pub trait LinkResolver {
    /// Root-relative URL of a content file's page, e.g. `domeinen/thuissituatie.html`.
    fn page_url(&self, rel_path: &str) -> Option<String>;

    /// The full href for a content file (and anchor) on a page at `root`.
    /// The booklet overrides this to turn links between domains into
    /// anchors within itself.
    fn href(&self, rel_path: &str, anchor: Option<&str>, root: &str) -> Option<String> {
        let url = self.page_url(rel_path)?;
        Some(match anchor {
            Some(a) => format!("{root}{url}#{a}"),
            None => format!("{root}{url}"),
        })
    }
}

/// Context of the page the Markdown is rendered onto.
pub struct RenderTarget<'a> {
    /// `path_to_root`: `""` for pages in the root, `"../"` one level down.
    pub root: &'a str,
    /// The content file whose page is being rendered, if any.
    pub page_source: Option<&'a str>,
    /// Shift headings down so a body's `##` fits under the page's structure.
    pub heading_offset: u8,
    pub resolver: &'a dyn LinkResolver,
}

pub fn to_html(md: &Markdown, target: &RenderTarget) -> String {
    let events: Vec<Event> = Parser::new_ext(&md.text, options()).collect();
    let mut ids = heading_ids(events.iter()).into_iter();
    let mapped = events.into_iter().map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) => Event::Start(Tag::Heading {
            level: shift(level, target.heading_offset),
            id: ids.next().map(CowStr::from),
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => {
            Event::End(TagEnd::Heading(shift(level, target.heading_offset)))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from(resolve(&dest_url, md, target)),
            title,
            id,
        }),
        // Raw HTML is rejected by validation; if it ever gets here, show it inert.
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, mapped);
    html
}

/// Like [`to_html`] for a short text, without the wrapping `<p>`.
pub fn to_inline_html(md: &Markdown, target: &RenderTarget) -> String {
    let html = to_html(md, target);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

fn shift(level: HeadingLevel, by: u8) -> HeadingLevel {
    let n = (level as u8 + by).min(6);
    HeadingLevel::try_from(n as usize).unwrap_or(HeadingLevel::H6)
}

fn resolve(dest: &str, md: &Markdown, target: &RenderTarget) -> String {
    let r = target.resolver;
    match LinkTarget::parse(dest) {
        LinkTarget::Content { path, anchor } => r
            .href(&path, anchor.as_deref(), target.root)
            .unwrap_or_else(|| dest.to_string()),
        LinkTarget::SamePage(anchor) => {
            if target.page_source == Some(md.source.as_str()) {
                format!("#{anchor}")
            } else {
                r.href(&md.source, Some(&anchor), target.root)
                    .unwrap_or_else(|| format!("#{anchor}"))
            }
        }
        LinkTarget::External | LinkTarget::Invalid => dest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Urls;
    impl LinkResolver for Urls {
        fn page_url(&self, rel: &str) -> Option<String> {
            match rel {
                "domeinen/03-thuissituatie.md" => Some("domeinen/thuissituatie.html".into()),
                "paginas/handleiding.md" => Some("handleiding.html".into()),
                _ => None,
            }
        }
    }

    fn target<'a>(root: &'a str, page: Option<&'a str>) -> RenderTarget<'a> {
        RenderTarget {
            root,
            page_source: page,
            heading_offset: 0,
            resolver: &Urls,
        }
    }

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(
            slugify("Stap 1: Stel een kernteam samen"),
            "stap-1-stel-een-kernteam-samen"
        );
        assert_eq!(slugify("Creëer rust én ruimte!"), "creeer-rust-en-ruimte");
        assert_eq!(slugify("  ?? "), "kop");
        assert_eq!(slugify("Ça va"), "ca-va");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("Ørsted en Ålesund"), "orsted-en-alesund");
        assert_eq!(slugify("Reële adviezen"), "reele-adviezen");
        // An emoji becomes its name rather than vanishing.
        assert_eq!(slugify("Welzijn 😀"), "welzijn-grinning");
    }

    #[test]
    fn repeated_headings_get_numbered_ids() {
        let html = to_html(
            &Markdown::new("## Straße\n\n## Strasse\n\n## Straße", "x.md"),
            &target("", None),
        );
        assert!(html.contains(r#"<h2 id="strasse">"#), "{html}");
        assert!(html.contains(r#"<h2 id="strasse-1">"#), "{html}");
        assert!(html.contains(r#"<h2 id="strasse-2">"#), "{html}");
    }

    #[test]
    fn content_links_become_relative_urls() {
        let md = Markdown::new(
            "Zie [3.2](@/domeinen/03-thuissituatie.md#aanbeveling-3-2) en [stappen](#stappen).",
            "paginas/handleiding.md",
        );
        let html = to_html(&md, &target("../", Some("domeinen/03-thuissituatie.md")));
        assert!(
            html.contains(r#"href="../domeinen/thuissituatie.html#aanbeveling-3-2""#),
            "{html}"
        );
        // A same-page anchor shown on another page points back to its own page.
        assert!(
            html.contains(r#"href="../handleiding.html#stappen""#),
            "{html}"
        );
        let html = to_html(&md, &target("", Some("paginas/handleiding.md")));
        assert!(html.contains(r##"href="#stappen""##), "{html}");
    }

    #[test]
    fn headings_get_unique_ids_and_shift() {
        let md = Markdown::new("## Doel\n\n## Doel\n\n### Extra {#eigen}\n", "x.md");
        assert_eq!(scan(&md.text).heading_ids, ["doel", "doel-1", "eigen"]);
        let mut t = target("", None);
        t.heading_offset = 1;
        let html = to_html(&md, &t);
        assert!(html.contains(r#"<h3 id="doel">"#), "{html}");
        assert!(html.contains(r#"<h3 id="doel-1">"#), "{html}");
        assert!(html.contains(r#"<h4 id="eigen">"#), "{html}");
    }

    #[test]
    fn raw_html_is_found_and_rendered_inert() {
        let text = "Hallo <script>alert(1)</script>\n\n<div>x</div>\n";
        assert_eq!(scan(text).raw_html.len(), 3);
        let html = to_html(&Markdown::new(text, "x.md"), &target("", None));
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn classifies_links() {
        assert_eq!(LinkTarget::parse("https://nji.nl"), LinkTarget::External);
        assert_eq!(LinkTarget::parse("mailto:a@b.nl"), LinkTarget::External);
        assert_eq!(LinkTarget::parse("/abs.html"), LinkTarget::Invalid);
        assert_eq!(LinkTarget::parse("other.html"), LinkTarget::Invalid);
        assert_eq!(
            LinkTarget::parse("@/a.md#b"),
            LinkTarget::Content {
                path: "a.md".into(),
                anchor: Some("b".into())
            }
        );
    }

    #[test]
    fn inline_html_drops_the_paragraph() {
        let md = Markdown::new("Stimuleer **betrokkenheid**.", "x.md");
        assert_eq!(
            to_inline_html(&md, &target("", None)),
            "Stimuleer <strong>betrokkenheid</strong>."
        );
    }
}

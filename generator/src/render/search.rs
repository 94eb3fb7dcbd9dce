//! The search index: one classic script (no `fetch()`, so it works from
//! `file://`) holding every domain, recommendation, intervention and page
//! as plain text, for `theme/static/search.js`.

use super::{OutputFile, RenderError, Renderer, urls};
use crate::content::model::*;
use pulldown_cmark::{Event, Parser};
use rayon::prelude::*;
use serde::Serialize;

/// The global the index script assigns.
pub const GLOBAL: &str = "WEGWIJZER_ZOEK";
/// Its file name under `assets/`.
pub const FILE: &str = "search-index.js";
/// Long texts (intervention and page bodies) are cut here: their start
/// says what they are about, and the index stays small.
const MAX_TEXT: usize = 600;

#[derive(Serialize)]
struct Entry {
    /// Kind, as the result list shows it.
    k: &'static str,
    /// Title.
    t: String,
    /// Root-relative address.
    u: String,
    /// Plain text to search and quote from.
    x: String,
    /// A recommendation's number, e.g. "3.2", for exact number queries.
    #[serde(skip_serializing_if = "String::is_empty")]
    n: String,
}

/// Markdown as plain text on one line, cut at `max` characters.
fn plain(md: &str, max: usize) -> String {
    let mut out = String::new();
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    let mut text: String = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > max {
        text = text.chars().take(max).collect::<String>() + "…";
    }
    text
}

impl Renderer<'_> {
    pub(super) fn search_index(&self) -> Result<OutputFile, RenderError> {
        let mut entries = Vec::new();
        for d in &self.site.domains {
            let url = urls::domain(&d.slug);
            entries.push(Entry {
                k: "Domein",
                t: format!("{}. {}", d.number, d.title),
                u: url.clone(),
                x: plain(
                    &format!("{}\n\n{}\n\n{}", d.summary, d.not_well.text, d.well.text),
                    usize::MAX,
                ),
                n: String::new(),
            });
            for r in &d.recommendations {
                let mut text = r.text.text.clone();
                for i in &r.inspiration {
                    text.push_str("\n\n");
                    text.push_str(&i.text);
                }
                entries.push(Entry {
                    k: "Aanbeveling",
                    t: format!("{} {}", r.number, d.title),
                    u: format!("{url}#{}", Recommendation::anchor(&r.number)),
                    x: plain(&text, usize::MAX),
                    n: r.number.clone(),
                });
            }
        }
        // A large site's bulk: their text is taken on every core, in order.
        entries.par_extend(self.site.interventions.par_iter().map(|i| {
            let facts = [&i.target_group, &i.aim]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            Entry {
                k: "Interventie",
                t: i.name.clone(),
                u: urls::intervention(&i.id),
                x: plain(&format!("{facts}\n\n{}", i.body.text), MAX_TEXT),
                n: String::new(),
            }
        }));
        for p in self.site.pages.values() {
            entries.push(Entry {
                k: "Pagina",
                t: p.title.clone(),
                u: urls::page(&p.slug),
                x: plain(&format!("{}\n\n{}", p.summary, p.body.text), MAX_TEXT),
                n: String::new(),
            });
        }
        let json = serde_json::to_string(&entries)
            .map_err(|e| RenderError::new(FILE, e.to_string()))?
            .replace('<', "\\u003c");
        Ok(OutputFile {
            path: format!("{}/{FILE}", urls::ASSETS),
            bytes: format!("window.{GLOBAL} = {json};\n").into_bytes(),
        })
    }
}

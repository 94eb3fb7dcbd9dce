//! The data the generator writes for the traject pages and the scorer reads.
//!
//! This is the only definition of that contract: the generator serialises a
//! [`SiteData`] into each scorer module's inline script (`assets::Module`), the
//! scorer deserialises the same type. HTML fragments are already rendered and sanitised by the generator;
//! their links are relative to the site root, so pages that show them must
//! live in the root folder of `dist/`.

use serde::{Deserialize, Serialize};

pub mod json;

/// Escapes text for HTML, in content and attributes alike. The generator's
/// templates and the scorer's rendering share this one definition.
pub fn escape_html(input: &str) -> String {
    // Copies the runs between special characters whole: these are all
    // ASCII, so every cut falls on a character boundary.
    let mut out = String::with_capacity(input.len());
    let mut run = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[run..i]);
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(&input[run..]);
    out
}

use json::Value;

/// Bumped whenever a field changes meaning, so a stale cached data file is
/// recognised instead of misread.
pub const DATA_VERSION: u32 = 2;

/// The handleiding's questions per intervention: the plan van aanpak holds
/// one answer to each, so the content must list exactly this many.
pub const PLAN_QUESTIONS: usize = 5;

/// The file names and JS globals the generator, `scorer-build`, the page
/// templates and the loader agree on. Templates get them from the generator;
/// the loader reads the globals' names from its own `<script>` tag's data
/// attributes.
pub mod assets {
    /// One build of the scorer. `scorer-build` writes wasm-bindgen's
    /// `no-modules` glue (defines `wasm_bindgen`) and the module; the
    /// generator packs the site data, that glue and the module as base64
    /// into one classic script and writes it, with the loader, inline at the
    /// end of each of the build's pages: the scorer starts as the parser
    /// reaches it, with no request of its own and no race with the first
    /// layout, the same over http(s) and from `file://` (which forbids
    /// `fetch()`). Each traject page carries the build with its own code only.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Module {
        /// The traject pages that load it.
        pub pages: &'static [&'static str],
        /// `scorer-build`'s output: the glue and the module.
        pub glue_js: &'static str,
        pub wasm: &'static str,
        /// scorer-wasm's cargo feature for this build: its page's code.
        pub features: &'static str,
    }

    /// Where a team or an invited leerling scores, often on a phone.
    pub const SCORING: Module = Module {
        pages: &["scoren.html", "meedoen.html"],
        glue_js: "scorer-scoring-glue.js",
        wasm: "scorer-scoring.wasm",
        features: "scoring",
    };

    pub const MODULES: [Module; 4] = [
        SCORING,
        Module {
            pages: &["traject.html"],
            glue_js: "scorer-traject-glue.js",
            wasm: "scorer-traject.wasm",
            features: "traject-list",
        },
        Module {
            pages: &["rapport.html"],
            glue_js: "scorer-rapport-glue.js",
            wasm: "scorer-rapport.wasm",
            features: "rapport",
        },
        Module {
            pages: &["plan.html"],
            glue_js: "scorer-plan-glue.js",
            wasm: "scorer-plan.wasm",
            features: "plan",
        },
    ];

    /// The build a traject page (its file name) loads; `None` for a page
    /// that is not a traject page.
    pub fn module_for(page: &str) -> Option<Module> {
        MODULES.into_iter().find(|m| m.pages.contains(&page))
    }

    /// The loader in the theme's static files, written inline after a
    /// module's script: it starts the scorer. Not copied to `assets/`.
    pub const LOADER_JS: &str = "scorer.js";
    /// The global a module's script sets to the module in base64.
    pub const WASM_GLOBAL: &str = "WEGWIJZER_WASM";
    /// The global a module's script sets to the site data (JSON text).
    pub const DATA_GLOBAL: &str = "WEGWIJZER_DATA";
    /// Starts `window.name` when it carries changes the browser would not
    /// store to the next page of the tab; `tab-memory.js` (every page)
    /// empties it before the tab leaves the site.
    pub const CARRY_MARK: &str = "wegwijzer-niet-opgeslagen:";
}

/// What the scorer reads, and nothing more: recommendations, extremes and
/// interventions are rendered by the generator into the pages themselves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteData {
    pub version: u32,
    pub domains: Vec<DomainData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainData {
    /// The domain's fixed number, 1 up.
    pub number: u8,
    pub title: String,
}

/// Why the data file could not be read in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

/// The object's fields, refusing any key not in `known`: a field the scorer
/// does not read means generator and scorer disagree about the contract.
fn object<'a>(v: &'a Value, known: &[&str]) -> Result<&'a [(String, Value)], DataError> {
    let fields = v
        .as_object()
        .ok_or_else(|| DataError("not an object".into()))?;
    match fields.iter().find(|(k, _)| !known.contains(&k.as_str())) {
        Some((k, _)) => Err(DataError(format!("unknown field `{k}`"))),
        None => Ok(fields),
    }
}

fn field<'a>(v: &'a Value, key: &str) -> Result<&'a Value, DataError> {
    v.get(key)
        .ok_or_else(|| DataError(format!("missing field `{key}`")))
}

fn number(v: &Value, key: &str) -> Result<u64, DataError> {
    field(v, key)?
        .as_i64()
        .and_then(|n| u64::try_from(n).ok())
        .ok_or_else(|| DataError(format!("`{key}` is not a whole number")))
}

impl SiteData {
    /// Reads the JSON the generator wrote, without serde: this runs in the
    /// browser, where serde_json's size does not fit the budget.
    pub fn from_json(text_in: &str) -> Result<SiteData, DataError> {
        let v = json::parse(text_in)
            .map_err(|e| DataError(format!("not JSON at {}:{}", e.line, e.column)))?;
        object(&v, &["version", "domains"])?;
        let version = number(&v, "version")? as u32;
        if version != DATA_VERSION {
            return Err(DataError(format!(
                "data version {version}, expected {DATA_VERSION}"
            )));
        }
        // A plain loop: collecting into `Result` costs the browser build
        // more code than it saves here.
        let list = field(&v, "domains")?
            .as_array()
            .ok_or_else(|| DataError("`domains` is not a list".into()))?;
        let mut domains = Vec::new();
        for d in list {
            object(d, &["number", "title"])?;
            domains.push(DomainData {
                number: u8::try_from(number(d, "number")?)
                    .map_err(|_| DataError("domain number too large".into()))?,
                title: field(d, "title")?
                    .as_str()
                    .ok_or_else(|| DataError("`title` is not a string".into()))?
                    .to_string(),
            });
        }
        Ok(SiteData { version, domains })
    }

    pub fn domain(&self, number: u8) -> Option<&DomainData> {
        self.domains.iter().find(|d| d.number == number)
    }

    /// The site data's line in a module's script: one global holding the
    /// JSON as a string, so the loader hands it to the scorer unparsed.
    pub fn to_script(json: &str) -> String {
        let mut literal = String::from("\"");
        for c in json.chars() {
            match c {
                '"' => literal.push_str("\\\""),
                '\\' => literal.push_str("\\\\"),
                // `<` escaped so the script can never close a `<script>` tag.
                '<' => literal.push_str("\\u003c"),
                '\u{2028}' => literal.push_str("\\u2028"),
                '\u{2029}' => literal.push_str("\\u2029"),
                c if (c as u32) < 0x20 => {
                    literal.push_str(&format!("\\u{:04x}", c as u32));
                }
                c => literal.push(c),
            }
        }
        literal.push('"');
        format!("window.{} = {literal};\n", assets::DATA_GLOBAL)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_scorer_module_has_its_own_files_and_pages() {
        use super::assets::{MODULES, SCORING, module_for};
        let mut names: Vec<&str> = MODULES.iter().flat_map(|m| [m.glue_js, m.wasm]).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 2 * MODULES.len());
        assert_eq!(module_for("scoren.html"), Some(SCORING));
        assert_eq!(module_for("meedoen.html"), Some(SCORING));
        assert_eq!(
            module_for("rapport.html").map(|m| m.features),
            Some("rapport")
        );
        assert_eq!(module_for("index.html"), None);
        // Each build has one page's code.
        let mut features: Vec<&str> = MODULES.iter().map(|m| m.features).collect();
        features.dedup();
        assert_eq!(features.len(), MODULES.len());
    }

    use super::*;

    #[test]
    fn escape_keeps_multibyte_text_around_entities() {
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("Straße"), "Straße");
        assert_eq!(
            escape_html("é<ß>'\"&€ 🙂&"),
            "é&lt;ß&gt;&#39;&quot;&amp;€ 🙂&amp;"
        );
        assert_eq!(escape_html("<<"), "&lt;&lt;");
    }

    fn sample() -> SiteData {
        SiteData {
            version: DATA_VERSION,
            domains: vec![
                DomainData {
                    number: 3,
                    title: "Thuissituatie".into(),
                },
                DomainData {
                    number: 8,
                    title: "Samenwerking <& \"school\">".into(),
                },
            ],
        }
    }

    #[test]
    fn the_browser_reader_reads_what_the_generator_writes() {
        let data = sample();
        let json = serde_json::to_string(&data).unwrap();
        assert_eq!(SiteData::from_json(&json).unwrap(), data);
        let json = serde_json::to_string_pretty(&data).unwrap();
        assert_eq!(SiteData::from_json(&json).unwrap(), data);
        assert_eq!(data.domain(3).unwrap().title, "Thuissituatie");
        assert!(data.domain(4).is_none());
    }

    #[test]
    fn the_browser_reader_says_what_is_wrong() {
        assert_eq!(
            SiteData::from_json("{").unwrap_err(),
            DataError("not JSON at 1:2".into())
        );
        let good = serde_json::to_string(&sample()).unwrap();
        let json = good.replace("\"version\":2", "\"version\":9");
        assert_eq!(
            SiteData::from_json(&json).unwrap_err(),
            DataError("data version 9, expected 2".into())
        );
        let json = good.replace("\"title\":\"Thuissituatie\"", "\"title\":3");
        assert_eq!(
            SiteData::from_json(&json).unwrap_err(),
            DataError("`title` is not a string".into())
        );
    }

    #[test]
    fn the_browser_reader_rejects_unknown_fields() {
        let good = serde_json::to_string(&sample()).unwrap();
        let top = good.replacen("\"version\"", "\"extra\":1,\"version\"", 1);
        assert_eq!(
            SiteData::from_json(&top).unwrap_err(),
            DataError("unknown field `extra`".into())
        );
        let inner = good.replacen("\"number\"", "\"summary\":\"x\",\"number\"", 1);
        assert_eq!(
            SiteData::from_json(&inner).unwrap_err(),
            DataError("unknown field `summary`".into())
        );
        // serde, on the generator's side, agrees.
        assert!(serde_json::from_str::<SiteData>(&top).is_err());
        assert!(serde_json::from_str::<SiteData>(&inner).is_err());
    }

    #[test]
    fn the_script_holds_the_json_as_a_string_that_cannot_close_a_tag() {
        let json = serde_json::to_string(&sample()).unwrap();
        let script = SiteData::to_script(&json);
        assert!(script.starts_with("window.WEGWIJZER_DATA = \""));
        assert!(!script.contains('<'), "{script}");
        // The literal is valid JSON for the same string.
        let literal = script
            .trim_start_matches("window.WEGWIJZER_DATA = ")
            .trim_end_matches(";\n");
        let back: String = serde_json::from_str(literal).unwrap();
        assert_eq!(back, json);
        assert_eq!(SiteData::from_json(&back).unwrap(), sample());
    }
}

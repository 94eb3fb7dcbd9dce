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

/// The traject pages: the one list the generator (what it writes, the
/// overlay's reserved names), the scorer (its page dispatch) and the budgets
/// script read. Each is written to the site's root under `path`.
pub mod pages {
    /// Which build of the scorer a traject page loads.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Build {
        /// An invited leerling or ouder scoring on their own device: the
        /// scoring code only, for the first load that matters most.
        Participant,
        /// Every other traject page.
        Coordinator,
    }

    /// What a traject page is, for the scorer's dispatch.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Kind {
        Traject,
        Scoring,
        Rapport,
        Plan,
        Meedoen,
        Regiobeeld,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    pub struct TrajectPage {
        pub kind: Kind,
        /// The output file, in the site's root.
        pub path: &'static str,
        /// The theme template that renders it.
        pub template: &'static str,
        /// `<body data-page>`: what the scorer dispatches on.
        pub key: &'static str,
        pub title: &'static str,
        pub build: Build,
    }

    pub const TRAJECT: TrajectPage = TrajectPage {
        kind: Kind::Traject,
        path: "traject.html",
        template: "traject.html",
        key: "traject",
        title: "Start een traject",
        build: Build::Coordinator,
    };
    pub const SCORING: TrajectPage = TrajectPage {
        kind: Kind::Scoring,
        path: "scoren.html",
        template: "scoren.html",
        key: "scoring",
        title: "Scoren",
        build: Build::Coordinator,
    };
    pub const RAPPORT: TrajectPage = TrajectPage {
        kind: Kind::Rapport,
        path: "rapport.html",
        template: "rapport.html",
        key: "rapport",
        title: "Rapport",
        build: Build::Coordinator,
    };
    pub const PLAN: TrajectPage = TrajectPage {
        kind: Kind::Plan,
        path: "plan.html",
        template: "plan.html",
        key: "plan",
        title: "Plan van aanpak",
        build: Build::Coordinator,
    };
    /// Where an invited participant scores on their own device.
    pub const MEEDOEN: TrajectPage = TrajectPage {
        kind: Kind::Meedoen,
        path: "meedoen.html",
        template: "meedoen.html",
        key: "meedoen",
        title: "Meedoen",
        build: Build::Participant,
    };

    /// Where a region merges many schools' summaries (`regio.html` is the
    /// README's example overlay page).
    pub const REGIOBEELD: TrajectPage = TrajectPage {
        kind: Kind::Regiobeeld,
        path: "regiobeeld.html",
        template: "regiobeeld.html",
        key: "regiobeeld",
        title: "Regiobeeld",
        build: Build::Coordinator,
    };

    pub const TRAJECT_PAGES: [TrajectPage; 6] =
        [TRAJECT, SCORING, RAPPORT, PLAN, MEEDOEN, REGIOBEELD];

    /// The traject page whose `<body data-page>` is `key`, if any.
    pub fn by_key(key: &str) -> Option<TrajectPage> {
        TRAJECT_PAGES.into_iter().find(|p| p.key == key)
    }

    /// The traject page written to `path`, if any.
    pub fn by_path(path: &str) -> Option<TrajectPage> {
        TRAJECT_PAGES.into_iter().find(|p| p.path == path)
    }
}

/// What each traject page's code needs from its template: element ids
/// (some once per domain, `{}` standing for its number) and `data-action`s.
/// The scorer's web modules use these names (a scorer-wasm test checks that
/// every id they use is here); the generator refuses a traject page, such
/// as a theme's override of its template, that lacks one.
pub mod contract {
    use super::pages::Kind;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Contract {
        pub ids: &'static [&'static str],
        /// Ids once per domain: `{}` is the domain's number.
        pub per_domain: &'static [&'static str],
        pub actions: &'static [&'static str],
    }

    /// Every traject page (web/mod.rs): messages, storage notices, the app.
    pub const EVERY_PAGE: Contract = Contract {
        ids: &[
            "app",
            "melding",
            "ander-tabblad",
            "opslag-vol",
            "opslag-tabblad",
            "opslag-geen",
        ],
        per_domain: &[],
        actions: &[],
    };
    /// The pages of one traject (web/mod.rs): its line, or why there is none.
    pub const TRAJECT_LINE: Contract = Contract {
        ids: &[
            "traject-regel",
            "traject-naam",
            "traject-datum",
            "geen-traject",
            "traject-kapot",
            "traject-kapot-tekst",
        ],
        per_domain: &[],
        actions: &["download-active"],
    };
    /// web/traject_list.rs.
    pub const TRAJECT: Contract = Contract {
        ids: &[
            "traject-lijst",
            "geen-trajecten",
            "verder",
            "verder-naam",
            "onleesbaar",
            "onleesbaar-lijst",
            "import-melding",
            "ontvangen",
            "ontvangen-kop",
            "ontvangen-tekst",
            "ontvangen-ja",
            "ontvangen-melding",
            "dialoog-verwijderen",
            "dialoog-verwijderen-naam",
            "dialoog-import",
            "dialoog-import-nieuw",
            "dialoog-import-bestaand",
            "dialoog-wissen",
        ],
        per_domain: &[],
        actions: &[
            "clear-all",
            "clear-confirmed",
            "delete-confirmed",
            "import-replace",
            "import-copy",
            "import-cancel",
            "reply-add",
            "reply-cancel",
        ],
    };
    /// web/scoring.rs, on both scoring pages.
    pub const SCORING_BOTH: Contract = Contract {
        ids: &[
            "opslag-status",
            "voortgang",
            "domein-positie",
            "scoren-domeinen",
        ],
        per_domain: &[
            "domein-{}",
            "domein-{}-kop",
            "stap-{}",
            "stap-{}-status",
            "goed-{}",
            "aandacht-{}",
        ],
        actions: &["prev", "next"],
    };
    /// web/scoring.rs and web/invite.rs, on scoren.html: who scores here.
    pub const SCORING_TEAM: Contract = Contract {
        ids: &[
            "deelnemer-keuze",
            "deelnemer-keuze-blok",
            "deelnemer-weg",
            "wie-scoort",
            "wie-scoort-keuze",
            "dialoog-deelnemer",
            "deelnemer-scoren",
            "deelnemer-uitnodigen",
            "deelnemer-anders-fout",
            "dialoog-deelnemer-weg",
            "dialoog-weg-naam",
        ],
        per_domain: &[],
        actions: &[
            "add-participant",
            "invite-open",
            "remove-participant",
            "remove-participant-confirmed",
            "who-scores",
        ],
    };
    /// web/invite.rs: the participants, each with an invitation.
    pub const INVITE: Contract = Contract {
        ids: &[
            "deelnemers",
            "deelnemer-lijst",
            "uitnodiging",
            "uitnodiging-kop",
            "uitnodiging-wie",
            "uitnodiging-link",
            "uitnodiging-link-blok",
            "uitnodiging-link-lokaal",
        ],
        per_domain: &[],
        actions: &["invite-file", "copy"],
    };
    /// web/scoring.rs on meedoen.html: one invited participant.
    pub const MEEDOEN: Contract = Contract {
        ids: &[
            "meedoen-regel",
            "meedoen-wie",
            "meedoen-meting",
            "meedoen-meting-nr",
            "traject-naam",
            "geen-uitnodiging",
            "uitnodiging-fout",
            "antwoord-link",
            "antwoord-link-blok",
            "antwoord-link-lokaal",
            "antwoord-te-lang",
        ],
        per_domain: &[],
        actions: &["reply-link", "reply-file"],
    };
    /// web/rapport.rs.
    pub const RAPPORT: Contract = Contract {
        ids: &[
            "voortgang",
            "deelnemers-regel",
            "meting-regel",
            "vergelijk-blok",
            "vergelijk-meting",
            "filter-blok",
            "perspectief-filter",
            "score-tabel",
            "kolom-score",
            "kolom-eerder",
            "bespreekpunten",
            "notities-leeg",
            "keuze-lijst",
            "keuze-leeg",
            "focus-aantal",
            "rapport-voorstel",
            "neem-suggestie",
            "naar-plan",
            "rapport-aanbevelingen",
            "aanbevelingen-leeg",
            "dialoog-nieuwe-meting",
            "dialoog-meting-datum",
        ],
        per_domain: &[
            "grafiek-{}",
            "grafiek-balk-{}",
            "grafiek-punten-{}",
            "grafiek-waarde-{}",
            "grafiek-eerder-{}",
            "tabel-score-{}",
            "tabel-spreiding-{}",
            "tabel-perspectief-{}",
            "tabel-bespreek-{}",
            "tabel-eerder-{}",
            "tabel-verandering-{}",
            "tabel-plaats-{}",
            "tabel-keuze-{}",
            "bespreek-{}",
            "bespreek-tekst-{}",
            "notities-{}",
            "notities-{}-lijst",
            "focus-keuze-{}",
            "keuze-score-{}",
            "gekozen-score-{}",
            "reden-{}",
            "reden-print-{}",
            "reden-tekst-{}",
        ],
        actions: &[
            "print",
            "export-json",
            "export-csv",
            "new-round",
            "new-round-confirmed",
            "use-suggestion",
        ],
    };
    /// web/plan.rs.
    pub const PLAN: Contract = Contract {
        ids: &[
            "plan-domeinen",
            "plan-leeg",
            "actie-sjabloon",
            "dialoog-actie-weg",
            "dialoog-actie-nummer",
            "dialoog-actie-wat",
        ],
        per_domain: &[
            "plan-score-{}",
            "plan-reden-{}",
            "plan-reden-blok-{}",
            "acties-{}",
            "acties-{}-leeg",
            "actie-erbij-{}",
        ],
        actions: &[
            "print",
            "export-json",
            "export-actions",
            "remove-action-confirmed",
        ],
    };

    /// web/region_share.rs, on the rapport: *Deel met de regio*.
    pub const REGION_SHARE: Contract = Contract {
        ids: &["dialoog-regio", "regio-naam", "regio-soort", "regio-inhoud"],
        per_domain: &[],
        actions: &["region-open", "region-summary"],
    };
    /// web/region.rs and theme/static/regiobeeld.js, on regiobeeld.html.
    pub const REGIOBEELD: Contract = Contract {
        ids: &[
            "app",
            "melding",
            // theme/static/regiobeeld.js: choosing, dropping, keeping.
            "regio-bestanden",
            "regio-sleep",
            "regio-bewaren",
            // web/region.rs.
            "regio-voortgang",
            "regio-lijst",
            "regio-lijst-kop",
            "regio-filter",
            "regio-beeld",
            "regio-bewaren-melding",
            "regio-uitvoer",
            "regio-aantal",
            "regio-deelnemers",
            "regio-grafiek",
            "regio-tabel",
            "regio-perspectieven",
            "regio-aanbevelingen",
            "regio-interventies",
        ],
        per_domain: &[],
        actions: &["print", "region-csv", "region-set", "region-clear"],
    };

    /// What the page of kind `kind` must provide.
    pub fn for_page(kind: Kind) -> &'static [Contract] {
        match kind {
            Kind::Traject => &[EVERY_PAGE, TRAJECT],
            Kind::Scoring => &[EVERY_PAGE, TRAJECT_LINE, SCORING_BOTH, SCORING_TEAM, INVITE],
            Kind::Meedoen => &[EVERY_PAGE, SCORING_BOTH, MEEDOEN],
            Kind::Rapport => &[EVERY_PAGE, TRAJECT_LINE, RAPPORT, INVITE, REGION_SHARE],
            Kind::Plan => &[EVERY_PAGE, TRAJECT_LINE, PLAN],
            Kind::Regiobeeld => &[REGIOBEELD],
        }
    }

    /// The first id or action of the contract for `kind` that `html` lacks,
    /// as `id "…"` or `data-action "…"`; `domains` are the site's numbers.
    /// Per-domain ids of domains the page leaves out (the plan shows only
    /// chosen ones, rendered for every domain) are checked for every domain.
    pub fn missing(kind: Kind, html: &str, domains: &[u8]) -> Option<String> {
        for c in for_page(kind) {
            for id in c.ids {
                if !html.contains(&format!(" id=\"{id}\"")) {
                    return Some(format!("id \"{id}\""));
                }
            }
            for pattern in c.per_domain {
                for n in domains {
                    let id = pattern.replace("{}", &n.to_string());
                    if !html.contains(&format!(" id=\"{id}\"")) {
                        return Some(format!("id \"{id}\""));
                    }
                }
            }
            for action in c.actions {
                if !html.contains(&format!("data-action=\"{action}\"")) {
                    return Some(format!("data-action \"{action}\""));
                }
            }
        }
        None
    }
}

/// The file names and JS globals the generator, `scorer-build`, the page
/// templates and the loader agree on. Templates get them from the generator;
/// the loader reads the globals' names and the files from its own
/// `<script>` tag's data attributes.
pub mod assets {
    use super::pages;

    /// One build of the scorer. `scorer-build` writes wasm-bindgen's
    /// `no-modules` glue (defines `wasm_bindgen`) and the module under
    /// [`ScorerBuild::glue_js`] and [`ScorerBuild::wasm`]; the generator
    /// writes them into `assets/` under names with their content's digest
    /// ([`ScorerBuild::file`]), shared by every page of the build and cached
    /// by the browser across pages.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct ScorerBuild {
        pub build: pages::Build,
        /// In file names: `participant` or `coordinator`.
        pub name: &'static str,
        /// scorer-wasm's cargo features for it (none: the participant's).
        pub features: &'static str,
        /// `scorer-build`'s output: the glue and the module.
        pub glue_js: &'static str,
        pub wasm: &'static str,
    }

    pub const BUILDS: [ScorerBuild; 2] = [
        ScorerBuild {
            build: pages::Build::Participant,
            name: "participant",
            features: "",
            glue_js: "scorer-participant-glue.js",
            wasm: "scorer-participant.wasm",
        },
        ScorerBuild {
            build: pages::Build::Coordinator,
            name: "coordinator",
            features: "coordinator",
            glue_js: "scorer-coordinator-glue.js",
            wasm: "scorer-coordinator.wasm",
        },
    ];

    /// What a build is written as in `assets/`, each named after the
    /// digest of the build's content, so a name never changes meaning.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum File {
        /// The site data and the glue: a classic script every page of the
        /// build loads.
        Script,
        /// The module, fetched and compiled as it streams in over http(s).
        Wasm,
        /// The module in base64 as a classic script: only from `file://`,
        /// which forbids `fetch()`. Never precached.
        FileScript,
    }

    impl ScorerBuild {
        pub fn file(&self, digest: &str, file: File) -> String {
            let ext = match file {
                File::Script => "js",
                File::Wasm => "wasm",
                File::FileScript => "bestand.js",
            };
            format!("scorer-{}-{digest}.{ext}", self.name)
        }
    }

    /// The build a traject page loads.
    pub fn build_for(page: &pages::TrajectPage) -> ScorerBuild {
        let found = BUILDS.into_iter().find(|b| b.build == page.build);
        // Every `pages::Build` has its entry: a test below checks it.
        found.unwrap_or(BUILDS[1])
    }

    /// Whether `name` (in `assets/`) is named after its content: a build's
    /// file or the starter ([`start_file`]). The service worker answers
    /// those from its cache first, and the browser does so itself where
    /// it can (static routes), without waking the worker.
    pub fn is_digest_named(name: &str) -> bool {
        let stems = BUILDS.iter().map(|b| b.name).chain([START_NAME]);
        stems.into_iter().any(|stem| {
            name.strip_prefix("scorer-")
                .and_then(|r| r.strip_prefix(stem))
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|r| {
                    let digest = r.split('.').next().unwrap_or_default();
                    digest.len() == DIGEST_LEN && digest.bytes().all(|c| c.is_ascii_hexdigit())
                })
        })
    }

    /// The starter's name in `assets/`, after the digest of its content:
    /// it is on the way to every traject page's scorer, so the cache
    /// answers it first too, and a new starter gets a new name.
    pub fn start_file(digest: &str) -> String {
        format!("scorer-{START_NAME}-{digest}.js")
    }

    /// The starter's stem in file names; no build is called that.
    pub(crate) const START_NAME: &str = "start";

    /// Hex digits of the digest in a build's file names.
    pub const DIGEST_LEN: usize = 16;

    /// The loader in the theme's static files (`static/scorer.js`), written
    /// at the end of each build's script, not on its own.
    pub const LOADER_JS: &str = "scorer.js";
    /// The theme's script on every traject page that asks for its build's
    /// script once the page is painted (`static/scorer-start.js`), written
    /// to `assets/` as [`start_file`].
    pub const START_JS: &str = "scorer-start.js";
    /// The global the file:// script sets to the module in base64.
    pub const WASM_GLOBAL: &str = "WEGWIJZER_WASM";
    /// The global in which `scorer-start.js` hands the loader the module it
    /// began compiling while the build's script was on its way.
    pub const COMPILING_GLOBAL: &str = "wegwijzerCompiling";
    /// The global a build's script sets to the site data (JSON text).
    pub const DATA_GLOBAL: &str = "WEGWIJZER_DATA";
    /// Starts `window.name` when it carries changes the browser would not
    /// store to the next page of the tab; `tab-memory.js` (every page)
    /// empties it before the tab leaves the site.
    pub const CARRY_MARK: &str = "wegwijzer-niet-opgeslagen:";
    /// The global in which the scorer hands `tab-memory.js` what to carry,
    /// and in which a content page holds it between two traject pages.
    pub const CARRIED_GLOBAL: &str = "wegwijzerCarried";
}

/// The months as Dutch readers name them, for dates the generator writes
/// and the scorer shows.
/// The largest file the Regiobeeld reads (a saved set; a summary is at
/// most 1 MB): the page's script reads no larger file, the scorer refuses it.
pub const REGION_MAX_FILE_BYTES: usize = 30_000_000;

pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The kinds of school a summary for the region may name: the key in the
/// file and the page's form, and the word people read. The scorer's
/// `SchoolKind` follows this order.
pub const SCHOOL_KINDS: [(&str, &str); 6] = [
    ("vmbo", "vmbo"),
    ("havo-vwo", "havo/vwo"),
    ("brede-scholengemeenschap", "brede scholengemeenschap"),
    ("praktijkonderwijs", "praktijkonderwijs"),
    ("vso", "vso"),
    ("anders", "anders"),
];

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

    /// The domains' numbers, in order.
    pub fn numbers(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for d in &self.domains {
            out.push(d.number);
        }
        out
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
    fn two_builds_each_with_its_own_files_and_every_traject_page_on_one() {
        use super::assets::{BUILDS, File, START_NAME, build_for, is_digest_named, start_file};
        use super::pages::{Build, MEEDOEN, SCORING, TRAJECT_PAGES, by_key, by_path};
        let mut names: Vec<&str> = BUILDS.iter().flat_map(|b| [b.glue_js, b.wasm]).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 2 * BUILDS.len());
        assert_eq!(build_for(&MEEDOEN).build, Build::Participant);
        assert_eq!(build_for(&SCORING).build, Build::Coordinator);
        for page in TRAJECT_PAGES {
            assert_eq!(build_for(&page).build, page.build, "{}", page.path);
            assert_eq!(by_key(page.key), Some(page));
            assert_eq!(by_path(page.path), Some(page));
        }
        assert_eq!(by_path("index.html"), None);
        let digest = "0123456789abcdef";
        for b in BUILDS {
            for f in [File::Script, File::Wasm, File::FileScript] {
                assert!(is_digest_named(&b.file(digest, f)), "{}", b.file(digest, f));
            }
        }
        assert_eq!(
            BUILDS[0].file(digest, File::FileScript),
            "scorer-participant-0123456789abcdef.bestand.js"
        );
        assert_eq!(start_file(digest), "scorer-start-0123456789abcdef.js");
        assert!(is_digest_named(&start_file(digest)));
        assert!(BUILDS.iter().all(|b| b.name != START_NAME));
        for other in [
            "scorer.js",
            "scorer-start.js",
            "scorer-coordinator-xyz.wasm",
            "scorer-coordinator-0123.js",
            "site.css",
        ] {
            assert!(!is_digest_named(other), "{other}");
        }
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

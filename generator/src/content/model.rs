//! The validated site: every value here has passed the checks in
//! `validate`, so rendering never has to second-guess it.

use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// Sorted by number, exactly 1–8.
    pub domains: Vec<Domain>,
    /// Sorted by name.
    pub interventions: Vec<Intervention>,
    /// Keyed by slug (`home`, `handleiding`, …).
    pub pages: BTreeMap<String, Page>,
    /// The host of this copy, from an overlay's `mirror.yaml`.
    pub mirror: Option<Mirror>,
}

/// Who hosts this copy of the Wegwijzer (an overlay's `mirror.yaml`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Mirror {
    pub organisation: String,
    /// The heading of local notes: "In onze regio" or "Op onze school".
    pub local_heading: String,
    pub logo: Option<Logo>,
    /// `#rrggbb`, checked for contrast where the theme uses it.
    pub accent: Option<String>,
    pub contacts: Vec<MirrorContact>,
    /// The mirror's public address, ending in `/`.
    pub address: Option<String>,
    /// `soort: regio`: a region's mirror, which links the Regiobeeld.
    pub region: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Logo {
    /// `logo.svg` or `logo.png`, as written into `assets/`.
    pub file_name: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MirrorContact {
    pub name: Option<String>,
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub tagline: String,
    pub language: String,
    pub address: String,
    /// The content's version: the date of its last change (`2026-12-01`).
    pub version: String,
    pub reference_date: String,
    pub tip: Markdown,
    pub intervention_questions: Vec<String>,
    /// Closing block of printed domain pages: origin, scientific basis, selection.
    pub print_origin: Markdown,
    pub print_basis: Markdown,
    pub print_selection: Markdown,
    pub booklet_intro: Markdown,
    pub contact_organisation: String,
    pub contact_email: String,
    pub colophon: Colophon,
    /// The NJi databank's search page, for "search there" hints.
    pub nji_search: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Colophon {
    pub developed_by: String,
    pub in_cooperation_with: String,
    pub text_and_content: Vec<String>,
    pub design_and_build: String,
    pub project_team: Vec<(String, String)>,
    pub advisory_group: Vec<String>,
    pub funding: String,
}

/// Markdown with the content file it came from, so its links (`#anker`
/// included) resolve correctly on whichever page shows it.
#[derive(Debug, Clone)]
pub struct Markdown {
    pub text: String,
    /// Relative path of the content file, e.g. `domeinen/03-thuissituatie.md`.
    pub source: String,
}

impl Markdown {
    pub fn new(text: impl Into<String>, source: &str) -> Self {
        Markdown {
            text: text.into(),
            source: source.to_string(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Domain {
    /// Where the text comes from, when not from a printed Wegwijzer page.
    pub origin: Option<Markdown>,
    pub number: u8,
    pub title: String,
    pub summary: String,
    /// File name without the `NN-` prefix and `.md`, e.g. `thuissituatie`.
    pub slug: String,
    pub rel_path: String,
    pub not_well: Markdown,
    pub well: Markdown,
    pub recommendations: Vec<Recommendation>,
    pub body: Markdown,
    /// The overlay's note for this domain.
    pub local_note: Option<Markdown>,
    /// The extremes in words for leerlingen and ouders (plain text, B1).
    pub perspectives: Option<Perspectives>,
}

/// A domain's two extremes as a leerling or an ouder reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perspectives {
    pub student: Extremes,
    pub parent: Extremes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extremes {
    pub not_well: String,
    pub well: String,
}

#[derive(Debug, Clone)]
pub struct Recommendation {
    /// As printed, e.g. "3.1".
    pub number: String,
    pub text: Markdown,
    pub inspiration: Vec<Markdown>,
    pub interventions: Vec<InterventionUse>,
    pub footnote: Option<Markdown>,
}

impl Recommendation {
    /// The anchor on the domain page: "3.1" → `aanbeveling-3-1`.
    pub fn anchor(number: &str) -> String {
        format!("aanbeveling-{}", number.replace('.', "-"))
    }
}

#[derive(Debug, Clone)]
pub struct InterventionUse {
    pub id: String,
    pub note: Markdown,
    pub secondary: bool,
    /// A local offer, linked by the overlay.
    pub local: bool,
    /// Linked by the editors where the domain has no printed page: the
    /// databank page that supports the fit. Shown on the page as the
    /// editors' addition.
    pub support: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Nji,
    GezondeSchool,
    Other,
}

impl Source {
    pub fn key(self) -> &'static str {
        match self {
            Source::Nji => "nji",
            Source::GezondeSchool => "gezonde-school",
            Source::Other => "anders",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [Source::Nji, Source::GezondeSchool, Source::Other]
            .into_iter()
            .find(|s| s.key() == key)
    }

    /// The recognition levels this source itself uses, as its intervention
    /// pages write them ("Erkend als" at the NJi, "Erkenningsstatus" at
    /// Loket Gezond Leven), in lower case.
    pub fn levels(self) -> &'static [&'static str] {
        const NJI: &[&str] = &[
            "goed onderbouwd",
            "effectief volgens eerste aanwijzingen",
            "effectief volgens goede aanwijzingen",
            "effectief volgens sterke aanwijzingen",
        ];
        // Loket Gezond Leven's own words ("Erkenningsstatus" on an
        // intervention's page), not the NJi's "effectief volgens ...".
        const LOKET: &[&str] = &[
            "goed beschreven",
            "goed onderbouwd",
            "eerste aanwijzingen voor effectiviteit",
            "goede aanwijzingen voor effectiviteit",
            "sterke aanwijzingen voor effectiviteit",
        ];
        match self {
            Source::Nji => NJI,
            Source::GezondeSchool => LOKET,
            Source::Other => &[],
        }
    }
}

#[derive(Debug, Clone)]
pub struct Intervention {
    pub id: String,
    pub name: String,
    pub source: Source,
    /// Display name of the source.
    pub source_name: String,
    /// The databank's level and its date (`2020-09-24`), when it has one.
    pub recognition: Option<(String, String)>,
    /// Why there is no recognition to show, in the page's words.
    pub not_found: Option<String>,
    pub target_group: Option<String>,
    pub aim: Option<String>,
    pub duration: Option<String>,
    pub costs: Option<String>,
    /// The intervention's own page at its source, or the databank's search
    /// page; none for another source without a known address.
    pub external_url: Option<String>,
    /// Where the facts were read, and the date they were checked.
    pub facts_source: Option<String>,
    pub checked: Option<String>,
    pub rel_path: String,
    pub body: Markdown,
    /// An offer of the overlay's host: never recognised by a databank.
    pub local: bool,
    /// The overlay's note for this intervention.
    pub local_note: Option<Markdown>,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub rel_path: String,
    pub body: Markdown,
    /// A page from the overlay.
    pub local: bool,
}

/// Pages the site cannot do without; `home` becomes `index.html`.
pub const REQUIRED_PAGES: &[&str] = &[
    "home",
    "handleiding",
    "verantwoording",
    "definities",
    "systeembenadering",
    "colofon",
    "links",
    "privacy",
    "toegankelijkheid",
];

/// Anchors the templates put on each kind of page, so content may link to them.
pub const DOMAIN_TEMPLATE_ANCHORS: &[&str] = &["uitersten", "tip", "aanbevelingen", "achtergrond"];

//! Root-relative output paths of each kind of page.

pub const HOME: &str = "index.html";
pub const DOMAINS: &str = "domeinen/index.html";
pub const INTERVENTIONS: &str = "interventies/index.html";
pub const NOT_FOUND: &str = "404.html";
pub const BOOKLET: &str = "boekje.html";
pub const WORKSHEET: &str = "werkblad.html";
/// The paper sheets in the words of leerlingen and of ouders.
pub const WORKSHEET_STUDENTS: &str = "werkblad-leerlingen.html";
pub const WORKSHEET_PARENTS: &str = "werkblad-ouders.html";
pub const ASSETS: &str = "assets";
pub const SITEMAP: &str = "sitemap.xml";
pub const SERVICE_WORKER: &str = "sw.js";
/// The whole site as one download, linked from the page "Zelf hosten".
pub const ZIP: &str = "wegwijzer.zip";
pub const MIRROR_CSS: &str = "assets/mirror.css";

pub fn domain(slug: &str) -> String {
    format!("domeinen/{slug}.html")
}
/// The folder of the intervention pages (and their list).
const INTERVENTION_DIR: &str = "interventies/";
pub fn intervention(id: &str) -> String {
    format!("{INTERVENTION_DIR}{id}.html")
}
/// Whether `path` is one intervention's page (not their list).
pub fn is_intervention(path: &str) -> bool {
    path.starts_with(INTERVENTION_DIR) && path != INTERVENTIONS
}
pub fn page(slug: &str) -> String {
    if slug == "home" {
        HOME.to_string()
    } else {
        format!("{slug}.html")
    }
}
/// `path_to_root` for an output file: `""`, `"../"`, …
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

//! What the traject-import fuzz target runs, kept here so every crasher can
//! be replayed by `cargo test` (see `tests/fuzz_regressions.rs`).

use crate::traject::Traject;
use site_data::{DATA_VERSION, DomainData, SiteData};

/// Eight domains, as the real site has.
pub fn site() -> SiteData {
    SiteData {
        version: DATA_VERSION,
        domains: (1..=8)
            .map(|number| DomainData {
                number,
                title: format!("Domein {number}"),
            })
            .collect(),
    }
}

/// Any bytes as an imported file: never a panic, and what is accepted
/// survives its own export unchanged.
pub fn traject_import(data: &[u8], site: &SiteData) {
    let text = String::from_utf8_lossy(data);
    if let Ok(t) = Traject::from_json(&text, site) {
        let again = Traject::from_json(&t.to_json(), site).expect("an export imports");
        assert_eq!(again, t, "export → import changed the traject");
    }
}

//! What the fuzz targets run (a traject import, a summary for the region),
//! kept here so every crasher can be replayed by `cargo test` (see
//! `tests/fuzz_regressions.rs`).

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

/// Any bytes as a file chosen on the Regiobeeld: never a panic; what is
/// accepted survives being saved again, and merges and draws.
pub fn region_summary(data: &[u8], site: &SiteData) {
    use crate::region::codec::{Read, read_file, set_to_json};
    use crate::region::merge::Set;
    use crate::region::picture::{Filter, picture};
    let Ok(read) = read_file(data, site) else {
        return;
    };
    let list = match read {
        Read::One(s) => {
            let again = read_file(s.to_json().as_bytes(), site).expect("a summary reads back");
            assert_eq!(
                again,
                Read::One(s.clone()),
                "write → read changed the summary"
            );
            vec![s]
        }
        Read::Set(list) => list,
    };
    let mut set = Set::default();
    set.add_file("a", data, site);
    set.add_file("b", set_to_json(list.iter()).as_bytes(), site);
    let domains: Vec<u8> = site.numbers();
    let _ = picture(&set, Filter::All, &domains);
}

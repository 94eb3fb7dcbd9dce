//! The anchors each content file's page will have, for checking links.

use super::*;

/// The anchors each content file's page will have, for checking links.
pub(super) struct AnchorIndex {
    pub(super) anchors: HashMap<String, HashSet<String>>,
}

impl AnchorIndex {
    pub(super) fn build(
        domains: &[Parsed<RawDomain>],
        interventions: &[Parsed<RawIntervention>],
        pages: &[Parsed<RawPage>],
    ) -> Self {
        let mut anchors = HashMap::new();
        let body_ids =
            |s: &markdown::Scan| -> HashSet<String> { s.heading_ids.iter().cloned().collect() };
        for d in domains {
            let mut set = body_ids(&d.body);
            set.extend(DOMAIN_TEMPLATE_ANCHORS.iter().map(|s| s.to_string()));
            set.extend(
                d.raw
                    .aanbevelingen
                    .iter()
                    .map(|r| Recommendation::anchor(&r.nummer)),
            );
            anchors.insert(d.file.rel_path.clone(), set);
        }
        for (f, scan) in interventions
            .iter()
            .map(|i| (&i.file, &i.body))
            .chain(pages.iter().map(|p| (&p.file, &p.body)))
        {
            anchors.insert(f.rel_path.clone(), body_ids(scan));
        }
        AnchorIndex { anchors }
    }
}

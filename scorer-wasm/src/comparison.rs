//! Two rounds of measurement compared, domain by domain: the rapport of
//! each, side by side. Apart from the rounds themselves, since it needs
//! the rapport, which needs the traject.

use crate::rapport::{Filter, Outcome, Rapport};
use crate::spread::{DomainSpread, Spread};
use crate::traject::{Round, Traject};
use site_data::SiteData;

/// One domain now and in an earlier round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub domain: u8,
    pub earlier: Outcome,
    pub now: Outcome,
    /// Each perspective's median then and now, in tenths, where either has one.
    pub by_perspective: Vec<(String, Option<u16>, Option<u16>)>,
}

impl Change {
    /// Now minus then, in tenths; `None` unless both have a number.
    pub fn difference(&self) -> Option<i32> {
        match (self.earlier, self.now) {
            (Outcome::Scored(a), Outcome::Scored(b)) => Some(b as i32 - a as i32),
            _ => None,
        }
    }
}

/// Every domain of the current round against `earlier`, over the
/// participants `filter` admits in each.
pub fn compare(t: &Traject, earlier: &Round, data: &SiteData, filter: Filter) -> Vec<Change> {
    let then = Rapport::filtered(&t.as_in(earlier), data, filter);
    let now = Rapport::filtered(t, data, filter);
    let medians = |s: Option<&DomainSpread>| -> Vec<(String, Spread)> {
        s.map_or_else(Vec::new, |s| s.by_perspective.clone())
    };
    now.rows
        .iter()
        .zip(&then.rows)
        .map(|(n, e)| {
            let (was, is) = (medians(e.spread.as_ref()), medians(n.spread.as_ref()));
            let mut by_perspective: Vec<(String, Option<u16>, Option<u16>)> = Vec::new();
            for (label, _) in was.iter().chain(&is) {
                if by_perspective.iter().any(|(l, _, _)| l == label) {
                    continue;
                }
                let find = |list: &[(String, Spread)]| {
                    list.iter()
                        .find(|(l, _)| l == label)
                        .map(|(_, s)| s.median_tenths)
                };
                by_perspective.push((label.clone(), find(&was), find(&is)));
            }
            Change {
                domain: n.domain,
                earlier: e.outcome,
                now: n.outcome,
                by_perspective,
            }
        })
        .collect()
}

#![no_main]
//! Arbitrary bytes as a file chosen on the Regiobeeld: a school's summary
//! or a saved set.

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SITE: OnceLock<site_data::SiteData> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let site = SITE.get_or_init(scorer_wasm::fuzz_support::site);
    scorer_wasm::fuzz_support::region_summary(data, site);
});

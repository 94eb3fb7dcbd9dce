#![no_main]
//! Arbitrary bytes as an imported traject file.

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SITE: OnceLock<site_data::SiteData> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let site = SITE.get_or_init(scorer_wasm::fuzz_support::site);
    scorer_wasm::fuzz_support::traject_import(data, site);
});

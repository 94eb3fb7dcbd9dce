#![no_main]
//! Arbitrary bytes as one content file (or site.yaml) of a valid site.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| generator::fuzz_support::content_loader(data));

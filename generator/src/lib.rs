//! The Wegwijzer site generator: `content/` + `theme/` → `dist/`.

pub mod content;
pub mod diagnostics;
pub mod fuzz_support;
pub mod linkcheck;
pub mod markdown;
pub mod package;
pub mod pdf;
pub mod render;
pub mod report;
pub mod serve;
pub mod site_build;
pub mod theme;

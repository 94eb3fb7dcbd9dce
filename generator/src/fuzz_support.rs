//! What the fuzz targets run, kept in the library so every crasher they find
//! can be replayed as a plain `cargo test` (see `tests/fuzz_regressions.rs`).

use crate::content::{ContentTree, ParseCache, validate_tree_with};
use crate::diagnostics::Diagnostics;
use crate::render::{Renderer, Templates};
use crate::theme::Theme;
use std::path::Path;
use std::sync::OnceLock;

/// The valid fixture site, read once.
fn fixture() -> &'static ContentTree {
    static TREE: OnceLock<ContentTree> = OnceLock::new();
    TREE.get_or_init(|| {
        // The checkout that runs: `cargo test` sets CARGO_MANIFEST_DIR to
        // generator/, `cargo fuzz run` to fuzz/ beside it; else the one
        // that compiled.
        let fixture = "tests/fixtures/valid/content";
        let dir = std::env::var_os("CARGO_MANIFEST_DIR")
            .map(std::path::PathBuf::from)
            .into_iter()
            .flat_map(|d| [d.join(fixture), d.join("../generator").join(fixture)])
            .find(|d| d.is_dir())
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture));
        let mut diags = Diagnostics::default();
        let tree = crate::content::read_tree(&dir, &mut diags);
        assert!(!diags.has_errors(), "fixture unreadable");
        tree
    })
}

/// The built-in theme and its parsed templates: the same for every input,
/// so they are made once (parsing them per input held the fuzzer to ~36
/// inputs a second).
fn theme() -> &'static (Theme, Templates) {
    static THEME: OnceLock<(Theme, Templates)> = OnceLock::new();
    THEME.get_or_init(|| {
        let theme = Theme::new(None);
        let templates = Templates::load(&theme).expect("built-in theme loads");
        (theme, templates)
    })
}

thread_local! {
    /// The fixture's files as parsed before: only the changed one is parsed again.
    static CACHE: std::cell::RefCell<Option<ParseCache>> =
        std::cell::RefCell::new(Some(ParseCache::default()));
}

/// Replaces one file of the valid fixture with `data` and runs validation,
/// and rendering when it validates. The first byte picks the file. Must
/// never panic, whatever the bytes.
pub fn content_loader(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let mut tree = fixture().clone();
    let slot = usize::from(pick) % (tree.files.len() + 1);
    let rel = match tree.files.get_mut(slot) {
        Some(file) => {
            file.1 = text;
            file.0.clone()
        }
        None => {
            tree.site_yaml = Some(text);
            "site.yaml".to_string()
        }
    };
    let (site, _) = CACHE.with_borrow_mut(|cache| {
        validate_tree_with(Path::new("content"), &tree, Diagnostics::default(), cache)
    });
    if let Some(site) = site {
        // Only the page made from the changed file: the rest of the site is
        // the same for every input (rendering it all held the fuzzer to
        // ~100 inputs a second).
        let (theme, templates) = theme();
        let _ = Renderer::new(&site, theme, templates, None).render_source(&rel);
    }
}

//! The theme: Tera templates and static files. A theme directory overrides
//! the built-in theme file by file, as in mdBook: copy one template, change
//! it, and everything else still comes from the default.

use include_dir::{Dir, include_dir};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../theme");

pub const TEMPLATE_DIR: &str = "templates";
pub const STATIC_DIR: &str = "static";

#[derive(Debug, Clone)]
pub struct Theme {
    /// Files here win over the built-in ones; it may be missing or partial.
    dir: Option<PathBuf>,
}

impl Theme {
    pub fn new(dir: Option<&Path>) -> Self {
        Theme {
            dir: dir.filter(|d| d.is_dir()).map(Path::to_path_buf),
        }
    }

    /// Relative paths (with `/`) of every file under `sub`, from both layers.
    pub fn files(&self, sub: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if let Some(d) = BUILTIN.get_dir(sub) {
            collect_builtin(d, &mut out);
        }
        if let Some(dir) = &self.dir {
            let root = dir.join(sub);
            for e in walkdir::WalkDir::new(&root).into_iter().flatten() {
                if e.file_type().is_file()
                    && let Ok(rel) = e.path().strip_prefix(dir)
                {
                    out.insert(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        out
    }

    /// The theme folder's file `rel`, for errors; `None` when it is built in.
    pub fn origin(&self, rel: &str) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(rel))
            .filter(|p| p.is_file())
    }

    pub fn read(&self, rel: &str) -> std::io::Result<Cow<'static, [u8]>> {
        if let Some(dir) = &self.dir {
            let path = dir.join(rel);
            if path.is_file() {
                return std::fs::read(path).map(Cow::Owned);
            }
        }
        BUILTIN
            .get_file(rel)
            .map(|f| Cow::Borrowed(f.contents()))
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, rel.to_string()))
    }
}

fn collect_builtin(dir: &'static Dir<'static>, out: &mut BTreeSet<String>) {
    for f in dir.files() {
        out.insert(f.path().to_string_lossy().replace('\\', "/"));
    }
    for d in dir.dirs() {
        collect_builtin(d, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_replaces_one_file_and_keeps_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
        std::fs::write(tmp.path().join("templates/404.html"), "eigen 404").unwrap();
        let theme = Theme::new(Some(tmp.path()));
        assert_eq!(&*theme.read("templates/404.html").unwrap(), b"eigen 404");
        let base = theme.read("templates/base.html").unwrap();
        assert!(String::from_utf8_lossy(&base).contains("<html"));
        assert!(theme.files(TEMPLATE_DIR).contains("templates/domain.html"));
    }

    #[test]
    fn a_missing_theme_dir_falls_back_to_builtin() {
        let theme = Theme::new(Some(Path::new("/does/not/exist")));
        assert!(theme.read("static/site.css").is_ok());
        assert!(theme.read("nope.txt").is_err());
    }
}

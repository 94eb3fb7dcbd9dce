//! Walks a built site and checks every internal link and anchor, and that
//! nothing loads from another origin. Runs on the output, so links written
//! by templates are checked as well as those from content.

use scraper::{Html, Selector};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

/// Problems found, each as (file relative to `root`, message).
pub fn check_dir(root: &Path) -> Vec<(String, String)> {
    let mut pages: HashMap<PathBuf, Page> = HashMap::new();
    let mut files: HashSet<PathBuf> = HashSet::new();
    for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if rel.extension().is_some_and(|e| e == "html") {
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => {
                    pages.insert(rel.clone(), Page::parse(&text));
                }
                Err(e) => {
                    return vec![(rel.display().to_string(), format!("cannot read: {e}"))];
                }
            }
        }
        files.insert(rel);
    }
    let mut problems = Vec::new();
    let mut sorted: Vec<&PathBuf> = pages.keys().collect();
    sorted.sort();
    for rel in sorted {
        let page = &pages[rel];
        for link in &page.links {
            if let Some(p) = check_link(rel, link, &files, &pages) {
                problems.push((rel.display().to_string().replace('\\', "/"), p));
            }
        }
    }
    problems
}

struct Link {
    url: String,
    /// Loaded by the page itself (stylesheet, script, image), not followed by a reader.
    loads: bool,
}

struct Page {
    ids: HashSet<String>,
    links: Vec<Link>,
}

impl Page {
    fn parse(text: &str) -> Page {
        let doc = Html::parse_document(text);
        let sel = |s: &str| Selector::parse(s).expect("static selector");
        let ids = doc
            .select(&sel("[id]"))
            .filter_map(|e| e.value().attr("id"))
            .map(str::to_string)
            .collect();
        let mut links = Vec::new();
        for (selector, attr, loads) in [
            ("a[href]", "href", false),
            ("area[href]", "href", false),
            ("link[href]", "href", true),
            ("script[src]", "src", true),
            ("img[src]", "src", true),
            ("source[src]", "src", true),
            ("iframe[src]", "src", true),
            ("form[action]", "action", false),
        ] {
            for e in doc.select(&sel(selector)) {
                if let Some(url) = e.value().attr(attr) {
                    links.push(Link {
                        url: url.to_string(),
                        loads,
                    });
                }
            }
        }
        Page { ids, links }
    }
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !url[..i].contains('/')
        }
        None => false,
    }
}

fn check_link(
    from: &Path,
    link: &Link,
    files: &HashSet<PathBuf>,
    pages: &HashMap<PathBuf, Page>,
) -> Option<String> {
    let url = link.url.as_str();
    if url.starts_with("//") {
        return Some(format!("`{url}` points to another origin"));
    }
    if has_scheme(url) {
        let external = url.starts_with("http:") || url.starts_with("https:");
        if link.loads && !url.starts_with("data:") {
            return Some(format!("`{url}` loads a resource from another origin"));
        }
        if !link.loads && !(external || url.starts_with("mailto:")) {
            return Some(format!("`{url}` uses an unsupported scheme"));
        }
        return None;
    }
    if url.starts_with('/') {
        return Some(format!("`{url}` is root-absolute; links must be relative"));
    }
    let (path_part, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    let target = if path_part.is_empty() {
        from.to_path_buf()
    } else {
        if path_part.ends_with('/') {
            return Some(format!(
                "`{url}` is a directory link; link to its index.html so it works from file://"
            ));
        }
        match resolve(from, &percent_decode(path_part)) {
            Some(t) => t,
            None => return Some(format!("`{url}` points outside the site")),
        }
    };
    if !files.contains(&target) {
        let dir_index = target.join("index.html");
        if files.contains(&dir_index) {
            return Some(format!(
                "`{url}` is a directory link; link to its index.html so it works from file://"
            ));
        }
        return Some(format!("broken link `{url}`: no file {}", target.display()));
    }
    if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
        if let Some(page) = pages.get(&target) {
            if !page.ids.contains(&percent_decode(fragment)) {
                return Some(format!(
                    "broken anchor `{url}`: no id `{fragment}` in {}",
                    target.display()
                ));
            }
        }
    }
    None
}

/// Joins a relative URL path onto the folder of `from`, staying inside the site.
fn resolve(from: &Path, rel: &str) -> Option<PathBuf> {
    let mut parts: Vec<String> = from
        .parent()
        .map(|p| {
            p.components()
                .filter_map(|c| match c {
                    Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s.to_string()),
        }
    }
    Some(parts.iter().collect())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn accepts_a_consistent_site() {
        let dir = site(&[
            (
                "index.html",
                r#"<a href="domeinen/a.html#x">a</a><link rel="stylesheet" href="assets/s.css"><a href="https://nji.nl">n</a><a href="mailto:a@b.nl">m</a><link rel="icon" href="data:,">"#,
            ),
            (
                "domeinen/a.html",
                r##"<h2 id="x">x</h2><a href="../index.html">home</a><a href="#x">self</a>"##,
            ),
            ("assets/s.css", "body{}"),
        ]);
        assert_eq!(check_dir(dir.path()), Vec::<(String, String)>::new());
    }

    #[test]
    fn reports_each_kind_of_problem() {
        let dir = site(&[
            (
                "index.html",
                concat!(
                    r#"<a href="nope.html">1</a>"#,
                    r#"<a href="sub/a.html#missing">2</a>"#,
                    r#"<a href="/abs.html">3</a>"#,
                    r#"<a href="sub/">4</a>"#,
                    r#"<script src="https://cdn.example/x.js"></script>"#,
                    r#"<a href="../../etc/passwd">5</a>"#,
                    r#"<img src="//cdn.example/i.png" alt="">"#,
                ),
            ),
            ("sub/a.html", r#"<p id="here">x</p>"#),
            ("sub/index.html", "x"),
        ]);
        let problems: Vec<String> = check_dir(dir.path())
            .into_iter()
            .map(|(file, message)| format!("{file}: {message}"))
            .collect();
        let expected = [
            "index.html: broken link `nope.html`: no file nope.html",
            "index.html: broken anchor `sub/a.html#missing`: no id `missing` in sub/a.html",
            "index.html: `/abs.html` is root-absolute; links must be relative",
            "index.html: `sub/` is a directory link; link to its index.html so it works from file://",
            "index.html: `../../etc/passwd` points outside the site",
            "index.html: `https://cdn.example/x.js` loads a resource from another origin",
            "index.html: `//cdn.example/i.png` points to another origin",
        ];
        for e in expected {
            assert!(
                problems.iter().any(|p| p == e),
                "missing {e:?} in {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%é%zz"), "%é%zz");
    }
}

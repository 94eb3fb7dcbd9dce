//! Checks every internal link and anchor of a built site, and that nothing
//! loads from another origin. Runs on the rendered output, so links written
//! by templates are checked as well as those from content. It reads the
//! pages as the renderer holds them in memory, with a small streaming scan
//! for ids and links (no DOM): the generator's own, well-formed HTML.

use crate::render::OutputFile;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

/// What the check needs to know of one output file: its path, and for a
/// page its ids and links. Made as each file is rendered, so the pages
/// themselves need not be kept.
pub struct Summary {
    path: PathBuf,
    page: Option<Page>,
}

impl Summary {
    pub fn is_page(&self) -> bool {
        self.page.is_some()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

pub fn summarize(file: &OutputFile) -> Summary {
    let page = if file.path.ends_with(".html") {
        Some(Page::scan(&text(&file.bytes)))
    } else if file.path == SITEMAP {
        Some(Page::sitemap(&text(&file.bytes)))
    } else {
        None
    };
    Summary {
        path: PathBuf::from(&file.path),
        page,
    }
}

/// A page's text: rendered pages are UTF-8, checked at once; a file read
/// back from disk may not be.
fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

const SITEMAP: &str = "sitemap.xml";
const NOT_FOUND: &str = "404.html";

/// What the check knows beyond the files themselves.
#[derive(Default, Clone, Copy)]
pub struct Settings<'a> {
    /// The site's public address: links to it are allowed only in
    /// 404.html, canonical links and sitemap.xml, and must resolve.
    pub site_url: Option<&'a str>,
    /// Files the build adds after rendering (the zip).
    pub extra_files: &'a [&'a str],
}

/// Problems found in a built site, each as (file, message), in file order.
pub fn check(summaries: Vec<Summary>) -> Vec<(String, String)> {
    check_with(summaries, Settings::default())
}

/// As [`check`], with the build's settings.
pub fn check_with(summaries: Vec<Summary>, settings: Settings) -> Vec<(String, String)> {
    let mut paths: HashSet<PathBuf> = summaries.iter().map(|s| s.path.clone()).collect();
    paths.extend(settings.extra_files.iter().map(PathBuf::from));
    let pages: HashMap<PathBuf, Page> = summaries
        .into_iter()
        .filter_map(|s| Some((s.path, s.page?)))
        .collect();
    let mut sorted: Vec<&PathBuf> = pages.keys().collect();
    sorted.sort();
    sorted
        .par_iter()
        .flat_map_iter(|rel| {
            pages[*rel].links.iter().filter_map(|link| {
                check_link(rel, link, &paths, &pages, settings.site_url)
                    .map(|p| (rel.display().to_string().replace('\\', "/"), p))
            })
        })
        .collect()
}

/// The check for files held in memory.
pub fn check_files(files: &[OutputFile]) -> Vec<(String, String)> {
    check(files.par_iter().map(summarize).collect())
}

/// The same check on a folder on disk, e.g. a site built earlier.
pub fn check_dir(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        match std::fs::read(entry.path()) {
            Ok(bytes) => files.push(OutputFile { path: rel, bytes }),
            Err(e) => return vec![(rel, format!("cannot read: {e}"))],
        }
    }
    check_files(&files)
}

struct Link {
    url: String,
    /// Loaded by the page itself (stylesheet, script, image), not followed by a reader.
    loads: bool,
    /// `<link rel="canonical">` or a sitemap's `<loc>`: may use the site's address.
    canonical: bool,
}

struct Page {
    ids: HashSet<String>,
    links: Vec<Link>,
}

/// The attribute that links, per element, and whether the page loads it.
fn link_attr(tag: &str) -> Option<(&'static str, bool)> {
    Some(match tag {
        "a" | "area" => ("href", false),
        "link" => ("href", true),
        "script" | "img" | "source" | "iframe" => ("src", true),
        "form" => ("action", false),
        _ => return None,
    })
}

impl Page {
    /// A sitemap's `<loc>` addresses, as links that may use the site's address.
    fn sitemap(xml: &str) -> Page {
        let links = xml
            .split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split_once("</loc>"))
            .map(|(loc, _)| Link {
                url: unescape(loc.trim()),
                loads: false,
                canonical: true,
            })
            .collect();
        Page {
            ids: HashSet::new(),
            links,
        }
    }

    /// Reads ids and links from start tags, skipping comments, doctypes,
    /// end tags and the contents of script and style elements.
    fn scan(html: &str) -> Page {
        let mut page = Page {
            ids: HashSet::new(),
            links: Vec::new(),
        };
        let b = html.as_bytes();
        let mut i = 0;
        while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
            i += lt + 1;
            if html[i..].starts_with("!--") {
                i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
                continue;
            }
            if i >= b.len() || !b[i].is_ascii_alphabetic() {
                // An end tag, a doctype or a stray `<`.
                continue;
            }
            let name_end = b[i..]
                .iter()
                .position(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
                .map_or(b.len(), |e| i + e);
            let tag = html[i..name_end].to_ascii_lowercase();
            i = name_end;
            let wanted = link_attr(&tag);
            let mut link = None;
            let mut canonical = false;
            // Attributes up to the closing `>`.
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'>' {
                    i += 1;
                    break;
                }
                let an_end = b[i..]
                    .iter()
                    .position(|c| c.is_ascii_whitespace() || matches!(c, b'=' | b'>' | b'/'))
                    .map_or(b.len(), |e| i + e);
                // Compared without case, not copied: most attributes
                // (class, aria-*) are read past.
                let attr = &html[i..an_end];
                i = an_end;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let mut value = None;
                if i < b.len() && b[i] == b'=' {
                    i += 1;
                    while i < b.len() && b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    let (start, end) = match b.get(i) {
                        Some(&q @ (b'"' | b'\'')) => {
                            let end = b[i + 1..]
                                .iter()
                                .position(|&c| c == q)
                                .map_or(b.len(), |e| i + 1 + e);
                            (i + 1, end)
                        }
                        _ => {
                            let end = b[i..]
                                .iter()
                                .position(|c| c.is_ascii_whitespace() || *c == b'>')
                                .map_or(b.len(), |e| i + e);
                            (i, end)
                        }
                    };
                    value = Some(&html[start..end.min(b.len())]);
                    i = if end < b.len() && matches!(b[end], b'"' | b'\'') {
                        end + 1
                    } else {
                        end
                    };
                }
                let Some(value) = value else { continue };
                if attr.eq_ignore_ascii_case("id") {
                    page.ids.insert(unescape(value));
                } else if attr.eq_ignore_ascii_case("rel") && unescape(value) == "canonical" {
                    canonical = true;
                } else if wanted.is_some_and(|(want, _)| attr.eq_ignore_ascii_case(want)) {
                    link = Some(unescape(value));
                }
            }
            if let Some(url) = link.take() {
                page.links.push(Link {
                    url,
                    // A canonical link names the page; it loads nothing.
                    loads: wanted.is_some_and(|(_, loads)| loads) && !canonical,
                    canonical,
                });
            }
            if tag == "script" || tag == "style" {
                i = find_end_tag(&b[i.min(b.len())..], tag.as_bytes()).map_or(b.len(), |e| i + e);
            }
            if i >= b.len() {
                break;
            }
        }
        page
    }
}

/// Where `</name` starts in `rest`, in any case.
fn find_end_tag(rest: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = rest[from..].windows(2).position(|w| w == b"</") {
        let start = from + at;
        let after = &rest[start + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            return Some(start);
        }
        from = start + 2;
    }
    None
}

/// The entities our HTML escaping writes, back to their characters.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
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
    site_url: Option<&str>,
) -> Option<String> {
    let own = site_url.and_then(|s| link.url.strip_prefix(s));
    if let Some(rest) = own {
        if !(link.canonical || from == Path::new(NOT_FOUND)) {
            return Some(format!(
                "`{}` uses the site's own address; links must be relative (only 404.html, canonical links and sitemap.xml may use it)",
                link.url
            ));
        }
        // Checked as a link from the site's root.
        let relative = Link {
            url: if rest.is_empty() {
                "index.html".into()
            } else {
                rest.to_string()
            },
            loads: link.loads,
            canonical: false,
        };
        return check_link(Path::new("index.html"), &relative, files, pages, None)
            .map(|p| format!("{p} (from `{}`)", link.url));
    }
    if link.canonical {
        return Some(format!(
            "`{}` must be on the site's own address {}",
            link.url,
            site_url.unwrap_or("(none given)")
        ));
    }
    let url = link.url.as_str();
    if url.starts_with("//") {
        return Some(format!("`{url}` points to another origin"));
    }
    if has_scheme(url) {
        let external = url.starts_with("http:") || url.starts_with("https:");
        if link.loads && !url.starts_with("data:") {
            return Some(format!("`{url}` loads a resource from another origin"));
        }
        if !link.loads && !(external || url.starts_with("mailto:") || url.starts_with("tel:")) {
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
    if let Some(fragment) = fragment.filter(|f| !f.is_empty())
        && let Some(page) = pages.get(&target)
        && !page.ids.contains(&percent_decode(fragment))
    {
        return Some(format!(
            "broken anchor `{url}`: no id `{fragment}` in {}",
            target.display()
        ));
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
    fn the_scan_reads_attributes_as_a_browser_would() {
        let page = Page::scan(concat!(
            "<!DOCTYPE html><!-- <a href=\"commented.html\"> -->",
            "<A HREF='a.html' id=top>x</A><img alt=\"a > b\" src=\"i.png\">",
            "<a class=\"x\" href=\"q.html?a=1&amp;b=2#s%C3%A9\" data-x>y</a>",
            "<script src=\"s.js\">var s = '<a href=\"in-script.html\">';</script>",
            "<p id=\"naam&quot;x\"></p><a href=\"#top\"/>",
        ));
        let urls: Vec<&str> = page.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["a.html", "i.png", "q.html?a=1&b=2#s%C3%A9", "s.js", "#top"]
        );
        assert_eq!(
            page.links.iter().map(|l| l.loads).collect::<Vec<_>>(),
            [false, true, false, true, false]
        );
        assert!(page.ids.contains("top") && page.ids.contains("naam\"x"));
        assert_eq!(page.ids.len(), 2);
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%é%zz"), "%é%zz");
    }
}

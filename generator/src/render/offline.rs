//! The files that serve hosts and crawlers rather than readers: the
//! service worker that keeps the site working offline, and the sitemap.

use super::{OutputFile, RenderError, Renderer, urls};
use xxhash_rust::xxh3::{Xxh3Default, xxh3_128};

/// A file's 128-bit XXH3, hex: it only tells builds apart (the cache's
/// name), so a fast hash will do; SHA-256 was 7 % of a large build.
pub fn digest(bytes: &[u8]) -> String {
    format!("{:032x}", xxh3_128(bytes))
}

/// The files the service worker keeps, and the name of their cache: a
/// digest of every file, so a changed build gets a cache of its own.
pub fn precache(digests: &[(String, String)]) -> (String, Vec<&str>) {
    let files: Vec<&(String, String)> = digests
        .iter()
        .filter(|(path, _)| path != urls::SITEMAP && path != urls::SERVICE_WORKER)
        // The module's base64 script serves file:// only, where no worker runs.
        .filter(|(path, _)| !path.ends_with(".bestand.js"))
        .collect();
    let mut all = Xxh3Default::new();
    for (path, d) in &files {
        all.update(path.as_bytes());
        all.update(&[0]);
        all.update(d.as_bytes());
        all.update(b"\n");
    }
    let cache = format!("wegwijzer-{:016x}", all.digest());
    (cache, files.iter().map(|(p, _)| p.as_str()).collect())
}

/// Every page but the 404 page, at the site's public address.
pub fn sitemap(site_url: &str, digests: &[(String, String)]) -> OutputFile {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, _) in digests {
        if path.ends_with(".html") && path != urls::NOT_FOUND {
            let loc = site_data::escape_html(&format!("{site_url}{path}"));
            xml.push_str(&format!("  <url><loc>{loc}</loc></url>\n"));
        }
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: urls::SITEMAP.to_string(),
        bytes: xml.into_bytes(),
    }
}

impl Renderer<'_> {
    /// `sw.js` in the site's root, so its scope is the whole site.
    pub(super) fn service_worker(
        &self,
        digests: &[(String, String)],
    ) -> Result<OutputFile, RenderError> {
        let (cache, files) = precache(digests);
        // Named after their content: a name never changes meaning, so the
        // cache answers them first.
        let immutable: Vec<&str> = files
            .iter()
            .copied()
            .filter(|p| {
                p.strip_prefix(urls::ASSETS)
                    .and_then(|r| r.strip_prefix('/'))
                    .is_some_and(site_data::assets::is_digest_named)
            })
            .collect();
        let mut ctx = tera::Context::new();
        ctx.insert("cache", &cache);
        ctx.insert("files", &files);
        ctx.insert("immutable", &immutable);
        self.render("sw.js", urls::SERVICE_WORKER, &ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_name_follows_every_byte_of_the_build() {
        let a = vec![("index.html".to_string(), digest(b"a"))];
        let b = vec![("index.html".to_string(), digest(b"b"))];
        let (ca, files) = precache(&a);
        let (cb, _) = precache(&b);
        assert_ne!(ca, cb);
        assert_eq!(ca, precache(&a).0);
        assert_eq!(files, ["index.html"]);
    }

    #[test]
    fn the_worker_keeps_every_file_but_itself_and_the_sitemap() {
        let d = |p: String| (p, digest(b"x"));
        let all = vec![
            d("assets/site.css".into()),
            d("index.html".into()),
            d(urls::SITEMAP.into()),
            d(urls::SERVICE_WORKER.into()),
        ];
        let (_, files) = precache(&all);
        assert_eq!(files, ["assets/site.css", "index.html"]);
    }

    #[test]
    fn the_sitemap_lists_pages_but_not_the_404_page() {
        let d = |p: &str| (p.to_string(), String::new());
        let map = sitemap(
            "https://s.nl/w/",
            &[
                d("404.html"),
                d("assets/site.css"),
                d("domeinen/a.html"),
                d("index.html"),
            ],
        );
        let xml = String::from_utf8(map.bytes).unwrap();
        assert!(xml.contains("<loc>https://s.nl/w/domeinen/a.html</loc>"));
        assert!(xml.contains("<loc>https://s.nl/w/index.html</loc>"));
        assert!(!xml.contains("404") && !xml.contains("site.css"));
    }
}

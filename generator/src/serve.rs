//! `generator serve`: builds, serves the output on 127.0.0.1 and rebuilds
//! when content or theme change. A failed rebuild is reported and the last
//! good build keeps being served.

use crate::site_build::BuildOptions;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

pub fn serve(opts: BuildOptions, port: u16) -> Result<(), String> {
    crate::report::build(&opts);
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_default();
    eprintln!(
        "serving {} at http://{addr}/ (Ctrl+C to stop)",
        opts.out.display()
    );

    let _watcher = watch(&opts)?;

    for request in server.incoming_requests() {
        let response = respond(&opts.out, request.url());
        let _ = request.respond(response);
    }
    Ok(())
}

/// Rebuilds after content or theme files change. Only writes, creations,
/// removals and renames count: the build itself reads every file, and
/// counting those reads as changes would rebuild forever.
fn watch(opts: &BuildOptions) -> Result<notify::RecommendedWatcher, String> {
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res
            && matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            )
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    let mut watched = vec![opts.content.clone()];
    watched.extend(opts.theme.clone());
    watched.extend(opts.overlay.clone());
    for dir in watched.iter().filter(|d| d.exists()) {
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
    }
    let opts = opts.clone();
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // An editor's save is several events; wait for the burst to end.
            while rx.recv_timeout(Duration::from_millis(250)).is_ok() {}
            eprintln!("change detected, rebuilding…");
            crate::report::build(&opts);
        }
    });
    Ok(watcher)
}

fn respond(root: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let (status, path) = match locate(root, url) {
        Some(p) => (200, p),
        None => (404, root.join("404.html")),
    };
    let body = std::fs::read(&path).unwrap_or_else(|_| b"404 Not Found".to_vec());
    let content_type = content_type(&path);
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
}

/// The file a request path maps to, never outside `root`.
fn locate(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let mut file = root.to_path_buf();
    for seg in path.split('/') {
        let seg = decode(seg)?;
        match seg.as_str() {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['/', '\\']) => return None,
            s => file.push(s),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn decode(seg: &str) -> Option<String> {
    let b = seg.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = |c: u8| (c as char).to_digit(16);
            let (h, l) = (hex(*b.get(i + 1)?)?, hex(*b.get(i + 2)?)?);
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_files_and_refuses_traversal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("domeinen")).unwrap();
        std::fs::write(dir.path().join("index.html"), "home").unwrap();
        std::fs::write(dir.path().join("domeinen/caf\u{e9}.html"), "x").unwrap();
        let root = dir.path();
        assert_eq!(locate(root, "/"), Some(root.join("index.html")));
        assert_eq!(
            locate(root, "/index.html?x=1"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            locate(root, "/domeinen/caf%C3%A9.html"),
            Some(root.join("domeinen/café.html"))
        );
        assert_eq!(locate(root, "/../etc/passwd"), None);
        assert_eq!(locate(root, "/%2e%2e/x"), None);
        assert_eq!(locate(root, "/a%2Fb"), None);
        assert_eq!(locate(root, "/missing.html"), None);
    }
}

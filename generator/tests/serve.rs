//! `generator serve` on a real port: serves the build, answers 404 with the
//! 404 page, rebuilds on changes, and keeps serving the last good build
//! when a change breaks the content.

mod common;
use common::manifest_dir;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_generator");

struct Server {
    child: Child,
    log: Arc<Mutex<Vec<String>>>,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut text = String::new();
    s.read_to_string(&mut text).ok()?;
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n")?.1.to_string();
    Some((status, body))
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

fn start(dir: &Path) -> Server {
    let port = free_port();
    let mut child = Command::new(BIN)
        .args(["serve", "--port", &port.to_string()])
        .current_dir(dir)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let stderr = child.stderr.take().unwrap();
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    let server = Server { child, log, port };
    wait_for("the server", || get(port, "/").is_some());
    server
}

fn copy_valid(to: &Path) {
    let from = manifest_dir().join("tests/fixtures/valid/content");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.unwrap();
        let target = to
            .join("content")
            .join(e.path().strip_prefix(&from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

#[test]
fn serves_rebuilds_and_survives_broken_content() {
    let dir = tempfile::tempdir().unwrap();
    copy_valid(dir.path());
    let server = start(dir.path());
    let port = server.port;

    // Serving reads files but changes none: no rebuilds without a change.
    std::thread::sleep(Duration::from_millis(1500));
    let builds = |log: &Arc<Mutex<Vec<String>>>| {
        log.lock()
            .unwrap()
            .iter()
            .filter(|l| l.starts_with("built "))
            .count()
    };
    assert_eq!(builds(&server.log), 1, "{:?}", server.log.lock().unwrap());

    let (status, body) = get(port, "/").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Testwijzer</h1>"), "{body}");
    assert_eq!(get(port, "/domeinen/thuis.html").unwrap().0, 200);
    let (status, body) = get(port, "/bestaat-niet.html").unwrap();
    assert_eq!(status, 404);
    assert!(body.contains("Pagina niet gevonden"));
    assert_eq!(get(port, "/../Cargo.toml").unwrap().0, 404);
    assert_eq!(get(port, "/%2e%2e/%2e%2e/etc/passwd").unwrap().0, 404);

    // A change is picked up.
    let home = dir.path().join("content/paginas/home.md");
    std::fs::write(
        &home,
        "---\ntitel: Home\nsamenvatting: x\n---\nNieuwe welkomsttekst.\n",
    )
    .unwrap();
    wait_for("the rebuild", || {
        get(port, "/index.html").is_some_and(|(_, b)| b.contains("Nieuwe welkomsttekst."))
    });

    // A broken change is reported, and the last good build stays online.
    let domain = dir.path().join("content/domeinen/04-vier.md");
    let text = std::fs::read_to_string(&domain).unwrap();
    std::fs::write(&domain, text.replace("nummer: 4", "nummer: 44")).unwrap();
    wait_for("the error report", || {
        server
            .log
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.contains("build failed"))
    });
    let log = server.log.lock().unwrap().join("\n");
    assert!(
        log.contains("content/domeinen/04-vier.md:2: `nummer` must be 1 to 8, not 44"),
        "{log}"
    );
    let (status, body) = get(port, "/index.html").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("Nieuwe welkomsttekst."));
    assert_eq!(get(port, "/domeinen/vier.html").unwrap().0, 200);
}

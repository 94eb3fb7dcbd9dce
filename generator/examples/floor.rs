//! The floor for the scale benchmark: the least a generator must do with the
//! same Markdown. Reads every `.md` under a folder, drops the front matter,
//! renders the body with pulldown-cmark and writes one HTML file per input.
//!
//!     cargo run --release -p generator --example floor -- CONTENT_DIR OUT_DIR

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(content), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: floor CONTENT_DIR OUT_DIR");
        std::process::exit(2);
    };
    let (content, out) = (PathBuf::from(content), PathBuf::from(out));
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&content).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read");
        let body = match text
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
        {
            Some((_, body)) => body,
            None => &text,
        };
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(body));
        let rel = path
            .strip_prefix(&content)
            .expect("inside")
            .with_extension("html");
        let target = out.join(rel);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::write(target, html).expect("write");
        pages += 1;
    }
    println!("{pages}");
}

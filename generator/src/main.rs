//! `generator build | check | pdf | package | pages | readability | serve`.

use clap::{Args, Parser, Subcommand};
use generator::report;
use generator::serve::serve;
use generator::site_build::BuildOptions;
use std::path::PathBuf;
use std::process::ExitCode;

// A build makes and frees millions of small strings on every core; glibc's
// allocator took a quarter of a 5,000-page build's samples. mimalloc's v2:
// its v3 held 118 MB at that build's peak, v2 85 MB (glibc 67 MB).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "generator",
    about = "Builds the Wegwijzer site from content/ and theme/"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate content and write the site into the output folder.
    Build(Paths),
    /// Validate content and templates; write nothing.
    Check {
        #[command(flatten)]
        paths: Paths,
        /// Fail when there are warnings, too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Render built pages to PDF with headless Chromium, for editors who
    /// hand out PDFs. Default: every domain page, the booklet and the worksheet.
    Pdf {
        /// The built site.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Where the PDFs go.
        #[arg(long, default_value = "pdf")]
        out: PathBuf,
        #[arg(long, default_value = "/usr/bin/chromium")]
        chromium: PathBuf,
        /// Pages relative to the site, e.g. domeinen/thuissituatie.html.
        pages: Vec<String>,
    },
    /// Build the site into its folder, and copy its zip to FILE.zip: the
    /// package a host can upload or pass on.
    Package {
        #[command(flatten)]
        sources: Sources,
        /// The site folder to build into.
        #[arg(long, default_value = "dist")]
        site: PathBuf,
        /// Where the zip goes.
        #[arg(long, value_name = "FILE.zip")]
        out: PathBuf,
    },
    /// Report how easily the domains' extremes read (Flesch-Douma) for the
    /// team, leerlingen and ouders; fails when leerling or ouder words are
    /// missing or read under --min.
    Readability {
        /// Folder with site.yaml and domeinen/.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value_t = 65.0)]
        min: f64,
    },
    /// Print the traject pages (site-data's one list) as JSON, with the
    /// scorer build each loads: for scripts such as the budgets.
    Pages,
    /// Build, serve on 127.0.0.1 and rebuild on changes.
    Serve {
        #[command(flatten)]
        paths: Paths,
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
}

#[derive(Args)]
struct Paths {
    #[command(flatten)]
    sources: Sources,
    /// Output folder; replaced only when the build succeeds.
    #[arg(long, default_value = "dist")]
    out: PathBuf,
}

#[derive(Args)]
struct Sources {
    /// Folder with site.yaml, domeinen/, interventies/ and paginas/
    /// [default: content]
    #[arg(long)]
    content: Option<PathBuf>,
    /// Theme folder; its files override the built-in theme one by one
    /// [default: theme, when that folder exists; else the built-in theme]
    #[arg(long)]
    theme: Option<PathBuf>,
    /// The scorer's browser build (`cargo run -p scorer-build` writes
    /// target/scorer); adds the traject pages. Without it they are left out.
    #[arg(long)]
    scorer: Option<PathBuf>,
    /// A host's own additions: mirror.yaml, local notes, offers and pages.
    /// It adds to the content and never edits it.
    #[arg(long)]
    overlay: Option<PathBuf>,
    /// The site's public address, e.g. https://school.nl/wegwijzer/: adds
    /// canonical links and sitemap.xml, and makes 404.html link to it.
    /// Overrides the overlay's `adres`.
    #[arg(long)]
    site_url: Option<String>,
    /// Leave out the site's own zip (wegwijzer.zip); for benchmarks.
    #[arg(long)]
    no_zip: bool,
}

impl Paths {
    fn options(self) -> Result<BuildOptions, String> {
        self.sources.options(self.out)
    }
}

impl Sources {
    /// The options, once every folder named on the command line exists: a
    /// misspelled `--theme` must not fall back to the built-in theme unseen.
    fn options(self, out: PathBuf) -> Result<BuildOptions, String> {
        let named = |flag: &str, path: Option<PathBuf>| match path {
            Some(p) if !p.is_dir() => Err(format!("{flag} {}: no such folder", p.display())),
            p => Ok(p),
        };
        let content = named("--content", self.content)?.unwrap_or_else(|| "content".into());
        let theme = match named("--theme", self.theme)? {
            Some(t) => Some(t),
            None => Some(PathBuf::from("theme")).filter(|t| t.is_dir()),
        };
        Ok(BuildOptions {
            content,
            theme,
            out,
            scorer: named("--scorer", self.scorer)?,
            overlay: named("--overlay", self.overlay)?,
            site_url: self.site_url.map(|u| site_url(&u)).transpose()?,
            zip: !self.no_zip,
        })
    }
}

/// `--site-url`: an https:// (or, for a local test host, http://) address,
/// always ending in `/`.
fn site_url(url: &str) -> Result<String, String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r)
            if !r.is_empty()
                && !r.starts_with('/')
                && !url.contains(['?', '#', ' ', '"', '<', '>']) =>
        {
            Ok(if url.ends_with('/') {
                url.to_string()
            } else {
                format!("{url}/")
            })
        }
        _ => Err(format!(
            "--site-url {url}: expected an address like https://school.nl/wegwijzer/"
        )),
    }
}

/// Runs `f` with the options, or says why the paths are wrong.
fn with_options(paths: Paths, f: impl FnOnce(BuildOptions) -> ExitCode) -> ExitCode {
    match paths.options() {
        Ok(opts) => f(opts),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build(paths) => with_options(paths, |opts| report::exit(report::build(&opts))),
        Command::Check {
            paths,
            deny_warnings,
        } => with_options(paths, |opts| {
            report::exit(report::check(&opts, deny_warnings))
        }),
        Command::Pdf {
            dist,
            out,
            chromium,
            pages,
        } => match generator::pdf::render(&dist, &out, &chromium, &pages) {
            Ok(written) => {
                for w in &written {
                    eprintln!("wrote {}", w.display());
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Package { sources, site, out } => match sources.options(site) {
            Ok(mut opts) => {
                opts.zip = true;
                report::exit(report::package(&opts, &out))
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Readability { content, min } => report::exit(report::readability(&content, min)),
        Command::Pages => {
            let pages: Vec<serde_json::Value> = site_data::pages::TRAJECT_PAGES
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "path": p.path,
                        "kind": p.kind,
                        "template": p.template,
                        "key": p.key,
                        "title": p.title,
                        "build": site_data::assets::build_for(p).name,
                    })
                })
                .collect();
            println!("{}", serde_json::Value::Array(pages));
            ExitCode::SUCCESS
        }
        Command::Serve { paths, port } => with_options(paths, |opts| match serve(opts, port) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }),
    }
}

//! `generator build | check | serve`.

use clap::{Args, Parser, Subcommand};
use generator::serve::{build_and_report, serve};
use generator::site_build::{check, BuildOptions};
use std::path::PathBuf;
use std::process::ExitCode;

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
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[arg(long, default_value = "theme")]
        theme: PathBuf,
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
    /// Folder with site.yaml, domeinen/, interventies/ and paginas/.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Theme folder; its files override the built-in theme one by one.
    #[arg(long, default_value = "theme")]
    theme: PathBuf,
    /// Output folder; replaced only when the build succeeds.
    #[arg(long, default_value = "dist")]
    out: PathBuf,
    /// The scorer's browser build (`cargo run -p scorer-build` writes
    /// target/scorer); adds the traject pages. Without it they are left out.
    #[arg(long)]
    scorer: Option<PathBuf>,
}

impl Paths {
    fn options(self) -> BuildOptions {
        BuildOptions {
            content: self.content,
            theme: Some(self.theme),
            out: self.out,
            scorer: self.scorer,
        }
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build(paths) => {
            if build_and_report(&paths.options()) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Check {
            content,
            theme,
            deny_warnings,
        } => match check(&content, Some(&theme)) {
            Ok(warnings) => {
                for w in &warnings {
                    eprintln!("{w}");
                }
                eprintln!("content is valid ({} warning(s))", warnings.len());
                if deny_warnings && !warnings.is_empty() {
                    eprintln!("error: --deny-warnings is set");
                    return ExitCode::FAILURE;
                }
                ExitCode::SUCCESS
            }
            Err(failure) => {
                for d in &failure.diagnostics {
                    eprintln!("{d}");
                }
                for o in &failure.other {
                    eprintln!("{o}");
                }
                eprintln!(
                    "error: check failed with {} error(s)",
                    failure.error_count()
                );
                ExitCode::FAILURE
            }
        },
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
        Command::Serve { paths, port } => match serve(paths.options(), port) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

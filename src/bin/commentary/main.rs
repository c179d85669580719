//! `commentary`: the command-line compiler of commentaries, a thin shell over
//! `commentary_embed::content`.
//!
//! ```text
//! commentary build [--embed-base <url>] [--document-base <url>] <content-dir> <out-dir>
//! ```
//!
//! On wasm32 (where `cargo test --target wasm32-unknown-unknown` still builds every binary) it
//! is an empty program.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os().skip(1).collect())
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::path::Path;
    use std::process::ExitCode;

    use commentary_embed::content::{build_with, BuildReport, PageOptions};

    const USAGE: &str = "\
usage: commentary build <content-dir> <out-dir>
       commentary build --embed-base <url> --document-base <url> <content-dir> <out-dir>

Compiles every commentary folder in <content-dir> (commentary.toml and one <lang>.md per
language) into <out-dir>/<id>.json, creating <out-dir> if needed, and writes an article page
<out-dir>/<id>/<lang>/index.html (with oembed.json and the framed embed page embed/index.html)
for every language version.

Errors and warnings go to stderr as `path:line: message`; every error of every file is
reported. A commentary with an error is not written; the exit status is then 1.

options:
  --embed-base <url>     where dist/ is served; the pages load <url>commentary-embed.js
                         (default ../../../embed/, relative to a page)
  --document-base <url>  where <out-dir> is served (default ../../, relative to a page);
                         give absolute URLs for link previews, og:url and the embed code
  -h, --help     print this help
  -V, --version  print the version";

    /// Runs the command line `args` (without the program name).
    pub fn run(args: Vec<OsString>) -> ExitCode {
        let is_help = |a: &OsString| a == "-h" || a == "--help";
        let Some((command, rest)) = args.split_first() else {
            return usage_error("missing command");
        };
        match command.to_str() {
            Some("-h" | "--help" | "help") if rest.is_empty() => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            Some("-V" | "--version") if rest.is_empty() => {
                println!("commentary {}", env!("CARGO_PKG_VERSION"));
                ExitCode::SUCCESS
            }
            Some("build") if rest.iter().any(is_help) => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            Some("build") => match build_arguments(rest) {
                Ok((content, out, options)) => {
                    run_build(Path::new(&content), Path::new(&out), &options)
                }
                Err(message) => usage_error(&message),
            },
            _ => usage_error(&format!("unknown command `{}`", command.to_string_lossy())),
        }
    }

    fn usage_error(message: &str) -> ExitCode {
        eprintln!("commentary: {message}\n\n{USAGE}");
        ExitCode::from(2)
    }

    /// The content and output folders and the page options of `build`'s arguments.
    fn build_arguments(args: &[OsString]) -> Result<(OsString, OsString, PageOptions), String> {
        let mut options = PageOptions::default();
        let mut positional = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy();
            let (flag, inline) = match text.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (text.clone().into_owned(), None),
            };
            let slot = match flag.as_str() {
                "--embed-base" => &mut options.embed_base,
                "--document-base" => &mut options.document_base,
                f if f.starts_with("--") => return Err(format!("unknown option `{f}`")),
                _ => {
                    positional.push(arg.clone());
                    continue;
                }
            };
            let value = match inline {
                Some(v) => v,
                None => args
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .ok_or_else(|| format!("`{flag}` needs a URL"))?,
            };
            if value.trim().is_empty() {
                return Err(format!("`{flag}` needs a URL"));
            }
            *slot = value;
        }
        match <[OsString; 2]>::try_from(positional) {
            Ok([content, out]) => Ok((content, out, options.normalized())),
            Err(_) => Err("`build` takes two arguments: <content-dir> <out-dir>".into()),
        }
    }

    fn run_build(content: &Path, out: &Path, options: &PageOptions) -> ExitCode {
        let report = build_with(content, out, options);
        print(&report);
        if report.has_errors() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Diagnostics to stderr, one line per written file to stdout, and a closing count.
    fn print(report: &BuildReport) {
        for d in &report.diagnostics {
            eprintln!("{d}");
        }
        for w in &report.written {
            let n = w.languages.len();
            let plural = if n == 1 { "" } else { "s" };
            println!(
                "{}: {n} version{plural} ({}), {} bytes -> {}, {} page{plural}",
                w.id,
                w.languages.join(", "),
                w.bytes,
                w.path.display(),
                w.pages.len()
            );
        }
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        if errors > 0 || warnings > 0 {
            let s = |n: usize| if n == 1 { "" } else { "s" };
            eprintln!(
                "commentary: {errors} error{}, {warnings} warning{}; {} of {} commentar{} written",
                s(errors),
                s(warnings),
                report.written.len(),
                report.commentaries,
                if report.commentaries == 1 { "y" } else { "ies" }
            );
        }
    }
}

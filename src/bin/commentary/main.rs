//! `commentary`: the command-line compiler of commentaries, a thin shell over
//! `commentary_embed::content`.
//!
//! ```text
//! commentary build [--force] [--embed-base <url>] [--document-base <url>] <content-dir> <out-dir>
//! commentary check <content-dir>
//! commentary watch [build options] <content-dir> <out-dir>
//! commentary reach [--json] <access-log>...
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
mod reach;
#[cfg(not(target_arch = "wasm32"))]
mod watch;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::path::Path;
    use std::process::ExitCode;

    use commentary_embed::content::{build_archive, BuildOptions, BuildReport, PageOptions};

    const USAGE: &str = "\
usage: commentary build <content-dir> <out-dir>
       commentary build [--force] --embed-base <url> --document-base <url> <content-dir> <out-dir>
       commentary check <content-dir>
       commentary watch [build options] <content-dir> <out-dir>
       commentary reach [--json] <access-log>...

build: compiles every commentary folder in <content-dir> (commentary.toml and one <lang>.md
per language) into <out-dir>/<id>.json, creating <out-dir> if needed, and writes an article
page <out-dir>/<id>/<lang>/index.html (with oembed.json, the framed embed page
embed/index.html and the link card card.png) for every language version, and, with an
absolute --document-base, feeds/<lang>.atom, feeds/<lang>.json and sitemap.xml. A
commentary whose sources, CLI and options have not changed since its last build into
<out-dir> is skipped (its warnings are printed again).

check: what build reports, with nothing written.

watch: build, then rebuild what changed after every save, until interrupted (Ctrl-C); the
article pages it writes reload themselves after each rebuild.

reach: counts, per commentary, partner origin and day, the document fetches and the article
and embed page views in nginx `combined` access logs (plain or .gz); no IP address, user
agent or partner path is kept.

Errors and warnings go to stderr as `path:line: message`; every error of every file is
reported. A commentary with an error is not written; the exit status is then 1.

options:
  --force                rebuild every commentary, even those up to date
  --embed-base <url>     where dist/ is served; the pages load <url>commentary-embed.js
                         (default ../../../embed/, relative to a page)
  --document-base <url>  where <out-dir> is served (default ../../, relative to a page);
                         give absolute URLs for link previews, og:url and the embed code
  --json                 reach: the counts as JSON instead of a table
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
            Some("build" | "check" | "watch" | "reach") if rest.iter().any(is_help) => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            Some("build") => match build_arguments(rest) {
                Ok((content, out, options)) => {
                    run_build(Path::new(&content), Path::new(&out), &options)
                }
                Err(message) => usage_error(&message),
            },
            Some("check") => match rest {
                [content] if !content.to_string_lossy().starts_with("--") => {
                    let report = build_archive(Path::new(content), None, &BuildOptions::default());
                    print_report(&report, true);
                    exit_status(&report)
                }
                _ => usage_error("`check` takes one argument: <content-dir>"),
            },
            Some("watch") => match build_arguments(rest) {
                Ok((content, out, mut options)) => {
                    options.live_reload = true;
                    super::watch::watch(Path::new(&content), Path::new(&out), &options, print)
                }
                Err(message) => usage_error(&message.replace("`build`", "`watch`")),
            },
            Some("reach") => super::reach::run(rest).unwrap_or_else(|m| usage_error(&m)),
            _ => usage_error(&format!("unknown command `{}`", command.to_string_lossy())),
        }
    }

    fn usage_error(message: &str) -> ExitCode {
        eprintln!("commentary: {message}\n\n{USAGE}");
        ExitCode::from(2)
    }

    /// The content and output folders and the options of `build`'s arguments.
    fn build_arguments(args: &[OsString]) -> Result<(OsString, OsString, BuildOptions), String> {
        let mut options = PageOptions::default();
        let mut force = false;
        let mut positional = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg == "--force" {
                force = true;
                continue;
            }
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
            Ok([content, out]) => Ok((
                content,
                out,
                BuildOptions {
                    pages: options.normalized(),
                    force,
                    ..BuildOptions::default()
                },
            )),
            Err(_) => Err("`build` takes two arguments: <content-dir> <out-dir>".into()),
        }
    }

    fn run_build(content: &Path, out: &Path, options: &BuildOptions) -> ExitCode {
        let report = build_archive(content, Some(out), options);
        print(&report);
        exit_status(&report)
    }

    /// 1 when any diagnostic is an error, else 0.
    fn exit_status(report: &BuildReport) -> ExitCode {
        if report.has_errors() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Diagnostics to stderr, one line per written file to stdout, and a closing count.
    pub fn print(report: &BuildReport) {
        print_report(report, false);
    }

    /// [`print`]; `checking` for `check`, which writes nothing and says so.
    fn print_report(report: &BuildReport, checking: bool) {
        for d in &report.diagnostics {
            eprintln!("{d}");
        }
        for w in &report.warnings {
            eprintln!("commentary: warning: {w}");
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
        let skipped = match report.skipped {
            0 => String::new(),
            n => format!(", {n} up to date (skipped)"),
        };
        let s = |n: usize| if n == 1 { "" } else { "s" };
        if checking {
            let n = report.commentaries;
            let failed = n - report.summaries.len();
            eprintln!(
                "commentary: {errors} error{}, {warnings} warning{}; {n} commentar{} checked, {failed} with errors, nothing written",
                s(errors),
                s(warnings),
                if n == 1 { "y" } else { "ies" }
            );
        } else if errors > 0 || warnings > 0 || report.skipped > 0 {
            eprintln!(
                "commentary: {errors} error{}, {warnings} warning{}; {} of {} commentar{} written{skipped}",
                s(errors),
                s(warnings),
                report.written.len(),
                report.commentaries,
                if report.commentaries == 1 { "y" } else { "ies" }
            );
        }
    }
}

//! `commentary`: the command-line compiler of commentaries, a thin shell over
//! `commentary_embed::content`.
//!
//! ```text
//! commentary build <content-dir> <out-dir>
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

    use commentary_embed::content::{build, BuildReport};

    const USAGE: &str = "\
usage: commentary build <content-dir> <out-dir>

Compiles every commentary folder in <content-dir> (commentary.toml and one <lang>.md per
language) into <out-dir>/<id>.json, creating <out-dir> if needed.

Errors and warnings go to stderr as `path:line: message`; every error of every file is
reported. A commentary with an error is not written; the exit status is then 1.

options:
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
            Some("build") => match rest {
                [content, out] => run_build(Path::new(content), Path::new(out)),
                _ => usage_error("`build` takes two arguments: <content-dir> <out-dir>"),
            },
            _ => usage_error(&format!("unknown command `{}`", command.to_string_lossy())),
        }
    }

    fn usage_error(message: &str) -> ExitCode {
        eprintln!("commentary: {message}\n\n{USAGE}");
        ExitCode::from(2)
    }

    fn run_build(content: &Path, out: &Path) -> ExitCode {
        let report = build(content, out);
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
                "{}: {n} version{plural} ({}), {} bytes -> {}",
                w.id,
                w.languages.join(", "),
                w.bytes,
                w.path.display()
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

//! `commentary watch`: a build, then a rebuild of what changed after every save, until
//! interrupted.
//!
//! The content folder is polled (every 250 ms: the size and modification time of every file of
//! every commentary folder, a few thousand `stat`s, no dependency); a change is rebuilt once the
//! folder has held still for 100 ms, so an editor's save in several writes is one rebuild.
//! The rebuild is `build`'s own incremental build, so only the commentaries whose sources
//! changed are compiled. Errors are printed as `build` prints them and never end the watch:
//! a commentary with an error keeps its last good output.
//!
//! Pages built by the watch load `<out-dir>/.watch.js`, which polls `<out-dir>/.watch.json`;
//! the watch writes a new build number there after every rebuild, and the pages reload.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime};

use commentary_embed::content::{
    build_archive, write_if_changed, BuildOptions, BuildReport, WATCH_STAMP,
};

/// How often the content folder is looked at.
const POLL: Duration = Duration::from_millis(250);
/// How long a change must hold still before it is built (an editor's save in several writes).
const SETTLE: Duration = Duration::from_millis(100);

/// Every file of every folder in `content` (one level down, as commentaries are laid out) and
/// the folders themselves, with size and modification time.
type Snapshot = BTreeMap<PathBuf, (u64, Option<SystemTime>)>;

fn snapshot(content: &Path) -> Snapshot {
    let mut files = Snapshot::new();
    let Ok(entries) = fs::read_dir(content) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        files.insert(path.clone(), (meta.len(), meta.modified().ok()));
        if meta.is_dir() {
            for inner in fs::read_dir(&path).into_iter().flatten().flatten() {
                if let Ok(meta) = inner.metadata() {
                    files.insert(inner.path(), (meta.len(), meta.modified().ok()));
                }
            }
        }
    }
    files
}

/// The commentary folders (direct children of `content`) whose files differ between `a` and `b`.
fn changed_folders(content: &Path, a: &Snapshot, b: &Snapshot) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    let differs = a
        .iter()
        .filter(|(p, m)| b.get(*p) != Some(m))
        .chain(b.iter().filter(|(p, _)| !a.contains_key(*p)))
        .map(|(p, _)| p);
    for path in differs {
        let folder = path
            .strip_prefix(content)
            .ok()
            .and_then(|rel| rel.components().next())
            .map(|first| content.join(first));
        if let Some(folder) = folder.filter(|f| !folders.contains(f)) {
            folders.push(folder);
        }
    }
    folders.sort();
    folders
}

/// Runs the watch; returns only when the out-dir cannot be written at all at the start.
pub fn watch(
    content: &Path,
    out: &Path,
    options: &BuildOptions,
    print: fn(&BuildReport),
) -> ExitCode {
    let mut seen = snapshot(content);
    let started = Instant::now();
    let report = build_archive(content, Some(out), options);
    print(&report);
    let mut build = 1u64;
    stamp(out, build);
    eprintln!(
        "commentary watch: built in {:.1} s; watching {} for changes (Ctrl-C to stop)",
        started.elapsed().as_secs_f64(),
        content.display()
    );
    loop {
        sleep(POLL);
        let now = snapshot(content);
        if now == seen {
            continue;
        }
        // Let a save that takes several writes finish: wait until nothing changes for a moment.
        let mut settled = now;
        loop {
            sleep(SETTLE);
            let again = snapshot(content);
            if again == settled {
                break;
            }
            settled = again;
        }
        let folders = changed_folders(content, &seen, &settled);
        seen = settled;
        let started = Instant::now();
        let report = build_archive(content, Some(out), options);
        build += 1;
        print_changes(&report, &folders);
        stamp(out, build);
        let names: Vec<String> = folders
            .iter()
            .filter_map(|f| f.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        eprintln!(
            "commentary watch: rebuild {build} ({}) in {:.2} s: {} written, {} up to date{}",
            names.join(", "),
            started.elapsed().as_secs_f64(),
            report.written.len(),
            report.skipped,
            if report.has_errors() {
                "; errors above (the last good output stays)"
            } else {
                ""
            }
        );
    }
}

/// Every error (a commentary still broken says so at each rebuild), the warnings of the changed
/// folders (the others said theirs at the first build), and what was written.
fn print_changes(report: &BuildReport, folders: &[PathBuf]) {
    for d in &report.diagnostics {
        if d.is_error() || folders.iter().any(|f| d.path.starts_with(f)) {
            eprintln!("{d}");
        }
    }
    for w in &report.written {
        println!(
            "{}: {} -> {}",
            w.id,
            w.languages.join(", "),
            w.path.display()
        );
    }
}

/// Writes the build number the pages' reload script polls.
fn stamp(out: &Path, build: u64) {
    let path = out.join(WATCH_STAMP);
    if out.is_dir() {
        if let Err(e) = write_if_changed(&path, &format!("{{\"build\":{build}}}\n")) {
            eprintln!("{}: cannot write: {e}", path.display());
        }
    }
}

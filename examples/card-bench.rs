//! How long a link card takes: `cargo run --locked --release --example card-bench [content-dir]`.
//!
//! Compiles every commentary of the content folder (default `content/`), then draws and encodes
//! every version's card 200 times over, and prints the median, fastest and slowest of 9 runs in
//! milliseconds per card (the first card of the run, which parses the fonts, is measured apart).
//! BENCHMARKS.md ("Link cards") has the numbers.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;

    let dir = std::env::args().nth(1).unwrap_or_else(|| "content".into());
    let mut documents = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    for path in folders {
        let id = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(doc) = commentary_embed::content::compile_commentary(&path, &id).document {
            documents.push(doc);
        }
    }
    let cards: Vec<_> = documents
        .iter()
        .flat_map(|d| d.versions.iter().map(move |v| (d, v)))
        .collect();
    if cards.is_empty() {
        eprintln!("card-bench: no commentary compiles in {dir}");
        std::process::exit(1);
    }
    let first = Instant::now();
    let mut bytes =
        commentary_embed::content::card_png(cards[0].0, cards[0].1).map_or(0, |p| p.len());
    let first_ms = first.elapsed().as_secs_f64() * 1000.0;
    let per_run = 200;
    let mut runs = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        for i in 0..per_run {
            let (d, v) = cards[i % cards.len()];
            bytes = commentary_embed::content::card_png(d, v).map_or(0, |p| p.len());
        }
        runs.push(start.elapsed().as_secs_f64() * 1000.0 / per_run as f64);
    }
    runs.sort_by(f64::total_cmp);
    println!(
        "{} cards of {} versions: median {:.2} ms/card (range {:.2}-{:.2}), first card {:.1} ms (fonts parsed), last PNG {} bytes",
        per_run * 9,
        cards.len(),
        runs[4],
        runs[0],
        runs[8],
        first_ms,
        bytes
    );
}

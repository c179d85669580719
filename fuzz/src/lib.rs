//! The entry points of the fuzz targets, shared by `fuzz/fuzz_targets/*` (libFuzzer, through
//! `cargo fuzz`) and `tests/fuzz_corpus.rs` (which replays `fuzz/corpus/` on stable in every
//! `cargo test`). Each takes arbitrary bytes, runs the project's own code on them, and panics
//! only when an invariant fails: any panic here is a bug found.

use std::fs;
use std::path::PathBuf;

use commentary_embed::content::compile_commentary;
use commentary_embed::domain::{
    byline, counterpart, embed_code, negotiate_language, provenance, read_document, safe_href,
    share_url, ui_strings, Block, CiteWork, Date, Document, Inline, LanguagePreferences, Passage,
    ShareTarget, ShareUrl, Shared,
};

/// The byte that separates the files of a `compile` input: `commentary.toml`, then `en.md`,
/// then `tr.md` (each optional). 0xFF never occurs in UTF-8, so every file can still be any text.
pub const SEPARATOR: u8 = 0xFF;

/// A folder of this process and thread for the files of one input.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!(
            "commentary-fuzz-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ))
        .join("fuzz");
    let _ = fs::create_dir_all(&dir);
    dir
}

/// Fuzz target `compile`: the input as a commentary folder through
/// [`compile_commentary`], the compiler's entry for one commentary (what `commentary build`
/// runs per folder). Checks: a document comes with no error and passes the widget's own decoding
/// ([`read_bytes`]) after a JSON round trip; every link it keeps is safe; no document comes
/// with at least one error.
pub fn compile(data: &[u8]) {
    let mut parts = data.split(|b| *b == SEPARATOR);
    let dir = scratch();
    let files = ["commentary.toml", "en.md", "tr.md"];
    for name in files {
        let path = dir.join(name);
        match parts.next() {
            Some(bytes) => {
                let _ = fs::write(&path, bytes);
            }
            None => {
                let _ = fs::remove_file(&path);
            }
        }
    }
    let compiled = compile_commentary(&dir, "fuzz");
    let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    match compiled.document {
        Some(document) => {
            assert_eq!(
                errors, 0,
                "a document despite errors: {:?}",
                compiled.diagnostics
            );
            let json = serde_json::to_vec(&document).expect("a document serialises");
            let decoded = read_bytes(&json)
                .unwrap_or_else(|e| panic!("the widget refuses what the compiler wrote: {e}"));
            assert_eq!(
                decoded, document,
                "the JSON round trip changed the document"
            );
            for version in &document.versions {
                for_each_inline(&version.body, &mut |inline| assert_safe(inline));
                for note in &version.notes {
                    for_each_inline(&note.content, &mut |inline| assert_safe(inline));
                }
            }
            exercise(&document);
        }
        None => assert!(
            errors > 0,
            "no document and no error: {:?}",
            compiled.diagnostics
        ),
    }
}

/// Fuzz target `decode`: the input as a document through [`read_bytes`], then, when the
/// widget would show it, through everything the widget computes from it ([`exercise`]).
pub fn decode(data: &[u8]) {
    if let Ok(document) = read_bytes(data) {
        exercise(&document);
    }
}

/// The widget's decoding, natively: the bytes parsed as the browser's `JSON.parse` would (here
/// serde_json, whose nesting limit of 128 matches `domain::MAX_JSON_DEPTH`), then
/// [`read_document`], the very function the widget runs over `JSON.parse`'s result.
///
/// # Errors
/// The message the widget would show.
pub fn read_bytes(data: &[u8]) -> Result<Document, String> {
    let value: serde_json::Value =
        serde_json::from_slice(data).map_err(|e| format!("not JSON: {e}"))?;
    read_document(&value)
}

/// What the widget computes from a document it shows, for every version: the byline, the word on
/// the original, the share URLs of every network in both `share-url` modes, the embed code, the
/// citations and exports, and the counterpart of every passage in every other version. Checks
/// that the shared URL is always a web URL or the page's.
pub fn exercise(document: &Document) {
    let page = "https://partner.example/page?x=1#:~:text=a";
    let today = Date::new(2026, 11, 25).unwrap_or(document.published);
    assert!(negotiate_language(document, &LanguagePreferences::default()).is_some());
    for version in &document.versions {
        let _ = ui_strings(&version.lang);
        let _ = byline(document, version);
        let _ = provenance(document, version);
        for mode in [ShareUrl::Canonical, ShareUrl::Page] {
            let url = share_url(mode, document, version, page);
            assert!(
                url.starts_with("https://partner.example/") || safe_href(&url).is_some(),
                "an unsafe share URL: {url:?}"
            );
            let shared = Shared {
                url: &url,
                text: &version.title,
            };
            for target in ShareTarget::ALL {
                let href = target.url(&shared);
                assert!(
                    safe_href(&href).is_some(),
                    "an unsafe network link: {href:?}"
                );
            }
        }
        let _ = embed_code(
            "https://cdn.example/embed/commentary-embed.js",
            "https://cdn.example/c/x.json",
            &version.lang,
            &share_url(ShareUrl::Canonical, document, version, page),
            &version.title,
        );
        for citation in &version.citations {
            let _ = citation.plain(today);
            let _ = citation.html(today);
        }
        let work = CiteWork::new(document, version);
        let _ = commentary_embed::domain::bibtex(work);
        let _ = commentary_embed::domain::ris(CiteWork::new(document, version));
        let _ = commentary_embed::domain::csl_json(CiteWork::new(document, version));
        let _ = commentary_embed::domain::coins(CiteWork::new(document, version));
        let passages = std::iter::once(Passage::Start)
            .chain((0..version.body.len().min(64)).map(Passage::Block))
            .chain(
                version
                    .notes
                    .iter()
                    .take(64)
                    .map(|n| Passage::Note(n.number)),
            );
        for passage in passages {
            for other in &document.versions {
                let _ = counterpart(version, other, passage);
            }
        }
    }
}

fn assert_safe(inline: &Inline) {
    if let Inline::Link { href, .. } = inline {
        assert!(safe_href(href).is_some(), "an unsafe link kept: {href:?}");
    }
}

/// Calls `f` on every inline of `blocks`, however deep.
pub fn for_each_inline(blocks: &[Block], f: &mut impl FnMut(&Inline)) {
    fn inlines(list: &[Inline], f: &mut impl FnMut(&Inline)) {
        for i in list {
            f(i);
            match i {
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Link { content: c, .. }
                | Inline::Lang { content: c, .. } => inlines(c, f),
                _ => {}
            }
        }
    }
    for b in blocks {
        match b {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => inlines(c, f),
            Block::Quote(inner) => for_each_inline(inner, f),
            Block::List { items, .. } => items.iter().for_each(|item| for_each_inline(item, f)),
            Block::Code(_) | Block::Rule => {}
        }
    }
}

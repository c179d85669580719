//! The `commentary` binary run on real folders: every source rule has a failing input whose
//! exact `path:line: message` is asserted, and the valid sources' JSON is checked.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use commentary_embed::domain::{Block, Document, Inline};

/// A scratch folder under Cargo's target tmp dir, removed when dropped.
struct Sandbox {
    root: PathBuf,
}

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The stderr lines that are diagnostics (not the closing count).
    fn diagnostics(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.starts_with("commentary: "))
            .collect()
    }
}

const COMMENTARY_TOML: &str = r#"original_language = "tr"
published = 2026-06-17
authors = [ { given = "İlaha", family = "Khantamirova" } ]

[publisher]
name = "Center for Eurasian Studies"
url = "https://avim.org.tr"
"#;

const TR_MD: &str = "+++\ntitle = \"Başlık\"\n+++\n\nMetin.[^1]\n\n[^1]: Not.\n";
const EN_MD: &str =
    "+++\ntitle = \"Title\"\npublished = 2026-06-26\n+++\n\nText.[^1]\n\n[^1]: Note.\n";

impl Sandbox {
    fn new(name: &str) -> Sandbox {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("cli-tests")
            .join(name);
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).expect("create sandbox");
        Sandbox { root }
    }

    /// Writes `text` to `rel` (under the sandbox), creating folders.
    fn write(&self, rel: &str, text: &str) -> &Sandbox {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("create folder");
        fs::write(path, text).expect("write file");
        self
    }

    /// Writes a valid commentary `content/<id>` with `tr` (original) and `en` versions.
    fn valid(&self, id: &str) -> &Sandbox {
        self.write(&format!("content/{id}/commentary.toml"), COMMENTARY_TOML)
            .write(&format!("content/{id}/tr.md"), TR_MD)
            .write(&format!("content/{id}/en.md"), EN_MD)
    }

    /// A valid commentary `content/x` with `file` replaced by `text`.
    fn with(name: &str, file: &str, text: &str) -> Sandbox {
        let s = Sandbox::new(name);
        s.valid("x").write(&format!("content/x/{file}"), text);
        s
    }

    fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_commentary"))
            .args(args)
            .current_dir(&self.root)
            // The build stamps (incremental builds) in the sandbox, not in the user's cache.
            .env("COMMENTARY_CACHE_DIR", self.root.join("cache"))
            .output()
            .expect("run commentary");
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into(),
            stderr: String::from_utf8_lossy(&out.stderr).into(),
        }
    }

    /// `commentary build content out`, from the sandbox.
    fn build(&self) -> Run {
        self.run(&["build", "content", "out"])
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn document(&self, id: &str) -> Document {
        let json = fs::read_to_string(self.path(&format!("out/{id}.json"))).expect("read output");
        serde_json::from_str(&json).expect("output is a document")
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// Builds a sandbox whose `content/x/<file>` is `text` and asserts the exact diagnostics and
/// that nothing was written.
#[track_caller]
fn assert_fails(name: &str, file: &str, text: &str, expected: &[&str]) {
    let s = Sandbox::with(name, file, text);
    let run = s.build();
    assert_eq!(run.diagnostics(), expected, "{run:?}");
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        !s.path("out/x.json").exists(),
        "a failing commentary must not be written"
    );
}

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn first_paragraph(doc: &Document, lang: &str) -> Vec<Inline> {
    match doc.version(lang).and_then(|v| v.body.first()) {
        Some(Block::Paragraph(inlines)) => inlines.clone(),
        other => panic!("expected a paragraph, got {other:?}"),
    }
}

// ---------------------------------------------------------------- valid sources

#[test]
fn the_seed_compiles_with_one_structure_warning() {
    let s = Sandbox::new("seed");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let out = s.path("nested/out");
    let run = s.run(&[
        "build",
        content.to_str().expect("utf-8 path"),
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    // en.md opens with a note to the reader that the Turkish original lacks.
    assert_eq!(
        run.diagnostics(),
        [format!(
            "{}:7: warning: this paragraph has no counterpart in the original (tr.md); switching language here keeps the next aligned passage in view",
            content.join("2026-36/en.md").display()
        )],
        "{run:?}"
    );
    assert!(
        run.stdout.starts_with("2026-36: 2 versions (tr, en), "),
        "{}",
        run.stdout
    );

    let json = fs::read_to_string(out.join("2026-36.json")).expect("written");
    // Compact: exactly what serde_json writes for the document, with no pretty-printing.
    let document: commentary_embed::domain::Document =
        serde_json::from_str(&json).expect("a document");
    assert_eq!(
        serde_json::to_string(&document).expect("serialises"),
        json,
        "compact JSON"
    );
    assert!(
        run.stdout.contains(&format!(", {} bytes -> ", json.len())),
        "{}",
        run.stdout
    );
    let doc: Document = serde_json::from_str(&json).expect("a document");
    assert!(doc.problems().is_empty());
    assert_eq!(doc.schema, commentary_embed::domain::SCHEMA_VERSION);
    assert_eq!(doc.id, "2026-36");
    let langs: Vec<_> = doc.versions.iter().map(|v| v.lang.as_str()).collect();
    assert_eq!(langs, ["tr", "en"]);
    let aligned: Vec<_> = doc.versions.iter().map(|v| v.align.clone()).collect();
    assert_eq!(
        aligned,
        [
            Some((0..9).collect::<Vec<u32>>()),
            Some([9].into_iter().chain(0..9).collect())
        ]
    );
    for v in &doc.versions {
        let notes: Vec<_> = v.notes.iter().map(|n| (n.number, n.references)).collect();
        assert_eq!(notes, [(1, 1), (2, 1)], "{}", v.lang);
    }
    assert_eq!(
        doc.version("en")
            .and_then(|v| v.published)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-06-26")
    );
    assert_eq!(doc.version("tr").map(|v| v.published), Some(None));
    assert_eq!(
        doc.version("en").map(|v| v.title.as_str()),
        Some("The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations")
    );
    // Nothing but the document and its pages: no temporary file left behind.
    assert_eq!(entries(&out), ["2026-36", "2026-36.json"]);
    assert_eq!(entries(&out.join("2026-36")), ["en", "tr"]);
    for lang in ["en", "tr"] {
        assert_eq!(
            entries(&out.join("2026-36").join(lang)),
            ["card.png", "embed", "index.html", "oembed.json"]
        );
        assert_eq!(
            entries(&out.join("2026-36").join(lang).join("embed")),
            ["index.html"]
        );
    }
    assert!(run.stdout.contains(", 2 pages"), "{}", run.stdout);
}

#[test]
fn the_features_fixture_compiles() {
    let s = Sandbox::new("fixture");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    let run = s.run(&["build", content.to_str().expect("utf-8 path"), "out"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let at = |file: &str| content.join(file).display().to_string();
    // Versions that differ in structure on purpose: warnings, and the documents are written.
    assert_eq!(
        run.diagnostics(),
        [
            format!("{}:33: warning: this paragraph has no counterpart in the original (ru.md); switching language here keeps the next aligned passage in view", at("fixture-features/en.md")),
            format!("{}:12: warning: this paragraph has no counterpart in the original (az.md); switching language here keeps the next aligned passage in view", at("fixture-languages/en.md")),
            format!("{}:32: warning: this paragraph has no counterpart in the original (az.md); switching language here keeps the next aligned passage in view", at("fixture-languages/en.md")),
            format!("{}:13: warning: the paragraph at az.md:14 (the original) has no counterpart in this version", at("fixture-languages/ru.md")),
            format!("{}:23: warning: the quote at az.md:26 (the original) has no counterpart in this version", at("fixture-languages/ru.md")),
        ],
        "{run:?}"
    );
    let languages = s.document("fixture-languages");
    let aligned: Vec<_> = languages
        .versions
        .iter()
        .map(|v| (v.lang.as_str(), v.align.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        aligned,
        [
            ("az", (0..11).collect::<Vec<u32>>()),
            // A paragraph split in two (its first half is new), a translator's note at the end.
            ("en", vec![0, 1, 2, 11, 3, 4, 5, 6, 7, 8, 9, 10, 12]),
            // Two paragraphs merged into one, the quote left out.
            ("ru", vec![0, 1, 2, 3, 5, 6, 7, 8, 10]),
        ]
    );
    let doc = s.document("fixture-features");
    assert!(doc.problems().is_empty());
    assert_eq!(
        doc.versions
            .iter()
            .map(|v| v.lang.as_str())
            .collect::<Vec<_>>(),
        ["ru", "en", "tr"]
    );
    assert_eq!(doc.authors.len(), 2);
    assert_eq!(
        doc.version("en").and_then(|v| v.translator.as_deref()),
        Some("Jane Example")
    );
    for v in &doc.versions {
        let notes: Vec<_> = v
            .notes
            .iter()
            .map(|n| (n.number, n.label.as_str(), n.references))
            .collect();
        assert_eq!(
            notes,
            [(1, "caspian", 1), (2, "agreements", 2)],
            "{}",
            v.lang
        );
        let kinds: Vec<&str> = v
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph(_) => "p",
                Block::Heading { .. } => "h",
                Block::Quote(_) => "quote",
                Block::List { ordered: true, .. } => "ol",
                Block::List { .. } => "ul",
                Block::Code(_) => "code",
                Block::Rule => "hr",
            })
            .collect();
        assert!(
            kinds.starts_with(&["p", "p", "h", "p", "ol", "quote", "p", "h", "ul"]),
            "{}: {kinds:?}",
            v.lang
        );
    }
}

#[test]
fn notes_are_numbered_by_first_reference_and_count_occurrences() {
    let s = Sandbox::new("numbering");
    s.valid("x").write("content/x/en.md", "+++\ntitle = \"T\"\n+++\nA[^zeta] b[^alpha] c[^zeta].\n\n[^alpha]: Alpha.\n\n[^zeta]: Zeta.\n");
    let run = s.build();
    assert_eq!(run.code, Some(0), "{run:?}");
    let doc = s.document("x");
    let note_ref = |note, occurrence| Inline::NoteRef { note, occurrence };
    assert_eq!(
        first_paragraph(&doc, "en"),
        [
            text("A"),
            note_ref(1, 1),
            text(" b"),
            note_ref(2, 1),
            text(" c"),
            note_ref(1, 2),
            text(".")
        ]
    );
    let notes: Vec<_> = doc
        .version("en")
        .map(|v| {
            v.notes
                .iter()
                .map(|n| (n.number, n.label.clone(), n.references))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        notes,
        [(1, "zeta".to_owned(), 2), (2, "alpha".to_owned(), 1)]
    );
}

#[test]
fn raw_html_stays_text() {
    let s = Sandbox::new("html");
    s.valid("x").write("content/x/en.md", "+++\ntitle = \"T\"\n+++\nA <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">\nblock\n</div>\n");
    assert_eq!(s.build().code, Some(0));
    let doc = s.document("x");
    assert_eq!(
        first_paragraph(&doc, "en"),
        [text(
            "A <script>alert(1)</script> <img src=x onerror=alert(1)>"
        )]
    );
    assert_eq!(
        doc.version("en").map(|v| v.body[1].clone()),
        Some(Block::Paragraph(vec![text(
            "<div onclick=\"x()\">\nblock\n</div>"
        )]))
    );
}

#[test]
fn only_web_and_mail_links_stay_links() {
    let s = Sandbox::new("links");
    s.valid("x").write(
        "content/x/en.md",
        "+++\ntitle = \"T\"\n+++\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](https://e.org/d) [e](mailto:e@e.org)\n",
    );
    assert_eq!(s.build().code, Some(0));
    let link = |href: &str, t: &str| Inline::Link {
        href: href.into(),
        content: vec![text(t)],
    };
    assert_eq!(
        first_paragraph(&s.document("x"), "en"),
        [
            text("a b c "),
            link("https://e.org/d", "d"),
            text(" "),
            link("mailto:e@e.org", "e")
        ]
    );
}

#[test]
fn an_unreferenced_definition_warns_and_the_build_succeeds() {
    let s = Sandbox::with(
        "unreferenced",
        "en.md",
        "+++\ntitle = \"T\"\n+++\nText.[^1]\n\n[^1]: One.\n\n[^spare]: Never cited.\n",
    );
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        ["content/x/en.md:8: warning: footnote `spare` is never referenced (left out)"]
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        s.document("x").version("en").map(|v| v.notes.len()),
        Some(1)
    );
}

#[test]
fn versions_that_differ_in_structure_are_aligned_with_warnings() {
    let s = Sandbox::new("align");
    s.valid("x")
        .write(
            "content/x/tr.md",
            "+++\ntitle = \"Başlık\"\n+++\n\nBir.[^1]\n\n## Bölüm\n\nİki, uzun bir paragraf, gerçekten uzun.\n\nÜç.\n\n[^1]: Not.\n",
        )
        .write(
            "content/x/en.md",
            "+++\ntitle = \"Title\"\n+++\n\n*A note to the reader.*\n\nOne.[^1]\n\n## Section\n\nTwo, a long paragraph, really long.\n\n[^1]: Note.\n",
        );
    let run = s.build();
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.diagnostics(),
        [
            "content/x/en.md:5: warning: this paragraph has no counterpart in the original (tr.md); switching language here keeps the next aligned passage in view",
            "content/x/en.md:11: warning: the paragraph at tr.md:11 (the original) has no counterpart in this version",
        ],
        "{run:?}"
    );
    let doc = s.document("x");
    let aligned: Vec<_> = doc.versions.iter().map(|v| v.align.clone()).collect();
    assert_eq!(aligned, [Some(vec![0, 1, 2, 3]), Some(vec![4, 0, 1, 2])]);
}

#[test]
fn an_unknown_key_warns_and_the_build_succeeds() {
    let s = Sandbox::with(
        "unknown-key",
        "commentary.toml",
        &format!("seris = \"Commentary\"\n{COMMENTARY_TOML}colour = \"red\"\n"),
    );
    s.write(
        "content/x/en.md",
        "+++\ntitle = \"T\"\ntranslater = \"X\"\n+++\nText.\n",
    );
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        [
            "content/x/commentary.toml:1: warning: unknown key `seris`, did you mean `series`?",
            "content/x/commentary.toml:9: warning: unknown key `colour` in [publisher] (ignored)",
            "content/x/en.md:3: warning: unknown key `translater` in the front matter, did you mean `translator`?",
        ]
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(s.path("out/x.json").exists());
}

// ---------------------------------------------------------------- commentary.toml

#[test]
fn a_missing_commentary_toml_is_an_error() {
    let s = Sandbox::new("no-toml");
    s.valid("x");
    fs::remove_file(s.path("content/x/commentary.toml")).expect("remove");
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        ["content/x/commentary.toml: no such file: every commentary folder needs one"]
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn a_toml_syntax_error_names_its_line() {
    assert_fails(
        "toml-syntax",
        "commentary.toml",
        &COMMENTARY_TOML.replace("published = 2026-06-17", "number = \"2026/36"),
        &["content/x/commentary.toml:2: invalid toml: invalid basic string, expected `\"`"],
    );
}

#[test]
fn a_missing_required_key_is_an_error() {
    assert_fails(
        "missing-key",
        "commentary.toml",
        &COMMENTARY_TOML.replace("published = 2026-06-17\n", ""),
        &["content/x/commentary.toml: missing key `published` (the date the original appeared, like 2026-06-17)"],
    );
}

#[test]
fn a_missing_publisher_key_names_the_table_line() {
    assert_fails(
        "missing-publisher-key",
        "commentary.toml",
        &COMMENTARY_TOML.replace("name = \"Center for Eurasian Studies\"\n", ""),
        &["content/x/commentary.toml:5: missing key `name` in [publisher] (the publisher's name)"],
    );
}

#[test]
fn missing_authors_and_publisher_are_errors() {
    assert_fails(
        "missing-tables",
        "commentary.toml",
        "original_language = \"tr\"\npublished = 2026-06-17\nauthors = []\n",
        &[
            "content/x/commentary.toml: missing table `[publisher]` (with the publisher's name and url)",
            "content/x/commentary.toml:3: `authors` is empty: name at least one author",
        ],
    );
}

#[test]
fn an_author_without_family_is_an_error() {
    assert_fails(
        "author-family",
        "commentary.toml",
        &COMMENTARY_TOML.replace(
            "{ given = \"İlaha\", family = \"Khantamirova\" }",
            "{ given = \"İlaha\" }",
        ),
        &["content/x/commentary.toml:3: missing key `family` in author 1 (the family name)"],
    );
}

#[test]
fn a_quoted_date_is_an_error_at_its_line() {
    assert_fails(
        "quoted-date",
        "commentary.toml",
        &COMMENTARY_TOML.replace("published = 2026-06-17", "published = \"2026-06-17\""),
        &["content/x/commentary.toml:2: `published` must be a date like 2026-06-17 (unquoted), not a string"],
    );
}

#[test]
fn authors_that_are_no_array_are_an_error_at_their_line() {
    assert_fails(
        "authors-string",
        "commentary.toml",
        &COMMENTARY_TOML.replace("[ { given = \"İlaha\", family = \"Khantamirova\" } ]", "\"İlaha Khantamirova\""),
        &["content/x/commentary.toml:3: `authors` must be an array of authors, each a table like { given = \"…\", family = \"…\" }, not a string"],
    );
}

#[test]
fn an_original_language_without_its_file_is_an_error() {
    assert_fails(
        "original-language",
        "commentary.toml",
        &COMMENTARY_TOML.replace("original_language = \"tr\"", "original_language = \"de\""),
        &["content/x/commentary.toml:1: `original_language` is `de`, but there is no de.md beside it"],
    );
}

#[test]
fn a_publisher_url_that_is_not_http_is_an_error() {
    assert_fails(
        "publisher-url",
        "commentary.toml",
        &COMMENTARY_TOML.replace("https://avim.org.tr", "javascript:alert(1)"),
        &["content/x/commentary.toml:7: `url` in [publisher] must be an http or https URL, not `javascript:alert(1)`"],
    );
}

// ---------------------------------------------------------------- language files

#[test]
fn a_language_file_not_named_by_a_tag_is_an_error() {
    assert_fails(
        "bad-tag",
        "english.md",
        EN_MD,
        &["content/x/english.md: `english` is not a BCP 47 language tag: name language files like en.md, tr.md or pt-BR.md"],
    );
}

#[test]
fn other_files_in_a_commentary_folder_are_ignored() {
    let s = Sandbox::with("other-files", "notes.txt", "scratch");
    s.write("content/x/images/map.md.bak", "x")
        .write("content/README.md", "# Content\n");
    // An absolute base, so that not even the feeds' warning is said.
    let run = s.run(&[
        "build",
        "--document-base",
        "https://cdn.example/c/",
        "content",
        "out",
    ]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{run:?}");
}

#[test]
fn missing_front_matter_is_an_error() {
    assert_fails(
        "no-front-matter",
        "en.md",
        "title = \"T\"\n\nText.\n",
        &["content/x/en.md:1: missing front matter: the file must begin with a `+++` line, then `title = \"…\"` and a closing `+++` line"],
    );
}

#[test]
fn unterminated_front_matter_is_an_error() {
    assert_fails(
        "open-front-matter",
        "en.md",
        "+++\ntitle = \"T\"\n\nText.\n",
        &["content/x/en.md:1: the front matter is never closed: no `+++` line after the opening one"],
    );
}

#[test]
fn a_front_matter_syntax_error_names_the_file_line() {
    assert_fails(
        "front-matter-syntax",
        "en.md",
        "+++\ntitle = \"T\"\nurl = https://e.org\n+++\nText.\n",
        &["content/x/en.md:3: invalid toml: string values must be quoted, expected literal string"],
    );
}

#[test]
fn an_empty_title_is_an_error() {
    assert_fails(
        "empty-title",
        "en.md",
        "+++\ntitle = \"  \"\n+++\nText.\n",
        &["content/x/en.md:2: `title` in the front matter is empty"],
    );
}

#[test]
fn a_missing_title_is_an_error_at_the_front_matter() {
    assert_fails(
        "missing-title",
        "en.md",
        "+++\nurl = \"https://e.org\"\n+++\nText.\n",
        &["content/x/en.md:1: missing key `title` in the front matter (the title of this version)"],
    );
}

#[test]
fn an_empty_body_is_an_error() {
    assert_fails(
        "empty-body",
        "en.md",
        "+++\ntitle = \"T\"\n+++\n\n   \n",
        &["content/x/en.md:3: the body is empty: write the text after the closing `+++` line"],
    );
}

#[test]
fn an_undefined_footnote_is_an_error_at_its_real_line() {
    assert_fails(
        "undefined-footnote",
        "en.md",
        "+++\ntitle = \"T\"\npublished = 2026-06-26\n+++\n\nText.[^1]\n\n## Part\n\nMore[^nope].\n\n[^1]: One.\n",
        &["content/x/en.md:10: footnote `nope` is never defined"],
    );
}

#[test]
fn a_duplicate_footnote_definition_is_an_error() {
    assert_fails(
        "duplicate-footnote",
        "en.md",
        "+++\ntitle = \"T\"\n+++\nText.[^1]\n\n[^1]: One.\n\n[^1]: Again.\n",
        &["content/x/en.md:8: footnote `1` is defined twice (first on line 6)"],
    );
}

#[test]
fn a_version_url_that_is_not_http_is_an_error() {
    assert_fails(
        "version-url",
        "en.md",
        "+++\ntitle = \"T\"\nurl = \"data:text/html,x\"\n+++\nText.\n",
        &["content/x/en.md:3: `url` in the front matter must be an http or https URL, not `data:text/html,x`"],
    );
}

#[test]
fn a_version_date_must_be_a_toml_date() {
    assert_fails(
        "version-date",
        "en.md",
        "+++\ntitle = \"T\"\npublished = \"26 June 2026\"\n+++\nText.\n",
        &["content/x/en.md:3: `published` in the front matter must be a date like 2026-06-17 (unquoted), not a string"],
    );
}

// ---------------------------------------------------------------- the build as a whole

#[test]
fn every_error_of_every_file_is_reported() {
    let s = Sandbox::new("all-errors");
    s.valid("x")
        .write("content/x/en.md", "+++\ntitle = \"\"\n+++\nText[^a].\n")
        .write(
            "content/x/tr.md",
            "+++\ntitle = \"T\"\npublished = \"dün\"\n+++\nMetin.\n",
        )
        .write("content/y/commentary.toml", "published = 2026-06-17\n");
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        [
            "content/x/en.md:2: `title` in the front matter is empty",
            "content/x/en.md:4: footnote `a` is never defined",
            "content/x/tr.md:3: `published` in the front matter must be a date like 2026-06-17 (unquoted), not a string",
            "content/y/commentary.toml: missing key `original_language` (the tag of the original's language file, like \"tr\")",
            "content/y/commentary.toml: missing key `authors` (one or more { given = \"…\", family = \"…\" })",
            "content/y/commentary.toml: missing table `[publisher]` (with the publisher's name and url)",
        ]
    );
    assert_eq!(
        run.stderr.lines().last(),
        Some("commentary: 6 errors, 0 warnings; 0 of 2 commentaries written")
    );
    assert_eq!(run.code, Some(1));
    assert!(
        !s.path("out").exists(),
        "nothing to write, no output folder"
    );
}

#[test]
fn a_failing_commentary_is_not_written_but_its_sibling_is() {
    let s = Sandbox::new("sibling");
    s.valid("good").valid("bad").write(
        "content/bad/en.md",
        "+++\ntitle = \"T\"\n+++\nText[^nope].\n",
    );
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        ["content/bad/en.md:4: footnote `nope` is never defined"]
    );
    assert_eq!(run.code, Some(1));
    assert!(s.path("out/good.json").exists());
    assert!(!s.path("out/bad.json").exists());
    assert!(
        run.stdout.starts_with("good: 2 versions (tr, en), "),
        "{}",
        run.stdout
    );
    assert_eq!(
        entries(&s.path("out")),
        ["good", "good.json"],
        "no temporary file left, no page of the failing commentary"
    );
}

/// The names in a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("a folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn page_base_urls_are_options_and_the_contract_invocation_still_works() {
    let s = Sandbox::new("page-bases");
    s.valid("good");
    let content = s.path("content");
    let out = s.path("out");
    let run = s.run(&[
        "build",
        "--embed-base",
        "https://cdn.example/embed",
        "--document-base=https://cdn.example/c/",
        content.to_str().expect("utf-8 path"),
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let page = fs::read_to_string(out.join("good/en/index.html")).expect("a page");
    assert!(page.contains(
        "<script type=\"module\" src=\"https://cdn.example/embed/commentary-embed.js\"></script>"
    ));
    assert!(page.contains("<commentary-embed src=\"https://cdn.example/c/good.json\" lang=\"en\""));
    for bad in [
        &["build", "--embed-base"][..],
        &["build", "--embed-base", "", "a", "b"],
        &["build", "--nope", "a", "b"],
    ] {
        let run = s.run(bad);
        assert_eq!(run.code, Some(2), "{bad:?}");
    }
}

#[test]
fn a_folder_name_that_is_no_id_is_an_error() {
    let s = Sandbox::new("bad-id");
    s.valid("good").valid("Bad_Name");
    let run = s.build();
    assert_eq!(run.diagnostics(), ["content/Bad_Name: `Bad_Name` is not a commentary id: name commentary folders with lower-case letters, digits and `-`"]);
    assert_eq!(run.code, Some(1));
    assert!(s.path("out/good.json").exists());
}

#[test]
fn an_empty_or_missing_content_folder_is_an_error() {
    let s = Sandbox::new("empty-content");
    s.write("content/README.md", "nothing yet\n");
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        ["content: no commentary folder in it (one folder per commentary, named by its id)"]
    );
    assert_eq!(run.code, Some(1));
    let run = s.run(&["build", "nowhere", "out"]);
    assert_eq!(
        run.diagnostics(),
        ["nowhere: cannot read the content folder: no such file or folder"]
    );
    assert_eq!(run.code, Some(1));
}

#[test]
fn a_rebuild_replaces_the_document() {
    let s = Sandbox::new("rebuild");
    s.valid("x");
    assert_eq!(s.build().code, Some(0));
    s.write(
        "content/x/en.md",
        &EN_MD.replace("\"Title\"", "\"New title\""),
    );
    assert_eq!(s.build().code, Some(0));
    assert_eq!(
        s.document("x")
            .version("en")
            .map(|v| v.title.clone())
            .as_deref(),
        Some("New title")
    );
}

#[test]
fn usage_on_bad_invocation_and_help() {
    let s = Sandbox::new("usage");
    for args in [
        &[][..],
        &["build"],
        &["build", "a"],
        &["build", "a", "b", "c"],
        &["compile", "a", "b"],
    ] {
        let run = s.run(args);
        assert_eq!(run.code, Some(2), "{args:?}");
        assert!(
            run.stderr
                .contains("usage: commentary build <content-dir> <out-dir>"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
    for args in [&["--help"][..], &["-h"], &["help"], &["build", "--help"]] {
        let run = s.run(args);
        assert_eq!(run.code, Some(0), "{args:?}");
        assert!(
            run.stdout
                .starts_with("usage: commentary build <content-dir> <out-dir>"),
            "{args:?}"
        );
    }
}

// ---- An archive: incremental builds, check, watch, bad input at scale (contract §8) ----

/// Every file under `dir` (dot files included) with its modification time and bytes.
fn tree(dir: &Path) -> Vec<(String, std::time::SystemTime, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(list) = fs::read_dir(&d) else { continue };
        for entry in list {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let meta = fs::metadata(&path).expect("metadata");
                let rel = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                files.push((
                    rel,
                    meta.modified().expect("mtime"),
                    fs::read(&path).expect("read"),
                ));
            }
        }
    }
    files.sort();
    files
}

/// `n` valid commentaries `c-00` … in the sandbox's content folder.
fn archive(s: &Sandbox, n: usize) {
    for i in 0..n {
        s.valid(&format!("c-{i:02}"));
    }
}

/// The ids a build said it wrote (its stdout lines).
fn written_ids(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .filter_map(|l| l.split(':').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_rebuild_with_nothing_changed_skips_everything_and_writes_nothing() {
    let s = Sandbox::new("noop");
    archive(&s, 3);
    let first = s.build();
    assert_eq!(first.code, Some(0), "{first:?}");
    assert_eq!(written_ids(&first), ["c-00", "c-01", "c-02"]);
    let before = tree(&s.path("out"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = s.build();
    assert_eq!(again.code, Some(0), "{again:?}");
    assert_eq!(again.stdout, "", "nothing written");
    // Without an absolute document base, feeds and sitemap are not written (contract §7), and
    // every build says so in one line.
    assert_eq!(
        again.stderr,
        "commentary: warning: feeds and sitemap not written: the document base `../../` is not an absolute http(s) URL (give --document-base https://…/)\n\
         commentary: 0 errors, 0 warnings; 0 of 3 commentaries written, 3 up to date (skipped)\n"
    );
    assert_eq!(tree(&s.path("out")), before, "no file touched, none added");
}

#[test]
fn one_change_rebuilds_only_that_commentary_and_force_rebuilds_all() {
    let s = Sandbox::new("one-change");
    archive(&s, 3);
    assert_eq!(s.build().code, Some(0));
    let before = tree(&s.path("out"));
    s.write(
        "content/c-01/en.md",
        &EN_MD.replace("\"Title\"", "\"Changed\""),
    );
    let run = s.build();
    assert_eq!(written_ids(&run), ["c-01"], "{run:?}");
    assert!(
        run.stderr
            .contains("1 of 3 commentaries written, 2 up to date (skipped)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        s.document("c-01").version("en").map(|v| v.title.as_str()),
        Some("Changed")
    );
    let after = tree(&s.path("out"));
    let changed: Vec<&str> = after
        .iter()
        .filter(|f| !before.contains(f))
        .map(|f| f.0.as_str())
        .collect();
    assert!(changed.iter().all(|f| f.starts_with("c-01")), "{changed:?}");
    // A new language file, a removed one: the commentary is rebuilt, the old version's page goes.
    s.write(
        "content/c-02/de.md",
        "+++\ntitle = \"Titel\"\n+++\n\nText.[^1]\n\n[^1]: Note.\n",
    );
    assert_eq!(written_ids(&s.build()), ["c-02"]);
    assert!(s.path("out/c-02/de/index.html").exists());
    fs::remove_file(s.path("content/c-02/de.md")).expect("remove");
    assert_eq!(written_ids(&s.build()), ["c-02"]);
    assert!(
        !s.path("out/c-02/de").exists(),
        "the removed version's pages are removed"
    );
    // A deleted output, other options, --force.
    fs::remove_file(s.path("out/c-00/tr/oembed.json")).expect("remove");
    assert_eq!(written_ids(&s.build()), ["c-00"]);
    assert!(s.path("out/c-00/tr/oembed.json").exists());
    let run = s.run(&[
        "build",
        "--document-base",
        "https://cdn.example/c/",
        "content",
        "out",
    ]);
    assert_eq!(
        written_ids(&run),
        ["c-00", "c-01", "c-02"],
        "options changed"
    );
    let run = s.run(&[
        "build",
        "--force",
        "--document-base",
        "https://cdn.example/c/",
        "content",
        "out",
    ]);
    assert_eq!(written_ids(&run), ["c-00", "c-01", "c-02"], "--force");
    assert!(!run.stderr.contains("skipped"), "{}", run.stderr);
}

#[test]
fn a_skipped_commentary_reports_its_warnings_again() {
    let s = Sandbox::new("skip-warnings");
    s.valid("x").write(
        "content/x/en.md",
        &format!("{EN_MD}\n[^unused]: Never cited.\n"),
    );
    let first = s.build();
    let again = s.build();
    assert_eq!(again.stdout, "");
    assert_eq!(first.diagnostics(), again.diagnostics());
    assert_eq!(
        again.diagnostics(),
        ["content/x/en.md:10: warning: footnote `unused` is never referenced (left out)"]
    );
    // Spelled as this run spells the content folder.
    let content = s.path("content");
    let run = s.run(&["build", content.to_str().expect("utf-8"), "out"]);
    assert_eq!(
        run.diagnostics(),
        [format!(
            "{}/x/en.md:10: warning: footnote `unused` is never referenced (left out)",
            content.display()
        )]
    );
}

#[test]
fn a_broken_commentary_is_rebuilt_and_reported_every_time_and_its_last_good_output_stays() {
    let s = Sandbox::new("broken-again");
    archive(&s, 2);
    assert_eq!(s.build().code, Some(0));
    let good = fs::read(s.path("out/c-01.json")).expect("written");
    s.write(
        "content/c-01/en.md",
        "+++\ntitle = \"T\"\n+++\nText[^nope].\n",
    );
    for _ in 0..2 {
        let run = s.build();
        assert_eq!(run.code, Some(1));
        assert_eq!(
            run.diagnostics(),
            ["content/c-01/en.md:4: footnote `nope` is never defined"]
        );
        assert_eq!(fs::read(s.path("out/c-01.json")).expect("kept"), good);
    }
    // Back to what was last built: up to date? No: the stamp was of the good sources, but a
    // failed build leaves it, so it is skipped only if its sources are those again.
    s.write("content/c-01/en.md", EN_MD);
    let run = s.build();
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn one_broken_commentary_among_many_is_reported_and_the_others_are_written() {
    let s = Sandbox::new("one-broken");
    archive(&s, 40);
    s.write(
        "content/c-17/tr.md",
        "+++\ntitle = \"Başlık\"\n+++\n\nMetin.[^2]\n\n[^1]: Not.\n",
    );
    let run = s.build();
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.diagnostics(),
        [
            "content/c-17/tr.md:5: footnote `2` is never defined",
            "content/c-17/tr.md:7: warning: footnote `1` is never referenced (left out)"
        ]
    );
    assert!(
        run.stderr.contains("; 39 of 40 commentaries written"),
        "{}",
        run.stderr
    );
    for i in (0..40).filter(|i| *i != 17) {
        assert!(s.path(&format!("out/c-{i:02}.json")).exists(), "c-{i:02}");
    }
    assert!(!s.path("out/c-17.json").exists());
}

#[test]
fn check_reports_what_build_does_and_writes_nothing() {
    let s = Sandbox::new("check");
    archive(&s, 3);
    s.write(
        "content/c-01/en.md",
        &format!("{EN_MD}\n[^unused]: Never cited.\n"),
    );
    let sources = tree(&s.path("content"));
    let check = s.run(&["check", "content"]);
    assert_eq!(check.code, Some(0), "{check:?}");
    assert_eq!(check.stdout, "");
    assert_eq!(entries(&s.root), ["content"], "nothing written, no stamp");
    assert_eq!(tree(&s.path("content")), sources);
    let build = s.build();
    assert_eq!(check.diagnostics(), build.diagnostics());
    assert!(check.stderr.ends_with("commentary: 0 errors, 1 warning; 3 commentaries checked, 0 with errors, nothing written\n"), "{}", check.stderr);
    s.write("content/c-02/tr.md", "+++\ntitle = \"\"\n+++\n\nMetin.\n");
    let check = s.run(&["check", "content"]);
    let build = s.build();
    assert_eq!((check.code, build.code), (Some(1), Some(1)));
    assert_eq!(check.diagnostics(), build.diagnostics());
    assert!(
        check
            .diagnostics()
            .contains(&"content/c-02/tr.md:2: `title` in the front matter is empty"),
        "{check:?}"
    );
    for args in [&["check"][..], &["check", "a", "b"]] {
        assert_eq!(s.run(args).code, Some(2), "{args:?}");
    }
    let run = s.run(&["check", "nowhere"]);
    assert_eq!(
        (run.code, run.diagnostics()),
        (
            Some(1),
            vec!["nowhere: cannot read the content folder: no such file or folder"]
        )
    );
}

#[test]
fn an_out_dir_that_is_a_file_or_a_content_dir_that_is_a_file_is_one_error() {
    let s = Sandbox::new("out-file");
    archive(&s, 3);
    s.write("out", "a file\n");
    let run = s.build();
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.diagnostics(),
        ["out: the output folder is a file: give a folder (it is created if missing)"]
    );
    assert_eq!(fs::read_to_string(s.path("out")).expect("kept"), "a file\n");
    s.write("plain", "x");
    let run = s.run(&["build", "plain", "out2"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.diagnostics().len(), 1, "{run:?}");
    assert!(
        run.diagnostics()[0].starts_with("plain: cannot read the content folder: "),
        "{run:?}"
    );
    assert!(!s.path("out2").exists());
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_one_error_and_leaves_no_partial_file() {
    // The file size limit (what a full disk does to a write): every write past 1 KB fails.
    let s = Sandbox::new("full-disk");
    archive(&s, 6);
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2; exec \"$0\" build content out")
        .arg(env!("CARGO_BIN_EXE_commentary"))
        .current_dir(&s.root)
        .env("COMMENTARY_CACHE_DIR", s.path("cache"))
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("commentary: "))
        .collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with("out/c-0") && lines[0].ends_with(": cannot write: file too large"),
        "{stderr}"
    );
    for (name, _, bytes) in tree(&s.path("out")) {
        assert!(!name.ends_with(".tmp"), "temporary file left: {name}");
        if name.ends_with(".json") {
            assert!(
                serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                "{name} is whole"
            );
        }
    }
    // With room again, the build completes.
    assert_eq!(s.build().code, Some(0));
    assert_eq!(written_ids(&s.build()), Vec::<String>::new());
}

#[test]
fn a_killed_build_leaves_whole_files_and_the_next_build_is_correct() {
    let s = Sandbox::new("killed");
    archive(&s, 24);
    // The reference: a build that ran to the end.
    assert_eq!(s.run(&["build", "content", "reference"]).code, Some(0));
    let reference = tree(&s.path("reference"));
    for delay_ms in [30, 120, 400] {
        let _ = fs::remove_dir_all(s.path("out"));
        // Sources change in between, so a stale stamp would show.
        s.write(
            "content/c-05/en.md",
            &EN_MD.replace("\"Title\"", &format!("\"T{delay_ms}\"")),
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_commentary"))
            .args(["build", "content", "out"])
            .current_dir(&s.root)
            .env("COMMENTARY_CACHE_DIR", s.path("cache"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        for (name, _, bytes) in tree(&s.path("out")) {
            if name.ends_with(".json") && !name.ends_with(".tmp") {
                assert!(
                    serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                    "{name} is whole"
                );
            } else if name.ends_with(".html") {
                assert!(bytes.ends_with(b"</html>\n"), "{name} is whole");
            }
        }
        s.write("content/c-05/en.md", EN_MD);
        assert_eq!(s.build().code, Some(0));
        // Every file as a full build writes it, no temporary file left.
        let strip = |t: Vec<(String, std::time::SystemTime, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
            t.into_iter().map(|(n, _, b)| (n, b)).collect()
        };
        assert_eq!(
            strip(tree(&s.path("out"))),
            strip(reference.clone()),
            "after a kill at {delay_ms} ms"
        );
    }
}

/// Waits up to 20 s for `ok`, polling.
#[track_caller]
fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A running `commentary watch`, killed when dropped; its stderr collected as it comes.
struct Watch {
    child: std::process::Child,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Watch {
    fn start(s: &Sandbox) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_commentary"))
            .args(["watch", "content", "out"])
            .current_dir(&s.root)
            .env("COMMENTARY_CACHE_DIR", s.path("cache"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn watch");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let pipe = child.stderr.take().expect("stderr");
        let sink = stderr.clone();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut all = sink.lock().expect("lock");
                all.push_str(&line);
                all.push('\n');
            }
        });
        Watch { child, stderr }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().expect("lock").clone()
    }

    fn running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn watch_build(s: &Sandbox) -> Option<u64> {
    let text = fs::read_to_string(s.path("out/.watch.json")).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value["build"].as_u64()
}

#[test]
fn watch_rebuilds_after_a_save_keeps_going_on_errors_and_its_pages_reload() {
    let s = Sandbox::new("watch");
    archive(&s, 2);
    let mut watch = Watch::start(&s);
    wait_for("the first build", || watch_build(&s) == Some(1));
    let page = fs::read_to_string(s.path("out/c-00/en/index.html")).expect("a page");
    assert!(
        page.contains("<script src=\"../../.watch.js\" defer></script>\n</head>"),
        "{page}"
    );
    let script = fs::read_to_string(s.path("out/.watch.js")).expect("the reload script");
    assert!(script.contains("'.watch.json'") && script.contains("location.reload()"));

    // A save: rebuilt within a second or so (the test allows more on a busy machine).
    s.write(
        "content/c-01/en.md",
        &EN_MD.replace("\"Title\"", "\"Saved\""),
    );
    wait_for("the rebuild", || watch_build(&s) == Some(2));
    assert_eq!(
        s.document("c-01").version("en").map(|v| v.title.as_str()),
        Some("Saved")
    );
    let page = fs::read_to_string(s.path("out/c-01/en/index.html")).expect("a page");
    assert!(page.contains("Saved") && page.contains(".watch.js"));

    // A content error: printed as build prints it; the watch goes on, the last good output stays.
    s.write(
        "content/c-01/en.md",
        "+++\ntitle = \"T\"\n+++\nText[^nope].\n",
    );
    wait_for("the failed rebuild", || watch_build(&s) == Some(3));
    wait_for("the error line", || {
        watch
            .stderr()
            .contains("content/c-01/en.md:4: footnote `nope` is never defined\n")
    });
    assert!(
        watch.running(),
        "the watch does not exit on a content error"
    );
    assert_eq!(
        s.document("c-01").version("en").map(|v| v.title.as_str()),
        Some("Saved")
    );
    s.write(
        "content/c-01/en.md",
        &EN_MD.replace("\"Title\"", "\"Fixed\""),
    );
    wait_for("the fixed rebuild", || watch_build(&s) == Some(4));
    assert_eq!(
        s.document("c-01").version("en").map(|v| v.title.as_str()),
        Some("Fixed")
    );
    assert!(watch.running());
    drop(watch);

    // A build without watch: every page rebuilt, with no reload code.
    let run = s.build();
    assert_eq!(written_ids(&run), ["c-00", "c-01"], "{run:?}");
    for page in ["out/c-00/en/index.html", "out/c-01/tr/index.html"] {
        let html = fs::read_to_string(s.path(page)).expect("a page");
        assert!(
            !html.contains("watch") && !html.contains("reload"),
            "{page}"
        );
    }
}

#[test]
fn pages_built_without_watch_carry_no_reload_code() {
    let s = Sandbox::new("no-reload");
    s.valid("x");
    assert_eq!(s.build().code, Some(0));
    for (name, _, bytes) in tree(&s.path("out")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(".watch") && !text.contains("location.reload"),
            "{name}"
        );
    }
    assert!(!s.path("out/.watch.js").exists() && !s.path("out/.watch.json").exists());
}

// ---- reach ----

const LOG: &str = concat!(
    // Two partners fetch the document; one views the embed page; a reader opens the article.
    r#"203.0.113.9 - - [04/Dec/2026:10:00:00 +0000] "GET /c/2026-36.json HTTP/1.1" 200 24731 "https://news.example/world/story-1?utm=x" "Mozilla/5.0 (SecretAgent)""#,
    "\n",
    r#"203.0.113.10 - - [04/Dec/2026:11:00:00 +0000] "GET /c/2026-36.json HTTP/2.0" 304 0 "https://news.example/other" "Mozilla/5.0""#,
    "\n",
    r#"198.51.100.7 - alice [04/Dec/2026:23:30:00 -0300] "GET /c/2026-36.json HTTP/1.1" 200 24731 "https://blog.example/p/9" "curl/8""#,
    "\n",
    r#"198.51.100.7 - - [05/Dec/2026:09:00:00 +0000] "GET /c/2026-36/tr/embed/ HTTP/1.1" 200 900 "https://blog.example/p/9" "Mozilla/5.0""#,
    "\n",
    r#"192.0.2.1 - - [05/Dec/2026:09:05:00 +0000] "GET /c/2026-36/en/ HTTP/1.1" 200 30000 "-" "Mozilla/5.0""#,
    "\n",
    // Not counted: a 404, a script, a HEAD, the oEmbed response.
    r#"192.0.2.1 - - [05/Dec/2026:09:05:01 +0000] "GET /c/nope.json HTTP/1.1" 404 10 "https://news.example/" "x""#,
    "\n",
    r#"192.0.2.1 - - [05/Dec/2026:09:05:02 +0000] "GET /embed/commentary-embed.js HTTP/1.1" 200 10 "https://news.example/" "x""#,
    "\n",
    r#"192.0.2.1 - - [05/Dec/2026:09:05:03 +0000] "HEAD /c/2026-36.json HTTP/1.1" 200 0 "-" "x""#,
    "\n",
    r#"192.0.2.1 - - [05/Dec/2026:09:05:04 +0000] "GET /c/2026-36/en/oembed.json HTTP/1.1" 200 10 "-" "x""#,
    "\n",
    // Malformed.
    "this is no log line\n",
    r#"192.0.2.1 - - [05/Dec/2026:09:05:04 +0000] "GET /c/2026-36.json HTTP/1.1" 200"#,
    "\n",
);

#[test]
fn reach_counts_per_commentary_origin_and_day_and_keeps_nothing_about_readers() {
    let s = Sandbox::new("reach");
    s.write("access.log", LOG);
    let run = s.run(&["reach", "access.log"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "\
commentary  origin                day         documents  articles  embeds
2026-36     (none)                2026-12-05          0         1       0
2026-36     https://blog.example  2026-12-05          1         0       1
2026-36     https://news.example  2026-12-04          2         0       0
"
    );
    assert_eq!(
        run.stderr,
        "commentary reach: 11 lines read, 5 counted requests, 4 other, 2 malformed (skipped)\n"
    );
    for secret in [
        "203.0.113",
        "198.51",
        "alice",
        "world",
        "story",
        "utm",
        "/p/9",
        "Mozilla",
        "curl",
        "Secret",
    ] {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{secret}"
        );
    }

    // The same log gzip-compressed (as logrotate leaves it), twice, as JSON.
    let gz = Command::new("gzip")
        .args(["-k", "-S", ".1.gz", "access.log"])
        .current_dir(&s.root)
        .status()
        .expect("run gzip");
    assert!(gz.success() && s.path("access.log.1.gz").exists());
    let run = s.run(&["reach", "--json", "access.log", "access.log.1.gz"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        (json["lines"].as_u64(), json["malformed"].as_u64()),
        (Some(22), Some(4))
    );
    let origins = &json["commentaries"][0]["origins"];
    assert_eq!(json["commentaries"][0]["id"], "2026-36");
    assert_eq!(origins[2]["origin"], "https://news.example");
    assert_eq!(
        origins[2]["days"][0],
        serde_json::json!({"day": "2026-12-04", "documents": 4, "articles": 0, "embeds": 0})
    );
    assert_eq!(origins[1]["days"][0]["embeds"], 2);
    for secret in ["203.0.113", "alice", "story", "Mozilla"] {
        assert!(!run.stdout.contains(secret), "{secret}");
    }

    // A missing log is an error naming it; usage errors are status 2.
    let run = s.run(&["reach", "access.log", "missing.log"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with("missing.log: cannot read: no such file\n"),
        "{}",
        run.stderr
    );
    assert_eq!(s.run(&["reach"]).code, Some(2));
    assert_eq!(s.run(&["reach", "--csv", "access.log"]).code, Some(2));
}

// `content` is native only (these tests are also type-checked for wasm32).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_commentary_in_the_out_dir_has_a_summary_for_archive_wide_outputs() {
    use commentary_embed::content::{build_archive, BuildOptions};
    let s = Sandbox::new("summaries");
    archive(&s, 3);
    let options = BuildOptions {
        cache_dir: Some(s.path("cache")),
        ..BuildOptions::default()
    };
    let (content, out) = (s.path("content"), s.path("out"));
    let titles = |options: &BuildOptions| {
        let report = build_archive(&content, Some(&out), options);
        let summaries: Vec<(String, String, usize, usize)> = report
            .summaries
            .iter()
            .map(|x| {
                let en = x.document.version("en").expect("en");
                (
                    x.document.id.clone(),
                    en.title.clone(),
                    en.body.len(),
                    x.descriptions.len(),
                )
            })
            .collect();
        (report.written.len(), report.skipped, summaries)
    };
    let all = |title: &str| -> Vec<(String, String, usize, usize)> {
        (0..3)
            .map(|i| (format!("c-{i:02}"), title.to_owned(), 0, 2))
            .collect()
    };
    assert_eq!(
        titles(&options),
        (3, 0, all("Title")),
        "built: texts emptied, descriptions kept"
    );
    assert_eq!(
        titles(&options),
        (0, 3, all("Title")),
        "skipped: from the stamps"
    );
    s.write(
        "content/c-01/en.md",
        "+++\ntitle = \"T\"\n+++\nText[^nope].\n",
    );
    assert_eq!(
        titles(&options),
        (0, 2, all("Title")),
        "failing: its last good output's"
    );
    assert_eq!(
        build_archive(&content, None, &options).summaries.len(),
        2,
        "check: those that compile"
    );
}

// ---------------------------------------------------------------- rights (issue 15)

#[test]
fn a_licence_correction_and_withdrawal_reach_the_document() {
    let s = Sandbox::new("rights-valid");
    s.valid("x")
        .write(
            "content/x/commentary.toml",
            &format!("license = \"CC-BY-SA-4.0\"\n{COMMENTARY_TOML}[withdrawn]\ndate = 2026-08-01\n"),
        )
        .write(
            "content/x/en.md",
            "+++\ntitle = \"Title\"\npublished = 2026-06-26\nwithdrawn_note = \"Out of date.\"\n[[corrections]]\ndate = 2026-06-26\ntext = \"A *typo*.\"\n+++\n\nText.[^1]\n\n[^1]: Note.\n",
        )
        .write(
            "content/y/commentary.toml",
            "original_language = \"en\"\npublished = 2026-06-17\nauthors = [ { given = \"A\", family = \"B\" } ]\nlicense = { name = \"House licence\", url = \"https://p.example/licence\" }\n[publisher]\nname = \"P\"\nurl = \"https://p.example\"\n",
        )
        .write("content/y/en.md", "+++\ntitle = \"T\"\n+++\nText.\n");
    let run = s.build();
    assert_eq!(run.code, Some(0), "{run:?}");
    let x = s.document("x");
    let license = x.license.clone().expect("a licence");
    assert_eq!(
        (
            license.id.as_deref(),
            license.name.as_str(),
            license.url.as_str()
        ),
        (
            Some("CC-BY-SA-4.0"),
            "CC BY-SA 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/"
        )
    );
    assert_eq!(
        x.withdrawn.map(|w| w.date.to_string()).as_deref(),
        Some("2026-08-01")
    );
    let en = x.version("en").expect("en");
    assert_eq!(en.withdrawn_note.as_deref(), Some("Out of date."));
    assert_eq!(
        en.corrections[0].text,
        [text("A "), Inline::Emphasis(vec![text("typo")]), text(".")]
    );
    // A withdrawn text is served to nobody: its document keeps title and byline only.
    assert!(x
        .versions
        .iter()
        .all(|v| v.body.is_empty() && v.notes.is_empty() && v.citations.is_empty()));
    assert!(x.problems().is_empty());
    let page = fs::read_to_string(s.path("out/x/en/index.html")).expect("page");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(page.contains(
        "<link rel=\"license\" href=\"https://creativecommons.org/licenses/by-sa/4.0/\">"
    ));
    assert!(page.contains("The publisher withdrew this commentary on 1 August 2026."));
    assert!(page.contains("Out of date."));
    assert!(!page.contains("<p>Text."), "a withdrawn page shows no text");
    let y = s.document("y");
    let own = y.license.expect("y's licence");
    assert_eq!((own.id, own.name.as_str()), (None, "House licence"));
    // The JSON the CLI wrote reads back through the widget's own decoder.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(s.path("out/x.json")).expect("x.json"))
                .expect("json");
        let decoded = commentary_embed::domain::read_document(&json).expect("decodes");
        assert_eq!(decoded, x);
    }
}

#[test]
fn every_rights_mistake_is_named_at_its_line() {
    let s = Sandbox::new("rights-errors");
    s.valid("x")
        .write(
            "content/x/commentary.toml",
            &format!("license = \"cc-by-nd-4.0\"\n{COMMENTARY_TOML}"),
        )
        .write(
            "content/x/en.md",
            "+++\ntitle = \"Title\"\npublished = 2026-06-26\nwithdrawn_note = \"Why.\"\n[[corrections]]\ntext = \"No date.\"\n[[corrections]]\ndate = 2026-07-01\n[[corrections]]\ndate = 2026-06-20\ntext = \"Too early.\"\n[[corrections]]\ndate = 2026-07-02\ntext = \"## A heading\"\n+++\n\nText.[^1]\n\n[^1]: Note.\n",
        )
        .valid("y")
        .write(
            "content/y/commentary.toml",
            &format!("license = {{ name = \"Mine\", url = \"ftp://p.example/l\" }}\n{COMMENTARY_TOML}"),
        )
        .valid("z")
        .write(
            "content/z/commentary.toml",
            &format!("license = {{ url = \"https://p.example/l\" }}\n{COMMENTARY_TOML}[withdrawn]\n"),
        )
        .valid("w")
        .write(
            "content/w/commentary.toml",
            &format!("license = \"CC BY 4.0\"\n{COMMENTARY_TOML}"),
        )
        .valid("v")
        .write(
            "content/v/commentary.toml",
            &format!("license = \"GPL-3.0\"\n{COMMENTARY_TOML}"),
        );
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        [
            "content/v/commentary.toml:1: `license` is `GPL-3.0`, which is not a Creative Commons licence id: name one of CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, CC-BY-ND-4.0, CC-BY-NC-4.0, CC-BY-NC-SA-4.0, CC-BY-NC-ND-4.0, or give { name = \"…\", url = \"https://…\" }",
            "content/w/commentary.toml:1: `license` is `CC BY 4.0`, which is not a Creative Commons licence id: did you mean `CC-BY-4.0`?",
            "content/x/commentary.toml:1: `license` is `cc-by-nd-4.0`, which is not a Creative Commons licence id: did you mean `CC-BY-ND-4.0`?",
            "content/x/en.md:4: `withdrawn_note` without `[withdrawn]` in commentary.toml: add `[withdrawn]` with its `date` there, or remove the note",
            "content/x/en.md:5: missing key `date` in correction 1 (the date of the correction, like 2026-07-01)",
            "content/x/en.md:7: missing key `text` in correction 2 (what was corrected, in inline Markdown)",
            "content/x/en.md:9: correction 3 is dated 2026-06-20, before the version it corrects (2026-06-26)",
            "content/x/en.md:14: `text` in correction 4 must be one paragraph of inline Markdown (emphasis, links, code), without footnotes, headings or lists",
            "content/y/commentary.toml:1: `url` in `license` must be an http or https URL, not `ftp://p.example/l`",
            "content/z/commentary.toml:1: missing key `name` in `license` (the licence's name)",
            "content/z/commentary.toml:9: missing key `date` in [withdrawn] (the date the publisher withdrew the commentary, like 2026-08-01)",
        ],
        "{run:?}"
    );
    assert_eq!(run.code, Some(1));
    for id in ["v", "w", "x", "y", "z"] {
        assert!(!s.path(&format!("out/{id}.json")).exists(), "{id} written");
    }
}

#[test]
fn a_withdrawn_note_is_fine_with_withdrawn_and_the_original_date_bounds_corrections() {
    let s = Sandbox::new("rights-bounds");
    s.valid("x")
        .write(
            "content/x/commentary.toml",
            &format!("{COMMENTARY_TOML}[withdrawn]\ndate = 2026-08-01\n"),
        )
        // tr has no `published`: it has the original's date, 2026-06-17.
        .write(
            "content/x/tr.md",
            "+++\ntitle = \"Başlık\"\nwithdrawn_note = \"Neden.\"\n[[corrections]]\ndate = 2026-06-16\ntext = \"Erken.\"\n+++\n\nMetin.\n",
        );
    let run = s.build();
    assert_eq!(
        run.diagnostics(),
        ["content/x/tr.md:4: correction 1 is dated 2026-06-16, before the version it corrects (2026-06-17)"],
        "{run:?}"
    );
}

#[test]
fn a_licence_written_below_the_publisher_header_is_taken_with_a_warning() {
    let s = Sandbox::new("rights-under-publisher");
    s.valid("x").write(
        "content/x/commentary.toml",
        &format!("{COMMENTARY_TOML}license = \"CC-BY-4.0\"\n"),
    );
    let run = s.build();
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.diagnostics(),
        ["content/x/commentary.toml:8: warning: `license` in [publisher] is read as the commentary's licence: move it above [publisher] (a key below a table header belongs to that table)"]
    );
    assert_eq!(
        s.document("x").license.and_then(|l| l.id).as_deref(),
        Some("CC-BY-4.0")
    );
}

/// Feeds and sitemap come from every commentary of the out-dir, also those an incremental build
/// skipped (their summaries), and a build that changed nothing leaves them untouched.
#[test]
fn feeds_and_sitemap_keep_skipped_commentaries_and_a_no_op_build_leaves_them_alone() {
    let s = Sandbox::new("feeds-incremental");
    archive(&s, 3);
    let base = [
        "build",
        "--document-base",
        "https://cdn.example/c/",
        "content",
        "out",
    ];
    let first = s.run(&base);
    assert_eq!(first.code, Some(0), "{first:?}");
    let feed = || fs::read_to_string(s.path("out/feeds/en.atom")).expect("the English feed");
    let sitemap = || fs::read_to_string(s.path("out/sitemap.xml")).expect("the sitemap");
    for id in ["c-00", "c-01", "c-02"] {
        assert!(
            feed().contains(&format!("https://cdn.example/c/{id}/en/")),
            "{id} in the feed"
        );
        assert!(
            sitemap().contains(&format!("https://cdn.example/c/{id}/tr/")),
            "{id} in the sitemap"
        );
    }
    let modified = |rel: &str| {
        fs::metadata(s.path(rel))
            .and_then(|m| m.modified())
            .expect("mtime")
    };
    let (feed_time, sitemap_time) = (modified("out/feeds/en.atom"), modified("out/sitemap.xml"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = s.run(&base);
    assert_eq!(written_ids(&again), Vec::<String>::new(), "nothing rebuilt");
    assert_eq!(
        modified("out/feeds/en.atom"),
        feed_time,
        "the feed is not rewritten"
    );
    assert_eq!(
        modified("out/sitemap.xml"),
        sitemap_time,
        "the sitemap is not rewritten"
    );
    // One commentary changes its title: only it is rebuilt, and the feed still lists all three.
    s.write(
        "content/c-01/en.md",
        "+++\ntitle = \"A new title\"\npublished = 2026-06-26\n+++\n\nText.[^1]\n\n[^1]: Note.\n",
    );
    let one = s.run(&base);
    assert_eq!(written_ids(&one), ["c-01"]);
    let text = feed();
    assert!(text.contains("A new title"), "{text}");
    for id in ["c-00", "c-01", "c-02"] {
        assert!(
            text.contains(&format!("https://cdn.example/c/{id}/en/")),
            "{id} kept in the feed"
        );
    }
    assert!(
        s.path("out/c-01/en/card.png").exists(),
        "the rebuilt commentary has its card"
    );
}

/// A document above 1 MB compiled (issue 17: what a widget may reasonably be asked to render) is
/// written, with one warning naming its folder; `check` says the same.
#[test]
fn a_very_large_document_is_written_with_a_warning() {
    let s = Sandbox::new("large-document");
    let paragraph =
        "Solidarity among Turkic states is a recurring theme of the commentary. ".repeat(20);
    let body: String = (0..800).map(|_| format!("{paragraph}\n\n")).collect();
    s.valid("big").write(
        "content/big/en.md",
        &format!("+++\ntitle = \"Title\"\n+++\n\n{body}"),
    );
    let run = s.build();
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(s.path("out/big.json").exists());
    let warning = run
        .stderr
        .lines()
        .find(|l| l.contains("the compiled document is"))
        .unwrap_or_else(|| panic!("no size warning: {}", run.stderr));
    assert!(
        warning.starts_with("content/big: warning: the compiled document is "),
        "{warning}"
    );
    let check = s.run(&["check", "content"]);
    assert!(
        check
            .stderr
            .contains("content/big: warning: the compiled document is"),
        "{}",
        check.stderr
    );
}

/// An item of an array of tables that is not a table (an author, a correction) is named by its
/// number, at its line, and the other items are still read.
#[test]
fn an_array_item_that_is_not_a_table_is_named_by_its_number() {
    let s = Sandbox::new("array-items");
    s.valid("x")
        .write(
            "content/x/commentary.toml",
            &COMMENTARY_TOML.replace(
                "authors = [ { given = \"İlaha\", family = \"Khantamirova\" } ]",
                "authors = [ { given = \"İlaha\", family = \"Khantamirova\" }, \"Someone\" ]",
            ),
        )
        .write(
            "content/x/en.md",
            "+++\ntitle = \"Title\"\npublished = 2026-06-26\ncorrections = [ \"typo\" ]\n+++\n\nText.[^1]\n\n[^1]: Note.\n",
        );
    let run = s.build();
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .contains("content/x/commentary.toml:3: author 2 must be "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "content/x/en.md:4: correction 1 must be a table with `date` and `text`, not a string"
        ),
        "{}",
        run.stderr
    );
}

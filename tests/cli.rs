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
            ["embed", "index.html", "oembed.json"]
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
    let run = s.build();
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

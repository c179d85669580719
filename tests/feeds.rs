//! Issue 15's archive outputs, read back by real parsers: the Atom and JSON feeds by `feed-rs`,
//! the sitemap by `roxmltree`, the link cards by `png`. Built from the test fixtures, which hold
//! a licensed commentary with two corrections and a withdrawn one in three languages.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A document base with a letter that must be percent-encoded in a feed (`ş`).
const BASE: &str = "https://cdn.example.org/yorum-ş/c/";
const BASE_ENCODED: &str = "https://cdn.example.org/yorum-%C5%9F/c/";

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("feeds-tests")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

fn build(out: &Path, extra: &[&str]) -> (i32, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_commentary"))
        .arg("build")
        .args(extra)
        .arg(fixtures())
        .arg(out)
        .output()
        .expect("run commentary");
    (
        run.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

/// Built once per test (the tests run in parallel, each in its own folder).
fn built(name: &str) -> PathBuf {
    let out = out_dir(name);
    let (code, stderr) = build(&out, &["--document-base", BASE]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stderr.contains("feeds and sitemap not written"),
        "{stderr}"
    );
    out
}

/// Every URL absolute, percent-encoded (nothing but printable ASCII) and under the base.
#[track_caller]
fn assert_page_url(url: &str) {
    assert!(url.starts_with(BASE_ENCODED), "{url}");
    assert!(url.bytes().all(|b| b.is_ascii_graphic()), "{url}");
}

#[test]
fn atom_feeds_read_back_newest_first_without_the_withdrawn() {
    let out = built("atom");
    let text = fs::read(out.join("feeds/en.atom")).expect("en.atom");
    let feed = feed_rs::parser::parse(&text[..]).expect("a valid feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    let ids: Vec<String> = feed.entries.iter().map(|e| e.id.clone()).collect();
    // fixture-languages (26 June), fixture-licensed (4 May), fixture-features (14 March):
    // newest first; fixture-withdrawn is left out.
    assert_eq!(
        ids,
        [
            format!("{BASE_ENCODED}fixture-languages/en/"),
            format!("{BASE_ENCODED}fixture-licensed/en/"),
            format!("{BASE_ENCODED}fixture-features/en/"),
        ]
    );
    let licensed = &feed.entries[1];
    assert_eq!(
        licensed.title.as_ref().map(|t| t.content.as_str()),
        Some("Ferry Timetables on the Caspian: What the New Schedule Changed")
    );
    assert_eq!(
        licensed.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-05-04T00:00:00+00:00")
    );
    // `updated` is the latest correction.
    assert_eq!(
        licensed.updated.map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-06-02T00:00:00+00:00")
    );
    let authors: Vec<&str> = licensed.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, ["Jane Example", "Emre Örnek"]);
    assert!(licensed
        .summary
        .as_ref()
        .is_some_and(|s| s.content.starts_with("The shared timetable")));
    for entry in &feed.entries {
        assert_eq!(entry.links.len(), 1);
        assert_page_url(&entry.links[0].href);
    }
    // Every language with a live commentary has its feed; the withdrawn one's languages too,
    // since live commentaries have them.
    for lang in ["az", "en", "ru", "tr"] {
        assert!(out.join(format!("feeds/{lang}.atom")).exists(), "{lang}");
    }
    let tr = feed_rs::parser::parse(&fs::read(out.join("feeds/tr.atom")).expect("tr")[..])
        .expect("tr parses");
    assert!(tr.entries.iter().all(|e| !e.id.contains("withdrawn")));
}

#[test]
fn json_feeds_read_back() {
    let out = built("json");
    let text = fs::read(out.join("feeds/tr.json")).expect("tr.json");
    let feed = feed_rs::parser::parse(&text[..]).expect("a valid JSON feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::JSON);
    let titles: Vec<String> = feed
        .entries
        .iter()
        .filter_map(|e| e.title.as_ref().map(|t| t.content.clone()))
        .collect();
    assert_eq!(
        titles,
        [
            "Hazar'da Feribot Tarifeleri: Yeni Çizelge Neyi Değiştirdi?",
            "Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra"
        ]
    );
    let value: serde_json::Value = serde_json::from_slice(&text).expect("json");
    assert_eq!(value["version"], "https://jsonfeed.org/version/1.1");
    assert_page_url(
        value["feed_url"]
            .as_str()
            .unwrap_or_default()
            .replace("feeds/tr.json", "")
            .as_str(),
    );
    let item = &value["items"][0];
    assert_eq!(item["date_published"], "2026-05-06T00:00:00Z");
    assert_eq!(item["date_modified"], "2026-06-02T00:00:00Z");
    assert_page_url(item["url"].as_str().unwrap_or_default());
}

#[test]
fn the_sitemap_lists_every_live_page_with_its_alternates() {
    let out = built("sitemap");
    let text = fs::read_to_string(out.join("sitemap.xml")).expect("sitemap.xml");
    let xml = roxmltree::Document::parse(&text).expect("well-formed XML");
    const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const XHTML: &str = "http://www.w3.org/1999/xhtml";
    let root = xml.root_element();
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP));
    let urls: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name((SITEMAP, "url")))
        .collect();
    // 3 + 3 + 2 versions; the withdrawn commentary's 3 are left out.
    assert_eq!(urls.len(), 8);
    let child_text = |n: roxmltree::Node<'_, '_>, name: &str| {
        n.children()
            .find(|c| c.has_tag_name((SITEMAP, name)))
            .and_then(|c| c.text())
            .map(str::to_owned)
    };
    for url in &urls {
        let loc = child_text(*url, "loc").expect("loc");
        assert_page_url(&loc);
        assert!(!loc.contains("withdrawn"));
        let lastmod = child_text(*url, "lastmod").expect("lastmod");
        assert_eq!(lastmod.len(), 10, "{lastmod}");
        let alternates: Vec<(String, String)> = url
            .children()
            .filter(|c| c.has_tag_name((XHTML, "link")))
            .map(|l| {
                assert_eq!(l.attribute("rel"), Some("alternate"));
                (
                    l.attribute("hreflang").unwrap_or_default().to_owned(),
                    l.attribute("href").unwrap_or_default().to_owned(),
                )
            })
            .collect();
        // Each page names itself among its alternates, and an x-default.
        assert!(alternates.iter().any(|(_, href)| *href == loc), "{loc}");
        assert!(
            alternates.iter().any(|(lang, _)| lang == "x-default"),
            "{loc}"
        );
        for (_, href) in &alternates {
            assert_page_url(href);
        }
    }
    let licensed_en = urls
        .iter()
        .find(|u| child_text(**u, "loc").is_some_and(|l| l.ends_with("fixture-licensed/en/")))
        .expect("licensed en");
    assert_eq!(
        child_text(*licensed_en, "lastmod").as_deref(),
        Some("2026-06-02")
    );
}

#[test]
fn without_an_absolute_base_neither_is_written_and_one_line_says_why() {
    let out = out_dir("relative");
    let (code, stderr) = build(&out, &[]);
    assert_eq!(code, 0, "{stderr}");
    let why: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("feeds and sitemap"))
        .collect();
    assert_eq!(
        why,
        ["commentary: warning: feeds and sitemap not written: the document base `../../` is not an absolute http(s) URL (give --document-base https://…/)"]
    );
    assert!(!out.join("feeds").exists() && !out.join("sitemap.xml").exists());
    // The cards are written all the same.
    assert!(out.join("fixture-licensed/en/card.png").exists());
}

/// The PNG's size and pixels (RGB).
fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let mut decoder =
        png::Decoder::new(std::io::BufReader::new(fs::File::open(path).expect("card")));
    // The card is indexed: expanded to RGB here.
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// How many dark grey pixels (the title's ink, not the blue band) lie in rows `rows` of an RGB
/// picture 1200 wide.
fn dark_pixels(pixels: &[u8], rows: std::ops::Range<usize>) -> usize {
    pixels[rows.start * 1200 * 3..rows.end * 1200 * 3]
        .chunks(3)
        .filter(|p| p.iter().all(|c| *c < 90))
        .count()
}

#[test]
fn every_version_has_a_link_card_with_its_title_drawn() {
    let out = built("cards");
    let mut seen = Vec::new();
    for (id, lang) in [
        ("fixture-licensed", "en"),
        ("fixture-licensed", "tr"),
        ("fixture-features", "ru"),
        ("fixture-withdrawn", "ru"),
    ] {
        let path = out.join(id).join(lang).join("card.png");
        let (w, h, pixels) = decode(&path);
        assert_eq!((w, h), (1200, 630), "{id}/{lang}");
        // The title's band (below the publisher, above the authors) holds dark text; the
        // margins above the publisher hold none.
        assert!(
            dark_pixels(&pixels, 150..430) > 5_000,
            "{id}/{lang}: no title drawn"
        );
        assert_eq!(dark_pixels(&pixels, 0..60), 0, "{id}/{lang}");
        assert!(
            !seen.contains(&pixels),
            "{id}/{lang}: the same card as another"
        );
        seen.push(pixels);
        let page = fs::read_to_string(out.join(id).join(lang).join("index.html")).expect("page");
        let card_url = format!("{BASE}{id}/{lang}/card.png");
        assert!(
            page.contains(&format!(
                "<meta property=\"og:image\" content=\"{card_url}\">"
            )),
            "{id}/{lang}"
        );
        assert!(page.contains("<meta property=\"og:image:width\" content=\"1200\">"));
        assert!(page.contains("<meta property=\"og:image:height\" content=\"630\">"));
        assert!(page.contains("<meta property=\"og:image:alt\" content=\""));
        assert!(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    }
}

#[test]
fn a_feed_no_commentary_has_any_more_is_removed() {
    let out = out_dir("stale");
    fs::create_dir_all(out.join("feeds")).expect("feeds folder");
    for stale in ["de.atom", "de.json"] {
        fs::write(out.join("feeds").join(stale), "old").expect("stale feed");
    }
    fs::write(out.join("feeds/notes.txt"), "kept").expect("other file");
    let (code, stderr) = build(&out, &["--document-base", BASE]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!out.join("feeds/de.atom").exists() && !out.join("feeds/de.json").exists());
    assert!(
        out.join("feeds/notes.txt").exists(),
        "only feeds are removed"
    );
    assert!(out.join("feeds/en.atom").exists());
}

/// The JSON-LD of an article page.
fn json_ld(page: &str) -> serde_json::Value {
    let start = page
        .find("<script type=\"application/ld+json\">")
        .expect("json-ld")
        + "<script type=\"application/ld+json\">".len();
    let end = start + page[start..].find("</script>").expect("end");
    serde_json::from_str(&page[start..end]).expect("json-ld parses")
}

#[test]
fn article_pages_carry_the_licence_the_corrections_and_the_withdrawal() {
    let out = built("pages");
    let page = fs::read_to_string(out.join("fixture-licensed/en/index.html")).expect("page");
    assert!(page.contains(
        "<link rel=\"license\" href=\"https://creativecommons.org/licenses/by-nd/4.0/\">"
    ));
    assert!(!page.contains("noindex"));
    let ld = json_ld(&page);
    assert_eq!(
        ld["license"],
        "https://creativecommons.org/licenses/by-nd/4.0/"
    );
    assert_eq!(ld["datePublished"], "2026-05-04");
    assert_eq!(ld["dateModified"], "2026-06-02");
    let corrections = ld["correction"].as_array().expect("corrections");
    assert_eq!(corrections.len(), 2);
    assert_eq!(corrections[0]["@type"], "CorrectionComment");
    assert_eq!(corrections[0]["datePublished"], "2026-05-11");
    assert_eq!(
        corrections[0]["text"],
        "An earlier version gave the crossing time as eight hours; it is eleven."
    );
    // The notice under the byline, newest first; the licence line with the attribution.
    let notice = page.find("Corrected 2 June 2026").expect("notice");
    assert!(page[notice..].find("2 June 2026</time>") < page[notice..].find("11 May 2026</time>"));
    assert!(page.contains("“Ferry Timetables on the Caspian: What the New Schedule Changed” by Jane Example and Emre Örnek, Institute for Example Studies, licensed under CC BY-ND 4.0."));
    let withdrawn = fs::read_to_string(out.join("fixture-withdrawn/tr/index.html")).expect("page");
    assert!(withdrawn.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(withdrawn.contains("Yayımcı bu yorumu 1 Ağustos 2026 tarihinde geri çekti."));
    assert!(withdrawn.contains("Bu yorumun dayandığı rakamlar kaynakları tarafından geri çekildi."));
    assert!(
        !withdrawn.contains("Bozkırdan gelen tahıl"),
        "the withdrawn text is not on its page"
    );
    assert_eq!(json_ld(&withdrawn)["creativeWorkStatus"], "Withdrawn");
    // The embed page (issue 13) says it too, and is never indexed.
    let embed =
        fs::read_to_string(out.join("fixture-withdrawn/tr/embed/index.html")).expect("embed page");
    assert!(embed.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(embed.contains("Yayımcı bu yorumu 1 Ağustos 2026 tarihinde geri çekti."));
    assert!(
        !embed.contains("Bozkırdan gelen tahıl"),
        "nor on its embed page"
    );
    let document = fs::read_to_string(out.join("fixture-withdrawn.json")).expect("document");
    assert!(!document.contains("Bozkırdan"), "nor in its document");
}

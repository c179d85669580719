//! Every citation style of the seed (the English translation and the Turkish original) and of a
//! fixture with two authors and a translator (its Turkish version has no URL), as the reader sees
//! them on 25 November 2026.
//!
//! Where the expected strings come from: the APA, MLA, Chicago and Harvard lines are hayagriva
//! 0.10.1's output for the official CSL styles (apa, modern-language-association,
//! chicago-notes-bibliography-subsequent-author-title-17th-edition, chicago-author-date-17th-
//! edition, harvard-cite-them-right) and were read against the manuals' rules for translated
//! works ("Original work published", "Translated by", "Originally published as"); a change in
//! the entry we hand the processor shows up here. The exports follow the BibLaTeX manual
//! (`origlanguage`, `origtitle`, `urldate`), the RIS and CSL-JSON specifications, and the
//! publisher's own "To cite this article" line (with the header's spelling of the author).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use commentary_embed::content::compile_commentary;
use commentary_embed::domain::{coins, CitationStyle, CiteWork, Date, Document};

fn document(folder: &str, id: &str) -> Document {
    let compiled = compile_commentary(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(folder).join(id),
        id,
    );
    compiled
        .document
        .unwrap_or_else(|| panic!("{id} does not compile: {:?}", compiled.diagnostics))
}

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

fn check(folder: &str, id: &str, lang: &str, expected: &[(&str, &str)]) {
    let doc = document(folder, id);
    let version = doc.versions.iter().find(|v| v.lang == lang).unwrap();
    let styles: Vec<&str> = version.citations.iter().map(|c| c.style.as_str()).collect();
    let all: Vec<&str> = CitationStyle::ALL.iter().map(|s| s.id()).collect();
    assert_eq!(styles, all, "every style, in the widget's order");
    for (style, text) in expected {
        let citation = version
            .citations
            .iter()
            .find(|c| c.style == *style)
            .unwrap();
        assert_eq!(citation.plain(today()), *text, "{id} {lang} {style}");
    }
}

const SEED_EN: &[(&str, &str)] = &[
    ("house", "KHANTAMİROVA, İlaha. 2026. \"THE SOLIDARITY AMONG TURKIC STATES TARGETED THROUGH TÜRKİYE-AZERBAIJAN RELATIONS.\" Center for Eurasian Studies (AVİM), Commentary No.2026/36. June 26. Accessed November 25, 2026. <https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS>"),
    ("apa", "Khantamirova, İ. (2026). The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations (Commentary 2026/36). Center for Eurasian Studies (AVİM). https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS (Original work published as Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma, 2026)"),
    ("mla", "Khantamirova, İlaha. The Solidarity among Turkic States Targeted Through Türkiye-Azerbaijan Relations. 17 June 2026. Commentary 2026/36, Center for Eurasian Studies (AVİM), 26 June 2026, https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS. Originally published as Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma."),
    ("chicago-notes", "Khantamirova, İlaha. The Solidarity among Turkic States Targeted Through Türkiye-Azerbaijan Relations. Commentary 2026/36. Ankara: Center for Eurasian Studies (AVİM), 2026. Originally published as Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma (2026). https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS."),
    ("chicago-author-date", "Khantamirova, İlaha. (2026) 2026. The Solidarity among Turkic States Targeted Through Türkiye-Azerbaijan Relations. Commentary 2026/36. Ankara: Center for Eurasian Studies (AVİM). Originally published as Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma (2026). https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS."),
    ("harvard", "Khantamirova, İ. (2026) The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations. Commentary 2026/36. Ankara: Center for Eurasian Studies (AVİM). Available at: https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS (Accessed: 25 November 2026)."),
    ("bibtex", "@report{khantamirova2026solidarity,\n  author       = {Khantamirova, İlaha},\n  title        = {{The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations}},\n  date         = {2026-06-26},\n  year         = {2026},\n  type         = {Commentary},\n  number       = {2026/36},\n  institution  = {Center for Eurasian Studies (AVİM)},\n  location     = {Ankara},\n  address      = {Ankara},\n  langid       = {english},\n  origlanguage = {turkish},\n  origtitle    = {{Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma}},\n  origdate     = {2026-06-17},\n  url          = {https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS},\n  urldate      = {2026-11-25},\n}\n"),
    ("ris", "TY  - RPRT\r\nAU  - Khantamirova, İlaha\r\nTI  - The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations\r\nT3  - Commentary\r\nM3  - Commentary\r\nSN  - 2026/36\r\nPY  - 2026\r\nDA  - 2026/06/26\r\nPB  - Center for Eurasian Studies (AVİM)\r\nCY  - Ankara\r\nLA  - en\r\nOP  - Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma\r\nUR  - https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS\r\nY2  - 2026/11/25\r\nER  - \r\n"),
    ("csl-json", "[\n  {\n    \"id\": \"2026-36-en\",\n    \"type\": \"report\",\n    \"title\": \"The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations\",\n    \"author\": [{ \"family\": \"Khantamirova\", \"given\": \"İlaha\" }],\n    \"issued\": { \"date-parts\": [[2026, 6, 26]] },\n    \"genre\": \"Commentary\",\n    \"number\": \"2026/36\",\n    \"publisher\": \"Center for Eurasian Studies (AVİM)\",\n    \"publisher-place\": \"Ankara\",\n    \"language\": \"en\",\n    \"original-title\": \"Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma\",\n    \"original-date\": { \"date-parts\": [[2026, 6, 17]] },\n    \"URL\": \"https://www.avim.org.tr/en/Yorum/THE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS\",\n    \"accessed\": { \"date-parts\": [[2026, 11, 25]] }\n  }\n]\n"),
];

const SEED_TR: &[(&str, &str)] = &[
    ("house", "KHANTAMİROVA, İlaha. 2026. \"TÜRKİYE-AZERBAYCAN İLİŞKİLERİ ÜZERİNDEN HEDEF ALINAN TÜRK DEVLETLERİ ARASINDAKİ DAYANIŞMA.\" Center for Eurasian Studies (AVİM), Commentary No.2026/36. June 17. Accessed November 25, 2026."),
    ("apa", "Khantamirova, İ. (2026). Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma (Commentary 2026/36). Center for Eurasian Studies (AVİM)."),
    ("mla", "Khantamirova, İlaha. Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma. Commentary 2026/36, Center for Eurasian Studies (AVİM), 17 June 2026."),
    ("chicago-notes", "Khantamirova, İlaha. Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma. Commentary 2026/36. Ankara: Center for Eurasian Studies (AVİM), 2026."),
    ("chicago-author-date", "Khantamirova, İlaha. 2026. Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma. Commentary 2026/36. Ankara: Center for Eurasian Studies (AVİM)."),
    ("harvard", "Khantamirova, İ. (2026) Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma. Commentary 2026/36. Ankara: Center for Eurasian Studies (AVİM)."),
    ("bibtex", "@report{khantamirova2026turkiyeazerbaycan,\n  author       = {Khantamirova, İlaha},\n  title        = {{Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma}},\n  date         = {2026-06-17},\n  year         = {2026},\n  type         = {Commentary},\n  number       = {2026/36},\n  institution  = {Center for Eurasian Studies (AVİM)},\n  location     = {Ankara},\n  address      = {Ankara},\n  langid       = {turkish},\n}\n"),
    ("ris", "TY  - RPRT\r\nAU  - Khantamirova, İlaha\r\nTI  - Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma\r\nT3  - Commentary\r\nM3  - Commentary\r\nSN  - 2026/36\r\nPY  - 2026\r\nDA  - 2026/06/17\r\nPB  - Center for Eurasian Studies (AVİM)\r\nCY  - Ankara\r\nLA  - tr\r\nER  - \r\n"),
    ("csl-json", "[\n  {\n    \"id\": \"2026-36-tr\",\n    \"type\": \"report\",\n    \"title\": \"Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma\",\n    \"author\": [{ \"family\": \"Khantamirova\", \"given\": \"İlaha\" }],\n    \"issued\": { \"date-parts\": [[2026, 6, 17]] },\n    \"genre\": \"Commentary\",\n    \"number\": \"2026/36\",\n    \"publisher\": \"Center for Eurasian Studies (AVİM)\",\n    \"publisher-place\": \"Ankara\",\n    \"language\": \"tr\"\n  }\n]\n"),
];

const FIXTURE_TR: &[(&str, &str)] = &[
    ("house", "Nurlanova, Aigerim, and Mehmet Demir. 2026. “Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra.” Institute for Example Studies, Policy Brief No. 2026/07. March 10, 2026."),
    ("apa", "Nurlanova, A., & Demir, M. (2026). Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra (A. Örnek, trans.; Policy Brief 2026/07). Institute for Example Studies (IES). (Original work published as Водная дипломатия в бассейне Каспия: пять лет спустя, 2026)"),
    ("mla", "Nurlanova, Aigerim, and Mehmet Demir. Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra. 10 Mar. 2026. Translated by Ayşe Örnek, Policy Brief 2026/07, Institute for Example Studies (IES), 10 Mar. 2026. Originally published as Водная дипломатия в бассейне Каспия: пять лет спустя."),
    ("chicago-notes", "Nurlanova, Aigerim, and Mehmet Demir. Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra. Policy Brief 2026/07. Translated by Ayşe Örnek. Almaty: Institute for Example Studies (IES), 2026. Originally published as Водная дипломатия в бассейне Каспия: пять лет спустя (2026)."),
    ("chicago-author-date", "Nurlanova, Aigerim, and Mehmet Demir. (2026) 2026. Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra. Policy Brief 2026/07. Translated by Ayşe Örnek. Almaty: Institute for Example Studies (IES). Originally published as Водная дипломатия в бассейне Каспия: пять лет спустя (2026)."),
    ("harvard", "Nurlanova, A. and Demir, M. (2026) Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra. Translated by A. Örnek. Policy Brief 2026/07. Almaty: Institute for Example Studies (IES)."),
    ("bibtex", "@report{nurlanova2026hazar,\n  author       = {Nurlanova, Aigerim and Demir, Mehmet},\n  title        = {{Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra}},\n  date         = {2026-03-10},\n  year         = {2026},\n  type         = {Policy Brief},\n  number       = {2026/07},\n  institution  = {Institute for Example Studies (IES)},\n  location     = {Almaty},\n  address      = {Almaty},\n  langid       = {turkish},\n  translator   = {Örnek, Ayşe},\n  origlanguage = {russian},\n  origtitle    = {{Водная дипломатия в бассейне Каспия: пять лет спустя}},\n  origdate     = {2026-03-10},\n}\n"),
    ("ris", "TY  - RPRT\r\nAU  - Nurlanova, Aigerim\r\nAU  - Demir, Mehmet\r\nA4  - Örnek, Ayşe\r\nTI  - Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra\r\nT3  - Policy Brief\r\nM3  - Policy Brief\r\nSN  - 2026/07\r\nPY  - 2026\r\nDA  - 2026/03/10\r\nPB  - Institute for Example Studies (IES)\r\nCY  - Almaty\r\nLA  - tr\r\nOP  - Водная дипломатия в бассейне Каспия: пять лет спустя\r\nER  - \r\n"),
    ("csl-json", "[\n  {\n    \"id\": \"fixture-features-tr\",\n    \"type\": \"report\",\n    \"title\": \"Hazar Havzasında Su Diplomasisi: Beş Yıl Sonra\",\n    \"author\": [{ \"family\": \"Nurlanova\", \"given\": \"Aigerim\" }, { \"family\": \"Demir\", \"given\": \"Mehmet\" }],\n    \"issued\": { \"date-parts\": [[2026, 3, 10]] },\n    \"genre\": \"Policy Brief\",\n    \"number\": \"2026/07\",\n    \"publisher\": \"Institute for Example Studies (IES)\",\n    \"publisher-place\": \"Almaty\",\n    \"language\": \"tr\",\n    \"translator\": [{ \"family\": \"Örnek\", \"given\": \"Ayşe\" }],\n    \"original-title\": \"Водная дипломатия в бассейне Каспия: пять лет спустя\",\n    \"original-date\": { \"date-parts\": [[2026, 3, 10]] }\n  }\n]\n"),
];

const FIXTURE_EN: &[(&str, &str)] = &[
    ("house", "Nurlanova, Aigerim, and Mehmet Demir. 2026. “Water Diplomacy in the Caspian Basin: Five Years On.” Institute for Example Studies, Policy Brief No. 2026/07. March 14, 2026. https://example.org/en/briefs/2026-07"),
    ("apa", "Nurlanova, A., & Demir, M. (2026). Water Diplomacy in the Caspian Basin: Five Years On (J. Example, Trans.; Policy Brief 2026/07). Institute for Example Studies (IES). https://example.org/en/briefs/2026-07 (Original work published as Водная дипломатия в бассейне Каспия: пять лет спустя, 2026)"),
    ("mla", "Nurlanova, Aigerim, and Mehmet Demir. Water Diplomacy in the Caspian Basin: Five Years on. 10 Mar. 2026. Translated by Jane Example, Policy Brief 2026/07, Institute for Example Studies (IES), 14 Mar. 2026, https://example.org/en/briefs/2026-07. Originally published as Водная дипломатия в бассейне Каспия: пять лет спустя."),
    ("chicago-notes", "Nurlanova, Aigerim, and Mehmet Demir. Water Diplomacy in the Caspian Basin: Five Years on. Policy Brief 2026/07. Translated by Jane Example. Almaty: Institute for Example Studies (IES), 2026. Originally published as Водная дипломатия в бассейне Каспия: пять лет спустя (2026). https://example.org/en/briefs/2026-07."),
    ("chicago-author-date", "Nurlanova, Aigerim, and Mehmet Demir. (2026) 2026. Water Diplomacy in the Caspian Basin: Five Years on. Policy Brief 2026/07. Translated by Jane Example. Almaty: Institute for Example Studies (IES). Originally published as Водная дипломатия в бассейне Каспия: пять лет спустя (2026). https://example.org/en/briefs/2026-07."),
    ("harvard", "Nurlanova, A. and Demir, M. (2026) Water Diplomacy in the Caspian Basin: Five Years On. Translated by J. Example. Policy Brief 2026/07. Almaty: Institute for Example Studies (IES). Available at: https://example.org/en/briefs/2026-07 (Accessed: 25 November 2026)."),
    ("bibtex", "@report{nurlanova2026water,\n  author       = {Nurlanova, Aigerim and Demir, Mehmet},\n  title        = {{Water Diplomacy in the Caspian Basin: Five Years On}},\n  date         = {2026-03-14},\n  year         = {2026},\n  type         = {Policy Brief},\n  number       = {2026/07},\n  institution  = {Institute for Example Studies (IES)},\n  location     = {Almaty},\n  address      = {Almaty},\n  langid       = {english},\n  translator   = {Example, Jane},\n  origlanguage = {russian},\n  origtitle    = {{Водная дипломатия в бассейне Каспия: пять лет спустя}},\n  origdate     = {2026-03-10},\n  url          = {https://example.org/en/briefs/2026-07},\n  urldate      = {2026-11-25},\n}\n"),
    ("ris", "TY  - RPRT\r\nAU  - Nurlanova, Aigerim\r\nAU  - Demir, Mehmet\r\nA4  - Example, Jane\r\nTI  - Water Diplomacy in the Caspian Basin: Five Years On\r\nT3  - Policy Brief\r\nM3  - Policy Brief\r\nSN  - 2026/07\r\nPY  - 2026\r\nDA  - 2026/03/14\r\nPB  - Institute for Example Studies (IES)\r\nCY  - Almaty\r\nLA  - en\r\nOP  - Водная дипломатия в бассейне Каспия: пять лет спустя\r\nUR  - https://example.org/en/briefs/2026-07\r\nY2  - 2026/11/25\r\nER  - \r\n"),
    ("csl-json", "[\n  {\n    \"id\": \"fixture-features-en\",\n    \"type\": \"report\",\n    \"title\": \"Water Diplomacy in the Caspian Basin: Five Years On\",\n    \"author\": [{ \"family\": \"Nurlanova\", \"given\": \"Aigerim\" }, { \"family\": \"Demir\", \"given\": \"Mehmet\" }],\n    \"issued\": { \"date-parts\": [[2026, 3, 14]] },\n    \"genre\": \"Policy Brief\",\n    \"number\": \"2026/07\",\n    \"publisher\": \"Institute for Example Studies (IES)\",\n    \"publisher-place\": \"Almaty\",\n    \"language\": \"en\",\n    \"translator\": [{ \"family\": \"Example\", \"given\": \"Jane\" }],\n    \"original-title\": \"Водная дипломатия в бассейне Каспия: пять лет спустя\",\n    \"original-date\": { \"date-parts\": [[2026, 3, 10]] },\n    \"URL\": \"https://example.org/en/briefs/2026-07\",\n    \"accessed\": { \"date-parts\": [[2026, 11, 25]] }\n  }\n]\n"),
];

#[test]
fn seed_english_translation_in_every_style() {
    check("content", "2026-36", "en", SEED_EN);
}

#[test]
fn seed_turkish_original_in_every_style() {
    check("content", "2026-36", "tr", SEED_TR);
}

#[test]
fn two_authors_a_translator_and_no_url() {
    check(
        "tests/fixtures/content",
        "fixture-features",
        "tr",
        FIXTURE_TR,
    );
}

#[test]
fn two_authors_a_translator_and_a_url() {
    check(
        "tests/fixtures/content",
        "fixture-features",
        "en",
        FIXTURE_EN,
    );
}

#[test]
fn titles_are_italic_in_the_rich_text() {
    let doc = document("content", "2026-36");
    let en = doc.versions.iter().find(|v| v.lang == "en").unwrap();
    let apa = en.citations.iter().find(|c| c.style == "apa").unwrap();
    assert!(apa.html(today()).starts_with(
        "Khantamirova, İ. (2026). <i>The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations</i> (Commentary 2026/36)."
    ));
}

#[test]
fn coins_carry_the_standard_openurl_fields() {
    let doc = document("content", "2026-36");
    let en = doc.versions.iter().find(|v| v.lang == "en").unwrap();
    let kev = coins(CiteWork::new(&doc, en));
    let pairs: Vec<(&str, &str)> = kev.split('&').filter_map(|p| p.split_once('=')).collect();
    let get = |k: &str| {
        pairs
            .iter()
            .filter(|(key, _)| *key == k)
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
    };
    assert_eq!(get("ctx_ver"), ["Z39.88-2004"]);
    assert_eq!(get("rft_val_fmt"), ["info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook"]);
    assert_eq!(get("rft.genre"), ["report"]);
    assert_eq!(
        get("rft.btitle"),
        ["The%20Solidarity%20Among%20Turkic%20States%20Targeted%20Through%20T%C3%BCrkiye-Azerbaijan%20Relations"]
    );
    assert_eq!(get("rft.aulast"), ["Khantamirova"]);
    assert_eq!(get("rft.aufirst"), ["%C4%B0laha"]);
    assert_eq!(get("rft.date"), ["2026-06-26"]);
    assert_eq!(
        get("rft.pub"),
        ["Center%20for%20Eurasian%20Studies%20%28AV%C4%B0M%29"]
    );
    assert_eq!(get("rft.place"), ["Ankara"]);
    assert_eq!(get("rft.series"), ["Commentary"]);
    assert_eq!(
        get("rft_id"),
        ["https%3A%2F%2Fwww.avim.org.tr%2Fen%2FYorum%2FTHE-SOLIDARITY-AMONG-TURKIC-STATES-TARGETED-THROUGH-TURKIYE-AZERBAIJAN-RELATIONS"]
    );
}

/// Issue 15: a corrected version in MLA 9 carries "updated <date>" after its date; the others
/// are unchanged (APA dates a work by its last update, which shows only in the year).
#[test]
fn a_corrected_version_is_cited_as_updated_where_the_style_says_so() {
    let doc = document("tests/fixtures/content", "fixture-licensed");
    let plain = |lang: &str, style: CitationStyle| {
        commentary_embed::content::citation_text(
            &doc.versions
                .iter()
                .find(|v| v.lang == lang)
                .unwrap()
                .citations,
            style,
            today(),
        )
        .unwrap()
    };
    assert_eq!(
        plain("en", CitationStyle::Mla9),
        "Example, Jane, and Emre Örnek. Ferry Timetables on the Caspian: What the New Schedule Changed. Analysis 2026/12, Institute for Example Studies (IES), 4 May 2026, updated 2 June 2026, https://example.org/en/analysis/2026-12."
    );
    assert_eq!(
        plain("en", CitationStyle::ChicagoNotes),
        "Example, Jane, and Emre Örnek. Ferry Timetables on the Caspian: What the New Schedule Changed. Analysis 2026/12. Almaty: Institute for Example Studies (IES), 2026. https://example.org/en/analysis/2026-12."
    );
    // APA: the year of the last update, here across a new year.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("apa-updated");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("commentary.toml"),
        "original_language = \"en\"\npublished = 2025-12-20\nauthors = [ { given = \"Jane\", family = \"Example\" } ]\n[publisher]\nname = \"P\"\nurl = \"https://p.example\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("en.md"),
        "+++\ntitle = \"T\"\n[[corrections]]\ndate = 2026-01-05\ntext = \"Fixed.\"\n+++\nText.\n",
    )
    .unwrap();
    let compiled = compile_commentary(&dir, "apa-updated");
    let doc = compiled.document.expect("compiles");
    let apa = commentary_embed::content::citation_text(
        &doc.versions[0].citations,
        CitationStyle::Apa7,
        today(),
    )
    .unwrap();
    assert!(apa.starts_with("Example, J. (2026). T"), "{apa}");
    let mla = commentary_embed::content::citation_text(
        &doc.versions[0].citations,
        CitationStyle::Mla9,
        today(),
    )
    .unwrap();
    assert!(mla.contains("20 Dec. 2025, updated 5 Jan. 2026"), "{mla}");
}

//! Browser tests of the widget, in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown --test web`). Each test mounts a widget into a fresh host element, feeds
//! it a document through a `data:` URL, and asserts through the open shadow root.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use commentary_embed::embed::{mount, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

// The loader's document service, which the loader hands every widget it mounts.
#[wasm_bindgen(module = "/public/commentary-embed.js")]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = documents)]
    static DOCUMENTS: commentary_embed::browser::DocumentService;
}

const CSS: &str = "data:text/css,.ce-root%7Bdisplay:block%7D";

fn document_json(versions: &str) -> String {
    format!(
        r#"{{"schema":1,"id":"t-1","series":"Commentary","number":"2026/1","original_language":"tr",
        "published":"2026-06-17","authors":[{{"given":"İlaha","family":"Khantamirova"}}],
        "publisher":{{"name":"Center for Eurasian Studies","short_name":"AVİM","url":"https://avim.org.tr"}},
        "versions":[{versions}]}}"#
    )
}

const TR: &str = r#"{"lang":"tr","title":"Türkçe başlık","body":[
    {"paragraph":[{"text":"Bir"},{"note_ref":{"note":1,"occurrence":1}},{"text":" iki"},{"note_ref":{"note":2,"occurrence":1}}]}],
    "notes":[{"number":1,"label":"a","references":1,"content":[{"paragraph":[{"text":"Not bir"}]}]},
             {"number":2,"label":"b","references":1,"content":[{"paragraph":[{"text":"Not iki"}]}]}]}"#;

const EN: &str = r#"{"lang":"en","title":"English title","published":"2026-06-26","body":[
    {"heading":{"level":2,"content":[{"text":"A section"}]}},
    {"paragraph":[{"text":"One"},{"note_ref":{"note":1,"occurrence":1}},{"text":" two"},{"note_ref":{"note":2,"occurrence":1}},
        {"text":" again"},{"note_ref":{"note":1,"occurrence":2}}]},
    {"paragraph":[{"link":{"href":"https://example.org/a?b=1&c=2","content":[{"text":"safe"}]}},
        {"link":{"href":" JaVa\tScRiPt:alert(1)","content":[{"text":"unsafe"}]}},
        {"text":"<img src=x onerror=alert(1)>"}]}],
    "notes":[{"number":1,"label":"x","references":2,"content":[{"paragraph":[{"text":"Note one"}]}]},
             {"number":2,"label":"y","references":1,"content":[{"paragraph":[{"text":"Note two"}]}]}]}"#;

fn data_url(json: &str) -> String {
    format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(json))
    )
}

struct Mounted {
    host: HtmlElement,
    widget: Widget,
    events: Rc<RefCell<Vec<(String, String)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Mounted {
    fn root(&self) -> ShadowRoot {
        self.host.shadow_root().expect("an open shadow root")
    }

    fn part(&self, part: &str) -> Option<Element> {
        self.root()
            .query_selector(&format!("[part~='{part}']"))
            .ok()
            .flatten()
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root()
            .query_selector_all(selector)
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn events(&self) -> Vec<(String, String)> {
        self.events.borrow().clone()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget.unmount();
        self.host.remove();
    }
}

/// Where the widget keeps the reader's language choice (per site: this test page).
const STORAGE_KEY: &str = "commentary-embed:language";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn mount_with(src: &str, lang: Option<&str>) -> Mounted {
    // Every test starts as a reader who never chose a language here.
    storage().remove_item(STORAGE_KEY).unwrap();
    mount_stored(src, lang)
}

/// Mounts without forgetting the stored choice (a reload, as far as the widget can tell).
fn mount_stored(src: &str, lang: Option<&str>) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("src", src).unwrap();
    if let Some(lang) = lang {
        host.set_attribute("lang", lang).unwrap();
    }
    let fallback = document.create_element("a").unwrap();
    fallback
        .set_attribute("href", "https://publisher.example/original")
        .unwrap();
    fallback.set_text_content(Some("Read the original"));
    host.append_child(&fallback).unwrap();
    document.body().unwrap().append_child(&host).unwrap();

    let events = Rc::new(RefCell::new(Vec::new()));
    let mut listeners = Vec::new();
    for name in [
        "commentary-ready",
        "commentary-language-change",
        "commentary-error",
    ] {
        let events = events.clone();
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let detail = e.unchecked_ref::<CustomEvent>().detail();
            let json = js_sys::JSON::stringify(&detail)
                .map(String::from)
                .unwrap_or_default();
            events.borrow_mut().push((e.type_(), json));
        });
        host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
        listeners.push(listener);
    }
    let widget = mount(host.clone(), CSS.into(), DOCUMENTS.with(Clone::clone)).expect("mounts");
    Mounted {
        host,
        widget,
        events,
        _listeners: listeners,
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 5 s) until `ready` holds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..250 {
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

#[wasm_bindgen_test]
async fn renders_the_requested_version_with_numbered_notes() {
    let m = mount_with(&data_url(&document_json(&format!("{TR},{EN}"))), Some("en"));
    until("the title", || m.part("title").is_some()).await;

    assert_eq!(
        m.part("title").unwrap().text_content().unwrap(),
        "English title"
    );
    let byline = m.part("byline").unwrap().text_content().unwrap();
    for expected in [
        "İlaha Khantamirova",
        "Center for Eurasian Studies (AVİM)",
        "26 June 2026",
        "Commentary No. 2026/1",
    ] {
        assert!(
            byline.contains(expected),
            "byline {byline:?} lacks {expected:?}"
        );
    }
    let article = m.root().query_selector("article").unwrap().unwrap();
    assert_eq!(article.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        m.all("h3")
            .first()
            .and_then(|h| h.text_content())
            .as_deref(),
        Some("A section")
    );

    let refs: Vec<_> = m
        .all("[part~='footnote-ref']")
        .iter()
        .map(|r| r.get_attribute("data-note").unwrap())
        .collect();
    assert_eq!(refs, ["1", "2", "1"]);
    let notes = m.all("[part~='footnotes'] li");
    assert_eq!(notes.len(), 2);
    let backlinks: Vec<_> = m
        .all("#note-1 a.ce-backlink")
        .iter()
        .map(|a| a.text_content().unwrap())
        .collect();
    assert_eq!(
        backlinks,
        ["a", "b"],
        "note 1 is cited twice: two back-links"
    );
    assert_eq!(
        m.events(),
        [(
            "commentary-ready".to_owned(),
            r#"{"id":"t-1","lang":"en"}"#.to_owned()
        )]
    );
}

#[wasm_bindgen_test]
async fn unsafe_links_and_markup_stay_text() {
    let m = mount_with(&data_url(&document_json(&format!("{TR},{EN}"))), Some("en"));
    until("the body", || m.part("body").is_some()).await;
    let links: Vec<_> = m
        .all("[part~='body'] a:not([part~='footnote-ref'])")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(links, ["https://example.org/a?b=1&c=2"]);
    let body = m.part("body").unwrap();
    assert!(body
        .text_content()
        .unwrap()
        .contains("unsafe<img src=x onerror=alert(1)>"));
    assert!(body.query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn changing_lang_switches_version_and_tells_the_page() {
    let m = mount_with(&data_url(&document_json(&format!("{TR},{EN}"))), Some("tr"));
    until("the title", || m.part("title").is_some()).await;
    assert_eq!(
        m.part("title").unwrap().text_content().unwrap(),
        "Türkçe başlık"
    );

    m.widget.attribute_changed("lang", Some("en".into()));
    until("the English title", || {
        m.part("title").and_then(|t| t.text_content()).as_deref() == Some("English title")
    })
    .await;
    until("the change event", || m.events().len() == 2).await;
    assert_eq!(
        m.events()[1],
        (
            "commentary-language-change".to_owned(),
            r#"{"id":"t-1","lang":"en"}"#.to_owned()
        )
    );
}

#[wasm_bindgen_test]
async fn a_document_of_another_schema_shows_the_error_and_keeps_the_fallback() {
    let json = document_json(TR).replacen(r#""schema":1"#, r#""schema":7"#, 1);
    let src = data_url(&json);
    let m = mount_with(&src, None);
    until("the error part", || m.part("error").is_some()).await;
    let text = m.part("error").unwrap().text_content().unwrap();
    assert!(text.contains("schema version 7 is not supported"), "{text}");
    assert!(
        m.root().query_selector("slot").unwrap().is_some(),
        "the fallback stays visible"
    );
    let events = m.events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "commentary-error");
    assert!(events[0].1.contains("schema version 7"));
}

#[wasm_bindgen_test]
async fn a_hand_written_document_gets_the_same_checks() {
    // A footnote reference to a note that does not exist, and an empty title.
    let bad = TR
        .replace(r#""note":2"#, r#""note":9"#)
        .replace("Türkçe başlık", " ");
    let m = mount_with(&data_url(&document_json(&bad)), None);
    until("the error part", || m.part("error").is_some()).await;
    let text = m.part("error").unwrap().text_content().unwrap();
    assert!(
        text.contains("the title is empty") && text.contains("footnote reference 9 has no note"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_missing_document_and_no_source_are_errors() {
    let m = mount_with("data:application/json,{not json", None);
    until("the error part", || m.part("error").is_some()).await;
    assert!(m
        .part("error")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("is not JSON"));

    let none = mount_with("", None);
    until("the error part", || none.part("error").is_some()).await;
    assert!(none
        .part("error")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("no `src` attribute"));
}

// ------------------------------------------------------------------ language toggle (issue 4)

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn toggle_buttons(m: &Mounted) -> Vec<HtmlElement> {
    m.all("[part~='language-toggle'] button")
        .into_iter()
        .filter_map(|b| b.dyn_into().ok())
        .collect()
}

fn title(m: &Mounted) -> String {
    m.part("title")
        .and_then(|t| t.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_toggle_offers_each_version_by_its_own_name_and_remembers_the_choice() {
    let m = mount_with(&data_url(&document_json(&format!("{TR},{EN}"))), Some("en"));
    until("the title", || m.part("title").is_some()).await;

    let toggle = m.part("language-toggle").expect("a language toggle");
    assert_eq!(attr(&toggle, "role"), "group");
    assert_eq!(attr(&toggle, "aria-label"), "Language");
    let buttons = toggle_buttons(&m);
    let seen = |buttons: &[HtmlElement]| -> Vec<(String, String, String)> {
        buttons
            .iter()
            .map(|b| {
                (
                    b.text_content().unwrap_or_default(),
                    attr(b, "lang"),
                    attr(b, "aria-pressed"),
                )
            })
            .collect()
    };
    let own = |name: &str, lang: &str, pressed: &str| {
        (name.to_owned(), lang.to_owned(), pressed.to_owned())
    };
    assert_eq!(
        seen(&buttons),
        [own("Türkçe", "tr", "false"), own("English", "en", "true")]
    );

    buttons[0].click();
    until("the Turkish title", || title(&m) == "Türkçe başlık").await;
    assert_eq!(
        seen(&toggle_buttons(&m)),
        [own("Türkçe", "tr", "true"), own("English", "en", "false")]
    );
    assert_eq!(
        attr(&m.part("language-toggle").unwrap(), "aria-label"),
        "Dil"
    );
    let article = m.root().query_selector("article").unwrap().unwrap();
    assert_eq!(attr(&article, "lang"), "tr");
    // The pressed button is the same element: the reader's focus stays on it.
    buttons[0].focus().unwrap();
    buttons[1].click();
    until("the English title", || title(&m) == "English title").await;
    assert!(
        buttons[1].is_connected(),
        "the toggle is not re-rendered on a switch"
    );

    until("the change events", || m.events().len() == 3).await;
    let names: Vec<_> = m
        .events()
        .into_iter()
        .map(|(n, d)| format!("{n} {d}"))
        .collect();
    assert_eq!(
        names,
        [
            r#"commentary-ready {"id":"t-1","lang":"en"}"#,
            r#"commentary-language-change {"id":"t-1","lang":"tr"}"#,
            r#"commentary-language-change {"id":"t-1","lang":"en"}"#,
        ]
    );
    assert_eq!(
        storage().get_item(STORAGE_KEY).unwrap().as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn the_stored_choice_wins_over_the_attribute_until_the_page_changes_it() {
    storage().set_item(STORAGE_KEY, "tr").unwrap();
    let m = mount_stored(&data_url(&document_json(&format!("{TR},{EN}"))), Some("ru"));
    until("the title", || m.part("title").is_some()).await;
    assert_eq!(
        title(&m),
        "Türkçe başlık",
        "the reader chose Turkish before"
    );

    m.widget.attribute_changed("lang", Some("en".into()));
    until("the English title", || title(&m) == "English title").await;
    until("the change event", || m.events().len() == 2).await;
    assert_eq!(m.events()[1].0, "commentary-language-change");
    storage().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn a_stored_language_the_document_lacks_is_passed_over() {
    storage().set_item(STORAGE_KEY, "az").unwrap();
    let m = mount_stored(&data_url(&document_json(&format!("{TR},{EN}"))), Some("en"));
    until("the title", || m.part("title").is_some()).await;
    assert_eq!(title(&m), "English title");
    storage().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn one_version_has_no_toggle_and_no_word_on_translation() {
    let m = mount_with(&data_url(&document_json(TR)), Some("tr"));
    until("the title", || m.part("title").is_some()).await;
    assert!(m.part("language-toggle").is_none());
    assert!(m.all(".ce-origin").is_empty());
}

#[wasm_bindgen_test]
async fn the_ui_speaks_the_shown_versions_language() {
    let m = mount_with(&data_url(&document_json(&format!("{TR},{EN}"))), Some("tr"));
    until("the title", || m.part("title").is_some()).await;
    let heading = m
        .root()
        .query_selector("#ce-notes-heading")
        .unwrap()
        .unwrap();
    assert_eq!(heading.text_content().as_deref(), Some("Dipnotlar"));
    assert_eq!(attr(&heading, "lang"), "tr");
    let byline = m.part("byline").unwrap().text_content().unwrap();
    assert!(byline.contains("17 Haziran 2026"), "{byline}");
    assert!(byline.contains("Commentary No: 2026/1"), "{byline}");
    assert!(byline.contains("Orijinal metin"), "{byline}");
    let refs = m.all("[part~='footnote-ref']");
    assert_eq!(attr(&refs[0], "aria-label"), "Dipnot 1");

    m.widget.attribute_changed("lang", Some("en".into()));
    until("the English title", || title(&m) == "English title").await;
    let origin: HtmlElement = m
        .root()
        .query_selector("[part~='byline'] button.ce-original-link")
        .unwrap()
        .expect("a button to the original")
        .dyn_into()
        .unwrap();
    assert_eq!(
        origin.text_content().as_deref(),
        Some("Translated from Turkish")
    );
    origin.click();
    until("the Turkish title", || title(&m) == "Türkçe başlık").await;
    let focused = m
        .root()
        .active_element()
        .expect("focus stays in the widget");
    assert_eq!(
        attr(&focused, "lang"),
        "tr",
        "focus moves to the Türkçe button"
    );
    assert_eq!(attr(&focused, "aria-pressed"), "true");
}

const AR: &str =
    r#"{"lang":"ar","title":"عنوان","translator":"مترجم","body":[{"paragraph":[{"text":"نص"}]}]}"#;

#[wasm_bindgen_test]
async fn a_right_to_left_version_carries_dir_and_lang() {
    let m = mount_with(&data_url(&document_json(&format!("{TR},{AR}"))), Some("ar"));
    until("the title", || m.part("title").is_some()).await;
    let article = m.root().query_selector("article").unwrap().unwrap();
    assert_eq!(
        (attr(&article, "lang"), attr(&article, "dir")),
        ("ar".into(), "rtl".into())
    );
    let buttons = toggle_buttons(&m);
    assert_eq!(
        buttons
            .iter()
            .map(|b| (attr(b, "lang"), attr(b, "dir")))
            .collect::<Vec<_>>(),
        [
            ("tr".to_owned(), "ltr".to_owned()),
            ("ar".to_owned(), "rtl".to_owned())
        ]
    );
    assert_eq!(buttons[1].text_content().as_deref(), Some("العربية"));
    // The UI does not speak Arabic: its words are English, and say so.
    let origin = m.root().query_selector(".ce-origin").unwrap().unwrap();
    assert_eq!(attr(&origin, "lang"), "en");
    assert_eq!(
        origin.text_content().as_deref(),
        Some("Translated from Turkish by مترجم")
    );
}

#[wasm_bindgen_test]
async fn languages_the_widget_does_not_know_go_by_the_browsers_name_or_their_tag() {
    let version = |lang: &str| {
        format!(r#"{{"lang":"{lang}","title":"T","body":[{{"paragraph":[{{"text":"x"}}]}}]}}"#)
    };
    let versions = format!("{TR},{},{}", version("sv"), version("xqa"));
    let m = mount_with(&data_url(&document_json(&versions)), Some("tr"));
    until("the title", || m.part("title").is_some()).await;
    let names: Vec<_> = toggle_buttons(&m)
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    // Intl.DisplayNames calls Swedish "svenska"; a label starts with a capital. Nobody knows xqa.
    assert_eq!(names, ["Türkçe", "Svenska", "xqa"]);
}

//! Reading a compiled document from parsed JSON, by hand.
//!
//! The widget lets the browser parse the text (`JSON.parse`) and walks the result through the
//! small [`JsonNode`] trait; the CLI and the tests walk a `serde_json::Value` the same way. One
//! decoder, no serde in the wasm: serde's derived visitors, `serde-wasm-bindgen` and the float
//! formatting its error messages need were about 5 % of the module.
//!
//! The rules are serde's for these types (docs/schema.md): unknown keys are
//! ignored, an optional key may be missing or `null`, enums are externally tagged
//! (`{"paragraph": [...]}`, or a bare string for a variant without data: `"rule"`). Every error
//! names where it is: `versions[1].body[3].list.items[0][2]: expected an object`.

use super::{Block, Citation, CiteRun, Date, DateForm, Document, Inline, Note, Person, Publisher};
use super::{Correction, License, Version, Withdrawn, MAX_JSON_DEPTH, SCHEMA_VERSION};

/// What the decoder needs of a parsed JSON value.
pub trait JsonNode: Sized {
    /// The value of `key` when this is an object that has it and it is not `null`.
    fn get(&self, key: &str) -> Option<Self>;
    /// Whether this is an object (not an array, not `null`).
    fn is_object(&self) -> bool;
    fn as_str(&self) -> Option<String>;
    fn as_f64(&self) -> Option<f64>;
    fn as_bool(&self) -> Option<bool>;
    /// The items when this is an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The keys when this is an object, in order.
    fn keys(&self) -> Option<Vec<String>>;
}

/// Reads and checks a document, whoever wrote it: what the widget does with every document it
/// loads. The schema version is read first, so a document of another version gets that message
/// rather than a decoding error; then [`decode_fields`], then [`Document::problems`].
///
/// # Errors
/// A message naming what is wrong (every problem, joined by `; `).
pub fn read_document<J: JsonNode>(json: &J) -> Result<Document, String> {
    if !json.is_object() {
        return Err("the document is not a JSON object".into());
    }
    let Some(schema) = json.get("schema").filter(|s| s.as_f64().is_some()) else {
        return Err("the document has no `schema` version".into());
    };
    if schema.as_f64() != Some(f64::from(SCHEMA_VERSION)) {
        let shown = integer::<J, u64>(&schema, "").map_or_else(
            |_| "that is not a whole number".to_owned(),
            |n| n.to_string(),
        );
        return Err(format!(
            "schema version {shown} is not supported (this widget reads version {SCHEMA_VERSION})"
        ));
    }
    let document = decode_fields(json).map_err(|e| format!("the document does not decode: {e}"))?;
    let problems = document.problems();
    if problems.is_empty() {
        Ok(document)
    } else {
        Err(problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "))
    }
}

/// Decodes a whole document. It is not checked yet: [`Document::problems`] does that.
///
/// # Errors
/// A message with the path of the first value that does not fit.
pub fn decode_fields<J: JsonNode>(json: &J) -> Result<Document, String> {
    let d = Decoder { depth: 0 };
    object(json, "")?;
    Ok(Document {
        schema: integer(&required(json, "", "schema")?, "schema")?,
        id: string(&required(json, "", "id")?, "id")?,
        series: optional(json, "", "series", string)?,
        number: optional(json, "", "number", string)?,
        original_language: string(
            &required(json, "", "original_language")?,
            "original_language",
        )?,
        published: date(&required(json, "", "published")?, "published")?,
        authors: list(&required(json, "", "authors")?, "authors", person)?,
        publisher: publisher(&required(json, "", "publisher")?, "publisher")?,
        versions: list(&required(json, "", "versions")?, "versions", |v, at| {
            d.version(v, at)
        })?,
        license: optional(json, "", "license", license)?,
        withdrawn: optional(json, "", "withdrawn", withdrawn)?,
    })
}

fn license<J: JsonNode>(json: &J, at: &str) -> Result<License, String> {
    object(json, at)?;
    Ok(License {
        id: optional(json, at, "id", string)?,
        name: string(&required(json, at, "name")?, &key_at(at, "name"))?,
        url: string(&required(json, at, "url")?, &key_at(at, "url"))?,
    })
}

fn withdrawn<J: JsonNode>(json: &J, at: &str) -> Result<Withdrawn, String> {
    object(json, at)?;
    Ok(Withdrawn {
        date: date(&required(json, at, "date")?, &key_at(at, "date"))?,
    })
}

/// The path of `key` inside `at`.
fn key_at(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

fn fail<T>(at: &str, message: &str) -> Result<T, String> {
    Err(if at.is_empty() {
        message.to_owned()
    } else {
        format!("{at}: {message}")
    })
}

fn object<J: JsonNode>(json: &J, at: &str) -> Result<(), String> {
    if json.is_object() {
        Ok(())
    } else {
        fail(at, "expected an object")
    }
}

fn required<J: JsonNode>(json: &J, at: &str, key: &str) -> Result<J, String> {
    match json.get(key) {
        Some(value) => Ok(value),
        None => fail(&key_at(at, key), "missing"),
    }
}

fn optional<J: JsonNode, T>(
    json: &J,
    at: &str,
    key: &str,
    read: impl Fn(&J, &str) -> Result<T, String>,
) -> Result<Option<T>, String> {
    json.get(key)
        .map(|v| read(&v, &key_at(at, key)))
        .transpose()
}

fn string<J: JsonNode>(json: &J, at: &str) -> Result<String, String> {
    json.as_str()
        .map_or_else(|| fail(at, "expected a string"), Ok)
}

fn boolean<J: JsonNode>(json: &J, at: &str) -> Result<bool, String> {
    json.as_bool()
        .map_or_else(|| fail(at, "expected true or false"), Ok)
}

/// A whole number that fits `T` (JSON numbers are doubles: `3.0` is 3, `3.5` is refused).
fn integer<J: JsonNode, T: TryFrom<u64>>(json: &J, at: &str) -> Result<T, String> {
    let n = json.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0);
    // 2^53: beyond it a double no longer holds every whole number.
    match n.filter(|n| *n <= 9_007_199_254_740_992.0) {
        // In range and whole, so the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(n) => T::try_from(n as u64).map_or_else(|_| fail(at, "number out of range"), Ok),
        None => fail(at, "expected a whole number"),
    }
}

fn date<J: JsonNode>(json: &J, at: &str) -> Result<Date, String> {
    string(json, at)?
        .parse()
        .map_or_else(|_| fail(at, "expected a date YYYY-MM-DD"), Ok)
}

fn list<J: JsonNode, T>(
    json: &J,
    at: &str,
    read: impl Fn(&J, &str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let Some(items) = json.items() else {
        return fail(at, "expected an array");
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &format!("{at}[{i}]")))
        .collect()
}

/// An optional array: missing or `null` is empty.
fn optional_list<J: JsonNode, T>(
    json: &J,
    at: &str,
    key: &str,
    read: impl Fn(&J, &str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    Ok(optional(json, at, key, |v, at| list(v, at, &read))?.unwrap_or_default())
}

/// The variant of an externally tagged enum: a bare string, or an object with one key.
fn variant<J: JsonNode>(json: &J, at: &str) -> Result<(String, Option<J>), String> {
    if let Some(name) = json.as_str() {
        return Ok((name, None));
    }
    match json.keys().as_deref() {
        Some([name]) => Ok((name.clone(), json.get(name))),
        _ => fail(at, "expected a string or an object with one key"),
    }
}

/// The data of a variant that has some (written as a bare string, it has none).
fn data<J>(value: Option<J>, at: &str) -> Result<J, String> {
    value.map_or_else(|| fail(at, "missing its content"), Ok)
}

fn person<J: JsonNode>(json: &J, at: &str) -> Result<Person, String> {
    object(json, at)?;
    Ok(Person {
        given: string(&required(json, at, "given")?, &key_at(at, "given"))?,
        family: string(&required(json, at, "family")?, &key_at(at, "family"))?,
    })
}

fn publisher<J: JsonNode>(json: &J, at: &str) -> Result<Publisher, String> {
    object(json, at)?;
    Ok(Publisher {
        name: string(&required(json, at, "name")?, &key_at(at, "name"))?,
        short_name: optional(json, at, "short_name", string)?,
        url: string(&required(json, at, "url")?, &key_at(at, "url"))?,
        place: optional(json, at, "place", string)?,
    })
}

fn citation<J: JsonNode>(json: &J, at: &str) -> Result<Citation, String> {
    object(json, at)?;
    Ok(Citation {
        style: string(&required(json, at, "style")?, &key_at(at, "style"))?,
        runs: list(&required(json, at, "runs")?, &key_at(at, "runs"), cite_run)?,
    })
}

fn cite_run<J: JsonNode>(json: &J, at: &str) -> Result<CiteRun, String> {
    let (name, value) = variant(json, at)?;
    let at = key_at(at, &name);
    match name.as_str() {
        "text" => Ok(CiteRun::Text(string(&data(value, &at)?, &at)?)),
        "italic" => Ok(CiteRun::Italic(string(&data(value, &at)?, &at)?)),
        "accessed" => {
            let form = string(&data(value, &at)?, &at)?;
            DateForm::ALL
                .into_iter()
                .find(|f| f.id() == form)
                .map_or_else(|| fail(&at, "unknown date form"), Ok)
                .map(CiteRun::Accessed)
        }
        _ => fail(&at, "unknown citation run"),
    }
}

/// Blocks and inlines nest; the depth stops hostile nesting before the stack does.
#[derive(Clone, Copy)]
struct Decoder {
    depth: usize,
}

impl Decoder {
    /// One level deeper, or an error past [`MAX_JSON_DEPTH`] levels of blocks and inlines
    /// (each takes at least one level of JSON, so a document within the JSON limit always fits;
    /// [`Document::problems`] then applies the tighter [`MAX_DEPTH`](super::MAX_DEPTH)).
    fn deeper(self, at: &str) -> Result<Decoder, String> {
        if self.depth >= MAX_JSON_DEPTH {
            fail(at, "nested too deeply")
        } else {
            Ok(Decoder {
                depth: self.depth + 1,
            })
        }
    }

    fn version<J: JsonNode>(self, json: &J, at: &str) -> Result<Version, String> {
        object(json, at)?;
        let field = |key: &str| key_at(at, key);
        Ok(Version {
            lang: string(&required(json, at, "lang")?, &field("lang"))?,
            title: string(&required(json, at, "title")?, &field("title"))?,
            url: optional(json, at, "url", string)?,
            published: optional(json, at, "published", date)?,
            translator: optional(json, at, "translator", string)?,
            body: list(&required(json, at, "body")?, &field("body"), |b, at| {
                self.block(b, at)
            })?,
            notes: optional_list(json, at, "notes", |n, at| self.note(n, at))?,
            citations: optional_list(json, at, "citations", citation)?,
            align: optional(json, at, "align", |v, at| list(v, at, integer))?,
            corrections: optional_list(json, at, "corrections", |c, at| self.correction(c, at))?,
            withdrawn_note: optional(json, at, "withdrawn_note", string)?,
        })
    }

    fn correction<J: JsonNode>(self, json: &J, at: &str) -> Result<Correction, String> {
        object(json, at)?;
        Ok(Correction {
            date: date(&required(json, at, "date")?, &key_at(at, "date"))?,
            text: self.inlines(&required(json, at, "text")?, &key_at(at, "text"))?,
        })
    }

    fn note<J: JsonNode>(self, json: &J, at: &str) -> Result<Note, String> {
        object(json, at)?;
        let field = |key: &str| key_at(at, key);
        Ok(Note {
            number: integer(&required(json, at, "number")?, &field("number"))?,
            label: string(&required(json, at, "label")?, &field("label"))?,
            references: integer(&required(json, at, "references")?, &field("references"))?,
            content: self.blocks(&required(json, at, "content")?, &field("content"))?,
        })
    }

    fn blocks<J: JsonNode>(self, json: &J, at: &str) -> Result<Vec<Block>, String> {
        let inner = self.deeper(at)?;
        list(json, at, |b, at| inner.block(b, at))
    }

    fn inlines<J: JsonNode>(self, json: &J, at: &str) -> Result<Vec<Inline>, String> {
        let inner = self.deeper(at)?;
        list(json, at, |i, at| inner.inline(i, at))
    }

    fn block<J: JsonNode>(self, json: &J, at: &str) -> Result<Block, String> {
        let (name, value) = variant(json, at)?;
        let at = key_at(at, &name);
        match name.as_str() {
            "paragraph" => Ok(Block::Paragraph(self.inlines(&data(value, &at)?, &at)?)),
            "quote" => Ok(Block::Quote(self.blocks(&data(value, &at)?, &at)?)),
            "code" => Ok(Block::Code(string(&data(value, &at)?, &at)?)),
            "rule" => Ok(Block::Rule),
            "heading" => {
                let v = data(value, &at)?;
                object(&v, &at)?;
                Ok(Block::Heading {
                    level: integer(&required(&v, &at, "level")?, &key_at(&at, "level"))?,
                    content: self
                        .inlines(&required(&v, &at, "content")?, &key_at(&at, "content"))?,
                })
            }
            "list" => {
                let v = data(value, &at)?;
                object(&v, &at)?;
                let items_at = key_at(&at, "items");
                let inner = self.deeper(&items_at)?;
                Ok(Block::List {
                    ordered: boolean(&required(&v, &at, "ordered")?, &key_at(&at, "ordered"))?,
                    start: optional(&v, &at, "start", integer)?,
                    items: list(&required(&v, &at, "items")?, &items_at, |item, at| {
                        inner.blocks(item, at)
                    })?,
                })
            }
            _ => fail(&at, "unknown block"),
        }
    }

    fn inline<J: JsonNode>(self, json: &J, at: &str) -> Result<Inline, String> {
        let (name, value) = variant(json, at)?;
        let at = key_at(at, &name);
        let fields = |v: &J| -> Result<(), String> { object(v, &at) };
        match name.as_str() {
            "text" => Ok(Inline::Text(string(&data(value, &at)?, &at)?)),
            "code" => Ok(Inline::Code(string(&data(value, &at)?, &at)?)),
            "emphasis" => Ok(Inline::Emphasis(self.inlines(&data(value, &at)?, &at)?)),
            "strong" => Ok(Inline::Strong(self.inlines(&data(value, &at)?, &at)?)),
            "line_break" => Ok(Inline::LineBreak),
            "link" => {
                let v = data(value, &at)?;
                fields(&v)?;
                Ok(Inline::Link {
                    href: string(&required(&v, &at, "href")?, &key_at(&at, "href"))?,
                    content: self
                        .inlines(&required(&v, &at, "content")?, &key_at(&at, "content"))?,
                })
            }
            "lang" => {
                let v = data(value, &at)?;
                fields(&v)?;
                Ok(Inline::Lang {
                    lang: string(&required(&v, &at, "lang")?, &key_at(&at, "lang"))?,
                    content: self
                        .inlines(&required(&v, &at, "content")?, &key_at(&at, "content"))?,
                })
            }
            "note_ref" => {
                let v = data(value, &at)?;
                fields(&v)?;
                Ok(Inline::NoteRef {
                    note: integer(&required(&v, &at, "note")?, &key_at(&at, "note"))?,
                    occurrence: integer(
                        &required(&v, &at, "occurrence")?,
                        &key_at(&at, "occurrence"),
                    )?,
                })
            }
            _ => fail(&at, "unknown inline"),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl JsonNode for serde_json::Value {
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn is_object(&self) -> bool {
        self.is_object()
    }
    fn as_str(&self) -> Option<String> {
        serde_json::Value::as_str(self).map(str::to_owned)
    }
    fn as_f64(&self) -> Option<f64> {
        serde_json::Value::as_f64(self)
    }
    fn as_bool(&self) -> Option<bool> {
        serde_json::Value::as_bool(self)
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn keys(&self) -> Option<Vec<String>> {
        Some(self.as_object()?.keys().cloned().collect())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use serde_json::json;

    use super::*;

    fn minimal() -> serde_json::Value {
        json!({
            "schema": 1, "id": "x", "original_language": "en", "published": "2026-06-17",
            "authors": [{ "given": "A", "family": "B" }],
            "publisher": { "name": "P", "url": "https://p.example" },
            "versions": [{ "lang": "en", "title": "T", "body": [
                { "paragraph": [{ "text": "Hi" }, { "note_ref": { "note": 1, "occurrence": 1 } }, "line_break"] },
                { "heading": { "level": 3, "content": [{ "emphasis": [{ "text": "h" }] }] } },
                { "list": { "ordered": true, "start": 3, "items": [[{ "quote": [{ "code": "c" }] }], ["rule"]] } }
            ], "notes": [{ "number": 1, "label": "a", "references": 1, "content": [
                { "paragraph": [{ "link": { "href": "https://e.example", "content": [{ "lang": { "lang": "ru", "content": [{ "text": "Юрий" }] } }] } }] }
            ] }], "citations": [{ "style": "apa", "runs": [{ "text": "A. " }, { "italic": "T" }, { "accessed": "month_day_year" }] }],
              "align": [0, 1, 2],
              "corrections": [{ "date": "2026-07-01", "text": [{ "text": "Fixed " }, { "emphasis": [{ "text": "a date" }] }] }] }],
            "license": { "id": "CC-BY-ND-4.0", "name": "CC BY-ND 4.0", "url": "https://creativecommons.org/licenses/by-nd/4.0/" }
        })
    }

    #[test]
    fn decodes_what_serde_decodes() {
        let value = minimal();
        let by_serde: Document = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(decode_fields(&value).unwrap(), by_serde);
        assert_eq!(read_document(&value).unwrap(), by_serde);
    }

    #[test]
    fn every_date_form_has_the_name_serde_gives_it() {
        for form in DateForm::ALL {
            assert_eq!(serde_json::to_value(form).unwrap(), json!(form.id()));
        }
    }

    #[test]
    fn optional_keys_may_be_missing_or_null_and_unknown_keys_are_ignored() {
        let mut value = minimal();
        value["series"] = serde_json::Value::Null;
        value["publisher"]["place"] = serde_json::Value::Null;
        value["versions"][0]["notes"] = serde_json::Value::Null;
        value["versions"][0]["body"] = json!([{ "paragraph": [{ "text": "x" }] }]);
        value["versions"][0]
            .as_object_mut()
            .unwrap()
            .remove("citations");
        value["versions"][0]
            .as_object_mut()
            .unwrap()
            .remove("align");
        value["extra"] = json!({ "anything": [1, 2] });
        let doc = decode_fields(&value).unwrap();
        assert_eq!(doc.series, None);
        assert!(doc.versions[0].notes.is_empty() && doc.versions[0].citations.is_empty());
    }

    /// The first problem, with where it is.
    fn error(edit: impl Fn(&mut serde_json::Value)) -> String {
        let mut value = minimal();
        edit(&mut value);
        read_document(&value).unwrap_err()
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(
            error(|v| v["versions"][0]["body"][2]["list"]["items"][0][0] = json!({ "table": [] })),
            "the document does not decode: versions[0].body[2].list.items[0][0].table: unknown block"
        );
        assert_eq!(
            error(|v| {
                v.as_object_mut().unwrap().remove("id");
            }),
            "the document does not decode: id: missing"
        );
        assert_eq!(
            error(|v| v["versions"][0]["notes"][0]["number"] = json!(1.5)),
            "the document does not decode: versions[0].notes[0].number: expected a whole number"
        );
        assert_eq!(
            error(|v| v["versions"][0]["body"][1]["heading"]["level"] = json!(300)),
            "the document does not decode: versions[0].body[1].heading.level: number out of range"
        );
        assert_eq!(
            error(|v| v["published"] = json!("2026-02-30")),
            "the document does not decode: published: expected a date YYYY-MM-DD"
        );
        assert_eq!(
            error(|v| v["versions"][0]["body"][0] = json!({ "paragraph": [], "quote": [] })),
            "the document does not decode: versions[0].body[0]: expected a string or an object with one key"
        );
        assert_eq!(
            error(|v| v["versions"][0]["body"][0] = json!("paragraph")),
            "the document does not decode: versions[0].body[0].paragraph: missing its content"
        );
        assert_eq!(
            error(|v| v["schema"] = json!(7)),
            "schema version 7 is not supported (this widget reads version 1)"
        );
        assert_eq!(
            error(|v| v["schema"] = json!(1.25)),
            "schema version that is not a whole number is not supported (this widget reads version 1)"
        );
        assert_eq!(
            error(|v| {
                v.as_object_mut().unwrap().remove("schema");
            }),
            "the document has no `schema` version"
        );
        assert_eq!(
            read_document(&json!([1])).unwrap_err(),
            "the document is not a JSON object"
        );
        // Decoded, then checked: the problems come from Document::problems.
        assert!(error(|v| v["authors"] = json!([])).contains("at least one author"));
    }

    #[test]
    fn rights_keys_decode_and_bad_shapes_are_refused() {
        let doc = read_document(&minimal()).unwrap();
        assert_eq!(
            doc.license.as_ref().and_then(|l| l.id.as_deref()),
            Some("CC-BY-ND-4.0")
        );
        assert_eq!(doc.versions[0].corrected(), Date::new(2026, 7, 1));
        assert_eq!(
            error(|v| v["license"] = json!("CC-BY-ND-4.0")),
            "the document does not decode: license: expected an object"
        );
        assert_eq!(
            error(|v| v["license"]["url"] = json!(3)),
            "the document does not decode: license.url: expected a string"
        );
        assert_eq!(
            error(|v| v["license"]["id"] = json!("CC-BY-5.0")),
            "license.id: `CC-BY-5.0` is not a Creative Commons licence id"
        );
        assert_eq!(
            error(|v| v["versions"][0]["corrections"][0]["text"] = json!("plain")),
            "the document does not decode: versions[0].corrections[0].text: expected an array"
        );
        assert_eq!(
            error(|v| {
                v["versions"][0]["corrections"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("date");
            }),
            "the document does not decode: versions[0].corrections[0].date: missing"
        );
        assert_eq!(
            error(|v| v["versions"][0]["corrections"][0]["date"] = json!("2026-06-01")),
            "versions[en]: correction 1 is dated 2026-06-01, before the version (2026-06-17)"
        );
        assert_eq!(
            error(|v| v["withdrawn"] = json!({ "date": "soon" })),
            "the document does not decode: withdrawn.date: expected a date YYYY-MM-DD"
        );
        assert_eq!(
            error(|v| v["versions"][0]["withdrawn_note"] = json!("why")),
            "versions[en]: a withdrawal note, but the commentary is not withdrawn"
        );
        // Withdrawn: the text may (and from the compiler, does) go.
        let mut value = minimal();
        value["withdrawn"] = json!({ "date": "2026-08-01" });
        value["versions"][0]["withdrawn_note"] = json!("why");
        value["versions"][0]["body"] = json!([]);
        value["versions"][0]["notes"] = json!([]);
        let doc = read_document(&value).unwrap();
        assert_eq!(doc.withdrawn.map(|w| w.date), Date::new(2026, 8, 1));
        let by_serde: Document = serde_json::from_value(value).unwrap();
        assert_eq!(doc, by_serde);
    }

    #[test]
    fn deep_nesting_is_refused_before_the_stack_runs_out() {
        let mut block = json!({ "paragraph": [{ "text": "deep" }] });
        for _ in 0..400 {
            block = json!({ "quote": [block] });
        }
        let mut value = minimal();
        value["versions"][0]["body"] = json!([block]);
        assert!(error(|v| *v = value.clone()).ends_with("nested too deeply"));
        let mut inline = json!({ "text": "deep" });
        for _ in 0..400 {
            inline = json!({ "strong": [inline] });
        }
        let mut value = minimal();
        value["versions"][0]["body"] = json!([{ "paragraph": [inline] }]);
        assert!(error(|v| *v = value.clone()).ends_with("nested too deeply"));
    }
}

//! Typed reading of the keys of one TOML table, with an error at the key's line for every key
//! that is missing or of the wrong type, and a warning for every key nobody asked for.

use toml::de::{DeString, DeTable, DeValue};
use toml::Spanned;

use super::report::Report;
use crate::domain::{web_url, Date};

/// The keys of one TOML table (the whole `commentary.toml`, its `[publisher]`, one author, or a
/// front matter), read one by one.
///
/// Each reader marks its key as known; [`Fields::finish`] then warns about the others, which are
/// most often typos (`pubished`). Spans from the parser are relative to the TOML text; `base` is
/// where that text starts in the file.
pub(crate) struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Where the table's keys begin in the file, for "missing key" errors; `None` for the
    /// top-level table, which has no line of its own.
    at: Option<usize>,
    base: usize,
    /// Names the table in messages: `""`, `" in [publisher]"`, `" in author 1"`.
    context: String,
    known: Vec<&'static str>,
}

/// Spans a value by its key: a key's line is where the reader looks for it.
fn key_offset(base: usize, key: &Spanned<DeString<'_>>) -> usize {
    base + key.span().start
}

/// "a string", "an array": what a value is, for messages.
pub(crate) fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(d) => match (d.date.is_some(), d.time.is_some()) {
            (true, false) => "a date",
            (true, true) => "a date with a time",
            _ => "a time",
        },
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl<'t, 'i> Fields<'t, 'i> {
    /// Reads `table`, whose text starts at byte `base` of the file; `at` locates the table for
    /// "missing key" errors; `context` names it in messages (`" in [publisher]"`).
    pub(crate) fn new(
        table: &'t DeTable<'i>,
        base: usize,
        at: Option<usize>,
        context: impl Into<String>,
    ) -> Self {
        Fields {
            table,
            at,
            base,
            context: context.into(),
            known: Vec::new(),
        }
    }

    /// The fields of a table nested in this one (`[publisher]`, one author); `at` locates it in
    /// the file.
    pub(crate) fn nested<'u>(
        &self,
        table: &'u DeTable<'i>,
        at: usize,
        context: impl Into<String>,
    ) -> Fields<'u, 'i> {
        Fields::new(table, self.base, Some(at), context)
    }

    /// The tables of an array of tables (`authors = [{ … }]`, `[[corrections]]`), each with its
    /// number from 1, its offset and its fields (context " in <noun> <n>"). An item that is not a
    /// table is reported at its place, "<noun> <n> must be <shape>, not …", and left out.
    pub(crate) fn tables<'u>(
        &self,
        items: &'u [Spanned<DeValue<'i>>],
        noun: &str,
        shape: &str,
        report: &mut Report,
    ) -> Vec<(usize, usize, Fields<'u, 'i>)> {
        let mut tables = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let n = i + 1;
            let at = self.value_offset(item);
            match item.get_ref() {
                DeValue::Table(table) => {
                    tables.push((n, at, self.nested(table, at, format!(" in {noun} {n}"))))
                }
                other => report.error(
                    Some(at),
                    format!("{noun} {n} must be {shape}, not {}", describe(other)),
                ),
            }
        }
        tables
    }

    /// The key and value of `key`, marking it known.
    pub(crate) fn get(
        &mut self,
        key: &'static str,
    ) -> Option<(&'t Spanned<DeString<'i>>, &'t Spanned<DeValue<'i>>)> {
        self.known.push(key);
        self.table.get_key_value(key)
    }

    /// The offset of the key `key` in the file (the key must have been found).
    pub(crate) fn offset(&self, key: &Spanned<DeString<'_>>) -> usize {
        key_offset(self.base, key)
    }

    /// Where `value` starts in the file.
    pub(crate) fn value_offset(&self, value: &Spanned<DeValue<'_>>) -> usize {
        self.base + value.span().start
    }

    /// The name of `key` in messages: "`url` in [publisher]".
    pub(crate) fn name(&self, key: &str) -> String {
        format!("`{key}`{}", self.context)
    }

    /// Reports that `key` is missing; `what` says what it holds.
    pub(crate) fn missing(&self, report: &mut Report, key: &str, what: &str) {
        report.error(
            self.at,
            format!("missing key `{key}`{} ({what})", self.context),
        );
    }

    /// Reports that `key` holds a value of the wrong type.
    pub(crate) fn wrong_type(
        &self,
        report: &mut Report,
        key: &Spanned<DeString<'_>>,
        value: &DeValue<'_>,
        expected: &str,
    ) {
        report.error(
            Some(self.offset(key)),
            format!(
                "{} must be {expected}, not {}",
                self.name(key.get_ref()),
                describe(value)
            ),
        );
    }

    /// A string, trimmed; an error when it is missing and `required`, not a string, or blank.
    /// Returns the string and the offset of its key.
    pub(crate) fn string(
        &mut self,
        report: &mut Report,
        key: &'static str,
        required: Option<&str>,
    ) -> Option<(String, usize)> {
        let Some((k, v)) = self.get(key) else {
            if let Some(what) = required {
                self.missing(report, key, what);
            }
            return None;
        };
        let Some(s) = v.get_ref().as_str() else {
            self.wrong_type(report, k, v.get_ref(), "a string");
            return None;
        };
        let s = s.trim();
        if s.is_empty() {
            let hint = if required.is_some() {
                ""
            } else {
                " (leave the key out instead)"
            };
            report.error(
                Some(self.offset(k)),
                format!("{} is empty{hint}", self.name(key)),
            );
            return None;
        }
        Some((s.to_owned(), self.offset(k)))
    }

    /// An `http` or `https` URL, as [`web_url`] cleans it.
    pub(crate) fn http_url(
        &mut self,
        report: &mut Report,
        key: &'static str,
        required: Option<&str>,
    ) -> Option<String> {
        let (url, at) = self.string(report, key, required)?;
        let is_web = web_url(&url);
        if is_web.is_none() {
            report.error(
                Some(at),
                format!(
                    "{} must be an http or https URL, not `{url}`",
                    self.name(key)
                ),
            );
        }
        is_web
    }

    /// A TOML date (`2026-06-17`, unquoted).
    pub(crate) fn date(
        &mut self,
        report: &mut Report,
        key: &'static str,
        required: Option<&str>,
    ) -> Option<Date> {
        let Some((k, v)) = self.get(key) else {
            if let Some(what) = required {
                self.missing(report, key, what);
            }
            return None;
        };
        let expected = "a date like 2026-06-17 (unquoted)";
        let DeValue::Datetime(dt) = v.get_ref() else {
            self.wrong_type(report, k, v.get_ref(), expected);
            return None;
        };
        let date = match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => Date::new(d.year, d.month, d.day),
            _ => {
                self.wrong_type(report, k, v.get_ref(), expected);
                return None;
            }
        };
        if date.is_none() {
            report.error(
                Some(self.offset(k)),
                format!("{} is not a calendar date", self.name(key)),
            );
        }
        date
    }

    /// Warns about every key no reader asked for, in the order of the file.
    pub(crate) fn finish(self, report: &mut Report) {
        let mut unknown: Vec<_> = self
            .table
            .iter()
            .map(|(k, _)| k)
            .filter(|k| !self.known.contains(&k.get_ref().as_ref()))
            .collect();
        unknown.sort_by_key(|k| k.span().start);
        for key in unknown {
            let name = key.get_ref();
            let hint = self
                .known
                .iter()
                .filter(|known| edit_distance(known, name) <= 2)
                .min_by_key(|known| edit_distance(known, name))
                .map(|known| format!(", did you mean `{known}`?"))
                .unwrap_or_else(|| " (ignored)".into());
            report.warning(
                Some(key_offset(self.base, key)),
                format!("unknown key `{name}`{}{hint}", self.context),
            );
        }
    }
}

/// Levenshtein distance by characters, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn run(toml: &str, read: impl FnOnce(&mut Fields<'_, '_>, &mut Report)) -> Vec<String> {
        let mut report = Report::new(Path::new("f.toml"), toml);
        let table = DeTable::parse(toml).expect("test toml parses");
        let mut fields = Fields::new(table.get_ref(), 0, None, "");
        read(&mut fields, &mut report);
        fields.finish(&mut report);
        report
            .into_diagnostics()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_typed_values() {
        let out = run(
            "a = \" x \"\nd = 2026-06-17\nu = \"https://e.org\"\n",
            |f, r| {
                assert_eq!(f.string(r, "a", Some("")), Some(("x".into(), 0)));
                assert_eq!(f.date(r, "d", Some("")), Date::new(2026, 6, 17));
                assert_eq!(f.http_url(r, "u", None).as_deref(), Some("https://e.org"));
                assert_eq!(f.string(r, "none", None), None);
            },
        );
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn names_each_wrong_value() {
        let out = run(
            "a = 1\nd = \"2026-06-17\"\nt = 2026-06-17T10:00:00\nu = \"mailto:x@y.z\"\ne = \" \"\n",
            |f, r| {
                f.string(r, "a", Some("a thing"));
                f.date(r, "d", None);
                f.date(r, "t", None);
                f.http_url(r, "u", None);
                f.string(r, "e", None);
                f.date(r, "gone", Some("the date"));
            },
        );
        assert_eq!(
            out,
            [
                "f.toml: missing key `gone` (the date)",
                "f.toml:1: `a` must be a string, not an integer",
                "f.toml:2: `d` must be a date like 2026-06-17 (unquoted), not a string",
                "f.toml:3: `t` must be a date like 2026-06-17 (unquoted), not a date with a time",
                "f.toml:4: `u` must be an http or https URL, not `mailto:x@y.z`",
                "f.toml:5: `e` is empty (leave the key out instead)",
            ]
        );
    }

    #[test]
    fn warns_about_unknown_keys_with_a_hint() {
        let out = run("seris = \"x\"\nzzz = 1\n", |f, r| {
            f.string(r, "series", None);
        });
        assert_eq!(
            out,
            [
                "f.toml:1: warning: unknown key `seris`, did you mean `series`?",
                "f.toml:2: warning: unknown key `zzz` (ignored)"
            ]
        );
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("series", "seris"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("İlaha", "Ilaha"), 1);
    }
}

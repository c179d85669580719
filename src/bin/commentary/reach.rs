//! `commentary reach [--json] <access-log>...`: where the commentaries ran and how often, from
//! web server access logs, with nothing about readers.
//!
//! Reads logs in nginx's `combined` format (`$remote_addr - $remote_user [$time_local]
//! "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"`), plain or gzip
//! (told by the file's first bytes, so `access.log.2.gz` and a renamed file both work; `-` is
//! standard input), line by line: a log of any size takes the memory of its counts only.
//!
//! Counted: `GET` requests answered 2xx or 304 for
//! - a document, `…/<id>.json` (not `…/<id>/<lang>/oembed.json`, nor `feeds/<lang>.json`),
//! - an article page, `…/<id>/<lang>/` (or `…/index.html`),
//! - an embed page, `…/<id>/<lang>/embed/` (or `…/index.html`),
//!
//! by commentary id, partner origin (the `scheme://host[:port]` of the `Referer`; `(none)` when
//! there is none) and day (UTC). Of each line only the time, the request and the status are
//! read beyond the origin: the client address, user name, the Referer's path and query, and
//! the user agent are skipped over, never stored or printed. A line that is not in the format
//! is counted as malformed and skipped; requests for other files are counted as other.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use commentary_embed::domain::is_language_tag;
use flate2::read::MultiGzDecoder;
use serde_json::json;

/// What one counted request was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Document,
    Article,
    Embed,
}

/// Counts of one commentary, origin and day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub articles: u64,
    pub embeds: u64,
}

/// Everything read from the logs.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reach {
    /// (id, origin, day) -> counts, sorted.
    pub counts: BTreeMap<(String, String, String), Counts>,
    pub lines: u64,
    pub malformed: u64,
    /// Well-formed lines that are no counted request (other files, errors, other methods).
    pub other: u64,
}

impl Reach {
    /// Reads one log line.
    pub fn add_line(&mut self, line: &str) {
        self.lines += 1;
        match parse(line) {
            None => self.malformed += 1,
            Some(Entry {
                day,
                method,
                target,
                status,
                referer,
            }) => {
                let counted = (method == "GET" && ((200..300).contains(&status) || status == 304))
                    .then(|| classify(target))
                    .flatten();
                let Some((id, kind)) = counted else {
                    self.other += 1;
                    return;
                };
                let c = self
                    .counts
                    .entry((id.to_owned(), origin(referer), day))
                    .or_default();
                match kind {
                    Kind::Document => c.documents += 1,
                    Kind::Article => c.articles += 1,
                    Kind::Embed => c.embeds += 1,
                }
            }
        }
    }

    /// Reads every line of `input`, gzip or plain.
    ///
    /// # Errors
    /// A read error, or gzip data that is corrupt.
    pub fn add_log(&mut self, input: impl Read) -> io::Result<()> {
        let mut input = BufReader::with_capacity(1 << 16, input);
        let gzip = input.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        if gzip {
            self.add_lines(BufReader::with_capacity(
                1 << 16,
                MultiGzDecoder::new(input),
            ))
        } else {
            self.add_lines(input)
        }
    }

    fn add_lines(&mut self, mut input: impl BufRead) -> io::Result<()> {
        let mut buf = Vec::with_capacity(1024);
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                return Ok(());
            }
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if buf.is_empty() {
                continue;
            }
            match std::str::from_utf8(&buf) {
                Ok(line) => self.add_line(line),
                Err(_) => {
                    self.lines += 1;
                    self.malformed += 1;
                }
            }
        }
    }

    /// The table: one row per commentary, origin and day.
    pub fn table(&self) -> String {
        let header = [
            "commentary",
            "origin",
            "day",
            "documents",
            "articles",
            "embeds",
        ];
        let rows: Vec<[String; 6]> = self
            .counts
            .iter()
            .map(|((id, origin, day), c)| {
                [
                    id.clone(),
                    origin.clone(),
                    day.clone(),
                    c.documents.to_string(),
                    c.articles.to_string(),
                    c.embeds.to_string(),
                ]
            })
            .collect();
        let mut widths = header.map(|h| h.chars().count());
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        let mut line = |cells: [&str; 6]| {
            for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
                let pad = w.saturating_sub(cell.chars().count());
                if i >= 3 {
                    out.push_str(&" ".repeat(pad));
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    if i < 5 {
                        out.push_str(&" ".repeat(pad));
                    }
                }
                out.push_str(if i < 5 { "  " } else { "\n" });
            }
        };
        line(header);
        for row in &rows {
            line([&row[0], &row[1], &row[2], &row[3], &row[4], &row[5]]);
        }
        out
    }

    /// The counts as JSON: commentaries by id, each with its origins, each with its days.
    pub fn json(&self) -> serde_json::Value {
        let mut commentaries: Vec<serde_json::Value> = Vec::new();
        let mut current: Option<(&str, Vec<serde_json::Value>)> = None;
        let mut origin: Option<(&str, Vec<serde_json::Value>)> = None;
        let flush_origin =
            |origin: &mut Option<(&str, Vec<serde_json::Value>)>,
             current: &mut Option<(&str, Vec<serde_json::Value>)>| {
                if let (Some((name, days)), Some((_, origins))) = (origin.take(), current.as_mut())
                {
                    origins.push(json!({ "origin": name, "days": days }));
                }
            };
        for ((id, o, day), c) in &self.counts {
            if current.as_ref().is_none_or(|(cur, _)| cur != id) {
                flush_origin(&mut origin, &mut current);
                if let Some((cur, origins)) = current.take() {
                    commentaries.push(json!({ "id": cur, "origins": origins }));
                }
                current = Some((id, Vec::new()));
            }
            if origin.as_ref().is_none_or(|(cur, _)| cur != o) {
                flush_origin(&mut origin, &mut current);
                origin = Some((o, Vec::new()));
            }
            if let Some((_, days)) = origin.as_mut() {
                days.push(json!({
                    "day": day,
                    "documents": c.documents,
                    "articles": c.articles,
                    "embeds": c.embeds,
                }));
            }
        }
        flush_origin(&mut origin, &mut current);
        if let Some((cur, origins)) = current.take() {
            commentaries.push(json!({ "id": cur, "origins": origins }));
        }
        json!({
            "lines": self.lines,
            "malformed": self.malformed,
            "other": self.other,
            "commentaries": commentaries,
        })
    }
}

/// The parts of a log line that are read.
struct Entry<'a> {
    day: String,
    method: &'a str,
    target: &'a str,
    status: u16,
    referer: &'a str,
}

/// A `combined` line: `addr - user [time] "request" status bytes "referer" "agent"`.
fn parse(line: &str) -> Option<Entry<'_>> {
    // The address and user are skipped; the time is the first `[…]`.
    let open = line.find(" [")?;
    let rest = &line[open + 2..];
    let close = rest.find("] \"")?;
    let day = utc_day(&rest[..close])?;
    let rest = &rest[close + 3..];
    let (request, rest) = rest.split_once("\" ")?;
    let mut fields = rest.splitn(3, ' ');
    let status: u16 = fields.next()?.parse().ok()?;
    let _bytes: u64 = fields.next()?.parse().ok()?;
    let rest = fields.next()?.strip_prefix('"')?;
    let (referer, agent) = rest.split_once("\" \"")?;
    // The user agent is only checked for its closing quote.
    if !agent.ends_with('"') {
        return None;
    }
    if request == "-" {
        // nginx's record of a connection that sent no request.
        return Some(Entry {
            day,
            method: "",
            target: "",
            status,
            referer,
        });
    }
    let mut parts = request.split(' ');
    let method = parts.next()?;
    let target = parts.next()?;
    if method.is_empty() || !target.starts_with('/') {
        return None;
    }
    Some(Entry {
        day,
        method,
        target,
        status,
        referer,
    })
}

/// The UTC day of nginx's `$time_local`, `04/Dec/2026:23:35:24 +0300`.
fn utc_day(time: &str) -> Option<String> {
    let (stamp, offset) = time.split_once(' ')?;
    let mut parts = stamp.splitn(4, ['/', ':']);
    let day: i64 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let year: i64 = parts.next()?.parse().ok()?;
    let clock = parts.next()?;
    let month = 1 + [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == month)? as i64;
    let mut hms = clock.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if !(1..=31).contains(&day)
        || !(0..24).contains(&h)
        || !(0..60).contains(&m)
        || !(0..=60).contains(&s)
    {
        return None;
    }
    let sign = match offset.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = offset.get(1..5)?;
    let off_h: i64 = digits.get(..2)?.parse().ok()?;
    let off_m: i64 = digits.get(2..)?.parse().ok()?;
    let local = days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s;
    let utc = local - sign * (off_h * 3600 + off_m * 60);
    let (y, mo, d) = civil_from_days(utc.div_euclid(86_400));
    Some(format!("{y:04}-{mo:02}-{d:02}"))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The commentary and kind of a request target, if it is one that is counted.
fn classify(target: &str) -> Option<(&str, Kind)> {
    let path = target.split(['?', '#']).next().unwrap_or(target);
    let segments: Vec<&str> = path.split('/').collect();
    let n = segments.len();
    let last = *segments.last()?;
    let at = |from_end: usize| {
        n.checked_sub(from_end + 1)
            .and_then(|i| segments.get(i).copied())
    };
    // …/<id>/<lang>/[embed/][index.html]
    if last.is_empty() || last == "index.html" {
        let (lang, id, kind) = if at(1) == Some("embed") {
            (at(2)?, at(3)?, Kind::Embed)
        } else {
            (at(1)?, at(2)?, Kind::Article)
        };
        return (is_language_tag(lang) && is_id(id)).then_some((id, kind));
    }
    // …/<id>.json, but not <id>/<lang>/oembed.json or feeds/<lang>.json.
    let id = last.strip_suffix(".json")?;
    let parent = at(1)?;
    let oembed = id == "oembed" && is_language_tag(parent);
    (is_id(id) && !oembed && parent != "feeds").then_some((id, Kind::Document))
}

/// The origin of a Referer: `scheme://host[:port]`, lower case; `(none)` without one, `(other)`
/// for a Referer that is no http(s) URL. Nothing after the host is kept.
fn origin(referer: &str) -> String {
    if referer == "-" || referer.is_empty() {
        return "(none)".into();
    }
    let lower = referer.to_ascii_lowercase();
    let Some((scheme, rest)) = lower.split_once("://") else {
        return "(other)".into();
    };
    if scheme != "http" && scheme != "https" {
        return "(other)".into();
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // Never a user name or password.
    let host = authority.rsplit('@').next().unwrap_or_default();
    let valid = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    if valid {
        format!("{scheme}://{host}")
    } else {
        "(other)".into()
    }
}

/// Runs `reach` with its arguments.
///
/// # Errors
/// A usage message (no log named, an unknown option).
pub fn run(args: &[OsString]) -> Result<ExitCode, String> {
    let mut as_json = false;
    let mut logs = Vec::new();
    for arg in args {
        match arg.to_str() {
            Some("--json") => as_json = true,
            Some(flag) if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            _ => logs.push(arg.clone()),
        }
    }
    if logs.is_empty() {
        return Err("`reach` takes one or more access logs".into());
    }
    let mut reach = Reach::default();
    let mut failed = false;
    for log in &logs {
        let read = if log == "-" {
            reach.add_log(io::stdin().lock())
        } else {
            File::open(log).and_then(|f| reach.add_log(f))
        };
        if let Err(e) = read {
            failed = true;
            eprintln!("{}: cannot read: {}", log.to_string_lossy(), describe(&e));
        }
    }
    let text = if as_json {
        format!("{:#}\n", reach.json())
    } else {
        reach.table()
    };
    let mut stdout = io::stdout().lock();
    // A closed pipe (`| head`) is no error worth a message.
    let _ = stdout.write_all(text.as_bytes());
    let counted: u64 = reach
        .counts
        .values()
        .map(|c| c.documents + c.articles + c.embeds)
        .sum();
    let s = |n: u64| if n == 1 { "" } else { "s" };
    eprintln!(
        "commentary reach: {} line{} read, {counted} counted request{}, {} other, {} malformed (skipped)",
        reach.lines,
        s(reach.lines),
        s(counted),
        reach.other,
        reach.malformed
    );
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
            format!("not a valid gzip file ({e})")
        }
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"203.0.113.9 - - [04/Dec/2026:23:35:24 +0300] "GET /c/2026-36.json HTTP/1.1" 200 1234 "https://Partner.example:8443/news/secret?q=1" "Mozilla/5.0 (X11) Secret/1""#;

    #[test]
    fn a_document_fetch_is_counted_by_origin_and_utc_day() {
        let mut r = Reach::default();
        r.add_line(LINE);
        let key = (
            "2026-36".to_owned(),
            "https://partner.example:8443".to_owned(),
            "2026-12-04".to_owned(),
        );
        assert_eq!(r.counts.get(&key).map(|c| c.documents), Some(1));
        let out = r.table() + &r.json().to_string();
        for secret in ["203.0.113", "news", "secret", "Mozilla", "q=1"] {
            assert!(!out.contains(secret), "{secret} leaked: {out}");
        }
    }

    #[test]
    fn days_are_utc() {
        assert_eq!(
            utc_day("01/Jan/2027:01:00:00 +0300").as_deref(),
            Some("2026-12-31")
        );
        assert_eq!(
            utc_day("31/Dec/2026:23:30:00 -0100").as_deref(),
            Some("2027-01-01")
        );
        assert_eq!(
            utc_day("29/Feb/2028:12:00:00 +0000").as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(utc_day("04/Foo/2026:23:35:24 +0300"), None);
    }

    #[test]
    fn targets_are_classified() {
        assert_eq!(
            classify("/c/2026-36.json"),
            Some(("2026-36", Kind::Document))
        );
        assert_eq!(
            classify("/2026-36.json?v=2"),
            Some(("2026-36", Kind::Document))
        );
        assert_eq!(classify("/c/2026-36/en/"), Some(("2026-36", Kind::Article)));
        assert_eq!(
            classify("/c/2026-36/pt-BR/index.html"),
            Some(("2026-36", Kind::Article))
        );
        assert_eq!(
            classify("/c/2026-36/tr/embed/"),
            Some(("2026-36", Kind::Embed))
        );
        assert_eq!(
            classify("/c/2026-36/tr/embed/index.html#?secret=x"),
            Some(("2026-36", Kind::Embed))
        );
        for other in [
            "/c/2026-36/en/oembed.json",
            "/c/feeds/en.json",
            "/embed/commentary-embed.js",
            "/c/2026-36/en/card.png",
            "/",
            "/c/Bad_Id.json",
        ] {
            assert_eq!(classify(other), None, "{other}");
        }
    }

    #[test]
    fn origins_keep_scheme_and_host_only() {
        assert_eq!(origin("-"), "(none)");
        assert_eq!(
            origin("https://user:pw@news.example/a/b"),
            "https://news.example"
        );
        assert_eq!(origin("android-app://com.example"), "(other)");
        assert_eq!(origin("http://[::1]:8080/x"), "http://[::1]:8080");
    }

    #[test]
    fn malformed_lines_are_counted_and_skipped() {
        let mut r = Reach::default();
        for bad in [
            "",
            "garbage",
            r#"1.2.3.4 - - [04/Dec/2026:23:35:24 +0300] "GET /c/x.json HTTP/1.1" abc 1 "-" "-""#,
            r#"1.2.3.4 - - [04/Dec/2026:23:35:24] "GET /c/x.json HTTP/1.1" 200 1 "-" "-""#,
            r#"1.2.3.4 - - [04/Dec/2026:23:35:24 +0300] "GET /c/x.json HTTP/1.1" 200 1 "-" "-"#,
        ] {
            r.add_line(bad);
        }
        r.add_line(
            r#"1.2.3.4 - - [04/Dec/2026:23:35:24 +0300] "GET /c/x.json HTTP/1.1" 404 1 "-" "-""#,
        );
        r.add_line(r#"1.2.3.4 - - [04/Dec/2026:23:35:24 +0300] "-" 400 0 "-" "-""#);
        assert_eq!((r.lines, r.malformed, r.other), (7, 5, 2));
        assert!(r.counts.is_empty());
    }
}

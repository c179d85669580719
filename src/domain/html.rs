//! HTML text: escaping for what the CLI writes (article pages) and the embed code the widget and
//! the pages show. Every text and attribute value goes through [`escape_text`] or
//! [`escape_attr`], so no character of a title, a name or a URL can end an element or an
//! attribute early.

/// Escapes `text` for element content: `&`, `<` and `>`.
///
/// # Example
/// ```
/// use commentary_embed::domain::escape_text;
/// assert_eq!(escape_text("a < b & c > d"), "a &lt; b &amp; c &gt; d");
/// ```
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Escapes `value` for a double-quoted attribute value: `&`, `<`, `>`, `"` and `'`.
///
/// # Example
/// ```
/// use commentary_embed::domain::escape_attr;
/// assert_eq!(escape_attr(r#"x" onload="y"#), "x&quot; onload=&quot;y");
/// ```
pub fn escape_attr(value: &str) -> String {
    escape(value, true)
}

/// The text between the characters escaped is copied a run at a time: they are ASCII, so a byte
/// equal to one is that character and never part of another (a character at a time, decoded and
/// encoded again, was a visible part of writing an archive's pages).
fn escape(value: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(value.len());
    let mut copied = 0;
    for (at, byte) in value.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if quotes => "&quot;",
            b'\'' if quotes => "&#39;",
            _ => continue,
        };
        out.push_str(&value[copied..at]);
        out.push_str(entity);
        copied = at + 1;
    }
    out.push_str(&value[copied..]);
    out
}

/// JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` become `\u` escapes
/// (still the same JSON), so `</script>` or `<!--` in a title cannot end the element.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The embed code a partner pastes: the script tag, the element, and a fallback link to `href`
/// reading `title`.
///
/// # Example
/// ```
/// use commentary_embed::domain::embed_code;
/// assert_eq!(
///     embed_code("https://cdn.example/embed/commentary-embed.js", "https://cdn.example/c/x.json", "en", "https://p.example/a?b=1&c=2", "A & B"),
///     "<script type=\"module\" src=\"https://cdn.example/embed/commentary-embed.js\"></script>\n\
///      <commentary-embed src=\"https://cdn.example/c/x.json\" lang=\"en\">\n  \
///      <a href=\"https://p.example/a?b=1&amp;c=2\">A &amp; B</a>\n</commentary-embed>"
/// );
/// ```
pub fn embed_code(script: &str, document: &str, lang: &str, href: &str, title: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<commentary-embed src=\"{}\" lang=\"{}\">\n  <a href=\"{}\">{}</a>\n</commentary-embed>",
        escape_attr(script),
        escape_attr(document),
        escape_attr(lang),
        escape_attr(href),
        escape_text(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-at-a-time escape this replaced.
    fn escape_reference(value: &str, quotes: bool) -> String {
        let mut out = String::new();
        for c in value.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' if quotes => out.push_str("&quot;"),
                '\'' if quotes => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn escaping_runs_matches_escaping_characters() {
        for text in [
            "",
            "&",
            "plain",
            "Türkiye-Azerbaycan İlişkileri <b>&amp;</b> \"quoted\" 'single'",
            "<<>>&&\"\"''",
            "Зерновые & коридоры <через> Кавказ",
            "end with &",
            "😀<😀>😀&'\"",
        ] {
            for quotes in [false, true] {
                assert_eq!(
                    escape(text, quotes),
                    escape_reference(text, quotes),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn text_escapes_markup_but_not_quotes() {
        assert_eq!(
            escape_text("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;"
        );
        assert_eq!(escape_text("Türkiye — Ж"), "Türkiye — Ж");
        assert_eq!(escape_text("&amp;"), "&amp;amp;");
    }

    #[test]
    fn attributes_escape_both_quotes() {
        assert_eq!(
            escape_attr("https://a.example/?q=\"x\"&y='z'<>"),
            "https://a.example/?q=&quot;x&quot;&amp;y=&#39;z&#39;&lt;&gt;"
        );
    }

    #[test]
    fn embed_code_escapes_every_value() {
        assert_eq!(
            embed_code("s\"><script>", "d", "en\"", "h", "</commentary-embed><b>"),
            "<script type=\"module\" src=\"s&quot;&gt;&lt;script&gt;\"></script>\n<commentary-embed src=\"d\" lang=\"en&quot;\">\n  <a href=\"h\">&lt;/commentary-embed&gt;&lt;b&gt;</a>\n</commentary-embed>"
        );
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = r#"{"headline":"</script><!-- & -->"}"#;
        let safe = script_json(json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["headline"], "</script><!-- & -->");
    }
}

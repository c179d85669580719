//! Escaping for the HTML the CLI writes (article pages): every text and attribute value goes
//! through one of these, so no character of a title, a name or a URL can end an element or an
//! attribute early.

/// Escapes `text` for element content: `&`, `<` and `>`.
///
/// # Example
/// ```
/// use commentary_embed::content::escape_text;
/// assert_eq!(escape_text("a < b & c > d"), "a &lt; b &amp; c &gt; d");
/// ```
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Escapes `value` for a double-quoted attribute value: `&`, `<`, `>`, `"` and `'`.
///
/// # Example
/// ```
/// use commentary_embed::content::escape_attr;
/// assert_eq!(escape_attr(r#"x" onload="y"#), "x&quot; onload=&quot;y");
/// ```
pub fn escape_attr(value: &str) -> String {
    escape(value, true)
}

fn escape(value: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(value.len());
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

/// JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` become `\u` escapes
/// (still the same JSON), so `</script>` or `<!--` in a title cannot end the element.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn script_json_cannot_close_its_element() {
        let json = r#"{"headline":"</script><!-- & -->"}"#;
        let safe = script_json(json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["headline"], "</script><!-- & -->");
    }
}

//! Footnote discovery before parsing: pulldown-cmark makes `[^label]` a footnote reference only
//! when the label has a definition, so a reference with no definition would silently stay text.
//! Every label that looks like a reference gets a dummy definition first, and the compiler
//! (`markdown.rs`) reports a reference whose real definition is missing.

/// Footnote labels match as GitHub matches them: ignoring case. (pulldown-cmark folds case with
/// full Unicode case folding; `to_lowercase` differs from it only for a few letters such as `ß`.)
pub(super) fn label_key(label: &str) -> String {
    label.to_lowercase()
}

/// Every label that appears as `[^label]` anywhere in `text`, normalised as pulldown-cmark
/// normalises footnote labels (whitespace runs collapse to one space, ends trimmed).
///
/// An over-approximation on purpose (it also finds labels in code spans, escaped brackets …):
/// each candidate gets a dummy definition, so that a reference with no real definition still
/// comes out as a footnote reference instead of silently staying text.
fn candidate_labels(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut labels = Vec::new();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find("[^")) {
        let start = from + found + 2;
        from = start;
        let mut i = start;
        // GitHub footnote labels never hold a line break (pulldown-cmark reads `[^a\nb]` as a
        // link label instead).
        let end = loop {
            match bytes.get(i) {
                None | Some(b'[' | b'\n' | b'\r') => break None,
                Some(b']') => break Some(i),
                Some(b'\\') if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
                Some(_) => i += 1,
            }
        };
        let Some(label) = end.and_then(|end| text.get(start..end)) else {
            continue;
        };
        let label = label.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        if !label.is_empty() && label.chars().count() < 1000 && !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// `body` after a dummy definition for every [`candidate_labels`] label, each followed by a blank
/// line, then an HTML comment that closes them, so that the body after it parses exactly as it
/// would alone (an indented code block at its start stays a code block); with where the body
/// starts in the result.
pub(super) fn with_dummy_definitions(body: &str) -> (String, usize) {
    let mut source = String::new();
    for label in candidate_labels(body) {
        source.push_str(&format!("[^{label}]: x\n\n"));
    }
    source.push_str("<!-- -->\n\n");
    let prefix = source.len();
    source.push_str(body);
    (source, prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_normalised_like_pulldown_labels() {
        assert_eq!(
            candidate_labels("[^a] [^ b \t c ] [^x\ny] [^\\]] [^[no] [^a]"),
            ["a", "b c", "\\]"]
        );
    }

    #[test]
    fn the_body_follows_its_dummy_definitions_unchanged() {
        let (source, prefix) = with_dummy_definitions("    code[^A]\n");
        assert_eq!(&source[prefix..], "    code[^A]\n");
        assert!(source.starts_with("[^A]: x\n\n<!-- -->\n\n"));
        assert_eq!(label_key("ÄB"), "äb");
    }
}

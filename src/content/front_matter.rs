//! Splitting a language file into its TOML front matter and its Markdown body.

/// The two parts of a `<lang>.md` file, with where each starts in the file.
///
/// ```text
/// +++
/// title = "…"
/// +++
/// Body…
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FrontMatter<'a> {
    /// The TOML between the two `+++` lines.
    pub(crate) toml: &'a str,
    /// Where `toml` starts in the file.
    pub(crate) toml_offset: usize,
    /// Where the closing `+++` line starts in the file.
    pub(crate) close_offset: usize,
    /// Everything after the closing `+++` line.
    pub(crate) body: &'a str,
    /// Where `body` starts in the file.
    pub(crate) body_offset: usize,
}

const FENCE: &str = "+++";

/// The lines of `text` with the offset where each starts, line endings included.
fn lines_with_offsets(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(start, |offset, line| {
        let at = *offset;
        *offset += line.len();
        Some((at, line))
    })
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == FENCE
}

/// Splits `text` (a whole `<lang>.md` file) at its `+++` lines.
///
/// # Errors
///
/// The byte offset and message of the problem when the file does not begin with a `+++` line
/// (a UTF-8 byte order mark before it is allowed), or when no second `+++` line closes it.
pub(crate) fn split_front_matter(text: &str) -> Result<FrontMatter<'_>, (usize, &'static str)> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = lines_with_offsets(&text[start..], start);
    match lines.next() {
        Some((_, line)) if is_fence(line) => {}
        _ => return Err((start, "missing front matter: the file must begin with a `+++` line, then `title = \"…\"` and a closing `+++` line")),
    }
    let toml_offset = lines.next().map_or(text.len(), |(at, _)| at);
    let Some((close_offset, close)) =
        std::iter::once((toml_offset, text.get(toml_offset..).unwrap_or_default()))
            .flat_map(|(at, rest)| lines_with_offsets(rest, at))
            .find(|(_, line)| is_fence(line))
    else {
        return Err((
            start,
            "the front matter is never closed: no `+++` line after the opening one",
        ));
    };
    let body_offset = close_offset + close.len();
    Ok(FrontMatter {
        toml: &text[toml_offset..close_offset],
        toml_offset,
        close_offset,
        body: &text[body_offset..],
        body_offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_fences() {
        let text = "+++\ntitle = \"T\"\n+++\n\nBody\n";
        let fm = split_front_matter(text).expect("valid");
        assert_eq!(fm.toml, "title = \"T\"\n");
        assert_eq!(&text[fm.toml_offset..][..5], "title");
        assert_eq!(&text[fm.close_offset..][..3], "+++");
        assert_eq!(fm.body, "\nBody\n");
        assert_eq!(&text[fm.body_offset..], fm.body);
    }

    #[test]
    fn accepts_crlf_bom_trailing_spaces_and_empty_parts() {
        let fm = split_front_matter("\u{feff}+++ \r\ntitle = \"T\"\r\n+++\r\nBody").expect("valid");
        assert_eq!((fm.toml, fm.body), ("title = \"T\"\r\n", "Body"));
        let fm = split_front_matter("+++\n+++").expect("valid");
        assert_eq!(
            (fm.toml, fm.body, fm.close_offset, fm.body_offset),
            ("", "", 4, 7)
        );
    }

    #[test]
    fn refuses_missing_and_unclosed_front_matter() {
        assert_eq!(
            split_front_matter("title = \"T\"\n").map_err(|e| e.0),
            Err(0)
        );
        assert_eq!(split_front_matter("").map_err(|e| e.0), Err(0));
        assert_eq!(split_front_matter("++++\n").map_err(|e| e.0), Err(0));
        let err = split_front_matter("+++\ntitle = \"T\"\n\nBody\n").map(|_| ());
        assert_eq!(
            err,
            Err((
                0,
                "the front matter is never closed: no `+++` line after the opening one"
            ))
        );
        assert!(split_front_matter("+++").is_err());
    }
}

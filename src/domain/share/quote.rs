//! Quote sharing: a selected passage, as text for a post and as a text fragment (`#:~:text=`)
//! that makes a browser scroll to it on the article page.

use super::{encode_fragment_text, without_text_directive};

/// A selected quote, whitespace collapsed; `None` when nothing but whitespace was selected.
pub fn normalize_quote(selected: &str) -> Option<String> {
    let words: Vec<&str> = selected.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// How many words a quote may have before its text fragment names only its start and end.
const FRAGMENT_WORDS: usize = 12;
/// How many words of each end of a long quote its text fragment names.
const FRAGMENT_END_WORDS: usize = 5;

/// `url` with a text fragment (`#:~:text=…`) that makes a browser scroll to and highlight `quote`.
///
/// A quote of up to 12 words is named whole; a longer one by its first and last five words
/// (`text=start,end`), which keeps the link short and survives small edits in between. Within a
/// fragment, `-`, `&` and `,` are syntax, so they are percent-encoded along with everything
/// outside the unreserved set. A fragment already on `url` is kept (the directive follows it).
///
/// # Example
/// ```
/// use commentary_embed::domain::quote_url;
/// assert_eq!(
///     quote_url("https://p.example/a", "Baku-Ankara relations"),
///     "https://p.example/a#:~:text=Baku%2DAnkara%20relations"
/// );
/// ```
pub fn quote_url(url: &str, quote: &str) -> String {
    let url = without_text_directive(url);
    let words: Vec<&str> = quote.split_whitespace().collect();
    let directive = if words.len() <= FRAGMENT_WORDS {
        encode_fragment_text(&words.join(" "))
    } else {
        let start = words[..FRAGMENT_END_WORDS].join(" ");
        let end = words[words.len() - FRAGMENT_END_WORDS..].join(" ");
        format!(
            "{},{}",
            encode_fragment_text(&start),
            encode_fragment_text(&end)
        )
    };
    let separator = if url.contains('#') { "" } else { "#" };
    format!("{url}{separator}:~:text={directive}")
}

/// The text that goes with a shared quote: the quote in quotation marks, cut at a word boundary
/// to at most `max_chars` characters (with an ellipsis), so that it fits a post.
///
/// # Example
/// ```
/// use commentary_embed::domain::quote_text;
/// assert_eq!(quote_text("one two three", 100), "“one two three”");
/// assert_eq!(quote_text("one two three", 9), "“one two…”");
/// ```
pub fn quote_text(quote: &str, max_chars: usize) -> String {
    let quote = normalize_quote(quote).unwrap_or_default();
    if quote.chars().count() <= max_chars {
        return format!("“{quote}”");
    }
    let mut cut = String::new();
    for word in quote.split(' ') {
        let next = if cut.is_empty() {
            word.to_owned()
        } else {
            format!("{cut} {word}")
        };
        if next.chars().count() > max_chars {
            break;
        }
        cut = next;
    }
    if cut.is_empty() {
        cut = quote.chars().take(max_chars).collect();
    }
    format!("“{cut}…”")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn short_quotes_are_named_whole_in_the_fragment() {
        assert_eq!(
            quote_url(
                "https://p.example/a?b=1",
                " Baku-Ankara,  relations & more "
            ),
            "https://p.example/a?b=1#:~:text=Baku%2DAnkara%2C%20relations%20%26%20more"
        );
        assert_eq!(
            quote_url("https://p.example/a#top", "Şuşa Beyannamesi"),
            "https://p.example/a#top:~:text=%C5%9Eu%C5%9Fa%20Beyannamesi"
        );
        assert_eq!(
            quote_url("https://p.example/a#:~:text=old", "new"),
            "https://p.example/a#:~:text=new"
        );
    }

    #[test]
    fn long_quotes_are_named_by_start_and_end() {
        let quote = "one two three four five six seven eight nine ten eleven twelve thirteen";
        assert_eq!(
            quote_url("https://p.example/a", quote),
            "https://p.example/a#:~:text=one%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen"
        );
    }

    #[test]
    fn quote_text_is_quoted_and_cut_at_a_word() {
        assert_eq!(quote_text("  a\n b ", 100), "“a b”");
        assert_eq!(quote_text("alpha beta gamma", 12), "“alpha beta…”");
        assert_eq!(quote_text("Supercalifragilistic", 5), "“Super…”");
        assert_eq!(normalize_quote(" \n\t "), None);
    }
}

//! Share links: which article URL is shared, and the URL each network's share page takes.
//!
//! Everything here is string work with no browser: the page URL comes in as a parameter. Every
//! value put into a network's URL is percent-encoded by [`encode_component`], which keeps only the
//! RFC 3986 unreserved characters, so `&`, `?`, `#`, parentheses, spaces and non-ASCII in an
//! article URL or a title arrive at the network intact.
//!
//! # Example
//! ```
//! use commentary_embed::domain::{ShareTarget, Shared};
//! let shared = Shared { url: "https://p.example/a?b=1&c=(2)#top", text: "Türkiye & Azerbaijan" };
//! assert_eq!(
//!     ShareTarget::Telegram.url(&shared),
//!     "https://t.me/share/url?url=https%3A%2F%2Fp.example%2Fa%3Fb%3D1%26c%3D%282%29%23top&text=T%C3%BCrkiye%20%26%20Azerbaijan"
//! );
//! ```

use super::{web_url, Document, ShareUrl, Version};

/// A network the `share` part links to (CONTRACTS §3), in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareTarget {
    X,
    Facebook,
    Linkedin,
    Whatsapp,
    Telegram,
    Reddit,
    Bluesky,
    Email,
}

/// What is shared: the article URL and the text that goes with it (the title, or a quote).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shared<'a> {
    pub url: &'a str,
    pub text: &'a str,
}

impl ShareTarget {
    /// Every network, in the order the share part shows them.
    pub const ALL: [ShareTarget; 8] = [
        ShareTarget::X,
        ShareTarget::Facebook,
        ShareTarget::Linkedin,
        ShareTarget::Whatsapp,
        ShareTarget::Telegram,
        ShareTarget::Reddit,
        ShareTarget::Bluesky,
        ShareTarget::Email,
    ];

    /// The `data-network` value (and the `network` of the `commentary-share` event).
    pub fn network(self) -> &'static str {
        match self {
            ShareTarget::X => "x",
            ShareTarget::Facebook => "facebook",
            ShareTarget::Linkedin => "linkedin",
            ShareTarget::Whatsapp => "whatsapp",
            ShareTarget::Telegram => "telegram",
            ShareTarget::Reddit => "reddit",
            ShareTarget::Bluesky => "bluesky",
            ShareTarget::Email => "email",
        }
    }

    /// The network's own name (brands are not translated; e-mail is, by the caller).
    pub fn name(self) -> &'static str {
        match self {
            ShareTarget::X => "X",
            ShareTarget::Facebook => "Facebook",
            ShareTarget::Linkedin => "LinkedIn",
            ShareTarget::Whatsapp => "WhatsApp",
            ShareTarget::Telegram => "Telegram",
            ShareTarget::Reddit => "Reddit",
            ShareTarget::Bluesky => "Bluesky",
            ShareTarget::Email => "E-mail",
        }
    }

    /// Whether the network's share page takes a text besides the URL (Facebook and LinkedIn read
    /// the page's own Open Graph tags instead).
    pub fn takes_text(self) -> bool {
        !matches!(self, ShareTarget::Facebook | ShareTarget::Linkedin)
    }

    /// The URL of the network's share page for `shared`.
    pub fn url(self, shared: &Shared<'_>) -> String {
        let url = encode_component(shared.url);
        let text = encode_component(shared.text);
        let text_and_url = encode_component(&format!("{} {}", shared.text, shared.url));
        match self {
            ShareTarget::X => format!("https://x.com/intent/post?text={text}&url={url}"),
            ShareTarget::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
            ShareTarget::Linkedin => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={url}")
            }
            ShareTarget::Whatsapp => format!("https://wa.me/?text={text_and_url}"),
            ShareTarget::Telegram => format!("https://t.me/share/url?url={url}&text={text}"),
            ShareTarget::Reddit => {
                format!("https://www.reddit.com/submit?url={url}&title={text}")
            }
            ShareTarget::Bluesky => format!("https://bsky.app/intent/compose?text={text_and_url}"),
            // RFC 6068: the same encoding; a blank line between text and link.
            ShareTarget::Email => {
                let body = encode_component(&format!("{}\n\n{}", shared.text, shared.url));
                format!("mailto:?subject={text}&body={body}")
            }
        }
    }
}

/// The share page of a Mastodon server (`instance`, a host name from [`mastodon_instance`]).
///
/// # Example
/// ```
/// use commentary_embed::domain::{mastodon_share_url, Shared};
/// let shared = Shared { url: "https://p.example/a", text: "Title" };
/// assert_eq!(
///     mastodon_share_url("mastodon.social", &shared),
///     "https://mastodon.social/share?text=Title%20https%3A%2F%2Fp.example%2Fa"
/// );
/// ```
pub fn mastodon_share_url(instance: &str, shared: &Shared<'_>) -> String {
    let text = encode_component(&format!("{} {}", shared.text, shared.url));
    format!("https://{instance}/share?text={text}")
}

/// The host name of a Mastodon server as a reader types it, or `None` when it is not one.
///
/// Accepts `mastodon.social`, `https://mastodon.social/`, `@me@mastodon.social` (a handle) and
/// upper case; returns the lower-case host. A host name is two or more dot-separated labels of
/// ASCII letters, digits and inner hyphens (at most 63 each, 253 in all), with a top-level label
/// that is not all digits: no IP addresses, ports, paths, user info or spaces, so nothing can
/// turn the share URL into another one.
///
/// # Example
/// ```
/// use commentary_embed::domain::mastodon_instance;
/// assert_eq!(mastodon_instance(" https://Mastodon.Social/ ").as_deref(), Some("mastodon.social"));
/// assert_eq!(mastodon_instance("evil.example/x?y"), None);
/// ```
pub fn mastodon_instance(input: &str) -> Option<String> {
    let mut host = input.trim();
    for scheme in ["https://", "http://"] {
        if host.len() >= scheme.len() && host[..scheme.len()].eq_ignore_ascii_case(scheme) {
            host = &host[scheme.len()..];
        }
    }
    host = host.strip_suffix('/').unwrap_or(host);
    if let Some(handle) = host.strip_prefix('@') {
        // @user@host
        host = handle.split_once('@').map(|(_, h)| h)?;
    }
    let host = host.to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| !t.bytes().all(|b| b.is_ascii_digit()));
    (host.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok)
        .then_some(host)
}

/// The article URL share links carry (CONTRACTS §3 `share-url`).
///
/// `Canonical`: the shown version's `url`, else the original version's, else `page_url` (a `url`
/// that is not an `http`/`https` URL counts as none);
/// `Page`: `page_url`. A text-fragment directive (`:~:text=…`) on the page URL, left by a reader
/// who arrived through a shared quote, is dropped.
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let doc: Document = serde_json::from_str(r#"{"schema":1,"id":"x","original_language":"tr",
/// #   "published":"2026-06-17","authors":[{"given":"A","family":"B"}],
/// #   "publisher":{"name":"P","url":"https://p.example"},
/// #   "versions":[{"lang":"tr","title":"T","url":"https://p.example/tr","body":[{"paragraph":[{"text":"x"}]}]},
/// #               {"lang":"en","title":"E","body":[{"paragraph":[{"text":"x"}]}]}]}"#).unwrap();
/// let en = &doc.versions[1];
/// assert_eq!(share_url(ShareUrl::Canonical, &doc, en, "https://partner.example/"), "https://p.example/tr");
/// assert_eq!(share_url(ShareUrl::Page, &doc, en, "https://partner.example/#:~:text=a"), "https://partner.example/");
/// ```
pub fn share_url(mode: ShareUrl, document: &Document, shown: &Version, page_url: &str) -> String {
    let page = without_text_directive(page_url);
    match mode {
        ShareUrl::Page => page.to_owned(),
        // Only a web URL is shared: a document that slipped a `javascript:` URL past the checks
        // falls back to the page rather than putting it into links, the clipboard or embed code.
        ShareUrl::Canonical => shown
            .url
            .as_deref()
            .and_then(web_url)
            .or_else(|| {
                document
                    .original()
                    .and_then(|o| o.url.as_deref())
                    .and_then(web_url)
            })
            .unwrap_or_else(|| page.to_owned()),
    }
}

/// `url` without a trailing fragment directive (`:~:…`), and without a `#` left empty by that.
fn without_text_directive(url: &str) -> &str {
    match url.find(":~:") {
        Some(at) if url[..at].contains('#') => url[..at].strip_suffix('#').unwrap_or(&url[..at]),
        _ => url,
    }
}

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

/// Percent-encodes `value` for a URL component: every byte of its UTF-8 form except the RFC 3986
/// unreserved characters (`A-Z a-z 0-9 - . _ ~`) becomes `%XX` (upper-case hex). Stricter than
/// `encodeURIComponent` (which keeps `!'()*`), so that no network's parser mistakes a
/// parenthesis for the end of a link.
///
/// # Example
/// ```
/// use commentary_embed::domain::encode_component;
/// assert_eq!(encode_component("a b&c=(d)/é"), "a%20b%26c%3D%28d%29%2F%C3%A9");
/// ```
pub fn encode_component(value: &str) -> String {
    encode(value, |b| {
        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
    })
}

/// Percent-encodes text for a text fragment: like [`encode_component`], and `-` too (it marks a
/// prefix or suffix there).
fn encode_fragment_text(value: &str) -> String {
    encode(value, |b| {
        b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~')
    })
}

fn encode(value: &str, keep: impl Fn(u8) -> bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article URL with every character that must survive: `?`, `&`, `=`, `#`, parentheses,
    /// a space, a plus, non-ASCII (Turkish and Cyrillic) and a percent sign.
    const HARD_URL: &str = "https://p.example/yorum/(2026)?a=1&b=ç d+e#ş-Ж%";
    const HARD_URL_ENCODED: &str =
        "https%3A%2F%2Fp.example%2Fyorum%2F%282026%29%3Fa%3D1%26b%3D%C3%A7%20d%2Be%23%C5%9F-%D0%96%25";
    const TITLE: &str = "Türkiye & Azerbaijan: \"solidarity\"?";
    const TITLE_ENCODED: &str = "T%C3%BCrkiye%20%26%20Azerbaijan%3A%20%22solidarity%22%3F";

    fn hard() -> Shared<'static> {
        Shared {
            url: HARD_URL,
            text: TITLE,
        }
    }

    #[test]
    fn component_encoding_keeps_only_unreserved() {
        assert_eq!(encode_component(HARD_URL), HARD_URL_ENCODED);
        assert_eq!(encode_component(TITLE), TITLE_ENCODED);
        assert_eq!(encode_component("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(encode_component("!'()*"), "%21%27%28%29%2A");
        assert_eq!(encode_component("\n\t"), "%0A%09");
        assert_eq!(encode_component("😀"), "%F0%9F%98%80");
        assert_eq!(encode_component(""), "");
    }

    #[test]
    fn x() {
        assert_eq!(
            ShareTarget::X.url(&hard()),
            format!("https://x.com/intent/post?text={TITLE_ENCODED}&url={HARD_URL_ENCODED}")
        );
    }

    #[test]
    fn facebook() {
        assert_eq!(
            ShareTarget::Facebook.url(&hard()),
            format!("https://www.facebook.com/sharer/sharer.php?u={HARD_URL_ENCODED}")
        );
    }

    #[test]
    fn linkedin() {
        assert_eq!(
            ShareTarget::Linkedin.url(&hard()),
            format!("https://www.linkedin.com/sharing/share-offsite/?url={HARD_URL_ENCODED}")
        );
    }

    #[test]
    fn whatsapp() {
        assert_eq!(
            ShareTarget::Whatsapp.url(&hard()),
            format!("https://wa.me/?text={TITLE_ENCODED}%20{HARD_URL_ENCODED}")
        );
    }

    #[test]
    fn telegram() {
        assert_eq!(
            ShareTarget::Telegram.url(&hard()),
            format!("https://t.me/share/url?url={HARD_URL_ENCODED}&text={TITLE_ENCODED}")
        );
    }

    #[test]
    fn reddit() {
        assert_eq!(
            ShareTarget::Reddit.url(&hard()),
            format!("https://www.reddit.com/submit?url={HARD_URL_ENCODED}&title={TITLE_ENCODED}")
        );
    }

    #[test]
    fn bluesky() {
        assert_eq!(
            ShareTarget::Bluesky.url(&hard()),
            format!("https://bsky.app/intent/compose?text={TITLE_ENCODED}%20{HARD_URL_ENCODED}")
        );
    }

    #[test]
    fn email() {
        assert_eq!(
            ShareTarget::Email.url(&hard()),
            format!("mailto:?subject={TITLE_ENCODED}&body={TITLE_ENCODED}%0A%0A{HARD_URL_ENCODED}")
        );
    }

    #[test]
    fn mastodon() {
        assert_eq!(
            mastodon_share_url("mastodon.social", &hard()),
            format!("https://mastodon.social/share?text={TITLE_ENCODED}%20{HARD_URL_ENCODED}")
        );
    }

    #[test]
    fn seed_title_in_cyrillic_and_turkish() {
        let shared = Shared {
            url: "https://www.avim.org.tr/tr/Yorum/X",
            text: "Türk Devletleri — Солидарность",
        };
        assert_eq!(
            ShareTarget::X.url(&shared),
            "https://x.com/intent/post?text=T%C3%BCrk%20Devletleri%20%E2%80%94%20%D0%A1%D0%BE%D0%BB%D0%B8%D0%B4%D0%B0%D1%80%D0%BD%D0%BE%D1%81%D1%82%D1%8C&url=https%3A%2F%2Fwww.avim.org.tr%2Ftr%2FYorum%2FX"
        );
    }

    #[test]
    fn networks_are_listed_once_with_their_contract_names() {
        let names: Vec<&str> = ShareTarget::ALL.iter().map(|t| t.network()).collect();
        assert_eq!(
            names,
            ["x", "facebook", "linkedin", "whatsapp", "telegram", "reddit", "bluesky", "email"]
        );
        let with_text: Vec<&str> = ShareTarget::ALL
            .iter()
            .filter(|t| t.takes_text())
            .map(|t| t.network())
            .collect();
        assert_eq!(
            with_text,
            ["x", "whatsapp", "telegram", "reddit", "bluesky", "email"]
        );
    }

    #[test]
    fn mastodon_instances_are_host_names() {
        for (input, host) in [
            ("mastodon.social", "mastodon.social"),
            ("  Mastodon.Social  ", "mastodon.social"),
            ("https://fosstodon.org/", "fosstodon.org"),
            ("HTTP://a-b.c-d.example", "a-b.c-d.example"),
            ("@me@hachyderm.io", "hachyderm.io"),
            ("xn--80ak6aa92e.com", "xn--80ak6aa92e.com"),
        ] {
            assert_eq!(mastodon_instance(input).as_deref(), Some(host), "{input}");
        }
        for bad in [
            "",
            "localhost",
            "mastodon",
            "127.0.0.1",
            "mastodon.social:8080",
            "mastodon.social/path",
            "evil.example?x=1",
            "evil.example#x",
            "user:pw@evil.example",
            "-bad.example",
            "bad-.example",
            "a..example",
            "masto don.social",
            "mastödon.social",
            "javascript:alert(1)",
            "@me",
            ".example",
            &format!("{}.example", "a".repeat(64)),
        ] {
            assert_eq!(mastodon_instance(bad), None, "{bad:?}");
        }
    }

    fn document(original_url: Option<&str>, shown_url: Option<&str>) -> (Document, Version) {
        let version = |lang: &str, url: Option<&str>| {
            format!(
                r#"{{"lang":"{lang}","title":"T","body":[{{"paragraph":[{{"text":"x"}}]}}]{}}}"#,
                url.map(|u| format!(r#","url":"{u}""#)).unwrap_or_default()
            )
        };
        let json = format!(
            r#"{{"schema":1,"id":"x","original_language":"tr","published":"2026-06-17",
            "authors":[{{"given":"A","family":"B"}}],"publisher":{{"name":"P","url":"https://p.example"}},
            "versions":[{},{}]}}"#,
            version("tr", original_url),
            version("en", shown_url)
        );
        let doc: Document = serde_json::from_str(&json).expect("a valid test document");
        let shown = doc.versions[1].clone();
        (doc, shown)
    }

    #[test]
    fn canonical_prefers_shown_then_original_then_page() {
        let page = "https://partner.example/read?id=7";
        let (doc, en) = document(Some("https://p.example/tr"), Some("https://p.example/en"));
        assert_eq!(
            share_url(ShareUrl::Canonical, &doc, &en, page),
            "https://p.example/en"
        );
        let (doc, en) = document(Some("https://p.example/tr"), None);
        assert_eq!(
            share_url(ShareUrl::Canonical, &doc, &en, page),
            "https://p.example/tr"
        );
        let (doc, en) = document(None, None);
        assert_eq!(share_url(ShareUrl::Canonical, &doc, &en, page), page);
    }

    #[test]
    fn canonical_never_shares_a_url_that_is_not_a_web_url() {
        let page = "https://partner.example/read?id=7";
        let (doc, en) = document(Some("https://p.example/tr"), Some("javascript:alert(1)"));
        assert_eq!(
            share_url(ShareUrl::Canonical, &doc, &en, page),
            "https://p.example/tr"
        );
        let (doc, en) = document(Some("JaVa\\tScRiPt:alert(1)"), Some("data:text/html,x"));
        assert_eq!(share_url(ShareUrl::Canonical, &doc, &en, page), page);
    }

    #[test]
    fn page_mode_shares_the_page_without_a_text_directive() {
        let (doc, en) = document(Some("https://p.example/tr"), Some("https://p.example/en"));
        assert_eq!(
            share_url(ShareUrl::Page, &doc, &en, "https://partner.example/a?b=1#s"),
            "https://partner.example/a?b=1#s"
        );
        assert_eq!(
            share_url(
                ShareUrl::Page,
                &doc,
                &en,
                "https://partner.example/a#s:~:text=x"
            ),
            "https://partner.example/a#s"
        );
        assert_eq!(
            share_url(
                ShareUrl::Page,
                &doc,
                &en,
                "https://partner.example/a#:~:text=x"
            ),
            "https://partner.example/a"
        );
    }

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

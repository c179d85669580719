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

mod mastodon;
mod quote;

pub use mastodon::{mastodon_instance, mastodon_share_url};
pub use quote::{normalize_quote, quote_text, quote_url};

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
pub(super) fn without_text_directive(url: &str) -> &str {
    match url.find(":~:") {
        Some(at) if url[..at].contains('#') => url[..at].strip_suffix('#').unwrap_or(&url[..at]),
        _ => url,
    }
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
pub(super) fn encode_fragment_text(value: &str) -> String {
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
}

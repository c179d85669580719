//! Sharing to Mastodon: the reader's own server, asked of them and checked, never looked up.

use super::{encode_component, Shared};

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

#[cfg(test)]
mod tests {
    use super::*;
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
}

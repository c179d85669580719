//! Which link targets may become links.

/// The target of a link that may be followed from a commentary, or `None`.
///
/// Only absolute `http:`, `https:` and `mailto:` URLs pass. The check reads the URL the way a
/// browser does (WHATWG URL): leading and trailing C0 controls and spaces are dropped and tabs
/// and newlines are removed anywhere, so `" jav\tascript:…"` is caught as `javascript:`. The
/// returned target is that cleaned form. Relative URLs fail too: inside an embed they would
/// resolve against the partner's page, not the publisher's.
///
/// # Example
/// ```
/// use commentary_embed::domain::safe_href;
/// assert_eq!(safe_href(" HTTPS://example.org/a?b=1 "), Some("HTTPS://example.org/a?b=1".into()));
/// assert_eq!(safe_href("java\nscript:alert(1)"), None);
/// assert_eq!(safe_href("#notes"), None);
/// ```
pub fn safe_href(href: &str) -> Option<String> {
    let cleaned: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, rest) = cleaned.split_once(':')?;
    let well_formed = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !well_formed || rest.is_empty() {
        return None;
    }
    let allowed = match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => true,
        _ => false,
    };
    // No other control characters in what we hand to the browser.
    (allowed && !cleaned.chars().any(char::is_control)).then_some(cleaned)
}

/// An absolute `http:` or `https:` URL, cleaned as [`safe_href`] cleans it, or `None`: what a
/// field that names a web page (a publisher's site, a version's canonical URL) must hold. The
/// compiler refuses anything else in those fields, and the widget refuses a document that holds
/// anything else there, whoever wrote it.
///
/// # Example
/// ```
/// use commentary_embed::domain::web_url;
/// assert_eq!(web_url(" https://a.example/x "), Some("https://a.example/x".into()));
/// assert_eq!(web_url("mailto:a@b.example"), None);
/// assert_eq!(web_url("javascript:alert(1)"), None);
/// ```
pub fn web_url(url: &str) -> Option<String> {
    safe_href(url).filter(|u| {
        let scheme = u.split(':').next().unwrap_or_default();
        scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
    })
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn keeps_web_and_mail_links() {
        for ok in [
            "http://a.example/",
            "https://a.example/x?y=1&z=(2)#f",
            "mailto:info@avim.org.tr",
            "HtTpS://A.example",
        ] {
            assert_eq!(safe_href(ok).as_deref(), Some(ok));
        }
    }

    #[test]
    fn refuses_other_schemes_relative_and_disguised_urls() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "#",
            "/relative/path",
            "//proto-relative.example",
            "https:",
            "https:/one-slash",
            "http://",
            ":no-scheme",
            "1http://digit-first",
            "https://a.example/\u{7f}",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?} should be refused");
        }
    }

    #[test]
    fn web_urls_are_http_or_https_only() {
        use super::web_url;
        assert_eq!(
            web_url("HTTP://a.example").as_deref(),
            Some("HTTP://a.example")
        );
        for bad in [
            "mailto:a@b.example",
            "javascript:alert(1)",
            "java\tscript://x",
            "ftp://a.example",
        ] {
            assert_eq!(web_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn cleans_what_the_browser_would_ignore() {
        assert_eq!(
            safe_href("\u{0} https://a.example/p\tq\n ").as_deref(),
            Some("https://a.example/pq")
        );
    }
}

/// An absolute web URL cut for display, so that its host stands out and the rest can wrap:
/// `("https://", "www.aa.com.tr", "/tr/dunya/…")`. `None` for anything but `http(s)://host…`.
///
/// # Example
/// ```
/// use commentary_embed::domain::url_parts;
/// assert_eq!(url_parts("https://vpoanalytics.com/a/b/"), Some(("https://", "vpoanalytics.com", "/a/b/")));
/// assert_eq!(url_parts("mailto:info@avim.org.tr"), None);
/// ```
pub fn url_parts(url: &str) -> Option<(&str, &str, &str)> {
    let scheme_end = url.find("://")? + 3;
    let scheme = &url[..scheme_end];
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http://" | "https://") {
        return None;
    }
    let rest = &url[scheme_end..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if host_end == 0 {
        return None;
    }
    Some((scheme, &rest[..host_end], &rest[host_end..]))
}

#[cfg(test)]
mod url_parts_tests {
    use super::url_parts;

    #[test]
    fn splits_scheme_host_and_rest() {
        assert_eq!(
            url_parts("http://a.example"),
            Some(("http://", "a.example", ""))
        );
        assert_eq!(
            url_parts("https://a.example?q=1"),
            Some(("https://", "a.example", "?q=1"))
        );
        assert_eq!(url_parts("https:///path"), None);
        assert_eq!(url_parts("ftp://a.example/x"), None);
    }
}

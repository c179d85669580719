//! What the widget knows of the page it is on: its address, and today's date there.

/// The address of the page the widget is on, or `""` where it cannot be read.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// `href` resolved against the page's address (`""` stays `""`; an unparsable one stays as it is).
pub fn absolute_url(href: &str) -> String {
    if href.is_empty() {
        return String::new();
    }
    web_sys::Url::new_with_base(href, &page_url())
        .map(|u| u.href())
        .unwrap_or_else(|_| href.to_owned())
}

/// Today in the reader's time zone: the access date of a citation.
pub fn today() -> Option<crate::domain::Date> {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    crate::domain::Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

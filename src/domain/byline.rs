//! What a byline says, in the shown version's language.

use super::{ui_strings, Document, Version};

/// The pieces of a byline, each ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Byline {
    /// "İlaha Khantamirova", "A, B and C".
    pub authors: String,
    /// "Center for Eurasian Studies (AVİM), Ankara".
    pub publisher: String,
    /// The version's date, as its readers write it.
    pub date: String,
    /// The same date, ISO 8601, for `<time datetime>`.
    pub date_iso: String,
    /// "Commentary No. 2026/36", when the document has a series or number.
    pub series: Option<String>,
}

/// The byline of `version` of `document`.
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let doc: Document = serde_json::from_str(r#"{"schema":1,"id":"x","series":"Commentary","number":"2026/36",
/// #   "original_language":"en","published":"2026-06-17","authors":[{"given":"A","family":"B"}],
/// #   "publisher":{"name":"P","url":"https://p.example"},
/// #   "versions":[{"lang":"en","title":"T","body":[{"paragraph":[{"text":"x"}]}]}]}"#).unwrap();
/// let b = byline(&doc, &doc.versions[0]);
/// assert_eq!(b.series.as_deref(), Some("Commentary No. 2026/36"));
/// assert_eq!(b.date, "17 June 2026");
/// ```
pub fn byline(document: &Document, version: &Version) -> Byline {
    let ui = ui_strings(&version.lang);
    let names: Vec<String> = document.authors.iter().map(|a| a.display_name()).collect();
    let authors = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), ui.and),
    };
    let p = &document.publisher;
    let mut publisher = p.name.clone();
    if let Some(short) = p.short_name.as_deref().filter(|s| !s.is_empty()) {
        publisher = format!("{publisher} ({short})");
    }
    if let Some(place) = p.place.as_deref().filter(|s| !s.is_empty()) {
        publisher = format!("{publisher}, {place}");
    }
    let date = version.date(document);
    let series = match (document.series.as_deref(), document.number.as_deref()) {
        (Some(s), Some(n)) => Some(format!("{s} {} {n}", ui.number)),
        (Some(s), None) => Some(s.to_owned()),
        (None, Some(n)) => Some(format!("{} {n}", ui.number)),
        (None, None) => None,
    };
    Byline {
        authors,
        publisher,
        date: date.format(&version.lang),
        date_iso: date.to_string(),
        series,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Date, Person};

    fn doc(authors: &[(&str, &str)]) -> Document {
        let json = r#"{"schema":1,"id":"2026-36","series":"Commentary","number":"2026/36",
            "original_language":"tr","published":"2026-06-17","authors":[],
            "publisher":{"name":"Center for Eurasian Studies","short_name":"AVİM","url":"https://avim.org.tr","place":"Ankara"},
            "versions":[{"lang":"tr","title":"T","body":[{"paragraph":[{"text":"x"}]}]},
                        {"lang":"en","title":"T","published":"2026-06-26","body":[{"paragraph":[{"text":"x"}]}]}]}"#;
        let mut d: Document = serde_json::from_str(json).unwrap();
        d.authors = authors
            .iter()
            .map(|(g, f)| Person {
                given: (*g).into(),
                family: (*f).into(),
            })
            .collect();
        d
    }

    #[test]
    fn seed_byline_in_english_and_turkish() {
        let d = doc(&[("İlaha", "Khantamirova")]);
        let en = byline(&d, &d.versions[1]);
        assert_eq!(en.authors, "İlaha Khantamirova");
        assert_eq!(en.publisher, "Center for Eurasian Studies (AVİM), Ankara");
        assert_eq!(
            (en.date.as_str(), en.date_iso.as_str()),
            ("26 June 2026", "2026-06-26")
        );
        assert_eq!(en.series.as_deref(), Some("Commentary No. 2026/36"));
        let tr = byline(&d, &d.versions[0]);
        assert_eq!(tr.date, "17 Haziran 2026");
        assert_eq!(tr.series.as_deref(), Some("Commentary No: 2026/36"));
        assert_eq!(
            Date::new(2026, 6, 17).map(|x| x.to_string()),
            Some(tr.date_iso)
        );
    }

    #[test]
    fn several_authors_are_joined_in_the_shown_language() {
        let d = doc(&[("A", "One"), ("B", "Two"), ("", "Three")]);
        assert_eq!(byline(&d, &d.versions[1]).authors, "A One, B Two and Three");
        assert_eq!(byline(&d, &d.versions[0]).authors, "A One, B Two ve Three");
    }
}

//! A commentary over its lifetime: the licence it is published under and the attribution a
//! republisher owes, the corrections made since, and its withdrawal.
//!
//! The compiled document carries them as optional keys (README, "The compiled document"):
//! `license` and `withdrawn` on the document, `corrections` and `withdrawn_note` on each version.
//! Documents without them are as before (schema 1): all rights reserved, never corrected, not
//! withdrawn. The rules of what a reader is shown ([`notices`]) and the words for it
//! ([`rights_strings`]) live here, for the widget and the CLI's article pages alike.

use serde::{Deserialize, Serialize};

use super::{primary_subtag, Date, Document, Inline, Version};

/// The Creative Commons licences a publisher may name by SPDX id: (id, name, deed URL).
pub const CREATIVE_COMMONS: [(&str, &str, &str); 7] = [
    (
        "CC0-1.0",
        "CC0 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    (
        "CC-BY-4.0",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    (
        "CC-BY-SA-4.0",
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    (
        "CC-BY-ND-4.0",
        "CC BY-ND 4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/",
    ),
    (
        "CC-BY-NC-4.0",
        "CC BY-NC 4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/",
    ),
    (
        "CC-BY-NC-SA-4.0",
        "CC BY-NC-SA 4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    ),
    (
        "CC-BY-NC-ND-4.0",
        "CC BY-NC-ND 4.0",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    ),
];

/// The licence a commentary is published under. Without one (`Document::license` is `None`)
/// all rights are reserved.
///
/// In the document a Creative Commons licence is written whole (`id`, `name`, `url`), so that a
/// reader needs no table; a licence of the publisher's own has no `id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct License {
    /// The SPDX id of a Creative Commons licence ([`CREATIVE_COMMONS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name shown: "CC BY-ND 4.0".
    pub name: String,
    /// The licence's text or deed.
    pub url: String,
}

impl License {
    /// The Creative Commons licence with SPDX id `id` (exact spelling).
    ///
    /// # Example
    /// ```
    /// use commentary_embed::domain::License;
    /// let l = License::creative_commons("CC-BY-ND-4.0").unwrap();
    /// assert_eq!(l.name, "CC BY-ND 4.0");
    /// assert_eq!(l.url, "https://creativecommons.org/licenses/by-nd/4.0/");
    /// assert!(License::creative_commons("cc-by-nd-4.0").is_none());
    /// ```
    pub fn creative_commons(id: &str) -> Option<License> {
        CREATIVE_COMMONS
            .iter()
            .find(|(known, _, _)| *known == id)
            .map(|(id, name, url)| License {
                id: Some((*id).to_owned()),
                name: (*name).to_owned(),
                url: (*url).to_owned(),
            })
    }

    /// Whether a partner may republish the text unchanged, with attribution: every Creative
    /// Commons licence allows that (ND forbids changes, NC commercial use, which a verbatim
    /// copy on a partner's site respects or not by the partner's own terms). A licence of the
    /// publisher's own says what it says: the widget links to it and offers no copy.
    pub fn allows_republishing(&self) -> bool {
        self.id
            .as_deref()
            .is_some_and(|id| CREATIVE_COMMONS.iter().any(|(known, _, _)| *known == id))
    }
}

/// The SPDX id meant by a near miss of one (`cc-by-4.0`, `CC BY 4.0`, `CC-BY-4`, `CC-BY-ND`,
/// `CC-BY-ND-40`), for "did you mean" hints; `None` when nothing is close.
///
/// # Example
/// ```
/// use commentary_embed::domain::suggest_license;
/// assert_eq!(suggest_license("cc-by-4.0"), Some("CC-BY-4.0"));
/// assert_eq!(suggest_license("CC BY-ND 4.0"), Some("CC-BY-ND-4.0"));
/// assert_eq!(suggest_license("CC-BY-4"), Some("CC-BY-4.0"));
/// assert_eq!(suggest_license("MIT"), None);
/// ```
pub fn suggest_license(input: &str) -> Option<&'static str> {
    // Letters and digits only, upper case: "cc by-nd 4.0" and "CC-BY-ND-4.0" both "CCBYND40".
    let key = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let wanted = key(input);
    if wanted.is_empty() {
        return None;
    }
    let keyed = CREATIVE_COMMONS.map(|(id, _, _)| (id, key(id)));
    // The same letters; or the same with the version shortened or left out ("CC-BY-4",
    // "CC-BY-ND"): every licence here has one version.
    let exact = keyed.iter().find(|(_, k)| {
        *k == wanted
            || k.strip_suffix('0') == Some(wanted.as_str())
            || k.trim_end_matches(|c: char| c.is_ascii_digit()) == wanted
    });
    if let Some((id, _)) = exact {
        return Some(id);
    }
    keyed
        .iter()
        .map(|(id, k)| (edit_distance(k, &wanted), id))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| *id)
}

/// Edit distance by characters, a swap of two neighbours counting as one edit (optimal string
/// alignment): `ND` for `DN` is one slip, not two.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d: Vec<usize> = vec![0; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The publisher has withdrawn the commentary: its documents keep title and byline, and the
/// compiler leaves out the text, notes and citations (nobody is served a withdrawn text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawn {
    pub date: Date,
}

/// A correction of one version, made after it appeared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Not before the version's date.
    pub date: Date,
    /// What was corrected, inline text (no footnote references).
    pub text: Vec<Inline>,
}

impl Version {
    /// The date of the latest correction, if any.
    pub fn corrected(&self) -> Option<Date> {
        self.corrections.iter().map(|c| c.date).max()
    }

    /// The date this version last changed: its latest correction, else its own date.
    pub fn updated(&self, document: &Document) -> Date {
        self.corrected().unwrap_or_else(|| self.date(document))
    }

    /// The corrections, newest first (the order of the source among the same day).
    pub fn corrections_newest_first(&self) -> Vec<&Correction> {
        let mut list: Vec<&Correction> = self.corrections.iter().collect();
        list.sort_by_key(|c| std::cmp::Reverse(c.date));
        list
    }
}

/// What a reader of `version` is told beside the text, in the order shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice<'d> {
    /// The commentary was withdrawn: the body, notes and tools give way to this.
    Withdrawn {
        date: Date,
        /// The shown version's note, else the original's, else none.
        note: Option<&'d str>,
        publisher_url: &'d str,
    },
    /// "Corrected <latest date>", then each correction, newest first.
    Corrected {
        latest: Date,
        corrections: Vec<&'d Correction>,
    },
}

/// The notices of `version`: withdrawn (and then nothing else), or its corrections, or none.
pub fn notices<'d>(document: &'d Document, version: &'d Version) -> Vec<Notice<'d>> {
    if let Some(w) = document.withdrawn {
        let note = version.withdrawn_note.as_deref().or_else(|| {
            document
                .original()
                .and_then(|o| o.withdrawn_note.as_deref())
        });
        return vec![Notice::Withdrawn {
            date: w.date,
            note,
            publisher_url: &document.publisher.url,
        }];
    }
    match version.corrected() {
        Some(latest) => vec![Notice::Corrected {
            latest,
            corrections: version.corrections_newest_first(),
        }],
        None => Vec::new(),
    }
}

/// The words of the licence, correction and withdrawal notices, in one UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RightsStrings {
    /// Before the latest correction's date: "Corrected " "1 July 2026" "".
    pub corrected: (&'static str, &'static str),
    /// The accessible name of the list of corrections.
    pub corrections: &'static str,
    /// The withdrawal notice's heading.
    pub withdrawn: &'static str,
    /// Before and after the withdrawal date: "The publisher withdrew this commentary on "
    /// "1 August 2026" ".".
    pub withdrawn_on: (&'static str, &'static str),
    /// The link to the publisher in the withdrawal notice.
    pub publisher_site: &'static str,
    /// Before the licence's name: "Licence: ".
    pub license: &'static str,
    /// Said when there is no licence.
    pub all_rights_reserved: &'static str,
    /// The attribution line's parts: "“Title” by A and B, Publisher, licensed under CC BY 4.0."
    /// is `by` = " by ", `licensed` = ", licensed under ".
    pub by: &'static str,
    pub licensed: &'static str,
    /// The republish copy's heading and explanation.
    pub republish: &'static str,
    pub republish_hint: &'static str,
    /// Said in the Embed control when the licence allows no copy.
    pub no_republish: &'static str,
    /// Before the link back: "Originally published at ".
    pub originally_published: &'static str,
}

const EN: RightsStrings = RightsStrings {
    corrected: ("Corrected ", ""),
    corrections: "Corrections",
    withdrawn: "Withdrawn",
    withdrawn_on: ("The publisher withdrew this commentary on ", "."),
    publisher_site: "The publisher's site",
    license: "Licence: ",
    all_rights_reserved: "All rights reserved: ask the publisher before republishing.",
    by: " by ",
    licensed: ", licensed under ",
    republish: "Republish",
    republish_hint: "Paste this HTML into your page to republish the commentary unchanged, with its attribution.",
    no_republish: "All rights reserved: this commentary may be embedded, not republished. Ask the publisher for permission.",
    originally_published: "Originally published at ",
};

const TR: RightsStrings = RightsStrings {
    corrected: ("Düzeltildi: ", ""),
    corrections: "Düzeltmeler",
    withdrawn: "Geri çekildi",
    withdrawn_on: ("Yayımcı bu yorumu ", " tarihinde geri çekti."),
    publisher_site: "Yayımcının sitesi",
    license: "Lisans: ",
    all_rights_reserved: "Tüm hakları saklıdır: yeniden yayımlamadan önce yayımcıya danışın.",
    by: ", ",
    licensed: ", lisans: ",
    republish: "Yeniden yayımla",
    republish_hint: "Yorumu değiştirmeden, atfıyla birlikte yeniden yayımlamak için bu HTML'yi sayfanıza yapıştırın.",
    no_republish: "Tüm hakları saklıdır: bu yorum gömülebilir, yeniden yayımlanamaz. İzin için yayımcıya başvurun.",
    originally_published: "İlk yayımlandığı yer: ",
};

const RU: RightsStrings = RightsStrings {
    corrected: ("Исправлено ", ""),
    corrections: "Исправления",
    withdrawn: "Отозвано",
    withdrawn_on: ("Издатель отозвал этот комментарий ", "."),
    publisher_site: "Сайт издателя",
    license: "Лицензия: ",
    all_rights_reserved: "Все права защищены: перед перепечаткой обратитесь к издателю.",
    by: ", ",
    licensed: ", лицензия ",
    republish: "Перепечатать",
    republish_hint: "Вставьте этот HTML на свою страницу, чтобы перепечатать комментарий без изменений, с указанием авторства.",
    no_republish: "Все права защищены: комментарий можно встроить, но не перепечатать. Спросите разрешения у издателя.",
    originally_published: "Впервые опубликовано: ",
};

const AZ: RightsStrings = RightsStrings {
    corrected: ("Düzəliş edilib: ", ""),
    corrections: "Düzəlişlər",
    withdrawn: "Geri çəkilib",
    withdrawn_on: ("Naşir bu şərhi ", " tarixində geri çəkib."),
    publisher_site: "Naşirin saytı",
    license: "Lisenziya: ",
    all_rights_reserved: "Bütün hüquqlar qorunur: yenidən dərc etməzdən əvvəl naşirə müraciət edin.",
    by: ", ",
    licensed: ", lisenziya: ",
    republish: "Yenidən dərc et",
    republish_hint: "Şərhi dəyişmədən, müəllif göstəricisi ilə yenidən dərc etmək üçün bu HTML-i səhifənizə yapışdırın.",
    no_republish: "Bütün hüquqlar qorunur: bu şərh yerləşdirilə bilər, yenidən dərc edilə bilməz. İcazə üçün naşirə müraciət edin.",
    originally_published: "İlk dərc olunduğu yer: ",
};

/// The notices' words in the UI language of `lang` (English for any other).
pub fn rights_strings(lang: &str) -> &'static RightsStrings {
    match primary_subtag(lang).as_str() {
        "tr" => &TR,
        "ru" => &RU,
        "az" => &AZ,
        _ => &EN,
    }
}

/// "Corrected 1 July 2026", in the UI language `ui_lang`.
pub fn corrected_label(latest: Date, ui_lang: &str) -> String {
    let s = rights_strings(ui_lang);
    format!(
        "{}{}{}",
        s.corrected.0,
        latest.format(ui_lang),
        s.corrected.1
    )
}

/// "The publisher withdrew this commentary on 1 August 2026.", in the UI language `ui_lang`.
pub fn withdrawn_label(date: Date, ui_lang: &str) -> String {
    let s = rights_strings(ui_lang);
    format!(
        "{}{}{}",
        s.withdrawn_on.0,
        date.format(ui_lang),
        s.withdrawn_on.1
    )
}

/// The attribution a republisher owes, in the UI language `ui_lang`: "“Title” by A and B,
/// Publisher, licensed under CC BY-ND 4.0." (without the licence: "… by A and B, Publisher.").
/// The link back is shown beside it.
///
/// # Example
/// ```
/// # use commentary_embed::domain::*;
/// # let mut doc: Document = serde_json::from_str(r#"{"schema":1,"id":"x","original_language":"en",
/// #   "published":"2026-06-17","authors":[{"given":"A","family":"B"},{"given":"C","family":"D"}],
/// #   "publisher":{"name":"P","url":"https://p.example"},
/// #   "versions":[{"lang":"en","title":"T","body":[{"paragraph":[{"text":"x"}]}]}]}"#).unwrap();
/// doc.license = License::creative_commons("CC-BY-4.0");
/// assert_eq!(attribution(&doc, &doc.versions[0], "en"), "“T” by A B and C D, P, licensed under CC BY 4.0.");
/// ```
pub fn attribution(document: &Document, version: &Version, ui_lang: &str) -> String {
    let s = rights_strings(ui_lang);
    let by = super::byline(document, version);
    let mut out = format!(
        "“{}”{}{}, {}",
        version.title, s.by, by.authors, document.publisher.name
    );
    if let Some(l) = &document.license {
        out.push_str(s.licensed);
        out.push_str(&l.name);
    }
    out.push('.');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_of_licence_ids_are_recognised() {
        for (input, id) in [
            ("cc-by-4.0", "CC-BY-4.0"),
            ("CC-BY-4", "CC-BY-4.0"),
            ("CC BY 4.0", "CC-BY-4.0"),
            ("CC-BY-ND", "CC-BY-ND-4.0"),
            ("CC BY-NC-ND 4.0", "CC-BY-NC-ND-4.0"),
            ("CC-BY-ND-40", "CC-BY-ND-4.0"),
            ("CC-BY-DN-4.0", "CC-BY-ND-4.0"),
            ("cc0", "CC0-1.0"),
            ("CC-0", "CC0-1.0"),
        ] {
            assert_eq!(suggest_license(input), Some(id), "{input}");
        }
        for far in ["MIT", "", "GPL-3.0-or-later", "proprietary"] {
            assert_eq!(suggest_license(far), None, "{far}");
        }
    }

    #[test]
    fn every_creative_commons_licence_allows_republishing_and_no_other() {
        for (id, _, url) in CREATIVE_COMMONS {
            let l = License::creative_commons(id).unwrap();
            assert!(l.allows_republishing() && l.url == url);
        }
        let own = License {
            id: None,
            name: "House licence".into(),
            url: "https://p.example/l".into(),
        };
        assert!(!own.allows_republishing());
    }

    #[test]
    fn labels_are_in_the_ui_language() {
        let d = Date::new(2026, 7, 1).unwrap();
        assert_eq!(corrected_label(d, "en"), "Corrected 1 July 2026");
        assert_eq!(corrected_label(d, "tr"), "Düzeltildi: 1 Temmuz 2026");
        assert_eq!(corrected_label(d, "ru"), "Исправлено 1 июля 2026");
        assert_eq!(
            withdrawn_label(d, "tr"),
            "Yayımcı bu yorumu 1 Temmuz 2026 tarihinde geri çekti."
        );
    }
}

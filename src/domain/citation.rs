//! Citations: the formatted text of each style, with the reader's access date left open.
//!
//! The CLI formats every style at build time (the CSL styles through hayagriva, the exports and
//! the publisher's house style here) and stores each as [`CiteRun`]s in the compiled document.
//! The widget only fills in today's date ([`CiteRun::Accessed`]) and renders the runs: it
//! carries no citation formatter.

use serde::{Deserialize, Serialize};

use super::{escape_text, Date};

/// A citation style the widget offers, in the order it lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CitationStyle {
    /// The publisher's own line (`[citation] house` in `commentary.toml`).
    House,
    Apa7,
    Mla9,
    /// Chicago 17th edition, notes and bibliography (the bibliography entry).
    ChicagoNotes,
    /// Chicago 17th edition, author-date.
    ChicagoAuthorDate,
    /// Harvard (Cite Them Right).
    Harvard,
    /// BibLaTeX, readable by BibTeX (`.bib`).
    Bibtex,
    /// RIS (`.ris`).
    Ris,
    /// CSL-JSON.
    CslJson,
}

impl CitationStyle {
    /// Every style, in the order the widget lists them.
    pub const ALL: [CitationStyle; 9] = [
        CitationStyle::House,
        CitationStyle::Apa7,
        CitationStyle::Mla9,
        CitationStyle::ChicagoNotes,
        CitationStyle::ChicagoAuthorDate,
        CitationStyle::Harvard,
        CitationStyle::Bibtex,
        CitationStyle::Ris,
        CitationStyle::CslJson,
    ];

    /// The id in the document and in `data-style`.
    pub fn id(self) -> &'static str {
        match self {
            CitationStyle::House => "house",
            CitationStyle::Apa7 => "apa",
            CitationStyle::Mla9 => "mla",
            CitationStyle::ChicagoNotes => "chicago-notes",
            CitationStyle::ChicagoAuthorDate => "chicago-author-date",
            CitationStyle::Harvard => "harvard",
            CitationStyle::Bibtex => "bibtex",
            CitationStyle::Ris => "ris",
            CitationStyle::CslJson => "csl-json",
        }
    }

    /// The style named by `id`.
    pub fn from_id(id: &str) -> Option<CitationStyle> {
        CitationStyle::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The name a researcher knows it by (the same in every UI language).
    pub fn label(self) -> &'static str {
        match self {
            CitationStyle::House => "",
            CitationStyle::Apa7 => "APA 7",
            CitationStyle::Mla9 => "MLA 9",
            CitationStyle::ChicagoNotes => "Chicago 17 (notes and bibliography)",
            CitationStyle::ChicagoAuthorDate => "Chicago 17 (author-date)",
            CitationStyle::Harvard => "Harvard",
            CitationStyle::Bibtex => "BibTeX / BibLaTeX",
            CitationStyle::Ris => "RIS",
            CitationStyle::CslJson => "CSL-JSON",
        }
    }

    /// For the exports: the file extension and MIME type of a download.
    pub fn download(self) -> Option<(&'static str, &'static str)> {
        match self {
            CitationStyle::Bibtex => Some(("bib", "application/x-bibtex")),
            CitationStyle::Ris => Some(("ris", "application/x-research-info-systems")),
            CitationStyle::CslJson => Some(("json", "application/vnd.citationstyles.csl+json")),
            _ => None,
        }
    }

    /// Whether this is a machine-readable export (shown preformatted).
    pub fn is_export(self) -> bool {
        self.download().is_some()
    }

    /// The order the cite panel lists the styles in: the one the reader copied last first, then
    /// the others in [`CitationStyle::ALL`]'s order.
    ///
    /// # Example
    /// ```
    /// use commentary_embed::domain::CitationStyle;
    /// let order: Vec<_> = CitationStyle::in_panel_order(Some(CitationStyle::Mla9)).collect();
    /// assert_eq!(order[..3], [CitationStyle::Mla9, CitationStyle::House, CitationStyle::Apa7]);
    /// assert_eq!(order.len(), CitationStyle::ALL.len());
    /// ```
    pub fn in_panel_order(last: Option<CitationStyle>) -> impl Iterator<Item = CitationStyle> {
        // No sort: it would bring a generic sort routine into the wasm for nine items.
        last.into_iter().chain(
            CitationStyle::ALL
                .into_iter()
                .filter(move |s| Some(*s) != last),
        )
    }
}

/// One formatted citation of one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// A [`CitationStyle::id`]; unknown ids are ignored by the widget.
    pub style: String,
    pub runs: Vec<CiteRun>,
}

/// A piece of a formatted citation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CiteRun {
    Text(String),
    /// Text in italics (titles, in most styles).
    Italic(String),
    /// The reader's access date, written as the style writes dates.
    Accessed(DateForm),
}

/// How a style writes the access date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateForm {
    /// November 25, 2026
    MonthDayYear,
    /// 25 November 2026
    DayMonthYear,
    /// 25 Nov. 2026 (MLA abbreviates months longer than four letters)
    DayMonYear,
    /// 2026-11-25
    Iso,
    /// 2026/11/25 (RIS)
    Slashes,
    /// 2026, 11, 25 (inside CSL-JSON `date-parts`)
    Parts,
}

impl DateForm {
    /// Every form, for finding a formatted date in a processor's output.
    pub const ALL: [DateForm; 6] = [
        DateForm::MonthDayYear,
        DateForm::DayMonthYear,
        DateForm::DayMonYear,
        DateForm::Iso,
        DateForm::Slashes,
        DateForm::Parts,
    ];

    /// The name in the compiled document (`"accessed": "month_day_year"`), as serde writes it.
    pub fn id(self) -> &'static str {
        match self {
            DateForm::MonthDayYear => "month_day_year",
            DateForm::DayMonthYear => "day_month_year",
            DateForm::DayMonYear => "day_mon_year",
            DateForm::Iso => "iso",
            DateForm::Slashes => "slashes",
            DateForm::Parts => "parts",
        }
    }

    /// `date` in this form (English month names: the styles' locale).
    pub fn format(self, date: Date) -> String {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let month = super::date::MONTHS_EN[usize::from(m.clamp(1, 12) - 1)];
        match self {
            DateForm::MonthDayYear => format!("{month} {d}, {y}"),
            DateForm::DayMonthYear => format!("{d} {month} {y}"),
            DateForm::DayMonYear if month.chars().count() > 4 => {
                let short = if month == "September" {
                    "Sept"
                } else {
                    &month[..3]
                };
                format!("{d} {short}. {y}")
            }
            DateForm::DayMonYear => format!("{d} {month} {y}"),
            DateForm::Iso => date.to_string(),
            DateForm::Slashes => format!("{y:04}/{m:02}/{d:02}"),
            DateForm::Parts => format!("{y}, {m}, {d}"),
        }
    }
}

impl Citation {
    /// The citation as plain text, accessed `today`.
    pub fn plain(&self, today: Date) -> String {
        self.runs
            .iter()
            .map(|r| match r {
                CiteRun::Text(t) | CiteRun::Italic(t) => t.clone(),
                CiteRun::Accessed(form) => form.format(today),
            })
            .collect()
    }

    /// The citation as an HTML fragment (italics kept, everything escaped), accessed `today`:
    /// what the clipboard's `text/html` carries.
    pub fn html(&self, today: Date) -> String {
        self.runs
            .iter()
            .map(|r| match r {
                CiteRun::Text(t) => escape_text(t),
                CiteRun::Italic(t) => format!("<i>{}</i>", escape_text(t)),
                CiteRun::Accessed(form) => escape_text(&form.format(today)),
            })
            .collect()
    }
}

/// Joins runs, merging neighbouring plain texts.
pub fn push_run(runs: &mut Vec<CiteRun>, run: CiteRun) {
    match (runs.last_mut(), run) {
        (_, CiteRun::Text(t)) if t.is_empty() => {}
        (Some(CiteRun::Text(last)), CiteRun::Text(t)) => last.push_str(&t),
        (Some(CiteRun::Italic(last)), CiteRun::Italic(t)) => last.push_str(&t),
        (_, run) => runs.push(run),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn access_dates_in_every_form() {
        let d = date("2026-11-05");
        let forms: Vec<String> = DateForm::ALL.iter().map(|f| f.format(d)).collect();
        assert_eq!(
            forms,
            [
                "November 5, 2026",
                "5 November 2026",
                "5 Nov. 2026",
                "2026-11-05",
                "2026/11/05",
                "2026, 11, 5"
            ]
        );
        assert_eq!(
            DateForm::DayMonYear.format(date("2026-06-27")),
            "27 June 2026"
        );
        assert_eq!(
            DateForm::DayMonYear.format(date("2026-09-01")),
            "1 Sept. 2026"
        );
    }

    #[test]
    fn plain_and_html_fill_the_date_and_keep_italics() {
        let c = Citation {
            style: "harvard".into(),
            runs: vec![
                CiteRun::Text("Khantamirova, İ. (2026) ".into()),
                CiteRun::Italic("Türkiye & <Azerbaijan>".into()),
                CiteRun::Text(". (Accessed: ".into()),
                CiteRun::Accessed(DateForm::DayMonthYear),
                CiteRun::Text(").".into()),
            ],
        };
        let today = date("2026-11-25");
        assert_eq!(
            c.plain(today),
            "Khantamirova, İ. (2026) Türkiye & <Azerbaijan>. (Accessed: 25 November 2026)."
        );
        assert_eq!(
            c.html(today),
            "Khantamirova, İ. (2026) <i>Türkiye &amp; &lt;Azerbaijan&gt;</i>. (Accessed: 25 November 2026)."
        );
    }

    #[test]
    fn styles_round_trip_their_ids() {
        for s in CitationStyle::ALL {
            assert_eq!(CitationStyle::from_id(s.id()), Some(s));
        }
        assert_eq!(CitationStyle::from_id("vancouver"), None);
        assert_eq!(
            CitationStyle::Ris.download(),
            Some(("ris", "application/x-research-info-systems"))
        );
    }

    #[test]
    fn runs_merge_neighbours() {
        let mut runs = Vec::new();
        for r in [
            CiteRun::Text("a".into()),
            CiteRun::Text("b".into()),
            CiteRun::Italic("c".into()),
            CiteRun::Text(String::new()),
        ] {
            push_run(&mut runs, r);
        }
        assert_eq!(
            runs,
            [CiteRun::Text("ab".into()), CiteRun::Italic("c".into())]
        );
    }
}

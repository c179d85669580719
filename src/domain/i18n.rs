//! The widget's own words, in every language the UI speaks.

use super::primary_subtag;

/// Every string the widget shows or announces, in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UiStrings {
    /// The language tag of these strings.
    pub lang: &'static str,
    /// Heading of the notes list.
    pub notes: &'static str,
    /// Accessible name of a footnote reference, before its number ("Note 1").
    pub note: &'static str,
    /// Accessible name of the control that closes an open note ("Close note 1").
    pub close_note: &'static str,
    /// Accessible name of a back-link from a note to its reference.
    pub back_to_text: &'static str,
    /// "No." between a series and its number.
    pub number: &'static str,
    /// The word before the last of several authors.
    pub and: &'static str,
    /// The error part's heading.
    pub cannot_show: &'static str,
    /// Before the list of problems of an invalid document.
    pub invalid_document: &'static str,
    /// The document could not be fetched.
    pub cannot_load: &'static str,
    /// Points the reader at the fallback link.
    pub read_original: &'static str,
    // Sharing (issue 6).
    /// Accessible name of the share part, and of the quote panel's group of links.
    pub share: &'static str,
    /// The control that opens the system share sheet (`navigator.share`).
    pub share_native: &'static str,
    /// Name of the e-mail share link.
    pub email: &'static str,
    /// The control that copies the shared link.
    pub copy_link: &'static str,
    /// Announced when the link is on the clipboard.
    pub link_copied: &'static str,
    /// Shown when the clipboard refused: the link is then shown, selected, to copy by hand.
    pub copy_failed: &'static str,
    /// Label of the field asking for the reader's Mastodon server.
    pub mastodon_server: &'static str,
    /// Said when the field does not hold a server name.
    pub mastodon_invalid: &'static str,
    /// Submits the Mastodon server and shares.
    pub mastodon_share: &'static str,
    /// Lets the reader name another Mastodon server than the remembered one.
    pub mastodon_change: &'static str,
    /// Closes a form or panel without sharing.
    pub cancel: &'static str,
    /// Offered while text of the article is selected.
    pub share_quote: &'static str,
    /// Accessible name of the panel sharing a quote.
    pub quote_panel: &'static str,
    /// The control that shows the embed code (article pages, demo).
    pub embed: &'static str,
    /// Explains the embed code.
    pub embed_hint: &'static str,
    /// Copies the embed code.
    pub copy_code: &'static str,
    /// Announced when the embed code is on the clipboard.
    pub code_copied: &'static str,
    /// Shown when the clipboard refused the embed code (it is then selected).
    pub code_copy_failed: &'static str,
}

const EN: UiStrings = UiStrings {
    lang: "en",
    notes: "Notes",
    note: "Note",
    close_note: "Close note",
    back_to_text: "Back to the text",
    number: "No.",
    and: "and",
    cannot_show: "This commentary cannot be shown here.",
    invalid_document: "The document is damaged",
    cannot_load: "The document could not be loaded",
    read_original: "Read it on the publisher's site:",
    // Sharing (issue 6).
    share: "Share",
    share_native: "Share…",
    email: "E-mail",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Copy failed: select the link and copy it",
    mastodon_server: "Your Mastodon server",
    mastodon_invalid: "Enter a server name such as mastodon.social",
    mastodon_share: "Share on Mastodon",
    mastodon_change: "Other server",
    cancel: "Cancel",
    share_quote: "Share quote",
    quote_panel: "Share this quote",
    embed: "Embed",
    embed_hint: "Paste this code into your page to show this commentary there.",
    copy_code: "Copy code",
    code_copied: "Code copied",
    code_copy_failed: "Copy failed: the code is selected, copy it with Ctrl+C",
};

const TR: UiStrings = UiStrings {
    lang: "tr",
    notes: "Dipnotlar",
    note: "Dipnot",
    close_note: "Dipnotu kapat",
    back_to_text: "Metne dön",
    number: "No:",
    and: "ve",
    cannot_show: "Bu yorum burada gösterilemiyor.",
    invalid_document: "Belge bozuk",
    cannot_load: "Belge yüklenemedi",
    read_original: "Yayıncının sitesinde okuyun:",
    // Sharing (issue 6).
    share: "Paylaş",
    share_native: "Paylaş…",
    email: "E-posta",
    copy_link: "Bağlantıyı kopyala",
    link_copied: "Bağlantı kopyalandı",
    copy_failed: "Kopyalanamadı: bağlantıyı seçip kopyalayın",
    mastodon_server: "Mastodon sunucunuz",
    mastodon_invalid: "mastodon.social gibi bir sunucu adı yazın",
    mastodon_share: "Mastodon'da paylaş",
    mastodon_change: "Başka sunucu",
    cancel: "Vazgeç",
    share_quote: "Alıntıyı paylaş",
    quote_panel: "Bu alıntıyı paylaş",
    embed: "Sitenize ekleyin",
    embed_hint: "Bu yorumu sitenizde göstermek için bu kodu sayfanıza yapıştırın.",
    copy_code: "Kodu kopyala",
    code_copied: "Kod kopyalandı",
    code_copy_failed: "Kopyalanamadı: kod seçili, Ctrl+C ile kopyalayın",
};

const RU: UiStrings = UiStrings {
    lang: "ru",
    notes: "Примечания",
    note: "Примечание",
    close_note: "Закрыть примечание",
    back_to_text: "Вернуться к тексту",
    number: "№",
    and: "и",
    cannot_show: "Этот комментарий не удаётся показать здесь.",
    invalid_document: "Документ повреждён",
    cannot_load: "Не удалось загрузить документ",
    read_original: "Читайте на сайте издателя:",
    // Sharing (issue 6).
    share: "Поделиться",
    share_native: "Поделиться…",
    email: "Эл. почта",
    copy_link: "Копировать ссылку",
    link_copied: "Ссылка скопирована",
    copy_failed: "Не удалось скопировать: выделите ссылку и скопируйте её",
    mastodon_server: "Ваш сервер Mastodon",
    mastodon_invalid: "Введите имя сервера, например mastodon.social",
    mastodon_share: "Поделиться в Mastodon",
    mastodon_change: "Другой сервер",
    cancel: "Отмена",
    share_quote: "Поделиться цитатой",
    quote_panel: "Поделиться этой цитатой",
    embed: "Встроить",
    embed_hint: "Вставьте этот код на свою страницу, чтобы показать там этот комментарий.",
    copy_code: "Копировать код",
    code_copied: "Код скопирован",
    code_copy_failed: "Не удалось скопировать: код выделен, скопируйте его с помощью Ctrl+C",
};

const AZ: UiStrings = UiStrings {
    lang: "az",
    notes: "Qeydlər",
    note: "Qeyd",
    close_note: "Qeydi bağla",
    back_to_text: "Mətnə qayıt",
    number: "№",
    and: "və",
    cannot_show: "Bu şərhi burada göstərmək mümkün deyil.",
    invalid_document: "Sənəd zədələnib",
    cannot_load: "Sənədi yükləmək mümkün olmadı",
    read_original: "Naşirin saytında oxuyun:",
    // Sharing (issue 6).
    share: "Paylaş",
    share_native: "Paylaş…",
    email: "E-poçt",
    copy_link: "Keçidi kopyala",
    link_copied: "Keçid kopyalandı",
    copy_failed: "Kopyalamaq olmadı: keçidi seçib kopyalayın",
    mastodon_server: "Mastodon serveriniz",
    mastodon_invalid: "mastodon.social kimi server adı yazın",
    mastodon_share: "Mastodon-da paylaş",
    mastodon_change: "Başqa server",
    cancel: "İmtina",
    share_quote: "Sitatı paylaş",
    quote_panel: "Bu sitatı paylaş",
    embed: "Sayta yerləşdir",
    embed_hint: "Bu şərhi saytınızda göstərmək üçün bu kodu səhifənizə yapışdırın.",
    copy_code: "Kodu kopyala",
    code_copied: "Kod kopyalandı",
    code_copy_failed: "Kopyalamaq olmadı: kod seçilib, Ctrl+C ilə kopyalayın",
};

/// The UI strings for a language tag: its language when the UI speaks it, else English.
///
/// # Example
/// ```
/// use commentary_embed::domain::ui_strings;
/// assert_eq!(ui_strings("tr-TR").notes, "Dipnotlar");
/// assert_eq!(ui_strings("de").notes, "Notes");
/// ```
pub fn ui_strings(lang: &str) -> &'static UiStrings {
    match primary_subtag(lang).as_str() {
        "tr" => &TR,
        "ru" => &RU,
        "az" => &AZ,
        _ => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_string() {
        for s in [EN, TR, RU, AZ] {
            let all = [
                s.notes,
                s.note,
                s.close_note,
                s.back_to_text,
                s.number,
                s.and,
                s.cannot_show,
                s.invalid_document,
                s.cannot_load,
                s.read_original,
                s.share,
                s.share_native,
                s.email,
                s.copy_link,
                s.link_copied,
                s.copy_failed,
                s.mastodon_server,
                s.mastodon_invalid,
                s.mastodon_share,
                s.mastodon_change,
                s.cancel,
                s.share_quote,
                s.quote_panel,
                s.embed,
                s.embed_hint,
                s.copy_code,
                s.code_copied,
                s.code_copy_failed,
            ];
            assert!(
                all.iter().all(|t| !t.trim().is_empty()),
                "{} has an empty string",
                s.lang
            );
            assert_eq!(ui_strings(s.lang).lang, s.lang);
        }
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(ui_strings("fr").lang, "en");
        assert_eq!(ui_strings("").lang, "en");
    }
}

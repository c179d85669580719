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
    // --- Citations ---
    /// The cite button.
    pub cite: &'static str,
    /// The cite panel's accessible name.
    pub cite_this: &'static str,
    /// Label of the publisher's house style.
    pub house_style: &'static str,
    /// Copies a citation.
    pub copy: &'static str,
    /// Announced after a copy, before the style's name.
    pub copied: &'static str,
    /// Shown when the clipboard cannot be written: the citation is selected instead.
    pub copy_by_hand: &'static str,
    /// Downloads an export as a file.
    pub download: &'static str,
    /// Cite the shown translation.
    pub cite_translation: &'static str,
    /// Cite the original instead.
    pub cite_original: &'static str,
    /// Marks the style used last.
    pub last_used: &'static str,
    /// Accessible name of the language toggle (the group of one button per version).
    pub languages: &'static str,
    /// The byline's mark of the original, when there are translations.
    pub original_text: &'static str,
    /// The byline's mark of a translation, by the original's language: "Translated from
    /// Turkish". The original's version is a click away on it.
    pub translated_from: PerUiLanguage,
    /// The same for an original in a language the UI does not name: before and after the
    /// original's own name ("Translated from " "Deutsch" "").
    pub translated_from_other: (&'static str, &'static str),
    /// Before and after the translator's name: " by " "Jane Example" "".
    pub translated_by: (&'static str, &'static str),
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
    /// Heads the script form of the embed code (the in-page widget).
    pub embed_script: &'static str,
    /// Heads the framed form of the embed code (for sites that allow no script: WordPress).
    pub embed_frame: &'static str,
    /// Shown when the page does not let the widget open a window (a sandboxed frame); the
    /// link follows, selected, to copy.
    pub window_blocked: &'static str,
    /// Shown when the page does not let the widget save a file (a sandboxed frame); the text
    /// follows, selected, to copy.
    pub download_blocked: &'static str,
    // Reading modes (issue 14).
    /// The control that shows two versions side by side (`part="parallel-toggle"`).
    pub side_by_side: &'static str,
    /// Labels the choice of the second column's version.
    pub compare_with: &'static str,
    /// Accessible name of the side-by-side view, before the two languages.
    pub parallel_view: &'static str,
}

/// One string for each language the UI speaks: a language left out does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PerUiLanguage {
    pub en: &'static str,
    pub tr: &'static str,
    pub ru: &'static str,
    pub az: &'static str,
}

impl PerUiLanguage {
    /// The string for the language of `tag`, when the UI speaks it.
    pub fn get(&self, tag: &str) -> Option<&'static str> {
        match primary_subtag(tag).as_str() {
            "en" => Some(self.en),
            "tr" => Some(self.tr),
            "ru" => Some(self.ru),
            "az" => Some(self.az),
            _ => None,
        }
    }

    #[cfg(test)]
    fn all(&self) -> [&'static str; 4] {
        [self.en, self.tr, self.ru, self.az]
    }
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
    cite: "Cite",
    cite_this: "Cite this commentary",
    house_style: "Publisher's style",
    copy: "Copy",
    copied: "Copied",
    copy_by_hand: "Copying is not allowed here. The citation is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
    download: "Download",
    cite_translation: "This translation",
    cite_original: "The original",
    last_used: "last used",
    languages: "Language",
    original_text: "Original text",
    translated_from: PerUiLanguage {
        en: "Translated from English",
        tr: "Translated from Turkish",
        ru: "Translated from Russian",
        az: "Translated from Azerbaijani",
    },
    translated_from_other: ("Translated from ", ""),
    translated_by: (" by ", ""),
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
    embed_script: "With a script tag (the full widget in your page):",
    embed_frame: "Without a script (WordPress and sites that allow no scripts): a frame",
    window_blocked: "This site does not let the commentary open new windows. Copy the link:",
    download_blocked: "This site does not let the commentary save files. Copy the text:",
    side_by_side: "Side by side",
    compare_with: "Compare with",
    parallel_view: "Side by side:",
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
    cite: "Kaynak göster",
    cite_this: "Bu yorumu kaynak olarak göster",
    house_style: "Yayıncının biçimi",
    copy: "Kopyala",
    copied: "Kopyalandı",
    copy_by_hand: "Burada kopyalamaya izin verilmiyor. Kaynak metni seçildi: kopyalamak için Ctrl+C (Mac'te ⌘C) tuşlarına basın.",
    download: "İndir",
    cite_translation: "Bu çeviri",
    cite_original: "Özgün metin",
    last_used: "son kullanılan",
    languages: "Dil",
    original_text: "Orijinal metin",
    translated_from: PerUiLanguage {
        en: "İngilizceden çevrilmiştir",
        tr: "Türkçeden çevrilmiştir",
        ru: "Rusçadan çevrilmiştir",
        az: "Azerbaycan Türkçesinden çevrilmiştir",
    },
    translated_from_other: ("", " dilinden çevrilmiştir"),
    translated_by: (" (çeviren: ", ")"),
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
    embed_script: "Betik etiketiyle (sayfanızda tam bileşen):",
    embed_frame: "Betik olmadan (WordPress ve betiğe izin vermeyen siteler): çerçeve",
    window_blocked: "Bu site, yorumun yeni pencere açmasına izin vermiyor. Bağlantıyı kopyalayın:",
    download_blocked: "Bu site, yorumun dosya kaydetmesine izin vermiyor. Metni kopyalayın:",
    side_by_side: "Yan yana",
    compare_with: "Karşılaştır",
    parallel_view: "Yan yana:",
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
    cite: "Цитировать",
    cite_this: "Цитировать этот комментарий",
    house_style: "Стиль издателя",
    copy: "Копировать",
    copied: "Скопировано",
    copy_by_hand: "Копирование здесь запрещено. Ссылка выделена: нажмите Ctrl+C (⌘C на Mac), чтобы скопировать её.",
    download: "Скачать",
    cite_translation: "Этот перевод",
    cite_original: "Оригинал",
    last_used: "последний",
    languages: "Язык",
    original_text: "Оригинал",
    translated_from: PerUiLanguage {
        en: "Перевод с английского",
        tr: "Перевод с турецкого",
        ru: "Перевод с русского",
        az: "Перевод с азербайджанского",
    },
    translated_from_other: ("Перевод с оригинала (", ")"),
    translated_by: (" (переводчик: ", ")"),
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
    embed_script: "Со скриптом (полный виджет на вашей странице):",
    embed_frame: "Без скрипта (WordPress и сайты, где скрипты запрещены): фрейм",
    window_blocked: "Этот сайт не разрешает комментарию открывать новые окна. Скопируйте ссылку:",
    download_blocked: "Этот сайт не разрешает комментарию сохранять файлы. Скопируйте текст:",
    side_by_side: "Рядом",
    compare_with: "Сравнить с",
    parallel_view: "Рядом:",
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
    cite: "İstinad et",
    cite_this: "Bu şərhə istinad et",
    house_style: "Naşirin üslubu",
    copy: "Kopyala",
    copied: "Kopyalandı",
    copy_by_hand: "Burada kopyalamaq mümkün deyil. İstinad seçildi: kopyalamaq üçün Ctrl+C (Mac-da ⌘C) düymələrini basın.",
    download: "Yüklə",
    cite_translation: "Bu tərcümə",
    cite_original: "Orijinal",
    last_used: "sonuncu",
    languages: "Dil",
    original_text: "Orijinal mətn",
    translated_from: PerUiLanguage {
        en: "İngilis dilindən tərcümə",
        tr: "Türk dilindən tərcümə",
        ru: "Rus dilindən tərcümə",
        az: "Azərbaycan dilindən tərcümə",
    },
    translated_from_other: ("", " dilindən tərcümə"),
    translated_by: (" (tərcüməçi: ", ")"),
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
    embed_script: "Skript teqi ilə (səhifənizdə tam vidcet):",
    embed_frame: "Skriptsiz (WordPress və skriptə icazə verməyən saytlar): çərçivə",
    window_blocked: "Bu sayt şərhə yeni pəncərə açmağa icazə vermir. Keçidi kopyalayın:",
    download_blocked: "Bu sayt şərhə fayl saxlamağa icazə vermir. Mətni kopyalayın:",
    side_by_side: "Yanaşı",
    compare_with: "Müqayisə et",
    parallel_view: "Yanaşı:",
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
                s.cite,
                s.cite_this,
                s.house_style,
                s.copy,
                s.copied,
                s.copy_by_hand,
                s.download,
                s.cite_translation,
                s.cite_original,
                s.last_used,
                s.languages,
                s.original_text,
                s.translated_by.0,
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
                s.embed_script,
                s.embed_frame,
                s.window_blocked,
                s.download_blocked,
            ];
            let (before, after) = s.translated_from_other;
            assert!(!format!("{before}{after}").trim().is_empty(), "{}", s.lang);
            assert!(
                all.iter()
                    .chain(&s.translated_from.all())
                    .all(|t| !t.trim().is_empty()),
                "{} has an empty string",
                s.lang
            );
            assert_eq!(ui_strings(s.lang).lang, s.lang);
        }
    }

    #[test]
    fn each_ui_language_names_each_original_language() {
        assert_eq!(
            TR.translated_from.get("en"),
            Some("İngilizceden çevrilmiştir")
        );
        assert_eq!(
            EN.translated_from.get("tr-TR"),
            Some("Translated from Turkish")
        );
        assert_eq!(
            RU.translated_from.get("az"),
            Some("Перевод с азербайджанского")
        );
        assert_eq!(AZ.translated_from.get("ru"), Some("Rus dilindən tərcümə"));
        assert_eq!(EN.translated_from.get("de"), None);
        // No two original languages read the same.
        for s in [EN, TR, RU, AZ] {
            let all = s.translated_from.all();
            for (i, a) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(a), "{}: {a} twice", s.lang);
            }
        }
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(ui_strings("fr").lang, "en");
        assert_eq!(ui_strings("").lang, "en");
    }
}

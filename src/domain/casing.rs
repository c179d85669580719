//! Upper- and lower-casing that know Turkish and Azerbaijani: `i` → `İ`, `ı` → `I` and back
//! (plain `str::to_uppercase` gives `I` for both, losing the dot that tells the two letters
//! apart; plain `str::to_lowercase` turns `I` into `i` and `İ` into `i̇`).

use super::primary_subtag;

/// Whether `lang` (a tag) is written with the Turkic dotted and dotless i.
pub fn has_dotted_i(lang: &str) -> bool {
    matches!(
        primary_subtag(lang).as_str(),
        "tr" | "az" | "crh" | "tt" | "kk" | "ba"
    )
}

/// `text` upper-cased for a reader of `lang`. In Turkish and Azerbaijani, `i` becomes `İ` and
/// `ı` becomes `I`. In other languages a word that holds a letter only Turkic alphabets use
/// (ğ, ı, ş, ə, İ) is a Turkish name such as "Türkiye" and keeps its dotted capital: "TÜRKİYE",
/// as Turkish publishers write it in English titles.
///
/// # Example
/// ```
/// use commentary_embed::domain::upper_case;
/// assert_eq!(upper_case("istanbul ılık", "tr"), "İSTANBUL ILIK");
/// assert_eq!(upper_case("Solidarity in Türkiye", "en"), "SOLIDARITY IN TÜRKİYE");
/// ```
pub fn upper_case(text: &str, lang: &str) -> String {
    let turkic = has_dotted_i(lang);
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word_turkic = turkic
            || word.contains(['ğ', 'Ğ', 'ı', 'İ', 'ş', 'Ş', 'ə', 'Ə'])
            || (word.contains(['ü', 'Ü']) && looks_turkish(word));
        for c in word.chars() {
            match c {
                'i' if word_turkic => out.push('İ'),
                'ı' => out.push('I'),
                c => out.extend(c.to_uppercase()),
            }
        }
    }
    out
}

/// A word with ü is Turkish in an English or Russian text ("Türkiye", "Büyük") unless it reads
/// like German: the diphthongs `ei`, `ie` and the ending `lich` are foreign to Turkish.
fn looks_turkish(word: &str) -> bool {
    let lower = word.to_lowercase();
    !(lower.contains("ei") || lower.contains("ie") || lower.contains("lich"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_and_azerbaijani_keep_the_dot() {
        assert_eq!(upper_case("İlaha Khantamirova", "tr"), "İLAHA KHANTAMİROVA");
        assert_eq!(upper_case("ılık iş", "tr"), "ILIK İŞ");
        assert_eq!(
            upper_case("Azərbaycan istiqlal", "az"),
            "AZƏRBAYCAN İSTİQLAL"
        );
    }

    #[test]
    fn english_stays_english_but_turkish_names_keep_their_dot() {
        assert_eq!(
            upper_case(
                "The Solidarity Among Turkic States Targeted Through Türkiye-Azerbaijan Relations",
                "en"
            ),
            "THE SOLIDARITY AMONG TURKIC STATES TARGETED THROUGH TÜRKİYE-AZERBAIJAN RELATIONS"
        );
        assert_eq!(
            upper_case("Khantamirova, Büchlein, Şişli", "en"),
            "KHANTAMIROVA, BÜCHLEIN, ŞİŞLİ"
        );
        assert_eq!(upper_case("привет", "ru"), "ПРИВЕТ");
    }
}

//! The reader's languages, as the browser knows them.

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::primary_subtag;

/// The browser's preferred languages, most preferred first (`navigator.languages`); empty when
/// the browser tells none.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The browser's own name of a language in that language (`Intl.DisplayNames`), capitalised to
/// start a label by that language's rules (the browser's `toLocaleUpperCase`, so `i` becomes `İ`
/// in Turkish and Azerbaijani), for languages the widget's table does not know; `None` when the
/// browser cannot tell. (The browser's casing, not `domain::capitalize`: the same rules without
/// Unicode's case tables in the wasm.)
pub fn browser_language_name(tag: &str) -> Option<String> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &"language".into()).ok()?;
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let names =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&locales, &options)).ok()?;
    let of: js_sys::Function = js_sys::Reflect::get(&names, &"of".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // A browser without data for the language answers in another (English, say): not its own name.
    let resolved: js_sys::Function = js_sys::Reflect::get(&names, &"resolvedOptions".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let resolved = js_sys::Reflect::get(&resolved.call0(&names).ok()?, &"locale".into()).ok()?;
    if primary_subtag(&resolved.as_string()?) != primary_subtag(tag) {
        return None;
    }
    let name = of
        .call1(&names, &JsValue::from_str(tag))
        .ok()?
        .as_string()?;
    // An unknown language comes back as its tag.
    if name.eq_ignore_ascii_case(tag) || name.trim().is_empty() {
        return None;
    }
    let mut chars = name.chars();
    let first = chars.next()?.to_string();
    let first = js_sys::JsString::from(first).to_locale_upper_case(Some(tag));
    Some(String::from(first) + chars.as_str())
}

//! The `<commentary-embed>` element's Rust half: the loader (`public/commentary-embed.js`)
//! defines the element and calls [`mount`] when one is connected, [`Widget::attribute_changed`]
//! when an observed attribute changes, and [`Widget::unmount`] when it leaves the page.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::browser::DocumentService;
use crate::components::{CommentaryWidget, WidgetConfig};

/// The attributes the element observes (CONTRACTS §3); the loader's `observedAttributes` lists
/// the same.
const OBSERVED: [&str; 7] = [
    "src",
    "lang",
    "theme",
    "share-url",
    "embed-code",
    "reading",
    "notes",
];

/// One mounted widget. Dropping it (or calling [`Widget::unmount`]) removes its view and its
/// reactive state; the shadow root stays, empty, for a later re-connection.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<Box<dyn Any>>,
    src: ArcRwSignal<Option<String>>,
    lang: ArcRwSignal<Option<String>>,
    theme: ArcRwSignal<Option<String>>,
    share_url: ArcRwSignal<Option<String>>,
    embed_code: ArcRwSignal<Option<String>>,
    reading: ArcRwSignal<Option<String>>,
    notes: ArcRwSignal<Option<String>>,
}

/// Renders a widget into `host`'s open shadow root (attached on first use), styled by the
/// stylesheet at `css_href`, fetching its documents through the loader's `documents` service
/// (shared by every widget on the page).
///
/// # Errors
/// A JavaScript error when the shadow root or the mount point cannot be made (the host is not an
/// element that accepts a shadow root); the loader shows it in place of the widget.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    css_href: String,
    documents: DocumentService,
) -> Result<Widget, JsValue> {
    let shadow = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element has no document"))?;
    let mount_point: HtmlElement = document.create_element("div")?.unchecked_into();
    mount_point.set_class_name("ce-mount");
    shadow.append_child(&mount_point)?;

    let attribute = |name: &str| ArcRwSignal::new(host.get_attribute(name));
    let [src, lang, theme, share_url, embed_code, reading, notes] = OBSERVED.map(attribute);
    let config = WidgetConfig {
        src: src.read_only().into(),
        lang: lang.read_only().into(),
        theme: theme.read_only().into(),
        share_url: share_url.read_only().into(),
        embed_code: embed_code.read_only().into(),
        reading: reading.read_only().into(),
        notes: notes.read_only().into(),
    };
    let handle = leptos::mount::mount_to(mount_point, move || {
        view! { <CommentaryWidget host=host config=config css_href=css_href documents=documents /> }
    });
    Ok(Widget {
        handle: Some(Box::new(handle)),
        src,
        lang,
        theme,
        share_url,
        embed_code,
        reading,
        notes,
    })
}

#[wasm_bindgen]
impl Widget {
    /// Tells the widget that an observed attribute changed (`None`: removed).
    pub fn attribute_changed(&self, name: &str, value: Option<String>) {
        let signal = match name {
            "src" => &self.src,
            "lang" => &self.lang,
            "theme" => &self.theme,
            "share-url" => &self.share_url,
            "embed-code" => &self.embed_code,
            "reading" => &self.reading,
            "notes" => &self.notes,
            _ => return,
        };
        if signal.get_untracked() != value {
            signal.set(value);
        }
    }

    /// Removes the view and its reactive state.
    pub fn unmount(&mut self) {
        self.handle = None;
    }
}

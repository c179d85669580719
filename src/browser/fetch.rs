//! Documents: requested through the loader's document service (`documents` in
//! `public/commentary-embed.js`), which fetches each URL once for the whole page, with the
//! stall timeouts of CONTRACTS §9, and aborts a request no widget wants any more; decoded here
//! once per response, so that fifty widgets of one `src` share one [`Document`].
//!
//! Whether to retry, and what to tell the page, is [`crate::domain::Lifecycle`]'s to decide.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::{read_document, Document, Failure};

#[wasm_bindgen]
extern "C" {
    /// The loader's document service: `request(src)` answers a [`DocumentRequest`].
    #[derive(Clone)]
    pub type DocumentService;
    #[wasm_bindgen(method, catch)]
    fn request(this: &DocumentService, src: &str, attempt: u32) -> Result<JsRequest, JsValue>;

    type JsRequest;
    #[wasm_bindgen(method, getter)]
    fn outcome(this: &JsRequest) -> Promise;
    #[wasm_bindgen(method)]
    fn release(this: &JsRequest);
}

/// What a request came to.
#[derive(Clone, Debug)]
pub enum Fetched {
    Document(Arc<Document>),
    Failed(Failure),
    Aborted,
}

/// One widget's hold on a document request: dropping it releases the request, which the
/// service aborts when no other widget holds it.
pub struct DocumentRequest {
    request: Option<JsRequest>,
    src: String,
}

impl Drop for DocumentRequest {
    fn drop(&mut self) {
        if let Some(request) = self.request.take() {
            request.release();
        }
    }
}

/// Asks `service` for the document at `src`, for the `attempt`-th try (from 1): a first try may
/// share a request already made for the same URL, a retry asks the server again.
pub fn request_document(service: &DocumentService, src: &str, attempt: u32) -> DocumentRequest {
    DocumentRequest {
        request: service.request(src, attempt).ok(),
        src: src.to_owned(),
    }
}

impl DocumentRequest {
    /// The outcome, to await (it never fails: a failure is [`Fetched::Failed`]). The future does
    /// not hold the request: dropping the [`DocumentRequest`] still releases it while the future
    /// waits, which then comes to [`Fetched::Aborted`] if that was the last hold.
    pub fn outcome(&self) -> impl std::future::Future<Output = Fetched> + 'static {
        let promise = self.request.as_ref().map(JsRequest::outcome);
        let src = self.src.clone();
        async move {
            let Some(promise) = promise else {
                return Fetched::Failed(Failure::Network(format!(
                    "could not fetch {src}: the document service refused"
                )));
            };
            let Ok(value) = JsFuture::from(promise).await else {
                return Fetched::Failed(Failure::Network(format!("could not fetch {src}")));
            };
            let field = |name: &str| Reflect::get(&value, &JsValue::from_str(name)).ok();
            let text = |name: &str| field(name).and_then(|v| v.as_string()).unwrap_or_default();
            match text("kind").as_str() {
                "document" => match field("value") {
                    Some(json) => decode_shared(&json),
                    None => Fetched::Failed(Failure::Invalid(format!("{src} is empty"))),
                },
                "http" => Fetched::Failed(Failure::Http {
                    status: field("status")
                        .and_then(|s| s.as_f64())
                        .map_or(0, |s| s as u16),
                    message: text("message"),
                }),
                "invalid" => Fetched::Failed(Failure::Invalid(text("message"))),
                "aborted" => Fetched::Aborted,
                _ => Fetched::Failed(Failure::Network(text("message"))),
            }
        }
    }
}

thread_local! {
    /// Documents decoded from a parsed response, kept while a widget shows them: the same
    /// response (the same JavaScript object) is decoded once.
    static DECODED: RefCell<Vec<(JsValue, Weak<Document>)>> = const { RefCell::new(Vec::new()) };
}

fn decode_shared(json: &JsValue) -> Fetched {
    let known = DECODED.with(|d| {
        let mut d = d.borrow_mut();
        d.retain(|(_, doc)| doc.strong_count() > 0);
        d.iter()
            .find(|(value, _)| value == json)
            .and_then(|(_, doc)| doc.upgrade())
    });
    if let Some(document) = known {
        return Fetched::Document(document);
    }
    match read_document(json) {
        Ok(document) => {
            let document = Arc::new(document);
            DECODED.with(|d| {
                d.borrow_mut()
                    .push((json.clone(), Arc::downgrade(&document)))
            });
            Fetched::Document(document)
        }
        Err(message) => Fetched::Failed(Failure::Invalid(message)),
    }
}

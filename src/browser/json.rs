//! The document decoder's view of a value from `JSON.parse`: own properties only, `null` as
//! missing ([`JsonNode`] for `JsValue`).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::JsonNode;

impl JsonNode for JsValue {
    fn get(&self, key: &str) -> Option<Self> {
        let object = self
            .dyn_ref::<Object>()
            .filter(|_| !Array::is_array(self))?;
        let key = JsValue::from_str(key);
        if !Object::has_own(object, &key) {
            return None;
        }
        Reflect::get(object, &key)
            .ok()
            .filter(|v| !v.is_null() && !v.is_undefined())
    }
    fn is_object(&self) -> bool {
        self.is_object() && !Array::is_array(self)
    }
    fn as_str(&self) -> Option<String> {
        self.as_string()
    }
    fn as_f64(&self) -> Option<f64> {
        JsValue::as_f64(self)
    }
    fn as_bool(&self) -> Option<bool> {
        JsValue::as_bool(self)
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.dyn_ref::<Array>().map(|a| a.iter().collect())
    }
    fn keys(&self) -> Option<Vec<String>> {
        if !JsonNode::is_object(self) {
            return None;
        }
        let object = self.dyn_ref::<Object>()?;
        Some(
            Object::keys(object)
                .iter()
                .filter_map(|k| k.as_string())
                .collect(),
        )
    }
}

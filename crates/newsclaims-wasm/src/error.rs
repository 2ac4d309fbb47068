//! Errors as real JavaScript `Error`s with a stable `code` property.
//!
//! A thrown string has no stack and no code; an `Error` with `code` set lets callers
//! branch on `err.code` (the core's [`newsclaims::ErrorKind::as_str`]) while the
//! message stays human-readable (STYLE.md section 6).

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// The code of the one error that is not the caller's fault: a result that could
/// not be turned into JavaScript values. It should never be seen.
pub const INTERNAL: &str = "internal";

/// A `js_sys::Error` with `message` and a `code` property.
pub fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail (it is not frozen);
    // if it ever did, the error would still carry its message.
    let set = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    debug_assert!(set.is_ok(), "cannot set `code` on an Error");
    error.into()
}

/// The JavaScript form of a core error.
pub fn to_js_error(error: &newsclaims::Error) -> JsValue {
    js_error(error.code(), error.message())
}

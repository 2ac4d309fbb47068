//! Reading JavaScript arguments and writing results as plain JavaScript objects.
//!
//! Arguments arrive as `JsValue` so that a wrong type gives our own error with a
//! code (`invalid_input`, `invalid_options`) rather than wasm-bindgen's generic one.
//! Results are the core's own serde types, offsets converted to UTF-16 units by
//! [`newsclaims::offsets::to_utf16`]: one documented JSON shape for Rust, the CLI
//! and JavaScript (issue #6).

use newsclaims::{ArticleMeta, Error, ErrorKind, MAX_INPUT_BYTES};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{js_error, INTERNAL};

/// Reads the text argument: a string no larger than the core accepts.
pub fn read_text(value: &JsValue, what: &str) -> Result<String, Error> {
    // Each UTF-16 unit is at least one UTF-8 byte, so a string with more units than
    // the byte limit is too large: refuse it before copying it into wasm memory.
    if let Some(units) = value
        .dyn_ref::<js_sys::JsString>()
        .map(js_sys::JsString::length)
    {
        if units as usize > MAX_INPUT_BYTES {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!(
                    "{what} is {units} UTF-16 units, more than the limit of {MAX_INPUT_BYTES} bytes"
                ),
            ));
        }
    }
    value.as_string().ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidInput,
            format!("{what} must be a string, not {}", type_name(value)),
        )
    })
}

/// Reads the options of `analyze`: `undefined`, `null` or an object with only
/// the fields of [`ArticleMeta`] (`id`, `url`, `outlet`, `published`).
pub fn read_options(value: &JsValue) -> Result<ArticleMeta, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(ArticleMeta::default());
    }
    if !is_plain_object(value) {
        return Err(Error::new(
            ErrorKind::InvalidOptions,
            format!("options must be an object, not {}", type_name(value)),
        ));
    }
    check_keys(value, &[], "", "option")?;
    read_meta(value, "invalid options")
}

/// Reads one article of `compare`; on failure, the id to list it under.
///
/// An article without an `id` gets its position in the list (`"0"`, `"1"`, ...),
/// so that claims in the story can name their article.
pub fn read_article(
    value: &JsValue,
    index: usize,
) -> Result<(String, ArticleMeta), (String, Error)> {
    let position = index.to_string();
    if !is_plain_object(value) {
        let error = Error::new(
            ErrorKind::InvalidInput,
            format!(
                "article {index} must be an object with a `text`, not {}",
                type_name(value)
            ),
        );
        return Err((position, error));
    }
    // The id, if it is a string, names the failure even when other fields are bad.
    let id = js_sys::Reflect::get(value, &JsValue::from_str("id"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or(position);
    let fail = |error: Error| (id.clone(), error);
    check_keys(value, &["text"], &format!("article {index}: "), "key").map_err(fail)?;
    let mut meta = read_meta(value, &format!("article {index}")).map_err(fail)?;
    let text_value =
        js_sys::Reflect::get(value, &JsValue::from_str("text")).unwrap_or(JsValue::UNDEFINED);
    let text = read_text(&text_value, &format!("article {index}'s text")).map_err(fail)?;
    meta.id = Some(id);
    Ok((text, meta))
}

/// Deserialises the fields of [`ArticleMeta`] from an object (other keys are
/// checked by [`check_keys`]: serde-wasm-bindgen reads only the fields it knows,
/// so `deny_unknown_fields` cannot see them).
fn read_meta(value: &JsValue, context: &str) -> Result<ArticleMeta, Error> {
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| Error::new(ErrorKind::InvalidOptions, format!("{context}: {e}")))
}

/// Fails with `invalid_options` on a key that is neither a field of
/// [`ArticleMeta`] nor in `extra`. The fields are read off the serialised default,
/// so the list follows the core type.
fn check_keys(value: &JsValue, extra: &[&str], prefix: &str, noun: &str) -> Result<(), Error> {
    let known: Vec<String> = to_js(&ArticleMeta::default())
        .ok()
        .and_then(|o| o.dyn_into::<js_sys::Object>().ok())
        .map(|o| {
            js_sys::Object::keys(&o)
                .iter()
                .filter_map(|k| k.as_string())
                .collect()
        })
        .unwrap_or_default();
    debug_assert!(!known.is_empty(), "ArticleMeta serialised to no keys");
    let Some(object) = value.dyn_ref::<js_sys::Object>() else {
        return Ok(());
    };
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key) && !extra.contains(&key.as_str()) {
            let mut expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            expected.extend(extra.iter().map(|k| format!("`{k}`")));
            return Err(Error::new(
                ErrorKind::InvalidOptions,
                format!(
                    "{prefix}unknown {noun} `{key}`, expected one of {}",
                    expected.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Serialises a result as plain objects: maps as objects, `None` as `null` (as in
/// the JSON), numbers as `number`.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| js_error(INTERNAL, &format!("cannot convert the result: {e}")))
}

/// An object that is not an array (arrays are objects to JavaScript).
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

/// What a wrong argument was, for messages.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(value) {
        "an array".to_string()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".to_string())
    }
}

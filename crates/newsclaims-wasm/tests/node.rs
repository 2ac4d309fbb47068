//! Conversions and errors of the binding, run inside wasm by Node
//! (`cargo xtask test`, via wasm-bindgen-test-runner). Behaviour is tested from
//! JavaScript in the repository's tests/ (STYLE.md section 8).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use newsclaims_wasm::{analyze, compare, sample_story, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn code_of(error: JsValue) -> String {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {error:?}"
    );
    get(&error, "code").as_string().unwrap()
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// JavaScript's `text.slice(start, end)`.
fn js_slice(text: &str, start: &JsValue, end: &JsValue) -> String {
    JsString::from(text)
        .slice(start.as_f64().unwrap() as u32, end.as_f64().unwrap() as u32)
        .into()
}

#[wasm_bindgen_test]
fn offsets_are_utf16() {
    let text = "Talks in 東京 stall 🇺🇦\n\n\u{201c}We will not sign,\u{201d} said Minister Zoë Haddad on Monday.";
    let result = analyze(JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
    let paragraphs: Array = get(&get(&result, "article"), "paragraphs")
        .dyn_into()
        .unwrap();
    assert!(paragraphs.length() > 0);
    for p in paragraphs.iter() {
        let want = get(&p, "text").as_string().unwrap();
        assert_eq!(js_slice(text, &get(&p, "start"), &get(&p, "end")), want);
    }
    let fields: Array = get(&get(&result, "article"), "fields").dyn_into().unwrap();
    for f in fields.iter() {
        let want = get(&f, "text").as_string().unwrap();
        assert_eq!(js_slice(text, &get(&f, "start"), &get(&f, "end")), want);
    }
}

#[wasm_bindgen_test]
fn results_are_plain_objects_with_null() {
    let result = analyze(JsValue::from_str("Rain fell."), JsValue::NULL).unwrap();
    assert_eq!(
        get(&result, "schema").as_string().as_deref(),
        Some("newsclaims/1")
    );
    let article = get(&result, "article");
    assert!(article.is_object() && !article.is_instance_of::<js_sys::Map>());
    assert!(get(&article, "url").is_null());
}

#[wasm_bindgen_test]
fn bad_inputs_throw_errors_with_codes() {
    let e = analyze(JsValue::from_f64(3.0), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code_of(e), "invalid_input");
    let opts = object(&[("colour", JsValue::from_str("red"))]);
    let e = analyze(JsValue::from_str("Text."), opts).unwrap_err();
    assert_eq!(code_of(e), "invalid_options");
    let e = analyze(JsValue::from_str("Text."), JsValue::from_str("opts")).unwrap_err();
    assert_eq!(code_of(e), "invalid_options");
    let opts = object(&[("published", JsValue::from_str("2025-02-30"))]);
    let e = analyze(JsValue::from_str("Text."), opts).unwrap_err();
    assert_eq!(code_of(e), "invalid_date");
    let e = compare(Array::new().into()).unwrap_err();
    assert_eq!(code_of(e), "empty_story");
    let e = compare(JsValue::from_str("not a list")).unwrap_err();
    assert_eq!(code_of(e), "invalid_input");
}

#[wasm_bindgen_test]
fn failed_articles_are_listed_not_thrown() {
    let list = Array::new();
    list.push(&object(&[
        ("id", "a".into()),
        ("text", "Rain fell.".into()),
    ]));
    list.push(&object(&[
        ("id", "b".into()),
        ("text", JsValue::from_f64(1.0)),
    ]));
    list.push(&object(&[("text", "Sun.".into()), ("color", "red".into())]));
    list.push(&JsValue::NULL);
    list.push(&object(&[("text", "Snow.".into())]));
    let story = compare(list.into()).unwrap();
    let articles: Array = get(&story, "articles").dyn_into().unwrap();
    let summary: Vec<(String, Option<String>)> = articles
        .iter()
        .map(|a| {
            let error = get(&a, "error");
            let code = (!error.is_undefined()).then(|| get(&error, "code").as_string().unwrap());
            (get(&a, "id").as_string().unwrap(), code)
        })
        .collect();
    let want = [
        ("a", None),
        ("b", Some("invalid_input")),
        ("2", Some("invalid_options")),
        ("3", Some("invalid_input")),
        ("4", None),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(i, c)| (i.to_string(), c.map(str::to_string)))
        .collect();
    assert_eq!(summary, want);
}

#[wasm_bindgen_test]
fn sample_story_compares() {
    let story = compare(sample_story().unwrap()).unwrap();
    let articles: Array = get(&story, "articles").dyn_into().unwrap();
    assert_eq!(articles.length(), 5);
    assert!(!version().is_empty());
}

//! Reading data that PyPI packages keep in Python or TOML files.
//!
//! Faker's name lists, cleanco's suffix table and nameparser's compiled
//! sets are Python literals; nameparser's vocabulary is TOML. Rather than
//! re-implement those grammars, `import` runs a short script with the
//! `python3` that `pip` already needs, reading the extracted wheel (never
//! an installed copy), and parses the JSON it prints. Nothing here runs
//! during `check` or in the library.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::{fetch, Result};

/// The helper script: `python3 -c SCRIPT <mode> <wheel root>` prints JSON.
const SCRIPT: &str = r#"
import json, os, runpy, sys
mode, root = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
out = {}
if mode == "faker":
    import importlib
    base = os.path.join(root, "faker", "providers", "person")
    for loc in sorted(os.listdir(base)):
        if loc.startswith("_") or not os.path.isdir(os.path.join(base, loc)):
            continue
        P = importlib.import_module("faker.providers.person." + loc).Provider
        names = set()
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary", "first_names_unisex"):
            v = getattr(P, attr, None)
            if isinstance(v, dict):
                v = v.keys()
            if isinstance(v, (list, tuple, set, frozenset, type({}.keys()))):
                names.update(n for n in v if isinstance(n, str))
        out[loc] = sorted(names)
elif mode == "nameparser":
    import tomllib
    vocab = os.path.join(root, "nameparser", "vocab")
    langs = {}
    for f in sorted(os.listdir(vocab)):
        if not f.endswith(".toml"):
            continue
        with open(os.path.join(vocab, f), "rb") as fh:
            d = tomllib.load(fh)
        words = []
        for w in d.get("word", []):
            ex = w.get("excluded", {})
            words.append({
                "text": w["text"],
                "readings": sorted(k for k in w if k not in ("text", "excluded")),
                "excluded": sorted(ex) if isinstance(ex, dict) else [],
            })
        langs[f[:-5]] = words
    out["vocab"] = langs
    comp = runpy.run_path(os.path.join(root, "nameparser", "config", "_compiled.py"))
    out["particles"] = sorted(comp["PARTICLES"])
elif mode == "cleanco":
    td = runpy.run_path(os.path.join(root, "cleanco", "termdata.py"))
    out["terms_by_type"] = {k: list(v) for k, v in td["terms_by_type"].items()}
else:
    sys.exit("unknown mode " + mode)
json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)
"#;

/// Runs the helper in `mode` (`faker`, `nameparser` or `cleanco`) over an
/// extracted wheel and returns the JSON it prints.
///
/// ```no_run
/// let v = newsclaims_datagen::pydump::dump("cleanco", std::path::Path::new("target/datagen-cache/cleanco-2.3")).unwrap();
/// assert!(v["terms_by_type"].is_object());
/// ```
pub fn dump(mode: &str, wheel_root: &Path) -> Result<Value> {
    let mut cmd = Command::new("python3");
    cmd.arg("-c").arg(SCRIPT).arg(mode).arg(wheel_root);
    // Keep the user's site-packages out: we read the pinned wheel only.
    cmd.env("PYTHONNOUSERSITE", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    let out = fetch::run(cmd)?;
    Ok(serde_json::from_str(&out)?)
}

/// The strings of a JSON array, skipping anything else.
///
/// ```
/// let v = serde_json::json!(["a", 1, "b"]);
/// assert_eq!(newsclaims_datagen::pydump::strings(&v), vec!["a", "b"]);
/// ```
pub fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

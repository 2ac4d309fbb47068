//! One error type for the tool: a message meant for the person running it.

use std::fmt;

/// A failure of `import` or `check`, carrying a human-readable message.
///
/// ```
/// let e = newsclaims_datagen::Error::new("npm pack failed");
/// assert_eq!(e.to_string(), "npm pack failed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Error {
    /// Builds an error from any message.
    ///
    /// ```
    /// let e = newsclaims_datagen::Error::new(format!("bad line {}", 3));
    /// assert!(e.to_string().contains('3'));
    /// ```
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(format!("i/o error: {e}"))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::new(format!("json error: {e}"))
    }
}

/// Result with the tool's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

//! The one error type of the library: a kind with a stable code, and a message.
//!
//! Only what can reject input returns `Result`; extraction itself never fails
//! (a text with nothing in it gives empty lists). The codes are stable so that the
//! JavaScript binding and the CLI can expose them unchanged.

use std::fmt;

/// What went wrong, as a stable category.
///
/// ```
/// use newsclaims::ErrorKind;
/// assert_eq!(ErrorKind::InputTooLarge.as_str(), "input_too_large");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is longer than [`crate::MAX_INPUT_BYTES`].
    InputTooLarge,
    /// The bytes given are not valid UTF-8.
    InvalidUtf8,
    /// A date given by the caller is not a valid `YYYY-MM-DD` date.
    InvalidDate,
    /// Options or metadata given by the caller are malformed or unknown.
    InvalidOptions,
    /// A comparison was asked for with no articles at all.
    EmptyStory,
    /// The input could not be read (a missing file, a closed stream).
    Unreadable,
    /// The input is of the wrong type, e.g. a text that is not a string (JavaScript).
    InvalidInput,
}

impl ErrorKind {
    /// The stable, machine-readable code of this kind, in `snake_case`.
    ///
    /// ```
    /// use newsclaims::ErrorKind;
    /// assert_eq!(ErrorKind::InvalidDate.as_str(), "invalid_date");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InputTooLarge => "input_too_large",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::InvalidDate => "invalid_date",
            ErrorKind::InvalidOptions => "invalid_options",
            ErrorKind::EmptyStory => "empty_story",
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::InvalidInput => "invalid_input",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error from the library: a [`ErrorKind`] and a human-readable message.
///
/// ```
/// use newsclaims::{analyze_bytes, ArticleMeta, ErrorKind};
/// let err = analyze_bytes(b"caf\xff", &ArticleMeta::default()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
/// assert_eq!(err.code(), "invalid_utf8");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// Makes an error of `kind` with a lowercase message without final period.
    ///
    /// ```
    /// use newsclaims::{Error, ErrorKind};
    /// let e = Error::new(ErrorKind::InvalidOptions, "unknown option `foo`");
    /// assert_eq!(e.to_string(), "unknown option `foo`");
    /// ```
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The category of the error.
    ///
    /// ```
    /// use newsclaims::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::EmptyStory, "no articles").kind(), ErrorKind::EmptyStory);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code of the error's kind, e.g. `"invalid_date"`.
    ///
    /// ```
    /// use newsclaims::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::EmptyStory, "no articles").code(), "empty_story");
    /// ```
    pub fn code(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The message alone, without the code.
    ///
    /// ```
    /// use newsclaims::{Error, ErrorKind};
    /// assert_eq!(Error::new(ErrorKind::EmptyStory, "no articles").message(), "no articles");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

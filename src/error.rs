//! The error type for calls that fail.

use std::fmt;

/// The error of a call that failed: an invalid configuration, an I/O failure,
/// a malformed input line, a corrupt store.
///
/// It is opaque: match on [`Error::kind`]. Its text never contains a whole
/// raw identifier.
///
/// ```
/// use idgraph::{Config, ErrorKind};
///
/// let err = Config::new().match_threshold(f64::NAN).validate().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidConfig);
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    line: Option<u64>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// What kind of failure an [`Error`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A [`Config`](crate::Config) value is out of range.
    InvalidConfig,
    /// Reading or writing failed.
    Io,
    /// An input line is not a valid record (malformed JSON, a missing or empty `id`).
    InvalidRecord,
    /// A record `id` appears twice in one batch.
    DuplicateId,
    /// A record id that the graph does not hold.
    UnknownRecord,
    /// A command-line or serve command is malformed.
    InvalidCommand,
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The 1-based input line the error refers to, for errors from a JSON-lines reader.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            line: None,
            source: None,
        }
    }

    pub(crate) fn at_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.source = Some(Box::new(source));
        self
    }

    pub(crate) fn io(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, "I/O error").with_source(err)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(src) = &self.source {
            write!(f, ": {src}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| &**e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::io(err)
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

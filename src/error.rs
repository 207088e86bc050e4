//! The error type for calls that fail.

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
#[derive(Debug, thiserror::Error)]
#[error("{}{message}", line_prefix(*line))]
pub struct Error {
    kind: ErrorKind,
    message: String,
    line: Option<u64>,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

fn line_prefix(line: Option<u64>) -> String {
    line.map(|l| format!("line {l}: ")).unwrap_or_default()
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
    /// The on-disk store refused or failed an operation for a reason other
    /// than I/O or damage: for example, another process holds it open.
    Store,
    /// The on-disk store is damaged: a checksum, count or record failed
    /// validation, or the file is not a store at all. Nothing was loaded.
    Corrupt,
    /// The on-disk store was written in a format version this build does not
    /// read (a newer release wrote it). Nothing was loaded or changed.
    UnsupportedVersion,
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

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::io(err)
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

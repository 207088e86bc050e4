//! Integration tests, one binary (see STYLE.md 8.5).

// Test helpers unwrap too: a panic is how a test reports a broken precondition.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accuracy;
mod api;
mod cli;
mod durable;
mod fuzz_regressions;
mod properties;
mod realtime;
mod resolve;
mod support;

//! Integration tests, one binary (see STYLE.md 8.5).

mod accuracy;
mod api;
mod fuzz_regressions;
mod properties;
mod resolve;
mod support;

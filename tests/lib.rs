//! Integration tests, one binary (see STYLE.md 8.5).
mod fuzz_regressions;

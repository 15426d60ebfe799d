//! fazhi: read, navigate and compare Chinese local governments' annual reports on rule-of-law
//! government building (法治政府建设年度报告).
//!
//! Data flows one way: [`ingest`] (bytes → clean text) → [`parse`] (text → [`model::Report`]) →
//! [`analyse`] (tokens, themes, comparison) → [`corpus`] (all reports, indexes) → views
//! ([`tui`] and the CLI in `main.rs`).

pub mod analyse;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod contract;
pub mod corpus;
pub mod divisions;
pub mod ingest;
pub mod model;
pub mod parse;
pub mod sanitize;
pub mod seeds;
pub mod tui;

//! fazhi's terminal-free core: read, parse and compare Chinese local governments' annual reports
//! on rule-of-law government building (法治政府建设年度报告).
//!
//! Data flows one way: [`ingest`] (bytes → clean text) → [`parse`] (text → [`model::Report`]) →
//! [`analyse`] (tokens, themes, comparison) → [`corpus`] (all reports, indexes) → [`check`] and
//! [`export`] (what the faces print). Nothing here reads the environment, prints, or knows of a
//! terminal: callers pass every input in (the taxonomy, the cache folder), and the two faces in
//! the `fazhi` crate (CLI and dashboard) decide where those come from.

pub mod analyse;
pub mod check;
pub mod contract;
pub mod corpus;
pub mod divisions;
pub mod export;
pub mod ingest;
pub mod model;
pub mod notes;
pub mod parse;
pub mod sanitize;
pub mod seeds;
pub mod settings;
pub mod stats;
pub mod store;
pub mod text;

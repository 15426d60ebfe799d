//! What the core knows about Chinese report text as text: which characters are Han, where
//! sentences end, how items are numbered, which words are site chrome, and how to cut words.
//!
//! One home, so that ingest, parse, analyse and the faces cannot drift apart on these: a leaf
//! module, depending on nothing else in the crate.

pub mod chars;
pub mod chrome;
pub mod numbering;
pub mod segment;
pub mod sentences;
pub mod variants;

pub use chars::is_han;
pub use sentences::{sentence_around, sentences};

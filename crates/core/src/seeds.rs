//! The default corpus: the reports in `seeds/`, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// Name each embedded seed is shown under (`seeds/<file>`).
pub fn source_name(file: &str) -> String {
    format!("seeds/{file}")
}

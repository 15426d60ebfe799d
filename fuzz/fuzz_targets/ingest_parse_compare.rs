//! Any bytes through ingest (as text and as HTML), parse, the JSON contract, and a comparison
//! of the two halves: nothing may panic, whatever the input.

#![no_main]

use std::sync::LazyLock;

use fazhi_core::analyse::compare::{compare, render_text};
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::load_bytes;
use fazhi_core::export::parse_json;
use libfuzzer_sys::fuzz_target;

static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(Taxonomy::embedded);

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format each half is read as; the rest splits into two reports.
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (a, b) = rest.split_at(rest.len() / 2);
    let name = |bit: u8| if flags & bit == 0 { "r.txt" } else { "r.html" };
    let ra = load_bytes(a, name(1), &TAXONOMY);
    let rb = load_bytes(b, name(2), &TAXONOMY);
    for report in [&ra, &rb].into_iter().flatten() {
        let _ = parse_json(&[report]);
    }
    if let (Ok(ra), Ok(rb)) = (&ra, &rb) {
        let c = compare(ra, rb, None, &TAXONOMY);
        let _ = render_text(&c, 80, flags & 4 == 0);
    }
});

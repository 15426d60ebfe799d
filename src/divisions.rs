//! The national division codes (province → prefecture → county → township), embedded from
//! `assets/divisions.tsv` (built by `scripts/build_divisions.py`).

//! fazhi's two faces over [`fazhi_core`]: the dashboard ([`tui`]) and the CLI (`main.rs`), with
//! the user's configuration ([`config`]) that decides where their inputs come from.

pub mod config;
pub mod memory;
pub mod tui;

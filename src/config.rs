//! User configuration (TOML) and where it lives.

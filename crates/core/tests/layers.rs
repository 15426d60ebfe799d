//! The core stays a library: no terminal crate in its dependencies, and no environment read or
//! printing in its code (the faces decide where inputs come from and where output goes).

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Unit-test folders may print their measurements.
            if path.file_name().is_some_and(|n| n != "tests") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_terminal_crate_is_a_dependency() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("manifest");
    let table: toml::Table = manifest.parse().expect("manifest is TOML");
    for section in ["dependencies", "build-dependencies"] {
        let deps = table.get(section).and_then(|d| d.as_table());
        for name in ["ratatui", "crossterm", "clap", "directories"] {
            assert!(
                deps.is_none_or(|d| !d.contains_key(name)),
                "the core must not depend on {name} ({section})"
            );
        }
    }
}

#[test]
fn no_environment_read_or_print_below_the_faces() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "found the sources");
    let forbidden = [
        "std::env::var",
        "env::var_os",
        "env::vars",
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
        "dbg!(",
        "std::io::stdout",
        "std::io::stderr",
    ];
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        // A module's own tests come last, behind #[cfg(test)].
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for f in forbidden {
                if line.contains(f) {
                    found.push(format!("{}:{}: {f}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

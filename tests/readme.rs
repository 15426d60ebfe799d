//! README.md stays true: its keys table is the keymap, its config block is the defaults, its
//! themes example is a valid extension.

use fazhi::config::Config;
use fazhi_core::analyse::themes::Taxonomy;

fn readme() -> String {
    std::fs::read_to_string("README.md").expect("README.md")
}

/// The fenced blocks of the README tagged `lang`.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let fence = format!("```{lang}\n");
    text.split(&fence)
        .skip(1)
        .filter_map(|rest| rest.split("```").next().map(str::to_string))
        .collect()
}

#[test]
fn the_keys_table_lists_every_binding() {
    let readme = readme();
    let keymap: toml::Table =
        toml::from_str(&std::fs::read_to_string("assets/keymap.toml").unwrap()).unwrap();
    for bind in keymap["bind"].as_array().unwrap() {
        let keys: Vec<String> = bind["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| format!("`{}`", k.as_str().unwrap()))
            .collect();
        let zh = bind["zh"].as_str().unwrap();
        let row = format!("| {} |", keys.join(" "));
        assert!(
            readme
                .lines()
                .any(|l| l.starts_with(&row) && l.contains(zh)),
            "README lacks the row for {row} {zh}"
        );
    }
}

#[test]
fn the_documented_config_is_the_default() {
    let toml = blocks(&readme(), "toml");
    let config = toml
        .iter()
        .find(|b| b.contains("report_folders"))
        .expect("a config block");
    let parsed = Config::from_toml(config, std::path::Path::new("README.md")).unwrap();
    let default = Config::default();
    assert_eq!(
        parsed.library.report_folders,
        default.library.report_folders
    );
    assert_eq!(
        parsed.library.max_file_bytes,
        default.library.max_file_bytes
    );
    assert_eq!(parsed.dashboard.language, default.dashboard.language);
    assert_eq!(parsed.dashboard.mouse, default.dashboard.mouse);
    assert_eq!(parsed.dashboard.colors, default.dashboard.colors);
}

#[test]
fn the_themes_example_extends_the_taxonomy() {
    let toml = blocks(&readme(), "toml");
    let example = toml
        .iter()
        .find(|b| b.contains("[[theme]]"))
        .expect("a themes block");
    let t = Taxonomy::with_user_file(example).unwrap();
    assert!(t.get("ecology").is_some());
}

#[test]
fn the_sql_examples_run_on_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reports.sqlite");
    let corpus = fazhi_core::corpus::Corpus::embedded(Taxonomy::embedded().into());
    fazhi_core::store::export_sqlite(&file, &corpus).unwrap();
    let db = rusqlite::Connection::open(&file).unwrap();
    let sql = blocks(&readme(), "sql");
    let queries: Vec<&str> = sql
        .iter()
        .flat_map(|b| b.split(';'))
        .filter(|q| {
            q.lines()
                .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with("--"))
        })
        .collect();
    assert!(queries.len() >= 2, "two example queries");
    for q in queries {
        let mut stmt = db.prepare(q).unwrap_or_else(|e| panic!("{q}: {e}"));
        let rows = stmt.query_map([], |_| Ok(())).unwrap().count();
        assert!(rows > 0, "{q} returns rows on the seeds");
    }
}

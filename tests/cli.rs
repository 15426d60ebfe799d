//! The headless CLI, run as a user runs it: the real binary, real files, stdout and stderr.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn fazhi() -> Command {
    let mut cmd = Command::cargo_bin("fazhi").expect("binary is built");
    // A cache of this test run's own, so no other build's entries are read.
    let cache = std::env::temp_dir().join(format!("fazhi-test-cache-{}", std::process::id()));
    cmd.env("FAZHI_CACHE_DIR", cache);
    // No user config: names are looked up in the embedded seeds.
    cmd.env_remove("FAZHI_CONFIG");
    cmd.env_remove("FAZHI_THEMES");
    // No user data: the reviewer's notes of this machine are not read.
    cmd.env(
        "FAZHI_DATA_DIR",
        std::env::temp_dir().join("fazhi-test-no-data"),
    );
    cmd.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join("fazhi-test-no-config"),
    );
    cmd
}

fn parse_json(args: &[&str]) -> Value {
    json_of(fazhi().arg("parse").arg("--json").args(args))
}

/// The JSON a successful run prints.
fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn parse_without_paths_reads_the_embedded_seeds() {
    let reports = parse_json(&[]);
    let reports = reports.as_array().expect("an array");
    assert_eq!(reports.len(), 5);
    for r in reports {
        for field in [
            "source",
            "locality",
            "year",
            "title",
            "sections",
            "indicators",
        ] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
        assert!(r["source"].as_str().unwrap().starts_with("seeds/"));
        assert!(!r["sections"].as_array().unwrap().is_empty());
    }
}

#[test]
fn parse_contract_fields_of_sections() {
    let reports = parse_json(&["seeds/002_58b9b4adb4171f74.txt"]);
    let first = &reports[0]["sections"][0];
    assert_eq!(first["heading"], "一、突出政治引领,筑牢法治建设根基");
    assert_eq!(first["depth"], 1);
    assert_eq!(first["part"], "achievements");
    assert!(
        first["themes"]
            .as_array()
            .unwrap()
            .contains(&Value::from("leadership"))
    );
    let child = &first["children"][0];
    assert_eq!(child["heading"], "深学细悟强思想");
    assert_eq!(child["depth"], 2);
    assert!(!child["measures"].as_array().unwrap().is_empty());
    assert_eq!(reports[0]["year"], 2024);
}

#[test]
fn bad_files_are_reported_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::copy("seeds/002_58b9b4adb4171f74.txt", &good).unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    let binary = dir.path().join("binary.txt");
    fs::write(
        &binary,
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255, 0, 7].repeat(50),
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");
    let out = fazhi()
        .args(["parse", "--json"])
        .args([&good, &empty, &binary, &missing])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, why) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&missing, "no such file"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(&*file.to_string_lossy()))
            .unwrap_or_else(|| panic!("no message for {}: {stderr}", file.display()));
        assert!(line.contains(why), "{line}");
    }
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reports.as_array().unwrap().len(), 1);
}

#[test]
fn nothing_loaded_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    fazhi()
        .args(["parse", "--json"])
        .arg(&empty)
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty"))
        .stderr(predicate::str::contains("no report could be loaded"));
}

#[test]
fn a_folder_is_read_recursively() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("2024").join("county");
    fs::create_dir_all(&nested).unwrap();
    fs::copy("seeds/000_0fd57f03c9fbaff9.txt", nested.join("a.txt")).unwrap();
    fs::copy("seeds/003_bb4ad8a10e880eeb.txt", dir.path().join("b.txt")).unwrap();
    fs::write(dir.path().join("notes.md"), "not a report").unwrap();
    let reports = parse_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(reports.as_array().unwrap().len(), 2);
}

#[test]
fn indicators_csv_opens_in_excel() {
    let out = fazhi()
        .args(["indicators", "--csv", "seeds/002_58b9b4adb4171f74.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM first"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    for column in [
        "locality",
        "year",
        "section",
        "label",
        "value",
        "unit",
        "canonical",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(text.contains("\r\n"), "CRLF line ends");
}

#[test]
fn indicators_theme_filter_and_unknown_theme() {
    let all = fazhi().args(["indicators", "--json"]).output().unwrap();
    let some = fazhi()
        .args(["indicators", "--json", "--theme", "disputes"])
        .output()
        .unwrap();
    let all: Value = serde_json::from_slice(&all.stdout).unwrap();
    let some: Value = serde_json::from_slice(&some.stdout).unwrap();
    assert!(some.as_array().unwrap().len() < all.as_array().unwrap().len());
    fazhi()
        .args(["indicators", "--theme", "nonsense"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown theme 'nonsense'"));
}

#[test]
fn outline_prints_the_tree() {
    fazhi()
        .args(["outline", "seeds/003_bb4ad8a10e880eeb.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("一、2023年主要举措和成效 [成效]"))
        .stdout(predicate::str::contains("  (一)进一步压实主体责任 [安排]"));
}

#[test]
fn check_reports_found_and_missing_parts() {
    let out = fazhi()
        .args(["check", "--json", "seeds/003_bb4ad8a10e880eeb.txt"])
        .output()
        .unwrap();
    let checks: Value = serde_json::from_slice(&out.stdout).unwrap();
    let parts = checks[0]["check"]["parts"].as_array().unwrap();
    let plans = parts.iter().find(|p| p["part"] == "plans").unwrap();
    assert_eq!(plans["found"], "section");
    assert_eq!(plans["evidence"], "二、2024年主要安排");
    let problems = parts.iter().find(|p| p["part"] == "problems").unwrap();
    assert_eq!(problems["found"], "sentence");
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["parse", "outline", "indicators", "check", "review", "years"] {
        fazhi()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: fazhi"));
    }
}

#[test]
fn parsed_files_are_cached_and_a_damaged_cache_is_ignored() {
    let cache = tempfile::tempdir().unwrap();
    let run = || {
        let out = fazhi()
            .env("FAZHI_CACHE_DIR", cache.path())
            .args(["parse", "--json", "seeds/003_bb4ad8a10e880eeb.txt"])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let first = run();
    let entries: Vec<_> = walk(cache.path());
    assert_eq!(entries.len(), 1, "one entry per parsed file: {entries:?}");
    assert_eq!(run(), first, "a cached report prints the same");
    fs::write(&entries[0], b"{ damaged").unwrap();
    assert_eq!(run(), first, "a damaged entry is parsed again");
    let uncached = fazhi()
        .args([
            "--no-cache",
            "parse",
            "--json",
            "seeds/003_bb4ad8a10e880eeb.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(uncached.stdout, first);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn diff_by_locality_names_gives_the_json_contract() {
    let out = fazhi()
        .args(["diff", "泾源县", "桥头镇", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["a"]["locality"]["name"], "泾源县");
    assert_eq!(c["b"]["year"], 2023);
    let pairs = c["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for p in pairs {
        let kind = p["kind"].as_str().unwrap();
        assert!(
            ["aligned", "moved", "only_a", "only_b"].contains(&kind),
            "{kind}"
        );
        let join = |keep: &str| -> String {
            p["ops"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|o| o["op"] == "equal" || o["op"] == keep)
                .map(|o| o["text"].as_str().unwrap())
                .collect()
        };
        if !p["a"].is_null() {
            assert_eq!(join("delete"), p["a"]["text"].as_str().unwrap());
        }
        if !p["b"].is_null() {
            assert_eq!(join("insert"), p["b"]["text"].as_str().unwrap());
        }
    }
    // The banded reading: every unit in one band, each band named, its rows rebuilt by ops.
    assert!(["bands", "aligned"].contains(&c["reading"].as_str().unwrap()));
    let bands = c["bands"].as_array().unwrap();
    assert!(!bands.is_empty());
    let units = |side: &str, rows: &mut dyn Iterator<Item = &Value>| {
        rows.filter(|r| !r[side].is_null()).count()
    };
    let mut in_bands = [0, 0];
    for band in bands {
        assert!(band["name"].is_string());
        let rows = band["rows"].as_array().unwrap();
        for (k, side) in ["a", "b"].into_iter().enumerate() {
            let n = units(side, &mut rows.iter());
            assert_eq!(band[format!("units_{side}")], n);
            in_bands[k] += n;
        }
    }
    for (k, side) in ["a", "b"].into_iter().enumerate() {
        let in_pairs = units(side, &mut pairs.iter());
        assert_eq!(
            in_bands[k], in_pairs,
            "{side}: every unit once in the bands too"
        );
    }
}

/// The shared share `fazhi diff` prints, as written ("0.9%").
fn printed_share(a: &str, b: &str) -> String {
    let out = fazhi().args(["diff", a, b]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let last = text.lines().last().unwrap_or_default();
    let share = last.split("共同文字占比 ").nth(1).unwrap_or_default();
    assert!(share.ends_with('%'), "{text}");
    share.to_string()
}

#[test]
fn diff_either_way_round_reports_the_same_shared_share() {
    assert_eq!(
        printed_share("北镇市", "莲塘镇"),
        printed_share("莲塘镇", "北镇市")
    );
    let out = fazhi().args(["diff", "北镇市", "莲塘镇"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("B 未涉及") || text.contains("A 未涉及"),
        "{text}"
    );
    assert!(text.contains("按主题"), "{text}");
}

#[test]
fn diff_of_a_file_with_itself_edited_marks_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let text = fs::read_to_string("seeds/002_58b9b4adb4171f74.txt").unwrap();
    fs::write(&a, &text).unwrap();
    fs::write(
        &b,
        text.replace("收到行政复议申请45件", "收到行政复议申请52件"),
    )
    .unwrap();
    let out = fazhi().arg("diff").args([&a, &b]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("收到行政复议申请"))
        .expect("the edited measure is shown");
    assert!(
        line.contains("[-45-]") && line.contains("{+52+}"),
        "plain markers: {line}"
    );
    let marked = text.matches("[-").count() + text.matches("{+").count();
    assert_eq!(marked, 2, "only the edit is marked:\n{text}");
}

#[test]
fn diff_names_that_match_nothing_are_errors() {
    fazhi()
        .args(["diff", "不存在县", "泾源县"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no loaded report is '不存在县'"));
}

#[test]
fn a_hostile_file_name_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("evil\u{1b}[2Jname.txt");
    fs::write(&hostile, b"").unwrap();
    let good = dir.path().join("good.txt");
    let text = fs::read_to_string("seeds/002_58b9b4adb4171f74.txt").unwrap();
    fs::write(
        &good,
        text.replace("法治兴则国兴", "\u{1b}]0;pwned\u{7}法治兴则国兴"),
    )
    .unwrap();
    let out = fazhi().arg("outline").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !stream.contains(&0x1b),
            "{}",
            String::from_utf8_lossy(stream)
        );
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("evilname.txt: empty file"));
}

#[test]
fn users_extend_the_themes_without_rebuilding() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes.toml");
    fs::write(
        &themes,
        "[[theme]]\nid = \"assessment\"\nname = \"考核评议\"\nkeywords = [\"考核\", \"述法\", \"评议\", \"督察\"]\n",
    )
    .unwrap();
    let out = fazhi()
        .env("FAZHI_THEMES", &themes)
        .args(["outline", "seeds/002_58b9b4adb4171f74.txt"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("加强考核促落实")).unwrap();
    assert!(line.contains("assessment"), "{line}");
    fazhi()
        .env("FAZHI_THEMES", &themes)
        .args(["indicators", "--theme", "assessment"])
        .assert()
        .success();
}

fn stdout_of(args: &[&str]) -> String {
    let out = fazhi().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn themes_prints_the_heat_map_as_json_csv_and_text() {
    let rows: Value = serde_json::from_str(&stdout_of(&["themes", "--json"])).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    for r in rows {
        let coverage = r["coverage"].as_object().unwrap();
        assert_eq!(coverage.len(), 10, "one share per theme");
        assert!(
            coverage
                .values()
                .all(|s| (0.0..=1.0).contains(&s.as_f64().unwrap()))
        );
    }
    // 泾源县's report is above all about law enforcement (its longest sections).
    let jingyuan = rows.iter().find(|r| r["locality"] == "泾源县").unwrap();
    let enforcement = jingyuan["coverage"]["enforcement"].as_f64().unwrap();
    assert!(enforcement > 0.2, "{enforcement}");
    let csv = stdout_of(&["themes", "--csv"]);
    assert!(csv.starts_with('\u{feff}'));
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",leadership,publicity"), "{header}");
    assert_eq!(csv.lines().count(), 6);
    let text = stdout_of(&["themes"]);
    assert!(
        text.lines().any(|l| l.starts_with("泾源县 2024\t")),
        "{text}"
    );
}

#[test]
fn indicators_matrix_puts_reports_side_by_side() {
    let m: Value = serde_json::from_str(&stdout_of(&["indicators", "--matrix", "--json"])).unwrap();
    let reports = m["reports"].as_array().unwrap();
    let column = reports
        .iter()
        .position(|r| r["locality"] == "泾源县")
        .unwrap();
    let mediated = m["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "disputes.mediated")
        .expect("the mediated disputes row");
    assert_eq!(mediated["values"][column]["value"], 930.0);
    assert_eq!(mediated["values"].as_array().unwrap().len(), reports.len());
    let csv = stdout_of(&["indicators", "--matrix", "--csv", "--theme", "disputes"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("\u{feff}id,name,unit,theme,")
    );
    assert!(lines.all(|l| l.contains(",disputes,")), "{csv}");
    let text = stdout_of(&["indicators", "--matrix"]);
    assert!(text.contains("930件"), "{text}");
}

#[test]
fn diff_shows_the_indicators_side_by_side() {
    let json: Value = serde_json::from_str(&stdout_of(&[
        "diff",
        "--format",
        "json",
        "seeds/000_0fd57f03c9fbaff9.txt",
        "seeds/002_58b9b4adb4171f74.txt",
    ]))
    .unwrap();
    let rows = json["indicators"].as_array().unwrap();
    let review = rows
        .iter()
        .find(|r| r["id"] == "disputes.mediated")
        .unwrap();
    assert_eq!(review["a"]["value"], 4581.0);
    assert_eq!(review["b"]["value"], 930.0);
    let text = stdout_of(&[
        "diff",
        "seeds/000_0fd57f03c9fbaff9.txt",
        "seeds/002_58b9b4adb4171f74.txt",
    ]);
    assert!(text.contains("A 4581件 · B 930件 · B−A -3651件"), "{text}");
}

#[test]
fn a_malformed_themes_file_stops_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes.toml");
    fs::write(&themes, "[[theme]]\nid = \"x\"\nkeyword = [\"a\"]\n").unwrap();
    fazhi()
        .env("FAZHI_THEMES", &themes)
        .args(["outline"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("themes.toml:3:1:"));
}

#[test]
fn a_users_themes_file_reaches_the_parse() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes.toml");
    fs::write(
        &themes,
        "[[theme]]\nid = \"ecology\"\nname = \"生态\"\nkeywords = [\"生态环境\", \"河长制\", \"环境保护\"]\n",
    )
    .unwrap();
    let report = dir.path().join("r.txt");
    fs::write(
        &report,
        "某县2024年法治政府建设情况报告\n一、推进生态环境领域执法\n全面推行河长制，加强生态环境保护，开展环境保护执法检查12次。\n二、存在的不足\n执法力量不足。\n",
    )
    .unwrap();
    let out = fazhi()
        .env("FAZHI_THEMES", &themes)
        .args(["themes", "--json"])
        .arg(&report)
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        rows[0]["coverage"]["ecology"].as_f64().unwrap() > 0.0,
        "{rows}"
    );
}

#[test]
fn export_writes_a_database_researchers_can_query() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reports.sqlite");
    fazhi()
        .args(["export", "--sqlite"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("5 reports written"));
    let db = rusqlite::Connection::open(&file).unwrap();
    let (place, value): (String, f64) = db
        .query_row(
            "SELECT r.locality, i.value FROM indicators i JOIN reports r ON r.id = i.report
             WHERE i.canonical = 'disputes.mediated' AND r.locality = '泾源县'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!((place.as_str(), value), ("泾源县", 930.0));
    let by_level: i64 = db
        .query_row(
            "SELECT count(*) FROM reports WHERE level = 'township'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(by_level, 2);
}

#[test]
fn a_damaged_store_is_reported_once_and_rebuilt() {
    let cache = tempfile::tempdir().unwrap();
    std::fs::write(
        cache.path().join("corpus.sqlite3"),
        b"garbage, not a database",
    )
    .unwrap();
    let run = || {
        fazhi()
            .env("FAZHI_CACHE_DIR", cache.path())
            .args(["outline", "seeds/002_58b9b4adb4171f74.txt"])
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success());
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("set aside"), "{stderr}");
    let second = run();
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).is_empty());
    assert_eq!(
        first.stdout, second.stdout,
        "the stored parse reads back the same"
    );
}

#[test]
fn parse_json_of_files_streams_the_same_reports_as_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["000_0fd57f03c9fbaff9.txt", "003_bb4ad8a10e880eeb.txt"] {
        fs::copy(format!("seeds/{name}"), dir.path().join(name)).unwrap();
    }
    // The same text twice: reported as a duplicate, printed once.
    fs::copy(
        "seeds/003_bb4ad8a10e880eeb.txt",
        dir.path().join("zz-copy.txt"),
    )
    .unwrap();
    let out = fazhi()
        .args(["parse", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let streamed: Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    let streamed = streamed.as_array().unwrap();
    assert_eq!(streamed.len(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("zz-copy.txt: same text"));
    let embedded = parse_json(&[]);
    for r in streamed {
        let name = r["source"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        let twin = embedded
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["source"].as_str().unwrap().ends_with(&name))
            .unwrap();
        assert_eq!(r["indicators"], twin["indicators"], "{name}");
        assert_eq!(r["sections"], twin["sections"], "{name}");
    }
}

#[test]
fn a_theme_id_from_the_users_file_never_drives_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes.toml");
    fs::write(
        &themes,
        "[[theme]]\nid = \"x\\u001b[31mred\"\nkeywords = [\"法治\"]\n",
    )
    .unwrap();
    for args in [
        &["outline", "seeds/002_58b9b4adb4171f74.txt"][..],
        &[
            "indicators",
            "--theme",
            "nope",
            "seeds/002_58b9b4adb4171f74.txt",
        ],
    ] {
        let out = fazhi()
            .env("FAZHI_THEMES", &themes)
            .args(args)
            .output()
            .unwrap();
        let all = [out.stdout, out.stderr].concat();
        assert!(
            !all.contains(&0x1b),
            "{args:?}: an escape reached the terminal"
        );
    }
}

/// A folder of two seeds and a copy of one with its place names changed (one left behind).
fn set_with_a_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy("seeds/002_58b9b4adb4171f74.txt", dir.path().join("a.txt")).unwrap();
    fs::copy("seeds/003_bb4ad8a10e880eeb.txt", dir.path().join("b.txt")).unwrap();
    let original = fs::read_to_string("seeds/002_58b9b4adb4171f74.txt").unwrap();
    // A sentence naming the original place is left halfway through, where an editor misses it.
    let renamed = original.replace("泾源县", "庄浪县");
    let middle = renamed[..renamed.floor_char_boundary(renamed.len() / 2)]
        .rfind('\n')
        .unwrap()
        + 1;
    let copy = format!(
        "{}学习借鉴泾源县的经验做法。{}",
        &renamed[..middle],
        &renamed[middle..]
    );
    fs::write(dir.path().join("copy.txt"), copy).unwrap();
    dir
}

/// The row of a JSON array whose source ends with `file`.
fn row_of<'a>(rows: &'a Value, file: &str) -> &'a Value {
    rows.as_array()
        .into_iter()
        .flatten()
        .find(|r| r["source"].as_str().is_some_and(|s| s.ends_with(file)))
        .unwrap_or_else(|| panic!("no row for {file}"))
}

#[test]
fn review_json_names_the_source_of_a_copy_and_the_stray_place() {
    let dir = set_with_a_copy();
    let rows = json_of(fazhi().args(["review", "--json"]).arg(dir.path()));
    assert_eq!(rows.as_array().unwrap().len(), 3);
    let copy = row_of(&rows, "copy.txt");
    assert_eq!(copy["locality"]["name"], "庄浪县");
    assert!(copy["copying"]["share"].as_f64().unwrap() > 0.9);
    assert!(
        copy["copying"]["top_source"]
            .as_str()
            .unwrap()
            .ends_with("a.txt")
    );
    let count = copy["copying"]["passages"].as_u64().unwrap();
    assert!(count > 0);
    // With --passages, each is written out with where it stands in both texts.
    let detailed = json_of(
        fazhi()
            .args(["review", "--json", "--passages"])
            .arg(dir.path()),
    );
    let with = row_of(&detailed, "copy.txt");
    let list = with["passage_list"].as_array().unwrap();
    assert_eq!(list.len() as u64, count);
    let copy_text = fs::read_to_string(dir.path().join("copy.txt")).unwrap();
    let first = &list[0];
    let (start, end) = (
        first["a"]["start"].as_u64().unwrap() as usize,
        first["a"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&copy_text[start..end], first["text"].as_str().unwrap());
    assert!(first["b"]["end"].as_u64().unwrap() > first["b"]["start"].as_u64().unwrap());
    assert_eq!(copy["foreign_places"], serde_json::json!(["泾源县"]));
    for part in ["achievements", "problems", "causes", "duty", "plans"] {
        let state = copy["parts"][part].as_str().unwrap();
        assert!(
            ["found", "mentioned", "missing"].contains(&state),
            "{state}"
        );
    }
    let other = row_of(&rows, "b.txt");
    assert!(other["copying"]["share"].as_f64().unwrap() < 0.15);
    assert_eq!(other["late"], Value::Null);
}

#[test]
fn review_csv_has_a_row_per_report_and_text_reads_in_chinese() {
    let dir = set_with_a_copy();
    let csv = fazhi()
        .args(["review", "--csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("\u{feff}source,locality,level,province,year,published,late"));
    assert_eq!(text.lines().count(), 4);
    fazhi()
        .arg("review")
        .assert()
        .success()
        .stdout(predicate::str::contains("复制比"))
        .stdout(predicate::str::contains("泾源县 2024"));
}

#[test]
fn review_prints_the_reviewers_status_and_note_from_the_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let seed = std::path::PathBuf::from("seeds/002_58b9b4adb4171f74.txt");
    let corpus = fazhi_core::corpus::Corpus::load(
        std::slice::from_ref(&seed),
        std::sync::Arc::new(fazhi_core::analyse::themes::Taxonomy::embedded()),
        None,
    );
    let mut notes = fazhi_core::notes::Notes::default();
    notes.set(
        &corpus.reports[0].hash,
        fazhi_core::notes::Note {
            status: fazhi_core::notes::Status::NeedsChanges,
            note: "补充原因分析".into(),
            source: String::new(),
        },
    );
    notes.save(&data.path().join("reviews.toml")).unwrap();
    let out = fazhi()
        .env("FAZHI_DATA_DIR", data.path())
        .args(["review", "--csv"])
        .arg(&seed)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with("status,note"), "{header}");
    assert!(
        csv.lines().nth(1).unwrap().ends_with("待改,补充原因分析"),
        "{csv}"
    );
    fazhi()
        .env("FAZHI_DATA_DIR", data.path())
        .arg("review")
        .arg(&seed)
        .assert()
        .success()
        .stdout(predicate::str::contains("待改\t补充原因分析"));
}

/// A folder with the seed of 泾源县 (2024), its next year — every year in the text one later,
/// mediated disputes 930 → 960, one paragraph of its own — and another place's seed.
fn a_locality_over_two_years() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string("seeds/002_58b9b4adb4171f74.txt").unwrap();
    fs::write(dir.path().join("2024.txt"), &seed).unwrap();
    let mut next = seed.replacen("调解矛盾纠纷930件", "调解矛盾纠纷960件", 1);
    for year in (2000..2030).rev() {
        next = next.replace(&format!("{year}年"), &format!("{}年", year + 1));
    }
    next.push_str("全县新建村级调解室十二个，逐村配备专职人民调解员，建立调解台账并按月通报。");
    fs::write(dir.path().join("2025.txt"), next).unwrap();
    fs::copy(
        "seeds/003_bb4ad8a10e880eeb.txt",
        dir.path().join("other.txt"),
    )
    .unwrap();
    dir
}

#[test]
fn years_json_gives_the_rows_the_change_and_the_reuse() {
    let dir = a_locality_over_two_years();
    let folder = dir.path().to_str().unwrap();
    let years: Value =
        serde_json::from_str(&stdout_of(&["years", "泾源县", "--in", folder, "--json"])).unwrap();
    assert_eq!(years["locality"]["code"], "640424");
    let listed: Vec<i64> = years["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["year"].as_i64().unwrap())
        .collect();
    assert_eq!(listed, vec![2024, 2025]);
    let rows = years["indicators"].as_array().unwrap();
    let mediated = rows
        .iter()
        .find(|r| r["id"] == "disputes.mediated")
        .unwrap();
    assert_eq!(mediated["values"][0]["value"], 930.0);
    assert_eq!(mediated["values"][1]["value"], 960.0);
    assert_eq!(mediated["changes"][0], Value::Null);
    assert_eq!(mediated["changes"][1]["absolute"], 30.0);
    let percent = mediated["changes"][1]["percent"].as_f64().unwrap();
    assert!((percent - 3000.0 / 930.0).abs() < 1e-9, "{percent}");
    assert_eq!(mediated["sparkline"], "▁█");
    let unchanged = rows
        .iter()
        .find(|r| r["id"] == "disputes.mediators")
        .unwrap();
    assert_eq!(unchanged["changes"][1]["absolute"], 0.0);
    assert_eq!(unchanged["sparkline"], "▄▄");
    let reuse = years["reuse"].as_array().unwrap();
    assert_eq!(reuse.len(), 1);
    assert_eq!(reuse[0]["year"], 2025);
    assert!(reuse[0]["previous"].as_str().unwrap().ends_with("2024.txt"));
    let share = reuse[0]["share"].as_f64().unwrap();
    assert!(share > 0.9 && share < 1.0, "{share}");
    assert!(reuse[0]["passages"].as_u64().unwrap() > 0);
}

#[test]
fn years_text_and_csv_read_as_a_table() {
    let dir = a_locality_over_two_years();
    let folder = dir.path().to_str().unwrap();
    let text = stdout_of(&["years", "泾源县@2025", "--in", folder]);
    assert!(
        text.starts_with("泾源县（宁夏回族自治区 > 固原市 > 泾源县） · 2 份报告：2024、2025\n")
    );
    assert!(text.contains("指标\t2024\t2025\t较上年\t走势\n"), "{text}");
    assert!(
        text.contains("调解矛盾纠纷数（件）\t930件\t960件\t+30件 +3.2%\t▁█\n"),
        "{text}"
    );
    assert!(
        text.contains("调解员数（人）\t572人\t572人\t持平\t▄▄\n"),
        "{text}"
    );
    let reuse = text.lines().find(|l| l.starts_with("2025←2024\t")).unwrap();
    let percent: u32 = reuse
        .split('\t')
        .nth(1)
        .unwrap()
        .trim_end_matches('%')
        .parse()
        .unwrap();
    assert!((90..100).contains(&percent), "{reuse}");
    let csv = stdout_of(&["years", "泾源县", "--in", folder, "--csv"]);
    assert!(csv.starts_with("\u{feff}kind,id,name,year,source,value,unit,"));
    assert!(csv.lines().any(
        |l| l.starts_with("indicator,disputes.mediated,调解矛盾纠纷数,2025,")
            && l.contains(",960,件,,30,3.23,")
    ));
    assert!(csv.lines().any(|l| l.starts_with("reuse,,,2025,")));
}

#[test]
fn years_of_an_unknown_place_is_an_error() {
    let dir = a_locality_over_two_years();
    fazhi()
        .args(["years", "北京市", "--in"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no loaded report is '北京市'"));
}

/// A report with every required part (the causes of its shortcomings included).
const COMPLETE: &str = "泾源县2024年法治政府建设工作情况报告
2024年，泾源县坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作。
一、2024年推进法治政府建设的主要举措和成效
全年调解矛盾纠纷930件，办理行政复议案件45件，组织执法人员培训360人次，行政执法水平不断提升。
二、存在的不足和原因
一是基层执法力量不足，二是法治宣传的针对性不强。究其原因，主要是部分干部对法治政府建设重视不够，经费保障不到位。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县委、县政府主要负责人认真履行推进法治建设第一责任人职责，亲自部署、亲自协调、亲自督办重点任务。
四、2025年推进法治政府建设的主要安排
下一步，我们将深入学习贯彻习近平法治思想，持续推进严格规范公正文明执法。
";

/// A folder of the complete report, the same signed after 1 April, and a seed without causes.
fn reports_to_check() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("complete.txt"), COMPLETE).unwrap();
    fs::write(
        dir.path().join("late.txt"),
        format!("{COMPLETE}泾源县人民政府\n2025年5月10日\n"),
    )
    .unwrap();
    fs::copy(
        "seeds/002_58b9b4adb4171f74.txt",
        dir.path().join("seed.txt"),
    )
    .unwrap();
    dir
}

#[test]
fn check_of_many_reports_starts_with_a_summary_table() {
    let dir = reports_to_check();
    let text = stdout_of(&["check", dir.path().to_str().unwrap()]);
    let (summary, details) = text.split_once("\n\n").unwrap();
    let lines: Vec<&str> = summary.lines().collect();
    assert!(lines[0].starts_with("必备部分一览（3 份报告"), "{summary}");
    assert_eq!(
        lines[1],
        "地区 年份\t发布\t逾期\t成效\t不足\t原因\t职责\t安排\t文件"
    );
    let row = |file: &str| {
        *lines
            .iter()
            .find(|l| l.ends_with(&format!("\t{file}")))
            .unwrap_or_else(|| panic!("no row for {file}: {summary}"))
    };
    assert_eq!(
        row("complete.txt"),
        "泾源县 2024\t?\t?\t有\t有\t有\t有\t有\tcomplete.txt"
    );
    assert_eq!(
        row("late.txt"),
        "泾源县 2024\t2025-05-10\t逾期\t有\t有\t有\t有\t有\tlate.txt"
    );
    assert_eq!(
        row("seed.txt"),
        "泾源县 2024\t?\t?\t有\t有\t缺\t提及\t有\tseed.txt"
    );
    assert_eq!(lines.last(), Some(&"缺少必备部分的报告：1 份"));
    assert!(details.contains("  [缺] 原因\n"), "{details}");
    assert!(
        details.contains("  [有] 原因：二、存在的不足和原因\n"),
        "{details}"
    );
    assert!(
        details.contains("  发布日期：2025-05-10，晚于4月1日\n"),
        "{details}"
    );
    let one = stdout_of(&["check", &dir.path().join("seed.txt").to_string_lossy()]);
    assert!(!one.contains("必备部分一览"), "{one}");
    assert!(one.contains("  [提及] 职责："), "{one}");
}

#[test]
fn check_require_parts_exits_4_when_a_report_lacks_a_part() {
    let dir = reports_to_check();
    fazhi()
        .args(["check", "--require-parts"])
        .arg(dir.path().join("complete.txt"))
        .arg(dir.path().join("late.txt"))
        .assert()
        .code(0);
    let out = fazhi()
        .args(["check", "--require-parts"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("缺少必备部分的报告：1 份"), "{text}");
    fazhi().arg("check").arg(dir.path()).assert().code(0);
    let missing = dir.path().join("missing.txt");
    fazhi()
        .args(["check", "--strict", "--require-parts"])
        .arg(dir.path().join("seed.txt"))
        .arg(&missing)
        .assert()
        .code(4);
    fazhi()
        .args(["check", "--strict", "--require-parts"])
        .arg(dir.path().join("complete.txt"))
        .arg(&missing)
        .assert()
        .code(3);
}

#[test]
fn check_json_gives_each_part_as_review_does() {
    let dir = reports_to_check();
    let checks: Value = serde_json::from_str(&stdout_of(&[
        "check",
        "--json",
        dir.path().to_str().unwrap(),
    ]))
    .unwrap();
    let seed = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["source"].as_str().unwrap().ends_with("seed.txt"))
        .unwrap();
    assert_eq!(
        seed["parts"],
        serde_json::json!({"achievements": "found", "problems": "found", "causes": "missing",
                           "duty": "mentioned", "plans": "found"})
    );
    assert_eq!(seed["check"]["causes"], Value::Null);
}

#[test]
fn commands_without_paths_read_the_configured_report_folders() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).unwrap();
    fs::copy("seeds/003_bb4ad8a10e880eeb.txt", reports.join("a.txt")).unwrap();
    let config = dir.path().join("config.toml");
    fs::write(
        &config,
        format!("report_folders = [{:?}]\n", reports.display().to_string()),
    )
    .unwrap();
    for command in [["outline"], ["check"], ["review"], ["indicators"]] {
        let out = fazhi()
            .env("FAZHI_CONFIG", &config)
            .args(command)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{command:?}");
        assert!(text.contains("桥头镇"), "{command:?}: {text}");
        assert!(
            !text.contains("泾源县"),
            "{command:?} read the seeds: {text}"
        );
    }
}

fn stats_json(cmd: &mut Command, paths: &[&std::path::Path]) -> Value {
    json_of(cmd.args(["stats", "--json"]).args(paths))
}

/// Each stage of a load is named, with a time (never asserted: machines differ).
fn assert_every_stage(stats: &Value) {
    let stages: Vec<&str> = stats["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| {
            assert!(s["ms"].as_f64().is_some(), "{s}");
            s["stage"].as_str().expect("a name")
        })
        .collect();
    assert_eq!(
        stages,
        ["read", "decode", "parse", "segment", "index", "store"]
    );
    assert!(stats["wall_ms"].as_f64().is_some());
}

#[test]
fn stats_counts_the_embedded_seeds_as_the_dashboard_loads_them() {
    let stats = stats_json(&mut fazhi(), &[]);
    assert_eq!(stats["reports"], 5);
    assert_eq!(stats["localities"], 5);
    let counted = |field: &str| -> Vec<(Value, u64)> {
        stats[field]
            .as_array()
            .expect(field)
            .iter()
            .map(|c| (c["value"].clone(), c["reports"].as_u64().unwrap()))
            .collect()
    };
    assert_eq!(
        counted("levels"),
        [
            (Value::from("prefecture"), 1),
            (Value::from("county"), 2),
            (Value::from("township"), 2)
        ]
    );
    assert_eq!(
        counted("years"),
        [
            (Value::from(2021), 1),
            (Value::from(2023), 2),
            (Value::from(2024), 2)
        ]
    );
    let provinces = counted("provinces");
    assert_eq!(provinces.len(), 5);
    assert!(provinces.contains(&(Value::from("宁夏回族自治区"), 1)));
    let parsed = parse_json(&[]);
    let indicators: usize = parsed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["indicators"].as_array().unwrap().len())
        .sum();
    assert_eq!(stats["indicators"], indicators);
    assert_eq!(stats["not_loaded"], Value::Array(Vec::new()));
    assert_every_stage(&stats);
}

#[test]
fn stats_of_a_folder_counts_its_problems_whether_the_store_is_empty_or_filled() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let seed = fs::read("seeds/002_58b9b4adb4171f74.txt").unwrap();
    fs::write(dir.path().join("a.txt"), &seed).unwrap();
    fs::write(dir.path().join("b.txt"), &seed).unwrap();
    fs::copy("seeds/000_0fd57f03c9fbaff9.txt", dir.path().join("c.txt")).unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    for _ in 0..2 {
        let stats = stats_json(fazhi().env("FAZHI_CACHE_DIR", cache.path()), &[dir.path()]);
        assert_eq!(stats["reports"], 2, "{stats}");
        let reasons: Vec<&str> = stats["not_loaded"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["reason"].as_str().unwrap())
            .collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(
            reasons.iter().any(|r| r.contains("same text")),
            "{reasons:?}"
        );
        assert!(reasons.iter().any(|r| r.contains("empty")), "{reasons:?}");
        assert_every_stage(&stats);
    }
    let text = stdout_of(&["stats", &dir.path().to_string_lossy()]);
    assert!(text.contains("reports      2"), "{text}");
    assert!(text.contains("2 not loaded"), "{text}");
    for stage in ["read", "decode", "parse", "segment", "index", "store"] {
        assert!(text.contains(&format!("  {stage} ")), "{stage} in {text}");
    }
}

#[test]
fn stats_without_paths_loads_the_configured_folders() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).unwrap();
    fs::copy("seeds/002_58b9b4adb4171f74.txt", reports.join("泾源县.txt")).unwrap();
    let config = dir.path().join("config.toml");
    fs::write(
        &config,
        format!("report_folders = [{:?}]\n", reports.to_string_lossy()),
    )
    .unwrap();
    let stats = stats_json(fazhi().env("FAZHI_CONFIG", &config), &[]);
    assert_eq!(stats["reports"], 1);
    assert_eq!(stats["provinces"][0]["value"], "宁夏回族自治区");
}

#[test]
fn stats_of_a_folder_without_reports_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let out = fazhi()
        .args(["stats", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no report could be loaded"), "{stderr}");
    let stats: Value = serde_json::from_slice(&out.stdout).expect("still the counts");
    assert_eq!(stats["reports"], 0);
    assert_eq!(stats["not_loaded"].as_array().unwrap().len(), 1);
}

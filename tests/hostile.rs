//! Hostile and damaged input, as a user meets it: the real binary over FIFOs, devices, damaged
//! bytes and file names made to attack a spreadsheet or a terminal.

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

fn fazhi(config_home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("fazhi").expect("binary is built");
    cmd.env("FAZHI_CACHE_DIR", config_home.join("cache"));
    cmd.env_remove("FAZHI_CONFIG");
    cmd.env_remove("FAZHI_THEMES");
    cmd.env("XDG_CONFIG_HOME", config_home);
    // A FIFO or device that was read would hang or never end: fail instead.
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_fifo_and_a_link_to_dev_zero_are_reported_beside_a_good_report() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        "seeds/002_58b9b4adb4171f74.txt",
        dir.path().join("good.txt"),
    )
    .expect("copy");
    mkfifo(&dir.path().join("x.txt"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).expect("symlink");

    let out = run(fazhi(home.path()).arg("indicators").arg(dir.path()));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let folder = dir.path().display();
    assert!(
        out.stderr.contains(&format!(
            "fazhi: {folder}/x.txt: not a regular file (fifo)\n"
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!(
            "fazhi: {folder}/zero.txt: not a regular file (character device)\n"
        )),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.is_empty(), "the good report's indicators");

    // Given alone, the FIFO is reported and nothing loads: exit code 1.
    let out = run(fazhi(home.path())
        .arg("parse")
        .arg(dir.path().join("x.txt")));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("not a regular file (fifo)"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("no report could be loaded"));
}

#[test]
fn the_size_limit_comes_from_the_config() {
    let home = tempfile::tempdir().expect("temp dir");
    fs::create_dir(home.path().join("fazhi")).expect("config folder");
    fs::write(
        home.path().join("fazhi/config.toml"),
        "max_file_bytes = 1000\n",
    )
    .expect("config");
    let seed = "seeds/002_58b9b4adb4171f74.txt";
    let out = run(fazhi(home.path()).arg("parse").arg(seed));
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains(&format!(
            "fazhi: {seed}: larger than the 1000 bytes limit\n"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_damaged_report_loads_with_a_warning() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let text = fs::read_to_string("seeds/002_58b9b4adb4171f74.txt").expect("seed");
    let middle = (text.len() / 2..)
        .find(|&i| text.is_char_boundary(i))
        .expect("a char boundary");
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(middle, 0xff);
    let damaged = dir.path().join("damaged.txt");
    fs::write(&damaged, &bytes).expect("write");

    let clean = run(fazhi(home.path())
        .arg("indicators")
        .arg("seeds/002_58b9b4adb4171f74.txt"));
    // Twice: the second run would read the parse cache, and must still warn.
    for _ in 0..2 {
        let out = run(fazhi(home.path()).arg("indicators").arg(&damaged));
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(
            out.stderr,
            format!(
                "fazhi: {}: 1 byte could not be decoded (shown as \u{fffd})\n",
                damaged.display()
            )
        );
        assert_eq!(out.stdout.lines().count(), clean.stdout.lines().count());
    }
}

/// Every cell of a CSV (BOM stripped) that a spreadsheet would run as a formula.
fn formula_cells(csv_text: &str) -> Vec<String> {
    let body = csv_text.strip_prefix('\u{feff}').expect("a BOM");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut bad = Vec::new();
    for record in reader.records() {
        for cell in record.expect("valid CSV").iter() {
            let head = cell.trim_start();
            let number = head.trim_start_matches(['-', '+']).parse::<f64>().is_ok();
            if head.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number {
                bad.push(cell.to_string());
            }
        }
    }
    bad
}

#[test]
fn csv_cells_never_run_as_formulas_and_names_never_drive_the_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    // The classic payload holds a slash, so on Unix it is a folder `=cmd|' ` and a file in it,
    // named on the command line by the relative path the CSV repeats.
    let formula = "=cmd|' /C calc'!A0.txt";
    let escape = "evil\u{1b}[2J\u{1b}]0;pwned\u{7}.txt";
    fs::create_dir(dir.path().join("=cmd|' ")).expect("folder");
    fs::copy("seeds/002_58b9b4adb4171f74.txt", dir.path().join(formula)).expect("copy");
    fs::copy("seeds/003_bb4ad8a10e880eeb.txt", dir.path().join(escape)).expect("copy");
    let commands: [&[&str]; 6] = [
        &["indicators", "--csv"],
        &["indicators", "--matrix", "--csv"],
        &["themes", "--csv"],
        &["indicators"],
        &["outline"],
        &["check"],
    ];
    for args in commands {
        let out = run(fazhi(home.path())
            .current_dir(dir.path())
            .args(args)
            .args([formula, escape]));
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        for stream in [&out.stdout, &out.stderr] {
            assert!(!stream.contains('\u{1b}'), "{args:?}: {stream}");
            assert!(!stream.contains('\u{7}'), "{args:?}: {stream}");
        }
        if args.contains(&"--csv") {
            assert_eq!(formula_cells(&out.stdout), Vec::<String>::new(), "{args:?}");
        }
    }
    let csv = run(fazhi(home.path())
        .current_dir(dir.path())
        .args(["themes", "--csv", formula, escape]))
    .stdout;
    assert!(csv.contains("\r\n'=cmd|' /C calc'!A0.txt,"), "{csv}");
    assert!(csv.contains("\r\nevil.txt,"), "{csv}");
}

#[test]
fn diff_headers_carry_no_escape_or_bidi_override_from_a_name_or_theme_id() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let reversed = dir.path().join("a\u{202e}txt.exe.txt");
    let clipboard = dir.path().join("b\u{1b}]52;c;ZWNobw==\u{7}.txt");
    fs::copy(SEED, &reversed).expect("copy");
    fs::copy("seeds/001_43717beec33bc72e.txt", &clipboard).expect("copy");
    let themes = home.path().join("themes.toml");
    fs::write(
        &themes,
        "[[theme]]\nid = \"evil\\u001b]52;c;ZWNobw==\\u0007\\u202ex\"\nkeywords = [\"法治\"]\n",
    )
    .expect("themes file");
    let theme = "evil\u{1b}]52;c;ZWNobw==\u{7}\u{202e}x";
    let out = run(fazhi(home.path())
        .env("FAZHI_THEMES", &themes)
        .args(["diff", "--theme", theme])
        .arg(&reversed)
        .arg(&clipboard));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let header: String = out.stdout.lines().take(3).collect::<Vec<_>>().join("\n");
    // The theme's band is titled by its id too, further down.
    for hostile in ['\u{1b}', '\u{7}', '\u{202e}'] {
        let line = out.stdout.lines().find(|l| l.contains(hostile));
        assert_eq!(line, None, "{hostile:?}");
    }
    assert!(!out.stdout.contains("ZWNobw"), "{header}");
    assert!(header.contains("atxt.exe.txt)"), "{header}");
    assert!(header.contains("主题: evilx"), "{header}");
}

/// A report of thousands of figures: its count is shown whole in the dashboard's list.
#[test]
fn the_report_list_shows_an_indicator_count_of_four_digits() {
    use fazhi::tui::{Action, App, render, update};
    use fazhi_core::analyse::themes::Taxonomy;
    use fazhi_core::corpus::Corpus;

    let loaded = Corpus::load(
        &["seeds/002_58b9b4adb4171f74.txt".into()],
        Taxonomy::embedded().into(),
        None,
    );
    let mut report = loaded.reports.into_iter().next().expect("seed loads");
    let one = report.indicators.first().cloned().expect("an indicator");
    report.indicators.resize(1234, one);
    let corpus = Corpus::from_reports(vec![report], Taxonomy::embedded().into());
    let mut app = App::new(corpus, fazhi::tui::settings::Settings::default());
    update(&mut app, Action::Resize(100, 30));
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| render(&app, f)).expect("draw");
    let screen = terminal.backend().to_string();
    assert!(screen.contains(" 1234 "), "{screen}");
}

const SEED: &str = "seeds/002_58b9b4adb4171f74.txt";

#[test]
fn json_escapes_bidi_overrides_and_c1_controls() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let text = fs::read_to_string(SEED).expect("seed");
    let path = dir.path().join("报告\u{202e}txt.\u{9b}31m.txt");
    fs::write(&path, format!("{text}\n全年\u{202e}受理\u{9b}案件\n")).expect("write");
    for args in [
        &["parse", "--json"][..],
        &["indicators", "--json"],
        &["themes", "--json"],
        &["check", "--json"],
    ] {
        let out = run(fazhi(home.path()).args(args).arg(&path));
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        assert!(
            !out.stdout.contains(['\u{202e}', '\u{9b}']),
            "{args:?}: a raw control reached the output"
        );
        if args[0] != "indicators" {
            assert!(out.stdout.contains("\\u202e"), "{args:?}");
            assert!(out.stdout.contains("\\u009b"), "{args:?}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_latin1_file_name_is_accepted_by_every_subcommand() {
    use std::os::unix::ffi::OsStrExt;
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    // "rapport_été.txt" in Latin-1: not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"rapport_\xe9t\xe9.txt");
    let path = dir.path().join(name);
    fs::copy(SEED, &path).expect("copy seed");
    for sub in ["parse", "outline", "indicators", "themes", "check"] {
        let out = run(fazhi(home.path()).arg(sub).arg(&path));
        assert_eq!(out.code, Some(0), "{sub}: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{sub}");
    }
    let out = run(fazhi(home.path())
        .args(["diff", "--format", "json"])
        .arg(&path)
        .arg("seeds/000_0fd57f03c9fbaff9.txt"));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("rapport_\u{fffd}t\u{fffd}.txt"),
        "{}",
        out.stdout
    );
}

#[test]
fn exit_codes() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.txt");
    let ok = run(fazhi(home.path()).arg("parse").arg(SEED));
    assert_eq!(ok.code, Some(0), "{}", ok.stderr);
    let usage = run(fazhi(home.path()).args(["parse", "--no-such-flag"]));
    assert_eq!(usage.code, Some(2), "{}", usage.stderr);
    let nothing = run(fazhi(home.path()).arg("parse").arg(&missing));
    assert_eq!(nothing.code, Some(1), "{}", nothing.stderr);
    assert!(nothing.stderr.contains("no report could be loaded"));
    let some = run(fazhi(home.path()).arg("parse").arg(SEED).arg(&missing));
    assert_eq!(some.code, Some(0), "{}", some.stderr);
    for sub in ["parse", "outline", "indicators", "themes", "check"] {
        let strict = run(fazhi(home.path())
            .args(["--strict", sub])
            .arg(SEED)
            .arg(&missing));
        assert_eq!(strict.code, Some(3), "{sub}: {}", strict.stderr);
        assert!(
            !strict.stdout.is_empty(),
            "{sub}: the loaded report is still shown"
        );
        assert!(strict.stderr.contains("missing.txt"), "{sub}");
    }
    let strict_ok = run(fazhi(home.path()).args(["parse", "--strict"]).arg(SEED));
    assert_eq!(strict_ok.code, Some(0), "{}", strict_ok.stderr);
}

#[test]
fn a_page_nested_too_deep_loads_with_a_notice_and_its_text() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let depth = 5000;
    let page = format!(
        "<html><head><title>某市2025年法治政府建设年度报告</title></head><body>\
         <p>一、推进依法行政。全年办理行政复议案件123件，化解矛盾纠纷456件，培训执法人员789人次。坚持把学习贯彻习近平法治思想作为首要政治任务。</p>\
         {}二、深处。全年受理行政诉讼案件4567件。{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let path = dir.path().join("deep.html");
    fs::write(&path, page).expect("write");
    let out = run(fazhi(home.path()).args(["indicators", "--json"]).arg(&path));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("tags nested deeper than 256 levels were ignored (their text is kept)"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("4567"), "{}", out.stdout);
}

//! End to end: the real binary in a pseudo-terminal, keys sent, the screen read back through a
//! terminal emulator; the terminal must be restored when it quits.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    /// Closing the master would hang up the child.
    master: Box<dyn portable_pty::MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(config_home: &std::path::Path) -> Session {
        Session::start_in(config_home, &[], config_home)
    }

    /// The dashboard on `args`, in the working folder `cwd`; config, data and cache all in
    /// `config_home`, so nothing of the user's is read or written.
    fn start_in(config_home: &std::path::Path, args: &[&str], cwd: &std::path::Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_fazhi"));
        cmd.env("XDG_CONFIG_HOME", config_home);
        cmd.env("FAZHI_DATA_DIR", config_home.join("data"));
        cmd.env("FAZHI_CACHE_DIR", config_home.join("cache"));
        cmd.env_remove("FAZHI_CONFIG");
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).expect("spawn fazhi");
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(30).expect("rows"),
            NonZeroU16::new(100).expect("cols"),
            0,
        )));
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = sink.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Session {
            master: pty.master,
            parser,
            writer,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(Instant::now() < deadline, "never {what}:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, what: &str) -> String {
        self.wait_until(&format!("showed {what:?}"), |s| s.contains(what))
    }

    /// The child's exit status, once it has quit.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// After `how` ended the dashboard: the main screen, no mouse capture, the cursor shown.
    fn assert_restored(&self, how: &str) {
        // The reader thread may still be taking the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        let p = self.parser.lock().expect("parser");
        let screen = p.screen();
        assert!(!screen.alternate_screen(), "{how}: alternate screen left");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{how}: mouse capture released"
        );
        assert!(!screen.hide_cursor(), "{how}: cursor shown again");
        assert!(self.cooked(), "{how}: raw mode left");
    }

    /// The pty echoes and reads whole lines: not in raw mode.
    fn cooked(&self) -> bool {
        let Some(fd) = self.master.as_raw_fd() else {
            return false;
        };
        // SAFETY: termios is plain data, zeroes a valid value; tcgetattr fills it from a
        // descriptor this session owns and keeps open.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        let read = unsafe { libc::tcgetattr(fd, &mut termios) } == 0;
        read && termios.c_lflag & libc::ICANON != 0 && termios.c_lflag & libc::ECHO != 0
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(150));
    }
}

#[test]
fn dashboard_starts_searches_and_restores_the_terminal() {
    let config_home = tempfile::tempdir().expect("temp dir");
    let mut s = Session::start(config_home.path());
    let first = s.wait_for("必备");
    assert!(first.contains("报告") && first.contains("目录"), "{first}");
    {
        let p = s.parser.lock().expect("parser");
        assert!(
            p.screen().alternate_screen(),
            "dashboard draws on the alternate screen"
        );
    }

    // Navigate: the next report in the list, its text follows.
    s.send("j");
    s.wait_for("今年以来,莲塘镇");
    // Filter by theme: pick 执法 (the fourth theme) and apply; the filter is shown, `c` clears.
    s.send("t");
    s.send("jjj");
    s.send(" ");
    s.send("\r");
    s.wait_for("主题: 执法");
    s.send("c");
    s.wait_until("cleared the theme filter", |screen| {
        !screen.contains("主题: 执法")
    });

    s.send("?");
    s.wait_for("帮助 — 输入以筛选");
    s.send("\x1b");
    s.send("/");
    s.send("行政复议");
    s.send("\r");
    s.wait_for("“行政复议”");
    s.send("\r");
    // The results close and the text pane shows the first hit.
    s.wait_until("jumped to the hit", |screen| {
        !screen.contains("“行政复议”") && screen.contains("行政复议")
    });

    // The compare screen names both localities above its two columns.
    s.send("2");
    let compare = s.wait_for("共同文字占比");
    let header = compare
        .lines()
        .find(|l| l.starts_with("│A "))
        .unwrap_or_else(|| panic!("no A column:\n{compare}"));
    let names: Vec<&str> = header
        .split(['│', ' '])
        .filter(|w| !w.is_empty() && !["A", "B"].contains(w))
        .collect();
    assert!(header.contains("│B ") && names.len() >= 2, "{header}");

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored("q");
}

/// Screen 5 as a reviewer uses it: the rows, a filter, a sort, `e` writing a CSV of every report
/// into the working folder, and a status kept in the data folder.
#[test]
fn the_reviewers_desk_filters_sorts_and_exports() {
    let home = tempfile::tempdir().expect("temp dir");
    let work = tempfile::tempdir().expect("temp dir");
    let root = env!("CARGO_MANIFEST_DIR");
    let seeds = format!("{root}/seeds");
    let set = format!("{root}/crates/core/tests/review-corpus");
    let mut s = Session::start_in(home.path(), &[&seeds, &set], work.path());
    s.wait_for("必备");
    s.send("5");
    // A frame may be read half drawn: wait for all of what it should show.
    s.wait_until("showed the desk", |screen| {
        screen.contains("审阅 12/12") && screen.contains("复制比") && screen.contains("庄浪县")
    });
    // Late only: one report, then every report again.
    s.send("d");
    s.wait_until("kept the late report", |screen| {
        screen.contains("审阅 1/12") && screen.contains("广元市") && screen.contains("逾期")
    });
    s.send("X");
    s.wait_for("审阅 12/12");
    // Sort by the copied share (the 13th column), largest first: a copy heads the table.
    s.send(&"l".repeat(12));
    s.send("s");
    let first_row = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("县级") || l.contains("乡级") || l.contains("地级"))
            .unwrap_or_default()
            .to_string()
    };
    s.wait_until("sorted by the copied share", |screen| {
        let first = first_row(screen);
        screen.contains("复制比▼") && (first.contains("庄浪县") || first.contains("泾源县"))
    });
    s.send("e");
    s.wait_for("fazhi-review.csv");
    let csv = std::fs::read_to_string(work.path().join("fazhi-review.csv")).expect("the export");
    assert_eq!(csv.lines().count(), 13, "{csv}");
    // A status set here shows in its column (three to the right) and is in the data folder.
    s.send("r");
    s.send("lll");
    s.wait_for("已审");
    s.send("q");
    assert!(s.wait_exit().success());
    let notes = std::fs::read_to_string(home.path().join("data/reviews.toml")).expect("notes");
    assert!(notes.contains("reviewed"), "{notes}");
}

/// Signals that end the process leave the terminal as `q` does.
#[test]
fn signals_restore_the_terminal() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let config_home = tempfile::tempdir().expect("temp dir");
        let mut s = Session::start(config_home.path());
        s.wait_for("必备");
        assert!(
            s.parser.lock().expect("parser").screen().alternate_screen(),
            "the dashboard is up"
        );
        assert!(!s.cooked(), "the dashboard runs in raw mode");
        let pid = s.child.process_id().expect("a pid");
        // SAFETY: kill(2) with the pid of a child this test started and a valid signal number.
        let sent = unsafe { libc::kill(pid as libc::pid_t, number as libc::c_int) };
        assert_eq!(sent, 0, "SIG{signal} sent");
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
        s.assert_restored(&format!("SIG{signal}"));
    }
}

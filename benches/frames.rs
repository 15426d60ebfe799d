//! The dashboard as a user meets it: the release binary in a pseudo-terminal of 140×45 on a
//! folder of generated reports with a warm store, timed from outside as a terminal sees it.
//!
//! `cargo bench --bench frames -- DIR...` (each DIR written by
//! `cargo bench -p fazhi-core --bench scale -- --write DIR N`). For each folder: one run to fill
//! the store (its config, data and cache folders are temporary), then rounds of: spawn, time to
//! the first frame of the dashboard (the list drawn, not the loading gauge), then each common key
//! and the time from writing it to the first bytes of the answering output; screen 5 the first
//! time also to its rows, as it computes them in the background. The child's peak memory
//! (`VmHWM`) is read just before it quits. In the same run, jieba-rs alone reading, decoding and
//! segmenting the same files on the same cores (as the core's scale bench does). Medians.
//!
//! `-- --bin PATH DIR...` times another build of fazhi instead (a copy made before a change).
//!
//! The terminal's output is read all the time on a thread of its own: a pty whose output is not
//! drained fills its buffer and the dashboard blocks in its next write.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use rayon::prelude::*;

const ROUNDS: usize = 5;
const COLS: u16 = 140;
const ROWS: u16 = 45;
/// No output for this long: the frame is complete.
const QUIET: Duration = Duration::from_millis(300);
const PATIENCE: Duration = Duration::from_secs(120);

/// The terminal as the reader thread leaves it: the emulated screen and when each chunk came.
struct Seen {
    parser: vt100::Parser,
    chunks: Vec<Instant>,
}

struct Session {
    _master: Box<dyn portable_pty::MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    seen: Arc<Mutex<Seen>>,
    spawned: Instant,
}

impl Session {
    fn start(bin: &Path, folder: &Path, home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(bin);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("FAZHI_DATA_DIR", home.join("data"));
        cmd.env("FAZHI_CACHE_DIR", home.join("cache"));
        cmd.env_remove("FAZHI_CONFIG");
        cmd.env("TERM", "xterm-256color");
        cmd.arg(folder);
        cmd.cwd(home);
        let seen = Arc::new(Mutex::new(Seen {
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).expect("rows"),
                NonZeroU16::new(COLS).expect("cols"),
                0,
            ),
            chunks: Vec::new(),
        }));
        let spawned = Instant::now();
        let child = pty.slave.spawn_command(cmd).expect("spawn fazhi");
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let sink = Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let at = Instant::now();
                if let Ok(mut s) = sink.lock() {
                    s.parser.process(&buf[..n]);
                    s.chunks.push(at);
                }
            }
        });
        Session {
            writer: pty.master.take_writer().expect("writer"),
            _master: pty.master,
            child,
            seen,
            spawned,
        }
    }

    fn screen(&self) -> String {
        self.seen
            .lock()
            .map(|s| s.parser.screen().contents())
            .unwrap_or_default()
    }

    fn chunks(&self) -> usize {
        self.seen.lock().map(|s| s.chunks.len()).unwrap_or(0)
    }

    /// When the chunk that made `ok` true of the screen arrived.
    fn until(&self, what: &str, ok: impl Fn(&str) -> bool) -> Instant {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(s) = self.seen.lock()
                && ok(&s.parser.screen().contents())
            {
                return s.chunks.last().copied().unwrap_or_else(Instant::now);
            }
            assert!(
                Instant::now() < deadline,
                "never {what}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Wait until the output has been quiet for [`QUIET`].
    fn settle(&self) {
        loop {
            let last = self.seen.lock().ok().and_then(|s| s.chunks.last().copied());
            match last {
                Some(t) if t.elapsed() >= QUIET => return,
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    /// Write `keys`; milliseconds to the first bytes that answer them.
    fn key(&mut self, keys: &str) -> f64 {
        let before = self.chunks();
        let sent = Instant::now();
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
        let deadline = sent + PATIENCE;
        loop {
            if let Ok(s) = self.seen.lock()
                && let Some(t) = s.chunks.get(before)
            {
                return ms(t.duration_since(sent));
            }
            assert!(Instant::now() < deadline, "no answer to {keys:?}");
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    /// The child's peak resident memory so far, in MB.
    fn peak_mb(&self) -> f64 {
        let pid = self.child.process_id().expect("a pid");
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            })
            .unwrap_or(0.0)
            / 1024.0
    }

    /// Close any popup, then quit.
    fn quit(mut self) {
        self.writer.write_all(b"\x1b").expect("write esc");
        self.writer.flush().expect("flush");
        std::thread::sleep(QUIET);
        self.writer.write_all(b"q").expect("write q");
        self.writer.flush().expect("flush");
        let deadline = Instant::now() + PATIENCE;
        while self.child.try_wait().expect("wait").is_none() {
            assert!(Instant::now() < deadline, "did not quit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The dashboard, not the loading gauge: the outline pane of screen 1 is drawn.
fn dashboard(screen: &str) -> bool {
    screen.contains("目录") && !screen.contains("载入报告")
}

/// Screen 5's rows: its header and a report's level under it, no longer computing.
fn review_rows(screen: &str) -> bool {
    screen.contains("复制比")
        && ["县级", "乡级", "地级"].iter().any(|l| screen.contains(l))
        && !screen.contains("计算中")
}

/// The keys timed, in order, each with what it is called in the table.
const KEYS: [(&str, &str); 16] = [
    ("j", "j"),
    ("k", "k"),
    ("PageDown", "\x1b[6~"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5 (first)", "5"),
    ("3 (5 computing)", "3"),
    ("5 (computing)", "5"),
    ("j on 5", "j"),
    ("1", "1"),
    ("5 (again)", "5"),
    ("1 again", "1"),
    ("/", "/"),
    ("type 法治", "法治"),
    ("search ⏎", "\r"),
];

/// One round's figures: first frame, screen 5's rows, each key, peak memory.
struct Round {
    first_frame: f64,
    review_rows: f64,
    keys: Vec<f64>,
    peak_mb: f64,
}

fn round(bin: &Path, folder: &Path, home: &Path) -> Round {
    let mut s = Session::start(bin, folder, home);
    let spawned = s.spawned;
    let first_frame = ms(s.until("drew the dashboard", dashboard) - spawned);
    s.settle();
    let mut keys = Vec::new();
    let mut review = 0.0;
    let mut review_asked = Instant::now();
    for (name, bytes) in KEYS {
        let sent = Instant::now();
        keys.push(s.key(bytes));
        match name {
            // The next keys come while the rows are computed, as a user's would.
            "5 (first)" => {
                review_asked = sent;
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            "3 (5 computing)" => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            "5 (computing)" => {
                review = ms(s.until("showed screen 5's rows", review_rows) - review_asked);
            }
            _ => {}
        }
        s.settle();
    }
    let peak_mb = s.peak_mb();
    s.quit();
    Round {
        first_frame,
        review_rows: review,
        keys,
        peak_mb,
    }
}

/// jieba-rs alone on the same files: read, decode and clean, segment, in parallel.
fn jieba(folder: &Path) -> f64 {
    let start = Instant::now();
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let n = files
        .par_iter()
        .filter_map(|f| fazhi_core::ingest::read_path(f).ok())
        .map(|doc| std::hint::black_box(fazhi_core::text::segment::words(&doc.text)).len())
        .filter(|n| *n > 0)
        .count();
    std::hint::black_box(n);
    ms(start.elapsed())
}

/// jieba-rs alone in a process of its own, as the dashboard's start pays its dictionary too.
fn jieba_round(folder: &Path) -> f64 {
    let out = Command::new(std::env::current_exe().expect("this bench"))
        .arg("--jieba")
        .arg(folder)
        .output()
        .expect("the child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("jieba: {text}"))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` adds `--bench`; nothing here needs it.
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let [flag, folder] = args.as_slice()
        && flag == "--jieba"
    {
        println!("{:.1}", jieba(Path::new(folder)));
        return;
    }
    // `--bin PATH`: another build of fazhi, to compare before and after a change.
    let bin = match args.iter().position(|a| a == "--bin") {
        Some(at) if at + 1 < args.len() => {
            PathBuf::from(args.drain(at..at + 2).nth(1).unwrap_or_default())
        }
        _ => PathBuf::from(env!("CARGO_BIN_EXE_fazhi")),
    };
    assert!(
        !args.is_empty(),
        "name the folders of reports (cargo bench -p fazhi-core --bench scale -- --write DIR N)"
    );
    println!("frames benchmark: {COLS}×{ROWS}, warm store, median of {ROUNDS} rounds");
    for folder in args.iter().map(Path::new) {
        let files = std::fs::read_dir(folder).map_or(0, |d| d.count());
        let home = tempfile::tempdir().expect("temp dir");
        // Fill the store: every later start is warm.
        let warm_up = Session::start(&bin, folder, home.path());
        warm_up.until("drew the dashboard", dashboard);
        warm_up.settle();
        warm_up.quit();
        let jiebas: Vec<f64> = (0..3).map(|_| jieba_round(folder)).collect();
        let rounds: Vec<Round> = (0..ROUNDS)
            .map(|_| round(&bin, folder, home.path()))
            .collect();
        let jieba = median(jiebas);
        let first = median(rounds.iter().map(|r| r.first_frame).collect());
        println!("{} ({files} files)", folder.display());
        println!("  jieba-rs alone     {jieba:>8.1} ms");
        println!(
            "  first frame        {first:>8.1} ms  {:>5.2}× jieba",
            first / jieba
        );
        for (k, (name, _)) in KEYS.iter().enumerate() {
            let all: Vec<f64> = rounds.iter().map(|r| r.keys[k]).collect();
            let (lo, hi) = (
                all.iter().copied().fold(f64::MAX, f64::min),
                all.iter().copied().fold(0.0, f64::max),
            );
            println!(
                "  key {name:<14} {:>8.1} ms  (min {lo:.1}, max {hi:.1})",
                median(all)
            );
        }
        println!(
            "  screen 5's rows    {:>8.1} ms after the key",
            median(rounds.iter().map(|r| r.review_rows).collect())
        );
        println!(
            "  peak memory        {:>8.1} MB",
            median(rounds.iter().map(|r| r.peak_mb).collect())
        );
    }
}

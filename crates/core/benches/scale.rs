//! Loading a province's or a nation's reports: 1,000 and 10,000 generated reports, against
//! jieba-rs alone reading, decoding and segmenting the same files on the same cores, in the same
//! run.
//!
//! `cargo bench -p fazhi-core --bench scale [-- N...]` (default 1000 10000) writes N reports to a
//! temporary folder: the seeds' sections recombined (a seed's outline with a third of its sections
//! taken from the other seeds), each the report of a place drawn from `assets/divisions.tsv`
//! (counties, townships, prefectures) in a year from 2019 to 2025, its figures changed, a quarter
//! of its sections left out (about 9 KB a report, as in issue 10); one in ten
//! saved as GB18030, one in ten as a web page with its chrome (navigation, metadata, footer), and
//! one in twenty a copy of an earlier file (a duplicate). Each measurement runs in a child process
//! of its own, so its peak memory (`VmHWM`) is its own and no round warms the next; dictionaries
//! and automata are built inside the timed part, as a user waits for them. Median of 3 rounds:
//! - jieba: jieba-rs alone: read, decode and clean, segment, every file, in parallel;
//! - cold: `Corpus::load_with_progress` with no store (as `--no-cache`), and the word index;
//! - cold + store: the same writing a fresh store (a first start of the dashboard or `stats`);
//! - warm: the same reading that store back (every later start).
//!
//! `-- --write DIR N` only writes the N reports to DIR, to look at them or to run the CLI on them
//! (`/usr/bin/time -v fazhi stats DIR`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::Corpus;
use fazhi_core::store::Store;
use rayon::prelude::*;

const ROUNDS: usize = 3;
static DIVISIONS: &str = include_str!("../../../assets/divisions.tsv");

/// splitmix64: a fixed sequence, so every run generates the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A seed cut into its title, its sections (a heading line and the lines up to the next) and
/// the name and year it reports for.
struct Seed {
    title: String,
    blocks: Vec<Vec<String>>,
    place: String,
    year: i32,
}

/// A heading line: numbered (一、) or short without a closing stop, as the seeds write them.
fn is_heading(line: &str) -> bool {
    let numerals = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    let numbered = numerals > 0 && line.chars().nth(numerals) == Some('、');
    let short = line.chars().count() < 30 && !line.ends_with(['。', '；', '：', ':']);
    numbered || short
}

fn seeds(taxonomy: &Taxonomy) -> Vec<Seed> {
    fazhi_core::seeds::SEEDS
        .iter()
        .map(|(name, bytes)| {
            let report = fazhi_core::corpus::load_bytes(bytes, name, taxonomy).expect("a seed");
            let text = String::from_utf8_lossy(bytes);
            let mut lines = text.lines().filter(|l| !l.trim().is_empty());
            let title = lines.next().unwrap_or_default().to_string();
            let mut blocks: Vec<Vec<String>> = Vec::new();
            for line in lines {
                match blocks.last_mut() {
                    Some(block) if !is_heading(line) => block.push(line.to_string()),
                    _ => blocks.push(vec![line.to_string()]),
                }
            }
            Seed {
                title,
                blocks,
                place: report.locality.map(|l| l.name).unwrap_or_default(),
                year: report.year.unwrap_or(2023),
            }
        })
        .collect()
}

/// Places to report for: (its name as a title writes it, with its parent's for a township).
fn places() -> Vec<(String, String)> {
    let rows: Vec<Vec<&str>> = DIVISIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .filter(|r: &Vec<&str>| r.len() == 4)
        .collect();
    let name_of = |code: &str| {
        rows.iter()
            .find(|r| r[0] == code)
            .map(|r| r[1].to_string())
            .unwrap_or_default()
    };
    let mut rng = Rng(7);
    let mut pick = |level: &str, n: usize| -> Vec<(String, String)> {
        let of_level: Vec<&Vec<&str>> = rows.iter().filter(|r| r[3] == level).collect();
        (0..n)
            .map(|_| {
                let r = of_level[rng.below(of_level.len())];
                let lead = if level == "t" {
                    name_of(r[2])
                } else {
                    String::new()
                };
                (r[1].to_string(), format!("{lead}{}", r[1]))
            })
            .collect()
    };
    let mut all = pick("c", 600);
    all.extend(pick("t", 250));
    all.extend(pick("f", 150));
    all
}

/// Every figure changed (not years): a digit run not followed by 年 gets other digits.
fn vary_numbers(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if chars.get(i) == Some(&'年') {
            out.extend(&chars[start..i]);
            continue;
        }
        for k in start..i {
            let d = rng.below(10) as u32;
            let d = if k == start && i - start > 1 {
                d.max(1)
            } else {
                d
            };
            out.push(char::from_digit(d, 10).unwrap_or('1'));
        }
    }
    out
}

fn page(title: &str, body: &str, place: &str, year: i32, charset: &str) -> String {
    let paragraphs: String = body
        .lines()
        .map(|l| format!("<p style=\"text-indent:2em\">{l}</p>\n"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{title}_{place}人民政府</title></head><body>\n\
         <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zwgk\">政务公开</a> <a href=\"/fzzf\">法治政府</a></div>\n\
         <div class=\"crumb\">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>\n\
         <table class=\"meta\"><tr><td>索引号：</td><td>000014349/{next}-00012</td><td>发布机构：</td><td>{place}人民政府</td></tr>\n\
         <tr><td>生成日期：</td><td>{next}-03-28</td><td>浏览：</td><td>318次</td></tr></table>\n\
         <h1>{title}</h1>\n<div class=\"content\">\n{paragraphs}</div>\n\
         <div class=\"share\">分享到：微信 微博 QQ空间 【打印本页】【关闭窗口】</div>\n\
         <div class=\"footer\">版权所有：{place}人民政府 ICP备05001234号 扫一扫在手机上查看当前页面</div>\n\
         </body></html>\n",
        next = year + 1
    )
}

/// Write `n` reports to `dir`; the files and their total size in bytes.
fn generate(dir: &Path, n: usize, seeds: &[Seed]) -> (Vec<PathBuf>, u64) {
    let places = places();
    let mut rng = Rng(n as u64);
    let mut written: Vec<PathBuf> = Vec::new();
    let mut bytes_total = 0;
    for i in 0..n {
        if i % 20 == 19 {
            let earlier = &written[rng.below(written.len())];
            let ext = earlier
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("txt");
            let copy = dir.join(format!("report_{i:05}_copy.{ext}"));
            std::fs::copy(earlier, &copy).expect("copy a report");
            bytes_total += std::fs::metadata(&copy).map_or(0, |m| m.len());
            written.push(copy);
            continue;
        }
        let seed = &seeds[rng.below(seeds.len())];
        let (place, full) = &places[rng.below(places.len())];
        let year = 2019 + rng.below(7) as i32;
        let mut blocks = Vec::new();
        for block in &seed.blocks {
            // A quarter of the sections left out: reports of about 9 KB, as the issue measured.
            if !blocks.is_empty() && rng.below(4) == 0 {
                continue;
            }
            let from = if rng.below(3) == 0 {
                let other = &seeds[rng.below(seeds.len())];
                &other.blocks[rng.below(other.blocks.len())]
            } else {
                block
            };
            blocks.push(from.join("\n"));
        }
        // Too little left (a seed of a few long sections lost most of them): the seed's own.
        if blocks.iter().map(|b| b.chars().count()).sum::<usize>() < 2000 {
            blocks = seed.blocks.iter().map(|b| b.join("\n")).collect();
        }
        let mut body = blocks.join("\n");
        for s in seeds {
            if !s.place.is_empty() {
                body = body.replace(&s.place, place);
            }
            body = body
                .replace(&format!("{}年", s.year + 1), &format!("{}年", year + 1))
                .replace(&format!("{}年", s.year), &format!("{year}年"));
        }
        let body = vary_numbers(&body, &mut rng);
        let title = if seed.title.contains("报告") {
            format!("{full}{year}年法治政府建设年度报告")
        } else {
            format!("{full}关于{year}年度法治政府建设情况的报告")
        };
        let (ext, text) = match i % 10 {
            3 => ("html", page(&title, &body, full, year, "utf-8")),
            7 => ("html", page(&title, &body, full, year, "gb2312")),
            _ => ("txt", format!("{title}\n{body}\n")),
        };
        let bytes: Vec<u8> = if i % 10 == 5 || i % 10 == 7 {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        let path = dir.join(format!("report_{i:05}.{ext}"));
        std::fs::write(&path, &bytes).expect("write a report");
        bytes_total += bytes.len() as u64;
        written.push(path);
    }
    (written, bytes_total)
}

/// The peak resident memory of this process so far, in kB.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// One measurement in this (child) process: prints "ms peak_kb reports".
fn child(what: &str, folder: &Path, store: &Path) {
    let start = Instant::now();
    let reports = match what {
        "jieba" => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
                .expect("the corpus folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            files
                .par_iter()
                .filter_map(|f| fazhi_core::ingest::read_path(f).ok())
                .map(|doc| std::hint::black_box(fazhi_core::text::segment::words(&doc.text)).len())
                .filter(|n| *n > 0)
                .count()
        }
        _ => {
            let taxonomy = Arc::new(Taxonomy::embedded());
            let opened = (what != "cold").then(|| Store::open(store, &taxonomy).expect("a store"));
            let corpus = Corpus::load_with_progress(
                &[folder.to_path_buf()],
                taxonomy,
                opened.as_ref().map(|(s, _)| s),
                fazhi_core::ingest::DEFAULT_MAX_FILE_BYTES,
                &|_| {},
            );
            // The word index is built on first use (the dashboard builds it behind its first
            // frame); a load that a user can search includes it, as `fazhi stats` does.
            corpus.build_index();
            std::hint::black_box(&corpus);
            if what == "review" {
                // `fazhi review` on a warm store: the load above, then the whole set reviewed.
                let rows = fazhi_core::analyse::review::review(
                    &corpus.reports,
                    &fazhi_core::analyse::shared::gazetteer,
                    fazhi_core::analyse::shared::Slogans::shared(),
                );
                std::hint::black_box(&rows);
            }
            corpus.reports.len()
        }
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("{ms:.1} {} {reports}", peak_kb());
}

/// One measured round.
struct Round {
    ms: f64,
    peak_mb: f64,
    reports: usize,
}

/// Run one measurement in a child process.
fn measure(what: &str, folder: &Path, store: &Path) -> Round {
    let out = Command::new(std::env::current_exe().expect("this bench"))
        .args(["--child", what])
        .arg(folder)
        .arg(store)
        .output()
        .expect("the child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<f64> = text
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    assert!(
        out.status.success() && fields.len() == 3,
        "{what}: {text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Round {
        ms: fields[0],
        peak_mb: fields[1] / 1024.0,
        reports: fields[2] as usize,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn store_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn main() {
    // `cargo bench` adds `--bench`; nothing here needs it.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let [flag, what, folder, store] = args.as_slice()
        && flag == "--child"
    {
        child(what, Path::new(folder), Path::new(store));
        return;
    }
    let taxonomy = Taxonomy::embedded();
    let seeds = seeds(&taxonomy);
    if let [flag, dir, n] = args.as_slice()
        && flag == "--write"
    {
        std::fs::create_dir_all(dir).expect("the folder to write to");
        let (files, input) = generate(
            Path::new(dir),
            n.parse().expect("a number of reports"),
            &seeds,
        );
        println!(
            "{} files, {:.1} MB, in {dir}",
            files.len(),
            input as f64 / 1e6
        );
        return;
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10000]
    } else {
        sizes
    };
    println!(
        "scale benchmark: median of {ROUNDS} rounds, {} threads",
        rayon::current_num_threads()
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let (files, input) = generate(dir.path(), n, &seeds);
        let stores = tempfile::tempdir().expect("temp dir");
        let mut runs: Vec<(&str, Vec<Round>)> = Vec::new();
        for what in ["jieba", "cold", "cold+store", "warm", "review"] {
            let rounds = (0..ROUNDS)
                .map(|round| {
                    // Each cold round writes a store of its own; warm reads the first one's.
                    let store = match what {
                        "cold+store" => stores.path().join(format!("s{round}")),
                        _ => stores.path().join("s0"),
                    };
                    measure(what, dir.path(), &store)
                })
                .collect();
            runs.push((what, rounds));
        }
        let stored = store_bytes(&stores.path().join("s0"));
        let jieba = median(runs[0].1.iter().map(|r| r.ms).collect());
        println!(
            "{n} reports ({} files, {:.1} MB)",
            files.len(),
            input as f64 / 1e6
        );
        for (what, rounds) in &runs {
            let ms = median(rounds.iter().map(|r| r.ms).collect());
            let peak = median(rounds.iter().map(|r| r.peak_mb).collect());
            println!(
                "  {what:<11} {:>9.1} ms  {:>5.2}× jieba  peak {:>7.1} MB  {} reports",
                ms,
                ms / jieba,
                peak,
                rounds[0].reports
            );
        }
        println!(
            "  store {:.1} MB for {:.1} MB of input ({:.2}×)",
            stored as f64 / 1e6,
            input as f64 / 1e6,
            stored as f64 / input.max(1) as f64
        );
    }
}

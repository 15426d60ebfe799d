//! `fazhi`: the dashboard (no subcommand) and the headless CLI over the same library.

use std::cell::Cell;
use std::ffi::{OsStr, OsString};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use fazhi::config::Config;
use fazhi_core::analyse::matrix::Matrix;
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::{Corpus, Progress, Streamed};
use fazhi_core::export as cli;
use fazhi_core::model::Report;
use fazhi_core::store::Store;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Read and compare Chinese local governments' annual reports on rule-of-law government
/// building (法治政府建设年度报告). With no subcommand, opens the dashboard.
#[derive(Parser)]
#[command(name = "fazhi", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Parse every file afresh, neither reading nor writing the corpus store.
    #[arg(long, global = true)]
    no_cache: bool,
    /// Exit with status 3 when some file could not be loaded, even though others were.
    #[arg(long, global = true)]
    strict: bool,
    /// Report files or folders to open in the dashboard (default: the configured folders, else
    /// the embedded seed reports).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print each report as JSON: locality, year, title, sections with measures, indicators.
    Parse {
        /// Print JSON (the only format; accepted for scripts that say so).
        #[arg(long)]
        json: bool,
        /// Report files or folders (.txt, .html, .htm; folders are read recursively).
        /// None: the embedded seed reports.
        paths: Vec<PathBuf>,
    },
    /// Print each report's section tree as indented text, with parts and themes.
    Outline {
        /// Report files or folders. None: the embedded seed reports.
        paths: Vec<PathBuf>,
    },
    /// List every quantitative indicator: locality, year, section, label, value, unit, canonical id.
    /// With --matrix: canonical indicators × reports, as on the dashboard's 指标 screen.
    Indicators {
        /// Only indicators of this theme (functions, rules, decisions, enforcement, emergencies,
        /// disputes, oversight, digital, leadership, publicity).
        #[arg(long)]
        theme: Option<String>,
        /// One row per canonical indicator, one column per report (each report's first value).
        #[arg(long)]
        matrix: bool,
        /// CSV (UTF-8 with BOM, opens correctly in Excel).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// JSON array of rows.
        #[arg(long)]
        json: bool,
        /// Report files or folders. None: the embedded seed reports.
        paths: Vec<PathBuf>,
    },
    /// Theme coverage: for each report, the share of its text that speaks to each theme, as on
    /// the dashboard's 主题 screen.
    Themes {
        /// CSV (UTF-8 with BOM, opens correctly in Excel); shares from 0 to 1.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// JSON array, one object per report.
        #[arg(long)]
        json: bool,
        /// Report files or folders. None: the embedded seed reports.
        paths: Vec<PathBuf>,
    },
    /// Write the reports to a SQLite database for pandas, R or DuckDB: tables reports, sections,
    /// indicators, theme_shares and the full-text index report_words (schema in README.md).
    Export {
        /// The database file to write (replaced if it exists).
        #[arg(long, value_name = "FILE")]
        sqlite: PathBuf,
        /// Report files or folders. None: the embedded seed reports.
        paths: Vec<PathBuf>,
    },
    /// Compare two reports measure by measure: aligned pairs with word-level differences, moved
    /// and unmatched measures, shared passages (possible copying) and foreign place names.
    Diff {
        /// The first report: a file path, or a locality name (NAME or NAME@YEAR) among the
        /// reports given with --in (default: the configured folders, else the embedded seeds).
        /// A path that is not valid UTF-8 is accepted as a file.
        a: OsString,
        /// The second report, as A.
        b: OsString,
        /// Compare only measures of this theme.
        #[arg(long)]
        theme: Option<String>,
        /// text: side by side in the terminal's width; json: the comparison for scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Where to look up locality names.
        #[arg(long = "in", value_name = "PATH")]
        search: Vec<PathBuf>,
    },
    /// Load as the dashboard does (the same settings and store; with no paths, the configured
    /// folders, else the embedded seeds) and print what was loaded: reports, localities by level
    /// and province, years, indicators, problems, and the time of each stage of the load.
    Stats {
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Report files or folders. None: the configured folders, else the embedded seeds.
        paths: Vec<PathBuf>,
    },
    /// Check each report for the parts an annual report must have (举措和成效, 不足和原因,
    /// 第一责任人职责, 下一年度安排), with the heading or sentence that shows each.
    Check {
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Report files or folders. None: the embedded seed reports.
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            // Errors quote arguments and file names, which may hold escape sequences.
            eprintln!(
                "fazhi: {}",
                fazhi_core::sanitize::for_terminal(&format!("{e:#}"))
            );
            ExitCode::FAILURE
        }
    }
}

/// What every command loads reports with, built once from the configuration.
struct Loader {
    taxonomy: Arc<Taxonomy>,
    /// The corpus store, unless `--no-cache` or there is no cache folder.
    cache: Option<Store>,
    /// The configured report folders, used when no path is given.
    folders: Vec<PathBuf>,
    max_file_bytes: u64,
    /// How many files could not be loaded so far, for `--strict`.
    failures: Cell<usize>,
}

impl Loader {
    fn new(config: &Config, no_cache: bool) -> Result<Loader> {
        let taxonomy = Arc::new(config.library.taxonomy()?);
        let cache = match config.library.store(&taxonomy).filter(|_| !no_cache) {
            None => None,
            Some(Ok((store, notice))) => {
                if let Some(notice) = notice {
                    eprintln!("fazhi: {}", fazhi_core::sanitize::for_terminal(&notice));
                }
                Some(store)
            }
            // The store only saves time: without it everything is parsed afresh.
            Some(Err(e)) => {
                eprintln!(
                    "fazhi: {} (parsing without the store)",
                    fazhi_core::sanitize::for_terminal(&e.to_string())
                );
                None
            }
        };
        Ok(Loader {
            taxonomy,
            cache,
            folders: config.library.report_folders.clone(),
            max_file_bytes: config.library.max_file_bytes,
            failures: Cell::new(0),
        })
    }

    /// Success, unless `strict` and some file could not be loaded (others did, or the command
    /// would have failed already).
    fn success(&self, strict: bool) -> ExitCode {
        if strict && self.failures.get() > 0 {
            ExitCode::from(3)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Load the given paths (none: the embedded seeds), reporting on stderr every file that
    /// failed and every report that loaded damaged.
    fn load(&self, paths: &[PathBuf]) -> Corpus {
        let corpus = if paths.is_empty() {
            Corpus::embedded(Arc::clone(&self.taxonomy))
        } else {
            let bar = LoadBar::new();
            let corpus = Corpus::load_with_progress(
                paths,
                Arc::clone(&self.taxonomy),
                self.cache.as_ref(),
                self.max_file_bytes,
                &|p| bar.update(p),
            );
            bar.finish();
            corpus
        };
        self.failures
            .set(self.failures.get() + corpus.problems.len());
        for problem in corpus.problems.iter().chain(&corpus.warnings) {
            eprintln!("fazhi: {problem}");
        }
        corpus
    }

    /// As [`Loader::load`], the configured folders standing in for no paths.
    fn load_or_configured(&self, paths: &[PathBuf]) -> Corpus {
        self.load(if paths.is_empty() {
            &self.folders
        } else {
            paths
        })
    }
}

/// A progress bar on stderr for a load that takes more than a second, on a terminal only.
struct LoadBar {
    bar: ProgressBar,
    start: Instant,
    shown: AtomicBool,
}

impl LoadBar {
    fn new() -> LoadBar {
        LoadBar {
            bar: ProgressBar::hidden(),
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    fn update(&self, p: Progress<'_>) {
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() > Duration::from_secs(1)
            && std::io::stderr().is_terminal()
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_length(p.total as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:30} {pos}/{len} {per_sec} eta {eta} {wide_msg}")
            {
                self.bar.set_style(style);
            }
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.set_position(p.done as u64);
        let name = p.file.file_name().map(|n| n.to_string_lossy());
        self.bar.set_message(fazhi_core::sanitize::for_terminal(
            &name.unwrap_or_default(),
        ));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn run(args: Cli) -> Result<ExitCode> {
    let config = Config::load()?;
    let loader = Loader::new(&config, args.no_cache)?;
    let Some(command) = args.command else {
        return dashboard(&loader, &args.paths, config, args.strict);
    };
    if let Command::Diff {
        a,
        b,
        theme,
        format,
        search,
    } = &command
    {
        diff(&loader, a, b, theme.as_deref(), *format, search)?;
        return Ok(loader.success(args.strict));
    }
    if let Command::Parse { paths, .. } = &command
        && !paths.is_empty()
    {
        return parse_streaming(&loader, paths, args.strict);
    }
    if let Command::Stats { json, paths } = &command {
        return stats(&loader, paths, *json, args.strict);
    }
    let paths = match &command {
        Command::Parse { paths, .. }
        | Command::Outline { paths }
        | Command::Indicators { paths, .. }
        | Command::Themes { paths, .. }
        | Command::Export { paths, .. }
        | Command::Check { paths, .. } => paths.clone(),
        Command::Diff { .. } | Command::Stats { .. } => Vec::new(),
    };
    let corpus = loader.load(&paths);
    if corpus.reports.is_empty() {
        eprintln!("fazhi: no report could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    let reports: Vec<&Report> = corpus.reports.iter().collect();
    let out = match command {
        Command::Parse { .. } => cli::parse_json(&reports) + "\n",
        Command::Outline { .. } => reports
            .iter()
            .map(|r| cli::outline_text(r))
            .collect::<Vec<_>>()
            .join("\n"),
        Command::Indicators {
            matrix: true,
            theme,
            csv,
            json,
            ..
        } => {
            check_theme(&corpus, theme.as_deref())?;
            let mut matrix = Matrix::new(reports.iter().copied());
            if let Some(t) = &theme {
                matrix.rows.retain(|row| &row.theme == t);
            }
            if csv {
                cli::matrix_csv(&reports, &matrix).context("writing CSV")?
            } else if json {
                cli::matrix_json(&reports, &matrix) + "\n"
            } else {
                cli::matrix_text(&reports, &matrix)
            }
        }
        Command::Export { sqlite, .. } => {
            fazhi_core::store::export_sqlite(&sqlite, &corpus.reports, corpus.taxonomy())?;
            eprintln!(
                "fazhi: {} reports written to {}",
                corpus.reports.len(),
                fazhi_core::sanitize::for_terminal(&sqlite.to_string_lossy())
            );
            String::new()
        }
        Command::Themes { csv, json, .. } => {
            let taxonomy = corpus.taxonomy();
            if csv {
                cli::coverage_csv(&reports, taxonomy).context("writing CSV")?
            } else if json {
                cli::json(&cli::coverage_rows(&reports, taxonomy))? + "\n"
            } else {
                cli::coverage_text(&reports, taxonomy)
            }
        }
        Command::Indicators {
            theme, csv, json, ..
        } => {
            check_theme(&corpus, theme.as_deref())?;
            let rows = cli::indicator_rows(&reports, theme.as_deref());
            if csv {
                cli::indicators_csv(&rows).context("writing CSV")?
            } else if json {
                cli::json(&rows)? + "\n"
            } else {
                cli::indicators_text(&rows)
            }
        }
        Command::Diff { .. } | Command::Stats { .. } => String::new(),
        Command::Check { json, .. } => {
            if json {
                let checks: Vec<_> = reports
                    .iter()
                    .map(|r| {
                        serde_json::json!({
                            "source": r.source,
                            "locality": r.locality.as_ref().map(|l| &l.name),
                            "year": r.year,
                            "check": fazhi_core::check::check(r),
                        })
                    })
                    .collect();
                cli::json(&checks)? + "\n"
            } else {
                reports
                    .iter()
                    .map(|r| cli::check_text(r))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    };
    write_out(&out)?;
    Ok(loader.success(args.strict))
}

fn check_theme(corpus: &Corpus, theme: Option<&str>) -> Result<()> {
    if let Some(t) = theme
        && corpus.taxonomy().get(t).is_none()
    {
        let ids: Vec<&str> = corpus
            .taxonomy()
            .themes
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        anyhow::bail!("unknown theme '{t}' (known: {})", ids.join(", "));
    }
    Ok(())
}

/// `fazhi diff A B`: each side a file, or a locality name among the reports to search.
fn diff(
    loader: &Loader,
    a: &OsStr,
    b: &OsStr,
    theme: Option<&str>,
    format: Format,
    search: &[PathBuf],
) -> Result<()> {
    let named = |arg: &OsStr| !Path::new(arg).exists();
    let files: Vec<PathBuf> = [a, b]
        .iter()
        .filter(|s| !named(s))
        .map(PathBuf::from)
        .collect();
    let given = if files.is_empty() {
        Corpus::from_reports(Vec::new(), Arc::clone(&loader.taxonomy))
    } else {
        loader.load(&files)
    };
    check_theme(&given, theme)?;
    let pool = if named(a) || named(b) {
        loader.load_or_configured(search)
    } else {
        Corpus::from_reports(Vec::new(), Arc::clone(&loader.taxonomy))
    };
    let pick = |given_arg: &OsStr| -> Result<&Report> {
        // A report's source is its path as loading spelled it: lossily, for a non-UTF-8 name.
        let arg = given_arg.to_string_lossy();
        if named(given_arg) {
            cli::find_report(&pool.reports, &arg).map_err(anyhow::Error::msg)
        } else {
            given
                .reports
                .iter()
                .find(|r| r.source == arg)
                .ok_or_else(|| anyhow::anyhow!("{arg}: could not be loaded"))
        }
    };
    let (ra, rb) = (pick(a)?, pick(b)?);
    let comparison = fazhi_core::analyse::compare::compare(ra, rb, theme, &loader.taxonomy);
    let out = match format {
        Format::Json => cli::json(&comparison)? + "\n",
        Format::Text => {
            let terminal = std::io::stdout().is_terminal();
            let markers = !terminal || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let width = if terminal {
                ratatui::crossterm::terminal::size().map_or(100, |(w, _)| w as usize)
            } else {
                100
            };
            fazhi_core::analyse::compare::render_text(&comparison, width, markers)
        }
    };
    write_out(&out)?;
    Ok(())
}

/// `fazhi parse --json PATH...`: each report printed as soon as it and those before it are parsed,
/// so memory stays flat however many reports there are.
fn parse_streaming(loader: &Loader, paths: &[PathBuf], strict: bool) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    let mut printed = 0usize;
    let mut failed: Option<std::io::Error> = None;
    let mut write = |text: &str, failed: &mut Option<std::io::Error>| {
        if failed.is_none()
            && let Err(e) = stdout.write_all(text.as_bytes())
        {
            *failed = Some(e);
        }
    };
    write("[", &mut failed);
    Corpus::stream(
        paths,
        &loader.taxonomy,
        loader.cache.as_ref(),
        loader.max_file_bytes,
        |item| match item {
            Streamed::Report(report) => {
                let lead = if printed == 0 { "\n" } else { ",\n" };
                write(lead, &mut failed);
                write(&cli::parse_json_element(&report), &mut failed);
                printed += 1;
            }
            Streamed::Problem(p) => {
                loader.failures.set(loader.failures.get() + 1);
                eprintln!("fazhi: {p}");
            }
            Streamed::Warning(p) => eprintln!("fazhi: {p}"),
        },
    );
    write(if printed == 0 { "]\n" } else { "\n]\n" }, &mut failed);
    match failed {
        // A closed pipe (`fazhi parse | head`) is not an error worth a message.
        Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    if printed == 0 {
        eprintln!("fazhi: no report could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    Ok(loader.success(strict))
}

fn write_out(out: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        // A closed pipe (`fazhi parse | head`) is not an error worth a message.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// `fazhi stats`: the dashboard's load, counted and timed.
fn stats(loader: &Loader, paths: &[PathBuf], json: bool, strict: bool) -> Result<ExitCode> {
    let corpus = loader.load_or_configured(paths);
    let stats = fazhi_core::stats::Stats::of(&corpus, rayon::current_num_threads());
    if json {
        write_out(&(cli::json(&stats)? + "\n"))?;
    } else {
        write_out(&stats.text())?;
    }
    if corpus.reports.is_empty() {
        eprintln!("fazhi: no report could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    Ok(loader.success(strict))
}

fn dashboard(loader: &Loader, paths: &[PathBuf], config: Config, strict: bool) -> Result<ExitCode> {
    let corpus = loader.load_or_configured(paths);
    if corpus.reports.is_empty() {
        eprintln!("fazhi: no report could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    fazhi::tui::run(corpus, config.dashboard)?;
    Ok(loader.success(strict))
}

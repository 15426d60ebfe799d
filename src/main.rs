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
use fazhi_core::analyse::review::RowWithPassages;
use fazhi_core::analyse::themes::Taxonomy;
use fazhi_core::corpus::{Corpus, Progress, Streamed};
use fazhi_core::export as cli;
use fazhi_core::model::Report;
use fazhi_core::notes::Notes;
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
        /// Report files or folders. None: the configured folders, else the embedded seeds.
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
        /// Report files or folders. None: the configured folders, else the embedded seeds.
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
        /// Report files or folders. None: the configured folders, else the embedded seeds.
        paths: Vec<PathBuf>,
    },
    /// Write the reports to a SQLite database for pandas, R or DuckDB: tables reports, sections,
    /// indicators, theme_shares and the full-text index report_words (schema in README.md).
    Export {
        /// The database file to write (replaced if it exists).
        #[arg(long, value_name = "FILE")]
        sqlite: PathBuf,
        /// Report files or folders. None: the configured folders, else the embedded seeds.
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
    /// One locality across its years: its canonical indicators year by year with the change from
    /// the year before (when the units match) and a sparkline, and the share of each year's text
    /// reused from the year before, with the number of shared passages.
    Years {
        /// The locality: its name as written or its official name (泾源县), NAME@YEAR, or the
        /// path of one of its reports, among the reports given with --in (default: the configured
        /// folders, else the embedded seeds). Its reports are those of the same place and name.
        name: String,
        /// CSV (UTF-8 with BOM, opens correctly in Excel): a row per indicator and year, then a
        /// row per year with the share reused from the year before (0 to 1).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// JSON: the reports, the indicator rows (values, changes, sparkline) and the reuse.
        #[arg(long)]
        json: bool,
        /// Where to look for the locality's reports.
        #[arg(long = "in", value_name = "PATH")]
        search: Vec<PathBuf>,
    },
    /// The reviewer's desk: one row per report with its parts (found, mentioned, missing, and
    /// whether the shortcomings come with causes), publish date and lateness, indicators, and
    /// copying: the share of its text found in other reports, its top source, its reuse of the
    /// locality's previous year, and place names of other localities.
    Review {
        /// CSV (UTF-8 with BOM, opens correctly in Excel); shares from 0 to 1.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// JSON array, one object per report.
        #[arg(long)]
        json: bool,
        /// With --json: each report's passages shared with its top source, with both offsets.
        #[arg(long, requires = "json")]
        passages: bool,
        /// Report files or folders. None: the configured folders, else the embedded seeds.
        paths: Vec<PathBuf>,
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
    /// 第一责任人职责, 下一年度安排), with the heading or sentence that shows each. For more than
    /// one report, a summary table comes first: a line per report with each part found (有),
    /// mentioned in a sentence only (提及) or missing (缺), the causes of the shortcomings, the
    /// publish date and whether it was late.
    Check {
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Exit with status 4 when any report lacks a required part altogether (a part or the
        /// causes of the shortcomings missing; one mentioned in a sentence counts as there),
        /// after printing everything. Status 4 wins over --strict's 3.
        #[arg(long)]
        require_parts: bool,
        /// Report files or folders. None: the configured folders, else the embedded seeds.
        paths: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    fazhi::memory::share_arenas();
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
            let corpus = self.load_quietly(paths, &|p| bar.update(p));
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

    /// Load `paths`, telling `progress` of every file and printing nothing.
    fn load_quietly(&self, paths: &[PathBuf], progress: &(dyn Fn(Progress<'_>) + Sync)) -> Corpus {
        Corpus::load_with_progress(
            paths,
            Arc::clone(&self.taxonomy),
            self.cache.as_ref(),
            self.max_file_bytes,
            progress,
        )
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
    if let Command::Years {
        name,
        csv,
        json,
        search,
    } = &command
    {
        return years(&loader, name, *csv, *json, search, args.strict);
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
        | Command::Review { paths, .. }
        | Command::Check { paths, .. } => paths.clone(),
        Command::Diff { .. } | Command::Years { .. } | Command::Stats { .. } => Vec::new(),
    };
    let corpus = loader.load_or_configured(&paths);
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
            fazhi_core::store::export_sqlite(&sqlite, &corpus)?;
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
        Command::Diff { .. } | Command::Years { .. } | Command::Stats { .. } => String::new(),
        Command::Review {
            csv,
            json,
            passages,
            ..
        } => {
            let rows = fazhi_core::analyse::review::review(
                &corpus.reports,
                &fazhi_core::analyse::shared::gazetteer,
                fazhi_core::analyse::shared::Slogans::shared(),
            );
            let rows: Vec<_> = rows.iter().collect();
            let notes = review_notes(&config.library);
            if csv {
                cli::review_csv(&rows, notes.as_ref()).context("writing CSV")?
            } else if json && passages {
                // Rows come in the order of the reports reviewed.
                let rows: Vec<_> = rows
                    .iter()
                    .zip(&corpus.reports)
                    .map(|(r, report)| RowWithPassages::of(r, report))
                    .collect();
                cli::json(&rows)? + "\n"
            } else if json {
                cli::json(&rows)? + "\n"
            } else {
                cli::review_text(&rows, notes.as_ref())
            }
        }
        Command::Check {
            json,
            require_parts,
            ..
        } => {
            let checks: Vec<_> = reports
                .iter()
                .map(|r| fazhi_core::check::check(r))
                .collect();
            let out = if json {
                cli::json(&cli::check_json(&reports, &checks))? + "\n"
            } else {
                cli::check_text(&reports, &checks)
            };
            if require_parts && checks.iter().any(cli::lacks_a_part) {
                write_out(&out)?;
                return Ok(ExitCode::from(4));
            }
            out
        }
    };
    write_out(&out)?;
    Ok(loader.success(args.strict))
}

/// The reviewer's statuses and notes the dashboard keeps, if any; a file that cannot be read is
/// named on stderr and left out, never overwritten.
fn review_notes(library: &fazhi_core::settings::Settings) -> Option<Notes> {
    let path = library.notes_file()?;
    match Notes::load(&path) {
        Ok(notes) => Some(notes),
        Err(e) => {
            eprintln!(
                "fazhi: {}",
                fazhi_core::sanitize::for_terminal(&e.to_string())
            );
            None
        }
    }
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

/// `fazhi years NAME`: the named locality's reports among those to search, year by year.
fn years(
    loader: &Loader,
    name: &str,
    csv: bool,
    json: bool,
    search: &[PathBuf],
    strict: bool,
) -> Result<ExitCode> {
    let corpus = loader.load_or_configured(search);
    if corpus.reports.is_empty() {
        eprintln!("fazhi: no report could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    let key = cli::find_locality(&corpus.reports, name).map_err(anyhow::Error::msg)?;
    let years = fazhi_core::analyse::years::years(
        &corpus.reports,
        &key,
        fazhi_core::analyse::shared::Slogans::shared(),
    );
    let out = if csv {
        cli::years_csv(&years).context("writing CSV")?
    } else if json {
        cli::json(&years)? + "\n"
    } else {
        cli::years_text(&years)
    };
    write_out(&out)?;
    Ok(loader.success(strict))
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
    let paths = if paths.is_empty() {
        &loader.folders[..]
    } else {
        paths
    };
    if paths.is_empty() {
        fazhi::tui::run(
            Corpus::embedded(Arc::clone(&loader.taxonomy)),
            config.dashboard,
        )?;
        return Ok(loader.success(strict));
    }
    // The dashboard opens at once and shows the load; what could not be loaded is listed there
    // (`!`) and, once it is closed, here.
    let loaded = fazhi::tui::run_loading(
        |progress| loader.load_quietly(paths, progress),
        config.dashboard,
    )?;
    loader.failures.set(loader.failures.get() + loaded.failed);
    for problem in &loaded.problems {
        eprintln!("fazhi: {problem}");
    }
    if loaded.empty {
        eprintln!("fazhi: no report could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    Ok(loader.success(strict))
}

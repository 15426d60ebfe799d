//! `fazhi`: the dashboard (no subcommand) and the headless CLI over the same library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use fazhi::cache::Cache;
use fazhi::cli;
use fazhi::corpus::Corpus;
use fazhi::model::Report;

/// Read and compare Chinese local governments' annual reports on rule-of-law government
/// building (法治政府建设年度报告). With no subcommand, opens the dashboard.
#[derive(Parser)]
#[command(name = "fazhi", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Parse every file afresh, neither reading nor writing the parse cache.
    #[arg(long, global = true)]
    no_cache: bool,
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
    Indicators {
        /// Only indicators of this theme (functions, rules, decisions, enforcement, emergencies,
        /// disputes, oversight, digital, leadership, publicity).
        #[arg(long)]
        theme: Option<String>,
        /// CSV (UTF-8 with BOM, opens correctly in Excel).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// JSON array of rows.
        #[arg(long)]
        json: bool,
        /// Report files or folders. None: the embedded seed reports.
        paths: Vec<PathBuf>,
    },
    /// Compare two reports measure by measure: aligned pairs with word-level differences, moved
    /// and unmatched measures, shared passages (possible copying) and foreign place names.
    Diff {
        /// The first report: a file path, or a locality name (NAME or NAME@YEAR) among the
        /// reports given with --in (default: the configured folders, else the embedded seeds).
        a: String,
        /// The second report, as A.
        b: String,
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
            eprintln!("fazhi: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Cli) -> Result<ExitCode> {
    let Some(command) = args.command else {
        return dashboard(args.paths, args.no_cache);
    };
    if let Command::Diff {
        a,
        b,
        theme,
        format,
        search,
    } = &command
    {
        return diff(a, b, theme.as_deref(), *format, search, args.no_cache);
    }
    let paths = match &command {
        Command::Parse { paths, .. }
        | Command::Outline { paths }
        | Command::Indicators { paths, .. }
        | Command::Check { paths, .. } => paths.clone(),
        Command::Diff { .. } => Vec::new(),
    };
    let corpus = load(&paths, args.no_cache);
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
            theme, csv, json, ..
        } => {
            check_theme(&corpus, theme.as_deref())?;
            let rows = cli::indicator_rows(&reports, theme.as_deref());
            if csv {
                cli::indicators_csv(&rows).context("writing CSV")?
            } else if json {
                serde_json::to_string_pretty(&rows)? + "\n"
            } else {
                cli::indicators_text(&rows)
            }
        }
        Command::Diff { .. } => String::new(),
        Command::Check { json, .. } => {
            if json {
                let checks: Vec<_> = reports
                    .iter()
                    .map(|r| {
                        serde_json::json!({
                            "source": r.source,
                            "locality": r.locality.as_ref().map(|l| &l.name),
                            "year": r.year,
                            "check": fazhi::check::check(r),
                        })
                    })
                    .collect();
                serde_json::to_string_pretty(&checks)? + "\n"
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
    Ok(ExitCode::SUCCESS)
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
    a: &str,
    b: &str,
    theme: Option<&str>,
    format: Format,
    search: &[PathBuf],
    no_cache: bool,
) -> Result<ExitCode> {
    let named = |arg: &str| !std::path::Path::new(arg).exists();
    let pool = if named(a) || named(b) {
        let folders = if search.is_empty() {
            fazhi::config::Config::load()?.report_folders()
        } else {
            search.to_vec()
        };
        load(&folders, no_cache)
    } else {
        Corpus::default()
    };
    let files: Vec<PathBuf> = [a, b]
        .iter()
        .filter(|s| !named(s))
        .map(PathBuf::from)
        .collect();
    let given = if files.is_empty() {
        Corpus::default()
    } else {
        load(&files, no_cache)
    };
    check_theme(&given, theme)?;
    let pick = |arg: &str| -> Result<&Report> {
        if named(arg) {
            cli::find_report(&pool.reports, arg).map_err(anyhow::Error::msg)
        } else {
            given
                .reports
                .iter()
                .find(|r| r.source == arg)
                .ok_or_else(|| anyhow::anyhow!("{arg}: could not be loaded"))
        }
    };
    let (ra, rb) = (pick(a)?, pick(b)?);
    let comparison = fazhi::analyse::compare::compare(ra, rb, theme);
    let out = match format {
        Format::Json => serde_json::to_string_pretty(&comparison)? + "\n",
        Format::Text => {
            let terminal = std::io::stdout().is_terminal();
            let markers = !terminal || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let width = if terminal {
                ratatui::crossterm::terminal::size().map_or(100, |(w, _)| w as usize)
            } else {
                100
            };
            fazhi::analyse::compare::render_text(&comparison, width, markers)
        }
    };
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn write_out(out: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        // A closed pipe (`fazhi parse | head`) is not an error worth a message.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Load the given paths (or the embedded seeds), reporting every file that failed on stderr.
fn load(paths: &[PathBuf], no_cache: bool) -> Corpus {
    let cache = if no_cache { None } else { Cache::open() };
    let corpus = if paths.is_empty() {
        Corpus::embedded()
    } else {
        Corpus::load_cached(paths, cache.as_ref())
    };
    for problem in &corpus.problems {
        eprintln!("fazhi: {problem}");
    }
    corpus
}

fn dashboard(paths: Vec<PathBuf>, no_cache: bool) -> Result<ExitCode> {
    let config = fazhi::config::Config::load()?;
    let paths = if paths.is_empty() {
        config.report_folders()
    } else {
        paths
    };
    let corpus = load(&paths, no_cache);
    if corpus.reports.is_empty() {
        eprintln!("fazhi: no report could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    fazhi::tui::run(corpus, config)?;
    Ok(ExitCode::SUCCESS)
}

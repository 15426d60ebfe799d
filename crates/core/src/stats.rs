//! `fazhi stats`: what a load brought in (reports, localities by level and province, years,
//! indicators, problems) and how long each of its stages took.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::corpus::{Corpus, LoadProblem, Stages};
use crate::model::Level;
use crate::sanitize::for_terminal;

/// A count of reports with one value of a field (`null` in JSON when the report has none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count<T> {
    pub value: Option<T>,
    pub reports: usize,
}

/// One file not loaded, or one report loaded damaged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub source: String,
    pub reason: String,
}

/// One stage's time in milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageTime {
    pub stage: &'static str,
    pub ms: f64,
}

/// What was loaded and how long it took.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub reports: usize,
    /// Distinct places (a department counts as its own reporting body).
    pub localities: usize,
    /// Reports per level, in the order of [`LEVELS`].
    pub levels: Vec<Count<&'static str>>,
    /// Reports per province, most first (then by name); unresolved ones last.
    pub provinces: Vec<Count<String>>,
    /// Reports per year covered, oldest first; unknown years last.
    pub years: Vec<Count<i32>>,
    pub indicators: usize,
    /// Indicators with a canonical id (the ones compared across reports).
    pub canonical_indicators: usize,
    /// Files that could not be loaded (duplicates included).
    pub not_loaded: Vec<Problem>,
    /// Reports that loaded with damage.
    pub damaged: Vec<Problem>,
    /// Each stage's time, summed over the threads that ran it.
    pub stages: Vec<StageTime>,
    /// The whole load's elapsed time.
    pub wall_ms: f64,
    /// How many threads loaded files.
    pub threads: usize,
}

/// Levels in the order a reviewer reads them, top down.
pub const LEVELS: [Level; 6] = [
    Level::Province,
    Level::Prefecture,
    Level::County,
    Level::Township,
    Level::Department,
    Level::Unknown,
];

impl Stats {
    /// The statistics of a loaded corpus; `threads` is how many threads loaded it. The word
    /// index is built first if it is not yet, so its time is one of the stages, as the dashboard
    /// builds it after its first frame.
    pub fn of(corpus: &Corpus, threads: usize) -> Stats {
        corpus.build_index();
        let reports = &corpus.reports;
        let localities: BTreeSet<_> = reports
            .iter()
            .filter_map(|r| r.locality.as_ref())
            .map(|l| (l.code.clone(), l.name.clone(), l.department.clone()))
            .collect();
        let levels = LEVELS
            .iter()
            .map(|level| Count {
                value: Some(level.as_str()),
                reports: reports.iter().filter(|r| r.level() == *level).count(),
            })
            .filter(|c| c.reports > 0)
            .collect();
        let mut provinces: Vec<Count<String>> = counts(
            reports
                .iter()
                .map(|r| r.locality.as_ref().and_then(|l| l.province()))
                .map(|p| p.map(str::to_string)),
        );
        provinces.sort_by(|a, b| {
            (a.value.is_none(), std::cmp::Reverse(a.reports), &a.value).cmp(&(
                b.value.is_none(),
                std::cmp::Reverse(b.reports),
                &b.value,
            ))
        });
        let indicators = reports.iter().map(|r| r.indicators.len()).sum();
        let canonical_indicators = reports
            .iter()
            .flat_map(|r| &r.indicators)
            .filter(|i| i.canonical.is_some())
            .count();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        Stats {
            reports: reports.len(),
            localities: localities.len(),
            levels,
            provinces,
            years: counts(reports.iter().map(|r| r.year)),
            indicators,
            canonical_indicators,
            not_loaded: problems(&corpus.problems),
            damaged: problems(&corpus.warnings),
            stages: stage_times(&corpus.stages()),
            wall_ms: ms(corpus.stages().wall),
            threads,
        }
    }

    /// The statistics as text for a terminal.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "reports      {} ({} localities)",
            self.reports, self.localities
        );
        let levels: Vec<String> = self
            .levels
            .iter()
            .map(|c| format!("{} {}", c.value.unwrap_or("unknown"), c.reports))
            .collect();
        let _ = writeln!(out, "levels       {}", levels.join(", "));
        let provinces: Vec<String> = self
            .provinces
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    for_terminal(c.value.as_deref().unwrap_or("—")),
                    c.reports
                )
            })
            .collect();
        let _ = writeln!(out, "provinces    {}", provinces.join(", "));
        let years: Vec<String> = self
            .years
            .iter()
            .map(|c| match c.value {
                Some(y) => format!("{y} {}", c.reports),
                None => format!("— {}", c.reports),
            })
            .collect();
        let _ = writeln!(out, "years        {}", years.join(", "));
        let _ = writeln!(
            out,
            "indicators   {} ({} with a canonical id)",
            self.indicators, self.canonical_indicators
        );
        let _ = writeln!(
            out,
            "problems     {} not loaded, {} loaded damaged",
            self.not_loaded.len(),
            self.damaged.len()
        );
        for p in self.not_loaded.iter().chain(&self.damaged) {
            let _ = writeln!(
                out,
                "  {}: {}",
                for_terminal(&p.source),
                for_terminal(&p.reason)
            );
        }
        let _ = writeln!(
            out,
            "time         {:.1} ms in all; each stage summed over {} threads:",
            self.wall_ms, self.threads
        );
        for s in &self.stages {
            let _ = writeln!(out, "  {:<10} {:>9.1} ms", s.stage, s.ms);
        }
        out
    }
}

/// Reports per value, in the value's order, with the reports lacking one last.
fn counts<T: Ord>(values: impl Iterator<Item = Option<T>>) -> Vec<Count<T>> {
    let mut by: BTreeMap<(bool, Option<T>), usize> = BTreeMap::new();
    for v in values {
        *by.entry((v.is_none(), v)).or_default() += 1;
    }
    by.into_iter()
        .map(|((_, value), reports)| Count { value, reports })
        .collect()
}

fn problems(list: &[LoadProblem]) -> Vec<Problem> {
    list.iter()
        .map(|p| Problem {
            source: p.source.clone(),
            reason: p.reason.clone(),
        })
        .collect()
}

fn stage_times(stages: &Stages) -> Vec<StageTime> {
    stages
        .named()
        .iter()
        .map(|(stage, d)| StageTime {
            stage,
            ms: d.as_secs_f64() * 1000.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::themes::Taxonomy;

    #[test]
    fn the_seeds_count_by_level_province_and_year() {
        let corpus = Corpus::embedded(Taxonomy::embedded().into());
        let stats = Stats::of(&corpus, 2);
        assert_eq!(stats.reports, 5);
        assert_eq!(stats.localities, 5);
        let sum = |counts: &mut dyn Iterator<Item = usize>| counts.sum::<usize>();
        assert_eq!(sum(&mut stats.levels.iter().map(|c| c.reports)), 5);
        assert_eq!(sum(&mut stats.provinces.iter().map(|c| c.reports)), 5);
        assert_eq!(sum(&mut stats.years.iter().map(|c| c.reports)), 5);
        let years: Vec<_> = stats.years.iter().map(|c| (c.value, c.reports)).collect();
        assert_eq!(years, [(Some(2021), 1), (Some(2023), 2), (Some(2024), 2)]);
        let stages: Vec<_> = stats.stages.iter().map(|s| s.stage).collect();
        assert_eq!(
            stages,
            ["read", "decode", "parse", "segment", "index", "store"]
        );
        assert!(
            stats
                .text()
                .contains("levels       prefecture 1, county 2, township 2")
        );
    }

    #[test]
    fn reports_without_a_value_are_counted_last() {
        let c = counts([Some(2), None, Some(1), Some(2)].into_iter());
        let got: Vec<_> = c.iter().map(|c| (c.value, c.reports)).collect();
        assert_eq!(got, [(Some(1), 1), (Some(2), 2), (None, 1)]);
    }
}

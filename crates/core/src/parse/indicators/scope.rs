//! Which time a figure speaks of ([`Scope`]): the report year's own, a baseline, a total over
//! several years, or a goal. Read from cues before the figure in its sentence (`[scope]` of
//! `assets/indicators.toml`) and from years measured against the report's year.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Deserialize;

use super::lexicon::SOURCE;
use crate::model::{IndicatorKind, Scope};
use crate::parse::numbers::fold_char;
use crate::text::sentences::is_clause_break;

#[derive(Debug, Deserialize)]
struct File {
    scope: CueLists,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueLists {
    current: Vec<String>,
    current_weak: Vec<String>,
    cumulative: Vec<String>,
    previous_clause: Vec<String>,
    target: Vec<String>,
    target_clause: Vec<String>,
}

/// A cue found before a figure: where it ends, how long it is, what it says.
#[derive(Debug, Clone, Copy)]
struct Cue {
    end: usize,
    len: usize,
    scope: Scope,
    /// A year's own word that does not override an earlier goal cue.
    weak: bool,
}

/// How far a cue word reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Anywhere in the sentence before the figure.
    Sentence,
    /// Only in the figure's own clause.
    Clause,
    /// In the sentence, unless a goal cue stands before it.
    Weak,
}

/// Every cue word with what it says, and one automaton over them all: a figure's sentence is
/// scanned once, however many cue words there are (number-dense tables have many figures).
struct Cues {
    words: Vec<(usize, Scope, Reach)>,
    matcher: AhoCorasick,
}

fn cues() -> &'static Cues {
    static CUES: LazyLock<Cues> = LazyLock::new(|| {
        let file: File =
            toml::from_str(SOURCE).expect("assets/indicators.toml [scope] is valid (tested)");
        let c = file.scope;
        let mut patterns = Vec::new();
        let mut words = Vec::new();
        for (list, scope, reach) in [
            (c.current, Scope::Current, Reach::Sentence),
            (c.current_weak, Scope::Current, Reach::Weak),
            (c.cumulative, Scope::Cumulative, Reach::Sentence),
            (c.previous_clause, Scope::Previous, Reach::Clause),
            (c.target, Scope::Target, Reach::Sentence),
            (c.target_clause, Scope::Target, Reach::Clause),
        ] {
            for w in list {
                words.push((w.len(), scope, reach));
                patterns.push(w);
            }
        }
        // Overlapping matches are wanted (上年同期 holds 同期 and 上年): the standard kind.
        let matcher = AhoCorasick::new(&patterns).expect("cue automaton builds from plain words");
        Cues { words, matcher }
    });
    &CUES
}

/// A year, with what comes before and after it: 到2025年, 2016年以来, 2024年底前.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(到|至|截至|截止)?([0-9０-９]{4})年(以来|底前|年底前|前|底|末)?")
        .expect("year pattern compiles")
});

/// The scope of a figure of `kind`, given its sentence up to the figure (`before`), the report's
/// year, and whether it stands in the plans part (where figures are goals unless said otherwise).
pub fn scope_of(before: &str, kind: IndicatorKind, year: Option<i32>, in_plans: bool) -> Scope {
    let clause_start = before.rfind(is_clause_break).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut found: Vec<Cue> = Vec::new();
    let cues = cues();
    for m in cues.matcher.find_overlapping_iter(before) {
        let (len, scope, reach) = cues.words[m.pattern().as_usize()];
        if reach == Reach::Clause && m.start() < clause_start {
            continue;
        }
        found.push(Cue {
            end: m.end(),
            len,
            scope,
            weak: reach == Reach::Weak,
        });
    }
    if let Some(year) = year {
        found.extend(year_cues(before, year));
    }
    found.extend(total_since(before, year));
    let first_goal = found
        .iter()
        .filter(|c| c.scope == Scope::Target)
        .map(|c| c.end)
        .min();
    found.retain(|c| !(c.weak && first_goal.is_some_and(|g| g <= c.end)));
    let nearest = found
        .into_iter()
        .max_by_key(|c| (c.end, c.len))
        .map(|c| c.scope);
    match nearest {
        // 较上年增长12%: a change against last year is this year's figure, or a plan's goal.
        Some(Scope::Previous) if kind == IndicatorKind::Change && in_plans => Scope::Target,
        Some(Scope::Previous) if kind == IndicatorKind::Change => Scope::Current,
        // What a plans part says of this year is what it means to reach.
        Some(Scope::Current) | None if in_plans => Scope::Target,
        Some(scope) => scope,
        None => Scope::Current,
    }
}

/// 累计 after a start (…以来): a total over the time since, unless the start is this year
/// (今年以来, 2024年以来 in a 2024 report).
fn total_since(before: &str, year: Option<i32>) -> Option<Cue> {
    let since = before.rfind("以来")?;
    let total = since + before[since..].find("累计")?;
    let head = &before[..since];
    let this_year = year.map(|y| format!("{y}年"));
    if head.ends_with("今年") || this_year.is_some_and(|y| head.ends_with(&y)) {
        return None;
    }
    Some(Cue {
        end: total + "累计".len(),
        len: "累计".len(),
        scope: Scope::Cumulative,
        weak: false,
    })
}

/// Years before the figure read against the report's year. A year in a range (2021—2025年) or in
/// a title (《…2021年…》) names no time of the figure and is skipped.
fn year_cues(before: &str, report_year: i32) -> Vec<Cue> {
    let mut out = Vec::new();
    for m in YEAR.captures_iter(before) {
        let (Some(whole), Some(digits)) = (m.get(0), m.get(2)) else {
            continue;
        };
        let head = &before[..whole.start()];
        if head.ends_with(['—', '-', '～', '~', '至', '到']) && m.get(1).is_none() {
            continue;
        }
        if head.rfind('《') > head.rfind('》') {
            continue;
        }
        let Some(y) = fold_year(digits.as_str()) else {
            continue;
        };
        // 2016年获得地方立法权以来: a start named by an event of that year.
        let rest = &before[whole.end()..];
        let clause = &rest[..rest.find(is_clause_break).unwrap_or(rest.len())];
        let since = m.get(3).is_none() && clause.chars().count() <= 16 && clause.ends_with("以来");
        let tail = if since {
            Some("以来")
        } else {
            m.get(3).map(|t| t.as_str())
        };
        let to = m.get(1).is_some_and(|t| matches!(t.as_str(), "到" | "至"));
        let scope = match tail {
            Some("以来") if y < report_year => Scope::Cumulative,
            _ if y > report_year => Scope::Target,
            Some("底前" | "年底前" | "前") if to || y >= report_year => Scope::Target,
            _ if y < report_year => Scope::Previous,
            _ => Scope::Current,
        };
        let end = if since {
            whole.end() + clause.len()
        } else {
            whole.end()
        };
        out.push(Cue {
            end,
            len: end - whole.start(),
            scope,
            weak: false,
        });
    }
    out
}

fn fold_year(digits: &str) -> Option<i32> {
    digits
        .chars()
        .map(fold_char)
        .collect::<String>()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use IndicatorKind::{Change, Count, Percent};

    fn scope(before: &str, kind: IndicatorKind) -> Scope {
        scope_of(before, kind, Some(2024), false)
    }

    #[test]
    fn a_plain_figure_is_the_report_years() {
        assert_eq!(scope("全年共调解矛盾纠纷", Count), Scope::Current);
        assert_eq!(scope("2024年，全县办理行政复议案件", Count), Scope::Current);
        assert_eq!(scope("今年以来，受理", Count), Scope::Current);
    }

    #[test]
    fn baselines_are_previous() {
        assert_eq!(scope("信访总量691案次，同期", Count), Scope::Previous);
        assert_eq!(scope("比去年同期的", Count), Scope::Previous);
        assert_eq!(scope("2023年全市受理", Count), Scope::Previous);
        // A change against last year is this year's.
        assert_eq!(scope("较上年同期", Change), Scope::Current);
        // A baseline named in an earlier clause does not carry over.
        assert_eq!(scope("与上年相比，受理案件", Count), Scope::Current);
    }

    #[test]
    fn totals_over_years_are_cumulative() {
        assert_eq!(
            scope("2016年以来，累计排查矛盾纠纷", Count),
            Scope::Cumulative
        );
        assert_eq!(
            scope("党的十八大以来，共制定规章", Count),
            Scope::Cumulative
        );
        assert_eq!(
            scope("2016年获得地方立法权以来，我市共制定了", Count),
            Scope::Cumulative
        );
        assert_eq!(scope("五年来，全市", Count), Scope::Cumulative);
        assert_eq!(scope("“十三五”期间，办理", Count), Scope::Cumulative);
        assert_eq!(
            scope("2016年以来，累计调解31908件，其中今年调解", Count),
            Scope::Current
        );
        assert_eq!(scope("一年来，全县", Count), Scope::Current);
        assert_eq!(
            scope("改造升级以来，累计办理事务", Count),
            Scope::Cumulative
        );
        // A law in force since this year: its figures are this year's.
        assert_eq!(
            scope("新的行政复议法实施以来，收到行政复议申请", Count),
            Scope::Current
        );
        assert_eq!(scope("今年以来，累计调解", Count), Scope::Current);
    }

    #[test]
    fn goals_are_targets() {
        assert_eq!(
            scope("力争到2025年底，调解成功率达到", Percent),
            Scope::Target
        );
        assert_eq!(scope("到2026年，建成", Count), Scope::Target);
        assert_eq!(scope("目标是培育法律明白人", Count), Scope::Target);
        assert_eq!(
            scope_of("全面推进，开展培训", Count, Some(2024), true),
            Scope::Target
        );
        // A plan named in an earlier clause of an achievement is not a goal.
        assert_eq!(scope("制定年度普法计划，开展活动", Count), Scope::Current);
        assert_eq!(
            scope("创新推出普法游园、模拟法庭等活动，累计开展", Count),
            Scope::Current
        );
        assert_eq!(scope("计划全年开展普法活动不少于", Count), Scope::Target);
        assert_eq!(
            scope_of("2025年，力争全县案件较2024年下降", Change, Some(2025), true),
            Scope::Target
        );
    }

    #[test]
    fn years_in_ranges_and_titles_name_no_time() {
        assert_eq!(
            scope("印发《2021—2025年法治宣传教育规划》并开展", Count),
            Scope::Current
        );
        assert_eq!(scope("落实2021-2025年规划，开展", Count), Scope::Current);
    }

    #[test]
    fn full_width_years_count() {
        assert_eq!(scope("２０２３年全市受理", Count), Scope::Previous);
    }
}

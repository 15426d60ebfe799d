//! The year a report covers: weighed from every year the text mentions, by where it stands and
//! what surrounds it. Plan ranges, document numbers, titles of other documents, comparison years
//! and "连续两年" do not count; a plans heading's year counts for the year before it.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Part;
use crate::parse::numbers::fold_char;

/// A 4-digit year followed by 年 (or 年度), with enough context to judge it. Digits may be
/// full-width (２０２４年): converted pages and some editors write them so.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20|１９|２０)[0-9０-９]{2})\s*年").expect("static regex"));

/// Where a year mention stands, which sets its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Title,
    /// A heading of the given part (a plans heading names the next year).
    Heading(Part),
    /// The first sentence of the report.
    Opening,
    Body,
}

fn weight(place: Place) -> f32 {
    match place {
        Place::Title => 10.0,
        Place::Heading(_) => 6.0,
        Place::Opening => 5.0,
        Place::Body => 1.0,
    }
}

/// Add the year evidence of `text` to `votes`.
pub fn collect(text: &str, place: Place, votes: &mut Vec<(i32, f32)>) {
    for caps in YEAR.captures_iter(text) {
        let (Some(whole), Some(digits)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let ascii: String = digits.as_str().chars().map(fold_char).collect();
        let Ok(year) = ascii.parse::<i32>() else {
            continue;
        };
        let before = &text[..whole.start()];
        let after = &text[whole.end()..];
        if is_range_or_number(before, after) || inside_document_title(before) {
            continue;
        }
        let mut w = weight(place);
        let mut covered = year;
        if let Place::Heading(Part::Plans) = place {
            covered -= 1;
        }
        if comparison_year(before) || after.starts_with("同期") {
            w *= 0.2;
        }
        if after.starts_with("以来") && place != Place::Opening {
            // "2016年以来" opens a span of several years: weak evidence for any one of them.
            w *= 0.3;
        }
        votes.push((covered, w));
    }
}

/// "2021—2025年", "2021-2025 年", "〔2025〕1号" style numbers.
fn is_range_or_number(before: &str, after: &str) -> bool {
    let prev = before.trim_end().chars().next_back();
    let prev_is_dash = matches!(prev, Some('-' | '—' | '–' | '~' | '～' | '至' | '到'));
    let before_dash_digit = prev_is_dash && {
        let b = before.trim_end();
        let b = &b[..b.len() - prev.map_or(0, char::len_utf8)];
        b.trim_end()
            .ends_with(|c: char| fold_char(c).is_ascii_digit())
    };
    let after = after.trim_start();
    let next_range = after.starts_with(['-', '—', '–', '~', '～']);
    let bracketed = matches!(prev, Some('〔' | '[' | '【' | '（' | '('));
    before_dash_digit || next_range || (bracketed && after.starts_with(['〕', ']', '】']))
}

/// Inside 《…》 (an unclosed 《 before it): another document's title.
fn inside_document_title(before: &str) -> bool {
    before
        .rfind('《')
        .is_some_and(|o| before.rfind('》').is_none_or(|c| c < o))
}

fn comparison_year(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    ["同比", "较", "比", "与", "相比", "对比"]
        .iter()
        .any(|w| tail.ends_with(w))
}

/// The year with the most evidence, consulting the publish date for ties and "今年以来".
pub fn decide(
    votes: &[(i32, f32)],
    opening: &str,
    published: Option<(i32, u32, u32)>,
) -> Option<i32> {
    let mut totals: Vec<(i32, f32)> = Vec::new();
    for &(y, w) in votes {
        match totals.iter_mut().find(|(t, _)| *t == y) {
            Some((_, total)) => *total += w,
            None => totals.push((y, w)),
        }
    }
    if let Some((py, pm, _)) = published {
        // Reports are published in the first months of the next year; a late-year page speaks
        // of its own year ("今年以来").
        let likely = if pm <= 4 && !opening.contains("今年") {
            py - 1
        } else {
            py
        };
        if let Some((_, total)) = totals.iter_mut().find(|(t, _)| *t == likely) {
            *total += 3.0;
        } else if totals.is_empty() {
            totals.push((likely, 3.0));
        }
        totals.retain(|(y, _)| *y <= py);
    }
    totals
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_of(parts: &[(&str, Place)], published: Option<(i32, u32, u32)>) -> Option<i32> {
        let mut votes = Vec::new();
        for (text, place) in parts {
            collect(text, *place, &mut votes);
        }
        decide(&votes, parts.first().map_or("", |p| p.0), published)
    }

    #[test]
    fn opening_year_wins_over_plan_ranges_and_document_numbers() {
        let got = year_of(
            &[
                (
                    "2023年，某镇按照《某县法治政府建设实施方案(2022-2025 年)》要求推进工作。",
                    Place::Opening,
                ),
                (
                    "依据某政发〔2025〕1号文件，制定2021—2025年规划，连续两年获评先进。",
                    Place::Body,
                ),
            ],
            None,
        );
        assert_eq!(got, Some(2023));
    }

    #[test]
    fn full_width_digits_give_the_year() {
        let y = year_of(
            &[
                ("２０２４年法治政府建设情况报告", Place::Title),
                ("二、２０２５年工作安排", Place::Heading(Part::Plans)),
                ("对照《２０２１－２０２５年规划》", Place::Body),
            ],
            None,
        );
        assert_eq!(y, Some(2024));
    }

    #[test]
    fn a_plans_heading_names_the_next_year() {
        let got = year_of(&[("二、2024年主要安排", Place::Heading(Part::Plans))], None);
        assert_eq!(got, Some(2023));
    }

    #[test]
    fn comparison_years_are_weak() {
        let got = year_of(
            &[(
                "2024年受理信访691案次，同比2023年同期下降51.03%，较2023年减少。2024年办理复议案件76件。",
                Place::Body,
            )],
            None,
        );
        assert_eq!(got, Some(2024));
    }

    #[test]
    fn publish_date_breaks_ties_and_excludes_the_future() {
        let got = year_of(
            &[(
                "2016年以来，共开展清理7次。2016年以来，调解纠纷。2021年，经申报被命名为示范地区。",
                Place::Body,
            )],
            Some((2021, 12, 3)),
        );
        assert_eq!(got, Some(2021));
        let got = year_of(
            &[("今年以来，全县推进依法行政。", Place::Opening)],
            Some((2024, 11, 5)),
        );
        assert_eq!(got, Some(2024));
        let got = year_of(
            &[("全县推进依法行政。", Place::Opening)],
            Some((2024, 3, 28)),
        );
        assert_eq!(got, Some(2023));
    }

    #[test]
    fn no_year_stays_unknown() {
        assert_eq!(year_of(&[("全县推进依法行政。", Place::Body)], None), None);
    }

    #[test]
    fn document_titles_do_not_count() {
        let got = year_of(
            &[(
                "印发《2022年度法治建设要点》，全面推进工作。2023年，办理案件。",
                Place::Body,
            )],
            None,
        );
        assert_eq!(got, Some(2023));
    }
}

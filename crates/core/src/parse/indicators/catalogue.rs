//! Canonical indicators (`[[indicator]]` of `assets/indicators.toml`) and the rule engine that
//! names a quantity by its label, unit and kind.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::lexicon::SOURCE;
use crate::model::IndicatorKind;

/// One canonical indicator and the rule that recognises it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct CanonicalIndicator {
    /// "<theme>.<name>", e.g. "disputes.mediated".
    pub id: String,
    /// Chinese name for tables.
    pub name: String,
    /// Theme id of `assets/themes.toml`.
    pub theme: String,
    /// The usual unit.
    pub unit: String,
    /// The class of units it counts in (`[unit_classes]`): a figure in another is another
    /// quantity.
    pub class: String,
    /// Every one of these words must be in the label.
    #[serde(default)]
    pub all: Vec<String>,
    /// At least one of these must be in the label (when any are given).
    #[serde(default)]
    pub any: Vec<String>,
    /// None of these may be in the label, nor anywhere in the figure's clause (what follows a
    /// measure word is what is counted: 8起信访积案 are backlog petitions, not mediated disputes).
    #[serde(default)]
    pub none: Vec<String>,
    /// The quantity's kind must be one of these (when any are given).
    #[serde(default)]
    pub kinds: Vec<IndicatorKind>,
}

impl CanonicalIndicator {
    /// How well the rule fits: the characters of label words it matched, `None` if it fails.
    fn score(
        &self,
        label: &str,
        clause: &str,
        unit: &str,
        kind: IndicatorKind,
        units: &[String],
    ) -> Option<usize> {
        if !self.kinds.is_empty() && !self.kinds.contains(&kind) {
            return None;
        }
        if !units.iter().any(|u| u == unit) {
            return None;
        }
        if self
            .none
            .iter()
            .any(|w| label.contains(w.as_str()) || clause.contains(w.as_str()))
        {
            return None;
        }
        if !self.all.iter().all(|w| label.contains(w.as_str())) {
            return None;
        }
        let any = self
            .any
            .iter()
            .filter(|w| label.contains(w.as_str()))
            .map(|w| w.chars().count())
            .max();
        if !self.any.is_empty() && any.is_none() {
            return None;
        }
        let all: usize = self.all.iter().map(|w| w.chars().count()).sum();
        let score = all + any.unwrap_or(0);
        (score > 0).then_some(score)
    }
}

/// The catalogue of canonical indicators.
#[derive(Debug, Clone, Deserialize)]
pub struct Catalogue {
    #[serde(rename = "indicator")]
    indicators: Vec<CanonicalIndicator>,
    /// Class name → the units of the class.
    unit_classes: HashMap<String, Vec<String>>,
}

impl Catalogue {
    /// Read a catalogue from TOML (`[unit_classes]` and `[[indicator]]`; other tables are ignored).
    pub fn from_toml(source: &str) -> Result<Catalogue, toml::de::Error> {
        toml::from_str(source)
    }

    /// The catalogue shipped in the binary.
    pub fn embedded() -> &'static Catalogue {
        static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
            Catalogue::from_toml(SOURCE)
                .expect("assets/indicators.toml catalogue is valid (tested)")
        });
        &CATALOGUE
    }

    pub fn get(&self, id: &str) -> Option<&CanonicalIndicator> {
        self.indicators.iter().find(|c| c.id == id)
    }

    /// Every canonical indicator, in catalogue order.
    pub fn all(&self) -> &[CanonicalIndicator] {
        &self.indicators
    }

    /// The units of a class (none for an unknown class).
    pub fn class_units(&self, class: &str) -> &[String] {
        self.unit_classes.get(class).map_or(&[], Vec::as_slice)
    }

    /// The unit a figure is compared in under canonical indicator `id`: the indicator's unit when
    /// `unit` is of its class (1522宗 and 31790件 of mediated disputes are both counts of cases),
    /// else `unit` itself.
    pub fn comparable_unit<'a>(&'a self, id: &str, unit: &'a str) -> &'a str {
        match self.get(id) {
            Some(c) if self.class_units(&c.class).iter().any(|u| u == unit) => &c.unit,
            _ => unit,
        }
    }

    /// The best-fitting canonical indicator for a quantity (ties go to the one listed first);
    /// `clause` is the figure's whole clause, where an exclusion word rules an indicator out as
    /// it would in the label.
    pub fn classify(
        &self,
        label: &str,
        clause: &str,
        unit: &str,
        kind: IndicatorKind,
    ) -> Option<&CanonicalIndicator> {
        let mut best: Option<(usize, &CanonicalIndicator)> = None;
        for c in &self.indicators {
            if let Some(s) = c.score(label, clause, unit, kind, self.class_units(&c.class))
                && best.is_none_or(|(b, _)| s > b)
            {
                best = Some((s, c));
            }
        }
        best.map(|(_, c)| c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_synonymous_measure_words_compare_in_the_canonical_unit() {
        let cat = Catalogue::embedded();
        assert_eq!(cat.comparable_unit("disputes.mediated", "宗"), "件");
        assert_eq!(cat.comparable_unit("disputes.mediated", "件"), "件");
        assert_eq!(cat.comparable_unit("disputes.mediated", "人"), "人");
        assert_eq!(cat.comparable_unit("no.such", "宗"), "宗");
    }

    #[test]
    fn every_indicator_counts_in_a_known_class_holding_its_own_unit() {
        let cat = Catalogue::embedded();
        for c in cat.all() {
            let units = cat.class_units(&c.class);
            assert!(!units.is_empty(), "{}: unknown class {}", c.id, c.class);
            assert!(
                units.contains(&c.unit),
                "{}: {} not of class {}",
                c.id,
                c.unit,
                c.class
            );
        }
    }

    #[test]
    fn a_figure_in_another_class_is_another_quantity() {
        let cat = Catalogue::embedded();
        let id = |label: &str, unit: &str| {
            cat.classify(label, "", unit, IndicatorKind::Count)
                .map(|c| c.id.as_str())
        };
        assert_eq!(id("受理信访", "件"), Some("disputes.petitions"));
        assert_eq!(id("受理信访", "案次"), Some("disputes.petitions"));
        assert_eq!(id("接待信访群众", "人次"), None);
        assert_eq!(id("接待群众来访", "批次"), None);
        assert_eq!(id("现场反馈问题", "条"), Some("oversight.problems_found"));
        assert_eq!(id("开展法治督察", "次"), Some("oversight.inspections"));
        assert_eq!(id("开展法治督察", "条"), None);
    }

    #[test]
    fn near_misses_are_not_the_catalogues_quantity() {
        let cat = Catalogue::embedded();
        let id = |label: &str, unit: &str, kind| {
            cat.classify(label, "", unit, kind).map(|c| c.id.as_str())
        };
        use IndicatorKind::{Count, Percent};
        assert_eq!(
            id("建议提案办复率", "%", Percent),
            Some("oversight.proposal_completion_rate")
        );
        assert_eq!(
            id("群众满意率", "%", Percent),
            Some("oversight.satisfaction_rate")
        );
        assert_eq!(
            id("12345热线工单按期办结率", "%", Percent),
            Some("functions.work_order_completion_rate")
        );
        assert_eq!(id("按期办结率", "%", Percent), None);
        assert_eq!(
            id("受理诉求工单", "件", Count),
            Some("functions.work_orders")
        );
        assert_eq!(
            id("化解初信初访", "件", Count),
            Some("disputes.first_petitions_resolved")
        );
        assert_eq!(id("成功协调解决信访积案", "起", Count), None);
        assert_eq!(id("市场主体总量达", "家", Count), None);
        assert_eq!(id("办理“跨省通办”事项", "项", Count), None);
        assert_eq!(
            id("成立安全生产专业委员会", "个", Count),
            Some("leadership.working_bodies")
        );
        assert_eq!(id("修订应急预案", "个", Count), Some("emergencies.plans"));
    }

    #[test]
    fn embedded_catalogue_is_valid_and_covers_every_theme() {
        let cat = Catalogue::from_toml(SOURCE).unwrap();
        assert!(cat.all().len() >= 30);
        let taxonomy = crate::analyse::themes::Taxonomy::embedded();
        for c in cat.all() {
            assert!(
                taxonomy.get(&c.theme).is_some(),
                "{}: unknown theme {}",
                c.id,
                c.theme
            );
            assert!(c.id.starts_with(&format!("{}.", c.theme)), "{}", c.id);
            assert!(
                !c.all.is_empty() || !c.any.is_empty(),
                "{} matches nothing",
                c.id
            );
        }
        for t in &taxonomy.themes {
            assert!(
                cat.all().iter().any(|c| c.theme == t.id),
                "no indicator for theme {}",
                t.id
            );
        }
        let mut ids: Vec<&str> = cat.all().iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), cat.all().len(), "duplicate ids");
    }

    #[test]
    fn classifies_by_label_unit_and_kind() {
        use IndicatorKind::*;
        let cat = Catalogue::embedded();
        let cases = [
            ("调解矛盾纠纷", "件", Count, Some("disputes.mediated")),
            (
                "调解成功率",
                "%",
                Percent,
                Some("disputes.mediation_success_rate"),
            ),
            ("调解成功率", "件", Count, None),
            ("培育专兼职调解员", "人", Count, Some("disputes.mediators")),
            (
                "办理行政复议案件",
                "件",
                Count,
                Some("disputes.reconsideration_cases"),
            ),
            (
                "行政机关负责人出庭应诉率",
                "%",
                Percent,
                Some("disputes.head_appearance_rate"),
            ),
            (
                "主动公开政府信息",
                "条",
                Count,
                Some("oversight.info_disclosed"),
            ),
            (
                "受理法律援助案件",
                "件",
                Count,
                Some("publicity.legal_aid_cases"),
            ),
            (
                "接待法律咨询",
                "人次",
                Count,
                Some("publicity.legal_consultations"),
            ),
            (
                "协助审查县政府合同、协议",
                "件",
                Count,
                Some("decisions.contracts_reviewed"),
            ),
            (
                "审查行政规范性文件",
                "件",
                Count,
                Some("rules.normative_docs_reviewed"),
            ),
            (
                "培训行政执法人员",
                "人次",
                Count,
                Some("enforcement.staff_trained"),
            ),
            // Rounds of review are sessions, not the case files reviewed.
            ("开展行政执法案卷评查", "轮次", Count, None),
            (
                "评查行政执法案卷",
                "卷",
                Count,
                Some("enforcement.cases_reviewed"),
            ),
            (
                "“一网通办”事项占比",
                "%",
                Percent,
                Some("functions.online_rate"),
            ),
            ("开展应急演练", "次", Count, Some("emergencies.drills")),
            ("会前学法", "次", Count, Some("leadership.study_sessions")),
            ("开展法治讲座", "场次", Count, Some("publicity.events")),
            ("罚没", "元", Money, Some("enforcement.fines")),
        ];
        for (label, unit, kind, want) in cases {
            assert_eq!(
                cat.classify(label, "", unit, kind).map(|c| c.id.as_str()),
                want,
                "{label}"
            );
        }
        assert_eq!(
            cat.get("disputes.mediated").map(|c| c.unit.as_str()),
            Some("件")
        );
    }
}

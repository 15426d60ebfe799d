//! Interface words in both languages; report text itself is never translated.

/// Every fixed word the dashboard draws.
pub struct Labels {
    pub screens: [&'static str; 4],
    pub list: &'static str,
    pub outline: &'static str,
    pub text: &'static str,
    pub indicators: &'static str,
    pub later: &'static str,
    pub too_small: &'static str,
    pub sort: &'static str,
    pub sort_keys: [&'static str; 3],
    pub filter: &'static str,
    pub search: &'static str,
    pub themes: &'static str,
    pub clear_with: &'static str,
    pub no_hits: &'static str,
    pub hits: &'static str,
    pub help: &'static str,
    pub help_hint: &'static str,
    pub picker: &'static str,
    pub required: &'static str,
    pub preamble: &'static str,
    pub whole_text: &'static str,
    pub no_report: &'static str,
    pub no_indicators: &'static str,
    pub columns: [&'static str; 4],
    pub list_columns: [&'static str; 6],
    pub scope_names: [(&'static str, &'static str); 7],
}

pub const ZH: Labels = Labels {
    screens: ["报告", "对比", "指标", "主题"],
    list: "报告",
    outline: "目录",
    text: "正文",
    indicators: "指标",
    later: "由后续版本提供",
    too_small: "终端太小",
    sort: "排序",
    sort_keys: ["地区", "年份", "层级"],
    filter: "筛选",
    search: "搜索",
    themes: "主题",
    clear_with: "清除",
    no_hits: "没有找到",
    hits: "处",
    help: "帮助",
    help_hint: "输入以筛选",
    picker: "主题筛选（任一主题）",
    required: "必备",
    preamble: "（前言）",
    whole_text: "（全文）",
    no_report: "没有报告",
    no_indicators: "没有指标",
    columns: ["项目", "数值", "规范名", "所在部分"],
    list_columns: ["地区", "层级", "年份", "省份", "指标", "主题"],
    scope_names: [
        ("global", "全局"),
        ("list", "报告列表"),
        ("outline", "目录"),
        ("text", "正文"),
        ("indicators", "指标"),
        ("popup", "弹窗"),
        ("input", "输入"),
    ],
};

pub const EN: Labels = Labels {
    screens: ["Report", "Compare", "Indicators", "Themes"],
    list: "Reports",
    outline: "Outline",
    text: "Text",
    indicators: "Indicators",
    later: "coming in a later version",
    too_small: "terminal too small",
    sort: "sort",
    sort_keys: ["place", "year", "level"],
    filter: "filter",
    search: "search",
    themes: "themes",
    clear_with: "clear",
    no_hits: "not found",
    hits: "hits",
    help: "Help",
    help_hint: "type to filter",
    picker: "Theme filter (any theme)",
    required: "required",
    preamble: "(preamble)",
    whole_text: "(whole text)",
    no_report: "no reports",
    no_indicators: "no indicators",
    columns: ["Item", "Value", "Canonical", "Section"],
    list_columns: ["Place", "Lvl", "Year", "Province", "Ind.", "Themes"],
    scope_names: [
        ("global", "everywhere"),
        ("list", "report list"),
        ("outline", "outline"),
        ("text", "text"),
        ("indicators", "indicators"),
        ("popup", "popups"),
        ("input", "typing"),
    ],
};

impl Labels {
    pub fn scope(&self, scope: &str) -> &'static str {
        self.scope_names
            .iter()
            .find(|(s, _)| *s == scope)
            .map_or("", |(_, n)| n)
    }
}

//! Everything a user can do, as one enum: keys, mouse and resizes all become actions.

/// A user intent, the only input of [`crate::tui::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    /// List the files that could not be loaded and the reports that loaded damaged.
    Problems,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Collapse,
    Expand,
    Toggle,
    Activate,
    Close,
    CycleSort,
    FilterList,
    Search,
    /// Match the search query as whole words, a phrase or a substring: the next of these.
    CycleSearchMode,
    NextHit,
    PrevHit,
    ThemeFilter,
    ClearThemes,
    /// Mark the selected report as side A (or B) of the comparison.
    MarkA,
    MarkB,
    SwapSides,
    /// Next (previous) pair of alike units.
    NextPair,
    PrevPair,
    /// Next (previous) band of the banded reading.
    NextBand,
    PrevBand,
    /// Bands by theme, or alignment in reading order.
    ToggleReading,
    /// The shared passages in place of the indicator table.
    TogglePassages,
    /// Next (previous) pair whose two sides differ.
    NextDiff,
    PrevDiff,
    /// One column left (right) on the indicator, theme and review screens.
    ColumnLeft,
    ColumnRight,
    /// Write what the screen shows to a file in the working folder.
    Export,
    /// Review screen filters: reports missing a part; published late; copied at least the next
    /// share; of the next level, year, province, reviewer status; all filters off.
    FilterMissing,
    FilterLate,
    CycleCopied,
    CycleLevel,
    CycleYear,
    CycleProvince,
    CycleStatusFilter,
    ClearFilters,
    /// Set the selected report's reviewer status to the next one.
    CycleStatus,
    /// Type the selected report's reviewer note.
    EditNote,
    /// Open screen 2 on the selected report and its top source (its previous year).
    CompareSource,
    ComparePrevious,
    /// The selected report's locality across its years.
    Years,
    Screen(Screen),
    /// A character typed into the focused text field.
    Input(char),
    Backspace,
    /// Mouse button pressed at (column, row).
    Click(u16, u16),
    ScrollUp(u16, u16),
    ScrollDown(u16, u16),
    Resize(u16, u16),
    /// Time passed with no input: take the work finished in the background (screen 5's rows).
    Tick,
}

/// The five screens of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    Report,
    Compare,
    Indicators,
    Themes,
    Review,
}

impl Screen {
    pub const ALL: [Screen; 5] = [
        Screen::Report,
        Screen::Compare,
        Screen::Indicators,
        Screen::Themes,
        Screen::Review,
    ];
}

impl Action {
    /// Every action a key can be bound to, with its name in the keymap.
    pub const BINDABLE: [(&'static str, Action); 56] = [
        ("quit", Action::Quit),
        ("help", Action::Help),
        ("problems", Action::Problems),
        ("focus_next", Action::FocusNext),
        ("focus_prev", Action::FocusPrev),
        ("up", Action::Up),
        ("down", Action::Down),
        ("page_up", Action::PageUp),
        ("page_down", Action::PageDown),
        ("top", Action::Top),
        ("bottom", Action::Bottom),
        ("collapse", Action::Collapse),
        ("expand", Action::Expand),
        ("toggle", Action::Toggle),
        ("activate", Action::Activate),
        ("close", Action::Close),
        ("cycle_sort", Action::CycleSort),
        ("filter_list", Action::FilterList),
        ("search", Action::Search),
        ("search_mode", Action::CycleSearchMode),
        ("next_hit", Action::NextHit),
        ("prev_hit", Action::PrevHit),
        ("theme_filter", Action::ThemeFilter),
        ("clear_themes", Action::ClearThemes),
        ("mark_a", Action::MarkA),
        ("mark_b", Action::MarkB),
        ("swap_sides", Action::SwapSides),
        ("next_pair", Action::NextPair),
        ("prev_pair", Action::PrevPair),
        ("next_band", Action::NextBand),
        ("prev_band", Action::PrevBand),
        ("toggle_reading", Action::ToggleReading),
        ("toggle_passages", Action::TogglePassages),
        ("next_diff", Action::NextDiff),
        ("prev_diff", Action::PrevDiff),
        ("column_left", Action::ColumnLeft),
        ("column_right", Action::ColumnRight),
        ("export", Action::Export),
        ("filter_missing", Action::FilterMissing),
        ("filter_late", Action::FilterLate),
        ("cycle_copied", Action::CycleCopied),
        ("cycle_level", Action::CycleLevel),
        ("cycle_year", Action::CycleYear),
        ("cycle_province", Action::CycleProvince),
        ("cycle_status_filter", Action::CycleStatusFilter),
        ("clear_filters", Action::ClearFilters),
        ("cycle_status", Action::CycleStatus),
        ("edit_note", Action::EditNote),
        ("compare_source", Action::CompareSource),
        ("compare_previous", Action::ComparePrevious),
        ("years", Action::Years),
        ("screen_report", Action::Screen(Screen::Report)),
        ("screen_compare", Action::Screen(Screen::Compare)),
        ("screen_indicators", Action::Screen(Screen::Indicators)),
        ("screen_themes", Action::Screen(Screen::Themes)),
        ("screen_review", Action::Screen(Screen::Review)),
    ];

    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| *a)
    }
}

//! The five screens, one module each. A screen owns its state and implements [`Component`]: its
//! keys, its mouse and its drawing, with the [`Shared`] state passed in. It never reaches into
//! another screen: when an action should land elsewhere it returns an [`Effect`], which the app
//! carries out.

pub mod compare;
pub mod indicators;
pub mod report;
pub mod review;
pub mod themes;

use ratatui::Frame;

use super::action::{Action, Screen};
use super::keymap::Scope;
use super::layout::Areas;
use super::shared::Shared;
use fazhi_core::model::Span;

use compare::CompareScreen;
use indicators::IndicatorsScreen;
use report::{Pane, ReportScreen};
use review::ReviewScreen;
use themes::ThemesScreen;

/// What a screen asks the app to do beyond its own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Show `span` of `report`, inside `section`, on the report screen with `focus`; filters
    /// that hide the report are dropped.
    Open {
        report: usize,
        section: Vec<usize>,
        span: Span,
        focus: Pane,
    },
    /// Show indicator `indicator` of `report` at its sentence on the report screen.
    OpenIndicator {
        report: usize,
        indicator: usize,
    },
    /// Compare `a` with `b` on screen 2.
    Compare {
        a: usize,
        b: usize,
    },
    /// Type the reviewer's note of `report`.
    EditNote {
        report: usize,
    },
    /// Show `report`'s locality across its years.
    Years {
        report: usize,
    },
}

/// One screen, as the app drives it. `update` gets only the actions the app does not handle
/// itself (quitting, popups, screen switching, search hits).
pub trait Component {
    /// The keymap scope of the screen's keys, tried before `Global`.
    fn scope(&self) -> Scope;

    fn update(&mut self, action: Action, shared: &mut Shared) -> Effect;

    /// A click at (col, row) inside the screen's body.
    fn click(&mut self, _col: u16, _row: u16, _shared: &mut Shared) {}

    /// The mouse wheel at (col, row), `delta` rows.
    fn scroll(&mut self, _col: u16, _row: u16, _delta: isize, _shared: &mut Shared) {}

    /// After every action on this screen: bring the state in line with the shared state and
    /// keep selections on screen.
    fn fit(&mut self, shared: &mut Shared);

    /// The terminal's width changed: forget what was laid out for the old one.
    fn resized(&mut self) {}

    /// Draw the screen's part of the frame; only draws.
    fn render(&self, shared: &Shared, frame: &mut Frame, areas: &Areas);

    /// What `e` writes: the table the screen shows, header first, with its filters applied; and
    /// a short name for the file.
    fn export(&self, shared: &Shared) -> (&'static str, Vec<Vec<String>>);

    /// Whether `e` also writes a workbook: for tables wider than a CSV reads comfortably.
    fn exports_sheet(&self) -> bool {
        false
    }
}

/// All screens, each kept while another is shown.
pub struct Screens {
    pub report: ReportScreen,
    pub compare: CompareScreen,
    pub indicators: IndicatorsScreen,
    pub themes: ThemesScreen,
    pub review: ReviewScreen,
}

impl Screens {
    pub fn new(shared: &Shared) -> Screens {
        let reports = &shared.corpus.reports;
        Screens {
            report: ReportScreen::new(shared),
            compare: CompareScreen::default(),
            indicators: IndicatorsScreen::new(reports),
            themes: ThemesScreen::new(reports, shared.corpus.taxonomy()),
            review: ReviewScreen::default(),
        }
    }

    pub fn get(&self, screen: Screen) -> &dyn Component {
        match screen {
            Screen::Report => &self.report,
            Screen::Compare => &self.compare,
            Screen::Indicators => &self.indicators,
            Screen::Themes => &self.themes,
            Screen::Review => &self.review,
        }
    }

    pub fn get_mut(&mut self, screen: Screen) -> &mut dyn Component {
        match screen {
            Screen::Report => &mut self.report,
            Screen::Compare => &mut self.compare,
            Screen::Indicators => &mut self.indicators,
            Screen::Themes => &mut self.themes,
            Screen::Review => &mut self.review,
        }
    }
}

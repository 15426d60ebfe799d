//! Drawing: functions of the app state only.

pub mod chrome;
pub mod compare;
pub mod heatmap;
pub mod matrix;
pub mod popups;
pub mod report;
pub mod style;

use ratatui::Frame;

use super::action::Screen;
use super::app::App;
use super::layout;

/// Draw the whole dashboard.
pub fn render(app: &App, frame: &mut Frame) {
    let size = frame.area();
    if layout::too_small(size) {
        chrome::too_small(app, frame);
        return;
    }
    let areas = layout::areas(size);
    chrome::tabs(app, frame, areas.tabs);
    match app.screen {
        Screen::Report => report::render(app, frame, &areas),
        Screen::Compare => compare::render(app, frame, areas.body),
        Screen::Indicators => matrix::render(app, frame, areas.body),
        Screen::Themes => heatmap::render(app, frame, areas.body),
    }
    chrome::status(app, frame, areas.status);
    popups::render(app, frame);
}

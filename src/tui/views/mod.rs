//! Drawing: functions of the app state only. Each screen draws through its module in `screens`,
//! which hands over to its view here.

pub mod chrome;
pub mod compare;
pub mod heatmap;
pub mod loading;
pub mod matrix;
pub mod popups;
pub mod report;
pub mod review;
pub mod style;

use ratatui::Frame;

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
    app.screens
        .get(app.screen)
        .render(&app.shared, frame, &areas);
    chrome::status(app, frame, areas.status);
    popups::render(app, frame);
}

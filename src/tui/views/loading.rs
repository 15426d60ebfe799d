//! The gauge shown while the reports load: how many files of all are read, and which now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use crate::tui::layout;
use fazhi_core::corpus::Progress;
use fazhi_core::sanitize::for_terminal;

pub fn render(frame: &mut Frame, p: &Progress<'_>, english: bool) {
    let area = frame.area();
    let title = if english {
        " Loading reports "
    } else {
        " 载入报告 "
    };
    let box_area = layout::centered(area, area.width.saturating_sub(8).clamp(20, 80), 5);
    let block = Block::new().borders(Borders::ALL).title(title);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    if inner.height == 0 {
        return;
    }
    let ratio = if p.total == 0 {
        1.0
    } else {
        (p.done as f64 / p.total as f64).clamp(0.0, 1.0)
    };
    let gauge = Gauge::default()
        .ratio(ratio)
        .label(format!("{}/{}", p.done, p.total));
    frame.render_widget(gauge, Rect { height: 1, ..inner });
    if inner.height > 1 {
        let name = p
            .file
            .file_name()
            .map(|n| for_terminal(&n.to_string_lossy()))
            .unwrap_or_default();
        let line = Rect {
            y: inner.y + 2.min(inner.height - 1),
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(name), line);
    }
}

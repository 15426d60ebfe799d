//! Files that failed to load are announced in the dashboard, not only on stderr.

mod tui_fixture;

use fazhi::config::Config;
use fazhi::corpus::LoadProblem;
use fazhi::tui::{App, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn the_status_bar_says_how_many_files_failed() {
    let mut corpus = tui_fixture::corpus();
    corpus.problems.push(LoadProblem {
        source: "reports/broken.html".into(),
        reason: "binary file, not text".into(),
    });
    let app = App::new(corpus, Config::default());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| render(&app, f)).unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .filter(|s| !s.trim().is_empty())
        .collect();
    assert!(screen.contains("1个文件未能载入"), "{screen}");
}

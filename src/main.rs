// TEMPORARY (tui branch): starts the dashboard for manual and PTY testing; the lead's CLI
// replaces this file.
fn main() -> anyhow::Result<()> {
    let config = fazhi::config::Config::load()?;
    let folders = config.report_folders();
    let corpus = if folders.is_empty() {
        fazhi::corpus::Corpus::embedded()
    } else {
        fazhi::corpus::Corpus::load(&folders)
    };
    fazhi::tui::run(corpus, config)
}

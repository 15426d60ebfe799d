//! Entering and leaving the terminal's dashboard state, on every path out: normal exit, error
//! (the guard's drop), panic (the hook, which then chains to the previous hook) and the signals
//! that end a process (a thread that restores, then exits).

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard {
    pub terminal: Term,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
        let _ = self.terminal.show_cursor();
    }
}

/// Undo everything `enter` did; safe to call more than once and when nothing was done.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// SIGTERM, SIGHUP, SIGINT (from `kill`: raw mode keeps ctrl-c a key) and SIGQUIT would end the
/// process with the terminal still raw, on the alternate screen, the cursor hidden. A thread
/// waits for them instead, restores the terminal and exits as a shell reports such a death
/// (128 + the signal's number).
fn install_signal_handler() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held until exit, so the event loop cannot draw over the restored screen.
            let _stdout = io::stdout().lock();
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Raw mode, alternate screen and (if asked) mouse capture, with the panic hook and the signal
/// handler installed first.
pub fn enter(mouse: bool) -> io::Result<Guard> {
    install_panic_hook();
    install_signal_handler()?;
    enable_raw_mode()?;
    let mut out = io::stdout();
    let entered = execute!(out, EnterAlternateScreen).and_then(|_| {
        if mouse {
            execute!(out, EnableMouseCapture)
        } else {
            Ok(())
        }
    });
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    match Terminal::new(CrosstermBackend::new(io::stdout())) {
        Ok(terminal) => Ok(Guard { terminal }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

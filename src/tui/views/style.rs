//! Styles with and without colour: under NO_COLOR every highlight keeps a non-colour form
//! (bold, underline, reverse) so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::tui::settings::Settings;

#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub accent: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub indicator: Style,
    pub mark: Style,
    pub hit: Style,
    /// The other hits of the search in the report shown.
    pub other_hit: Style,
    pub dim: Style,
    pub title: Style,
    /// Words only in A (left column) and only in B (right column) of a compared pair.
    pub deleted: Style,
    pub inserted: Style,
    /// Heat map shades (the shade characters carry the level without colour).
    pub heat: Style,
}

impl Palette {
    pub fn new(config: &Settings) -> Palette {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        if config.no_color {
            return Palette {
                accent: bold,
                selected: reversed,
                selected_unfocused: bold.add_modifier(Modifier::UNDERLINED),
                indicator: bold.add_modifier(Modifier::UNDERLINED),
                mark: reversed,
                hit: reversed.add_modifier(Modifier::BOLD),
                other_hit: reversed,
                dim: Style::new().add_modifier(Modifier::DIM),
                title: bold,
                deleted: reversed,
                inserted: bold.add_modifier(Modifier::UNDERLINED),
                heat: Style::new(),
            };
        }
        let c = config.colors;
        Palette {
            accent: Style::new().fg(c.accent),
            selected: reversed.fg(c.accent),
            selected_unfocused: bold.fg(c.accent),
            indicator: bold.fg(c.highlight),
            mark: Style::new().add_modifier(Modifier::UNDERLINED),
            hit: reversed.fg(c.hit),
            other_hit: Style::new().fg(c.hit).add_modifier(Modifier::UNDERLINED),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: bold.fg(c.accent),
            deleted: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::UNDERLINED),
            inserted: bold.fg(Color::LightGreen),
            heat: Style::new().fg(c.accent),
        }
    }
}

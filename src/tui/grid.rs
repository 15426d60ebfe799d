//! A table with a fixed label column and value columns that scroll sideways: one geometry for
//! drawing and for mouse hit-testing of the indicator and theme screens.

use ratatui::layout::{Position, Rect};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Grid {
    /// Inside the borders: header rows, then one row per table row.
    pub area: Rect,
    /// Width of the label column.
    pub label: u16,
    /// Width of each value column, its one-column gap included.
    pub column: u16,
    /// Header rows above the table rows.
    pub header: u16,
}

impl Grid {
    /// Value columns that fit beside the labels.
    pub fn columns_fit(&self) -> usize {
        (self.area.width.saturating_sub(self.label) / self.column.max(1)) as usize
    }

    /// Table rows that fit below the header.
    pub fn rows_fit(&self) -> usize {
        self.area.height.saturating_sub(self.header) as usize
    }

    /// Where the `k`-th shown value column is drawn (its gap excluded), `line` rows down from
    /// the top of the area.
    pub fn cell(&self, k: usize, line: u16) -> Rect {
        let x = self.area.x + self.label + k as u16 * self.column;
        Rect::new(x, self.area.y + line, self.column.saturating_sub(1), 1)
    }

    /// The shown table row (0: first below the header) and value column (`None` on the label
    /// or past the last whole column) at a screen position.
    pub fn hit(&self, col: u16, row: u16) -> Option<(usize, Option<usize>)> {
        if !self.area.contains(Position::new(col, row)) || row < self.area.y + self.header {
            return None;
        }
        let line = (row - self.area.y - self.header) as usize;
        let dx = col - self.area.x;
        let k = dx
            .checked_sub(self.label)
            .map(|d| (d / self.column.max(1)) as usize)
            .filter(|&k| k < self.columns_fit());
        Some((line, k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_land_in_the_cells_drawn() {
        let g = Grid {
            area: Rect::new(1, 1, 42, 10),
            label: 10,
            column: 6,
            header: 2,
        };
        assert_eq!(g.columns_fit(), 5);
        assert_eq!(g.rows_fit(), 8);
        let c = g.cell(2, 3);
        assert_eq!((c.x, c.y, c.width), (23, 4, 5));
        assert_eq!(g.hit(c.x, c.y), Some((1, Some(2))));
        assert_eq!(g.hit(c.right(), c.y), Some((1, Some(2))), "the gap");
        assert_eq!(g.hit(3, 5), Some((2, None)), "the label");
        assert_eq!(g.hit(20, 2), None, "the header");
        assert_eq!(
            g.hit(42, 5),
            Some((2, None)),
            "beyond the last whole column"
        );
        assert_eq!(g.hit(60, 5), None);
    }
}

//! Files `e` writes into the working folder: what a screen shows, as a CSV (UTF-8 with BOM, as
//! every CSV of fazhi) and, for the wide tables of screens 3 and 5, as a workbook with the header
//! and first column frozen and numbers as numbers. A file is never written over: a second export
//! of the same screen gets the next free name.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use fazhi_core::sanitize::strip_controls;
use rust_xlsxwriter::{Format, Workbook};

/// Write the table as `fazhi-<name>.csv` (or `-2`, `-3` …) in `dir`.
pub fn csv(dir: &Path, name: &str, records: &[Vec<String>]) -> io::Result<PathBuf> {
    let text = fazhi_core::export::excel_csv(records).map_err(io::Error::other)?;
    let (path, mut file) = create_new(dir, name, "csv")?;
    file.write_all(text.as_bytes())?;
    Ok(path)
}

/// Write the table as `fazhi-<name>.xlsx` (or `-2` …) in `dir`: one sheet, text cells as text
/// (a spreadsheet never runs them as formulas), plain numbers as numbers.
pub fn xlsx(dir: &Path, name: &str, records: &[Vec<String>]) -> io::Result<PathBuf> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    for (r, record) in records.iter().enumerate() {
        for (c, cell) in record.iter().enumerate() {
            let (Ok(row), Ok(col)) = (u32::try_from(r), u16::try_from(c)) else {
                continue;
            };
            let text = strip_controls(cell, true);
            let written = match text.parse::<f64>() {
                Ok(number) if r > 0 && number.is_finite() => sheet.write_number(row, col, number),
                _ if r == 0 => sheet.write_string_with_format(row, col, text, &bold),
                _ => sheet.write_string(row, col, text),
            };
            written.map_err(io::Error::other)?;
        }
    }
    sheet.set_freeze_panes(1, 1).map_err(io::Error::other)?;
    sheet.autofit();
    let bytes = workbook.save_to_buffer().map_err(io::Error::other)?;
    let (path, mut file) = create_new(dir, name, "xlsx")?;
    file.write_all(&bytes)?;
    Ok(path)
}

/// A new file `fazhi-<name>.<ext>` in `dir`, or the first free `fazhi-<name>-N.<ext>`.
fn create_new(dir: &Path, name: &str, ext: &str) -> io::Result<(PathBuf, File)> {
    for n in 1..10_000 {
        let file = if n == 1 {
            format!("fazhi-{name}.{ext}")
        } else {
            format!("fazhi-{name}-{n}.{ext}")
        };
        let path = dir.join(file);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many exports of the same name"))
}

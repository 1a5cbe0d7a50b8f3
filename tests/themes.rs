//! The themes as a user sees them: which colour lands on which cell of the clients screen, for
//! dark, light and high-contrast terminals, with a colour override, and with `NO_COLOR`.
//! Buffer snapshots do not show colour, so each theme also has a snapshot of its style map.
mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{demo_document, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use tempfile::TempDir;
use veileder::app::{App, Key, run_effects};
use veileder::config::Config;
use veileder::store::{Clock, Store};
use veileder::ui;

fn centre() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.redb"), "themes test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    store
        .import_document("demo", &demo_document(30), false)
        .unwrap();
    (dir, store)
}

/// The clients screen at 80×24 under the config `toml`, the third client selected.
fn screen(toml: &str, no_color: bool) -> Buffer {
    let (_dir, store) = centre();
    let config = Config::from_toml(toml, Path::new("config.toml")).unwrap();
    let mut app = App::new(&config, "kari", store.clock(), no_color).unwrap();
    app.resize(80, 24);
    let first = app.start();
    run_effects(&mut app, &store, first);
    for key in [Key::char('j'), Key::char('j')] {
        let effect = app.handle_key(key);
        run_effects(&mut app, &store, effect);
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
    terminal.backend().buffer().clone()
}

fn style_at(buffer: &Buffer, x: u16, y: u16) -> Style {
    buffer[(x, y)].style()
}

/// The row of the selected client: the one marked with `>`.
fn selected_row(buffer: &Buffer) -> u16 {
    (0..buffer.area.height)
        .find(|&y| buffer[(0, y)].symbol() == ">")
        .expect("a selected row")
}

/// One letter per distinct style, cell by cell, and the legend: what a colour snapshot would show.
fn style_map(buffer: &Buffer) -> String {
    let mut letters: BTreeMap<String, char> = BTreeMap::new();
    let mut grid = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let key = format!("fg {:?} bg {:?} {:?}", cell.fg, cell.bg, cell.modifier);
            let next = char::from(b'a' + letters.len() as u8);
            grid.push(*letters.entry(key).or_insert(next));
        }
        grid.push('\n');
    }
    let mut legend: Vec<(char, String)> = letters.into_iter().map(|(k, c)| (c, k)).collect();
    legend.sort();
    for (letter, style) in legend {
        grid.push_str(&format!("{letter}: {style}\n"));
    }
    grid
}

#[test]
fn dark_theme_colours() {
    let buffer = screen("theme = \"dark\"\n", false);
    assert_eq!(
        style_at(&buffer, 1, 0).fg,
        Some(Color::LightCyan),
        "the app name"
    );
    let row = selected_row(&buffer);
    assert_eq!(style_at(&buffer, 3, row).bg, Some(Color::Blue));
    assert_eq!(
        buffer[(40, 12)].bg,
        Color::Reset,
        "the terminal's own background"
    );
    insta::assert_snapshot!("style_map_dark", style_map(&buffer));
}

#[test]
fn light_theme_colours() {
    let buffer = screen("theme = \"light\"\n", false);
    assert_eq!(
        style_at(&buffer, 1, 0).fg,
        Some(Color::Blue),
        "the app name"
    );
    let row = selected_row(&buffer);
    assert_eq!(style_at(&buffer, 3, row).bg, Some(Color::LightBlue));
    insta::assert_snapshot!("style_map_light", style_map(&buffer));
}

#[test]
fn high_contrast_theme_is_bright_on_black_everywhere() {
    let buffer = screen("theme = \"high-contrast\"\n", false);
    for y in 0..24 {
        for x in 0..80 {
            let cell = &buffer[(x, y)];
            assert!(
                ![Color::DarkGray, Color::Gray].contains(&cell.fg),
                "no grey at {x},{y}"
            );
            assert_eq!(cell.bg, Color::Black, "black background at {x},{y}");
        }
    }
    let row = selected_row(&buffer);
    for x in 1..79 {
        let modifier = buffer[(x, row)].modifier;
        assert!(modifier.contains(Modifier::REVERSED), "reversed at {x}");
    }
    insta::assert_snapshot!("style_map_high_contrast", style_map(&buffer));
}

#[test]
fn a_colour_set_per_element_wins_over_the_theme() {
    let buffer = screen(
        "theme = \"light\"\n[colors]\naccent = \"#ff8800\"\nselection = \"22\"\n",
        false,
    );
    assert_eq!(style_at(&buffer, 1, 0).fg, Some(Color::Rgb(255, 136, 0)));
    let row = selected_row(&buffer);
    assert_eq!(style_at(&buffer, 3, row).bg, Some(Color::Indexed(22)));
}

#[test]
fn no_color_leaves_no_colour_and_keeps_the_selection_visible() {
    let buffer = screen(
        "theme = \"high-contrast\"\n[colors]\naccent = \"red\"\n",
        true,
    );
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let row = selected_row(&buffer);
    assert!(buffer[(3, row)].modifier.contains(Modifier::REVERSED));
    assert!(
        buffer[(1, 0)].modifier.contains(Modifier::BOLD),
        "the app name"
    );
    insta::assert_snapshot!("style_map_no_color", style_map(&buffer));
}

//! The dashboard drawn on a TestBackend, keys injected through the keymap and `update`.

mod tui_fixture;

use fazhi::tui::keymap::Key;
use fazhi::tui::settings::{Language, Settings};
use fazhi::tui::{Action, App, Mode, Pane, Screen, SortKey, event, render, update};
use fazhi_core::corpus::LoadProblem;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};

fn app() -> App {
    App::new(tui_fixture::corpus(), Settings::default())
}

fn app_with(config: Settings) -> App {
    App::new(tui_fixture::corpus(), config)
}

/// Press a key by its keymap name ("j", "enter", "ctrl-c"), through the app's keymap.
fn press(app: &mut App, name: &str) {
    let key: Key = name.parse().expect("key name");
    let event = KeyEvent::new(key.code, key.mods);
    if let Some(action) = event::key_action(app, event) {
        update(app, action);
    }
    // Screen 5 computes its rows in the background; these tests look at them once ready.
    app.wait();
}

fn keys(app: &mut App, names: &[&str]) {
    for n in names {
        press(app, n);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &c.to_string());
    }
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    terminal
}

fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    draw(app, w, h).backend().to_string()
}

fn selected_name(app: &App) -> String {
    app.shared
        .report()
        .map(|r| r.display_name())
        .unwrap_or_default()
}

// ---- snapshots ----

#[test]
fn report_screen_80x24() {
    let mut app = app();
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn report_screen_120x40() {
    let mut app = app();
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn report_screen_too_small() {
    let mut app = app();
    insta::assert_snapshot!(screen_text(&mut app, 40, 10));
}

#[test]
fn report_screen_section_selected_and_indicator_jump_80x24() {
    let mut app = app();
    // Third report in the default (province, place) order is 泾源县 (宁夏); go there.
    keys(
        &mut app,
        &[
            "j", "j", "tab", "j", "j", "j", "tab", "tab", "j", "j", "enter",
        ],
    );
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn help_popup_80x24() {
    let mut app = app();
    press(&mut app, "?");
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn help_popup_filtered_120x40() {
    let mut app = app();
    press(&mut app, "?");
    type_text(&mut app, "主题");
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn theme_picker_popup_80x24() {
    let mut app = app();
    keys(&mut app, &["t", "j", "j", "j", "space"]);
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn theme_filter_applied_120x40() {
    let mut app = app();
    keys(&mut app, &["t", "j", "j", "j", "space", "enter"]);
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn search_results_popup_80x24() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "法治");
    press(&mut app, "enter");
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn english_interface_120x40() {
    let config = Settings {
        language: Language::En,
        ..Settings::default()
    };
    let mut app = app_with(config);
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

// ---- behaviour ----

#[test]
fn list_shows_every_report_with_level_year_and_count() {
    let mut app = app();
    let text = screen_text(&mut app, 120, 40);
    for want in [
        "泾源县",
        "县级",
        "莲塘镇",
        "乡级",
        "南昌市",
        "地级",
        "2022",
        "   8 ",
    ] {
        assert!(text.contains(want), "missing {want}\n{text}");
    }
}

#[test]
fn sort_key_cycles_and_reorders() {
    let mut app = app();
    press(&mut app, "s");
    assert_eq!(app.shared.sort, SortKey::Year);
    let years: Vec<_> = app
        .shared
        .visible
        .iter()
        .map(|&i| app.shared.corpus.reports[i].year)
        .collect();
    assert_eq!(years.last(), Some(&Some(2022)), "newest first");
    press(&mut app, "s");
    assert_eq!(app.shared.sort, SortKey::Level);
    assert_eq!(
        selected_name(&app),
        "南昌市",
        "prefecture before county and township"
    );
    press(&mut app, "s");
    assert_eq!(app.shared.sort, SortKey::Locality);
}

#[test]
fn fuzzy_filter_narrows_the_list_in_chinese() {
    let mut app = app();
    press(&mut app, "f");
    assert_eq!(app.shared.mode, Mode::FilterInput);
    type_text(&mut app, "泾源");
    assert_eq!(app.shared.visible.len(), 1);
    assert_eq!(selected_name(&app), "泾源县");
    // The caret sits after the typed text in the status line.
    let mut terminal = draw(&mut app, 80, 24);
    let pos = terminal.get_cursor_position().expect("cursor");
    assert_eq!((pos.x, pos.y), (10, 23), "after '筛选: 泾源'");
    press(&mut app, "enter");
    assert_eq!(app.shared.mode, Mode::Normal);
    assert!(
        screen_text(&mut app, 80, 24).contains("筛选: 泾源"),
        "filter stays visible"
    );
    press(&mut app, "esc");
    assert_eq!(app.shared.visible.len(), 3);
}

#[test]
fn filter_matches_province_and_level() {
    let mut app = app();
    press(&mut app, "f");
    type_text(&mut app, "江西");
    assert_eq!(app.shared.visible.len(), 2);
    press(&mut app, "esc");
    press(&mut app, "f");
    type_text(&mut app, "county");
    assert_eq!(selected_name(&app), "泾源县");
}

#[test]
fn theme_filter_narrows_list_outline_and_indicators_and_clears() {
    let mut app = app();
    // enforcement is the fourth theme.
    keys(&mut app, &["t", "j", "j", "j", "space", "enter"]);
    assert_eq!(app.shared.themes, ["enforcement"]);
    let names: Vec<String> = app
        .shared
        .visible
        .iter()
        .map(|&i| app.shared.corpus.reports[i].display_name())
        .collect();
    assert_eq!(names, ["南昌市", "泾源县"]);
    press(&mut app, "j");
    assert_eq!(selected_name(&app), "泾源县");
    let rows = app.screens.report.outline_rows(&app.shared);
    let matched: Vec<_> = rows
        .iter()
        .filter(|r| r.matched)
        .map(|r| r.path.clone())
        .collect();
    assert_eq!(
        matched,
        [vec![0, 1]],
        "only the enforcement section matches"
    );
    assert_eq!(rows.len(), 2, "its parent stays for context");
    assert_eq!(app.screens.report.section, vec![0, 1]);
    let labels: Vec<&str> = app
        .screens
        .report
        .visible_indicators(&app.shared)
        .iter()
        .map(|&i| app.shared.report().unwrap().indicators[i].label.as_str())
        .collect();
    assert_eq!(labels, ["行政执法事项清单", "评查案卷"]);
    assert!(screen_text(&mut app, 80, 24).contains("主题: 执法"));
    press(&mut app, "c");
    assert!(app.shared.themes.is_empty());
    assert_eq!(app.shared.visible.len(), 3);
}

#[test]
fn moving_in_the_outline_moves_the_text() {
    let mut app = app();
    keys(&mut app, &["j", "j"]);
    assert_eq!(selected_name(&app), "泾源县");
    keys(&mut app, &["tab", "j", "j", "j"]);
    assert_eq!(app.screens.report.focus, Pane::Outline);
    assert_eq!(app.screens.report.section, vec![0, 1]);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("编制公示行政执法事项清单"), "{text}");
    assert!(!text.contains("人民调解矛盾纠纷930件"), "{text}");
}

#[test]
fn outline_folds_with_enter_space_and_arrows() {
    let mut app = app();
    keys(&mut app, &["j", "j", "tab", "j"]);
    assert_eq!(app.screens.report.section, vec![0]);
    let before = app.screens.report.outline_rows(&app.shared).len();
    press(&mut app, "enter");
    assert_eq!(
        app.screens.report.outline_rows(&app.shared).len(),
        before - 3
    );
    press(&mut app, "space");
    assert_eq!(app.screens.report.outline_rows(&app.shared).len(), before);
    press(&mut app, "left");
    assert_eq!(
        app.screens.report.outline_rows(&app.shared).len(),
        before - 3
    );
    press(&mut app, "right");
    assert_eq!(app.screens.report.outline_rows(&app.shared).len(), before);
    press(&mut app, "right");
    assert_eq!(
        app.screens.report.section,
        vec![0, 0],
        "expanded: right goes to the first child"
    );
    press(&mut app, "left");
    assert_eq!(
        app.screens.report.section,
        vec![0],
        "a leaf: left goes to the parent"
    );
}

#[test]
fn completeness_line_shows_found_and_missing_parts() {
    let mut app = app();
    let text = screen_text(&mut app, 120, 40);
    // 南昌市 is first: achievements and plans only.
    assert!(text.contains("必备 成效✓ 不足✗ 职责✗ 安排✓"), "{text}");
}

#[test]
fn indicator_enter_jumps_to_its_sentence() {
    let mut app = app();
    keys(&mut app, &["j", "j", "tab", "tab", "tab"]);
    assert_eq!(app.screens.report.focus, Pane::Indicators);
    keys(&mut app, &["j", "j", "j", "j", "j", "j"]);
    press(&mut app, "enter");
    let report = app.shared.report().unwrap();
    assert_eq!(app.screens.report.section, vec![0, 2]);
    let mark = app.screens.report.mark.expect("sentence marked");
    assert!(report.slice(mark).contains("办理行政复议案件76件"));
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("76件"), "{text}");
}

#[test]
fn search_lists_hits_and_steps_with_n() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "行政复议");
    let mut terminal = draw(&mut app, 80, 24);
    assert!(terminal.get_cursor_position().is_ok());
    press(&mut app, "enter");
    assert_eq!(app.shared.mode, Mode::SearchResults);
    assert_eq!(app.shared.hits.len(), 1);
    press(&mut app, "enter");
    assert_eq!(app.shared.mode, Mode::Normal);
    assert_eq!(selected_name(&app), "泾源县");
    assert_eq!(app.screens.report.section, vec![0, 2]);
    assert_eq!(app.screens.report.focus, Pane::Text);

    press(&mut app, "/");
    for _ in 0..4 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "法治");
    press(&mut app, "enter");
    let n = app.shared.hits.len();
    assert!(n >= 3, "{n}");
    press(&mut app, "esc");
    press(&mut app, "n");
    assert_eq!(app.shared.hit, Some(0));
    press(&mut app, "n");
    assert_eq!(app.shared.hit, Some(1));
    press(&mut app, "N");
    press(&mut app, "N");
    assert_eq!(app.shared.hit, Some(n - 1), "wraps around");
}

#[test]
fn search_without_hits_says_so() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "火星基地");
    press(&mut app, "enter");
    assert_eq!(app.shared.mode, Mode::Normal);
    assert!(screen_text(&mut app, 80, 24).contains("没有找到"));
}

#[test]
fn help_lists_every_binding_and_filters() {
    let mut app = app();
    press(&mut app, "?");
    assert_eq!(
        app.help_rows().len(),
        app.shared.config.keymap.bindings.len()
    );
    type_text(&mut app, "sort");
    let rows = app.help_rows();
    assert_eq!(rows.len(), 1);
    assert!(screen_text(&mut app, 80, 24).contains("切换排序"));
    press(&mut app, "esc");
    assert_eq!(app.shared.mode, Mode::Normal);
}

#[test]
fn status_bar_follows_the_focused_pane() {
    let mut app = app();
    let list = screen_text(&mut app, 120, 40);
    let status = list.lines().last().unwrap_or_default().to_string();
    assert!(
        status.contains("切换排序") && status.contains("帮助"),
        "{status}"
    );
    keys(&mut app, &["tab"]);
    let status = screen_text(&mut app, 120, 40)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        status.contains("折叠") && !status.contains("切换排序"),
        "{status}"
    );
}

#[test]
fn user_keymap_override_changes_keys_and_status_bar() {
    let mut config = Settings::default();
    config.keymap.rebind("cycle_sort", &["o".into()]).unwrap();
    let mut app = app_with(config);
    press(&mut app, "s");
    assert_eq!(app.shared.sort, SortKey::Locality);
    press(&mut app, "o");
    assert_eq!(app.shared.sort, SortKey::Year);
    let status = screen_text(&mut app, 120, 40)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(status.contains("o 切换排序"), "{status}");
}

#[test]
fn key_releases_are_ignored_and_ctrl_c_quits() {
    let mut app = app();
    let mut release = KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('q'),
        KeyModifiers::NONE,
    );
    release.kind = KeyEventKind::Release;
    assert_eq!(event::key_action(&app, release), None);
    press(&mut app, "/");
    press(&mut app, "q");
    assert!(!app.quit, "q is typed into the search field");
    press(&mut app, "ctrl-c");
    assert!(app.quit);
}

#[test]
fn mouse_click_focuses_and_selects_and_wheel_scrolls() {
    let mut app = app();
    draw(&mut app, 80, 24);
    let areas = app.shared.areas();
    // Third list row (header is the first inner row).
    update(&mut app, Action::Click(areas.list.x + 2, areas.list.y + 4));
    assert_eq!(app.screens.report.focus, Pane::List);
    assert_eq!(selected_name(&app), "泾源县");
    update(
        &mut app,
        Action::Click(areas.outline.x + 2, areas.outline.y + 2),
    );
    assert_eq!(app.screens.report.focus, Pane::Outline);
    assert_eq!(app.screens.report.section, vec![0]);
    update(
        &mut app,
        Action::ScrollDown(areas.outline.x + 2, areas.outline.y + 2),
    );
    assert_eq!(app.screens.report.section, vec![0, 2]);
    update(&mut app, Action::Click(areas.tabs.x + 9, areas.tabs.y));
    assert_eq!(app.screen, Screen::Compare);
}

#[test]
fn mouse_off_in_config_ignores_mouse_events() {
    use ratatui::crossterm::event::{Event, MouseEvent, MouseEventKind};
    let config = Settings {
        mouse: false,
        ..Settings::default()
    };
    let app = app_with(config);
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 3,
        row: 3,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(event::action_for(&app, &click), None);
    assert_eq!(
        event::action_for(&self::app(), &click),
        Some(Action::ScrollDown(3, 3))
    );
}

#[test]
fn report_text_cannot_drive_the_terminal() {
    let mut app = app();
    keys(&mut app, &["j", "tab", "j", "j"]);
    assert_eq!(selected_name(&app), "莲塘镇");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("开展家访监督"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn no_color_keeps_highlights_visible() {
    use ratatui::style::Modifier;
    let config = Settings {
        no_color: true,
        ..Settings::default()
    };
    let mut app = app_with(config);
    let terminal = draw(&mut app, 120, 40);
    let buf = terminal.backend().buffer();
    let mut saw_indicator = false;
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "no colour under NO_COLOR"
        );
        if cell
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
        {
            saw_indicator = true;
        }
    }
    assert!(saw_indicator);
}

#[test]
fn no_panic_at_any_size_in_any_mode() {
    let mut app = app();
    let setups: [&[&str]; 13] = [
        &[],
        &["?"],
        &["t"],
        &["/", "法", "治", "enter"],
        &["f"],
        &["2"],
        &["2", "G", "pagedown"],
        &["3"],
        &["3", "G", "l", "l", "l", "s", "s"],
        &["3", "t", "j", "space", "enter"],
        &["4"],
        &["4", "G", "l", "l", "l", "l", "l", "l", "l", "l", "l"],
        &["4", "t", "enter", "?"],
    ];
    for setup in setups {
        let mut app2 = self::app();
        keys(&mut app2, setup);
        for w in (0..130).step_by(7) {
            for h in (0..45).step_by(4) {
                draw(&mut app2, w, h);
            }
        }
    }
    keys(
        &mut app,
        &["j", "j", "tab", "G", "tab", "G", "tab", "G", "enter"],
    );
    draw(&mut app, 61, 16);
}

// ---- compare screen ----

fn compare_app_with(config: Settings) -> App {
    App::new(tui_fixture::compare_corpus(), config)
}

/// Select the report named `name` in the list.
fn select(app: &mut App, name: &str) {
    press(app, "g");
    for _ in 0..app.shared.visible.len() {
        if selected_name(app) == name {
            return;
        }
        press(app, "j");
    }
    panic!("{name} not in the list");
}

/// 彭阳县 marked A, 西吉县 marked B, on the compare screen.
fn compared(config: Settings) -> App {
    let mut app = compare_app_with(config);
    select(&mut app, "彭阳县");
    press(&mut app, "a");
    select(&mut app, "西吉县");
    press(&mut app, "b");
    press(&mut app, "2");
    app
}

fn comparison(app: &App) -> std::rc::Rc<fazhi_core::analyse::compare::Comparison> {
    std::rc::Rc::clone(
        &app.screens
            .compare
            .view
            .as_ref()
            .expect("compare view")
            .comparison,
    )
}

#[test]
fn compare_screen_120x40() {
    let mut app = compared(Settings::default());
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn compare_screen_80x24() {
    let mut app = compared(Settings::default());
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn compare_screen_too_small() {
    let mut app = compared(Settings::default());
    let text = screen_text(&mut app, 50, 12);
    assert!(text.contains("终端太小"), "{text}");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("彭阳县"), "usable again once large enough");
}

#[test]
fn compare_shows_aligned_moved_and_unmatched_pairs() {
    use fazhi_core::analyse::align::LinkKind;
    let app = compared(Settings::default());
    let c = comparison(&app);
    for kind in [
        LinkKind::Aligned,
        LinkKind::Moved,
        LinkKind::OnlyA,
        LinkKind::OnlyB,
    ] {
        assert!(c.pairs.iter().any(|p| p.kind == kind), "no {kind:?} pair");
    }
    let s = &c.summary;
    assert_eq!(
        s.matched + s.moved + s.only_a + s.only_b,
        c.pairs.len(),
        "the summary counts every pair"
    );
}

#[test]
fn marks_show_in_the_list_and_choose_the_sides() {
    let mut app = compare_app_with(Settings::default());
    select(&mut app, "彭阳县");
    press(&mut app, "a");
    select(&mut app, "西吉县");
    press(&mut app, "b");
    let list = screen_text(&mut app, 120, 40);
    assert!(
        list.contains("A 彭阳县") && list.contains("B 西吉县"),
        "{list}"
    );
    press(&mut app, "2");
    let c = comparison(&app);
    assert_eq!(
        (c.a.label(), c.b.label()),
        ("彭阳县 2023".into(), "西吉县 2023".into())
    );
    // Marking B's report as A takes it off B: a report is never both sides.
    press(&mut app, "1");
    press(&mut app, "a");
    assert_eq!(app.shared.marks[1], None);
}

#[test]
fn unmarked_sides_default_to_selected_and_next_and_say_so() {
    let mut app = compare_app_with(Settings::default());
    select(&mut app, "彭阳县");
    let at = app.shared.list.selected;
    press(&mut app, "2");
    let next = app.shared.visible[(at + 1) % app.shared.visible.len()];
    assert_eq!(app.shared.marks, [Some(app.shared.visible[at]), Some(next)]);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("未标记A/B"), "{text}");
    assert_eq!(comparison(&app).a.label(), "彭阳县 2023");
    // Only B marked, on the selected report: B stays, A is the next report.
    let mut app = compare_app_with(Settings::default());
    select(&mut app, "彭阳县");
    press(&mut app, "b");
    press(&mut app, "2");
    assert_eq!(app.shared.marks, [Some(next), Some(app.shared.visible[at])]);
}

#[test]
fn x_swaps_the_sides() {
    let mut app = compared(Settings::default());
    press(&mut app, "x");
    let c = comparison(&app);
    assert_eq!(c.a.label(), "西吉县 2023");
    assert_eq!(c.b.label(), "彭阳县 2023");
    let text = screen_text(&mut app, 120, 40);
    let header = text.lines().find(|l| l.contains("A 西吉县")).unwrap_or("");
    assert!(header.contains("B 彭阳县"), "{text}");
}

#[test]
fn n_jumps_over_identical_pairs_to_the_next_difference() {
    let mut app = compared(Settings::default());
    let c = comparison(&app);
    let differs = |i: usize| fazhi::tui::screens::compare::differs(&c.pairs[i]);
    assert!(
        (0..c.pairs.len()).any(|i| !differs(i)),
        "the fixture has identical pairs to skip"
    );
    let mut seen = Vec::new();
    let mut last = 0;
    loop {
        press(&mut app, "n");
        let top = app.screens.compare.view.as_ref().unwrap().top;
        if top <= last && !seen.is_empty() {
            break;
        }
        assert!(differs(top), "pair {top} does not differ");
        assert!((last + 1..top).all(|i| !differs(i)), "skipped a difference");
        seen.push(top);
        last = top;
    }
    assert!(
        app.shared
            .message
            .as_deref()
            .unwrap_or("")
            .contains("处差异")
    );
    press(&mut app, "N");
    assert_eq!(
        app.screens.compare.view.as_ref().unwrap().top,
        seen[seen.len() - 1]
    );
}

#[test]
fn pair_keys_and_scrolling_move_both_columns_together() {
    let mut app = compared(Settings::default());
    draw(&mut app, 120, 40);
    press(&mut app, "]");
    press(&mut app, "]");
    assert_eq!(app.screens.compare.view.as_ref().unwrap().top, 2);
    press(&mut app, "[");
    assert_eq!(app.screens.compare.view.as_ref().unwrap().top, 1);
    press(&mut app, "j");
    let view = app.screens.compare.view.as_ref().unwrap();
    assert_eq!((view.top, view.line), (1, 1), "one row into pair 1");
    press(&mut app, "k");
    press(&mut app, "k");
    let view = app.screens.compare.view.as_ref().unwrap();
    assert_eq!(view.top, 0, "back into pair 0");
    press(&mut app, "G");
    let n = comparison(&app).pairs.len();
    assert_eq!(app.screens.compare.view.as_ref().unwrap().top, n - 1);
}

#[test]
fn enter_opens_the_pairs_a_measure_on_the_report_screen() {
    let mut app = compared(Settings::default());
    let c = comparison(&app);
    let target = c
        .pairs
        .iter()
        .position(|p| p.a.as_ref().is_some_and(|a| a.section.len() == 2))
        .expect("a pair in a subsection");
    for _ in 0..target {
        press(&mut app, "]");
    }
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Report);
    assert_eq!(selected_name(&app), "彭阳县");
    let a = c.pairs[target].a.as_ref().unwrap();
    assert_eq!(app.screens.report.section, a.section);
    assert_eq!(app.screens.report.mark, Some(a.span));
    let report = app.shared.report().unwrap();
    assert_eq!(report.slice(a.span), a.text);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains(&a.text[..a.text.len().min(12)]), "{text}");
}

#[test]
fn theme_filter_narrows_the_pairs_and_the_indicators() {
    let mut app = compared(Settings::default());
    let all = comparison(&app);
    let all_rows = all.indicators.len();
    // enforcement is the fourth theme.
    keys(&mut app, &["t", "j", "j", "j", "space", "enter"]);
    let narrowed = comparison(&app);
    assert_eq!(narrowed.theme.as_deref(), Some("enforcement"));
    assert!(
        !narrowed.pairs.is_empty() && narrowed.pairs.len() < all.pairs.len(),
        "{} of {}",
        narrowed.pairs.len(),
        all.pairs.len()
    );
    let view = app.screens.compare.view.as_ref().unwrap();
    let ids: Vec<&str> = view
        .comparison
        .indicators
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["enforcement.cases_reviewed"]);
    assert!(view.comparison.indicators.len() < all_rows);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("主题: 执法"), "{text}");
    press(&mut app, "c");
    assert_eq!(comparison(&app).pairs.len(), all.pairs.len());
}

#[test]
fn the_comparison_is_not_recomputed_on_scroll_or_resize() {
    let mut app = compared(Settings::default());
    let before = comparison(&app);
    draw(&mut app, 120, 40);
    keys(
        &mut app,
        &["j", "j", "k", "]", "[", "n", "N", "pagedown", "G", "g"],
    );
    draw(&mut app, 80, 24);
    update(&mut app, Action::ScrollDown(40, 20));
    assert!(std::rc::Rc::ptr_eq(&before, &comparison(&app)));
    press(&mut app, "x");
    assert!(
        !std::rc::Rc::ptr_eq(&before, &comparison(&app)),
        "a new pair of sides is compared anew"
    );
}

#[test]
fn indicator_table_pairs_values_by_canonical_id() {
    let mut app = compared(Settings::default());
    let text = screen_text(&mut app, 120, 40);
    let row = text
        .lines()
        .find(|l| l.contains("调解矛盾纠纷数"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains("820件") && row.contains("1020件") && row.contains("+200件"),
        "{row}"
    );
    assert!(row.contains('█'), "bars: {row}");
    let only_a = text
        .lines()
        .find(|l| l.contains("行政复议案件数"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        only_a.contains("40件") && only_a.contains('—') && !only_a.contains('█'),
        "one side only: {only_a}"
    );
}

#[test]
fn no_color_compare_keeps_differences_visible() {
    use ratatui::style::{Color, Modifier};
    let config = Settings {
        no_color: true,
        ..Settings::default()
    };
    let mut app = compared(config);
    let terminal = draw(&mut app, 120, 40);
    let buf = terminal.backend().buffer();
    let areas = app.screens.compare.areas(&app.shared);
    let bands = areas.bands;
    let middle = bands.x + areas.columns[0] as u16;
    let (mut left, mut right) = (0, 0);
    for y in bands.y..bands.bottom() {
        // Text rows only: band headers span both columns and have no rule between them.
        if buf[(middle, y)].symbol() != "│" {
            continue;
        }
        for x in bands.x..bands.right() {
            let cell = &buf[(x, y)];
            assert_eq!(cell.fg, Color::Reset, "no colour under NO_COLOR");
            if x < middle && cell.modifier.contains(Modifier::REVERSED) && cell.symbol() != " " {
                left += 1;
            }
            if x > middle
                && cell
                    .modifier
                    .contains(Modifier::BOLD | Modifier::UNDERLINED)
            {
                right += 1;
            }
        }
    }
    assert!(left > 0 && right > 0, "A-only {left} cells, B-only {right}");
}

#[test]
fn compare_status_bar_and_help_list_its_keys() {
    let mut app = compared(Settings::default());
    let status = screen_text(&mut app, 120, 40)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(status.contains("x 交换A、B"), "{status}");
    assert!(status.contains("n 下一处差异"), "{status}");
    press(&mut app, "?");
    type_text(&mut app, "对");
    let text = screen_text(&mut app, 120, 40);
    assert!(
        text.contains("标为对比A") && text.contains("下一相似对"),
        "{text}"
    );
}

#[test]
fn compare_with_one_report_says_two_are_needed() {
    let one = fazhi_core::corpus::Corpus::from_reports(
        vec![tui_fixture::corpus().reports[0].clone()],
        fazhi_core::analyse::themes::Taxonomy::embedded().into(),
    );
    let mut app = App::new(one, Settings::default());
    press(&mut app, "2");
    assert!(app.screens.compare.view.is_none());
    assert!(screen_text(&mut app, 80, 24).contains("对比需要至少两份报告"));
}

#[test]
fn compare_screen_speaks_english_when_asked() {
    let config = Settings {
        language: Language::En,
        ..Settings::default()
    };
    let mut app = compared(config);
    let text = screen_text(&mut app, 120, 40);
    for want in ["aligned", "moved", "only A", "shared text", "all themes"] {
        assert!(text.contains(want), "missing {want}\n{text}");
    }
    assert!(text.contains("彭阳县"), "report text is never translated");
}

#[test]
fn the_status_bar_says_how_many_files_failed() {
    let mut corpus = tui_fixture::corpus();
    corpus.problems.push(LoadProblem {
        source: "reports/broken.html".into(),
        reason: "binary file, not text".into(),
    });
    let mut app = App::new(corpus, Settings::default());
    // Drawn as the dashboard starts: a resize, then the first frame.
    let terminal = draw(&mut app, 120, 40);
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

// ---- indicator screen ----

/// The compare corpus (five reports) on screen 3.
fn matrix_app(config: Settings) -> App {
    let mut app = compare_app_with(config);
    press(&mut app, "3");
    app
}

/// Names of the rows shown, in order.
fn matrix_names(app: &App) -> Vec<String> {
    let m = &app.screens.indicators.matrix;
    app.screens
        .indicators
        .rows(&app.shared)
        .into_iter()
        .map(|i| m.rows[i].name.clone())
        .collect()
}

fn matrix_current_id(app: &App) -> String {
    let row = app.screens.indicators.current.expect("a row is selected");
    app.screens.indicators.matrix.rows[row].id.clone()
}

/// Put the cursor on the row with canonical id `id`.
fn matrix_select_row(app: &mut App, id: &str) {
    press(app, "g");
    for _ in 0..app.screens.indicators.rows(&app.shared).len() {
        if matrix_current_id(app) == id {
            return;
        }
        press(app, "j");
    }
    panic!("{id} not among the rows");
}

/// Put the cursor on the column of report `name`.
fn matrix_select_column(app: &mut App, name: &str) {
    for _ in 0..app.shared.visible.len() {
        press(app, "h");
    }
    for _ in 0..app.shared.visible.len() {
        let report = app
            .screens
            .indicators
            .report(&app.shared)
            .expect("a column");
        if app.shared.corpus.reports[report].display_name() == name {
            return;
        }
        press(app, "l");
    }
    panic!("{name} not among the columns");
}

#[test]
fn indicator_screen_120x40() {
    let mut app = matrix_app(Settings::default());
    matrix_select_row(&mut app, "disputes.mediated");
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn indicator_screen_80x24() {
    let mut app = matrix_app(Settings::default());
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn indicator_rows_are_the_canonical_indicators_of_the_listed_reports() {
    let mut app = matrix_app(Settings::default());
    let names = matrix_names(&app);
    for want in [
        "会前学法、中心组学法次数",
        "调解矛盾纠纷数",
        "调解成功率",
        "清理（废止、修改）文件数",
    ] {
        assert!(names.iter().any(|n| n == want), "missing {want}: {names:?}");
    }
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("930件") && text.contains("1200件"), "{text}");
    assert!(text.contains("（件）"), "the catalogue's unit: {text}");
    // Filtering the list narrows the columns and drops rows no listed report has.
    press(&mut app, "1");
    press(&mut app, "f");
    type_text(&mut app, "南昌");
    press(&mut app, "enter");
    press(&mut app, "3");
    assert_eq!(app.shared.visible.len(), 1);
    assert_eq!(matrix_names(&app), ["清理（废止、修改）文件数"]);
}

#[test]
fn indicator_cells_mark_several_values_of_one_indicator() {
    let mut corpus = tui_fixture::compare_corpus();
    let r = corpus
        .reports
        .iter_mut()
        .find(|r| r.display_name() == "泾源县")
        .unwrap();
    let mut again = r
        .indicators
        .iter()
        .find(|i| i.canonical.as_deref() == Some("disputes.mediated"))
        .unwrap()
        .clone();
    again.value = 12.0;
    r.indicators.push(again);
    let mut app = App::new(corpus, Settings::default());
    press(&mut app, "3");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("930件+"), "{text}");
    assert!(!text.contains("12件"), "the first value is shown: {text}");
    assert!(text.contains("有多个值"), "the mark is explained: {text}");
}

#[test]
fn indicator_sort_cycles_catalogue_reports_column() {
    let mut app = matrix_app(Settings::default());
    let catalogue = matrix_names(&app);
    assert_eq!(
        app.screens.indicators.sort,
        fazhi::tui::screens::indicators::RowSort::Catalogue
    );
    press(&mut app, "s");
    assert_eq!(
        app.screens.indicators.sort,
        fazhi::tui::screens::indicators::RowSort::Reports
    );
    let by_count = matrix_names(&app);
    assert_ne!(by_count, catalogue);
    let count = |app: &App, name: &str| {
        let m = &app.screens.indicators.matrix;
        let row = m.rows.iter().position(|r| r.name == name).unwrap();
        app.shared
            .visible
            .iter()
            .filter(|&&r| m.cell(row, r).is_some())
            .count()
    };
    let counts: Vec<usize> = by_count.iter().map(|n| count(&app, n)).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // By the selected column: 西吉县's values, largest first within each unit (like with like),
    // rows it lacks last.
    matrix_select_column(&mut app, "西吉县");
    let selected = matrix_current_id(&app);
    press(&mut app, "s");
    assert_eq!(
        app.screens.indicators.sort,
        fazhi::tui::screens::indicators::RowSort::Column
    );
    assert_eq!(
        matrix_current_id(&app),
        selected,
        "the selected row stays selected"
    );
    let report = app.screens.indicators.report(&app.shared).unwrap();
    let m = &app.screens.indicators.matrix;
    let cells: Vec<Option<(String, f64)>> = app
        .screens
        .indicators
        .rows(&app.shared)
        .into_iter()
        .map(|i| m.cell(i, report).map(|c| (c.unit.clone(), c.value)))
        .collect();
    assert_eq!(cells[0], Some(("件".to_string(), 1020.0)), "{cells:?}");
    let known = cells.iter().take_while(|v| v.is_some()).count();
    assert!(cells[known..].iter().all(Option::is_none), "{cells:?}");
    let known: Vec<&(String, f64)> = cells[..known].iter().flatten().collect();
    let mut units: Vec<&str> = known.iter().map(|(u, _)| u.as_str()).collect();
    units.dedup();
    let mut distinct = units.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        units.len(),
        distinct.len(),
        "each unit's rows together: {cells:?}"
    );
    assert!(
        known
            .windows(2)
            .all(|w| w[0].0 != w[1].0 || w[0].1 >= w[1].1),
        "{cells:?}"
    );
    press(&mut app, "s");
    assert_eq!(matrix_names(&app), catalogue);
    let status = screen_text(&mut app, 120, 40);
    assert!(status.contains("s 切换排序"), "{status}");
}

#[test]
fn theme_filter_narrows_indicator_rows() {
    let mut app = matrix_app(Settings::default());
    let all = matrix_names(&app);
    pick_theme(&mut app, "disputes");
    assert_eq!(app.shared.themes, ["disputes"]);
    let rows = matrix_names(&app);
    assert!(!rows.is_empty() && rows.len() < all.len(), "{rows:?}");
    let m = &app.screens.indicators.matrix;
    for i in app.screens.indicators.rows(&app.shared) {
        assert_eq!(m.rows[i].theme, "disputes", "{}", m.rows[i].name);
    }
    press(&mut app, "c");
    assert_eq!(matrix_names(&app), all);
}

#[test]
fn indicator_enter_opens_the_report_at_the_indicators_sentence() {
    let mut app = matrix_app(Settings::default());
    matrix_select_row(&mut app, "disputes.reconsideration_cases");
    matrix_select_column(&mut app, "泾源县");
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Report);
    assert_eq!(selected_name(&app), "泾源县");
    assert_eq!(app.screens.report.section, vec![0, 2]);
    let report = app.shared.report().unwrap();
    let mark = app.screens.report.mark.expect("sentence marked");
    assert!(report.slice(mark).contains("办理行政复议案件76件"));
    assert_eq!(app.screens.report.focus, Pane::Indicators);
    let shown =
        app.screens.report.visible_indicators(&app.shared)[app.screens.report.indicators.selected];
    assert_eq!(report.indicators[shown].span, "76件");
    // A cell without a value says so and stays.
    press(&mut app, "3");
    matrix_select_column(&mut app, "南昌市");
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Indicators);
    assert!(app.shared.message.is_some());
}

#[test]
fn indicator_columns_scroll_sideways_at_narrow_widths() {
    let mut app = matrix_app(Settings::default());
    // The header row of the table: places of the columns shown.
    let header = |app: &mut App| screen_text(app, 60, 24).lines().nth(2).unwrap().to_string();
    let first = header(&mut app);
    let grid = app.screens.indicators.grid(&app.shared);
    let fit = grid.columns_fit();
    assert!(fit < app.shared.visible.len(), "{fit} columns fit");
    assert!(first.contains('▸'), "more to the right: {first}");
    let last_name = |app: &App| {
        let r = *app.shared.visible.last().unwrap();
        app.shared.corpus.reports[r].display_name()
    };
    assert!(!first.contains(&last_name(&app)), "{first}");
    for _ in 0..app.shared.visible.len() {
        press(&mut app, "l");
    }
    assert_eq!(
        app.screens.indicators.col.selected,
        app.shared.visible.len() - 1
    );
    assert!(app.screens.indicators.col.offset > 0);
    let scrolled = header(&mut app);
    assert!(
        scrolled.contains(&last_name(&app)) && scrolled.contains('◂'),
        "{scrolled}"
    );
    press(&mut app, "left");
    assert_eq!(
        app.screens.indicators.col.selected,
        app.shared.visible.len() - 2
    );
}

#[test]
fn indicator_bar_chart_shows_every_report_for_the_selected_row() {
    let mut app = matrix_app(Settings::default());
    matrix_select_row(&mut app, "disputes.mediated");
    let text = screen_text(&mut app, 120, 40);
    let chart: Vec<&str> = text.lines().skip_while(|l| !l.contains("各报告")).collect();
    let line = |name: &str| {
        chart
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} in {chart:?}"))
            .to_string()
    };
    let bars = |l: &str| l.chars().filter(|&c| c == '█').count();
    let (big, small) = (line("西吉县"), line("彭阳县"));
    assert!(
        big.contains("1020件") && small.contains("820件"),
        "{big}\n{small}"
    );
    assert!(
        bars(&big) > bars(&small) && bars(&small) > 0,
        "{big}\n{small}"
    );
    assert!(line("南昌市").contains('—'));
}

#[test]
fn indicator_mouse_click_selects_a_cell_and_wheel_scrolls() {
    let mut app = matrix_app(Settings::default());
    draw(&mut app, 120, 40);
    let grid = app.screens.indicators.grid(&app.shared);
    let cell = grid.cell(2, grid.header + 1);
    update(&mut app, Action::Click(cell.x + 1, cell.y));
    assert_eq!(app.screens.indicators.col.selected, 2);
    assert_eq!(app.screens.indicators.row.selected, 1);
    update(&mut app, Action::ScrollDown(cell.x, cell.y));
    assert_eq!(
        app.screens.indicators.row.selected,
        (1 + 3).min(app.screens.indicators.rows(&app.shared).len() - 1)
    );
}

// ---- theme screen ----

fn heatmap_app(config: Settings) -> App {
    let mut app = compare_app_with(config);
    press(&mut app, "4");
    app
}

fn theme_index(app: &App, id: &str) -> usize {
    app.shared
        .corpus
        .taxonomy()
        .themes
        .iter()
        .position(|t| t.id == id)
        .unwrap()
}

/// Filter by theme `id` alone through the theme picker.
fn pick_theme(app: &mut App, id: &str) {
    press(app, "t");
    for _ in 0..theme_index(app, id) {
        press(app, "j");
    }
    keys(app, &["space", "enter"]);
}

/// Put the heat map cursor on report `name` and theme `id`.
fn heatmap_select(app: &mut App, name: &str, id: &str) {
    press(app, "g");
    while app.shared.corpus.reports[app.shared.visible[app.screens.themes.row.selected]]
        .display_name()
        != name
    {
        let before = app.screens.themes.row.selected;
        press(app, "j");
        assert_ne!(before, app.screens.themes.row.selected, "{name} not listed");
    }
    let column = app
        .screens
        .themes
        .columns(&app.shared)
        .iter()
        .position(|&t| t == theme_index(app, id))
        .expect("theme shown");
    for _ in 0..app.screens.themes.columns(&app.shared).len() {
        press(app, "h");
    }
    for _ in 0..column {
        press(app, "l");
    }
}

#[test]
fn theme_screen_120x40() {
    let mut app = heatmap_app(Settings::default());
    heatmap_select(&mut app, "泾源县", "disputes");
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn theme_screen_80x24() {
    let mut app = heatmap_app(Settings::default());
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn theme_coverage_is_the_share_of_sectioned_text() {
    let app = heatmap_app(Settings::default());
    let (r, report) = app
        .shared
        .corpus
        .reports
        .iter()
        .enumerate()
        .find(|(_, r)| r.display_name() == "南昌市")
        .unwrap();
    let own = |s: &fazhi_core::model::Section| s.heading_span.len() + s.body.len();
    let total: usize = report.walk().iter().map(|(_, s)| own(s)).sum();
    let emergencies = own(&report.sections[1]) as f32 / total as f32;
    let share = app
        .screens
        .themes
        .share(r, theme_index(&app, "emergencies"));
    assert!(
        (share - emergencies).abs() < 1e-6,
        "{share} vs {emergencies}"
    );
    assert_eq!(
        app.screens.themes.share(r, theme_index(&app, "disputes")),
        0.0
    );
    let rules = app.screens.themes.share(r, theme_index(&app, "rules"));
    assert!(
        (rules + share - 1.0).abs() < 1e-6,
        "every section counted once"
    );
}

#[test]
fn theme_cell_shows_its_figure_and_the_legend_explains_shades() {
    let mut app = heatmap_app(Settings::default());
    heatmap_select(&mut app, "南昌市", "emergencies");
    let (r, t) = app.screens.themes.cell(&app.shared).unwrap();
    let share = app.screens.themes.share(r, t);
    let text = screen_text(&mut app, 120, 40);
    assert!(
        text.contains(&format!("{:.1}% 的分节正文谈及", share * 100.0)),
        "{text}"
    );
    assert!(text.contains(&format!("{:.0}%", share * 100.0)));
    assert!(text.contains("░ <5%") && text.contains("█ ≥30%"), "{text}");
}

#[test]
fn a_screen_asks_for_an_effect_instead_of_changing_another_screen() {
    use fazhi::tui::screens::Effect;
    let mut app = matrix_app(Settings::default());
    matrix_select_row(&mut app, "disputes.reconsideration_cases");
    matrix_select_column(&mut app, "泾源县");
    let before = app.screens.report.section.clone();
    let report = app
        .screens
        .indicators
        .report(&app.shared)
        .expect("a column");
    let effect = app
        .screens
        .get_mut(Screen::Indicators)
        .update(Action::Activate, &mut app.shared);
    let Effect::OpenIndicator {
        report: r,
        indicator,
    } = effect
    else {
        panic!("expected an indicator to open, got {effect:?}");
    };
    assert_eq!(r, report);
    assert_eq!(
        app.shared.corpus.reports[r].indicators[indicator].span,
        "76件"
    );
    // Nothing happened yet: carrying the effect out is the app's job.
    assert_eq!(app.screen, Screen::Indicators);
    assert_eq!(app.screens.report.section, before);
}

#[test]
fn theme_enter_opens_the_report_filtered_at_the_first_matching_section() {
    let mut app = heatmap_app(Settings::default());
    heatmap_select(&mut app, "泾源县", "disputes");
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Report);
    assert_eq!(selected_name(&app), "泾源县");
    assert_eq!(app.shared.themes, ["disputes"]);
    assert_eq!(
        app.screens.report.section,
        vec![0, 2],
        "（三）依法有效化解社会矛盾纠纷"
    );
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("主题: 化解"), "the filter shows: {text}");
    // A theme the report never speaks to: a notice, nothing else changes.
    press(&mut app, "c");
    press(&mut app, "4");
    heatmap_select(&mut app, "南昌市", "disputes");
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Themes);
    assert!(app.shared.themes.is_empty());
    assert!(app.shared.message.is_some());
}

#[test]
fn theme_filter_narrows_heat_map_rows_and_columns() {
    let mut app = heatmap_app(Settings::default());
    let all = app.screens.themes.columns(&app.shared).len();
    let disputes = theme_index(&app, "disputes");
    pick_theme(&mut app, "disputes");
    assert_eq!(app.screens.themes.columns(&app.shared), [disputes]);
    assert!(all > 1);
    assert!(app.shared.visible.len() < app.shared.corpus.reports.len());
}

#[test]
fn theme_columns_scroll_sideways_and_mouse_selects() {
    let mut app = heatmap_app(Settings::default());
    draw(&mut app, 60, 24);
    let grid = app.screens.themes.grid(&app.shared);
    let n = app.screens.themes.columns(&app.shared).len();
    assert!(grid.columns_fit() < n, "{} of {n} fit", grid.columns_fit());
    for _ in 0..n {
        press(&mut app, "right");
    }
    assert_eq!(app.screens.themes.col.selected, n - 1);
    assert!(app.screens.themes.col.offset > 0);
    let text = screen_text(&mut app, 60, 24);
    assert!(text.contains('◂'), "{text}");
    let cell = grid.cell(0, grid.header + 2);
    update(&mut app, Action::Click(cell.x, cell.y));
    assert_eq!(app.screens.themes.row.selected, 2);
    assert_eq!(
        app.screens.themes.col.selected,
        app.screens.themes.col.offset
    );
    update(&mut app, Action::ScrollUp(cell.x, cell.y));
    assert_eq!(app.screens.themes.row.selected, 0);
}

#[test]
fn no_color_heat_map_stays_readable() {
    let config = Settings {
        no_color: true,
        ..Settings::default()
    };
    let mut app = heatmap_app(config);
    let terminal = draw(&mut app, 120, 40);
    let buf = terminal.backend().buffer();
    let mut shades = std::collections::HashSet::new();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "no colour");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "no colour");
        shades.extend(cell.symbol().chars().filter(|c| "░▒▓█".contains(*c)));
    }
    assert!(shades.len() >= 3, "several shades drawn: {shades:?}");
}

#[test]
fn indicator_and_theme_screens_list_their_keys() {
    let mut app = heatmap_app(Settings::default());
    let status = screen_text(&mut app, 120, 40)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        status.contains("enter 确定／跳转") && status.contains("h/← 左一列"),
        "{status}"
    );
    assert!(
        !status.contains("切换排序"),
        "no sort on the theme screen: {status}"
    );
    press(&mut app, "?");
    type_text(&mut app, "一列");
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("右一列") && text.contains("主题页"), "{text}");
}

#[test]
fn indicator_and_theme_screens_speak_english_when_asked() {
    let config = Settings {
        language: Language::En,
        ..Settings::default()
    };
    let mut app = matrix_app(config);
    let text = screen_text(&mut app, 120, 40);
    assert!(
        text.contains("Canonical indicators") && text.contains("by report"),
        "{text}"
    );
    press(&mut app, "4");
    let text = screen_text(&mut app, 120, 40);
    assert!(
        text.contains("Theme coverage") && text.contains("speaks to"),
        "{text}"
    );
}

#[test]
fn indicator_cells_compare_counts_in_the_canonical_unit() {
    let mut corpus = tui_fixture::corpus();
    let (r, i) = corpus
        .reports
        .iter()
        .enumerate()
        .find_map(|(r, rep)| {
            rep.indicators
                .iter()
                .position(|i| i.canonical.as_deref() == Some("disputes.mediated"))
                .map(|i| (r, i))
        })
        .expect("the fixture has a mediated-disputes count");
    corpus.reports[r].indicators[i].unit = "宗".into();
    let app = App::new(corpus, Settings::default());
    let row = app
        .screens
        .indicators
        .matrix
        .rows
        .iter()
        .position(|row| row.id == "disputes.mediated")
        .unwrap();
    let cell = app.screens.indicators.matrix.cell(row, r).unwrap();
    assert_eq!(cell.unit, "件", "1522宗 of disputes compares as 件");
}

// ---- bands, readings and copying on the compare screen ----

/// The embedded seeds on the compare screen: A the first report of the list, B the second
/// (北镇市 2024 and 莲塘镇 2023).
fn seeds_compared() -> App {
    let corpus = fazhi_core::corpus::Corpus::embedded(
        fazhi_core::analyse::themes::Taxonomy::embedded().into(),
    );
    let mut app = App::new(corpus, Settings::default());
    press(&mut app, "2");
    app
}

/// Of the text pane's body lines, scrolled from top to bottom, those with text on both sides,
/// and all of them (titles included), at the size last drawn.
fn lines_on_both_sides(app: &App) -> (usize, usize) {
    let columns = app.screens.compare.areas(&app.shared).columns;
    let view = app.screens.compare.view.as_ref().expect("compare view");
    let (mut both, mut all) = (0, 0);
    for b in 0..view.blocks.len() {
        let [wa, wb] = view.widths(b, columns);
        let a = view.column(b, 0, wa).len();
        let bb = view.column(b, 1, wb).len();
        both += a.min(bb);
        all += view.block_height(b, columns);
    }
    (both, all)
}

#[test]
fn two_localities_read_theme_by_theme_with_both_sides_filled() {
    let mut app = seeds_compared();
    let text = screen_text(&mut app, 140, 45);
    let c = comparison(&app);
    assert_eq!(
        (c.a.label(), c.b.label()),
        ("北镇市 2024".into(), "莲塘镇 2023".into())
    );
    assert_eq!(
        app.screens.compare.view.as_ref().unwrap().reading,
        fazhi_core::analyse::compare::Reading::Bands
    );
    assert!(text.contains("分主题 · 带 1/"), "{text}");
    let (both, all) = lines_on_both_sides(&app);
    assert!(
        both * 100 >= all * 60,
        "{both} of {all} body lines carry text on both sides"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn a_band_one_side_lacks_says_so() {
    let mut app = seeds_compared();
    draw(&mut app, 140, 45);
    let c = comparison(&app);
    let one_sided = c
        .bands
        .iter()
        .position(|b| b.units_b == 0)
        .expect("a band only A has");
    for _ in 0..one_sided {
        press(&mut app, "}");
    }
    let text = screen_text(&mut app, 140, 45);
    assert!(text.contains("B 未涉及"), "{text}");
    assert!(
        text.contains(&format!("带 {}/{}", one_sided + 1, c.bands.len())),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn one_locality_over_two_years_reads_in_order() {
    let mut app = App::new(tui_fixture::years_corpus(), Settings::default());
    select(&mut app, "彭阳县");
    let first = app.shared.list.selected;
    press(&mut app, "a");
    press(&mut app, "j");
    assert_ne!(app.shared.list.selected, first);
    assert_eq!(selected_name(&app), "彭阳县", "the next year follows");
    press(&mut app, "b");
    press(&mut app, "2");
    let view = app.screens.compare.view.as_ref().unwrap();
    assert_eq!(view.reading, fazhi_core::analyse::compare::Reading::Aligned);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("按顺序"), "{text}");
    insta::assert_snapshot!(text);
    // v switches to the bands and back, staying on the same units.
    keys(&mut app, &["]", "]"]);
    let anchor = app.screens.compare.view.as_ref().unwrap().anchor();
    press(&mut app, "v");
    let view = app.screens.compare.view.as_ref().unwrap();
    assert_eq!(view.reading, fazhi_core::analyse::compare::Reading::Bands);
    let row = view.current_row().unwrap();
    assert_eq!(row.a.as_ref().map(|s| (0, s.unit)), anchor);
}

#[test]
fn the_passage_list_steps_and_opens_a_passage_in_its_report() {
    let mut app = compared(Settings::default());
    press(&mut app, "p");
    let c = comparison(&app);
    assert!(c.shared_passages.len() >= 2, "{:?}", c.shared_passages);
    let text = screen_text(&mut app, 120, 40);
    assert!(
        text.contains(&format!("共同段落 1/{}", c.shared_passages.len())),
        "{text}"
    );
    assert!(text.contains("共同文字占比"), "{text}");
    insta::assert_snapshot!(text);
    press(&mut app, "j");
    let second = &c.shared_passages[1];
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Report);
    assert_eq!(selected_name(&app), "彭阳县");
    assert_eq!(app.screens.report.mark, Some(second.passage.a));
}

#[test]
fn swapping_keeps_the_place_and_mirrors_the_share() {
    let mut app = seeds_compared();
    draw(&mut app, 140, 45);
    keys(&mut app, &["}", "}", "]"]);
    let before = app.screens.compare.view.as_ref().unwrap();
    let (top, share) = (before.top, before.comparison.summary.shared_share);
    let row = before.current_row().unwrap().clone();
    press(&mut app, "x");
    draw(&mut app, 140, 45);
    let after = app.screens.compare.view.as_ref().unwrap();
    assert_eq!(after.comparison.summary.shared_share, share);
    assert_eq!(after.top, top, "the same band and pair");
    let mirrored = after.current_row().unwrap();
    assert_eq!(
        mirrored.b.as_ref().map(|s| s.unit),
        row.a.as_ref().map(|s| s.unit)
    );
}

#[test]
fn a_copy_with_the_names_changed_shows_its_share_and_the_other_name() {
    let corpus = tui_fixture::compare_corpus();
    let mut copy = corpus
        .reports
        .iter()
        .find(|r| r.display_name() == "彭阳县")
        .expect("彭阳县")
        .clone();
    // The copier renamed every 彭阳县 but the last; the names have the same length, so every
    // span still holds.
    let n = copy.text.matches("彭阳县").count();
    copy.text = copy.text.replacen("彭阳县", "西吉县", n.saturating_sub(1));
    copy.source = "fixtures/copy.txt".into();
    copy.hash = "copy".into();
    let place = copy.locality.as_mut().expect("locality");
    place.name = "西吉县".into();
    place.code = Some("640422".into());
    *place.path.last_mut().expect("a path") = "西吉县".into();
    let mut reports = corpus.reports.clone();
    reports.push(copy);
    let corpus = fazhi_core::corpus::Corpus::from_reports(
        reports,
        fazhi_core::analyse::themes::Taxonomy::embedded().into(),
    );
    let at = |source: &str| corpus.reports.iter().position(|r| r.source == source);
    let marks = [at("fixtures/彭阳县.txt"), at("fixtures/copy.txt")];
    let mut app = App::new(corpus, Settings::default());
    app.shared.marks = marks;
    press(&mut app, "2");
    let text = screen_text(&mut app, 140, 45);
    let share = comparison(&app).summary.shared_share;
    assert!(share > 0.8, "{share}");
    let summary = text.lines().rev().nth(1).unwrap_or_default();
    assert!(
        summary.contains(&format!("{:.1}%", share * 100.0)),
        "{summary}"
    );
    assert!(summary.contains("彭阳县（对方）"), "{summary}");
}

// ---- the compare screen's indicator table and time scopes ----

#[test]
fn the_compare_indicator_table_takes_focus_and_scrolls() {
    let mut app = compared(Settings::default());
    // Unfocused at 80×24 the table has room for four of its five rows.
    let before = screen_text(&mut app, 80, 24);
    assert!(before.contains("调解矛盾纠纷数"), "{before}");
    assert!(!before.contains("会前学法"), "{before}");
    // The wheel over the table scrolls it, not the text.
    let table = app.screens.compare.areas(&app.shared).indicators;
    update(&mut app, Action::ScrollDown(table.x + 2, table.y + 2));
    let wheeled = screen_text(&mut app, 80, 24);
    assert!(wheeled.contains("会前学法"), "{wheeled}");
    assert!(!wheeled.contains("调解矛盾纠纷数"), "{wheeled}");
    assert!(
        wheeled.contains("按顺序 1/14"),
        "the text stayed put: {wheeled}"
    );
    // Tab gives the table the keys and the room it needs; G selects its last row.
    keys(&mut app, &["tab", "G"]);
    let focused = screen_text(&mut app, 80, 24);
    assert!(focused.contains("规范指标 5/5"), "{focused}");
    assert!(
        focused.contains("调解矛盾纠纷数") && focused.contains("会前学法"),
        "{focused}"
    );
    insta::assert_snapshot!(focused);
    // Tab again: keys scroll the text.
    keys(&mut app, &["tab", "j"]);
    assert!(screen_text(&mut app, 80, 24).contains("规范指标 5 "));
}

#[test]
fn figures_of_other_years_are_marked_in_the_reports_indicator_pane() {
    let taxonomy = fazhi_core::analyse::themes::Taxonomy::embedded();
    let text = "某县2024年法治政府建设情况报告\n\
        一、主要举措和成效\n\
        全年调解矛盾纠纷930件，调解成功率达98%以上。受理信访691件，同期1411件。\
        2016年以来，累计排查矛盾纠纷31908件。\n\
        二、下一年度工作安排\n\
        力争调解成功率保持在99%以上。\n";
    let report = fazhi_core::corpus::load_bytes(text.as_bytes(), "scopes.txt", &taxonomy)
        .expect("the report loads");
    let corpus = fazhi_core::corpus::Corpus::from_reports(vec![report], taxonomy.into());
    let mut app = App::new(corpus, Settings::default());
    keys(&mut app, &["tab", "tab", "tab"]);
    let screen = screen_text(&mut app, 120, 30);
    for shown in ["≥98%", "信访件数", "〔上年〕", "〔累计〕", "〔目标〕"] {
        assert!(screen.contains(shown), "{shown}: {screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn a_comparison_cut_to_its_first_units_says_so_on_screen() {
    let mut app = compared(Settings::default());
    assert!(!screen_text(&mut app, 120, 40).contains("只比较了"));
    let view = app.screens.compare.view.as_mut().expect("a comparison");
    let mut cut = (*view.comparison).clone();
    cut.summary.truncated = true;
    cut.summary.omitted_a = 12;
    view.comparison = std::rc::Rc::new(cut);
    let screen = screen_text(&mut app, 120, 40);
    assert!(
        screen.contains("只比较了每份的前 2000 段，略去 A/B 12/0"),
        "{screen}"
    );
}

#[test]
fn the_load_problems_open_in_the_dashboard() {
    let mut corpus = tui_fixture::corpus();
    corpus.problems.push(LoadProblem {
        source: "reports/broken.html".into(),
        reason: "binary file, not text".into(),
    });
    corpus.warnings.push(LoadProblem {
        source: "reports/damaged.txt".into(),
        reason: "3 bytes could not be decoded (shown as �)".into(),
    });
    let mut app = App::new(corpus, Settings::default());
    let start = screen_text(&mut app, 80, 24);
    assert!(
        start.contains("按 ! 查看"),
        "the notice names the key: {start}"
    );
    press(&mut app, "!");
    assert_eq!(app.shared.mode, Mode::Problems);
    let popup = screen_text(&mut app, 80, 24);
    assert!(popup.contains("载入问题 2"), "{popup}");
    assert!(
        popup.contains("reports/broken.html: binary file, not text"),
        "{popup}"
    );
    assert!(popup.contains("reports/damaged.txt: 3 bytes"), "{popup}");
    insta::assert_snapshot!(popup);
    press(&mut app, "esc");
    assert_eq!(app.shared.mode, Mode::Normal);
}

// ---- screen 5, the reviewer's desk ----

/// The seeds and the blind review set: copies, a next year, an incomplete and a late report.
fn review_app(config: Settings) -> App {
    let paths = [
        std::path::PathBuf::from("seeds"),
        std::path::PathBuf::from("crates/core/tests/review-corpus"),
    ];
    let corpus = fazhi_core::corpus::Corpus::load(
        &paths,
        std::sync::Arc::new(fazhi_core::analyse::themes::Taxonomy::embedded()),
        None,
    );
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    App::new(corpus, config)
}

/// The localities of screen 5's rows, in the order shown.
fn review_rows(app: &App) -> Vec<String> {
    let s = &app.screens.review;
    s.shown(&app.shared)
        .into_iter()
        .map(|i| {
            let r = &app.shared.corpus.reports[i];
            format!("{} {}", r.display_name(), r.year.unwrap_or(0))
        })
        .collect()
}

/// Move screen 5's cursor, from the top, to the row of `name` ("莲塘镇 2024").
fn select_review_row(app: &mut App, name: &str) {
    let at = review_rows(app)
        .iter()
        .position(|r| r == name)
        .unwrap_or_else(|| panic!("{name} is not on screen 5"));
    press(app, "g");
    for _ in 0..at {
        press(app, "j");
    }
}

/// Press a key without waiting for the work it starts in the background.
fn press_now(app: &mut App, name: &str) {
    let key: Key = name.parse().expect("key name");
    if let Some(action) = event::key_action(app, KeyEvent::new(key.code, key.mods)) {
        update(app, action);
    }
}

/// Draw what the app holds now: unlike `draw`, no update first that could take finished work.
fn drawn_now(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    terminal.backend().to_string()
}

#[test]
fn review_screen_computes_in_the_background_and_keys_work_meanwhile() {
    let mut app = review_app(Settings::default());
    update(&mut app, Action::Resize(120, 30));
    press_now(&mut app, "5");
    assert!(app.busy(), "the rows are computed on a thread of their own");
    let pending = drawn_now(&app, 120, 30);
    assert!(pending.contains("计算中…"), "{pending}");
    assert!(!pending.contains("没有符合筛选的报告"), "{pending}");
    // Keys are answered while it computes: another screen, and back.
    press_now(&mut app, "3");
    assert_eq!(app.screen, Screen::Indicators);
    press_now(&mut app, "5");
    assert_eq!(app.screen, Screen::Review);
    app.wait();
    assert!(!app.busy());
    let ready = drawn_now(&app, 120, 30);
    assert!(!ready.contains("计算中"), "{ready}");
    assert_eq!(review_rows(&app).len(), 12, "{ready}");
}

#[test]
fn screen_5_writes_no_empty_table_while_it_computes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = review_app(Settings::default());
    app.shared.export_dir = dir.path().to_path_buf();
    press_now(&mut app, "5");
    // Finished rows are taken only after a key is handled: `e` comes while it computes.
    press_now(&mut app, "e");
    let message = app.shared.message.clone().unwrap_or_default();
    assert!(message.contains("计算中"), "{message}");
    let written = std::fs::read_dir(dir.path()).expect("export dir").count();
    assert_eq!(written, 0, "nothing written while computing");
    app.wait();
    press_now(&mut app, "e");
    let written = std::fs::read_dir(dir.path()).expect("export dir").count();
    assert!(written > 0, "written once ready");
}

#[test]
fn quitting_does_not_wait_for_screen_5() {
    let mut app = review_app(Settings::default());
    press_now(&mut app, "5");
    press_now(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn review_screen_120x30() {
    let mut app = review_app(Settings::default());
    press(&mut app, "5");
    assert_eq!(app.screen, Screen::Review);
    insta::assert_snapshot!(screen_text(&mut app, 120, 30));
}

#[test]
fn review_screen_sorts_by_the_selected_column_and_filters() {
    let mut app = review_app(Settings::default());
    press(&mut app, "5");
    assert_eq!(review_rows(&app).len(), 12);
    // To the copied-share column (the 13th), sort: the two copies and their sources lead.
    for _ in 0..12 {
        press(&mut app, "l");
    }
    press(&mut app, "s");
    let sorted = review_rows(&app);
    let top: Vec<&str> = sorted[..4].iter().map(String::as_str).collect();
    for copy in ["庄浪县 2024", "泾源县 2024", "陈埭镇 2024", "桥头镇 2023"] {
        assert!(top.contains(&copy), "{copy} not among {top:?}");
    }
    // Again: the other way round.
    press(&mut app, "s");
    assert_eq!(review_rows(&app).last(), sorted.first());
    // Late only: the page published on 18 April.
    press(&mut app, "d");
    assert_eq!(review_rows(&app), vec!["广元市 2024".to_string()]);
    press(&mut app, "X");
    // Copied at least 50%: the copies, their sources and the next year (its previous year,
    // which wrote the other half of it anew, shares 43%).
    keys(&mut app, &["%", "%", "%"]);
    let copied = review_rows(&app);
    assert_eq!(copied.len(), 5, "{copied:?}");
    assert!(copied.contains(&"莲塘镇 2024".to_string()));
    press(&mut app, "X");
    // Missing a part: the incomplete report is among them; every row shown misses one.
    press(&mut app, "m");
    let missing = review_rows(&app);
    assert!(missing.contains(&"虞城县 2023".to_string()), "{missing:?}");
    assert!(
        !missing.contains(&"准格尔旗 2023".to_string()),
        "{missing:?}"
    );
}

#[test]
fn review_screen_opens_a_copy_beside_its_source_and_a_report_on_screen_1() {
    let mut app = review_app(Settings::default());
    press(&mut app, "5");
    select_review_row(&mut app, "庄浪县 2024");
    press(&mut app, "o");
    assert_eq!(app.screen, Screen::Compare);
    let [a, b] = app.shared.marks;
    let name = |i: Option<usize>| i.map(|i| app.shared.corpus.reports[i].display_name());
    assert_eq!(name(a).as_deref(), Some("庄浪县"));
    assert_eq!(name(b).as_deref(), Some("泾源县"));
    // From the next year, O compares with its own previous year.
    press(&mut app, "5");
    select_review_row(&mut app, "莲塘镇 2024");
    press(&mut app, "O");
    let [a, b] = app.shared.marks;
    let year = |i: Option<usize>| i.and_then(|i| app.shared.corpus.reports[i].year);
    assert_eq!((year(a), year(b)), (Some(2024), Some(2023)));
    // A report with no previous year says so and stays.
    press(&mut app, "5");
    keys(&mut app, &["g", "O"]);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(
        app.shared.message.as_deref(),
        Some(app.shared.labels().no_previous)
    );
    // Enter opens the selected report on screen 1.
    let first = review_rows(&app)[0].clone();
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Report);
    let shown = app.shared.report().expect("a report selected");
    assert_eq!(
        format!("{} {}", shown.display_name(), shown.year.unwrap_or(0)),
        first
    );
}

#[test]
fn review_status_and_note_are_kept_in_the_data_folder_and_shown_on_screen_1() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("reviews.toml");
    let config = Settings {
        notes_file: Some(notes.clone()),
        ..Settings::default()
    };
    let mut app = review_app(config.clone());
    press(&mut app, "5");
    keys(&mut app, &["r", "r", "i"]);
    assert_eq!(app.shared.mode, Mode::NoteInput);
    type_text(&mut app, "缺原因分析");
    press(&mut app, "enter");
    let report = app.screens.review.current.expect("a selected report");
    let note = app.shared.note(report);
    assert_eq!(note.status, fazhi_core::notes::Status::NeedsChanges);
    assert_eq!(note.note, "缺原因分析");
    let saved = std::fs::read_to_string(&notes).unwrap();
    assert!(
        saved.contains("needs_changes") && saved.contains("缺原因分析"),
        "{saved}"
    );
    // A new session reads them back, and the status filter finds the report.
    let mut again = review_app(config);
    press(&mut again, "5");
    keys(&mut again, &["w", "w", "w"]);
    assert_eq!(review_rows(&again).len(), 1);
    // Screen 1 shows them under the outline, and its list filter matches the status.
    press(&mut again, "1");
    keys(&mut again, &["f"]);
    type_text(&mut again, "待改");
    press(&mut again, "enter");
    assert_eq!(again.shared.visible.len(), 1);
    let text = screen_text(&mut again, 120, 40);
    assert!(text.contains("待改 缺原因分析"), "{text}");
}

#[test]
fn export_writes_what_each_screen_shows_without_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = review_app(Settings::default());
    app.shared.export_dir = dir.path().to_path_buf();
    press(&mut app, "5");
    press(&mut app, "d");
    press(&mut app, "e");
    let first = dir.path().join("fazhi-review.csv");
    let csv = std::fs::read_to_string(&first).unwrap();
    assert!(csv.starts_with("\u{feff}source,locality,level"), "{csv}");
    // The late filter applies: a header and one report.
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("广元市"));
    let message = app.shared.message.clone().unwrap_or_default();
    assert!(message.contains("fazhi-review.csv"), "{message}");
    // The wide table as a workbook too: a zip archive beside the CSV.
    assert!(message.contains("fazhi-review.xlsx"), "{message}");
    let sheet = std::fs::read(dir.path().join("fazhi-review.xlsx")).unwrap();
    assert!(sheet.starts_with(b"PK"), "not a workbook");
    // Every report, into a second file.
    press(&mut app, "X");
    press(&mut app, "e");
    let all = std::fs::read_to_string(dir.path().join("fazhi-review-2.csv")).unwrap();
    assert_eq!(all.lines().count(), 13);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), csv);
    assert!(dir.path().join("fazhi-review-2.xlsx").exists());
    for (key, name) in [("1", "reports"), ("3", "indicators"), ("4", "themes")] {
        keys(&mut app, &[key, "e"]);
        let out = std::fs::read_to_string(dir.path().join(format!("fazhi-{name}.csv")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(out.lines().count() > 1, "{name}: {out}");
        let sheet = dir.path().join(format!("fazhi-{name}.xlsx"));
        assert_eq!(sheet.exists(), name == "indicators", "{name}");
    }
    keys(&mut app, &["2", "e"]);
    let compare = std::fs::read_to_string(dir.path().join("fazhi-compare.csv")).unwrap();
    assert!(
        compare.starts_with("\u{feff}band,kind,similarity"),
        "{compare}"
    );
}

#[test]
fn loading_gauge_shows_files_read_of_all_and_the_current_file() {
    let file = std::path::Path::new("reports/2024/泾源县2024年法治政府建设情况报告.txt");
    let progress = fazhi_core::corpus::Progress {
        done: 250,
        total: 1000,
        file,
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 12)).expect("test terminal");
    terminal
        .draw(|f| fazhi::tui::views::loading::render(f, &progress, false))
        .expect("draw");
    insta::assert_snapshot!(terminal.backend().to_string());
}

#[test]
fn years_of_a_locality_show_its_figures_and_reuse_and_compare_its_last_two_years() {
    let mut app = review_app(Settings::default());
    press(&mut app, "5");
    select_review_row(&mut app, "莲塘镇 2024");
    press(&mut app, "Y");
    assert_eq!(app.shared.mode, Mode::Years);
    let text = screen_text(&mut app, 120, 30);
    assert!(text.contains("历年对照 · 莲塘镇 2023、2024"), "{text}");
    assert!(text.contains("沿用上年文字 2024←2023"), "{text}");
    insta::assert_snapshot!(text);
    press(&mut app, "enter");
    assert_eq!(app.screen, Screen::Compare);
    let year = |i: Option<usize>| i.and_then(|i| app.shared.corpus.reports[i].year);
    let [a, b] = app.shared.marks;
    assert_eq!((year(a), year(b)), (Some(2023), Some(2024)));
    // A locality with one year loaded says so.
    press(&mut app, "5");
    keys(&mut app, &["g", "Y"]);
    assert_eq!(app.shared.mode, Mode::Normal);
    assert_eq!(
        app.shared.message.as_deref(),
        Some(app.shared.labels().one_year)
    );
}

/// The screen as text with every cell drawn in the search-hit colour bracketed 「…」, so a
/// snapshot shows which words are highlighted.
fn hits_marked(app: &mut App, w: u16, h: u16) -> String {
    let hit = app.shared.config.colors.hit;
    let terminal = draw(app, w, h);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut inside = false;
        let mut x = 0;
        while x < w {
            let cell = &buffer[(x, y)];
            let marked = cell.fg == hit;
            if marked != inside {
                out.push(if marked { '「' } else { '」' });
                inside = marked;
            }
            out.push_str(cell.symbol());
            x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
        }
        if inside {
            out.push('」');
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_search_prompt_shows_its_mode_and_tab_cycles_it() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "法治");
    let status = |app: &mut App| {
        screen_text(app, 80, 24)
            .lines()
            .last()
            .unwrap_or("")
            .to_string()
    };
    let mut prompts = vec![status(&mut app)];
    for _ in 0..3 {
        press(&mut app, "tab");
        prompts.push(status(&mut app));
    }
    insta::assert_snapshot!(prompts.join("\n"));
    assert_eq!(app.popups.search_input, "法治", "tab is not typed");
}

#[test]
fn every_hit_of_the_report_shown_is_highlighted() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "法治");
    keys(&mut app, &["tab", "tab", "enter"]);
    let in_first = app
        .shared
        .hits
        .iter()
        .filter(|h| h.report == app.shared.hits[0].report)
        .count();
    assert!(in_first > 1, "{in_first}");
    press(&mut app, "enter");
    insta::assert_snapshot!(hits_marked(&mut app, 120, 40));
}

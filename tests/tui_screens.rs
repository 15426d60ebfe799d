//! The dashboard drawn on a TestBackend, keys injected through the keymap and `update`.

mod tui_fixture;

use fazhi::config::{Config, Language};
use fazhi::corpus::LoadProblem;
use fazhi::tui::keymap::Key;
use fazhi::tui::{Action, App, Mode, Pane, Screen, SortKey, event, render, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};

fn app() -> App {
    App::new(tui_fixture::corpus(), Config::default())
}

fn app_with(config: Config) -> App {
    App::new(tui_fixture::corpus(), config)
}

/// Press a key by its keymap name ("j", "enter", "ctrl-c"), through the app's keymap.
fn press(app: &mut App, name: &str) {
    let key: Key = name.parse().expect("key name");
    let event = KeyEvent::new(key.code, key.mods);
    if let Some(action) = event::key_action(app, event) {
        update(app, action);
    }
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
    app.report().map(|r| r.display_name()).unwrap_or_default()
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
    let config = Config {
        language: Language::En,
        ..Config::default()
    };
    let mut app = app_with(config);
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn later_screens_are_placeholders() {
    let mut app = app();
    for (key, screen) in [("3", Screen::Indicators), ("4", Screen::Themes)] {
        press(&mut app, key);
        assert_eq!(app.screen, screen);
        let text = screen_text(&mut app, 80, 24);
        assert!(text.contains("由后续版本提供"), "{text}");
    }
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
    press(&mut app, "1");
    assert!(screen_text(&mut app, 80, 24).contains("目录"));
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
    assert_eq!(app.sort, SortKey::Year);
    let years: Vec<_> = app
        .visible
        .iter()
        .map(|&i| app.corpus.reports[i].year)
        .collect();
    assert_eq!(years.last(), Some(&Some(2022)), "newest first");
    press(&mut app, "s");
    assert_eq!(app.sort, SortKey::Level);
    assert_eq!(
        selected_name(&app),
        "南昌市",
        "prefecture before county and township"
    );
    press(&mut app, "s");
    assert_eq!(app.sort, SortKey::Locality);
}

#[test]
fn fuzzy_filter_narrows_the_list_in_chinese() {
    let mut app = app();
    press(&mut app, "f");
    assert_eq!(app.mode, Mode::FilterInput);
    type_text(&mut app, "泾源");
    assert_eq!(app.visible.len(), 1);
    assert_eq!(selected_name(&app), "泾源县");
    // The caret sits after the typed text in the status line.
    let mut terminal = draw(&mut app, 80, 24);
    let pos = terminal.get_cursor_position().expect("cursor");
    assert_eq!((pos.x, pos.y), (10, 23), "after '筛选: 泾源'");
    press(&mut app, "enter");
    assert_eq!(app.mode, Mode::Normal);
    assert!(
        screen_text(&mut app, 80, 24).contains("筛选: 泾源"),
        "filter stays visible"
    );
    press(&mut app, "esc");
    assert_eq!(app.visible.len(), 3);
}

#[test]
fn filter_matches_province_and_level() {
    let mut app = app();
    press(&mut app, "f");
    type_text(&mut app, "江西");
    assert_eq!(app.visible.len(), 2);
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
    assert_eq!(app.themes, ["enforcement"]);
    let names: Vec<String> = app
        .visible
        .iter()
        .map(|&i| app.corpus.reports[i].display_name())
        .collect();
    assert_eq!(names, ["南昌市", "泾源县"]);
    press(&mut app, "j");
    assert_eq!(selected_name(&app), "泾源县");
    let rows = app.outline_rows();
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
    assert_eq!(app.section, vec![0, 1]);
    let labels: Vec<&str> = app
        .visible_indicators()
        .iter()
        .map(|&i| app.report().unwrap().indicators[i].label.as_str())
        .collect();
    assert_eq!(labels, ["行政执法事项清单", "评查案卷"]);
    assert!(screen_text(&mut app, 80, 24).contains("主题: 执法"));
    press(&mut app, "c");
    assert!(app.themes.is_empty());
    assert_eq!(app.visible.len(), 3);
}

#[test]
fn moving_in_the_outline_moves_the_text() {
    let mut app = app();
    keys(&mut app, &["j", "j"]);
    assert_eq!(selected_name(&app), "泾源县");
    keys(&mut app, &["tab", "j", "j", "j"]);
    assert_eq!(app.focus, Pane::Outline);
    assert_eq!(app.section, vec![0, 1]);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("编制公示行政执法事项清单"), "{text}");
    assert!(!text.contains("人民调解矛盾纠纷930件"), "{text}");
}

#[test]
fn outline_folds_with_enter_space_and_arrows() {
    let mut app = app();
    keys(&mut app, &["j", "j", "tab", "j"]);
    assert_eq!(app.section, vec![0]);
    let before = app.outline_rows().len();
    press(&mut app, "enter");
    assert_eq!(app.outline_rows().len(), before - 3);
    press(&mut app, "space");
    assert_eq!(app.outline_rows().len(), before);
    press(&mut app, "left");
    assert_eq!(app.outline_rows().len(), before - 3);
    press(&mut app, "right");
    assert_eq!(app.outline_rows().len(), before);
    press(&mut app, "right");
    assert_eq!(
        app.section,
        vec![0, 0],
        "expanded: right goes to the first child"
    );
    press(&mut app, "left");
    assert_eq!(app.section, vec![0], "a leaf: left goes to the parent");
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
    assert_eq!(app.focus, Pane::Indicators);
    keys(&mut app, &["j", "j", "j", "j", "j", "j"]);
    press(&mut app, "enter");
    let report = app.report().unwrap();
    assert_eq!(app.section, vec![0, 2]);
    let mark = app.mark.expect("sentence marked");
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
    assert_eq!(app.mode, Mode::SearchResults);
    assert_eq!(app.hits.len(), 1);
    press(&mut app, "enter");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(selected_name(&app), "泾源县");
    assert_eq!(app.section, vec![0, 2]);
    assert_eq!(app.focus, Pane::Text);

    press(&mut app, "/");
    for _ in 0..4 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "法治");
    press(&mut app, "enter");
    let n = app.hits.len();
    assert!(n >= 3, "{n}");
    press(&mut app, "esc");
    press(&mut app, "n");
    assert_eq!(app.hit, Some(0));
    press(&mut app, "n");
    assert_eq!(app.hit, Some(1));
    press(&mut app, "N");
    press(&mut app, "N");
    assert_eq!(app.hit, Some(n - 1), "wraps around");
}

#[test]
fn search_without_hits_says_so() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "火星基地");
    press(&mut app, "enter");
    assert_eq!(app.mode, Mode::Normal);
    assert!(screen_text(&mut app, 80, 24).contains("没有找到"));
}

#[test]
fn help_lists_every_binding_and_filters() {
    let mut app = app();
    press(&mut app, "?");
    assert_eq!(app.help_rows().len(), app.config.keymap.bindings.len());
    type_text(&mut app, "sort");
    let rows = app.help_rows();
    assert_eq!(rows.len(), 1);
    assert!(screen_text(&mut app, 80, 24).contains("切换排序"));
    press(&mut app, "esc");
    assert_eq!(app.mode, Mode::Normal);
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
    let mut config = Config::default();
    config.keymap.rebind("cycle_sort", &["o".into()]).unwrap();
    let mut app = app_with(config);
    press(&mut app, "s");
    assert_eq!(app.sort, SortKey::Locality);
    press(&mut app, "o");
    assert_eq!(app.sort, SortKey::Year);
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
    let areas = app.areas();
    // Third list row (header is the first inner row).
    update(&mut app, Action::Click(areas.list.x + 2, areas.list.y + 4));
    assert_eq!(app.focus, Pane::List);
    assert_eq!(selected_name(&app), "泾源县");
    update(
        &mut app,
        Action::Click(areas.outline.x + 2, areas.outline.y + 2),
    );
    assert_eq!(app.focus, Pane::Outline);
    assert_eq!(app.section, vec![0]);
    update(
        &mut app,
        Action::ScrollDown(areas.outline.x + 2, areas.outline.y + 2),
    );
    assert_eq!(app.section, vec![0, 2]);
    update(&mut app, Action::Click(areas.tabs.x + 9, areas.tabs.y));
    assert_eq!(app.screen, Screen::Compare);
}

#[test]
fn mouse_off_in_config_ignores_mouse_events() {
    use ratatui::crossterm::event::{Event, MouseEvent, MouseEventKind};
    let config = Config {
        mouse: false,
        ..Config::default()
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
    let config = Config {
        no_color: true,
        ..Config::default()
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
    let setups: [&[&str]; 7] = [
        &[],
        &["?"],
        &["t"],
        &["/", "法", "治", "enter"],
        &["f"],
        &["2"],
        &["2", "G", "pagedown"],
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

fn compare_app_with(config: Config) -> App {
    App::new(tui_fixture::compare_corpus(), config)
}

/// Select the report named `name` in the list.
fn select(app: &mut App, name: &str) {
    press(app, "g");
    for _ in 0..app.visible.len() {
        if selected_name(app) == name {
            return;
        }
        press(app, "j");
    }
    panic!("{name} not in the list");
}

/// 彭阳县 marked A, 西吉县 marked B, on the compare screen.
fn compared(config: Config) -> App {
    let mut app = compare_app_with(config);
    select(&mut app, "彭阳县");
    press(&mut app, "a");
    select(&mut app, "西吉县");
    press(&mut app, "b");
    press(&mut app, "2");
    app
}

fn comparison(app: &App) -> std::rc::Rc<fazhi::analyse::compare::Comparison> {
    std::rc::Rc::clone(&app.compare.as_ref().expect("compare view").comparison)
}

#[test]
fn compare_screen_120x40() {
    let mut app = compared(Config::default());
    insta::assert_snapshot!(screen_text(&mut app, 120, 40));
}

#[test]
fn compare_screen_80x24() {
    let mut app = compared(Config::default());
    insta::assert_snapshot!(screen_text(&mut app, 80, 24));
}

#[test]
fn compare_screen_too_small() {
    let mut app = compared(Config::default());
    let text = screen_text(&mut app, 50, 12);
    assert!(text.contains("终端太小"), "{text}");
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("彭阳县"), "usable again once large enough");
}

#[test]
fn compare_shows_aligned_moved_and_unmatched_pairs() {
    use fazhi::analyse::align::LinkKind;
    let app = compared(Config::default());
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
    let mut app = compare_app_with(Config::default());
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
    assert_eq!(app.marks[1], None);
}

#[test]
fn unmarked_sides_default_to_selected_and_next_and_say_so() {
    let mut app = compare_app_with(Config::default());
    select(&mut app, "彭阳县");
    let at = app.list.selected;
    press(&mut app, "2");
    let next = app.visible[(at + 1) % app.visible.len()];
    assert_eq!(app.marks, [Some(app.visible[at]), Some(next)]);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("未标记A/B"), "{text}");
    assert_eq!(comparison(&app).a.label(), "彭阳县 2023");
    // Only B marked, on the selected report: B stays, A is the next report.
    let mut app = compare_app_with(Config::default());
    select(&mut app, "彭阳县");
    press(&mut app, "b");
    press(&mut app, "2");
    assert_eq!(app.marks, [Some(next), Some(app.visible[at])]);
}

#[test]
fn x_swaps_the_sides() {
    let mut app = compared(Config::default());
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
    let mut app = compared(Config::default());
    let c = comparison(&app);
    let differs = |i: usize| fazhi::tui::compare::differs(&c.pairs[i]);
    assert!(
        (0..c.pairs.len()).any(|i| !differs(i)),
        "the fixture has identical pairs to skip"
    );
    let mut seen = Vec::new();
    let mut last = 0;
    loop {
        press(&mut app, "n");
        let top = app.compare.as_ref().unwrap().top;
        if top <= last && !seen.is_empty() {
            break;
        }
        assert!(differs(top), "pair {top} does not differ");
        assert!((last + 1..top).all(|i| !differs(i)), "skipped a difference");
        seen.push(top);
        last = top;
    }
    assert!(app.message.as_deref().unwrap_or("").contains("处差异"));
    press(&mut app, "N");
    assert_eq!(app.compare.as_ref().unwrap().top, seen[seen.len() - 1]);
}

#[test]
fn pair_keys_and_scrolling_move_both_columns_together() {
    let mut app = compared(Config::default());
    draw(&mut app, 120, 40);
    press(&mut app, "]");
    press(&mut app, "]");
    assert_eq!(app.compare.as_ref().unwrap().top, 2);
    press(&mut app, "[");
    assert_eq!(app.compare.as_ref().unwrap().top, 1);
    press(&mut app, "j");
    let view = app.compare.as_ref().unwrap();
    assert_eq!((view.top, view.line), (1, 1), "one row into pair 1");
    press(&mut app, "k");
    press(&mut app, "k");
    let view = app.compare.as_ref().unwrap();
    assert_eq!(view.top, 0, "back into pair 0");
    press(&mut app, "G");
    let n = comparison(&app).pairs.len();
    assert_eq!(app.compare.as_ref().unwrap().top, n - 1);
}

#[test]
fn enter_opens_the_pairs_a_measure_on_the_report_screen() {
    let mut app = compared(Config::default());
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
    assert_eq!(app.section, a.section);
    assert_eq!(app.mark, Some(a.span));
    let report = app.report().unwrap();
    assert_eq!(report.slice(a.span), a.text);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains(&a.text[..a.text.len().min(12)]), "{text}");
}

#[test]
fn theme_filter_narrows_the_pairs_and_the_indicators() {
    let mut app = compared(Config::default());
    let all = comparison(&app);
    let all_rows = app.compare.as_ref().unwrap().indicators.len();
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
    let view = app.compare.as_ref().unwrap();
    let ids: Vec<&str> = view.indicators.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["enforcement.cases_reviewed"]);
    assert!(view.indicators.len() < all_rows);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("主题: 执法"), "{text}");
    press(&mut app, "c");
    assert_eq!(comparison(&app).pairs.len(), all.pairs.len());
}

#[test]
fn the_comparison_is_not_recomputed_on_scroll_or_resize() {
    let mut app = compared(Config::default());
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
    let mut app = compared(Config::default());
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
    let config = Config {
        no_color: true,
        ..Config::default()
    };
    let mut app = compared(config);
    let terminal = draw(&mut app, 120, 40);
    let buf = terminal.backend().buffer();
    let areas = app.compare_areas();
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
    let mut app = compared(Config::default());
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
        text.contains("标为对比A") && text.contains("下一对"),
        "{text}"
    );
}

#[test]
fn compare_with_one_report_says_two_are_needed() {
    let one = fazhi::corpus::Corpus::from_reports(vec![tui_fixture::corpus().reports[0].clone()]);
    let mut app = App::new(one, Config::default());
    press(&mut app, "2");
    assert!(app.compare.is_none());
    assert!(screen_text(&mut app, 80, 24).contains("对比需要至少两份报告"));
}

#[test]
fn compare_screen_speaks_english_when_asked() {
    let config = Config {
        language: Language::En,
        ..Config::default()
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

//! The main screens in Norwegian bokmål at 80×24, as a Norwegian advisor sees them, with a check
//! that no English interface word is left on any of them.
mod common;

use common::now;
use common::screens::{demo_store, keys, started_with, typed};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use veileder::app::{App, Effect, Key, KeyCode, run_effects};
use veileder::config::Config;
use veileder::i18n::Lang;
use veileder::store::{Clock, Store};
use veileder::ui;

/// Interface words of the English screens that must not show in bokmål. Capitalised labels
/// and the key hints; demo data (notes, names) is English-free in these words.
const ENGLISH: &[&str] = &[
    "Clients",
    "Search",
    "Reports",
    "Name",
    "Venture",
    "Last",
    "Next due",
    "Sessions",
    "Profile",
    "Progress",
    "Ventures",
    "Next steps",
    "Overdue",
    "Today",
    "This week",
    "Owe a call",
    "Channel",
    "Topics",
    "Competence",
    "Motivation",
    "Pinned",
    "Gender",
    "Country  ",
    "Phone  ",
    "Email  ",
    "Tags",
    "Help",
    "Are you sure",
    "New client",
    "Birth year",
    "Welcome",
    "by name",
    "Step",
    "Note",
    "First session",
    "Open steps",
    "Type to search",
    "Summary",
    "Figures",
    "Charts",
    "Warnings",
    "Period ‹",
    "Clients served",
    "per year",
    "Audit",
    "When (UTC)",
    "Detail",
    "Not saved",
    "digits",
    "younger than",
    "a year from",
    "has no",
    "days overdue",
    "Erase for good",
    "Enter erases",
    "Type: ",
    "cannot be undone",
    "That is not the name",
    "Nothing erased",
    "Backed up",
    "Backing up",
    "checked",
];

/// The English key hints, looked for on the status line (notes may use these words).
const ENGLISH_HINTS: &[&str] = &[
    " help ",
    " filter ",
    " open ",
    " quit ",
    " back ",
    " save ",
    " delete ",
    " tick ",
    " call ",
    " move ",
    " next field ",
    " cancel ",
];

fn started(store: &Store) -> App {
    started_nb(store, Config::default())
}

fn started_nb(store: &Store, config: Config) -> App {
    let config = Config {
        language: Some(Lang::Nb),
        ..config
    };
    started_with(store, &config, 80, 24)
}

/// The screen as text, after checking that no English interface word is on it.
fn screen(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    for word in ENGLISH {
        assert!(
            !text.contains(word),
            "English «{word}» on the screen:\n{text}"
        );
    }
    let status = text.lines().last().unwrap_or_default();
    for word in ENGLISH_HINTS {
        assert!(
            !status.contains(word),
            "English «{word}» in the hints:\n{text}"
        );
    }
    terminal
}

fn open_rich_client(app: &mut App, store: &Store) {
    let summaries = store.client_summaries().unwrap();
    let id = summaries
        .iter()
        .find(|c| c.sessions >= 3 && c.open_steps > 0 && !c.ventures.is_empty())
        .expect("a demo client with sessions, steps and a venture")
        .id;
    run_effects(app, store, Some(Effect::OpenClient { id, session: None }));
}

#[test]
fn clients_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    keys(&mut app, &store, &typed("jjj"));
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn client_page_tabs_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    open_rich_client(&mut app, &store);
    for tab in ["profil", "samtaler", "utvikling", "neste_steg", "foretak"] {
        insta::assert_snapshot!(format!("client_page_{tab}_nb"), screen(&app).backend());
        keys(&mut app, &store, &[Key::plain(KeyCode::Tab)]);
    }
}

#[test]
fn agenda_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    keys(&mut app, &store, &typed("2"));
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn search_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    keys(&mut app, &store, &typed("3"));
    screen(&app);
    keys(&mut app, &store, &typed("budget"));
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn call_mode_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    keys(&mut app, &store, &typed("jjc"));
    keys(&mut app, &store, &typed("Ringte om budsjettet."));
    keys(
        &mut app,
        &store,
        &[
            Key::new(KeyCode::Char('4'), false, true, false),
            Key::ctrl('n'),
        ],
    );
    keys(&mut app, &store, &typed("send budsjettet"));
    keys(&mut app, &store, &[Key::plain(KeyCode::Tab)]);
    keys(&mut app, &store, &typed("+3d"));
    insta::assert_snapshot!(screen(&app).backend());
    keys(&mut app, &store, &[Key::ctrl('s')]);
    let status = format!("{:?}", screen(&app).backend());
    assert!(status.contains("Samtalen er lagret (telefon"), "{status}");
    assert!(status.contains(" min), 1 nytt steg."), "{status}");
}

#[test]
fn client_form_and_help_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    keys(&mut app, &store, &typed("a"));
    insta::assert_snapshot!("client_form_nb", screen(&app).backend());
    keys(&mut app, &store, &[Key::plain(KeyCode::Esc)]);
    keys(&mut app, &store, &typed("?"));
    insta::assert_snapshot!("help_nb", screen(&app).backend());
    keys(&mut app, &store, &[Key::plain(KeyCode::Esc)]);
    keys(&mut app, &store, &typed("d"));
    insta::assert_snapshot!("confirm_delete_nb", screen(&app).backend());
    keys(&mut app, &store, &typed("j"));
    let after = format!("{:?}", screen(&app).backend());
    assert!(after.contains("Flyttet klienten"), "j answers ja:\n{after}");
}

#[test]
fn first_run_nb_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("ny.redb"), "screens test")
        .unwrap()
        .with_clock(Clock::Fixed(now()));
    let app = started(&store);
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn reports_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    keys(&mut app, &store, &typed("4"));
    insta::assert_snapshot!("reports_figures_nb", screen(&app).backend());
    keys(&mut app, &store, &[Key::plain(KeyCode::Tab)]);
    insta::assert_snapshot!("reports_charts_nb", screen(&app).backend());
    keys(&mut app, &store, &[Key::plain(KeyCode::Tab)]);
    insta::assert_snapshot!("reports_warnings_nb", screen(&app).backend());
}

#[test]
fn audit_nb_80x24() {
    let (_dir, store) = demo_store(60);
    let mut app = started(&store);
    keys(
        &mut app,
        &store,
        &[Key::plain(KeyCode::Enter), Key::plain(KeyCode::Esc)],
    );
    keys(&mut app, &store, &typed("5j"));
    insta::assert_snapshot!(screen(&app).backend());
}

/// The status line as text.
fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

#[test]
fn form_validation_nb_80x24() {
    let (_dir, store) = demo_store(20);
    let mut app = started(&store);
    keys(&mut app, &store, &typed("aAmina Yusuf"));
    keys(&mut app, &store, &[Key::plain(KeyCode::Tab)]);
    keys(&mut app, &store, &typed("12"));
    for _ in 0..3 {
        keys(&mut app, &store, &[Key::plain(KeyCode::Tab)]);
    }
    keys(&mut app, &store, &typed("2020"));
    insta::assert_snapshot!("form_validation_nb", screen(&app).backend());
    keys(&mut app, &store, &[Key::ctrl('s')]);
    screen(&app);
    assert_eq!(
        status(&app),
        "Ikke lagret: telefon '12' har 2 sifre; 5 til 15 sifre, gjerne med + først og gruppert \
         med mellomrom eller bindestrek"
    );
}

#[test]
fn erase_confirmation_nb_80x24() {
    let (_dir, store) = demo_store(20);
    let mut app = started(&store);
    open_rich_client(&mut app, &store);
    keys(&mut app, &store, &typed("E"));
    insta::assert_snapshot!("erase_confirmation_nb", screen(&app).backend());
    keys(&mut app, &store, &typed("feil"));
    keys(&mut app, &store, &[Key::plain(KeyCode::Enter)]);
    screen(&app);
    assert!(
        status(&app).starts_with("Det er ikke navnet"),
        "{}",
        status(&app)
    );
    keys(&mut app, &store, &[Key::plain(KeyCode::Esc)]);
    screen(&app);
    assert_eq!(status(&app), "Ingenting er slettet.");
}

#[test]
fn backup_status_nb() {
    let (dir, store) = demo_store(5);
    let mut config = Config::default();
    config.backup.dir = Some(dir.path().join("kopier"));
    let mut app = started_nb(&store, config);
    keys(&mut app, &store, &typed("B"));
    screen(&app);
    let said = status(&app);
    assert!(said.starts_with("Sikkerhetskopi lagret i "), "{said}");
    assert!(
        said.ends_with("KB, kontrollert); mappen beholder de 14 nyeste."),
        "{said}"
    );
}

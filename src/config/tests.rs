use std::path::Path;

use ratatui::style::Color;

use super::theme::COLOR_ELEMENTS;
use super::*;

const EXAMPLE: &str = include_str!("../../config.example.toml");

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml(text, Path::new("config.toml"))
}

fn error(text: &str) -> String {
    match parse(text) {
        Ok(config) => panic!("accepted {text:?} as {config:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn privacy_limits_are_checked() {
    let config = parse("[privacy]\nretention_years = 3\n").unwrap();
    assert_eq!(config.privacy.retention_years, 3);
    assert_eq!(config.privacy.trash_days, 30);
    assert_eq!(
        error("[privacy]\ntrash_days = 0\n"),
        "config.toml:2: privacy.trash_days = 0 is out of range; a whole number of days from 1 to 3650"
    );
}

#[test]
fn defaults_are_valid() {
    let text = toml::to_string(&Config::default()).unwrap();
    assert_eq!(parse(&text).unwrap(), Config::default());
}

#[test]
fn example_equals_defaults() {
    assert_eq!(parse(EXAMPLE).unwrap(), Config::default());
}

#[test]
fn example_mentions_every_option_and_colour() {
    let options = [
        "database",
        "advisor",
        "dormant_days",
        "motivation_labels",
        "competence_areas",
        "topics",
        "sectors",
        "theme",
    ];
    for option in options {
        assert!(
            EXAMPLE.contains(&format!("\n{option} = "))
                || EXAMPLE.contains(&format!("# {option} = ")),
            "{option}"
        );
    }
    assert!(EXAMPLE.contains("\n[colors]\n") && EXAMPLE.contains("\n[keys]\n"));
    assert!(EXAMPLE.contains("\n[privacy]\n") && EXAMPLE.contains("\nretention_years = "));
    assert!(EXAMPLE.contains("\ntrash_days = "));
    assert!(
        EXAMPLE.contains("\n[backup]\n")
            && EXAMPLE.contains("\n# dir = ")
            && EXAMPLE.contains("\nkeep = ")
    );
    for element in COLOR_ELEMENTS {
        assert!(EXAMPLE.contains(&format!("# {element} = ")), "{element}");
    }
}

#[test]
fn partial_file_keeps_other_defaults() {
    let config = parse("dormant_days = 30\n[colors]\naccent = \"#ff8800\"\n").unwrap();
    assert_eq!(config.dormant_days, 30);
    assert_eq!(config.colors.accent, Some(Color::Rgb(0xff, 0x88, 0x00)));
    assert_eq!(config.colors.text, None);
    assert_eq!(
        config,
        Config {
            dormant_days: 30,
            colors: Colors {
                accent: Some(Color::Rgb(0xff, 0x88, 0x00)),
                ..Colors::default()
            },
            ..Config::default()
        }
    );
}

#[test]
fn full_config_round_trips() {
    let config = parse(
        "database = \"/tmp/v.redb\"\nadvisor = \"ola\"\ntheme = \"light\"\n\
         [colors]\naccent = \"lightblue\"\nborder = \"12\"\n\
         [keys]\nsave = [\"ctrl-s\", \"f2\"]\n",
    )
    .unwrap();
    assert_eq!(config.database_path(), PathBuf::from("/tmp/v.redb"));
    assert_eq!(config.theme, Theme::Light);
    assert_eq!(config.colors.border, Some(Color::Indexed(12)));
    assert_eq!(config.keys["save"], ["ctrl-s", "f2"]);
    let text = toml::to_string(&config).unwrap();
    assert_eq!(parse(&text).unwrap(), config);
}

#[test]
fn out_of_range_names_line_and_range() {
    assert_eq!(
        error("theme = \"dark\"\n\ndormant_days = 0\n"),
        "config.toml:3: dormant_days = 0 is out of range; a whole number of days from 1 to 3650"
    );
}

#[test]
fn duplicate_area_points_at_the_second_one() {
    let message =
        error("competence_areas = [\n  \"finance\",\n  \"marketing\",\n  \"Finance\",\n]\n");
    assert_eq!(
        message,
        "config.toml:4: competence_areas lists \"Finance\" twice; a list of 1 to 20 different areas, each 1 to 40 characters"
    );
}

#[test]
fn bad_list_entries() {
    assert!(
        error("topics = []").starts_with("config.toml:1: topics has 0 entries; a list of 1 to 40")
    );
    let labels = "motivation_labels = [\"a\", \"b\", \"c\", \"d\", \"much too long for a label\"]";
    assert!(error(labels).starts_with("config.toml:1: motivation_labels.4 \"much too long"));
    assert!(error("sectors = [\"IT\", \" \"]").starts_with("config.toml:1: sectors.1 is blank;"));
    assert!(error("advisor = \"Amina Hassan\"").contains("is not a username"));
}

#[test]
fn unknown_option_lists_the_options() {
    let message = error("dormant_days = 30\ncolour = \"red\"\n");
    assert!(
        message.starts_with(
            "config.toml:2: unknown option 'colour'; one of database, advisor, dormant_days"
        ),
        "{message}"
    );
    let message = error("[colors]\naccnt = \"red\"\n");
    assert!(
        message.starts_with("config.toml:2: unknown option 'colors.accnt'; one of accent, text"),
        "{message}"
    );
}

#[test]
fn wrong_type_names_key_and_what_is_accepted() {
    assert_eq!(
        error("\ndormant_days = \"sixty\"\n"),
        "config.toml:2: dormant_days: invalid type: string \"sixty\"; a whole number of days from 1 to 3650"
    );
    for count in [2, 6] {
        let labels = vec!["\"a\""; count].join(", ");
        let message = error(&format!("\nmotivation_labels = [{labels}]\n"));
        let start = format!(
            "config.toml:2: motivation_labels: invalid length {count}; a list of exactly 5"
        );
        assert!(message.starts_with(&start), "{message}");
    }
    let message = error("[keys]\nsave = \"ctrl-s\"\n");
    assert!(
        message.starts_with("config.toml:2: keys.save: invalid type: string"),
        "{message}"
    );
}

#[test]
fn bad_colour_and_theme() {
    assert_eq!(
        error("[colors]\ntext = \"white\"\nerror = \"purpel\"\n"),
        "config.toml:3: colors.error: \"purpel\" is not a colour; a colour name such as \"red\" or \"lightblue\", \"#rrggbb\", or a number from 0 to 255"
    );
    let message = error("theme = \"blue\"\n");
    assert!(
        message.starts_with(
            "config.toml:1: theme: unknown variant `blue`; \"dark\", \"light\" or \"high-contrast\""
        ),
        "{message}"
    );
}

#[test]
fn syntax_error_has_line() {
    let message = error("dormant_days = 30\ntopics = [\"a\"\n");
    assert!(message.starts_with("config.toml:"), "{message}");
    assert!(message.contains("; TOML:"), "{message}");
    assert!(!message.contains('\n'), "{message}");
}

#[test]
fn line_of_finds_keys_tables_and_elements() {
    let config = parse(
        "theme = \"light\"\n\n[keys]\nquit = [\"q\"]\nsave = [\n  \"ctrl-s\",\n  \"f2\",\n]\n",
    )
    .unwrap();
    assert_eq!(config.source_path(), Some(Path::new("config.toml")));
    assert_eq!(config.line_of("theme"), Some(1));
    assert_eq!(config.line_of("keys"), Some(3));
    assert_eq!(config.line_of("keys.quit"), Some(4));
    assert_eq!(config.line_of("keys.save.1"), Some(7));
    assert_eq!(config.line_of("keys.help"), None);
    assert_eq!(Config::default().line_of("theme"), None);
}

#[test]
fn explicit_missing_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    let message = load(Some(&path)).unwrap_err().to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("not found"), "{message}");
}

#[test]
fn explicit_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "dormant_days = 14\n").unwrap();
    let config = load(Some(&path)).unwrap();
    assert_eq!(config.dormant_days, 14);
    assert_eq!(config.source_path(), Some(path.as_path()));
}

#[test]
fn default_paths_are_files_in_the_data_folder() {
    assert_eq!(default_database_path(), data_dir().join("veileder.redb"));
    assert_eq!(demo_database_path(), data_dir().join("demo.redb"));
    assert!(default_config_path().is_none_or(|path| path.ends_with("config.toml")));
}

/// The message in bokmål, as `veileder` says it when the locale or the config is Norwegian.
fn said_in_bokmal(text: &str) -> String {
    match parse(text) {
        Ok(config) => panic!("accepted {text:?} as {config:?}"),
        Err(error) => error.said_in(crate::i18n::Lang::Nb),
    }
}

#[test]
fn errors_are_said_in_bokmal_with_the_same_line_and_keys() {
    assert_eq!(
        said_in_bokmal("[privacy]\ntrash_days = 0\n"),
        "config.toml:2: privacy.trash_days = 0 er utenfor det tillatte; et helt antall dager fra 1 til 3650"
    );
    assert_eq!(
        said_in_bokmal("topics = [\"budget\", \"Budget\"]\n"),
        "config.toml:1: topics har \"Budget\" to ganger; en liste med 1 til 40 ulike temaer, hvert på 1 til 40 tegn"
    );
    let unknown = said_in_bokmal("\ncolour = \"red\"\n");
    assert!(
        unknown.starts_with("config.toml:2: ukjent innstilling 'colour'; en av database, advisor"),
        "{unknown}"
    );
    let theme = said_in_bokmal("theme = \"pink\"\n");
    assert!(
        theme.starts_with("config.toml:1: theme: verdien godtas ikke (")
            && theme.ends_with("; \"dark\", \"light\" eller \"high-contrast\""),
        "{theme}"
    );
    let syntax = said_in_bokmal("topics = [\n");
    assert!(
        syntax.contains("filen kan ikke leses som TOML") && syntax.contains("innstilling = verdi"),
        "{syntax}"
    );
    let listen = said_in_bokmal("[serve]\nlisten = \"here\"\n");
    assert_eq!(
        listen,
        "config.toml:2: serve.listen = \"here\" er ikke en adresse med port; en adresse med port i anførselstegn, som \"0.0.0.0:2222\""
    );
    for message in [unknown, theme, syntax, listen] {
        for english in [
            "is out of range",
            "unknown option",
            "one of",
            "a whole number",
            "option = value",
        ] {
            assert!(!message.contains(english), "{english} in {message}");
        }
    }
}

#[test]
fn a_missing_file_is_said_in_bokmal() {
    let missing = load(Some(Path::new("/nowhere/config.toml"))).unwrap_err();
    assert_eq!(
        missing.said_in(crate::i18n::Lang::Nb),
        "/nowhere/config.toml: fant ikke konfigurasjonsfilen; --config trenger en fil som finnes (utelat den for å bruke standardinnstillingene)"
    );
}

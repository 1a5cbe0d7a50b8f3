//! The command line's own lines in bokmål, with a Norwegian locale, through the real binary:
//! moves and shares, advisors' keys, refusals of `demo` and `venture`, files that cannot be
//! read, an import's counts and the person's access export.
mod common;

use common::shell::Shell;

/// The locale a Norwegian desktop starts the binary in.
const NORWEGIAN: &str = "nb_NO.UTF-8";

fn refused(sh: &Shell, args: &[&str]) -> String {
    let out = sh.run_in(NORWEGIAN, args);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    err
}

#[test]
fn moves_shares_and_keys_are_said_in_bokmal() {
    let sh = Shell::new();
    sh.ok(&["advisor", "add", "kari", "--name", "Kari", "--role", "lead"]);
    let added = sh.ok_in(NORWEGIAN, &["advisor", "add", "ola", "--name", "Ola"]);
    assert_eq!(added, "veileder ola (veileder) lagret\n");
    let listed = sh.ok_in(NORWEGIAN, &["advisor", "list"]);
    assert!(
        listed.contains("Kari  leder") && !listed.contains("lead"),
        "{listed}"
    );
    sh.ok(&["client", "add", "Amira Haddad"]);
    sh.ok(&["client", "add", "Ali Rashid"]);
    let moved = sh.ok_in(
        NORWEGIAN,
        &["client", "transfer", "--from", "kari", "--to", "ola"],
    );
    assert_eq!(moved, "klienter flyttet til ola: 2\n");
    let shared = sh.ok_in(
        NORWEGIAN,
        &["client", "share", "Amira Haddad", "--with", "kari"],
    );
    assert_eq!(shared, "Amira Haddad er delt med kari\n");

    let key = sh.keygen("ola");
    let added = sh.ok_in(NORWEGIAN, &["advisor", "key", "add", "ola", &key]);
    assert!(
        added.starts_with("nøkkel SHA256:")
            && added.ends_with("lagt til for ola (antall nøkler: 1)\n"),
        "{added}"
    );
    let again = sh.ok_in(NORWEGIAN, &["advisor", "key", "add", "ola", &key]);
    assert!(again.contains("er allerede registrert for ola"), "{again}");
    let removed = sh.ok_in(NORWEGIAN, &["advisor", "key", "remove", "ola", &key]);
    assert!(
        removed.ends_with("fjernet fra ola (nøkler igjen: 0)\n"),
        "{removed}"
    );
    for english in [moved, shared, added, again, removed] {
        assert!(
            !["moved to", "shared with", "key ", "keys"]
                .iter()
                .any(|phrase| english.contains(phrase)),
            "{english}"
        );
    }
    let missing = refused(&sh, &["advisor", "key", "add", "ola", "nowhere.pub"]);
    assert!(
        missing.starts_with("veileder: kan ikke lese nowhere.pub: "),
        "{missing}"
    );
}

#[test]
fn refusals_of_demo_venture_and_report_are_said_in_bokmal() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amira Haddad"]);
    let demo = refused(&sh, &["demo", "--clients", "5"]);
    assert!(
        demo.contains(
            "har allerede klienter (1); legg til --force for å erstatte alt i den med demodata"
        ),
        "{demo}"
    );
    let sector = refused(
        &sh,
        &[
            "venture", "add", "1", "Bakeri", "--kind", "new", "--sector", "space",
        ],
    );
    assert!(
        sector.contains("sector: 'space' er ikke satt opp; en av technology"),
        "{sector}"
    );
    let venture = refused(&sh, &["milestone", "add", "fire", "first_sale"]);
    assert!(
        venture.contains("venture: 'fire' er ikke en foretaks-id; et tall som 4"),
        "{venture}"
    );
    let period = refused(
        &sh,
        &["report", "--from", "2026-02-01", "--to", "2026-01-01"],
    );
    assert!(
        period
            .contains("--from 2026-02-01 er etter --to 2026-01-01; oppgi en periode som begynner"),
        "{period}"
    );
    for english in [demo, sector, venture, period] {
        assert!(
            !english.contains("already has")
                && !english.contains("is not")
                && !english.contains("is after"),
            "{english}"
        );
    }
}

#[test]
fn a_new_demo_and_an_import_count_in_bokmal() {
    let sh = Shell::new();
    let filled = sh.ok_in(NORWEGIAN, &["demo", "--clients", "5"]);
    assert!(
        filled.contains(": 5 klienter, ") && filled.contains(" veiledere\n"),
        "{filled}"
    );
    let export = sh.path("all.json");
    sh.ok(&["export", "--out", export.to_str().unwrap()]);
    let would = sh.ok_in(
        NORWEGIAN,
        &["import", export.to_str().unwrap(), "--dry-run"],
    );
    assert!(
        would.starts_with("ville importert 5 klienter, ")
            && would.contains("(nye id-er etter postene som fantes fra før)"),
        "{would}"
    );
    assert!(
        !would.contains("clients") && !would.contains("renumbered"),
        "{would}"
    );
    let unreadable = refused(&sh, &["import", "missing.json"]);
    assert!(
        unreadable.starts_with("veileder: kan ikke lese missing.json: "),
        "{unreadable}"
    );
}

#[test]
fn the_access_export_page_is_in_the_advisors_language_with_values_as_stored() {
    let sh = Shell::new();
    sh.ok(&["client", "add", "Amira Haddad", "--birth-year", "1990"]);
    sh.ok(&[
        "note",
        "1",
        "Snakket om leie",
        "--next",
        "Send kontrakten",
        "--due",
        "2026-12-01",
    ]);
    sh.ok(&[
        "privacy",
        "consent",
        "1",
        "--purpose",
        "business counselling",
        "--date",
        "2026-01-10",
    ]);
    let json = sh.path("amira.json");
    sh.ok_in(
        NORWEGIAN,
        &["privacy", "export", "1", "--out", json.to_str().unwrap()],
    );
    let page = std::fs::read_to_string(sh.path("amira.txt")).unwrap();
    assert!(
        page.starts_with(
            "Alt veileder har om Amira Haddad (klient 1), tatt ut 2026-11-27 10:00 UTC\n"
        ),
        "{page}"
    );
    for line in [
        "\nPROFIL\n",
        "  fødselsår     1990\n",
        "  status        active\n",
        "  samtykke      gitt 2026-01-10 til business counselling\n",
        "\nSAMTALER (1)\n",
        "    Snakket om leie\n",
        "  Send kontrakten (client frist 2026-12-01)\n",
        "\nREVISJONSLOGG (",
    ] {
        assert!(page.contains(line), "{line:?} in\n{page}");
    }
    for english in [
        "PROFILE",
        "SESSIONS",
        "birth year",
        "consent",
        " due ",
        "Everything",
    ] {
        assert!(!page.contains(english), "{english} in\n{page}");
    }
}

#[test]
fn a_refused_config_is_said_in_the_locales_language_and_its_key_map_in_the_configs() {
    let sh = Shell::new();
    let config = sh.path("config.toml");
    let path = config.to_str().unwrap();
    std::fs::write(&config, "language = \"nb\"\ndormant_days = 0\n").unwrap();
    // The file that names the language is refused, so the locale's language says why.
    let english = sh.fails_in_one_line(&["--config", path, "client", "list"]);
    assert!(
        english.ends_with("config.toml:2: dormant_days = 0 is out of range; a whole number of days from 1 to 3650\n"),
        "{english}"
    );
    let bokmal = refused(&sh, &["--config", path, "client", "list"]);
    assert!(
        bokmal.ends_with("config.toml:2: dormant_days = 0 er utenfor det tillatte; et helt antall dager fra 1 til 3650\n"),
        "{bokmal}"
    );
    // A file that reads names the language, also of what is wrong with its keys.
    std::fs::write(&config, "language = \"nb\"\n[keys]\nfly = [\"z\"]\n").unwrap();
    let keys = sh.fails_in_one_line(&["--config", path]);
    assert!(
        keys.contains("config.toml:3: ukjent handling 'fly' i [keys]; en av help, quit"),
        "{keys}"
    );
    assert!(!keys.contains("unknown action"), "{keys}");
}

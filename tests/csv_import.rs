//! `veileder import clients.csv` read as a stream: every row checked before any is written, the
//! clients written in one transaction, and the refusals said in the advisor's language.
mod common;

use std::process::Output;

use common::shell::Shell;

fn import_in(sh: &Shell, lang: &str, file: &str, dry_run: bool) -> Output {
    let path = sh.path(file);
    let mut args = vec!["import", path.to_str().unwrap()];
    if dry_run {
        args.push("--dry-run");
    }
    sh.run_in(lang, &args)
}

fn clients(sh: &Shell) -> usize {
    let listed = sh.ok(&["client", "list", "--format", "json"]);
    serde_json::from_str::<serde_json::Value>(&listed)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

fn rows(n: usize) -> String {
    let mut csv = "name,email,birth_year\n".to_string();
    for i in 1..=n {
        csv.push_str(&format!(
            "Client {i},client{i}@example.no,{}\n",
            1950 + i % 50
        ));
    }
    csv
}

#[test]
fn a_refused_row_is_explained_in_bokmal() {
    let sh = Shell::new();
    let csv = "name,email,birth_year\nAna,ana@example.no,1990\n,x@example.no,1980\nBo,bo-at-example,1985\n";
    std::fs::write(sh.path("klienter.csv"), csv).unwrap();
    let out = import_in(&sh, "nb_NO.UTF-8", "klienter.csv", false);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "2 av 3 rader ble avvist; ingenting ble importert:\n\
             rad 3: name: er tomt; 1 til 200 tegn\n\
             rad 4: email: 'bo-at-example' mangler @; en adresse som navn@example.no"
        ),
        "{err}"
    );
    assert_eq!(clients(&sh), 0);

    let english = import_in(&sh, "C.UTF-8", "klienter.csv", false);
    let err = String::from_utf8(english.stderr).unwrap();
    assert!(err.contains("2 of 3 rows were refused; nothing was imported:\nrow 3: name: is empty; 1 to 200 characters\n"), "{err}");
}

#[test]
fn thousands_of_rows_are_imported_whole_or_not_at_all() {
    let sh = Shell::new();
    std::fs::write(sh.path("many.csv"), rows(3_000)).unwrap();
    let dry = import_in(&sh, "C.UTF-8", "many.csv", true);
    assert!(
        String::from_utf8(dry.stdout)
            .unwrap()
            .contains("would import 3000 clients")
    );
    assert_eq!(clients(&sh), 0, "a dry run writes nothing");

    let done = import_in(&sh, "C.UTF-8", "many.csv", false);
    assert!(
        String::from_utf8(done.stdout)
            .unwrap()
            .contains("imported 3000 clients")
    );
    assert_eq!(clients(&sh), 3_000);

    // The last of 3,001 rows is refused: none of the 3,000 before it are written.
    let mut late = rows(3_000);
    late.push_str("Last,last-at-example.no,1990\n");
    std::fs::write(sh.path("late.csv"), late).unwrap();
    let err = sh.fails(&["import", sh.path("late.csv").to_str().unwrap()]);
    assert!(
        err.contains("1 of 3001 rows was refused; nothing was imported:\nrow 3002: email:"),
        "{err}"
    );
    assert_eq!(clients(&sh), 3_000);
}

#[test]
fn a_directory_or_a_missing_file_cannot_be_read() {
    let sh = Shell::new();
    std::fs::create_dir(sh.path("folder.csv")).unwrap();
    let err = sh.fails_in_one_line(&["import", sh.path("folder.csv").to_str().unwrap()]);
    assert!(err.contains("cannot read"), "{err}");
    let err = sh.fails_in_one_line(&["import", sh.path("missing.csv").to_str().unwrap()]);
    assert!(err.contains("cannot read"), "{err}");
}

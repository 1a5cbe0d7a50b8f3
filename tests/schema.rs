//! Every later version must keep reading files written by this one.
use redb::{Database, TableDefinition};
use veileder::store::{Store, StoreError};

const FIXTURE: &str = "tests/fixtures/schema-v1.redb";

fn copy_of_fixture(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("v1.redb");
    std::fs::copy(FIXTURE, &path).unwrap();
    path
}

#[test]
fn a_database_written_by_schema_1_opens_with_everything_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&copy_of_fixture(&dir), "a test").unwrap();
    let doc = store.export_document().unwrap();
    assert_eq!(
        (
            doc.clients.len(),
            doc.ventures.len(),
            doc.sessions.len(),
            doc.next_steps.len(),
            doc.milestones.len(),
            doc.advisors.len()
        ),
        (6, 2, 25, 16, 6, 6)
    );
    let lan = doc
        .clients
        .iter()
        .find(|c| c.name == "Huynh Thi Hoa")
        .expect("a known client");
    assert_eq!(
        store.ventures_of(lan.id).unwrap()[0].name,
        "Hai Phong Soap Company"
    );
    assert_eq!(store.check().unwrap(), vec![]);
    assert!(!store.search("hai phong", 5).unwrap().is_empty());
}

#[test]
fn a_database_from_a_newer_version_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_fixture(&dir);
    {
        let db = Database::open(&path).unwrap();
        let tx = db.begin_write().unwrap();
        let meta: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
        tx.open_table(meta)
            .unwrap()
            .insert("schema_version", 99u32.to_le_bytes().as_slice())
            .unwrap();
        tx.commit().unwrap();
    }
    let err = match Store::open(&path, "a test") {
        Err(e) => e,
        Ok(_) => panic!("a newer file must be refused"),
    };
    assert!(matches!(err, StoreError::Newer { found: 99, .. }));
    assert!(err.to_string().contains("upgrade veileder"), "{err}");
}

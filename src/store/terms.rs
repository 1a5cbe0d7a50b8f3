//! The search index: each folded term's postings (record kind, id), kept sorted in blocks of up
//! to `BLOCK`. A common word has tens of thousands of postings; read as a few dozen blocks they
//! take a tenth of a millisecond, where one multimap value each took several.
use redb::{ReadableTable, Table, TableHandle, WriteTransaction};

use super::error::{Result, StoreError};
use super::schema::{TERM_BLOCKS, TERMS_V1};

/// A term index entry: (record kind, id).
pub type Posting = (u8, u64);

/// Most postings in one block: about 1.5 KB encoded, well inside one page.
const BLOCK: usize = 512;

type Blocks<'txn> = Table<'txn, (&'static str, u8, u64), &'static [u8]>;

/// The postings of `word` (or of every term starting with it, when `prefix`), sorted and
/// without repeats.
pub fn read(
    table: &impl ReadableTable<(&'static str, u8, u64), &'static [u8]>,
    word: &str,
    prefix: bool,
) -> Result<Vec<Posting>> {
    let mut out = Vec::new();
    let mut terms = 0;
    let mut last_term = String::new();
    for row in table.range((word, 0u8, 0u64)..)? {
        let (key, value) = row?;
        let term = key.value().0;
        let matches = if prefix {
            term.starts_with(word)
        } else {
            term == word
        };
        if !matches {
            break;
        }
        if term != last_term {
            terms += 1;
            last_term = term.to_string();
        }
        decode_into(term, value.value(), &mut out)?;
    }
    if terms > 1 {
        // One sorted run per term: the stable sort merges runs in about linear time.
        out.sort();
        out.dedup();
    }
    Ok(out)
}

/// Adds `posting` under `term`, if it is not there already.
pub fn insert(table: &mut Blocks, term: &str, posting: Posting) -> Result<()> {
    let Some((first, mut block)) = block_for(table, term, posting)? else {
        table.insert((term, posting.0, posting.1), encode(&[posting]).as_slice())?;
        return Ok(());
    };
    let Err(at) = block.binary_search(&posting) else {
        return Ok(());
    };
    block.insert(at, posting);
    if at == 0 {
        table.remove((term, first.0, first.1))?;
    }
    // A block that grows at its end (new records have the highest ids) stays full.
    let split = if at + 1 == block.len() {
        BLOCK
    } else {
        block.len() / 2
    };
    if block.len() > BLOCK {
        put(table, term, &block[..split])?;
        put(table, term, &block[split..])
    } else {
        put(table, term, &block)
    }
}

/// Takes `posting` out from under `term`, if it is there.
pub fn remove(table: &mut Blocks, term: &str, posting: Posting) -> Result<()> {
    let Some((first, mut block)) = block_for(table, term, posting)? else {
        return Ok(());
    };
    let Ok(at) = block.binary_search(&posting) else {
        return Ok(());
    };
    block.remove(at);
    if at == 0 {
        table.remove((term, first.0, first.1))?;
    }
    if block.is_empty() {
        return Ok(());
    }
    put(table, term, &block)
}

/// Adds many `postings` (sorted, without repeats) under `term`: appended to the last block when
/// they all come after it, as an import's new records do.
pub fn add_sorted(table: &mut Blocks, term: &str, postings: &[Posting]) -> Result<()> {
    let Some(&least) = postings.first() else {
        return Ok(());
    };
    let last = {
        let mut range = table.range((term, 0u8, 0u64)..=(term, u8::MAX, u64::MAX))?;
        match range.next_back() {
            Some(row) => {
                let (key, value) = row?;
                let (_, kind, id) = key.value();
                let mut block = Vec::new();
                decode_into(term, value.value(), &mut block)?;
                Some(((kind, id), block))
            }
            None => None,
        }
    };
    match last {
        None => put_chunks(table, term, postings),
        Some((first, mut block)) if block.last().is_some_and(|l| *l < least) => {
            table.remove((term, first.0, first.1))?;
            block.extend_from_slice(postings);
            put_chunks(table, term, &block)
        }
        Some(_) => postings.iter().try_for_each(|p| insert(table, term, *p)),
    }
}

/// Moves a schema-1 file's term multimap into blocks, then drops it.
pub fn migrate_from_multimap(tx: &WriteTransaction) -> Result<()> {
    let old = match tx.open_multimap_table(TERMS_V1) {
        Ok(t) => t,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut blocks = tx.open_table(TERM_BLOCKS)?;
    for row in redb::ReadableMultimapTable::iter(&old)? {
        let (term, values) = row?;
        let postings = values
            .map(|v| v.map(|v| v.value()))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        put_chunks(&mut blocks, term.value(), &postings)?;
    }
    drop(old);
    tx.delete_multimap_table(TERMS_V1)?;
    Ok(())
}

/// What `check` finds wrong in the index.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Faults {
    /// Postings of records that do not exist.
    pub stale: usize,
    /// Blocks that cannot be read, are not keyed by their first posting, or overlap the block
    /// before them: a search could miss what they hold.
    pub damaged: usize,
}

/// Reads the whole index; `exists` says whether a posting's record is there.
pub fn faults(
    table: &impl ReadableTable<(&'static str, u8, u64), &'static [u8]>,
    exists: impl Fn(&Posting) -> bool,
) -> Result<Faults> {
    let mut faults = Faults::default();
    let mut block = Vec::new();
    let mut last_term = String::new();
    let mut last: Option<Posting> = None;
    for row in table.iter()? {
        let (key, value) = row?;
        let (term, kind, id) = key.value();
        if term != last_term {
            last_term.clear();
            last_term.push_str(term);
            last = None;
        }
        block.clear();
        let whole = decode_into(term, value.value(), &mut block).is_ok()
            && block.first() == Some(&(kind, id))
            && last.is_none_or(|last| last < (kind, id));
        faults.damaged += usize::from(!whole);
        faults.stale += block.iter().filter(|p| !exists(p)).count();
        last = block.last().copied().or(last);
    }
    Ok(faults)
}

/// The block of `term` that `posting` belongs in: the last one starting at or before it, else
/// the term's first; with its first posting (its key) and its postings.
fn block_for(
    table: &Blocks,
    term: &str,
    posting: Posting,
) -> Result<Option<(Posting, Vec<Posting>)>> {
    let before = table
        .range((term, 0u8, 0u64)..=(term, posting.0, posting.1))?
        .next_back()
        .transpose()?;
    let row = match before {
        Some(row) => Some(row),
        None => table
            .range((term, posting.0, posting.1)..)?
            .next()
            .transpose()?
            .filter(|(key, _)| key.value().0 == term),
    };
    let Some((key, value)) = row else {
        return Ok(None);
    };
    let (_, kind, id) = key.value();
    let mut block = Vec::new();
    decode_into(term, value.value(), &mut block)?;
    Ok(Some(((kind, id), block)))
}

fn put_chunks(table: &mut Blocks, term: &str, postings: &[Posting]) -> Result<()> {
    postings
        .chunks(BLOCK)
        .try_for_each(|chunk| put(table, term, chunk))
}

/// Writes `block` (not empty) under its first posting.
fn put(table: &mut Blocks, term: &str, block: &[Posting]) -> Result<()> {
    let (kind, id) = block[0];
    table.insert((term, kind, id), encode(block).as_slice())?;
    Ok(())
}

/// Each posting as two LEB128 numbers: 0 and the id's rise over the one before when the kind
/// stayed the same (mostly two bytes in all), else one more than the kind's rise and the id.
fn encode(block: &[Posting]) -> Vec<u8> {
    let mut out = Vec::with_capacity(block.len() * 3);
    let mut prev = None;
    for &(kind, id) in block {
        match prev {
            Some((k, before)) if k == kind => {
                out.push(0);
                push(&mut out, id - before);
            }
            _ => {
                push(&mut out, u64::from(kind - prev.map_or(0, |(k, _)| k)) + 1);
                push(&mut out, id);
            }
        }
        prev = Some((kind, id));
    }
    out
}

fn push(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn decode_into(term: &str, mut bytes: &[u8], out: &mut Vec<Posting>) -> Result<()> {
    let corrupt = |reason: &str| StoreError::Corrupt {
        table: TERM_BLOCKS.name().to_string(),
        key: format!("{term:?}"),
        reason: reason.to_string(),
    };
    let mut prev: Option<Posting> = None;
    while !bytes.is_empty() {
        let step = take(&mut bytes).ok_or_else(|| corrupt("a number runs past the end"))?;
        let n = take(&mut bytes).ok_or_else(|| corrupt("a number runs past the end"))?;
        let posting = match (step, prev) {
            (0, Some((kind, before))) => {
                let id = before.checked_add(n).filter(|_| n > 0);
                (kind, id.ok_or_else(|| corrupt("postings out of order"))?)
            }
            (0, None) => return Err(corrupt("the first posting has no kind")),
            (rise, prev) => {
                let kind = (rise - 1)
                    .checked_add(u64::from(prev.map_or(0, |(k, _)| k)))
                    .and_then(|k| u8::try_from(k).ok())
                    .filter(|k| prev.is_none_or(|(before, _)| *k > before))
                    .ok_or_else(|| corrupt("a record kind out of range"))?;
                (kind, n)
            }
        };
        out.push(posting);
        prev = Some(posting);
    }
    Ok(())
}

/// One LEB128 number from the front of `bytes`; None when it is cut short or too long.
fn take(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for (i, b) in bytes.iter().enumerate().take(10) {
        n |= u64::from(b & 0x7f).checked_shl(7 * i as u32)?;
        if b & 0x80 == 0 {
            *bytes = &bytes[i + 1..];
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_of(f: impl FnOnce(&mut Blocks)) -> (tempfile::TempDir, redb::Database) {
        let dir = tempfile::tempdir().unwrap();
        let db = redb::Database::create(dir.path().join("t.redb")).unwrap();
        let tx = db.begin_write().unwrap();
        f(&mut tx.open_table(TERM_BLOCKS).unwrap());
        tx.commit().unwrap();
        (dir, db)
    }

    fn read_back(db: &redb::Database, word: &str, prefix: bool) -> Vec<Posting> {
        use redb::ReadableDatabase as _;
        let tx = db.begin_read().unwrap();
        read(&tx.open_table(TERM_BLOCKS).unwrap(), word, prefix).unwrap()
    }

    fn block_count(db: &redb::Database) -> u64 {
        use redb::{ReadableDatabase as _, ReadableTableMetadata as _};
        let tx = db.begin_read().unwrap();
        tx.open_table(TERM_BLOCKS).unwrap().len().unwrap()
    }

    #[test]
    fn postings_round_trip_through_the_encoding_whatever_their_gaps() {
        let block = vec![(1, 1), (1, 2), (1, 300), (2, 7), (2, u64::MAX), (5, 0)];
        let mut back = Vec::new();
        decode_into("t", &encode(&block), &mut back).unwrap();
        assert_eq!(back, block);
    }

    #[test]
    fn a_damaged_block_is_a_clear_error_not_a_panic() {
        for bytes in [
            &[0x80][..],
            &[0, 5],
            &[2, 3, 0, 0],
            &[2, 3, 1, 1],
            &[255, 255, 255, 1, 1],
        ] {
            let err = decode_into("budget", bytes, &mut Vec::new()).unwrap_err();
            assert!(err.to_string().contains("budget"), "{err}");
        }
    }

    #[test]
    fn inserts_in_any_order_read_back_sorted_across_blocks() {
        let mut expected: Vec<Posting> = (0..3000u64)
            .map(|i| (1 + (i % 2) as u8, i * 7 % 3001))
            .collect();
        let (_dir, db) = table_of(|t| {
            for p in &expected {
                insert(t, "budget", *p).unwrap();
            }
            insert(t, "budget", expected[10]).unwrap();
            insert(t, "budgets", (3, 1)).unwrap();
            insert(t, "bud", (3, 2)).unwrap();
        });
        expected.sort();
        assert_eq!(read_back(&db, "budget", false), expected);
        assert!(
            block_count(&db) as usize > 3000 / BLOCK + 2,
            "split into blocks"
        );
        let mut all = expected.clone();
        all.extend([(3, 1), (3, 2)]);
        all.sort();
        assert_eq!(read_back(&db, "bud", true), all);
        assert_eq!(read_back(&db, "bud", false), vec![(3, 2)]);
    }

    #[test]
    fn removing_every_posting_leaves_no_block_behind() {
        let postings: Vec<Posting> = (1..=2000u64).map(|i| (2, i)).collect();
        let (_dir, db) = table_of(|t| {
            add_sorted(t, "rent", &postings).unwrap();
            for p in postings.iter().step_by(2) {
                remove(t, "rent", *p).unwrap();
            }
            remove(t, "rent", (2, 99_999)).unwrap();
        });
        let odd: Vec<Posting> = postings.iter().copied().skip(1).step_by(2).collect();
        assert_eq!(read_back(&db, "rent", false), odd);
        let (_dir, db) = table_of(|t| {
            add_sorted(t, "rent", &postings).unwrap();
            postings
                .iter()
                .rev()
                .for_each(|p| remove(t, "rent", *p).unwrap());
        });
        assert_eq!(read_back(&db, "rent", false), vec![]);
        assert_eq!(block_count(&db), 0);
    }

    #[test]
    fn a_batch_after_the_last_block_is_appended_and_one_before_it_is_merged() {
        let (_dir, db) = table_of(|t| {
            add_sorted(t, "loan", &[(2, 10), (2, 20)]).unwrap();
            add_sorted(t, "loan", &[(2, 30), (2, 40)]).unwrap();
            add_sorted(t, "loan", &[(2, 5), (2, 25), (2, 50)]).unwrap();
        });
        assert_eq!(block_count(&db), 1);
        assert_eq!(
            read_back(&db, "loan", false),
            vec![(2, 5), (2, 10), (2, 20), (2, 25), (2, 30), (2, 40), (2, 50)]
        );
    }

    #[test]
    fn a_schema_1_index_moves_into_blocks_whole_and_its_table_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = redb::Database::create(dir.path().join("t.redb")).unwrap();
        let many: Vec<Posting> = (1..=1300u64).map(|i| (2, i * 3)).collect();
        let tx = db.begin_write().unwrap();
        {
            let mut old = tx.open_multimap_table(TERMS_V1).unwrap();
            for p in &many {
                old.insert("mentor", *p).unwrap();
            }
            old.insert("mentoring", (1, 4)).unwrap();
            old.insert("rent", (3, 9)).unwrap();
        }
        tx.commit().unwrap();
        let tx = db.begin_write().unwrap();
        migrate_from_multimap(&tx).unwrap();
        tx.commit().unwrap();
        assert_eq!(read_back(&db, "mentor", false), many);
        assert_eq!(read_back(&db, "mentoring", false), vec![(1, 4)]);
        assert_eq!(read_back(&db, "rent", true), vec![(3, 9)]);
        use redb::ReadableDatabase as _;
        let tx = db.begin_read().unwrap();
        assert!(matches!(
            tx.open_multimap_table(TERMS_V1),
            Err(redb::TableError::TableDoesNotExist(_))
        ));
    }

    #[test]
    fn faults_count_postings_of_missing_records_and_blocks_out_of_place() {
        let (_dir, db) = table_of(|t| {
            add_sorted(t, "loan", &[(2, 1), (2, 2), (2, 3)]).unwrap();
            add_sorted(t, "rent", &[(2, 5)]).unwrap();
            // Keyed apart from its first posting; overlapping the block before; unreadable.
            t.insert(("rent", 2, 9), encode(&[(2, 10)]).as_slice())
                .unwrap();
            t.insert(("loan", 2, 2), encode(&[(2, 2)]).as_slice())
                .unwrap();
            t.insert(("tax", 1, 1), [0x80u8].as_slice()).unwrap();
        });
        use redb::ReadableDatabase as _;
        let tx = db.begin_read().unwrap();
        let table = tx.open_table(TERM_BLOCKS).unwrap();
        let found = faults(&table, |p| p.1 != 3).unwrap();
        assert_eq!(
            found,
            Faults {
                stale: 1,
                damaged: 3
            }
        );
        let (_dir, db) = table_of(|t| add_sorted(t, "loan", &[(2, 1), (2, 3)]).unwrap());
        let tx = db.begin_read().unwrap();
        let table = tx.open_table(TERM_BLOCKS).unwrap();
        assert_eq!(faults(&table, |_| true).unwrap(), Faults::default());
    }
}

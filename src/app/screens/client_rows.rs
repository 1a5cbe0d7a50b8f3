//! The client list as a model: every summary with what filtering and sorting need computed once
//! when the list loads (folded texts, flags, sort ranks), so a keystroke only matches and picks.
use chrono::NaiveDate;

use crate::app::fuzzy::FuzzyIndex;
use crate::domain::ClientStatus;
use crate::domain::text::fold;
use crate::store::ClientSummary;

/// A next step due within this many days (or overdue) makes a follow-up due.
pub const DUE_WITHIN_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    /// Longest ago first, never contacted before anyone: who needs a call.
    LastContact,
    /// Earliest due step first.
    NextDue,
}

impl Sort {
    const ALL: [Sort; 3] = [Sort::Name, Sort::LastContact, Sort::NextDue];

    pub fn next(self) -> Sort {
        Sort::ALL[(self as usize + 1) % Sort::ALL.len()]
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::LastContact => "last contact",
            Sort::NextDue => "next due",
        }
    }
}

/// Which clients the list shows; the default shows everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filters {
    pub mine_only: bool,
    pub status: Option<ClientStatus>,
    pub due_only: bool,
    /// Position in `ClientRows::sectors` of the sector a client's venture must be in.
    pub sector: Option<usize>,
}

impl Filters {
    /// All sectors → the first → … → the last → all sectors.
    pub fn next_sector(sector: Option<usize>, count: usize) -> Option<usize> {
        match sector {
            None if count > 0 => Some(0),
            Some(i) if i + 1 < count => Some(i + 1),
            _ => None,
        }
    }

    /// All → active → paused → closed → all.
    pub fn next_status(status: Option<ClientStatus>) -> Option<ClientStatus> {
        let all = ClientStatus::ALL;
        match status {
            None => all.first().copied(),
            Some(s) => all
                .iter()
                .position(|x| *x == s)
                .and_then(|i| all.get(i + 1))
                .copied(),
        }
    }
}

#[derive(Debug)]
struct Row {
    summary: ClientSummary,
    mine: bool,
    due_soon: bool,
    /// Positions in `ClientRows::sectors` of the sectors of the client's ventures.
    sectors: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct ClientRows {
    rows: Vec<Row>,
    /// Every sector of a venture in the list, in order.
    sectors: Vec<String>,
    index: FuzzyIndex,
    /// Per sort: row positions in that order, and each row's place in it.
    orders: [Vec<u32>; 3],
    ranks: [Vec<u32>; 3],
}

/// What the filter matches besides the name: contact details, country, ventures and tags.
fn details(c: &ClientSummary) -> String {
    let fields = [&c.phone, &c.email, &c.country].into_iter().flatten();
    let ventures = c.ventures.iter().map(|v| &v.name);
    fields
        .chain(ventures)
        .chain(&c.tags)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

fn due_soon(c: &ClientSummary, today: NaiveDate) -> bool {
    c.next_due
        .as_ref()
        .is_some_and(|(due, _)| (*due - today).num_days() <= DUE_WITHIN_DAYS)
}

impl ClientRows {
    pub fn new(summaries: Vec<ClientSummary>, actor: &str, today: NaiveDate) -> Self {
        let index = FuzzyIndex::new(summaries.iter().map(|c| (&c.name, details(c))));
        let names: Vec<String> = summaries.iter().map(|c| fold(&c.name)).collect();
        let mut sectors: Vec<String> = summaries
            .iter()
            .flat_map(|c| c.ventures.iter().filter_map(|v| v.sector.clone()))
            .collect();
        sectors.sort();
        sectors.dedup();
        let rows: Vec<Row> = summaries
            .into_iter()
            .map(|summary| Row {
                mine: summary.advisor.as_deref() == Some(actor),
                due_soon: due_soon(&summary, today),
                sectors: summary
                    .ventures
                    .iter()
                    .filter_map(|v| v.sector.as_ref())
                    .filter_map(|s| sectors.binary_search(s).ok())
                    .collect(),
                summary,
            })
            .collect();
        let mut orders: [Vec<u32>; 3] = Default::default();
        let mut ranks: [Vec<u32>; 3] = Default::default();
        for sort in Sort::ALL {
            let mut order: Vec<u32> = (0..rows.len() as u32).collect();
            let name = |i: u32| (&names[i as usize], rows[i as usize].summary.id);
            match sort {
                Sort::Name => order.sort_by_key(|&i| name(i)),
                Sort::LastContact => {
                    order.sort_by_key(|&i| (rows[i as usize].summary.last_contact, name(i)))
                }
                Sort::NextDue => order.sort_by_key(|&i| {
                    let due = rows[i as usize].summary.next_due.as_ref().map(|(d, _)| *d);
                    (due.is_none(), due, name(i))
                }),
            }
            let mut rank = vec![0; rows.len()];
            for (place, &i) in order.iter().enumerate() {
                rank[i as usize] = place as u32;
            }
            orders[sort as usize] = order;
            ranks[sort as usize] = rank;
        }
        ClientRows {
            rows,
            sectors,
            index,
            orders,
            ranks,
        }
    }

    /// Recomputes which follow-ups are due, when the day changes.
    pub fn set_today(&mut self, today: NaiveDate) {
        for row in &mut self.rows {
            row.due_soon = due_soon(&row.summary, today);
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn sectors(&self) -> &[String] {
        &self.sectors
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn get(&self, row: u32) -> Option<&ClientSummary> {
        self.rows.get(row as usize).map(|r| &r.summary)
    }

    /// The rows to show: those passing `filters` and matching `query`, best match first, then in
    /// `sort` order.
    pub fn view(&mut self, query: &str, filters: Filters, sort: Sort) -> Vec<u32> {
        let rows = &self.rows;
        let passes = |i: u32| {
            let row = &rows[i as usize];
            (!filters.mine_only || row.mine)
                && filters.status.is_none_or(|s| row.summary.status == s)
                && (!filters.due_only || row.due_soon)
                && filters.sector.is_none_or(|i| row.sectors.contains(&i))
        };
        match self.index.matches(query) {
            None => self.orders[sort as usize]
                .iter()
                .copied()
                .filter(|&i| passes(i))
                .collect(),
            Some(hits) => {
                // Best score first, then sort order: one integer per hit sorts fastest.
                let (order, rank) = (&self.orders[sort as usize], &self.ranks[sort as usize]);
                let mut keys: Vec<u64> = hits
                    .iter()
                    .filter(|h| passes(h.index))
                    .map(|h| {
                        (u64::from(u32::MAX - h.score) << 32) | u64::from(rank[h.index as usize])
                    })
                    .collect();
                keys.sort_unstable();
                keys.into_iter()
                    .map(|key| order[(key & u64::from(u32::MAX)) as usize])
                    .collect()
            }
        }
    }
}

//! The agenda across an advisor's clients (or everyone's): next steps overdue, due today and due
//! soon, what the advisor owes a call, and clients gone quiet. The command line and the TUI
//! share it.
use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::domain::{ClientId, NextStep, NextStepId, Owner};
use crate::privacy::{PastRetention, past_retention_among};
use crate::store::{ClientSummary, Result, Store, Visible, dormant_among};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaStep {
    pub id: NextStepId,
    pub client_id: ClientId,
    pub client: String,
    pub text: String,
    pub owner: Owner,
    pub due: Option<NaiveDate>,
}

/// A client with no contact for a while.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuietClient {
    pub client_id: ClientId,
    pub client: String,
    pub last_contact: Option<NaiveDate>,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaData {
    pub today: NaiveDate,
    pub overdue: Vec<AgendaStep>,
    pub due_today: Vec<AgendaStep>,
    pub upcoming: Vec<AgendaStep>,
    pub owe_a_call: Vec<AgendaStep>,
    pub dormant: Vec<QuietClient>,
    /// No contact for longer than the retention period: to be erased.
    pub past_retention: Vec<PastRetention>,
}

/// What the agenda covers.
#[derive(Debug, Clone, Copy)]
pub struct AgendaScope<'a> {
    /// Only this advisor's clients; `None` for everyone's.
    pub advisor: Option<&'a str>,
    pub today: NaiveDate,
    /// How many days after today count as upcoming.
    pub days: u32,
    /// No contact for this many days makes a client dormant.
    pub dormant_days: u32,
    /// No contact for this many years puts a client past retention.
    pub retention_years: u32,
}

fn step(s: NextStep, clients: &HashMap<ClientId, &ClientSummary>) -> AgendaStep {
    AgendaStep {
        id: s.id,
        client_id: s.client_id,
        client: clients
            .get(&s.client_id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        text: s.text,
        owner: s.owner,
        due: s.due,
    }
}

/// The step behind a summary's "owed" line, so it can be ticked off from the agenda.
fn owed_step_id(open: &[NextStep], due: Option<NaiveDate>, text: &str) -> NextStepId {
    open.iter()
        .find(|s| s.owner == Owner::Advisor && s.due == due && s.text == text)
        .map_or(0, |s| s.id)
}

/// The agenda among the clients `visible` allows (an advisor's session reads their caseload and
/// shares, not the centre).
pub fn build(store: &Store, scope: AgendaScope, visible: &Visible) -> Result<AgendaData> {
    let today = scope.today;
    let summaries = store.client_summaries_in(visible)?;
    let in_scope = |c: &&ClientSummary| {
        scope
            .advisor
            .is_none_or(|a| c.advisor.as_deref() == Some(a))
    };
    let clients: HashMap<ClientId, &ClientSummary> = summaries
        .iter()
        .filter(in_scope)
        .map(|c| (c.id, c))
        .collect();
    let mut agenda = AgendaData {
        today,
        overdue: Vec::new(),
        due_today: Vec::new(),
        upcoming: Vec::new(),
        owe_a_call: Vec::new(),
        dormant: Vec::new(),
        past_retention: Vec::new(),
    };
    let end = today + Duration::days(i64::from(scope.days) + 1);
    for s in store.open_steps_due_before(end)? {
        if !clients.contains_key(&s.client_id) {
            continue;
        }
        let list = match s.due {
            Some(d) if d < today => &mut agenda.overdue,
            Some(d) if d == today => &mut agenda.due_today,
            _ => &mut agenda.upcoming,
        };
        list.push(step(s, &clients));
    }
    let mut owed: Vec<&&ClientSummary> = clients.values().filter(|c| c.owed.is_some()).collect();
    owed.sort_by_key(|c| (c.owed.as_ref().map(|o| (o.0.is_none(), o.0)), c.id));
    let ids: Vec<ClientId> = owed.iter().map(|c| c.id).collect();
    let open_steps = store.open_steps_of_each(&ids)?;
    for (c, (_, open)) in owed.into_iter().zip(&open_steps) {
        if let Some((due, text)) = &c.owed {
            agenda.owe_a_call.push(AgendaStep {
                id: owed_step_id(open, *due, text),
                client_id: c.id,
                client: c.name.clone(),
                text: text.clone(),
                owner: Owner::Advisor,
                due: *due,
            });
        }
    }
    let quiet = dormant_among(
        clients.values().map(|c| (*c).clone()),
        today,
        scope.dormant_days,
    );
    for c in quiet {
        let since = c.last_contact.unwrap_or(c.created_at).date_naive();
        agenda.dormant.push(QuietClient {
            client_id: c.id,
            client: c.name.clone(),
            last_contact: c.last_contact.map(|t| t.date_naive()),
            days: (today - since).num_days(),
        });
    }
    agenda.past_retention =
        past_retention_among(clients.values().copied(), today, scope.retention_years);
    Ok(agenda)
}

use chrono::NaiveDate;
use redb::TableHandle;

use super::Store;
use super::audit;
use super::codec;
use super::error::Result;
use super::index::{self, day_number, ids_of, load};
use super::meta::next_id;
use super::schema::{CLIENT_RECORDS, Kind, NEXT_STEPS, STEPS_DUE};
use super::summary;
use crate::domain::{Client, ClientId, NextStep, NextStepId};

impl Store {
    pub fn add_next_step(&self, actor: &str, step: NextStep) -> Result<NextStep> {
        let step = step.validated()?;
        self.write(actor, |tx| {
            index::existing::<Client>(tx, step.client_id)?;
            let step = NextStep {
                id: next_id(tx, Kind::NextStep)?,
                ..step
            };
            index::save_audited(
                tx,
                None,
                &step,
                self.now(),
                actor,
                "next_step.add",
                &format!("next step {}", step.id),
            )?;
            Ok(step)
        })
    }

    pub fn update_next_step(&self, actor: &str, step: NextStep) -> Result<NextStep> {
        let step = step.validated()?;
        self.write(actor, |tx| {
            let old: NextStep = index::existing(tx, step.id)?;
            let step = NextStep {
                client_id: old.client_id,
                ..step
            };
            index::save_audited(
                tx,
                Some(&old),
                &step,
                self.now(),
                actor,
                "next_step.update",
                &format!("next step {}", step.id),
            )?;
            Ok(step)
        })
    }

    /// Ticks an open step off today, or opens a ticked one again.
    pub fn toggle_next_step(&self, actor: &str, id: NextStepId) -> Result<NextStep> {
        let today = self.today();
        self.write(actor, |tx| {
            let old: NextStep = index::existing(tx, id)?;
            let new = NextStep {
                done_on: if old.is_open() { Some(today) } else { None },
                ..old.clone()
            };
            index::save(tx, Some(&old), &new)?;
            summary::refresh(tx, new.client_id)?;
            let action = if new.is_open() {
                "next_step.reopen"
            } else {
                "next_step.done"
            };
            audit::append(
                tx,
                self.now(),
                actor,
                Some(new.client_id),
                action,
                &format!("next step {id}"),
            )?;
            Ok(new)
        })
    }

    /// A client's next steps: open ones first by due date, then done ones, latest first.
    pub fn next_steps_of(&self, client: ClientId) -> Result<Vec<NextStep>> {
        let mut steps: Vec<NextStep> = self.read(|tx| {
            let ids = ids_of(
                &tx.open_multimap_table(CLIENT_RECORDS)?,
                client,
                Kind::NextStep,
            )?;
            load(&tx.open_table(NEXT_STEPS)?, &ids)
        })?;
        steps.sort_by(|a, b| {
            (
                a.done_on.is_some(),
                a.due.is_none(),
                a.due,
                std::cmp::Reverse(a.done_on),
                a.id,
            )
                .cmp(&(
                    b.done_on.is_some(),
                    b.due.is_none(),
                    b.due,
                    std::cmp::Reverse(b.done_on),
                    b.id,
                ))
        });
        Ok(steps)
    }

    /// Open next steps due before `before` (exclusive), earliest first, from the due index.
    pub fn open_steps_due_before(&self, before: NaiveDate) -> Result<Vec<NextStep>> {
        self.read(|tx| {
            let due = tx.open_table(STEPS_DUE)?;
            let steps = tx.open_table(NEXT_STEPS)?;
            let mut out = Vec::new();
            for row in due.range(..(day_number(before), 0))? {
                let (_, id) = row?.0.value();
                if let Some(s) = codec::get(&steps, NEXT_STEPS.name(), id)? {
                    out.push(s);
                }
            }
            Ok(out)
        })
    }

    /// The open steps of each of `clients`, in one read (the agenda asks for thousands).
    pub fn open_steps_of_each(
        &self,
        clients: &[ClientId],
    ) -> Result<Vec<(ClientId, Vec<NextStep>)>> {
        self.read(|tx| {
            let records = tx.open_multimap_table(CLIENT_RECORDS)?;
            let steps = tx.open_table(NEXT_STEPS)?;
            let mut out = Vec::with_capacity(clients.len());
            for &client in clients {
                let ids = ids_of(&records, client, Kind::NextStep)?;
                let mut open: Vec<NextStep> = load(&steps, &ids)?;
                open.retain(NextStep::is_open);
                out.push((client, open));
            }
            Ok(out)
        })
    }

    pub fn next_step(&self, id: NextStepId) -> Result<Option<NextStep>> {
        self.read(|tx| codec::get(&tx.open_table(NEXT_STEPS)?, NEXT_STEPS.name(), id))
    }
}

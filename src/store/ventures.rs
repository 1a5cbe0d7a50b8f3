use redb::TableHandle;

use super::Store;
use super::audit;
use super::codec;
use super::error::Result;
use super::index::{self, ids_of, load};
use super::meta::next_id;
use super::schema::{CLIENT_RECORDS, Kind, MILESTONES, VENTURES};
use super::summary;
use crate::domain::milestone::stage_from;
use crate::domain::{Client, ClientId, Milestone, MilestoneId, Venture, VentureId};

impl Store {
    pub fn add_venture(&self, actor: &str, venture: Venture) -> Result<Venture> {
        let venture = venture.validated()?;
        self.write(actor, |tx| {
            index::existing::<Client>(tx, venture.client_id)?;
            let venture = Venture {
                id: next_id(tx, Kind::Venture)?,
                ..venture
            };
            index::save_audited(
                tx,
                None,
                &venture,
                self.now(),
                actor,
                "venture.add",
                &format!("venture {}", venture.id),
            )?;
            Ok(venture)
        })
    }

    /// Saves a changed venture; a stage that differs from the stored one was set by hand, and
    /// milestones no longer move it.
    pub fn update_venture(&self, actor: &str, venture: Venture) -> Result<Venture> {
        let venture = venture.validated()?;
        self.write(actor, |tx| {
            let old: Venture = index::existing(tx, venture.id)?;
            let by_hand = venture.stage_by_hand || venture.stage != old.stage;
            let venture = Venture {
                client_id: old.client_id,
                stage_by_hand: by_hand,
                ..venture
            };
            index::save_audited(
                tx,
                Some(&old),
                &venture,
                self.now(),
                actor,
                "venture.update",
                &format!("venture {}", venture.id),
            )?;
            Ok(venture)
        })
    }

    pub fn venture(&self, id: VentureId) -> Result<Option<Venture>> {
        self.read(|tx| codec::get(&tx.open_table(VENTURES)?, VENTURES.name(), id))
    }

    pub fn milestone(&self, id: MilestoneId) -> Result<Option<Milestone>> {
        self.read(|tx| codec::get(&tx.open_table(MILESTONES)?, MILESTONES.name(), id))
    }

    /// The client a milestone is about, through its venture (the venture's client is the one
    /// that counts; the milestone's own copy is the fallback for a venture already gone).
    pub fn client_of_milestone(&self, id: MilestoneId) -> Result<Option<ClientId>> {
        let Some(milestone) = self.milestone(id)? else {
            return Ok(None);
        };
        Ok(Some(
            self.venture(milestone.venture_id)?
                .map_or(milestone.client_id, |v| v.client_id),
        ))
    }

    pub fn ventures_of(&self, client: ClientId) -> Result<Vec<Venture>> {
        self.read(|tx| {
            let ids = ids_of(
                &tx.open_multimap_table(CLIENT_RECORDS)?,
                client,
                Kind::Venture,
            )?;
            load(&tx.open_table(VENTURES)?, &ids)
        })
    }

    /// Adds a milestone to its venture (the client is the venture's) and moves the venture's
    /// stage unless it was set by hand.
    pub fn add_milestone(&self, actor: &str, milestone: Milestone) -> Result<Milestone> {
        let milestone = milestone.validated()?;
        self.write(actor, |tx| {
            let venture: Venture = index::existing(tx, milestone.venture_id)?;
            let milestone = Milestone {
                id: next_id(tx, Kind::Milestone)?,
                client_id: venture.client_id,
                ..milestone
            };
            index::save(tx, None, &milestone)?;
            restage(tx, &venture)?;
            summary::refresh(tx, venture.client_id)?;
            audit::append(
                tx,
                self.now(),
                actor,
                Some(venture.client_id),
                "milestone.add",
                &format!("{} on venture {}", milestone.kind, venture.id),
            )?;
            Ok(milestone)
        })
    }

    /// Saves a changed milestone (its venture and client stay) and moves the venture's stage
    /// unless it was set by hand.
    pub fn update_milestone(&self, actor: &str, milestone: Milestone) -> Result<Milestone> {
        let milestone = milestone.validated()?;
        self.write(actor, |tx| {
            let old: Milestone = index::existing(tx, milestone.id)?;
            let milestone = Milestone {
                client_id: old.client_id,
                venture_id: old.venture_id,
                ..milestone
            };
            index::save_audited(
                tx,
                Some(&old),
                &milestone,
                self.now(),
                actor,
                "milestone.edit",
                &format!("{} on venture {}", milestone.kind, milestone.venture_id),
            )?;
            let venture: Venture = index::existing(tx, milestone.venture_id)?;
            restage(tx, &venture)?;
            summary::refresh(tx, venture.client_id)?;
            Ok(milestone)
        })
    }

    /// A client's milestones, oldest first.
    pub fn milestones_of(&self, client: ClientId) -> Result<Vec<Milestone>> {
        let mut out: Vec<Milestone> = self.read(|tx| {
            let ids = ids_of(
                &tx.open_multimap_table(CLIENT_RECORDS)?,
                client,
                Kind::Milestone,
            )?;
            load(&tx.open_table(MILESTONES)?, &ids)
        })?;
        out.sort_by_key(|m| (m.date, m.id));
        Ok(out)
    }
}

/// Sets a venture's stage from its milestones unless the stage was chosen by hand.
pub fn restage(tx: &redb::WriteTransaction, venture: &Venture) -> Result<()> {
    if venture.stage_by_hand {
        return Ok(());
    }
    let ids = ids_of(
        &tx.open_multimap_table(CLIENT_RECORDS)?,
        venture.client_id,
        Kind::Milestone,
    )?;
    let milestones: Vec<Milestone> = load(&tx.open_table(MILESTONES)?, &ids)?;
    let own: Vec<Milestone> = milestones
        .into_iter()
        .filter(|m| m.venture_id == venture.id)
        .collect();
    let stage = stage_from(venture.stage, &own);
    if stage != venture.stage {
        index::save(
            tx,
            Some(venture),
            &Venture {
                stage,
                ..venture.clone()
            },
        )?;
    }
    Ok(())
}

//! The access export as a page a person can read, in the language of the advisor who exports it;
//! every text they or we typed is printed inert, and the values stay as stored.
use std::fmt::Write as _;

use crate::domain::text::inert;
use crate::i18n::{AccessText as T, Lang, trashed};
use crate::store::PersonExport;

fn line(out: &mut String, label: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
        let _ = writeln!(out, "  {label:<14}{}", inert(v, false));
    }
}

fn block(out: &mut String, text: &str) {
    for l in inert(text, true).lines() {
        let _ = writeln!(out, "    {l}");
    }
}

fn heading(out: &mut String, lang: Lang, heading: T, n: usize) {
    let _ = writeln!(out, "\n{}", lang.f(heading, &[("n", &n)]));
}

/// The export as plain text in sections: profile, ventures, sessions with their notes, next
/// steps, milestones, unsaved drafts, deleted records and the audit log.
pub fn person_text(lang: Lang, p: &PersonExport) -> String {
    let mut out = String::new();
    profile(&mut out, lang, p);
    activity(&mut out, lang, p);
    kept(&mut out, lang, p);
    out
}

fn profile(out: &mut String, lang: Lang, p: &PersonExport) {
    let c = &p.client;
    let at = p.exported_at.format("%Y-%m-%d %H:%M UTC");
    let values: [(&str, &dyn std::fmt::Display); 3] =
        [("name", &inert(&c.name, false)), ("id", &c.id), ("at", &at)];
    let _ = writeln!(out, "{}\n", lang.f(T::Title, &values));
    let _ = writeln!(out, "{}", lang.t(T::Profile));
    let year = |y: Option<i32>| y.map(|y| y.to_string());
    let mut field = |label: T, value: Option<&str>| line(out, lang.t(label), value);
    field(T::Name, Some(&c.name));
    field(T::Gender, Some(c.gender.as_str()));
    field(T::BirthYear, year(c.birth_year).as_deref());
    field(T::Country, c.country.as_deref());
    field(T::Languages, Some(&c.languages.join(", ")));
    field(T::Arrived, year(c.arrived_year).as_deref());
    field(T::Municipality, c.municipality.as_deref());
    field(T::Phone, c.phone.as_deref());
    field(T::Email, c.email.as_deref());
    field(T::Education, c.education.as_deref());
    field(T::Experience, c.experience.as_deref());
    field(T::Dream, c.dream.as_deref());
    field(T::Tags, Some(&c.tags.join(", ")));
    field(T::Pinned, c.pinned.as_deref());
    field(T::Advisor, c.advisor.as_deref());
    field(T::Status, Some(c.status.as_str()));
    field(T::Added, Some(&c.created_at.format("%Y-%m-%d").to_string()));
    let consent = match &c.consent {
        None => lang.t(T::ConsentNone).to_string(),
        Some(k) => {
            let withdrawn = k
                .withdrawn
                .map(|w| lang.f(T::ConsentWithdrawn, &[("date", &w)]))
                .unwrap_or_default();
            let values: [(&str, &dyn std::fmt::Display); 3] = [
                ("date", &k.date),
                ("purpose", &k.purpose),
                ("withdrawn", &withdrawn),
            ];
            lang.f(T::ConsentGiven, &values)
        }
    };
    field(T::Consent, Some(&consent));
}

/// Ventures, sessions with their notes, next steps and milestones.
fn activity(out: &mut String, lang: Lang, p: &PersonExport) {
    heading(out, lang, T::Ventures, p.ventures.len());
    for v in &p.ventures {
        let org = v
            .org_nr
            .as_ref()
            .map(|o| lang.f(T::OrgNr, &[("nr", o)]))
            .unwrap_or_default();
        let sector = v.sector.as_deref().unwrap_or(lang.t(T::NoSector));
        let _ = writeln!(
            out,
            "  {} — {}, {}, {}{}",
            inert(&v.name, false),
            v.kind.as_str(),
            inert(sector, false),
            v.stage.as_str(),
            inert(&org, false)
        );
    }
    heading(out, lang, T::Sessions, p.sessions.len());
    for s in &p.sessions {
        let minutes = s.minutes.map(|m| format!(", {m} min")).unwrap_or_default();
        let values: [(&str, &dyn std::fmt::Display); 4] = [
            ("at", &s.started_at.format("%Y-%m-%d %H:%M")),
            ("channel", &s.channel.as_str()),
            ("advisor", &inert(&s.advisor, false)),
            ("minutes", &minutes),
        ];
        let _ = writeln!(out, "  {}", lang.f(T::SessionWith, &values));
        if !s.topics.is_empty() {
            let topics = s.topics.join(", ");
            let topics = inert(&topics, false);
            let _ = writeln!(out, "    {}", lang.f(T::Topics, &[("topics", &topics)]));
        }
        block(out, &s.notes);
    }
    heading(out, lang, T::NextSteps, p.next_steps.len());
    for n in &p.next_steps {
        let due = n
            .due
            .map(|d| lang.f(T::Due, &[("date", &d)]))
            .unwrap_or_default();
        let done = n
            .done_on
            .map(|d| lang.f(T::Done, &[("date", &d)]))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} ({}{due}{done})",
            inert(&n.text, false),
            n.owner.as_str()
        );
    }
    heading(out, lang, T::Milestones, p.milestones.len());
    for m in &p.milestones {
        let note = m
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {}{}",
            m.date,
            m.kind.as_str(),
            inert(&note, false)
        );
    }
}

/// What is kept besides: unsaved drafts, deleted records in the trash and the audit log.
fn kept(out: &mut String, lang: Lang, p: &PersonExport) {
    heading(out, lang, T::Drafts, p.drafts.len());
    for d in &p.drafts {
        let values: [(&str, &dyn std::fmt::Display); 2] = [
            ("advisor", &inert(&d.advisor, false)),
            ("at", &d.started_at.format("%Y-%m-%d %H:%M")),
        ];
        let _ = writeln!(out, "  {}", lang.f(T::DraftBy, &values));
        block(out, &d.notes);
    }
    heading(out, lang, T::Trash, p.trash.len());
    for t in &p.trash {
        let what = trashed(lang, &t.item);
        let values: [(&str, &dyn std::fmt::Display); 3] = [
            ("date", &t.deleted_at.format("%Y-%m-%d")),
            ("advisor", &inert(&t.by, false)),
            ("what", &inert(&what, false)),
        ];
        let _ = writeln!(out, "  {}", lang.f(T::TrashedBy, &values));
    }
    heading(out, lang, T::Audit, p.audit.len());
    for a in &p.audit {
        let detail = if a.detail.is_empty() {
            String::new()
        } else {
            format!(" — {}", a.detail)
        };
        let _ = writeln!(
            out,
            "  {} {} {}{}",
            a.at.format("%Y-%m-%d %H:%M"),
            inert(&a.advisor, false),
            inert(&a.action, false),
            inert(&detail, false)
        );
    }
}

//! The access export as a page a person can read; every text they or we typed is printed inert.
use std::fmt::Write as _;

use crate::domain::text::inert;
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

/// The export as plain text in sections: profile, ventures, sessions with their notes, next
/// steps, milestones, unsaved drafts, deleted records and the audit log.
pub fn person_text(p: &PersonExport) -> String {
    let c = &p.client;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Everything veileder holds about {} (client {}), exported {}\n",
        inert(&c.name, false),
        c.id,
        p.exported_at.format("%Y-%m-%d %H:%M UTC")
    );
    out.push_str("PROFILE\n");
    line(&mut out, "name", Some(&c.name));
    line(&mut out, "gender", Some(c.gender.as_str()));
    line(
        &mut out,
        "birth year",
        c.birth_year.map(|y| y.to_string()).as_deref(),
    );
    line(&mut out, "country", c.country.as_deref());
    line(&mut out, "languages", Some(&c.languages.join(", ")));
    line(
        &mut out,
        "arrived",
        c.arrived_year.map(|y| y.to_string()).as_deref(),
    );
    line(&mut out, "municipality", c.municipality.as_deref());
    line(&mut out, "phone", c.phone.as_deref());
    line(&mut out, "email", c.email.as_deref());
    line(&mut out, "education", c.education.as_deref());
    line(&mut out, "experience", c.experience.as_deref());
    line(&mut out, "dream", c.dream.as_deref());
    line(&mut out, "tags", Some(&c.tags.join(", ")));
    line(&mut out, "pinned note", c.pinned.as_deref());
    line(&mut out, "advisor", c.advisor.as_deref());
    line(&mut out, "status", Some(c.status.as_str()));
    line(
        &mut out,
        "added",
        Some(&c.created_at.format("%Y-%m-%d").to_string()),
    );
    let consent = match &c.consent {
        None => "not recorded".to_string(),
        Some(k) => {
            let withdrawn = k
                .withdrawn
                .map(|w| format!(", withdrawn {w}"))
                .unwrap_or_default();
            format!("given {} for {}{withdrawn}", k.date, k.purpose)
        }
    };
    line(&mut out, "consent", Some(&consent));

    let _ = writeln!(out, "\nVENTURES ({})", p.ventures.len());
    for v in &p.ventures {
        let org = v
            .org_nr
            .as_ref()
            .map(|o| format!(", org. nr {o}"))
            .unwrap_or_default();
        let sector = v.sector.as_deref().unwrap_or("no sector");
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
    let _ = writeln!(out, "\nSESSIONS ({})", p.sessions.len());
    for s in &p.sessions {
        let minutes = s.minutes.map(|m| format!(", {m} min")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {} with {}{minutes}",
            s.started_at.format("%Y-%m-%d %H:%M"),
            s.channel.as_str(),
            inert(&s.advisor, false)
        );
        if !s.topics.is_empty() {
            let _ = writeln!(out, "    topics: {}", inert(&s.topics.join(", "), false));
        }
        block(&mut out, &s.notes);
    }
    let _ = writeln!(out, "\nNEXT STEPS ({})", p.next_steps.len());
    for n in &p.next_steps {
        let due = n.due.map(|d| format!(" due {d}")).unwrap_or_default();
        let done = n.done_on.map(|d| format!(", done {d}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} ({}{due}{done})",
            inert(&n.text, false),
            n.owner.as_str()
        );
    }
    let _ = writeln!(out, "\nMILESTONES ({})", p.milestones.len());
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
    let _ = writeln!(out, "\nUNSAVED DRAFTS ({})", p.drafts.len());
    for d in &p.drafts {
        let _ = writeln!(
            out,
            "  by {} since {}",
            inert(&d.advisor, false),
            d.started_at.format("%Y-%m-%d %H:%M")
        );
        block(&mut out, &d.notes);
    }
    let _ = writeln!(out, "\nDELETED, STILL IN THE TRASH ({})", p.trash.len());
    for t in &p.trash {
        let _ = writeln!(
            out,
            "  {} by {}: {}",
            t.deleted_at.format("%Y-%m-%d"),
            inert(&t.by, false),
            inert(&t.item.describe(), false)
        );
    }
    let _ = writeln!(out, "\nAUDIT LOG ({})", p.audit.len());
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
    out
}

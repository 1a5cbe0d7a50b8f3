//! Everything a key can ask for. The names are the ones the `[keys]` table of the config uses,
//! and the line of documentation of each variant is its line in the help overlay.
use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($( #[doc = $doc:literal] $variant:ident => $name:literal, )+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( #[doc = $doc] $variant, )+
        }

        impl Action {
            /// Every action, in the order the help overlay lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)+
                }
            }

            /// One line for the help overlay.
            pub fn describe(self) -> &'static str {
                match self {
                    $(Action::$variant => $doc.trim(),)+
                }
            }
        }
    };
}

actions! {
    /// Show or hide this help
    Help => "help",
    /// Quit at the top level; elsewhere go back
    Quit => "quit",
    /// Go back, cancel, or leave a field
    Back => "back",
    /// Filter the list: type to narrow it, Enter opens the match
    Filter => "filter",
    /// Open the selected item
    Open => "open",
    /// Move up
    MoveUp => "move_up",
    /// Move down
    MoveDown => "move_down",
    /// Move up one page
    PageUp => "page_up",
    /// Move down one page
    PageDown => "page_down",
    /// Go to the first item
    Top => "top",
    /// Go to the last item
    Bottom => "bottom",
    /// Show my clients only, or everyone's
    ToggleMine => "toggle_mine",
    /// Show all clients, or active, paused or closed ones
    CycleStatusFilter => "cycle_status_filter",
    /// Show only clients with a venture in one sector (each press: the next sector, then all)
    CycleSectorFilter => "cycle_sector_filter",
    /// Show only clients with a next step due within a week or overdue
    ToggleDueFilter => "toggle_due_filter",
    /// Sort by name, by last contact (longest ago first) or by next due step
    CycleSort => "cycle_sort",
    /// Clients
    GoClients => "go_clients",
    /// Agenda: overdue, today, this week, dormant clients
    GoAgenda => "go_agenda",
    /// Search all notes and records
    GoSearch => "go_search",
    /// Reports for funders
    GoReports => "go_reports",
    /// The audit log: who did what to which client (leads and admins)
    GoAudit => "go_audit",
    /// Reports: the next period (this year, last year, all time, custom)
    CyclePeriod => "cycle_period",
    /// Ventures tab: add a milestone to the selected venture
    AddMilestone => "add_milestone",
    /// Call mode: a new session for the selected client
    Call => "call",
    /// Save in editors and forms; on Reports, write the report on show to a file
    Save => "save",
    /// Next field
    NextField => "next_field",
    /// Previous field
    PrevField => "prev_field",
    /// Add
    Add => "add",
    /// Edit; on Reports, type a custom period
    Edit => "edit",
    /// Tick off a next step
    Tick => "tick",
    /// Delete to the trash (asks first)
    Delete => "delete",
    /// Undo the last delete
    Undo => "undo",
    /// Write the note in $EDITOR
    ExternalEditor => "external_editor",
    /// Access export: everything held about the client, to files
    PrivacyExport => "privacy_export",
    /// Erase the client for good (type their name to confirm)
    Erase => "erase",
    /// Back up the whole database into the backup folder
    Backup => "backup",
}

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// The names of all actions, for messages that say what is accepted.
    pub fn names() -> String {
        Action::ALL
            .iter()
            .map(|a| a.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde_and_round_trip() {
        for action in Action::ALL {
            let json = serde_json::to_string(action).unwrap();
            assert_eq!(json, format!("\"{}\"", action.name()));
            assert_eq!(Action::from_name(action.name()), Some(*action));
            assert!(!action.describe().is_empty());
            assert_eq!(action.describe(), action.describe().trim());
        }
        assert_eq!(Action::from_name("fly"), None);
    }
}

//! The one place keys become actions: the default keys of PRODUCT.md, with the user's `[keys]`
//! from the config replacing the defaults of each action they name.
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::action::Action;
use super::key::{Key, KeyCode};
use crate::config::{Config, ConfigError};
use crate::i18n::{Both, ConfigText as T};

/// Whether a text field has the keyboard: then printable keys type themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Text,
}

#[derive(Debug, Clone)]
pub struct KeyMap {
    actions: HashMap<Key, Action>,
    keys: BTreeMap<Action, Vec<Key>>,
}

fn defaults() -> Vec<(Action, Vec<Key>)> {
    use KeyCode::*;
    let plain = Key::plain;
    vec![
        (Action::Help, vec![Key::char('?'), plain(F(1))]),
        (Action::Quit, vec![Key::char('q'), Key::ctrl('c')]),
        (Action::Back, vec![plain(Esc)]),
        (Action::Filter, vec![Key::char('/')]),
        (Action::Open, vec![plain(Enter)]),
        (Action::MoveUp, vec![Key::char('k'), plain(Up)]),
        (Action::MoveDown, vec![Key::char('j'), plain(Down)]),
        (Action::PageUp, vec![plain(PageUp)]),
        (Action::PageDown, vec![plain(PageDown)]),
        (Action::Top, vec![Key::char('g'), plain(Home)]),
        (Action::Bottom, vec![Key::char('G'), plain(End)]),
        (Action::ToggleMine, vec![Key::char('m')]),
        (Action::CycleStatusFilter, vec![Key::char('t')]),
        (Action::CycleSectorFilter, vec![Key::char('v')]),
        (Action::ToggleDueFilter, vec![Key::char('f')]),
        (Action::CycleSort, vec![Key::char('s')]),
        (Action::GoClients, vec![Key::char('1')]),
        (Action::GoAgenda, vec![Key::char('2')]),
        (Action::GoSearch, vec![Key::char('3')]),
        (Action::GoReports, vec![Key::char('4')]),
        (Action::GoAudit, vec![Key::char('5')]),
        (Action::CyclePeriod, vec![Key::char('p')]),
        (Action::AddMilestone, vec![Key::char('M')]),
        (Action::Call, vec![Key::char('c')]),
        (Action::Save, vec![Key::ctrl('s')]),
        (Action::NextField, vec![plain(Tab)]),
        (Action::PrevField, vec![plain(BackTab)]),
        (Action::Add, vec![Key::char('a')]),
        (Action::Edit, vec![Key::char('e')]),
        (Action::Tick, vec![Key::char('x')]),
        (Action::Delete, vec![Key::char('d')]),
        (Action::Undo, vec![Key::char('u')]),
        (Action::ExternalEditor, vec![Key::ctrl('e')]),
        (Action::PrivacyExport, vec![Key::char('X')]),
        (Action::Erase, vec![Key::char('E')]),
        (Action::Backup, vec![Key::char('B')]),
    ]
}

impl Default for KeyMap {
    fn default() -> Self {
        let keys: BTreeMap<Action, Vec<Key>> = defaults().into_iter().collect();
        let actions = keys
            .iter()
            .flat_map(|(a, ks)| ks.iter().map(move |k| (*k, *a)))
            .collect();
        KeyMap { actions, keys }
    }
}

impl KeyMap {
    /// The defaults with the config's `[keys]` applied; a wrong action name, a key that is not a
    /// key, or a key bound twice is an error at its line of the config file.
    pub fn from_config(config: &Config) -> Result<KeyMap, ConfigError> {
        let mut keys: BTreeMap<Action, Vec<Key>> = defaults().into_iter().collect();
        let mut overridden: BTreeMap<Action, Vec<(Key, usize)>> = BTreeMap::new();
        for (name, written) in &config.keys {
            let at = format!("keys.{name}");
            let action = Action::from_name(name).ok_or_else(|| {
                invalid(
                    config,
                    &at,
                    Both::of(T::IsUnknownAction, &[("name", name)]),
                    Both::of(T::TakesOneOf, &[("names", &Action::names())]),
                )
            })?;
            let mut parsed = Vec::with_capacity(written.len());
            for (i, text) in written.iter().enumerate() {
                let key = Key::parse(text).ok_or_else(|| {
                    invalid(
                        config,
                        &format!("{at}.{i}"),
                        Both::of(T::IsNotKey, &[("key", &at), ("text", text)]),
                        Both::of(T::TakesKey, &[]),
                    )
                })?;
                parsed.push((key, i));
            }
            keys.insert(action, parsed.iter().map(|(k, _)| *k).collect());
            overridden.insert(action, parsed);
        }
        let mut actions = HashMap::new();
        for (action, bound) in &keys {
            for key in bound {
                if let Some(holder) = actions.insert(*key, *action)
                    && holder != *action
                {
                    return Err(conflict(config, &overridden, *key, holder, *action));
                }
            }
        }
        Ok(KeyMap { actions, keys })
    }

    /// The action of `key`; in a text field printable keys type instead of acting.
    pub fn resolve(&self, mode: Mode, key: Key) -> Option<Action> {
        if mode == Mode::Text && key.printable().is_some() {
            return None;
        }
        self.actions.get(&key).copied()
    }

    /// The keys of `action`, in the order they were given.
    pub fn keys_of(&self, action: Action) -> &[Key] {
        self.keys.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The first key of `action` that acts in `mode`, written out, for hints on screen.
    pub fn hint(&self, mode: Mode, action: Action) -> Option<String> {
        let acts = |key: &&Key| mode == Mode::Normal || key.printable().is_none();
        self.keys_of(action).iter().find(acts).map(Key::to_string)
    }
}

/// Two actions want `key`: the error is at the binding the user wrote (the later one if both).
fn conflict(
    config: &Config,
    overridden: &BTreeMap<Action, Vec<(Key, usize)>>,
    key: Key,
    a: Action,
    b: Action,
) -> ConfigError {
    let written = |action: Action| {
        let index = overridden.get(&action)?.iter().find(|(k, _)| *k == key)?.1;
        let at = format!("keys.{}.{index}", action.name());
        Some((config.line_of(&at).unwrap_or(0), at))
    };
    let (culprit, other, at) = match (written(a), written(b)) {
        (Some((la, at)), Some((lb, _))) if la > lb => (a, b, at),
        (Some((_, at)), None) => (a, b, at),
        (_, Some((_, at))) => (b, a, at),
        (None, None) => (a, b, format!("keys.{}", a.name())),
    };
    let values: [(&str, &dyn std::fmt::Display); 3] = [
        ("action", &culprit.name()),
        ("key", &key),
        ("other", &other.name()),
    ];
    invalid(
        config,
        &at,
        Both::of(T::IsBoundTwice, &values),
        Both::of(T::TakesRebind, &[("other", &other.name())]),
    )
}

fn invalid(config: &Config, dotted: &str, problem: Both, accepted: Both) -> ConfigError {
    let line = config
        .line_of(dotted)
        .or_else(|| config.line_of(dotted.rsplit_once('.').map_or(dotted, |(parent, _)| parent)))
        .or_else(|| config.line_of("keys"))
        .unwrap_or(1);
    ConfigError::Invalid {
        path: config
            .source_path()
            .unwrap_or(Path::new("config"))
            .to_path_buf(),
        line,
        problem,
        accepted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        Config::from_toml(text, Path::new("config.toml")).unwrap()
    }

    fn error(text: &str) -> String {
        KeyMap::from_config(&config(text)).unwrap_err().to_string()
    }

    #[test]
    fn defaults_bind_every_action_once() {
        let map = KeyMap::default();
        for action in Action::ALL {
            assert!(!map.keys_of(*action).is_empty(), "{action:?} has no key");
            for key in map.keys_of(*action) {
                assert_eq!(map.resolve(Mode::Normal, *key), Some(*action), "{key}");
            }
        }
        assert_eq!(map.resolve(Mode::Normal, Key::char('y')), None);
        let from_empty = KeyMap::from_config(&Config::default()).unwrap();
        assert_eq!(from_empty.keys, map.keys);
    }

    #[test]
    fn text_mode_types_printable_keys() {
        let map = KeyMap::default();
        assert_eq!(map.resolve(Mode::Text, Key::char('q')), None);
        assert_eq!(map.resolve(Mode::Text, Key::char('?')), None);
        assert_eq!(
            map.resolve(Mode::Text, Key::plain(KeyCode::Esc)),
            Some(Action::Back)
        );
        assert_eq!(
            map.resolve(Mode::Text, Key::plain(KeyCode::Enter)),
            Some(Action::Open)
        );
        assert_eq!(
            map.resolve(Mode::Text, Key::plain(KeyCode::Tab)),
            Some(Action::NextField)
        );
        assert_eq!(map.resolve(Mode::Text, Key::ctrl('s')), Some(Action::Save));
        assert_eq!(
            map.hint(Mode::Normal, Action::MoveDown).as_deref(),
            Some("j")
        );
        assert_eq!(
            map.hint(Mode::Text, Action::MoveDown).as_deref(),
            Some("down")
        );
    }

    #[test]
    fn overrides_replace_that_actions_defaults() {
        let map = KeyMap::from_config(&config(
            "[keys]\nsave = [\"f2\", \"ctrl-w\"]\nmove_down = [\"n\"]\n",
        ))
        .unwrap();
        assert_eq!(
            map.keys_of(Action::Save),
            [Key::plain(KeyCode::F(2)), Key::ctrl('w')]
        );
        assert_eq!(map.resolve(Mode::Normal, Key::ctrl('s')), None);
        assert_eq!(map.resolve(Mode::Normal, Key::char('j')), None);
        assert_eq!(
            map.resolve(Mode::Normal, Key::char('n')),
            Some(Action::MoveDown)
        );
        assert_eq!(map.resolve(Mode::Normal, Key::plain(KeyCode::Down)), None);
        assert_eq!(
            map.resolve(Mode::Normal, Key::char('k')),
            Some(Action::MoveUp)
        );
    }

    #[test]
    fn swapping_two_keys_is_allowed() {
        let map = KeyMap::from_config(&config("[keys]\nmove_up = [\"j\"]\nmove_down = [\"k\"]\n"))
            .unwrap();
        assert_eq!(
            map.resolve(Mode::Normal, Key::char('j')),
            Some(Action::MoveUp)
        );
        assert_eq!(
            map.resolve(Mode::Normal, Key::char('k')),
            Some(Action::MoveDown)
        );
    }

    #[test]
    fn unknown_action_names_line_and_choices() {
        let message = error("theme = \"dark\"\n[keys]\nsave = [\"ctrl-s\"]\nfly = [\"z\"]\n");
        assert!(
            message.starts_with(
                "config.toml:4: unknown action 'fly' in [keys]; one of help, quit, back"
            ),
            "{message}"
        );
    }

    #[test]
    fn key_map_errors_are_said_in_bokmal() {
        let said = |text: &str| match KeyMap::from_config(&config(text)) {
            Ok(_) => panic!("accepted {text:?}"),
            Err(error) => error.said_in(crate::i18n::Lang::Nb),
        };
        let unknown = said("[keys]\nfly = [\"z\"]\n");
        assert!(
            unknown.starts_with("config.toml:2: ukjent handling 'fly' i [keys]; en av help, quit"),
            "{unknown}"
        );
        let not_a_key = said("[keys]\nsave = [\"hyper-s\"]\n");
        assert!(
            not_a_key.starts_with(
                "config.toml:2: keys.save: \"hyper-s\" er ikke en tast; en tast som \"j\""
            ),
            "{not_a_key}"
        );
        let taken = said("[keys]\nsave = [\"s\"]\n");
        assert!(
            taken.contains("\"s\" er også bundet til") && taken.contains("bind om"),
            "{taken}"
        );
        for message in [unknown, not_a_key, taken] {
            assert!(
                !message.contains("one of") && !message.contains("is not"),
                "{message}"
            );
        }
    }

    #[test]
    fn bad_key_names_its_line_and_what_is_accepted() {
        let message = error("[keys]\nsave = [\n  \"ctrl-s\",\n  \"hyper-s\",\n]\n");
        assert!(
            message
                .starts_with("config.toml:4: keys.save: \"hyper-s\" is not a key; a key such as"),
            "{message}"
        );
    }

    #[test]
    fn a_key_taken_by_another_action_is_refused() {
        let message = error("[keys]\nsave = [\"s\"]\n");
        assert_eq!(
            message,
            "config.toml:2: keys.save: \"s\" is also bound to cycle_sort; a key no other action has, or rebind cycle_sort as well"
        );
        let message = error("[keys]\ntick = [\"z\"]\nadd = [\"n\", \"z\"]\n");
        assert!(
            message.starts_with("config.toml:3: keys.add: \"z\" is also bound to tick;"),
            "the later line is the one to fix: {message}"
        );
    }
}

//! Where veileder keeps its files: the data folder (database, demo database, logs) and the
//! config file, after the XDG rules.
use std::path::PathBuf;

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("no", "veileder", "veileder")
}

/// Where the database, the demo database and the logs live; the current folder without a home.
pub fn data_dir() -> PathBuf {
    project_dirs().map_or_else(|| PathBuf::from("."), |dirs| dirs.data_dir().to_path_buf())
}

pub fn default_database_path() -> PathBuf {
    data_dir().join("veileder.redb")
}

pub fn demo_database_path() -> PathBuf {
    data_dir().join("demo.redb")
}

/// `config.toml` in the user's config folder; `None` when there is no home to find it in.
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("config.toml"))
}

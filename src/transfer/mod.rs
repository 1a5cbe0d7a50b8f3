//! Data in and out: the JSON export document and clients from CSV.
pub mod document;

pub use document::Document;

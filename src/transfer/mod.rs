//! Data in and out: the JSON export document and clients from CSV.
pub mod csv;
pub mod document;
pub mod errors;
pub mod export;
pub mod json;

pub use document::Document;

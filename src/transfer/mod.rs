//! Data in and out: the JSON export document and clients from CSV.
pub mod check;
pub mod csv;
mod csv_row;
pub mod csv_stream;
pub mod document;
pub mod errors;
pub mod export;
pub mod json;
pub mod stream;

pub use document::Document;

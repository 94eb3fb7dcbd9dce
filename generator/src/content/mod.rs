//! Content: files on disk (`load`) → raw front matter (`raw`, through
//! `yaml`) → the validated [`model::Site`] (`validate`).

pub mod load;
pub mod model;
pub mod raw;
pub mod source;
pub mod validate;
pub mod yaml;

pub use load::{load_site, read_tree, ContentTree};
pub use validate::{validate_tree, validate_tree_with, ParseCache};

//! Content: files on disk (`load`) → raw front matter (`raw`, through
//! `yaml`) → the validated [`model::Site`] (`validate`).

pub mod load;
pub mod model;
pub mod raw;
pub mod readability;
pub mod source;
pub mod validate;
pub mod yaml;

pub use load::{ContentTree, OverlayTree, load_site, load_site_with, read_overlay, read_tree};
pub use validate::{ParseCache, validate_tree, validate_tree_with};

//! Content: files on disk → raw front matter → the validated [`model::Site`].

pub mod model;
pub mod raw;
pub mod source;
pub mod validate;
pub mod yaml;

pub use validate::{
    load_site, read_tree, validate_tree, validate_tree_with, ContentTree, ParseCache,
};

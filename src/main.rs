//! The widget binary that Trunk builds for wasm32; natively it does nothing.
//!
//! Its exports (`mount`, `Widget`) live in the library's `embed` module; naming them here links
//! them into the binary, where the loader (`public/commentary-embed.js`) calls them.

#[cfg(target_arch = "wasm32")]
pub use commentary_embed::embed::{mount, Widget};

fn main() {
    #[cfg(target_arch = "wasm32")]
    std::hint::black_box(mount as fn(_, _, _) -> _);
}

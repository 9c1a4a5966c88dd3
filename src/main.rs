fn main() {
    // The app only exists for the browser; natively this binary is empty so
    // that `cargo test` at the root stays fast.
    #[cfg(target_arch = "wasm32")]
    lantern_app::start();
}

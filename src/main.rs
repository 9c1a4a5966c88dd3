fn main() {
    // The app only exists for the browser; natively this binary is empty so
    // that `cargo test` at the root stays fast. The ticket form is in its
    // own bundle (src/bin/ticket.rs): here `/ticket` loads that page.
    #[cfg(target_arch = "wasm32")]
    lantern_app::start(lantern_app::ticket::load_ticket_page);
}

//! The ticket page's bundle (`ticket/index.html`): the whole app, with the
//! ticket form at `/ticket`. The main bundle (`src/main.rs`) leaves the
//! form out, so every other page downloads less; links to the form are
//! full page loads. From here, the other pages stay inside the app, so
//! "Back to the help center" works offline too.

fn main() {
    // Natively empty, like src/main.rs.
    #[cfg(target_arch = "wasm32")]
    lantern_app::start(lantern_app::pages::ticket::page);
}

// scratch: not committed
use lantern_core::config::SiteConfig;
use lantern_core::library::Library;
use lantern_core::SearchOptions;
use std::io::BufRead;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let library = Library::load_with(std::path::Path::new(&dir), false).unwrap();
    let catalog = library.catalog(&SiteConfig::default());
    let opts = SearchOptions {
        limit: 15,
        prefix_last: true,
    };
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        println!("== {line}");
        for h in catalog.index.search(&line, &opts, |_| true) {
            println!("{:8.3} {}", h.score, catalog.articles[h.doc].title);
        }
    }
}

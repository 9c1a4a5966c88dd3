//! Catalog decoding: any bytes as `data/catalog.bin`. What decodes must
//! search and encode again.
#![no_main]

use lantern_core::{Catalog, SearchOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = Catalog::format_of(bytes);
    if let Ok(catalog) = Catalog::from_bytes(bytes.to_vec()) {
        let options = SearchOptions::default();
        for query in ["vpn", "a", "printr offl"] {
            let hits = catalog.index.search(query, &options, |_| true);
            assert!(hits.len() <= options.limit);
        }
        let again = Catalog::from_bytes(catalog.to_bytes()).expect("a decoded catalog encodes");
        assert_eq!(again.articles, catalog.articles);
    }
});

//! Query parsing and search over a small index: any text as what is typed
//! into the box, with every option the app uses; the first byte picks the
//! options and the result limit.
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use lantern_core::search::{
    best_passage, highlight, IndexDoc, SearchIndex, SearchOptions, Section,
};
use libfuzzer_sys::fuzz_target;

const DOCS: &[(&str, &str)] = &[
    (
        "VPN will not connect",
        "Restart the client. Error 0x80070005 on Windows 11.",
    ),
    (
        "Wi-Fi drops",
        "Connect to the VPN again; forget the network.",
    ),
    (
        "Printer shows offline",
        "Check the print queue and the spooler service.",
    ),
    (
        "Outlook keeps asking for password",
        "Sign in with MFA; clear credentials.",
    ),
    (
        "Résumé de café: ñandú",
        "Unicode, emoji 🚀 and C++ / .NET tokens.",
    ),
];

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let docs: Vec<IndexDoc> = DOCS
            .iter()
            .map(|(title, body)| IndexDoc {
                title: (*title).into(),
                body: (*body).into(),
                ..Default::default()
            })
            .collect();
        SearchIndex::build(&docs)
    })
}

fuzz_target!(|input: (u8, &str)| {
    let (flags, query) = input;
    let options = SearchOptions {
        limit: usize::from(flags >> 2),
        prefix_last: flags & 1 != 0,
        correct_typos: flags & 2 != 0,
    };
    let index = index();
    let hits = index.search(query, &options, |doc| doc % 2 == 0);
    assert!(hits.len() <= options.limit);
    let filtered = index.search_with_filter(query, &options, 3, |doc| doc != 1);
    assert!(filtered.all.len() <= 3 && filtered.kept.len() <= options.limit);
    let _ = index.corrected_query(query, options.prefix_last);
    for hit in filtered.all {
        let (title, body) = DOCS[hit.doc];
        let _ = highlight(title, &hit.matched_terms);
        let section = Section {
            heading_id: None,
            heading: title.into(),
            text: body.into(),
        };
        let _ = best_passage(&[section], &hit.matched_terms, usize::from(flags));
    }
    let terms: HashSet<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let _ = highlight(query, &terms);
});

//! `lantern check` on what an author forgot to fill in: the sample text of
//! the `lantern new` template, and an empty `category:` on a site that has
//! categories.

mod common;
use common::{check_lines, project_with, run};

const CONFIG: &str =
    "[site]\nname = \"Help\"\n[[categories]]\nid = \"network\"\nname = \"Network\"\n[[categories]]\nid = \"devices\"\nname = \"Devices\"\n";

/// The warnings `lantern check` prints, without its summary line.
fn warnings(root: &std::path::Path) -> Vec<String> {
    let (code, lines) = check_lines(root);
    assert_eq!(code, 0, "warnings alone pass: {lines:?}");
    lines
}

#[test]
fn an_article_straight_from_lantern_new_is_warned_about_each_sample_sentence() {
    let tmp = project_with(&[("lantern.toml", CONFIG)]);
    let root = tmp.path();
    let (code, _, stderr) = run(root, &["new", "Printer is offline"]);
    assert_eq!(code, 0, "{stderr}");
    let found = warnings(root);
    let at = |line: usize, col: usize, text: &str| {
        format!("articles/printer-is-offline.md:{line}:{col}: warning: the template's sample text is still here (\"{text}\"): replace it with this article's own words")
    };
    assert_eq!(
        found,
        [
            at(3, 1, "One sentence, in the user's words, saying what this article fixes."),
            "articles/printer-is-offline.md:4:1: warning: an empty `category:`: the article will not appear when browsing by topic; set one of network, devices".to_string(),
            at(10, 1, "One or two sentences: who this is for and what they will have fixed at the end."),
            at(14, 3, "What the user sees, including the exact error message (people search for it)."),
            at(18, 1, "Why it happens, in plain words."),
            at(24, 4, "Step one."),
            at(25, 4, "Step two."),
        ]
    );
}

#[test]
fn the_sample_words_inside_an_authors_own_sentence_are_not_flagged() {
    let tmp = project_with(&[
        ("lantern.toml", CONFIG),
        (
            "articles/printer.md",
            "---\ntitle: Printer\nsummary: Turn it off and on.\ncategory: devices\n---\nStep one. Turn the printer off, then on.\n\n1. Step one. Then step two.\n",
        ),
    ]);
    assert_eq!(warnings(tmp.path()), Vec::<String>::new());
}

#[test]
fn a_filled_in_article_from_the_template_passes_once_its_category_is_set() {
    let tmp = project_with(&[("lantern.toml", CONFIG)]);
    let root = tmp.path();
    let (code, _, _) = run(root, &["new", "VPN drops", "--category", "network"]);
    assert_eq!(code, 0);
    let path = root.join("articles/vpn-drops.md");
    let mut text = std::fs::read_to_string(&path).unwrap();
    for (placeholder, own) in [
        (
            "One sentence, in the user's words, saying what this article fixes.",
            "The VPN disconnects every few minutes.",
        ),
        (
            "One or two sentences: who this is for and what they will have fixed at the end.",
            "For remote staff.",
        ),
        (
            "What the user sees, including the exact error message (people search for it).",
            "Error 809.",
        ),
        ("Why it happens, in plain words.", "A stale profile."),
        ("Step one.", "Remove the profile."),
        ("Step two.", "Add it again."),
    ] {
        text = text.replace(placeholder, own);
    }
    std::fs::write(&path, text).unwrap();
    assert_eq!(warnings(root), Vec::<String>::new());
}

#[test]
fn an_empty_category_on_a_site_without_categories_is_fine() {
    let tmp = project_with(&[(
        "articles/a.md",
        "---\ntitle: A\nsummary: Real words.\ncategory:\n---\nBody.\n",
    )]);
    assert_eq!(warnings(tmp.path()), Vec::<String>::new());
}

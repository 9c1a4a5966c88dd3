//! Hostile sizes and shapes (issues 19 and 20): each is refused with a
//! message naming its file and line, or processed, and the good article
//! beside it is still published. How long each takes is measured by
//! `scripts/bench-hostile.py` (docs/benchmarks.md), not here.

use lantern_core::diagnostic::Diagnostic;
use lantern_core::library::{Library, MAX_LINKS};
use lantern_core::render::{render_article, MAX_NESTING};

const GOOD: &str = "---\ntitle: Printer offline\n---\n\nRestart the printer.\n";

fn article(front: &str, body: &str) -> String {
    format!("---\ntitle: Hostile\n{front}---\n\n{body}\n")
}

/// Loads `hostile.md` beside `good.md`; the hostile file's errors.
fn load(text: &str) -> (Library, Vec<Diagnostic>) {
    let library = Library::from_texts([("good.md", GOOD), ("hostile.md", text)]);
    let errors = library
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.path == "hostile.md")
        .cloned()
        .collect();
    (library, errors)
}

/// The hostile article is left out with one error that says `words`, at
/// `line`; the good one is published.
fn assert_refused(text: &str, line: usize, words: &str) {
    let (library, errors) = load(text);
    let slugs: Vec<&str> = library.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["good"], "{:?}", library.diagnostics);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains(words), "{}", errors[0]);
    assert_eq!(errors[0].line, line, "{}", errors[0]);
}

#[test]
fn nested_quotes_past_the_nesting_limit_refuse_the_article_at_their_line() {
    let body = format!("Intro.\n\n{} deep", ">".repeat(MAX_NESTING * 3));
    assert_refused(&article("", &body), 7, "levels deep");
}

#[test]
fn a_nested_list_of_40_kb_is_refused_not_sanitised_for_seconds() {
    // Issue 20's shape: `- ` inside `- ` on one line (19 s to build).
    let body = "- ".repeat(20_000) + "x";
    assert_refused(&article("", &body), 5, "levels deep");
}

#[test]
fn deeply_nested_html_divs_are_refused() {
    let body = "<div>".repeat(MAX_NESTING + 1) + "x";
    assert_refused(&article("", &body), 5, "levels deep");
}

#[test]
fn nesting_a_real_article_has_is_published() {
    let body =
        "> - one\n>   - two\n>     > three *four **five***\n\n<div><div><p>six</p></div></div>\n";
    let (library, errors) = load(&article("", body));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(library.articles.len(), 2);
}

#[test]
fn markdown_nested_past_the_limit_is_never_handed_to_the_sanitiser() {
    // 20k nested quotes took the sanitiser 7.7 s (html5ever rescans the
    // open elements for each new one); whoever renders such a body gets
    // no HTML, at once.
    let rendered = render_article(&">".repeat(20_000), "");
    assert!(rendered.html.is_empty(), "{}", &rendered.html[..80]);
    assert!(rendered.deepest.depth > MAX_NESTING);
}

#[test]
fn more_links_than_the_limit_refuse_the_article_at_the_first_past_it() {
    let body = "[a](#x)\n".repeat(MAX_LINKS + 5);
    assert_refused(&article("", &body), 5 + MAX_LINKS, "links and images");
}

#[test]
fn links_on_one_long_line_each_get_their_own_column() {
    // Counted on from one link to the next, not from the top each time
    // (issue 20: 1 MB of links took `lantern check` 128 s).
    let body = "[a](#x) ".repeat(1_000);
    let mut library = Library::from_texts([("hostile.md", article("", &body).as_str())]);
    library.check(&lantern_core::check::CheckContext {
        articles_dir: None,
        categories: Vec::new(),
        today: "2026-12-03",
        broken_links: lantern_core::diagnostic::Severity::Error,
    });
    let cols: Vec<usize> = library.diagnostics.iter().map(|d| d.col).collect();
    assert_eq!(cols.len(), 1_000);
    assert!(cols.iter().enumerate().all(|(i, &col)| col == 1 + 8 * i));
}

#[test]
fn front_matter_of_thousands_of_unknown_keys_is_refused_whole() {
    // Issue 20 had 39k (389 KB, over 60 s); 2,000 are over the limit too.
    let keys: String = (0..2_000).map(|i| format!("key{i}: v\n")).collect();
    assert_refused(&article(&keys, "Body."), 1, "front matter is");
}

#[test]
fn unknown_keys_within_the_limit_are_each_reported_at_their_line() {
    let keys: String = (0..500).map(|i| format!("key{i}: v\n")).collect();
    let (library, _) = load(&article(&keys, "Body."));
    let lines: Vec<usize> = library
        .diagnostics
        .iter()
        .filter(|d| d.path == "hostile.md" && d.message.contains("unknown front matter field"))
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, (3..503).collect::<Vec<_>>());
}

#[test]
fn yaml_brackets_nested_past_the_limit_are_refused_before_the_yaml_parser() {
    let front = format!("tags: {}\n", "[".repeat(10_000));
    assert_refused(&article(&front, "Body."), 3, "nests lists");
    let closed = format!("tags: {}{}\n", "[".repeat(5_000), "]".repeat(5_000));
    assert_refused(&article(&closed, "Body."), 3, "nests lists");
}

#[test]
fn yaml_brackets_inside_quotes_do_not_count_as_nesting() {
    let front = format!("summary: \"{}\"\ntags: [[a], b]\n", "[".repeat(40));
    let (_, errors) = load(&article(&front, "Body."));
    assert!(
        errors.iter().all(|e| !e.message.contains("nests lists")),
        "{errors:?}"
    );
}

#[test]
fn a_yaml_alias_bomb_is_one_clear_error() {
    let mut front = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..9 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        front.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    assert_refused(&article(&front, "Body."), 4, "aliases");
}

#[test]
fn more_tags_than_the_limit_refuse_the_article_at_the_tags_line() {
    let tags: Vec<String> = (0..50_000).map(|i| format!("tag{i}")).collect();
    let front = format!("summary: s\ntags: [{}]\n", tags.join(", "));
    // 50k tags is over the front matter size limit already; 60 are not.
    assert_refused(&article(&front, "Body."), 1, "front matter is");
    let tags: Vec<String> = (0..60).map(|i| format!("tag{i}")).collect();
    let front = format!("summary: s\ntags: [{}]\n", tags.join(", "));
    assert_refused(&article(&front, "Body."), 4, "`tags` has 60 entries");
}

#[test]
fn more_aliases_than_the_limit_refuse_the_article() {
    let aliases: Vec<String> = (0..60).map(|i| format!("old-{i}")).collect();
    let front = format!("aliases: [{}]\n", aliases.join(", "));
    assert_refused(&article(&front, "Body."), 3, "`aliases` has 60 entries");
}

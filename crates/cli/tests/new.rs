//! `lantern new`: what it tells the author.

mod common;
use common::{project_with, run};

fn project(config: &str) -> tempfile::TempDir {
    project_with(&[("lantern.toml", config)])
}

#[test]
fn new_says_what_to_do_next_and_where_the_article_will_be() {
    let tmp = project("[site]\nname = \"Help\"\nbase_url = \"https://help.example.com/kb/\"\n");
    let (code, stdout, stderr) = run(tmp.path(), &["new", "Printer shows offline"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout, "articles/printer-shows-offline.md\n",
        "only the path, for scripts"
    );
    assert_eq!(
        stderr,
        "created articles/printer-shows-offline.md\n\
         next: open articles/printer-shows-offline.md and replace the template's sample text with the real summary, tags and steps,\n\
         \x20     then run `lantern check` to see what is left to fix.\n\
         once published it will be at https://help.example.com/kb/a/printer-shows-offline/ (the file name is its address: rename the file to change it).\n"
    );
    let tmp = project("[site]\nname = \"Help\"\n");
    let (_, _, stderr) = run(tmp.path(), &["new", "Printer shows offline"]);
    assert!(
        stderr.contains("at /a/printer-shows-offline/ on the site"),
        "{stderr}"
    );
}

#[test]
fn a_title_with_a_newline_is_refused_and_never_written_into_the_front_matter() {
    let tmp = project("[site]\nname = \"Help\"\n");
    for args in [
        ["new", "Printer offline\ncategory: evil"].as_slice(),
        &["new", "Printer offline", "--category", "net\ntags: [x]"],
    ] {
        let (code, stdout, stderr) = run(tmp.path(), args);
        assert_eq!(code, 1, "{stdout}{stderr}");
        assert!(stderr.contains("line break"), "{stderr}");
        assert!(!tmp.path().join("articles").exists(), "nothing written");
    }
}

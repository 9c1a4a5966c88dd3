//! What `lantern check` and `lantern build` print can hold text from
//! articles (front matter, file names). GitHub Actions reads workflow
//! commands (`::error`, `::add-mask::`, `::stop-commands::`) from every line
//! a step prints, on stdout and stderr alike: no article text may start a
//! line of its own (issue 20).

mod common;
use common::{project_with, run};

/// An article whose front matter smuggles a workflow command after a newline.
fn forged() -> tempfile::TempDir {
    project_with(&[
        (
            "lantern.toml",
            "[site]\nname = \"Help\"\n[[categories]]\nid = \"network\"\nname = \"Network\"\n",
        ),
        (
            "articles/forged.md",
            "---\ntitle: Forged\ncategory: \"network\\n::add-mask::x\\r\\n::error file=a.md::forged\"\naliases: [\"Bad Alias\\n::warning::y\"]\n---\nBody.\n",
        ),
    ])
}

fn workflow_commands(output: &str) -> Vec<&str> {
    output
        .lines()
        .flat_map(|l| l.split('\r'))
        .filter(|l| l.trim_start().starts_with("::"))
        .collect()
}

#[test]
fn front_matter_newlines_cannot_forge_a_github_annotation_in_check_format_github() {
    let tmp = forged();
    let (code, stdout, stderr) = run(tmp.path(), &["check", "--format", "github"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let commands = workflow_commands(&stdout);
    assert!(!commands.is_empty(), "{stdout}");
    for line in commands {
        assert!(
            line.starts_with("::error file=articles/forged.md,")
                || line.starts_with("::warning file=articles/forged.md,"),
            "forged: {line}"
        );
    }
    assert_eq!(workflow_commands(&stderr), Vec::<&str>::new());
}

#[test]
fn front_matter_newlines_cannot_forge_a_workflow_command_in_check_or_build_text_output() {
    let tmp = forged();
    let (_, _, check) = run(tmp.path(), &["check"]);
    assert!(check.contains("articles/forged.md:"), "{check}");
    assert_eq!(workflow_commands(&check), Vec::<&str>::new(), "{check}");
    let (_, _, build) = run(
        tmp.path(),
        &["build", "--app", "app", "--out", "site", "--keep-going"],
    );
    assert!(build.contains("articles/forged.md:"), "{build}");
    assert_eq!(workflow_commands(&build), Vec::<&str>::new(), "{build}");
}

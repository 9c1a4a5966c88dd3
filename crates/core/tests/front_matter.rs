use lantern_core::diagnostic::Severity;
use lantern_core::front_matter::parse_article;

const VALID: &str = "---\ntitle: \"VPN will not connect\"\nsummary: Fix error 809.\ncategory: network\ntags: [vpn, remote]\naliases: [vpn-not-working]\nupdated: 2026-10-01\nreview_by: 2027-04-01\n---\nIntro.\n\n## Steps\n";

#[test]
fn valid_front_matter_is_read_field_by_field() {
    let parsed = parse_article("a.md", VALID).unwrap();
    assert_eq!(parsed.front.title, "VPN will not connect");
    assert_eq!(parsed.front.summary, "Fix error 809.");
    assert_eq!(parsed.front.category, "network");
    assert_eq!(parsed.front.tags, ["vpn", "remote"]);
    assert_eq!(parsed.front.aliases, ["vpn-not-working"]);
    assert_eq!(parsed.front.updated.as_deref(), Some("2026-10-01"));
    assert_eq!(parsed.front.review_by.as_deref(), Some("2027-04-01"));
    assert_eq!(parsed.body_line, 10);
    assert!(parsed.body.starts_with("Intro."));
    assert!(parsed.warnings.is_empty());
}

#[test]
fn missing_title_is_an_error_on_line_one() {
    let errors = parse_article("a.md", "---\nsummary: x\n---\nBody\n").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "a.md:1:1: error: missing `title:` in front matter"
    );
}

#[test]
fn empty_title_points_at_its_line() {
    let errors = parse_article("a.md", "---\nsummary: x\ntitle: \"  \"\n---\nBody\n").unwrap_err();
    assert_eq!(errors[0].line, 3);
}

#[test]
fn bad_yaml_names_the_line_in_the_file() {
    let text = "---\ntitle: ok\ntags: [vpn, wifi\nsummary: x\n---\nBody\n";
    let errors = parse_article("bad.md", text).unwrap_err();
    assert_eq!(errors.len(), 1);
    let e = &errors[0];
    assert_eq!(e.severity, Severity::Error);
    assert!(
        e.message.starts_with("invalid YAML in front matter"),
        "{}",
        e.message
    );
    assert_eq!((e.line, e.col), (3, 7), "points at the unclosed `[`");
    assert!(
        e.message
            .ends_with("(in the flow sequence that starts here)"),
        "{}",
        e.message
    );
}

#[test]
fn unknown_fields_are_warnings_with_their_line() {
    let text = "---\ntitle: T\nauthor: Sam\n---\nBody\n";
    let parsed = parse_article("a.md", text).unwrap();
    assert_eq!(parsed.warnings.len(), 1);
    let w = &parsed.warnings[0];
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(w.line, 3);
    assert!(w.message.contains("`author`"));
}

#[test]
fn byte_order_mark_is_ignored() {
    let parsed = parse_article("a.md", &format!("\u{feff}{VALID}")).unwrap();
    assert_eq!(parsed.front.title, "VPN will not connect");
}

#[test]
fn crlf_line_endings_parse_like_lf() {
    let parsed = parse_article("a.md", &VALID.replace('\n', "\r\n")).unwrap();
    assert_eq!(parsed.front.title, "VPN will not connect");
    assert_eq!(parsed.body_line, 10);
    assert!(!parsed.body.contains('\r'));
}

#[test]
fn no_front_matter_is_an_error() {
    let errors = parse_article("a.md", "# Just markdown\n").unwrap_err();
    assert!(errors[0].message.starts_with("missing front matter"));
    let errors = parse_article("a.md", "---\ntitle: x\n").unwrap_err();
    assert!(errors[0].message.contains("not closed"));
}

#[test]
fn invalid_dates_and_aliases_are_errors_on_their_lines() {
    let text = "---\ntitle: T\nupdated: 2026-02-30\naliases: [Old Name]\n---\nBody\n";
    let errors = parse_article("a.md", text).unwrap_err();
    let lines: Vec<_> = errors.iter().map(|e| (e.line, e.message.clone())).collect();
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 3 && m.contains("February 2026 has 28 days")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|(l, m)| *l == 4 && m.contains("`old-name`")),
        "{lines:?}"
    );
}

#[test]
fn empty_body_is_an_error() {
    let errors = parse_article("a.md", "---\ntitle: T\n---\n\n  \n").unwrap_err();
    assert!(errors[0].message.contains("no body"));
    assert_eq!(errors[0].line, 4);
}

#[test]
fn comma_separated_tags_are_accepted() {
    let parsed = parse_article("a.md", "---\ntitle: T\ntags: vpn, wifi\n---\nBody\n").unwrap();
    assert_eq!(parsed.front.tags, ["vpn", "wifi"]);
}

/// (line, severity, message) of every problem `parse_article` reports.
fn problems(text: &str) -> Vec<(usize, Severity, String)> {
    let diagnostics = match parse_article("a.md", text) {
        Ok(parsed) => parsed.warnings,
        Err(all) => all,
    };
    diagnostics
        .into_iter()
        .map(|d| (d.line, d.severity, d.message))
        .collect()
}

#[test]
fn every_front_matter_problem_of_a_file_is_reported_in_one_run_each_on_its_line() {
    let text = "---\ntitle: Outlook: search is broken\ntags: printer\nowner: sam\nupdated: 2026-02-30\nreview_by: 2027-13-01\naliases: [Old Name]\n---\nBody\n";
    let lines: Vec<(usize, Severity)> = problems(text).iter().map(|p| (p.0, p.1)).collect();
    use Severity::{Error, Warning};
    assert_eq!(
        lines,
        [
            (2, Error),
            (3, Warning),
            (4, Warning),
            (5, Error),
            (6, Error),
            (7, Error)
        ],
        "{:#?}",
        problems(text)
    );
}

#[test]
fn tags_or_aliases_written_as_text_get_a_warning_saying_to_write_a_list() {
    let parsed = parse_article(
        "a.md",
        "---\ntitle: T\ntags: printer\naliases: old-printer\n---\nBody\n",
    )
    .unwrap();
    assert_eq!(parsed.front.tags, ["printer"]);
    assert_eq!(parsed.front.aliases, ["old-printer"]);
    let warnings: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "a.md:3:1: warning: `tags` is text, not a list: write a list: tags: [printer]",
            "a.md:4:1: warning: `aliases` is text, not a list: write a list: aliases: [old-printer]",
        ]
    );
    let parsed = parse_article("a.md", "---\ntitle: T\ntags: vpn, wifi\n---\nBody\n").unwrap();
    assert!(parsed.warnings[0]
        .message
        .ends_with("write a list: tags: [vpn, wifi]"));
}

#[test]
fn a_front_matter_key_written_twice_is_an_error_naming_both_lines() {
    let text = "---\ntitle: Printer offline\nsummary: One.\ntitle: Printer is offline\nupdated: 2026-02-30\n---\nBody\n";
    let found = problems(text);
    assert_eq!(
        found[0],
        (
            4,
            Severity::Error,
            "`title` is set twice, on lines 2 and 4: keep one of them".to_string()
        ),
        "{found:#?}"
    );
    // The other fields are still checked.
    assert!(found.iter().any(|p| p.0 == 5), "{found:#?}");
}

#[test]
fn a_date_that_does_not_exist_says_so_instead_of_asking_for_yyyy_mm_dd() {
    let found = problems("---\ntitle: T\nupdated: 2026-02-30\nreview_by: 2028-02-30\n---\nBody\n");
    let messages: Vec<&str> = found.iter().map(|p| p.2.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`updated: 2026-02-30` is not a date that exists: February 2026 has 28 days",
            "`review_by: 2028-02-30` is not a date that exists: February 2028 has 29 days",
        ]
    );
    let found = problems("---\ntitle: T\nupdated: 2026-13-01\nreview_by: 2026-04-00\n---\nBody\n");
    assert!(found[0].2.contains("there is no month 13"), "{found:?}");
    assert!(found[1].2.contains("days start at 01"), "{found:?}");
    let found = problems("---\ntitle: T\nupdated: 1 March 2026\n---\nBody\n");
    assert!(found[0].2.contains("YYYY-MM-DD"), "{found:?}");
    assert!(lantern_core::front_matter::is_iso_date("2028-02-29"));
}

/// The message of the only YAML error in `text`, and its line and column.
fn yaml_error(text: &str) -> (usize, usize, String) {
    let errors = parse_article("a.md", text).unwrap_err();
    let yaml: Vec<_> = errors
        .iter()
        .filter(|e| e.message.starts_with("invalid YAML"))
        .collect();
    assert_eq!(yaml.len(), 1, "{errors:#?}");
    (yaml[0].line, yaml[0].col, yaml[0].message.clone())
}

#[test]
fn yaml_errors_authors_make_come_with_the_plain_fix_and_keep_their_position() {
    let (line, _, message) = yaml_error("---\ntitle: Outlook: search is broken\n---\nBody\n");
    assert_eq!(line, 2);
    assert_eq!(message, "invalid YAML in front matter: the title has a colon followed by a space, which YAML reads as the start of another field: put the title in double quotes: title: \"Outlook: search is broken\". The parser says: mapping values are not allowed in this context");

    let (line, col, message) = yaml_error("---\ntitle: T\n\tsummary: x\n---\nBody\n");
    assert_eq!((line, col), (3, 1));
    assert!(message.contains("replace the tab with spaces"), "{message}");

    let (line, col, message) = yaml_error("---\ntitle: \"Printer offline\nsummary: x\n---\nBody\n");
    assert_eq!((line, col), (2, 8), "points at the opening quote");
    assert!(
        message.contains("end the title with a matching \" on the same line"),
        "{message}"
    );

    let (line, col, message) = yaml_error("---\ntitle: T\ntags: [vpn, wifi\n---\nBody\n");
    assert_eq!((line, col), (3, 7));
    assert!(
        message.contains("end it with `]` on the same line, like `tags: [vpn, wifi]`"),
        "{message}"
    );

    let (_, _, message) = yaml_error("---\ntitle: [Draft] Printer offline\n---\nBody\n");
    assert!(
        message.contains("put the title in double quotes: title: \"[Draft] Printer offline\""),
        "{message}"
    );

    let (_, _, message) = yaml_error("---\ntitle: @home printing\n---\nBody\n");
    assert!(
        message.contains("a value cannot start with `@`"),
        "{message}"
    );

    let (_, _, message) = yaml_error("---\ntitle: 'Can't print'\n---\nBody\n");
    assert!(message.contains("title: \"Can't print\""), "{message}");

    let (line, _, message) = yaml_error("---\ntitle: T\n  summary: x\n---\nBody\n");
    assert_eq!(line, 3);
    assert!(
        message.contains("start each field at the beginning of its line"),
        "{message}"
    );
}

#[test]
fn a_title_that_yaml_cannot_read_is_not_also_reported_missing() {
    let found = problems("---\ntitle: Outlook: search is broken\n---\nBody\n");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_field_without_a_space_after_its_colon_says_to_add_one() {
    let found = problems("---\ntitle: T\nsummary:Fix it.\n---\nBody\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, 3);
    assert!(
        found[0]
            .2
            .contains("put a space after the colon: summary: Fix it."),
        "{found:?}"
    );
}

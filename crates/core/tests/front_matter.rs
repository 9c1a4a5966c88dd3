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
            .any(|(l, m)| *l == 3 && m.contains("YYYY-MM-DD")),
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

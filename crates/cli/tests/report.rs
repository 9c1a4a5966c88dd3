//! `lantern report`: the month's service report from a receiver's files.
//!
//! The golden month is tests/report/ (made by make-fixture.py there, which
//! says what each kind of visit does). Its right answers, worked out by
//! hand from those visits:
//! - sessions A 40 + B 20 + C 10 + D 15 + E 5 + F 6 = 96; searches 91 (E
//!   did not search); views A 40 + B 20 + E 5 = 65; tickets B 20 + C 10 =
//!   30 (B's one failed attempt is not a second ticket).
//! - helped: A 40 + E 5 = 45 of 96 seeking; confirmed: E 5.
//! - votes: 40 yes (A; five changed a "No" to "Yes": the last vote counts),
//!   20 no (B, "steps"); searches with results A 40 + B 20 + D 15 = 75, of
//!   which A and B clicked: 60; zero results C 10 + F 6 = 16.
//! - the top gap: "teams recording", 16, typed two ways.
//! - comments: B00 to B03 wrote one with their "No" on Outlook (B00 on
//!   1 November, B03 on the 4th); the three latest are shown, newest
//!   first, so B00's is not, and B01's email address (its client did not
//!   redact it) is `[email]` in every file.
//! - events: A 165 + B 101 + C 20 + D 15 + E 10 + F 6 = 317, and 332 lines
//!   with 12 sent twice, one cut (line 213), one of October, one of
//!   schema version 2.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/report")
}

/// Runs the report of the golden month into a new folder.
fn golden(extra: &[&str]) -> (tempfile::TempDir, Value) {
    let out = tempfile::tempdir().unwrap();
    let dir = fixture();
    let mut args = vec![
        "report",
        "--month",
        "2026-11",
        "--events",
        "events-2026-11.jsonl",
        "--tickets",
        "tickets-2026-11.jsonl",
        "--articles",
        "articles",
        "--config",
        "lantern.toml",
        "--out",
    ];
    let out_arg = out.path().to_str().unwrap().to_string();
    args.push(&out_arg);
    args.extend_from_slice(extra);
    let (code, _, stderr) = common::run(&dir, &args);
    assert_eq!(code, 0, "{stderr}");
    let json = std::fs::read_to_string(out.path().join("report.json")).unwrap();
    (out, serde_json::from_str(&json).unwrap())
}

#[test]
fn the_golden_month_gives_the_numbers_worked_out_by_hand() {
    let (_out, r) = golden(&["--previous", "events-2026-10.jsonl"]);
    let h = &r["headline"];
    assert_eq!(h["sessions"]["this_month"], 96);
    assert_eq!(h["searches"]["this_month"], 91);
    assert_eq!(h["views"]["this_month"], 65);
    assert_eq!(h["tickets"]["this_month"], 30);
    assert_eq!(h["self_service_score"], 3.2);
    let d = &r["deflection"];
    assert_eq!(
        (
            d["helped"].as_u64(),
            d["seeking"].as_u64(),
            d["confirmed"].as_u64()
        ),
        (Some(45), Some(96), Some(5))
    );
    assert_eq!(d["rate"], 45.0 / 96.0);
    let s = &r["success"];
    assert_eq!(
        (s["helpful_yes"].as_u64(), s["helpful_no"].as_u64()),
        (Some(40), Some(20))
    );
    assert_eq!(
        (
            s["searches_with_results"].as_u64(),
            s["searches_clicked"].as_u64()
        ),
        (Some(75), Some(60))
    );
    assert_eq!(s["zero_result_searches"], 16);
    assert_eq!(s["zero_result_rate"], 16.0 / 91.0);
    assert_eq!(s["results_no_click"], 15);
    let top = &r["gaps"]["zero_result"][0];
    assert_eq!(top["folded"], "teams recording");
    assert_eq!(top["count"], 16);
    assert_eq!(
        top["variants"],
        serde_json::json!(["Teams recording", "teams recording"])
    );
    let least = &r["articles"]["least_helpful"];
    assert_eq!(
        least.as_array().unwrap().len(),
        1,
        "an article nobody said No to is not among the least helpful"
    );
    assert_eq!(least[0]["slug"], "outlook-keeps-asking-for-password");
    assert_eq!(least[0]["reasons"][0]["reason"], "The steps did not work");
    assert_eq!(
        least[0]["comments"],
        serde_json::json!([
            "it asks again after every restart",
            "the <b>screenshots</b> are of Outlook 2016",
            "still asks, write to [email]"
        ])
    );
    assert_eq!(r["articles"]["before_tickets"][0]["count"], 20);
    let q = &r["quality"];
    assert_eq!(
        (
            q["lines"].as_u64(),
            q["events"].as_u64(),
            q["duplicates"].as_u64()
        ),
        (Some(332), Some(317), Some(12))
    );
    assert_eq!(
        (q["outside_month"].as_u64(), q["unknown_version"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(q["malformed_count"], 1);
    assert_eq!(q["malformed"][0]["line"], 213);
    assert_eq!(q["tickets_read"], 10);
}

#[test]
fn the_previous_month_gives_the_changes_since() {
    let (_out, r) = golden(&["--previous", "events-2026-10.jsonl"]);
    // October: 40 + 10 sessions, 40 searches, 40 + 20 views, 10 tickets; Outlook 8 of 10 helpful.
    let h = &r["headline"];
    assert_eq!(
        (
            h["sessions"]["previous"].as_u64(),
            h["views"]["previous"].as_u64()
        ),
        (Some(50), Some(60))
    );
    assert_eq!(h["previous_self_service_score"], 5.0);
    let fell = &r["articles"]["fell"][0];
    assert_eq!(
        (fell["previous_rate"].as_f64(), fell["rate"].as_f64()),
        (Some(0.8), Some(0.0))
    );
    let (_out, alone) = golden(&[]);
    assert_eq!(alone["headline"]["sessions"]["previous"], Value::Null);
    assert_eq!(alone["articles"]["fell"], serde_json::json!([]));
}

#[test]
fn the_report_json_is_the_golden_file() {
    let (_out, r) = golden(&["--previous", "events-2026-10.jsonl"]);
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture().join("expected.json")).unwrap())
            .unwrap();
    assert_eq!(r, expected, "report.json changed: if on purpose, check every number, then update tests/report/expected.json");
}

#[test]
fn tickets_name_their_category_and_nobody_who_sent_them() {
    let (out, r) = golden(&[]);
    let categories: Vec<&str> = r["gaps"]["before_tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["category"].as_str().unwrap())
        .collect();
    // "email" is named by lantern.toml, "meetings" only by the tickets.
    assert_eq!(categories, ["Email & calendar", "Meetings & video"]);
    for file in std::fs::read_dir(out.path()).unwrap() {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        assert!(!text.contains("someone@example.com") && !text.contains("Where are recordings"));
    }
}

#[test]
fn every_output_is_written_and_content_health_reads_the_articles() {
    let (out, r) = golden(&[]);
    for name in [
        "report.html",
        "report.md",
        "report.json",
        "daily.csv",
        "zero-result-searches.csv",
    ] {
        assert!(out.path().join(name).is_file(), "{name}");
    }
    let daily = std::fs::read_to_string(out.path().join("daily.csv")).unwrap();
    assert_eq!(
        daily.lines().count(),
        31,
        "a header and each of November's 30 days"
    );
    let health = &r["health"];
    assert_eq!(
        health["review_overdue"][0]["slug"],
        "vpn-keeps-disconnecting"
    );
    assert_eq!(health["stale"][0]["date"], "2025-06-01");
    assert_eq!(health["no_views"][0]["slug"], "wifi-keeps-dropping");
    assert_eq!(health["most_viewed"][0]["count"], 40);
}

#[test]
fn the_latest_comments_on_the_least_helpful_articles_are_in_every_report_as_text() {
    let (out, _) = golden(&[]);
    let read = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
    let html = read("report.html");
    assert!(
        html.contains("<q>the &lt;b&gt;screenshots&lt;/b&gt; are of Outlook 2016</q>"),
        "{html}"
    );
    assert!(!html.contains("<b>screenshots"));
    let md = read("report.md");
    assert!(md.contains("“it asks again after every restart” · “the \\<b>screenshots\\</b> are of Outlook 2016” · “still asks, write to [email]”"), "{md}");
    for text in [html, md, read("report.json")] {
        assert!(!text.contains("Step 3 has no Apply") && !text.contains("jane.doe"));
    }
}

#[test]
fn a_wrong_month_says_how_to_write_it() {
    let (code, _, stderr) = common::run(
        &fixture(),
        &[
            "report",
            "--month",
            "11/2026",
            "--events",
            "events-2026-11.jsonl",
        ],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("give the month as YYYY-MM"), "{stderr}");
}

#[test]
fn a_missing_events_file_is_named() {
    let (code, _, stderr) = common::run(
        &fixture(),
        &[
            "report",
            "--month",
            "2026-11",
            "--events",
            "nowhere.jsonl",
            "--articles",
            "articles",
        ],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read nowhere.jsonl"), "{stderr}");
}

#[test]
fn a_query_a_client_did_not_redact_is_redacted_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let event = r#"{"schema_version":1,"id":"x1","session":"s","at":"2026-11-02T08:00:00Z","type":"search","query":"locked out jane.doe@acme.com C:\\Users\\jane","results":0}"#;
    common::write(dir.path(), "events.jsonl", format!("{event}\n"));
    let articles = fixture().join("articles");
    let (code, _, stderr) = common::run(
        dir.path(),
        &[
            "report",
            "--month",
            "2026-11",
            "--events",
            "events.jsonl",
            "--articles",
            articles.to_str().unwrap(),
            "--out",
            "out",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    for name in [
        "report.md",
        "report.json",
        "report.html",
        "zero-result-searches.csv",
    ] {
        let text = std::fs::read_to_string(dir.path().join("out").join(name)).unwrap();
        assert!(!text.contains("jane"), "{name}: {text}");
        if name != "report.html" {
            assert!(text.contains("locked out [email] [path]"), "{name}: {text}");
        }
    }
}

//! `lantern search`: ranked results for an author, and the batch mode an
//! evaluation drives (one query line in, one JSON line of paths out).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command as Process, Output, Stdio};

use assert_cmd::Command;

mod common;
use common::write;

fn article(title: &str, summary: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\nsummary: \"{summary}\"\n---\n{body}\n")
}

/// A small folder of articles, some in subfolders, one broken.
fn articles() -> tempfile::TempDir {
    let tmp = good_articles();
    write(
        tmp.path(),
        "broken.md",
        "---\ntitle: [unclosed\n---\nBody.\n",
    );
    tmp
}

/// Three articles, some in subfolders, that all load without a warning.
fn good_articles() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(
        dir,
        "outlook/password-prompt.md",
        article(
            "Outlook keeps asking for a password",
            "Outlook prompts for credentials again and again.",
            "Clear the saved credentials in Credential Manager.\n\n## Steps\n\n1. Open Credential Manager.",
        ),
    );
    write(
        dir,
        "network/vpn-drops.md",
        article(
            "VPN disconnects every few minutes",
            "The VPN tunnel drops when the laptop sleeps.",
            "Turn off power saving for the network adapter.",
        ),
    );
    write(
        dir,
        "printer-offline.md",
        article(
            "Printer shows as offline",
            "Windows says the printer is offline although it is on.",
            "Restart the print spooler. Error 0x00000709 means the default printer is locked.",
        ),
    );
    tmp
}

fn lantern() -> Command {
    Command::cargo_bin("lantern").unwrap()
}

/// `lantern search [flags] --articles DIR QUERY`, for one query.
fn search_once(dir: &Path, flags: &[&str], query: &str) -> std::process::Output {
    lantern()
        .arg("search")
        .args(flags)
        .arg("--articles")
        .arg(dir)
        .arg(query)
        .output()
        .unwrap()
}

/// The batch answers to `input`, one parsed JSON array per line.
fn batch(dir: &Path, input: &[u8]) -> (Vec<Vec<String>>, String) {
    let output = lantern()
        .arg("search")
        .arg("--articles")
        .arg(dir)
        .write_stdin(input.to_vec())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let answers = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?}: {e}")))
        .collect();
    (answers, String::from_utf8(output.stderr).unwrap())
}

#[test]
fn batch_answers_every_line_with_paths_relative_to_the_folder() {
    let tmp = articles();
    let (answers, stderr) = batch(
        tmp.path(),
        b"outlok keeps askin pasword\r\nvpn disconn\n\n   \n\xF0\x9F\x98\x80\n\xE6\xBC\xA2\xE5\xAD\x97\n0x00000709\nprinter\n",
    );
    assert_eq!(answers.len(), 8, "one answer per line: {answers:?}");
    assert_eq!(answers[0][0], "outlook/password-prompt.md");
    assert_eq!(answers[1][0], "network/vpn-drops.md");
    assert!(
        answers[2].is_empty() && answers[3].is_empty(),
        "empty queries"
    );
    assert!(
        answers[4].is_empty() && answers[5].is_empty(),
        "emoji and CJK match nothing here"
    );
    assert_eq!(answers[6], ["printer-offline.md"]);
    assert_eq!(answers[7][0], "printer-offline.md");
    // The broken article is skipped with a warning naming it, not fatal.
    assert!(
        stderr.contains("warning: skipped:") && stderr.contains("broken.md:"),
        "{stderr}"
    );
}

#[test]
fn batch_gives_at_most_ten_paths_best_first() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..15 {
        let extra = if i == 7 { " mapped drive" } else { "" };
        write(
            tmp.path(),
            &format!("share-{i:02}.md"),
            article(
                &format!("File share {i}{extra}"),
                "A file share on the network.",
                "Open the file share.",
            ),
        );
    }
    let (answers, _) = batch(tmp.path(), b"file share\nmapped drive share\n");
    assert_eq!(answers[0].len(), 10);
    assert_eq!(answers[1][0], "share-07.md");
}

#[test]
fn batch_line_that_is_not_utf8_still_gets_its_answer() {
    let tmp = articles();
    let (answers, _) = batch(tmp.path(), b"\xFF\xFE printer\nvpn\n");
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0][0], "printer-offline.md");
    assert_eq!(answers[1][0], "network/vpn-drops.md");
}

#[test]
fn batch_line_longer_than_the_limit_is_cut_and_still_answered_once() {
    // Issue 20: a 50 MB line was read whole (49 s, 2 GB). Now only its
    // first KB is the query: "printer" past it is not searched, and the
    // line still gets exactly one answer.
    let tmp = articles();
    let mut input = "zz ".repeat(200_000).into_bytes();
    input.extend_from_slice(b"printer\nvpn\n");
    let (answers, _) = batch(tmp.path(), &input);
    assert_eq!(answers.len(), 2, "{answers:?}");
    assert!(answers[0].is_empty(), "{answers:?}");
    assert_eq!(answers[1][0], "network/vpn-drops.md");
}

/// `lantern search --articles DIR ARGS`, running, with stdin and stderr
/// piped and `stdout` as given.
fn spawn_search(dir: &Path, args: &[&str], stdout: Stdio) -> Child {
    Process::new(env!("CARGO_BIN_EXE_lantern"))
        .arg("search")
        .arg("--articles")
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A driving process writes a query and waits for its answer before the
/// next: each answer must be flushed as soon as it is written.
#[test]
fn batch_answers_each_line_before_the_next_is_sent() {
    let tmp = articles();
    let mut child = spawn_search(tmp.path(), &[], Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for (query, first) in [
        ("printer offline", "printer-offline.md"),
        ("outlook password", "outlook/password-prompt.md"),
    ] {
        writeln!(stdin, "{query}").unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let paths: Vec<String> = serde_json::from_str(&line).unwrap();
        assert_eq!(paths[0], first);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success(), "exits when stdin closes");
}

/// Regression: two files with one name in different folders share a slug;
/// publishing refuses that, but searching left the second file out, so an
/// evaluation over the shared corpus could never find 7 of its articles.
#[test]
fn articles_sharing_a_slug_are_both_searched() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "windows-client/overview.md",
        article(
            "Active Directory overview",
            "For Windows clients.",
            "Client topics.",
        ),
    );
    write(
        tmp.path(),
        "windows-server/overview.md",
        article(
            "Active Directory overview",
            "For Windows Server.",
            "Server topics.",
        ),
    );
    let (answers, _) = batch(tmp.path(), b"active directory overview\n");
    let mut found = answers[0].clone();
    found.sort();
    assert_eq!(
        found,
        ["windows-client/overview.md", "windows-server/overview.md"]
    );
}

#[test]
fn a_query_prints_ranked_results_with_path_and_highlighted_summary() {
    let tmp = articles();
    let output = search_once(tmp.path(), &[], "vpn disconnects");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let first = stdout.lines().next().unwrap();
    assert!(
        first.starts_with(" 1. VPN disconnects every few minutes"),
        "{stdout}"
    );
    assert!(stdout.contains("network/vpn-drops.md"), "{stdout}");
    assert!(stdout.contains("The [VPN] tunnel drops"), "{stdout}");
}

#[test]
fn a_query_with_json_prints_path_title_score_and_whether_partial() {
    let tmp = articles();
    let output = search_once(tmp.path(), &["--json"], "printer");
    assert!(output.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rows[0]["path"], "printer-offline.md");
    assert_eq!(rows[0]["title"], "Printer shows as offline");
    assert!(rows[0]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(rows[0]["partial"], false);
}

#[test]
fn a_query_that_matches_nothing_says_so() {
    let tmp = articles();
    let output = search_once(tmp.path(), &[], "zzqx");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().trim(),
        "no articles match \"zzqx\""
    );
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let output = search_once(Path::new("/nonexistent/articles"), &[], "vpn");
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("cannot read /nonexistent/articles"),
        "{stderr}"
    );
}

/// `lantern search --articles DIR ARGS` with `input` on stdin and stdout a
/// pipe whose read end was closed before the command started, as when the
/// reader (`| head -1`) has already gone.
#[cfg(unix)]
fn search_into_closed_pipe(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let (reader, writer) = rustix::pipe::pipe().unwrap();
    drop(reader);
    let mut child = spawn_search(dir, args, Stdio::from(writer));
    // Small enough for the pipe's buffer; the command may be gone already.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

/// Exit 0 and nothing on stderr: what `head` closing the pipe must give.
fn assert_quiet_success(output: &Output) {
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{output:?}");
}

/// Regression: batch mode exited 1 with `lantern: Broken pipe (os error
/// 32)` when its reader closed the pipe, while a single query stopped
/// quietly. A closed stdout is a quiet, successful end in every mode.
#[cfg(unix)]
#[test]
fn closed_stdout_ends_batch_mode_quietly() {
    let tmp = good_articles();
    let output = search_into_closed_pipe(tmp.path(), &[], &b"printer\nvpn\n".repeat(100));
    assert_quiet_success(&output);
}

/// Regression (closed stdout): `--json` printed with `println!`, which
/// panics (exit 101) when stdout is closed.
#[cfg(unix)]
#[test]
fn closed_stdout_ends_a_json_query_quietly() {
    let tmp = good_articles();
    for query in ["printer", "zzqx"] {
        assert_quiet_success(&search_into_closed_pipe(
            tmp.path(),
            &["--json", query],
            b"",
        ));
    }
}

#[cfg(unix)]
#[test]
fn closed_stdout_ends_a_ranked_query_quietly() {
    let tmp = good_articles();
    for query in ["printer", "zzqx"] {
        assert_quiet_success(&search_into_closed_pipe(tmp.path(), &[query], b""));
    }
}

/// `lantern search < queries | head -1` (batch mode): the first answer arrives,
/// then the reader goes and the rest of the queries end the command quietly.
#[test]
fn closed_stdout_after_the_first_batch_answer_ends_batch_mode_quietly() {
    let tmp = good_articles();
    let mut child = spawn_search(tmp.path(), &[], Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "printer").unwrap();
    let mut first = [0; 4];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    assert_eq!(&first, b"[\"pr");
    let _ = stdin.write_all(&b"vpn\n".repeat(100));
    drop(stdin);
    assert_quiet_success(&child.wait_with_output().unwrap());
}

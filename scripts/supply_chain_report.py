#!/usr/bin/env python3
"""Reads one audit report (cargo audit --json or npm audit --json) on stdin
and says, on one line, whether it was checked and what it found; the
advisories the allow-list names are reported as allowed, with their reason.

Usage: supply_chain_report.py cargo|npm ALLOW_LIST LABEL [STDERR_FILE] < report.json
Exit: 0 checked and clean, 1 known vulnerabilities not allowed (or the
audit failed for another reason), 3 not checked: the advisory database
could not be reached.
"""
import json
import re
import sys

ID = re.compile(r"^(RUSTSEC-\d{4}-\d{4}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$")


def allow_list(path):
    allowed, problems = {}, []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        ident, _, reason = line.partition(" ")
        if not ID.match(ident):
            problems.append(f"{path}:{number}: {ident!r} is not a RUSTSEC or GHSA id")
        elif not reason.strip():
            problems.append(f"{path}:{number}: {ident} has no reason: say why it is safe")
        else:
            allowed[ident] = reason.strip()
    return allowed, problems


def cargo_findings(report):
    """(id, what) for each vulnerability; None when nothing was checked."""
    if "vulnerabilities" not in report:
        return None
    return [
        (v["advisory"]["id"],
         f'{v["package"]["name"]} {v["package"]["version"]}: {v["advisory"]["title"]}')
        for v in report["vulnerabilities"].get("list", [])
    ]


def npm_findings(report):
    if "vulnerabilities" not in report or "error" in report:
        return None
    found = []
    for name, vuln in report["vulnerabilities"].items():
        for via in vuln.get("via", []):
            if isinstance(via, dict):  # a string names another package of the list
                ident = via.get("url", "").rsplit("/", 1)[-1] or str(via.get("source"))
                found.append((ident, f'{name} {via.get("range", "")}: {via.get("title", "")}'))
    return found


# What the tools say when the database, not the project, is the problem.
UNREACHABLE = re.compile(
    r"fetch advisory database|audit endpoint|ENOTFOUND|ETIMEDOUT|ECONNREFUSED|"
    r"ECONNRESET|EAI_AGAIN|getaddrinfo|Method Not Allowed|talking to the server",
    re.IGNORECASE)


def main():
    kind, allow_path, label = sys.argv[1:4]
    errors = open(sys.argv[4], encoding="utf-8", errors="replace").read() if len(sys.argv) > 4 else ""
    allowed, problems = allow_list(allow_path)
    for problem in problems:
        print(problem)
    text = sys.stdin.read()
    try:
        report = json.loads(text)
    except ValueError:
        report = {}
    findings = (cargo_findings if kind == "cargo" else npm_findings)(report)
    if findings is None:
        if not UNREACHABLE.search(text + errors):
            detail = (errors.strip() or text.strip() or "no output").splitlines()[-1]
            print(f"{label}: NOT checked: the audit failed: {detail}")
            return 1
        print(f"{label}: NOT checked: advisory database unreachable")
        return 1 if problems else 3
    refused = [(i, what) for i, what in findings if i not in allowed]
    for ident, what in findings:
        if ident in allowed:
            print(f"{label}: allowed {ident} ({what}): {allowed[ident]}")
    for ident, what in refused:
        print(f"{label}: VULNERABLE {ident}: {what}")
    print(f"{label}: checked, {len(refused)} known vulnerabilities"
          f" ({len(findings) - len(refused)} allowed)")
    return 1 if refused or problems else 0


if __name__ == "__main__":
    sys.exit(main())

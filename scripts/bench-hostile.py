#!/usr/bin/env python3
"""Hostile input sizes (issues 19 and 20): writes each hostile article into
a project of its own, beside one good article, and times `lantern check`
and `lantern build --keep-going` on it, killing either after --cap seconds.

Reports per input and command: wall time, peak memory (max RSS of the
child), exit code, whether the good article was still published, and the
first diagnostic naming the hostile file. Reads nothing from the repo's
articles: every input is generated here.

    python3 scripts/bench-hostile.py [--lantern target/release/lantern]
        [--cap 60] [--only NAME[,NAME]] [--list]
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SHELL = ('<html><head><meta name="lantern-root" content="./"><title>x</title>'
         '</head><body><div id="lantern-prerender"></div></body></html>')
GOOD = "---\ntitle: Printer offline\nsummary: Bring it back.\n---\n\nRestart the printer.\n"


def article(body, front="title: Hostile\nsummary: s\n"):
    return f"---\n{front}---\n\n{body}\n"


def nested_list(size):
    # Each level indented two more spaces than the one above: n levels
    # take about n*n bytes, so 40 KB is ~200 levels.
    out, level = [], 0
    total = 0
    while total < size:
        line = "  " * level + "- item\n"
        out.append(line)
        total += len(line)
        level += 1
    return "".join(out)


def tags(n):
    return "tags: [" + ", ".join(f"tag{i}" for i in range(n)) + "]\n"


def alias_bomb(levels=9):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        refs = ",".join([f"*a{i-1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


# name -> (what, {relative path: text}); built lazily (some are big).
CASES = {
    "nested-list-40k": ("nested `-` list, one level a line, 40 KB (~200 levels)",
                        lambda: {"hostile.md": article(nested_list(40_000))}),
    "nested-list-400k": ("nested `-` list, 400 KB (~630 levels)",
                         lambda: {"hostile.md": article(nested_list(400_000))}),
    "star-list-40k": ("`- - - …` on one line, 40 KB (20k levels)",
                      lambda: {"hostile.md": article("- " * 20_000 + "x")}),
    "star-list-1m": ("`* * * …` on one line, 1 MB (500k levels)",
                     lambda: {"hostile.md": article("* " * 500_000 + "x")}),
    "quotes-100k": ("100k nested `>` quotes",
                    lambda: {"hostile.md": article(">" * 100_000 + " x")}),
    "quotes-1m": ("1M nested `>` quotes (1 MB)",
                  lambda: {"hostile.md": article(">" * 1_000_000 + " x")}),
    "list-items-260k": ("260k-item flat list (1 MB)",
                        lambda: {"hostile.md": article("- a\n" * 260_000)}),
    "div-200k": ("200k nested `<div>` (1 MB)",
                 lambda: {"hostile.md": article("<div>" * 200_000 + "x")}),
    "unknown-keys-389k": ("~39k unknown front-matter keys (389 KB)",
                          lambda: {"hostile.md": article(
                              "body", "title: T\n" + "".join(f"key{i}: v\n" for i in range(39_000)))}),
    "links-1m": ("70k links to a missing heading, one 1 MB line",
                 lambda: {"hostile.md": article("[a](#nowhere) " * 70_000)}),
    "article-links-1m": ("62k links to a missing article, one 1 MB line",
                         lambda: {"hostile.md": article("[a](missing.md) " * 62_000)}),
    "images-50k": ("50k images of one existing file",
                   lambda: {"hostile.md": article("![i](img.png)\n" * 50_000), "img.png": "png"}),
    "yaml-nested-400k": ("`tags: [[[…` 400 KB",
                         lambda: {"hostile.md": article("body", "title: T\ntags: " + "[" * 400_000 + "\n")}),
    "yaml-nested-closed-100k": ("`tags: [[[…]]]` 100k deep, closed",
                                lambda: {"hostile.md": article("body", "title: T\ntags: " + "[" * 100_000 + "]" * 100_000 + "\n")}),
    "yaml-alias-bomb": ("YAML alias bomb (9 levels of 9: 387M nodes)",
                        lambda: {"hostile.md": article("body", "title: T\n" + alias_bomb())}),
    "article-10mb": ("10 MB article",
                     lambda: {"hostile.md": article("word " * 2_000_000)}),
    "line-5mb": ("a single 5 MB line",
                 lambda: {"hostile.md": article("w" * 5_000_000)}),
    "line-1m": ("a single 1 MB line (under the size limit)",
                lambda: {"hostile.md": article("w" * 1_000_000)}),
    "tags-50k": ("50k tags on one article",
                 lambda: {"hostile.md": article("body", "title: T\n" + tags(50_000))}),
    "headings-50k": ("50k headings with one text (duplicate ids)",
                     lambda: {"hostile.md": article("## Same\n\n" * 50_000)}),
    "same-title-10k": ("10k articles with one title",
                       lambda: {f"same-{i}.md": article(f"body {i}", "title: Same title\n") for i in range(10_000)}),
}


def write_project(root, files):
    os.makedirs(os.path.join(root, "articles"))
    os.makedirs(os.path.join(root, "app"))
    with open(os.path.join(root, "app", "index.html"), "w") as f:
        f.write(SHELL)
    with open(os.path.join(root, "articles", "good.md"), "w") as f:
        f.write(GOOD)
    for name, text in files.items():
        with open(os.path.join(root, "articles", name), "w") as f:
            f.write(text)


def run(cmd, cwd, cap, stdin=None):
    """(seconds, peak RSS in KB, exit code or 'killed', stderr) of one
    command, killed (with its process group) after `cap` seconds. wait4
    gives this child's own peak memory."""
    with tempfile.TemporaryFile() as err, open(stdin or os.devnull, "rb") as inp:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=inp, stdout=subprocess.DEVNULL,
                                stderr=err, start_new_session=True)
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > cap:
                killed = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read(1 << 20).decode(errors="replace")
    return seconds, usage.ru_maxrss, "killed" if killed else proc.returncode, text


def first_line_about(stderr, name):
    for line in stderr.splitlines():
        if name in line:
            return line[:160]
    return (stderr.splitlines() or [""])[0][:160]


def bench_case(name, lantern, cap, work):
    what, make = CASES[name]
    root = os.path.join(work, name)
    write_project(root, make())
    rows = []
    check = run([lantern, "check"], root, cap)
    rows.append(("check",) + tuple(check))
    build = run([lantern, "build", "--keep-going", "--app", "app", "--out", "site"], root, cap)
    published = os.path.isfile(os.path.join(root, "site", "a", "good", "index.html"))
    rows.append(("build", *build[:3], build[3], published))
    shutil.rmtree(root)
    for row in rows:
        command, seconds, rss_kb, code, stderr = row[:5]
        good = ("yes" if row[5] else "NO") if len(row) > 5 else "-"
        print(f"| {name} | {command} | {seconds:.2f} | {rss_kb / 1024:.0f} | {code} | {good} | "
              f"{first_line_about(stderr, 'hostile').replace('|', '/')} |", flush=True)


def bench_search(lantern, cap, work):
    """A 50 MB line, then a 1 MB one, into batch mode; then a normal query."""
    root = os.path.join(work, "search")
    write_project(root, {})
    for label, size in (("search-batch-50mb-line", 50_000_000), ("search-batch-1mb-line", 1_000_000)):
        query = os.path.join(work, "query.txt")
        with open(query, "w") as f:
            f.write(("printer " * (size // 8)) + "\nprinter\n")
        seconds, rss_kb, code, stderr = run([lantern, "search", "--articles", "articles"], root, cap, query)
        print(f"| {label} | search | {seconds:.2f} | {rss_kb / 1024:.0f} | {code} | - | "
              f"{first_line_about(stderr, 'line')} |", flush=True)
    shutil.rmtree(root)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lantern", default="target/release/lantern")
    parser.add_argument("--cap", type=float, default=60)
    parser.add_argument("--only", default="")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if args.list:
        for name, (what, _) in CASES.items():
            print(f"{name}: {what}")
        print("search-batch: 50 MB and 1 MB lines into `lantern search` batch mode")
        return
    lantern = os.path.abspath(args.lantern)
    only = [n for n in args.only.split(",") if n]
    work = tempfile.mkdtemp(prefix="lantern-hostile-")
    try:
        print("| input | command | seconds | peak MB | exit | good article published | first message |")
        print("|---|---|---:|---:|---|---|---|")
        for name in CASES:
            if not only or name in only:
                bench_case(name, lantern, args.cap, work)
        if not only or "search-batch" in only:
            bench_search(lantern, args.cap, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

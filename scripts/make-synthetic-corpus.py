#!/usr/bin/env python3
"""Makes a larger article folder from the shared corpus, for benchmarks.

    python3 scripts/make-synthetic-corpus.py CORPUS OUT [--total 10000] [--seed 42]

OUT gets a copy of every real article (OUT/real/...) plus synthetic ones
(OUT/synthetic/syn-NNNNN-<slug>.md) up to --total articles. Like `synthetic`
in crates/core/benches/search.rs, a synthetic article takes its title from a
real one plus another article's tags, keeps the real summary and tags, and
gets a body of six paragraphs drawn at random from the whole corpus under
two of the other article's headings. Same inputs and seed, same files.

Re-running with the same arguments does nothing (OUT/.stamp records them);
with other arguments OUT is rebuilt. Needs only the Python standard library.
"""

import argparse
import json
import os
import re
import shutil
import sys


def parse(path):
    """(title, summary, tags, headings, paragraphs) of one corpus article."""
    with open(path, encoding="utf-8") as f:
        text = f.read().replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    front, body = text[4:end], text[end + 5 :]
    fields = {}
    for line in front.split("\n"):
        key, sep, value = line.partition(":")
        if not sep:
            continue
        value = value.strip()
        try:
            fields[key.strip()] = json.loads(value)
        except ValueError:
            fields[key.strip()] = value.strip("'\"")
    title = str(fields.get("title", "")).strip()
    if not title:
        return None
    tags = fields.get("tags") or []
    if not isinstance(tags, list):
        tags = [str(tags)]
    headings = [m.group(1).strip() for m in re.finditer(r"^##+ +(.+)$", body, re.M)]
    paragraphs = [
        p.strip()
        for p in re.split(r"\n\s*\n", body)
        if len(p.strip()) > 40
        # Whole paragraphs only: a lone code fence, a heading or a table
        # fragment would change how the rest of the article renders.
        and "```" not in p
        and not p.lstrip().startswith(("#", "|", ">", "<"))
    ]
    return (
        title,
        str(fields.get("summary", "")),
        [str(t) for t in tags],
        headings,
        paragraphs,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--total", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    files = sorted(
        os.path.relpath(os.path.join(d, f), args.corpus)
        for d, _, names in os.walk(args.corpus)
        for f in names
        if f.endswith(".md")
    )
    if not files:
        sys.exit(f"no markdown articles under {args.corpus}")
    stamp = json.dumps(
        {"corpus": os.path.abspath(args.corpus), "files": len(files), "total": args.total, "seed": args.seed}
    )
    stamp_path = os.path.join(args.out, ".stamp")
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        print(f"{args.out}: up to date ({args.total} articles)")
        return
    if os.path.exists(args.out):
        shutil.rmtree(args.out)

    real = []
    for rel in files:
        src = os.path.join(args.corpus, rel)
        dst = os.path.join(args.out, "real", rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(src, dst)
        parsed = parse(src)
        if parsed:
            real.append((os.path.splitext(os.path.basename(rel))[0], parsed))
    paragraphs = [p for _, (_, _, _, _, ps) in real for p in ps]

    # The LCG of crates/core/benches/search.rs, so runs are reproducible
    # without depending on Python's random module.
    state = args.seed
    mask = (1 << 64) - 1

    def rand(m):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        return (state >> 33) % m

    os.makedirs(os.path.join(args.out, "synthetic"), exist_ok=True)
    made = 0
    for i in range(len(files), args.total):
        slug, (title, summary, tags, _, _) = real[i % len(real)]
        _, (_, _, other_tags, other_headings, _) = real[rand(len(real))]
        body = [paragraphs[rand(len(paragraphs))] for _ in range(6)]
        headings = (other_headings or ["Details", "More information"])[:2]
        if len(headings) < 2:
            headings.append("More information")
        text = "---\ntitle: {}\nsummary: {}\ntags: {}\n---\n{}\n\n## {}\n\n{}\n\n## {}\n\n{}\n".format(
            json.dumps(f"{title} {' '.join(other_tags)}".strip(), ensure_ascii=False),
            json.dumps(summary, ensure_ascii=False),
            json.dumps(tags, ensure_ascii=False),
            body[0],
            headings[0],
            "\n\n".join(body[1:3]),
            headings[1],
            "\n\n".join(body[3:]),
        )
        path = os.path.join(args.out, "synthetic", f"syn-{i:05d}-{slug}"[:120] + ".md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        made += 1
    with open(stamp_path, "w") as f:
        f.write(stamp)
    print(f"{args.out}: {len(files)} real + {made} synthetic articles")


if __name__ == "__main__":
    main()

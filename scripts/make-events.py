#!/usr/bin/env python3
"""A month of events for benchmarking `lantern report` (docs/events.md):
sessions of searches, clicks, views, votes, "This solved it" and tickets
over the articles of a folder, about 250 bytes an event.

    python3 scripts/make-events.py ARTICLES_DIR EVENTS OUT.jsonl [--seed N] [--month 2026-11]

Deterministic for a seed. 1 % of the batches are written twice (a reload
during a flush) and one line in 100,000 is cut short, as a receiver's files
have them."""
import argparse, json, os, random, re

p = argparse.ArgumentParser()
p.add_argument("articles"); p.add_argument("events", type=int); p.add_argument("out")
p.add_argument("--seed", type=int, default=17); p.add_argument("--month", default="2026-11")
a = p.parse_args()
rng = random.Random(a.seed)
slugs, words = [], []
for root, _, files in os.walk(a.articles):
    for f in files:
        if f.endswith(".md"):
            slugs.append(f[:-3])
            words.extend(w for w in re.split(r"[^a-z0-9]+", f[:-3].lower()) if len(w) > 3)
slugs.sort(); words.sort()
reasons = ["outdated", "steps", "unclear", "not_my_problem", "other"]
written = 0
with open(a.out, "w") as out:
    s = 0
    while written < a.events:
        s += 1
        sid = f"{rng.getrandbits(64):016x}"
        day, second = rng.randint(1, 30), rng.randint(0, 80000)
        batch = []
        def event(what):
            global second
            second += rng.randint(2, 60)
            h, m, sec = min(second // 3600, 23), second // 60 % 60, second % 60
            batch.append(json.dumps({"schema_version": 1, "id": f"{sid}-{len(batch)}", "session": sid,
                                     "at": f"{a.month}-{day:02d}T{h:02d}:{m:02d}:{sec:02d}Z", **what}, separators=(",", ":")))
        read = None
        for _ in range(rng.choice([1, 1, 2, 3])):
            query = " ".join(rng.sample(words, rng.choice([1, 2, 2, 3])))
            results = 0 if rng.random() < 0.12 else rng.randint(1, 40)
            top = rng.sample(slugs, min(3, results))
            event({"type": "search", "query": query, "results": results, "top": top, "how": rng.choice(["pause", "enter", "click"])})
            if results and rng.random() < 0.6:
                read = top[0]
                event({"type": "click", "query": query, "article": read, "rank": 1})
                event({"type": "view", "article": read, "from": "search"})
        if read and rng.random() < 0.25:
            yes = rng.random() < 0.7
            event({"type": "vote", "article": read, "helpful": yes, "reason": None if yes else rng.choice(reasons)})
        if rng.random() < 0.03:
            event({"type": "solved", "article": rng.choice(slugs)})
        if rng.random() < 0.06:
            event({"type": "ticket", "reference": f"LT-{sid[:8]}", "category": rng.choice(["network", "email", None]), "channel": "webhook", "outcome": "sent"})
        lines = batch + (batch if rng.random() < 0.01 else [])
        for line in lines:
            out.write((line[: len(line) // 2] if rng.random() < 1e-5 else line) + "\n")
        written += len(lines)
print(f"{written} events in {s} sessions into {a.out} ({os.path.getsize(a.out) / 1e6:.0f} MB)")

#!/usr/bin/env python3
"""Writes the events and tickets of tests/report.rs (run it from this folder;
the files it writes are committed). Six kinds of visit in November 2026,
each a fixed number of sessions, so every number of the report can be
worked out by hand (the test lists them), plus the faults a receiver's
files have: a batch sent twice, a cut line, an event of October, one of a
schema version to come. And a smaller October, for the changes since."""
import json

def stamp(day, n):
    return f"2026-11-{day:02d}T09:{n // 60:02d}:{n % 60:02d}Z"

lines, tickets = [], []

def session(kind, i, steps, month=11):
    sid = f"{kind}{i:02d}"
    day = i % 28 + 1
    for n, what in enumerate(steps):
        at = stamp(day, n * 10) if month == 11 else f"2026-10-{day:02d}T09:00:{n:02d}Z"
        lines.append(json.dumps({"schema_version": 1, "id": f"{sid}-{n}", "session": sid, "at": at, **what}))

search = lambda q, r, top=(): {"type": "search", "query": q, "results": r, "top": list(top), "how": "pause"}
click = lambda q, a: {"type": "click", "query": q, "article": a, "rank": 1}
view = lambda a, f="search": {"type": "view", "article": a, "from": f}
vote = lambda a, yes, reason=None, comment=None: {"type": "vote", "article": a, "helpful": yes, "reason": reason,
                                                  **({"comment": comment} if comment else {})}
ticket = lambda ref, cat, outcome="sent": {"type": "ticket", "reference": ref, "category": cat, "channel": "webhook", "outcome": outcome}

for i in range(40):  # A: found the VPN article and said it helped (5 changed a "No" to "Yes")
    flip = [vote("vpn-keeps-disconnecting", False, "unclear")] if i < 5 else []
    session("a", i, [search("VPN disconnects", 3, ["vpn-keeps-disconnecting"]), click("VPN disconnects", "vpn-keeps-disconnecting"),
                     view("vpn-keeps-disconnecting")] + flip + [vote("vpn-keeps-disconnecting", True)])
# The first four of B wrote a comment with their "No" (B01's client did not
# redact it; the report does); the report shows the 3 latest, B03's first.
comments = ["Step 3 has no Apply button", "still asks, write to jane.doe@acme.com",
            "the <b>screenshots</b> are of Outlook 2016", "it asks again after every restart"]
for i in range(20):  # B: read the Outlook article, it did not work, filed a ticket (one failed first, then went)
    retry = [ticket(f"LT-B{i:02d}", "email", "failed")] if i == 0 else []
    said = comments[i] if i < len(comments) else None
    session("b", i, [search("outlook password", 2, ["outlook-keeps-asking-for-password"]), click("outlook password", "outlook-keeps-asking-for-password"),
                     view("outlook-keeps-asking-for-password"), vote("outlook-keeps-asking-for-password", False, "steps", said)]
            + retry + [ticket(f"LT-B{i:02d}", "email")])
for i in range(10):  # C: found nothing, filed a ticket in a category lantern.toml does not name
    session("c", i, [search("Teams recording", 0), ticket(f"LT-C{i:02d}", "meetings")])
    tickets.append(json.dumps({"schema_version": 1, "reference": f"LT-C{i:02d}", "created_at": stamp(i % 28 + 1, 10),
                               "site": {"name": "Acme IT Help", "url": "https://help.example"},
                               "requester": {"name": "Someone", "email": "someone@example.com"},
                               "subject": "Recording", "description": "Where are recordings?",
                               "category": {"id": "meetings", "name": "Meetings & video"}}))
for i in range(15):  # D: results, no click
    session("d", i, [search("printer offline", 1, ["printer-shows-offline"])])
for i in range(5):  # E: opened the printer article from a link, "This solved it" in the ticket form
    session("e", i, [view("printer-shows-offline", "direct"), {"type": "solved", "article": "printer-shows-offline"}])
for i in range(6):  # F: found nothing, gave up
    session("f", i, [search("teams  recording", 0)])

november = lines
resent = november[100:112]  # a batch sent twice
faults = [
    '{"schema_version":1,"id":"cut-1","session":"z","at":"2026-11-0',
    json.dumps({"schema_version": 1, "id": "oct-1", "session": "z1", "at": "2026-10-31T23:59:59Z", **view("printer-shows-offline")}),
    json.dumps({"schema_version": 2, "id": "v2-1", "session": "z2", "at": "2026-11-10T10:00:00Z", "type": "hover"}),
]
with open("events-2026-11.jsonl", "w") as f:
    f.write("\n".join(november[:200] + resent + faults[:1] + november[200:] + faults[1:]) + "\n")
with open("tickets-2026-11.jsonl", "w") as f:
    f.write("\n".join(tickets) + "\n")

lines = []
for i in range(40):  # October: 40 searched and read the VPN article
    session("p", i, [search("vpn", 3), view("vpn-keeps-disconnecting")], month=10)
for i in range(10):  # 10 read Outlook and the printer article, 8 of them found Outlook helpful, all filed a ticket
    session("q", i, [view("outlook-keeps-asking-for-password"), view("printer-shows-offline"),
                     vote("outlook-keeps-asking-for-password", i < 8, None if i < 8 else "outdated"), ticket(f"LT-Q{i:02d}", "email")], month=10)
with open("events-2026-10.jsonl", "w") as f:
    f.write("\n".join(lines) + "\n")

#!/usr/bin/env python3
"""The smallest receiver of Lantern's events (docs/events.md): it takes
each batch the help center posts and appends every event in it as one JSON
line to the month's file, events-YYYY-MM.jsonl, which `lantern report
--events` reads. Python's standard library only; put it behind your HTTPS
proxy. Duplicates (a batch sent twice) are kept: the report drops them by
event id.

    python3 events-receiver.py --port 8398 --dir /var/lib/lantern-events --origin https://help.example.com

A batch is `{"schema_version":1,"events":[...]}`, posted as text/plain (no
CORS preflight). A site with [events.headers] makes the browser ask first
(a preflight): name each header with --header so that it is allowed, e.g.
`--header X-Api-Key`.
"""
import argparse
import json
import os
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 64 * 1024  # the browser's keepalive limit: a batch is never larger
MONTH = re.compile(r"^(\d{4}-\d{2})-\d{2}T")
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    def cors(self):
        self.send_header("Access-Control-Allow-Origin", args.origin)
        self.send_header("Vary", "Origin")

    def do_OPTIONS(self):
        self.send_response(204)
        self.cors()
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", ", ".join(["Content-Type", *args.header]))
        self.send_header("Access-Control-Max-Age", "86400")
        self.end_headers()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            return self.answer(413 if length > MAX_BODY else 400)
        try:
            batch = json.loads(self.rfile.read(length))
            events = batch["events"]
            assert isinstance(events, list)
        except (ValueError, KeyError, TypeError, AssertionError):
            return self.answer(400)
        lines = {}
        for event in events:
            at = event.get("at") if isinstance(event, dict) else None
            month = MONTH.match(at) if isinstance(at, str) else None
            if month:
                lines.setdefault(month.group(1), []).append(json.dumps(event, ensure_ascii=False))
        with lock:
            for month, text in lines.items():
                with open(os.path.join(args.dir, f"events-{month}.jsonl"), "a", encoding="utf-8") as f:
                    f.write("\n".join(text) + "\n")
        self.answer(204)

    def answer(self, status):
        self.send_response(status)
        self.cors()
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_):
        pass  # no access log: it would hold the readers' addresses


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8398)
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--dir", default=".")
    p.add_argument("--origin", required=True, help="the help center's origin, e.g. https://help.example.com")
    p.add_argument("--header", action="append", default=[], metavar="NAME",
                   help="a header of the site's [events.headers], allowed in the CORS preflight (repeatable)")
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    ThreadingHTTPServer((args.bind, args.port), Receiver).serve_forever()

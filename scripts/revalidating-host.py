#!/usr/bin/env python3
"""A static host as Netlify, Cloudflare Pages and Vercel serve a site by
default, for the offline benchmark (bench-offline.sh --host revalidating):
every file `Cache-Control: max-age=0, must-revalidate` with a Last-Modified
(Python's handler answers If-Modified-Since with 304), each answer
--latency ms away, as a host across a network is. python3 -m http.server
sends no Cache-Control, which lets a browser reuse its copy without asking
(heuristic freshness): the best case a site without a worker can have.

    python3 scripts/revalidating-host.py PORT DIR [--latency 25]
"""
import argparse
import functools
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

p = argparse.ArgumentParser()
p.add_argument("port", type=int)
p.add_argument("dir")
p.add_argument("--latency", type=float, default=25.0, help="ms before each answer")
args = p.parse_args()


class Host(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # kept-alive connections, as a real host

    def send_head(self):
        time.sleep(args.latency / 1000)
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=0, must-revalidate")
        super().end_headers()

    def log_message(self, *_):
        pass


handler = functools.partial(Host, directory=args.dir)
ThreadingHTTPServer(("127.0.0.1", args.port), handler).serve_forever()

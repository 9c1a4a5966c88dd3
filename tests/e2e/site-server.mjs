// A static host for the offline tests (specs/offline.spec.mjs): serves a
// folder at a path prefix, redirects a folder address without its slash
// (`/a/x` -> `/a/x/`, as python's http.server and most hosts do), and logs
// every request that reached it, which is how a test proves that nothing
// went to the network.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.bin': 'application/octet-stream', '.png': 'image/png',
};

export class SiteServer {
  constructor(dir, port) {
    this.dir = dir;
    this.port = port;
    this.log = []; // request paths, in order
  }

  get origin() { return `http://127.0.0.1:${this.port}`; }

  /** The paths requested since `mark` (an index into the log). */
  since(mark) { return this.log.slice(mark); }

  async start() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.sockets = new Set();
    this.server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
    await new Promise((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  handle(req, res) {
    const url = new URL(req.url, this.origin);
    this.log.push(url.pathname);
    const file = path.join(this.dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(this.dir)) { res.writeHead(403); res.end(); return; }
    let target = file;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' + url.search });
        res.end();
        return;
      }
      target = path.join(file, 'index.html');
    }
    if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target)] || 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(fs.readFileSync(target));
  }
}

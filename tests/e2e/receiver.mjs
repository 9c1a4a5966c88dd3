// A ticket receiver for the end-to-end tests: a real HTTP server on
// 127.0.0.1 that records every POST, answers CORS preflights, and can be
// told to fail, hang or go away. Like a real helpdesk, it de-duplicates
// tickets by their reference.
//
// It is the events receiver too (docs/events.md): a POST to /events, a
// text/plain JSON batch {"schema_version":1,"events":[...]}, is recorded
// (`batches`, and each event in `events`) and answered 204, with CORS for
// the page's origin and a preflight that allows the headers given as
// `eventHeaders` (the site's [events.headers]). Ticket posts never land
// there, nor events in `posts`.
import http from 'node:http';

export const EVENTS_PATH = '/events';

export class Receiver {
  constructor(port, { eventHeaders = [] } = {}) {
    this.port = port;
    // 'ok' | 'error' (HTTP 500) | 'hang' (never answers) |
    // 'slow' (takes the ticket, answers after 3 s) |
    // 'redirect' (302 to /landing, which answers 200 to anything, as a
    // sign-in proxy or a moved address would: the ticket is not taken)
    this.mode = 'ok';
    this.posts = [];  // every POST that arrived, duplicates included
    this.tickets = new Map(); // reference -> first payload
    // Events: 'ok' (204) | 'error' (HTTP 500, nothing kept), apart from
    // the tickets' mode.
    this.eventsMode = 'ok';
    this.eventHeaders = eventHeaders.map((h) => h.toLowerCase());
    this.batches = []; // every events POST: { headers, payload } (payload null when not JSON)
    this.events = [];  // every event of every batch, in order, duplicates included
    this.server = null;
    this.sockets = new Set();
  }

  /** Tickets as a helpdesk would list them: one per reference. */
  get unique() { return [...this.tickets.values()]; }

  async start() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
  }

  async stop() {
    if (!this.server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
    this.server = null;
  }

  handle(req, res) {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin || '*',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'content-type, x-lantern-token',
      'Access-Control-Max-Age': '0',
    };
    if (req.url.split('?')[0] === EVENTS_PATH) { this.handleEvents(req, res); return; }
    if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
    if (req.url.startsWith('/landing')) {
      this.landings = (this.landings || 0) + 1;
      res.writeHead(200, { ...cors, 'content-type': 'text/html' });
      res.end('<p>Signed in</p>');
      return;
    }
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (this.mode === 'hang') return; // the socket stays open, unanswered
      let payload = null;
      try { payload = JSON.parse(body); } catch { /* recorded as null */ }
      this.posts.push({ headers: req.headers, payload, mode: this.mode });
      if (this.mode === 'redirect') {
        res.writeHead(302, { ...cors, location: `http://127.0.0.1:${this.port}/landing` });
        res.end();
        return;
      }
      if (this.mode === 'error') {
        res.writeHead(500, { ...cors, 'content-type': 'text/plain' });
        res.end('helpdesk is down');
        return;
      }
      const duplicate = payload && this.tickets.has(payload.reference);
      if (payload && !duplicate) this.tickets.set(payload.reference, payload);
      const answer = () => {
        res.writeHead(duplicate ? 200 : 201, { ...cors, 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, duplicate: Boolean(duplicate) }));
      };
      if (this.mode === 'slow') setTimeout(answer, 3000); else answer();
    });
  }

  /** POST /events, and its preflight when the site configured headers. */
  handleEvents(req, res) {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin || '*',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': ['content-type', ...this.eventHeaders].join(', '),
      'Access-Control-Max-Age': '0',
      Vary: 'Origin',
    };
    if (req.method === 'OPTIONS') { res.writeHead(204, cors); res.end(); return; }
    if (req.method !== 'POST') { res.writeHead(405, { ...cors, allow: 'POST, OPTIONS' }); res.end(); return; }
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (this.eventsMode === 'error') {
        res.writeHead(500, { ...cors, 'content-type': 'text/plain' });
        res.end('events store is down');
        return;
      }
      let payload = null;
      try { payload = JSON.parse(body); } catch { /* recorded as null */ }
      this.batches.push({ headers: req.headers, payload });
      if (payload && Array.isArray(payload.events)) this.events.push(...payload.events);
      const good = payload && payload.schema_version === 1 && Array.isArray(payload.events);
      res.writeHead(good ? 204 : 400, cors);
      res.end();
    });
  }
}

/**
 * The receiver of one spec file's tests: started before them, emptied and
 * back in 'ok' mode before each (a test may have stopped it), stopped
 * after them. A page's dialog fails the test: none is expected.
 */
export function receiverFor(test, port, options = {}) {
  const receiver = new Receiver(port, options);
  test.beforeAll(async () => { await receiver.start(); });
  test.afterAll(async () => { await receiver.stop(); });
  test.beforeEach(async ({ page }) => {
    if (!receiver.server) await receiver.start();
    receiver.mode = 'ok';
    receiver.posts = [];
    receiver.tickets.clear();
    receiver.eventsMode = 'ok';
    receiver.batches = [];
    receiver.events = [];
    page.on('dialog', (d) => { throw new Error(`unexpected dialog: ${d.message()}`); });
  });
  return receiver;
}

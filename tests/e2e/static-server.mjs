// A minimal static host that behaves like GitHub Pages, S3 or nginx with
// `error_page 404 /404.html`: files only, no rewrites, 404.html on a miss.
// Usage: node static-server.mjs DIR PORT [PREFIX]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [dir, port, prefix = '/'] = process.argv.slice(2);
const root = path.resolve(dir);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain',
};

function send(res, status, file) {
  res.writeHead(status, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let rel = decodeURIComponent(url.pathname);
  if (!rel.startsWith(prefix)) return send(res, 404, path.join(root, '404.html'));
  rel = rel.slice(prefix.length);
  const file = path.join(root, rel);
  if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
  fs.stat(file, (err, stat) => {
    if (!err && stat.isDirectory()) {
      if (!url.pathname.endsWith('/')) { res.writeHead(301, { location: url.pathname + '/' + url.search }); return res.end(); }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(res, 200, index) : send(res, 404, path.join(root, '404.html'));
    }
    if (!err && stat.isFile()) return send(res, 200, file);
    send(res, 404, path.join(root, '404.html'));
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`));

// Writes a Lantern project made of the XSS corpus (payloads.txt beside
// this file): one article per payload, with the payload in its title,
// summary, tags, a heading and its body; the site's name, tagline,
// categories, synonyms and ticket settings in lantern.toml made of
// payloads too; and an article whose author anchors are in-page link
// targets and try to shadow the app's ids and globals.
// Usage: node tests/xss/make-site.mjs OUT_DIR WEBHOOK_PORT
import fs from 'node:fs';
import path from 'node:path';

const [out, webhookPort = '8398'] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);

export function payloads() {
  return fs.readFileSync(path.join(here, 'payloads.txt'), 'utf8')
    .split('\n').filter(l => l !== '' && !l.startsWith('# '));
}

// A TOML or YAML double-quoted string: JSON's escapes are valid in both.
const quoted = (s) => JSON.stringify(s);
// YAML and TOML refuse control characters other than tab even escaped in
// a few places: the corpus has none in lines, but be sure.
const clean = (s) => s.replace(/[\u0000-\u0008\u000b-\u001f]/g, '');

const CATEGORIES = 12;

function toml(list) {
  const categories = Array.from({ length: CATEGORIES }, (_, i) => {
    const p = list[(i * 7) % list.length];
    return `[[categories]]\nid = "c${i}"\nname = ${quoted(`C${i} ${clean(p)}`)}\ndescription = ${quoted(clean(p))}\n`;
  }).join('\n');
  const synonyms = list.slice(0, 20).map((p, i) => `[${quoted(`syn${i}`)}, ${quoted(clean(p).toLowerCase())}]`).join(', ');
  return `[site]
name = ${quoted(`XSS ${clean(list[0])}`)}
tagline = ${quoted(clean(list[1]))}
base_url = ""

${categories}
[search]
synonyms = [${synonyms}]

[ticket]
channels = ["webhook", "email"]
email = "desk@example.com"
response_time = ${quoted(clean(list[2]))}

[ticket.webhook]
url = "http://127.0.0.1:${webhookPort}/tickets"
timeout_seconds = 2
`;
}

function article(p, i) {
  const text = clean(p);
  return `---
title: ${quoted(`P${i} ${text}`)}
summary: ${quoted(text)}
category: c${i % CATEGORIES}
tags: [${quoted(text)}, "xss"]
---
Payload ${i} follows.

${p}

## ${text}

In a sentence: ${p} (end).
`;
}

// Author anchors as migrated articles write them, in-page links to them,
// and ids that would shadow the app's elements and globals.
const ANCHORS = `---
title: Author anchors
summary: In-page links to anchors the author wrote.
category: c0
---
<a id="summary"></a>

[Jump to TLS 1.2](#enable-tls-12) · [Jump to the note](#Note1) · [Jump to the steps](#steps-2)

## Summary

Why the anchors matter. ${'Long text to scroll. '.repeat(200)}

## Steps 1

First.

## Steps

Second.

## Steps

Third, its id must not be the first one's.

<a name="enable-tls-12"></a>

## How to enable TLS 1.2

${'Enable it in the registry. '.repeat(200)}

<a name="Note1">1</a> A note.

[Back to top](#summary)

<div id="search-input">an article's element with the app's id</div>
<a id="lanternCatalog"></a><a id="lanternLoad"></a><a id="main"></a><a id="wasmBindings"></a>
<a id="lantern-catalog"></a><a name="getElementById"></a>
`;

if (out) {
  const list = payloads();
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'articles'), { recursive: true });
  fs.writeFileSync(path.join(out, 'lantern.toml'), toml(list));
  list.forEach((p, i) => fs.writeFileSync(path.join(out, 'articles', `p${i}.md`), article(p, i)));
  fs.writeFileSync(path.join(out, 'articles', 'author-anchors.md'), ANCHORS);
}

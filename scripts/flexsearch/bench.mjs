// FlexSearch on exactly the documents and typed queries of Lantern's search
// bench (exported by it with LANTERN_BENCH_EXPORT=DIR), timed in process as
// Lantern's bench times its engine: each query once a round, 3 rounds,
// p50 / p95 / max per kind. Usage: node bench.mjs DIR
import { readFileSync } from "node:fs";
import { Document } from "flexsearch";

const dir = process.argv[2];
const docs = readFileSync(`${dir}/docs.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const queries = readFileSync(`${dir}/typed.tsv`, "utf8").split("\n").filter(Boolean).map((l) => l.split("\t"));

// The configuration a static help center would pick for instant search:
// every field completes prefixes ("forward"), the body too, so a word cut
// short is found wherever it is; results of the fields merged; `suggest`
// so a query whose words do not all match still returns the best partial
// matches (otherwise a typo empties the list).
const index = new Document({
  document: {
    id: "id",
    index: ["title", "keywords", "headings", "summary", "body"].map((field) => ({ field, tokenize: "forward" })),
  },
});
let t = performance.now();
for (const d of docs) index.add(d);
const build = performance.now() - t;

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
console.log(`\n### FlexSearch 0.8.212: ${docs.length} documents, index build ${build.toFixed(0)} ms\n`);
console.log("| typed queries (whole) | n | p50 µs | p95 µs | max µs |\n|---|---:|---:|---:|---:|");
for (const kind of ["one typo", "two typos", "every word cut"]) {
  const times = [];
  for (let round = 0; round < 3; round++) {
    for (const [k, q] of queries) {
      if (k !== kind) continue;
      t = performance.now();
      index.search(q, { limit: 10, merge: true, suggest: true });
      times.push((performance.now() - t) * 1000);
    }
  }
  times.sort((a, b) => a - b);
  const us = (x) => Math.round(x);
  console.log(`| ${kind} | ${times.length} | ${us(pct(times, 0.5))} | ${us(pct(times, 0.95))} | ${us(times.at(-1))} |`);
}

// MRR@10 of FlexSearch and MiniSearch on exactly Lantern's relevance sets:
// the documents as Lantern indexes them and the typed query sets (tuning and
// held out), exported by `crates/core/tests/relevance.rs` with
// LANTERN_RELEVANCE_EXPORT=DIR. Each library is set up as a static help
// center would set it up for instant search (below); Lantern's own scores
// come from the same test run. Usage: node relevance.mjs DIR
import { readFileSync } from "node:fs";
import { Document } from "flexsearch";
import MiniSearch from "minisearch";

const dir = process.argv[2];
const docs = readFileSync(`${dir}/docs.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const queries = readFileSync(`${dir}/queries.tsv`, "utf8").split("\n").filter(Boolean).map((l) => {
  const [set, kind, id, text] = l.split("\t");
  return { set, kind, id: Number(id), text };
});
const fields = ["title", "keywords", "headings", "summary", "body"];

// FlexSearch: every field completes prefixes ("forward"); `suggest` so a
// query whose words do not all match still returns partial matches.
function flexsearch() {
  const index = new Document({ document: { id: "id", index: fields.map((field) => ({ field, tokenize: "forward" })) } });
  for (const d of docs) index.add(d);
  return (q) => index.search(q, { limit: 10, merge: true, suggest: true }).map((r) => r.id);
}

// MiniSearch: prefixes and fuzzy matching on (its documented instant-search
// setup), the title weighted twice.
function minisearch() {
  const index = new MiniSearch({ fields, idField: "id", storeFields: [] });
  index.addAll(docs);
  const options = { prefix: true, fuzzy: 0.2, boost: { title: 2 } };
  return (q) => index.search(q, options).slice(0, 10).map((r) => r.id);
}

const table = {};
for (const [name, make] of [["FlexSearch 0.8.212", flexsearch], ["MiniSearch 7.2.0", minisearch]]) {
  const search = make();
  for (const q of queries) {
    const rank = search(q.text).indexOf(q.id);
    const rr = rank < 0 ? 0 : 1 / (rank + 1);
    for (const kind of [q.kind, "all"]) {
      const key = `${name}\t${q.set}\t${kind}`;
      table[key] ??= [0, 0];
      table[key][0] += rr;
      table[key][1] += 1;
    }
  }
}
const kinds = ["all", "typo2", "prefix2", "summary2", "symptoms"];
console.log(`| engine | set | ${kinds.join(" | ")} |`);
console.log(`|---|---|${kinds.map(() => "---:").join("|")}|`);
for (const name of ["FlexSearch 0.8.212", "MiniSearch 7.2.0"]) {
  for (const set of ["tuning", "held out"]) {
    const cells = kinds.map((k) => {
      const [sum, n] = table[`${name}\t${set}\t${k}`] ?? [0, 0];
      return n ? (sum / n).toFixed(3) : "–";
    });
    console.log(`| ${name} | ${set} | ${cells.join(" | ")} |`);
  }
}

#!/usr/bin/env python3
"""Import cycles between the modules of each crate (src/, crates/*/src).

A module is a file; `use crate::a::b`, `crate::a::b::c(...)`, `super::x`
and `self::x` paths are resolved to the file that defines the module they
name. Test modules (after `#[cfg(test)]`) and doc comments are ignored: a
test may use what it tests. Prints each cycle found and exits 1 if any.
Usage: scripts/module-cycles.py [CRATE_SRC ...]
"""
import os
import re
import sys

PATH = re.compile(r"\b(crate|super|self)((?:::\w+)+)")


def modules(src):
    """Module path (tuple) -> file, for every .rs file under src."""
    found = {}
    for root, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(root, f), src)[:-3].split(os.sep)
            if rel[-1] == "mod":
                rel = rel[:-1]
            if rel in (["lib"], ["main"]):
                rel = []
            if rel and rel[0] == "bin":
                continue
            found[tuple(rel)] = os.path.join(root, f)
    return found


def code_of(path):
    text = open(path, encoding="utf-8").read()
    text = text.split("#[cfg(test)]")[0]
    return "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))


def edges(mods):
    graph = {m: set() for m in mods}
    for mod, path in mods.items():
        is_dir_mod = path.endswith(("mod.rs", "lib.rs", "main.rs"))
        for kind, rest in PATH.findall(code_of(path)):
            names = rest.split("::")[1:]
            if kind == "crate":
                base = ()
            elif kind == "self":
                base = mod if is_dir_mod else mod
            else:  # super
                base = mod[:-1]
                while names and names[0] == "super":
                    base, names = base[:-1], names[1:]
            target = base
            for n in names:
                if target + (n,) in mods:
                    target = target + (n,)
                else:
                    break
            if target != mod and target in mods and not mod[: len(target)] == target:
                graph[mod].add(target)
    return graph


def cycles(graph):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


def main():
    roots = sys.argv[1:] or ["src"] + sorted(
        os.path.join("crates", c, "src") for c in os.listdir("crates")
    )
    bad = 0
    for src in roots:
        for comp in cycles(edges(modules(src))):
            bad += 1
            names = sorted("::".join(m) or "crate" for m in comp)
            print(f"{src}: import cycle among {', '.join(names)}")
    if bad:
        return 1
    print(f"no import cycles between modules in {', '.join(roots)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

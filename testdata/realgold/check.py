#!/usr/bin/env python3
"""Check real-text gold files against their sources (standard library only).

usage: check.py [GOLD.json ...]   (default: every *.json here)
Exits 1 on any error. Run from anywhere; sources are found relative to this file.
"""
import json, re, sys, unicodedata, pathlib

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
SHARED = REPO.parent / "shared" / "corpus" / "real"
ROLES = {"actual", "target", "change", "share", "plan_percent"}
KINDS = {"count", "percent", "ratio", "money", "area", "range", "other"}
BOUNDS = {None, "at_least", "above", "at_most", "below", "about"}
CMP = {None, "same_period_last_year", "previous_period", "plan"}
FIELDS = {"quote", "raw", "value", "value_high", "denominator", "kind", "unit", "unit_ok", "metric",
          "metric_keywords", "metric_forbid", "role", "bound", "direction", "parent", "refers_to",
          "period", "estimate", "compared_with", "subject", "skip", "note"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

def norm(s):
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", " ", s).strip()

def source_text(g):
    base = SHARED if g.get("source") == "shared" else REPO / "testdata" / "real"
    p = base / g["file"]
    raw = p.read_text(encoding="utf-8")
    lines = raw.split("\n")
    if lines and lines[0].startswith("# source:"):
        lines = lines[2:] if len(lines) > 1 and lines[1].strip() == "" else lines[1:]
    return [norm(l) for l in lines]

def number_of(raw):
    m = re.match(r"[\d.,/\s-]*\d", raw)
    return m.group(0).strip() if m else raw

def check(path):
    errs = []
    g = json.load(open(path, encoding="utf-8"))
    if g.get("schema") != "baocao-realgold/1":
        errs.append("schema must be baocao-realgold/1")
    try:
        lines = source_text(g)
    except OSError as e:
        return [f"source: {e}"]
    meta = g.get("meta") or {}
    for k in ("report_year", "plan_year", "issuer", "issuer_ok", "doc_type", "title"):
        if k not in meta:
            errs.append(f"meta.{k} missing")
    if meta.get("title") and not any(norm(meta["title"]) in l for l in lines):
        errs.append(f"meta.title not in the text: {meta['title']!r}")
    figs = g.get("figures") or []
    for i, f in enumerate(figs):
        where = f"figure {i} {f.get('raw')!r}"
        extra = set(f) - FIELDS
        if extra:
            errs.append(f"{where}: unknown fields {sorted(extra)}")
        for k in ("quote", "raw", "value", "kind", "unit", "metric", "metric_keywords", "role", "period", "estimate", "compared_with", "subject"):
            if k not in f:
                errs.append(f"{where}: {k} missing")
        q = norm(f.get("quote", ""))
        hits = [l for l in lines if q and q in l]
        if not hits:
            errs.append(f"{where}: quote not found in one line: {q!r}")
        if len(q.split()) > 20:
            errs.append(f"{where}: quote over 20 words")
        n = number_of(f.get("raw", ""))
        if n not in q:
            errs.append(f"{where}: number {n!r} not in quote")
        if f.get("kind") not in KINDS:
            errs.append(f"{where}: kind {f.get('kind')!r}")
        if f.get("role") not in ROLES:
            errs.append(f"{where}: role {f.get('role')!r}")
        if f.get("bound") not in BOUNDS:
            errs.append(f"{where}: bound {f.get('bound')!r}")
        if f.get("compared_with") not in CMP:
            errs.append(f"{where}: compared_with {f.get('compared_with')!r}")
        if f.get("role") == "change" and f.get("direction") not in ("up", "down"):
            errs.append(f"{where}: change without direction up/down")
        if f.get("role") != "change" and f.get("direction") is not None:
            errs.append(f"{where}: direction on a {f.get('role')}")
        if f.get("compared_with") and f.get("role") not in ("change", "plan_percent"):
            errs.append(f"{where}: compared_with on a {f.get('role')}")
        for k in ("parent", "refers_to"):
            v = f.get(k)
            if v is not None and not (isinstance(v, int) and 0 <= v < len(figs) and v != i):
                errs.append(f"{where}: {k} {v!r} is not another figure's index")
        p = f.get("period")
        if p is not None and not (isinstance(p, dict) and DATE.match(p.get("start") or "") and DATE.match(p.get("end") or "") and p["start"] <= p["end"]):
            errs.append(f"{where}: period {p!r}")
        if not isinstance(f.get("estimate"), bool):
            errs.append(f"{where}: estimate must be true or false")
        kws = f.get("metric_keywords")
        if not isinstance(kws, list) or not kws:
            errs.append(f"{where}: metric_keywords must be a non-empty list")
        for k in (kws or []) + (f.get("metric_forbid") or []):
            if norm(k).lower() not in norm(" ".join(lines)).lower():
                errs.append(f"{where}: keyword {k!r} is not a word of the text")
        for s in f.get("skip") or []:
            if s not in FIELDS:
                errs.append(f"{where}: skip {s!r} is not a field")
    for o in g.get("optional") or []:
        if not any(norm(o.get("quote", "")) in l for l in lines):
            errs.append(f"optional {o.get('raw')!r}: quote not found")
    return errs

def main():
    paths = sys.argv[1:] or sorted(str(p) for p in HERE.glob("*.json"))
    bad = 0
    for p in paths:
        errs = check(p)
        for e in errs:
            print(f"{pathlib.Path(p).name}: {e}")
        bad += bool(errs)
    print(f"{len(paths)} files, {bad} with errors")
    sys.exit(1 if bad else 0)

main()

#!/usr/bin/env python3
"""Renders the "jmh" section of BENCHMARKS.md from JMH JSON results (one file per round), see run-jmh.sh.

Files may come from several runs (directories, in the order given): a benchmark measured in a later run is
shown from that run only, and a "run" column says which (1 = the first directory given).

Every benchmark's time is the median of all its measured iterations, over all forks of all rounds; beside it
the median of each round (how far apart the rounds are shows the noise), and JMH's own mean with its 99.9 %
confidence half-width over everything. B/op is gc.alloc.rate.norm (the largest of the rounds).
"""
import json
import os
import statistics
import sys


def fmt(x):
    if x is None:
        return "-"
    if abs(x) < 0.005:
        return "0"
    if abs(x) < 1:
        return "%.2f" % x
    return "%.0f" % x if abs(x) >= 100 else "%.1f" % x


def main(files):
    rows = {}  # key -> dict
    order = []
    runs = []
    for f in files:
        d = os.path.dirname(os.path.abspath(f))
        if d not in runs:
            runs.append(d)
        run = runs.index(d) + 1
        with open(f) as fh:
            data = json.load(fh)
        for r in data:
            name = r["benchmark"].replace("dev.methodguard.bench.", "")
            p = r.get("params", {})
            key = (name, p.get("servlets", ""), p.get("routes", ""), p.get("format", ""), p.get("status", ""))
            if key not in rows or rows[key]["run"] != run:
                if key not in rows:
                    order.append(key)
                rows[key] = {"iters": [], "rounds": [], "bytes": [], "unit": r["primaryMetric"]["scoreUnit"], "run": run}
            raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            rows[key]["iters"] += raw
            rows[key]["rounds"].append(statistics.median(raw))
            norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            if norm is not None:
                rows[key]["bytes"].append(norm["score"])
    for key in order:
        it = rows[key]["iters"]
        rows[key]["median"] = statistics.median(it)
        rows[key]["mean"] = statistics.fmean(it)
        rows[key]["n"] = len(it)
        rows[key]["B"] = max(rows[key]["bytes"]) if rows[key]["bytes"] else None

    multi = len(runs) > 1
    print("| benchmark | servlets | routes | format | status | median | per round (median) | iterations | B/op |"
          + (" run |" if multi else ""))
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|" + ("---:|" if multi else ""))
    for key in order:
        name, servlets, routes, format_, status = key
        r = rows[key]
        unit = r["unit"].replace("/op", "")
        print("| %s | %s | %s | %s | %s | **%s %s/op** | %s | %d | %s |" % (
            name, servlets or "-", routes or "-", format_ or "-", status or "-", fmt(r["median"]), unit,
            " / ".join(fmt(x) for x in r["rounds"]), r["n"], fmt(r["B"])) + (" %d |" % r["run"] if multi else ""))

    def get(name, **kw):
        for key in order:
            if key[0] != name:
                continue
            k = dict(zip(("servlets", "routes", "format", "status"), key[1:]))
            if all(k[a] == str(b) for a, b in kw.items()):
                return rows[key]
        return None

    def all_of(name):
        return [rows[k] for k in order if k[0] == name]

    print()
    print("| target | measured | |")
    print("|---|---|---|")

    def target(label, measured, ok):
        print("| %s | %s | %s |" % (label, measured, "met" if ok else "**missed**"))

    unrouted = all_of("PassThroughBench.allowedGet") + all_of("PassThroughBench.unroutedGet")
    if unrouted:
        slow = max(r["median"] for r in unrouted)
        target("servlets without routes (allowedGet, unroutedGet) ≤ 25 ns/op", "slowest median %.1f ns/op" % slow, slow <= 25)
        most = max((r["B"] or 0) for r in unrouted)
        target("servlets without routes 0 B/op", "most %s B/op" % fmt(most), most < 1)
    a1, a10k = get("PassThroughBench.allowedGet", servlets=1), get("PassThroughBench.allowedGet", servlets=10000)
    if a1 and a10k:
        q = a10k["median"] / a1["median"]
        target("pass-through flat: 10,000 / 1 servlets ≤ 1.2", "%.3f" % q, q <= 1.2)
    if a1:
        u = all_of("PassThroughBench.unroutedGet")
        if u:
            q = max(x["median"] for x in u) / a1["median"]
            target("unrouted servlet beside a routed one, unchanged: slowest unroutedGet / allowedGet (1 servlet) ≤ 1.2",
                   "%.3f" % q, q <= 1.2)
    r10k = get("PassThroughBench.routedGet", routes=10000)
    if r10k:
        target("routed GET at 10,000 routes ≤ 60 ns/op", "median %.1f ns/op" % r10k["median"], r10k["median"] <= 60)
    routed = all_of("PassThroughBench.routedGet")
    if routed:
        most = max((r["B"] or 0) for r in routed)
        target("routed GET 0 B/op (1 to 10,000 routes)", "most %s B/op" % fmt(most), most < 1)
    rej = all_of("RejectBench.reject") + all_of("RejectBench.routedReject")
    if rej:
        slow = max(r["median"] for r in rej)
        target("rejection ≤ 1 µs/op (servlets and routes)", "slowest median %.0f ns/op" % slow, slow <= 1000)
    spread = {}
    for key in order:
        if key[0] == "RejectBench.reject" and rows[key]["B"] is not None:
            spread.setdefault(key[3] + " " + key[4], []).append(rows[key]["B"])
    if spread:
        flat = all(max(v) - min(v) <= 8 for v in spread.values())
        text = "; ".join("%s: %s–%s B" % (k, fmt(min(v)), fmt(max(v))) for k, v in sorted(spread.items()))
        target("rejection allocation independent of servlet count (same within 8 B)", text, flat)


if __name__ == "__main__":
    main(sys.argv[1:])

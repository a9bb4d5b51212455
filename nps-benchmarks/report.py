#!/usr/bin/env python3
"""Writes the Markdown tables of nps-benchmarks/run.sh from JMH's JSON results and the runs' logs.

    report.py suite   DIR   # DIR/<Class>.json and DIR/<Class>.log from the suite run
    report.py scaling DIR   # DIR/grouped-<rows>.json/.log from run.sh --scaling

Every row says which JMH result is ours and which is the peer's (if any), how the ratio is taken and what the
target is; a benchmark the run did not produce shows "not run" rather than disappearing from the table.
"""
import glob
import json
import os
import re
import sys


def load(directory):
    results = {}
    for path in glob.glob(os.path.join(directory, "*.json")):
        try:
            with open(path) as f:
                runs = json.load(f)
        except (OSError, ValueError):
            continue
        for r in runs:
            method = r["benchmark"].rsplit(".", 1)[1]
            cls = r["benchmark"].rsplit(".", 2)[1]
            params = tuple(sorted((r.get("params") or {}).items()))
            results[(cls, method, params)] = r
    return results


def memory_lines(directory, name):
    lines = []
    path = os.path.join(directory, name + ".log")
    if os.path.exists(path):
        with open(path, errors="replace") as f:
            for line in f:
                m = re.search(r"(MEMORY|CHECK) .*", line)
                if m and m.group(0) not in lines:
                    lines.append(m.group(0).strip())
    return lines


def bytes_per_response(directory, name):
    for line in memory_lines(directory, name):
        m = re.search(r"([0-9.]+) bytes per response", line)
        if m:
            return float(m.group(1))
    return None


def fmt(x):
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.3g}" if x >= 0.01 else f"{x:.2g}"


def cell(r, percentile=None):
    m = r["primaryMetric"]
    if percentile:
        return f"p{percentile:g} {fmt(m['scorePercentiles'][f'{percentile:.1f}'])} {m['scoreUnit']}"
    err = m.get("scoreError")
    err = "" if err is None or err != err else f" ± {fmt(err)}"
    return f"{fmt(m['score'])}{err} {m['scoreUnit']}"


def score(r, percentile=None):
    m = r["primaryMetric"]
    return m["scorePercentiles"][f"{percentile:.1f}"] if percentile else m["score"]


def suite(directory):
    res = load(directory)

    def get(cls, method, **params):
        return res.get((cls, method, tuple(sorted((k, str(v)) for k, v in params.items()))))

    rows = []  # (benchmark, ours, peer, ratio, target, check)

    def pair(label, ours, peer, target, check=None, time_mode=False):
        if ours is None:
            rows.append((label, "not run", "-", "-", target, "not run"))
            return
        if peer is None:
            rows.append((label, cell(ours), "-", "-", target, check(score(ours), None) if check else "-"))
            return
        o, p = score(ours), score(peer)
        ratio = p / o if time_mode else o / p
        rows.append((label, cell(ours), cell(peer), f"{ratio:.2f}x", target, check(o, ratio) if check else "-"))

    def met(ok):
        return "met" if ok else "**missed**"

    g = "GroupedNpsBenchmark"
    pair("Grouped NPS, 20 segments x ISO week, 10M in memory: ColumnarIndex vs DuckDB (time/query)",
         get(g, "oursColumnarIndex"), get(g, "peerDuckDb"), ">= 3x faster than DuckDB",
         lambda o, r: met(r is not None and r >= 3), time_mode=True)
    bpr = bytes_per_response(directory, g)
    rows.append(("Grouped NPS, 10M in memory: index size", "not run" if bpr is None else f"{bpr:.2f} B/response", "-",
                 "-", "<= 16 B/response", "not run" if bpr is None else met(bpr <= 16)))

    s = "StoreInsertBenchmark"
    for db, name in (("h2", "embedded H2"), ("postgresql", "PostgreSQL")):
        pair(f"Recording into {name}: JdbcStore.insertResponses (1,000/batch) vs hand-written JDBC batch",
             get(s, "storeBatch", db=db), get(s, "handWrittenBatch", db=db),
             ">= 80% of the hand-written batch (ratio >= 0.80)", lambda o, r: met(r is not None and r >= 0.8))
        pair(f"Recording into {name}: insertResponse one at a time", get(s, "storeOneByOne", db=db), None, "-")

    mr = "MemoryRecordingBenchmark"
    pair("Recording in memory: InMemoryStore.insertResponses (1,000/batch, building the responses included)",
         get(mr, "inMemoryStoreBatch"), None, "-")
    pair("Recording in memory: ColumnarIndex.append (the dashboard's live index, building the responses included)",
         get(mr, "indexAppend"), None, "-")

    sg = "StoreGroupedNpsBenchmark"
    for db, name in (("h2", "embedded H2"), ("postgresql", "PostgreSQL")):
        pair(f"Grouped NPS over 1M stored in {name}: store scan into cells vs the database's GROUP BY (time/query)",
             get(sg, "scanIntoCells", db=db), get(sg, "sqlGroupBy", db=db), "-", time_mode=True)
        pair(f"Grouped NPS over 1M stored in {name}: store scan alone (time/query)", get(sg, "scanOnly", db=db),
             None, "-")

    d = "DashboardQueryBenchmark"
    for method in ("summaryLast30Days", "summaryAllTimeByRegion", "summaryFiltered", "drillDownSegmentPage",
                   "storeScanSummary"):
        r = get(d, method, store="embedded")
        how = "store scan, no HTTP" if method == "storeScanSummary" else "HTTP round trip"
        label = f"Dashboard over 1M stored (embedded H2): {method} ({how})"
        if r is None:
            rows.append((label, "not run", "-", "-", "p95 < 100 ms", "not run"))
        else:
            p95 = score(r, 95.0)
            rows.append((label, cell(r, 95.0), "-", "-", "p95 < 100 ms", met(p95 < 100)))

    t = "TextAnalyserBenchmark"
    pair("Built-in sentiment + themes, one thread (comments/s)", get(t, "analyse"), None, ">= 20,000 comments/s",
         lambda o, r: met(o >= 20000))
    pair("Built-in sentiment only, one thread (comments/s)", get(t, "sentimentOnly"), None, "-")
    pair("Built-in themes only, one thread (comments/s)", get(t, "themesOnly"), None, "-")
    e = "EmbeddingAnalyserBenchmark"
    pair("Embeddings analyser (nps-nlp-embeddings), one comment against discovered themes, vs built-in (comments/s)",
         get(e, "analyse"), get(t, "analyse"), "-")
    pair("Embeddings analyser, batch of 200 with discovery, vs built-in batch (comments/s)",
         get(e, "analyseAllBatch"), get(t, "analyseAllBatch"), "-")

    di = "DispatchBenchmark"
    for batch in ("100", "1000"):
        pair(f"Dispatch, no-op channel, in-memory outbox, batch {batch} (invitations/s)",
             get(di, "dispatchAll", batchSize=batch), None, ">= 5,000 invitations/s with a PostgreSQL outbox",
             lambda o, r: ("met in memory; PostgreSQL outbox: JdbcDispatchBenchmark rows" if o >= 5000
                           else "**missed** (even in memory)"))

    jd = "JdbcDispatchBenchmark"
    # The suite runs sendThreads=0 only (a no-op channel gains nothing from send threads); see SUITE in run.sh.
    for database in ("postgresql", "h2"):
        for dispatchers in ("1", "2", "4"):
            for batch in ("100", "500"):
                target = ">= 5,000 invitations/s" if database == "postgresql" else "-"
                pair(f"Dispatch, no-op channel, {database} outbox, {dispatchers} dispatcher(s), batch {batch} "
                     f"(invitations/s)",
                     get(jd, "dispatchAll", database=database, dispatchers=dispatchers, batchSize=batch,
                         sendThreads="0"), None, target,
                     (lambda o, r: met(o >= 5000)) if database == "postgresql" else None)

    e = "EmailSendBenchmark"
    pair("Email into GreenMail: pooled channel vs Transport.send per message (messages/s)",
         get(e, "pooledChannel"), get(e, "transportSendPerMessage"), ">= 5x one connection per message",
         lambda o, r: met(r is not None and r >= 5))
    pair("Email into GreenMail: pooled channel vs the channel with a new connection per message (messages/s)",
         get(e, "pooledChannel"), get(e, "channelWithNewConnectionPerMessage"), ">= 5x one connection per message",
         lambda o, r: met(r is not None and r >= 5))

    sm = "SmsSendBenchmark"
    for transport in ("rest", "smpp"):
        for threads in ("1", "8"):
            found = [r for (c, m, p), r in res.items() if c == sm and dict(p).get("transport") == transport
                     and str(dict(p).get("concurrency", dict(p).get("threads", ""))) == threads]
            if not found:
                # parameter names differ: show whatever the run produced for this transport
                found = [r for (c, m, p), r in res.items() if c == sm and transport in dict(p).values()
                         and threads in dict(p).values()]
            label = f"SMS {transport.upper()} into a local server, {threads} in flight (messages/s)"
            rows.append((label, cell(found[0]) if found else "not run", "-", "-", "-", "-"))

    out = ["| benchmark | ours | peer | ratio | target | check |", "|---|---|---|---|---|---|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    out.append("")
    out.append("Ratio: for times peer/ours, for throughputs ours/peer (above 1: ours is faster). "
               "Errors are JMH's 99.9% intervals.")
    notes = []
    for name in sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(directory, "*.log"))):
        notes += [f"- {name}: {line}" for line in memory_lines(directory, name)]
    if notes:
        out.append("")
        out += notes
    return "\n".join(out)


def scaling(directory):
    out = ["| responses in memory | grouped NPS time/query (segment x week) | index bytes | bytes/response |",
           "|---|---|---|---|"]
    sizes = sorted(int(os.path.basename(p)[len("grouped-"):-5]) for p in glob.glob(os.path.join(directory, "grouped-*.json")))
    for n in sizes:
        res = load_one(os.path.join(directory, f"grouped-{n}.json"))
        mem = [l for l in memory_lines(directory, f"grouped-{n}") if l.startswith("MEMORY")]
        m = re.search(r"(\d+) bytes, ([0-9.]+) bytes per response", mem[0]) if mem else None
        out.append(f"| {n:,} | {cell(res) if res else 'not run'} | "
                   f"{'-' if not m else f'{int(m.group(1)) / 1e6:,.1f} MB'} | {'-' if not m else m.group(2)} |")
    rec = sorted(int(os.path.basename(p)[len("recording-"):-5])
                 for p in glob.glob(os.path.join(directory, "recording-*.json")))
    if rec:
        out += ["", "| responses recorded into empty embedded H2 tables | JdbcStore.insertResponses (1,000/batch)"
                " | hand-written JDBC batch | ratio (ours/peer rate) |", "|---|---|---|---|"]
        for n in rec:
            try:
                with open(os.path.join(directory, f"recording-{n}.json")) as f:
                    runs = json.load(f)
            except (OSError, ValueError):
                runs = []
            o = next((r for r in runs if r["benchmark"].endswith("recordAllStore")), None)
            p = next((r for r in runs if r["benchmark"].endswith("recordAllPeer")), None)

            def rate(r):
                return f"{fmt(score(r))} s ({fmt(n / score(r))} responses/s)" if r else "not run"
            ratio = f"{score(p) / score(o):.2f}x" if o and p else "-"
            peer_cell = rate(p) if p or n == rec[0] else "- (skipped to fit the time)"
            out.append(f"| {n:,} | {rate(o)} | {peer_cell} | {ratio} |")
    idx = sorted(int(os.path.basename(p)[len("index-recording-"):-5])
                 for p in glob.glob(os.path.join(directory, "index-recording-*.json")))
    if idx:
        out += ["", "| responses recorded into an empty in-memory index | ColumnarIndex.append (building the responses"
                " included) | index bytes | bytes/response |", "|---|---|---|---|"]
        for n in idx:
            r = load_one(os.path.join(directory, f"index-recording-{n}.json"))
            mem = [l for l in memory_lines(directory, f"index-recording-{n}") if l.startswith("MEMORY index")]
            m = re.search(r"(\d+) bytes, ([0-9.]+) bytes per response", mem[-1]) if mem else None
            took = f"{fmt(score(r))} s ({fmt(n / score(r))} responses/s)" if r else "not run"
            out.append(f"| {n:,} | {took} | {'-' if not m else f'{int(m.group(1)) / 1e6:,.1f} MB'} | "
                       f"{'-' if not m else m.group(2)} |")
    return "\n".join(out)


def load_one(path):
    try:
        with open(path) as f:
            runs = json.load(f)
        return runs[0] if runs else None
    except (OSError, ValueError):
        return None


if __name__ == "__main__":
    mode, directory = sys.argv[1], sys.argv[2]
    print(suite(directory) if mode == "suite" else scaling(directory))

"""Speed of the whole triage through the real `comity triage --jsonl` path, against peers.

    .venv/bin/python benchmarks/triage_latency_bench.py [--n 3000] [--repeats 3] [--bundle default]

Measures, in one run on the same texts:
- batch throughput of `comity triage --jsonl`: its code path (`triage_jsonl`: parse JSON
  lines, normalise, language id, all signals, category, action and reasons, write JSON
  lines) in this process, pinned to one CPU, best of --repeats; and the real command as a
  subprocess, end to end, whose startup (imports + model load, measured with empty
  input) is reported separately. Wall and CPU time are both reported: on a shared
  machine CPU time is the less disturbed of the two.
- single-comment latency p50/p99 of `Triager.triage_inputs([one])` in this process;
- load time of a fresh process (import + `Triager.load()`), and its resident memory
  (VmRSS after loading and after a batch, VmHWM peak);
- the offline peers of benchmarks/triage_peers.py (korcen, better-profanity,
  alt-profanity-check, VADER) on the same texts, and Comity / peer speed ratios.

Data: the fixed-seed samples of benchmarks/triage_peers.py (train/dev files of
../shared/data, read at run time, never copied). Texts are sent without a language, so
language id is part of the measured work.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from triage_peers import load_peers, load_sets  # noqa: E402

from comity.cli.triage import triage_jsonl  # noqa: E402
from comity.triage import Triager  # noqa: E402
from comity.triage.triager import TriageInput  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
COMITY = ROOT / ".venv/bin/comity"
ONE_THREAD = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}

PROBE = """
import json, sys, time
t0 = time.perf_counter()
from comity.triage import Triager
from comity.triage.triager import TriageInput
triager = Triager.load(sys.argv[1])
triager.triage_inputs([TriageInput("warm up")])
load = time.perf_counter() - t0
def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024
loaded = status("VmRSS:")
texts = [line.rstrip("\\n") for line in sys.stdin]
for i in range(0, len(texts), 512):
    triager.triage_inputs([TriageInput(t) for t in texts[i : i + 512]])
print(json.dumps({"load_s": load, "rss_loaded_mb": loaded, "rss_after_mb": status("VmRSS:"),
                  "hwm_mb": status("VmHWM:")}))
"""


def _pin() -> None:
    """Run the child on one CPU (the last one, usually the quieter)."""
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})


def run_cli(path: Path | None, bundle: str) -> tuple[float, float, int]:
    """(wall s, CPU s, lines out) of `comity triage --jsonl` reading ``path`` (None: empty)."""
    env = {**os.environ, **ONE_THREAD}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with path.open("rb") if path else open(os.devnull, "rb") as stdin:
        done = subprocess.run(
            [str(COMITY), "triage", "--jsonl", "--bundle", bundle],
            stdin=stdin,
            capture_output=True,
            env=env,
            preexec_fn=_pin,
            check=False,
        )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"comity triage failed: {done.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.count(b"\n")


def best(runs: list[tuple[float, float, int]]) -> tuple[float, float]:
    return min(r[0] for r in runs), min(r[1] for r in runs)


def write_jsonl(texts: list[str], folder: Path, name: str) -> Path:
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    return path


def probe(texts: list[str], bundle: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, bundle],
        input="\n".join(t.replace("\n", " ") for t in texts).encode(),
        capture_output=True,
        env={**os.environ, **ONE_THREAD},
        preexec_fn=_pin,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def min_times(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``fn`` over ``repeats`` runs."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def peer_speed(run: object, texts: list[str], cap: int) -> float:
    sample = texts[:cap]
    start = time.perf_counter()
    run(sample)  # type: ignore[operator]
    return len(sample) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="comments per data set")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--single", type=int, default=2000, help="single-comment calls")
    parser.add_argument("--bundle", default="default")
    args = parser.parse_args()
    _pin()  # this process too: Comity and the peers run on the same single CPU

    sets = load_sets(args.n, args.seed)
    if not sets:
        raise SystemExit("no data sets found under ../shared/data")
    peers, failed = load_peers()
    print(f"{platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; ", end="")
    print(f"bundle {args.bundle}; peers: {', '.join(p.name for p in peers) or 'none'}")
    for line in failed:
        print(f"  peer skipped: {line}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        startup = best([run_cli(None, args.bundle) for _ in range(args.repeats)])
        print(
            f"\n`comity triage --jsonl` startup (empty input): wall {startup[0]:.2f} s, "
            f"CPU {startup[1]:.2f} s"
        )
        triager = Triager.load(args.bundle)
        everything: list[str] = []
        print(
            "\n| set | n | Comity comments/s (wall / CPU) | peer | peer comments/s | "
            "Comity / peer (wall) |"
        )
        print("|---|---:|---:|---|---:|---:|")
        for data in sets:
            everything += data.texts
            lines = [
                json.dumps({"id": i, "text": t}, ensure_ascii=False)
                for i, t in enumerate(data.texts)
            ]
            n = len(lines)
            wall, cpu = min_times(
                lambda ls=lines: triage_jsonl(triager, ls, io.StringIO()), args.repeats
            )
            per_wall, per_cpu = n / wall, n / cpu
            mine = [p for p in peers if data.lang in p.langs and p.task == data.task]
            if not mine:
                print(f"| {data.name} | {n} | {per_wall:,.0f} / {per_cpu:,.0f} | — | — | — |")
            for peer in mine:
                cap = 300 if peer.name == "better-profanity" else n  # ~40 comments/s
                speed = max(peer_speed(peer.run, data.texts, cap) for _ in range(args.repeats))
                print(
                    f"| {data.name} | {n} | {per_wall:,.0f} / {per_cpu:,.0f} | {peer.name} | "
                    f"{speed:,.0f} | {per_wall / speed:.2f}× |"
                )
        lines = [
            json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(everything)
        ]
        n = len(lines)
        wall, cpu = min_times(
            lambda ls=lines: triage_jsonl(triager, ls, io.StringIO()), args.repeats
        )
        print(f"\nall sets mixed, n={n}: {n / wall:,.0f} comments/s wall, {n / cpu:,.0f} CPU")
        path = write_jsonl(everything, folder, "all")
        e2e_wall, e2e_cpu = best([run_cli(path, args.bundle) for _ in range(args.repeats)])
        print(
            f"`comity triage --jsonl < all.jsonl` as a command, startup included: "
            f"{n / e2e_wall:,.0f} comments/s wall, {n / e2e_cpu:,.0f} CPU "
            f"({e2e_wall:.2f} s wall, {e2e_cpu:.2f} s CPU)"
        )

    sample = everything[: args.single]
    triager.triage_inputs([TriageInput(t) for t in sample[:50]])  # warm caches
    latencies, cpu_latencies = [], []
    for text in sample:
        start, cpu = time.perf_counter(), time.thread_time()
        triager.triage_inputs([TriageInput(text)])
        latencies.append((time.perf_counter() - start) * 1e3)
        cpu_latencies.append((time.thread_time() - cpu) * 1e3)
    p50, p99 = np.percentile(latencies, [50, 99])
    c50, c99 = np.percentile(cpu_latencies, [50, 99])
    print(
        f"single comment (n={len(sample)}): wall p50 {p50:.3f} ms, p99 {p99:.3f} ms, "
        f"max {max(latencies):.3f} ms; CPU p50 {c50:.3f} ms, p99 {c99:.3f} ms, "
        f"max {max(cpu_latencies):.3f} ms"
    )

    runs = [probe(everything, args.bundle) for _ in range(args.repeats)]
    load = min(r["load_s"] for r in runs)
    print(
        f"fresh process: import + Triager.load() + first comment {load:.2f} s; "
        f"RSS loaded {runs[0]['rss_loaded_mb']:.0f} MB, after {n} comments "
        f"{runs[0]['rss_after_mb']:.0f} MB, peak {max(r['hwm_mb'] for r in runs):.0f} MB"
    )


if __name__ == "__main__":
    main()

"""One report per story on more than one core: the shared corpus ×10, 1 vs 2 workers.

    python benchmarks/parallel.py [--corpus ../shared/corpus] [--copies 10] [--workers 1,2]

The ten clusters of the corpus are copied ``--copies`` times as stories of their own
(740 documents, 100 stories), then checked three ways for each number of workers:

- ``check_stories(docs, jobs=N)`` (a process pool, what ``claimcheck check --stories -j N`` runs);
- the Dask recipe of docs/pipelines.md on a ``LocalCluster`` of N single-threaded worker
  processes (cluster start-up not counted; the first run warms the workers up);
- and, once, ``check_stories(docs)`` on one process, the reference every run must equal.

Wall-clock seconds, best of ``--repeat`` runs. The machine's load average is printed too:
other processes on the machine slow every figure down.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import claimcheck as cc

ROOT = Path(__file__).resolve().parents[1]


def corpus_copies(corpus: Path, copies: int) -> list[cc.Document]:
    docs = cc.read_documents(corpus)
    return [d.model_copy(update={"story": f"{d.story}#{k}"}) for k in range(copies) for d in docs]


def reports_by_story(docs: list[cc.Document], client: object) -> dict[str | None, cc.Report]:
    """The Dask recipe of docs/pipelines.md ("More than one machine")."""
    import dask.bag as db

    bag = db.from_sequence(docs, npartitions=max(1, 4 * sum(client.nthreads().values())))  # type: ignore[attr-defined]
    stories = bag.map(cc.Story.of).foldby(lambda story: story.name, cc.Story.merge)
    return dict(stories.map(lambda pair: (pair[0], pair[1].report())).compute())


def best(fn: object, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"parallel: no corpus at {args.corpus}; skipped")
        return 0
    docs = corpus_copies(args.corpus, args.copies)
    print(f"parallel: {len(docs)} documents, {len({d.story for d in docs})} stories; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    reference = cc.check_stories(docs)
    print(f"  check_stories, one process (reference): {time.perf_counter() - t0:6.2f} s")
    workers = [int(w) for w in args.workers.split(",")]
    base: dict[str, float] = {}
    for n in workers:
        seconds, out = best(lambda n=n: cc.check_stories(docs, jobs=n), args.repeat)
        assert out == reference
        base.setdefault("pool", seconds)
        print(f"  check_stories(jobs={n}) (process pool):     {seconds:6.2f} s  "
              f"speed-up {base['pool'] / seconds:4.2f}×")
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("  dask: not installed (pip install 'claimcheck[dask]'); skipped")
        return 0
    for n in workers:
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            reports_by_story(docs[:20], client)  # warm the workers up: imports and lexicons
            seconds, out = best(lambda client=client: reports_by_story(docs, client), args.repeat)
        assert out == reference
        base.setdefault("dask", seconds)
        print(f"  Dask LocalCluster, {n} worker{'s' if n > 1 else ' '}:           {seconds:6.2f} s  "
              f"speed-up {base['dask'] / seconds:4.2f}×")
    print(f"  load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

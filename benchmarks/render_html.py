"""Render the HTML report of a story to a PNG with headless Chromium, to see what people see.

    python benchmarks/render_html.py                  # the seed articles (../shared/seeds)
    python benchmarks/render_html.py examples/story   # any directory of *.txt (+ meta.json)

Writes ``build/render/<name>.html`` and ``build/render/<name>.png`` (or ``--out-dir``).
Needs a Chromium binary (``apt-get install chromium``; or pass ``--chromium PATH``). The
browser runs with networking features off and a throw-away profile; the page itself loads
nothing from outside (inline CSS, no scripts), so the picture is exactly the report.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import claimcheck as cc  # noqa: E402
from claimcheck.cli import load_documents  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]


def seed_documents(folder: Path) -> list[cc.Document]:
    """The seed articles with the ids gold.json uses (000…004)."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return [cc.Document(id=k, text=(folder / v["file"]).read_text(encoding="utf-8"))
            for k, v in sorted(gold["documents"].items())]


def find_chromium(given: str | None) -> str:
    for name in ([given] if given else []) + ["chromium", "chromium-browser", "google-chrome", "chrome"]:
        path = shutil.which(name) if name else None
        if path:
            return path
    raise SystemExit("render_html: no Chromium found (apt-get install chromium, or --chromium PATH)")


def screenshot(chromium: str, page: Path, png: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory(prefix="cc-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
               f"--window-size={width},{height}", page.resolve().as_uri()]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or not png.exists():
        raise SystemExit(f"render_html: chromium failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("story", nargs="?", help="directory of *.txt (default: the seed articles)")
    ap.add_argument("--out-dir", default=str(ROOT / "build" / "render"))
    ap.add_argument("--chromium", default=None)
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=2400)
    args = ap.parse_args(argv)

    if args.story:
        docs, name = load_documents([args.story]), Path(args.story).name
    elif SEEDS.is_dir():
        docs, name = seed_documents(SEEDS), "seed_report"
    else:
        raise SystemExit(f"render_html: no story given and no seeds at {SEEDS}")
    report = cc.check(docs)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    page, png = out / f"{name}.html", out / f"{name}.png"
    page.write_text(report.to_html(), encoding="utf-8")
    screenshot(find_chromium(args.chromium), page, png, args.width, args.height)
    kinds = ", ".join(f"{f.kind}{' (dates)' if f.temporal else ''}" for f in report.findings)
    print(f"render_html: {len(docs)} documents, {len(report.claims)} claims, findings: {kinds or 'none'}")
    print(f"render_html: wrote {page} and {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

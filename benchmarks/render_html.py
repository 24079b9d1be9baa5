"""Render the HTML report of a story to a PNG with headless Chromium, to see what people see.

    python benchmarks/render_html.py                  # the seed articles (../shared/seeds)
    python benchmarks/render_html.py examples/story   # any directory of *.txt (+ meta.json)
    python benchmarks/render_html.py ../shared/corpus/aceh-earthquake-2013 --height 9000
    python benchmarks/render_html.py examples/story --notebook   # inside notebook-like CSS

Writes ``build/render/<name>.html`` and ``build/render/<name>.png`` (or ``--out-dir``).
``--notebook`` renders ``report._repr_html_()`` (what Jupyter shows) inside a page whose own
CSS does what JupyterLab's does to tables and quotes (right-aligned cells, striped rows,
no borders, its blockquote style), to see that the report's scoped styles hold; it writes
``<name>.notebook.html``/``.png``. ``--meta FILE`` adds document metadata (the CLI's format).
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

import claimcheck as cc
from claimcheck.cli import load_documents

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
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if proc.returncode != 0 or not png.exists():
        raise SystemExit(f"render_html: chromium failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")


#: What a notebook's stylesheet does to HTML output (after JupyterLab's rendermime CSS): the
#: rules the report's own styles must override.
NOTEBOOK_CSS = """
body{font-family:sans-serif;font-size:13px;margin:1em;background:#fff}
.jp-RenderedHTMLCommon table{border-collapse:collapse;border-spacing:0;border:none;font-size:12px;table-layout:fixed;margin-left:auto;margin-right:auto}
.jp-RenderedHTMLCommon thead{border-bottom:1px solid #616161;vertical-align:bottom}
.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th,.jp-RenderedHTMLCommon tr{text-align:right;vertical-align:middle;padding:.5em;line-height:normal;white-space:normal;max-width:none;border:none}
.jp-RenderedHTMLCommon tbody tr:nth-child(odd){background:#f5f5f5}
.jp-RenderedHTMLCommon blockquote{margin:1em 2em;padding:0 1em;border-left:5px solid #e0e0e0}
.jp-RenderedHTMLCommon h1,.jp-RenderedHTMLCommon h2{font-size:2em;margin:1em 0 .5em;line-height:1}
.jp-RenderedHTMLCommon p{text-align:justify;margin:0 0 1em}
.jp-RenderedHTMLCommon svg{max-width:50%}
"""


def notebook_page(fragment: str) -> str:
    """``fragment`` (a ``_repr_html_``) as a notebook cell output would hold it."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>notebook</title>"
            f"<style>{NOTEBOOK_CSS}</style></head><body><div class=\"jp-OutputArea-output jp-RenderedHTMLCommon\">"
            f"{fragment}</div></body></html>\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("story", nargs="?", help="directory of *.txt (default: the seed articles)")
    ap.add_argument("--out-dir", default=str(ROOT / "build" / "render"))
    ap.add_argument("--chromium", default=None)
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=2400)
    ap.add_argument("--meta", default=None, help="document metadata file (as for the CLI)")
    ap.add_argument("--notebook", action="store_true", help="render _repr_html_ inside notebook-like CSS")
    args = ap.parse_args(argv)

    if args.story:
        docs, name = load_documents([args.story], args.meta), Path(args.story).name
    elif SEEDS.is_dir():
        docs, name = seed_documents(SEEDS), "seed_report"
    else:
        raise SystemExit(f"render_html: no story given and no seeds at {SEEDS}")
    report = cc.check(docs)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if args.notebook:
        page, png = out / f"{name}.notebook.html", out / f"{name}.notebook.png"
        page.write_text(notebook_page(report._repr_html_()), encoding="utf-8")
    else:
        page, png = out / f"{name}.html", out / f"{name}.png"
        page.write_text(report.to_html(), encoding="utf-8")
    screenshot(find_chromium(args.chromium), page, png, args.width, args.height)
    kinds = ", ".join(f"{f.kind}{' (dates)' if f.temporal else ''}" for f in report.findings)
    print(f"render_html: {len(docs)} documents, {len(report.claims)} claims, findings: {kinds or 'none'}")
    print(f"render_html: wrote {page} and {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

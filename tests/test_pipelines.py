"""The Dask recipe of docs/pipelines.md, run as written on a local Dask cluster.

The recipe is read from the page itself (the Python block under "More than one machine"),
so the documented code is the tested code. Skipped when dask is not installed (the
``dask`` extra; ``make test`` installs it).
"""

from __future__ import annotations

import json
import re
import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import claimcheck as cc

ROOT = Path(__file__).resolve().parents[1]
PIPELINES = ROOT / "docs" / "pipelines.md"

TEXTS = {
    "zorbix": ["Zorbix has 355 million monthly active users, the company said.",
               "Zorbix has 396 million monthly active users, analysts said.",
               "Zorbix said it has 355 million monthly active users."],
    "flood": ["The flood in Varno killed at least 12 people on Monday, officials said.",
              "Officials said 14 people were killed in the flood in Varno.",
              "The flood damaged more than 300 homes, the governor said."],
    "heist": ["Robbers stole jewels worth 80 million euros in the heist, police said.",
              "Police said the thieves took jewels worth 85 million euros."],
}


def _recipe(tmp_path: Path) -> dict[str, Any]:
    text = PIPELINES.read_text(encoding="utf-8")
    section = text[text.index("## More than one machine: Dask"):]
    (code,) = re.findall(r"```python\n(.*?)```", section[:section.index("\n## ", 5)], flags=re.DOTALL)
    script = tmp_path / "recipe.py"
    script.write_text(code, encoding="utf-8")
    return runpy.run_path(str(script), run_name="recipe")  # not "__main__": the demo block does not run


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


def _docs() -> list[cc.Document]:
    return [cc.Document(id=f"{i:02d}", text=t, story=name) for name, texts in TEXTS.items()
            for i, t in enumerate(texts, start=1)]


def test_the_dask_recipe_gives_check_stories_reports(client: Any, tmp_path: Path) -> None:
    recipe = _recipe(tmp_path)
    docs = _docs()
    reports = recipe["reports_by_story"](docs, client)
    expected = cc.check_stories(docs)
    assert sorted(reports) == sorted(expected) == ["flood", "heist", "zorbix"]
    for name in expected:
        assert reports[name] == expected[name], name
    assert [f.kind for f in reports["zorbix"].conflicts] == ["conflict"]


def test_the_dask_recipe_reads_json_lines_on_the_workers(client: Any, tmp_path: Path) -> None:
    recipe = _recipe(tmp_path)
    docs = _docs()
    for part in range(2):  # two files, documents of one story in both
        lines = [json.dumps({"id": d.id, "text": d.text, "story": d.story}) for d in docs[part::2]]
        (tmp_path / f"feed-{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = recipe["reports_from_json_lines"](str(tmp_path / "feed-*.jsonl"), client)
    expected = cc.check_stories(docs)
    assert {name: r.findings for name, r in reports.items()} == {name: r.findings for name, r in expected.items()}


def test_the_package_pickles_by_name_as_modules_do() -> None:
    """A task that refers to ``cc`` (a lambda in a notebook) ships the package's name."""
    import pickle

    assert pickle.loads(pickle.dumps(cc)) is cc
    cloudpickle = pytest.importorskip("cloudpickle")
    task = cloudpickle.loads(cloudpickle.dumps(lambda text: cc.extract(text)))
    assert [c.metric for c in task("Five people died.")] == ["deaths"]

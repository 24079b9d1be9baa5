"""Story: documents (or stored claims) one at a time, always exactly check's report.

The corpus tests read the ten clusters of ``../shared/corpus`` (skipped without it); every
other test writes its own texts.
"""

from __future__ import annotations

import functools
import pickle
import random
from pathlib import Path

import pytest

import claimcheck as cc
import claimcheck.claims
from claimcheck.story import mixed_story_warning

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CLUSTERS = sorted(p.name for p in CORPUS.iterdir() if (p / "meta.json").is_file()) if CORPUS.is_dir() else []

A = cc.Document(id="a", text="Zorbix has 355 million monthly active users.", source="Herald")
B = cc.Document(id="b", text="Zorbix has 396 million monthly active users.", source="Wire")
C = cc.Document(id="c", text="The flood in Varno killed at least 12 people on Monday, officials said.")
D = cc.Document(id="d", text="Officials said 14 people were killed in the flood in Varno.")


def _orders(docs: list[cc.Document]) -> list[list[cc.Document]]:
    """The three arrival orders: as read, reversed, and a fixed shuffle."""
    shuffled = list(docs)
    random.Random(10).shuffle(shuffled)
    return [list(docs), list(reversed(docs)), shuffled]


# --------------------------------------------------------------------------- the corpus


@pytest.mark.skipif(not CLUSTERS, reason="../shared/corpus is not there")
@pytest.mark.parametrize("cluster", CLUSTERS)
def test_incremental_equals_batch_in_three_orders(cluster: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each text is read by the claim stage once (memoised: extraction is per document and
    # deterministic); check and Story run all of their own code on every call.
    _memoise(monkeypatch)
    docs = cc.read_documents(CORPUS / cluster)
    batch = cc.check(docs)
    assert batch.claims, "every cluster gives claims"
    assert not any("stories" in w for w in batch.warnings), "one cluster is one story"
    for order in _orders(docs):
        story = cc.Story()
        for k, d in enumerate(order, start=1):
            story.add(d)
            assert story.report() == cc.check(order[:k]), f"{cluster}: after {k} documents"
        assert story.report() == batch


def _memoise(m: pytest.MonkeyPatch) -> None:
    real = claimcheck.claims.analyse
    memo: dict[cc.Document, claimcheck.claims.Extraction] = {}

    def analyse(doc: cc.Document, **options: object) -> claimcheck.claims.Extraction:
        assert not options.get("aliases") and not options.get("metric_synonyms")
        if doc not in memo:
            memo[doc] = real(doc)
        return memo[doc]

    m.setattr(claimcheck.claims, "analyse", analyse)


@pytest.mark.skipif(not CLUSTERS, reason="../shared/corpus is not there")
def test_claim_ids_are_the_same_from_extract_and_check_and_stored_claims_check_the_same() -> None:
    docs = cc.read_documents(CORPUS / CLUSTERS[0])
    batch = cc.check(docs)
    extracted = {d.id: cc.extract(d) for d in docs}
    for d in docs:
        assert [c.id for c in extracted[d.id]] == [c.id for c in batch.claims if c.doc_id == d.id]
    # stored as JSON Lines, read back, checked without extracting again
    lines = "\n".join(c.model_dump_json() for cs in extracted.values() for c in cs)
    import io

    stored = cc.read_claims(io.StringIO(lines))
    again = cc.check(docs, claims=stored)
    assert again.findings == batch.findings and again.claims == batch.claims
    assert again.set_aside == ()  # figures set aside are what extraction gives, not stored claims
    story = cc.Story()
    for d in reversed(docs):
        story.add(d, [c for c in stored if c.doc_id == d.id])
    assert story.report() == again


# --------------------------------------------------------------------------- Story


def test_story_report_is_checks_at_every_step() -> None:
    story = cc.Story()
    seen: list[cc.Document] = []
    for d in (C, A, D, B):
        story.add(d)
        seen.append(d)
        assert story.report() == cc.check(seen)
    assert [f.kind for f in story.report().conflicts] == ["conflict"]


def test_story_options_are_checks_options() -> None:
    options = {"aliases": {"Zorbix Inc": "Zorbix"}, "tolerance": 0.2, "max_claims_per_document": 1}
    x = cc.Document(id="x", text="Zorbix Inc has 355 million monthly active users and 4 offices.")
    story = cc.Story([x, B], **options)  # type: ignore[arg-type]
    assert story.report() == cc.check([x, B], **options)  # type: ignore[arg-type]
    assert any("max_claims_per_document=1" in w for w in story.report().warnings)


def test_story_takes_texts_as_check_does() -> None:
    texts = [A.text, B.text]
    assert cc.Story(texts).report() == cc.check(texts)


def test_story_refuses_a_second_document_of_the_same_id_unless_replacing() -> None:
    story = cc.Story([A])
    with pytest.raises(cc.InputError, match="already in the story"):
        story.add(A)
    story.add(cc.Document(id="a", text=B.text), replace=True)
    assert [c.quantity.value for c in story.report().claims] == [396e6]
    story.remove("a")
    assert len(story) == 0 and "a" not in story
    with pytest.raises(cc.InputError, match="no document 'b'"):
        story.remove("b")


def test_story_checks_its_options_and_inputs_at_once() -> None:
    with pytest.raises(cc.InputError, match="tolerance"):
        cc.Story(tolerance=3)
    with pytest.raises(cc.InputError, match="not int"):
        cc.Story().add(5)  # type: ignore[arg-type]
    with pytest.raises(cc.InputError, match="claim of document 'a' for document 'b'"):
        cc.Story().add(B, cc.extract(A))


def test_story_warnings_come_first_and_stay() -> None:
    story = cc.Story([A, B])
    story.warn("skipped input: feed line 3: not valid JSON")
    assert story.report().warnings[0] == "skipped input: feed line 3: not valid JSON"
    assert story.report().findings == cc.check([A, B]).findings


def test_stored_claims_without_their_document_are_checked_with_a_warning() -> None:
    story = cc.Story([A])
    story.add_claims(cc.extract(B))
    report = story.report()
    assert [f.kind for f in report.conflicts] == ["conflict"]
    assert report == cc.check([A], claims=cc.extract(B))
    assert report.warnings == ("document 'b': checked from its stored claims, without its text",)
    assert {d.id: d.text for d in report.documents}["b"] == ""


def test_check_refuses_what_is_not_claims() -> None:
    with pytest.raises(cc.InputError, match="claims must be claimcheck.Claim objects, not str"):
        cc.check([A], claims=["x"])  # type: ignore[list-item]
    with pytest.raises(cc.InputError, match="not dict"):
        cc.check([A], claims={})  # type: ignore[arg-type]


def test_stories_merge_and_pickle_as_a_distributed_fold_needs() -> None:
    parts = [cc.Story.of(d) for d in (A, B, C)]
    merged = functools.reduce(cc.Story.merge, parts)
    assert merged.report() == cc.check([A, B, C])
    again = pickle.loads(pickle.dumps(merged))
    assert again.report() == merged.report()
    with pytest.raises(cc.InputError, match="different options"):
        cc.Story(tolerance=0.2).merge(cc.Story())
    with pytest.raises(cc.InputError, match="not one story"):
        cc.Story(name="x").merge(cc.Story(name="y"))


# --------------------------------------------------------------------------- many stories


def test_check_stories_gives_one_report_per_story() -> None:
    docs = [A.model_copy(update={"story": "zorbix"}), B.model_copy(update={"story": "zorbix"}),
            C.model_copy(update={"story": "flood"}), D.model_copy(update={"story": "flood"})]
    reports = cc.check_stories(docs)
    assert list(reports) == ["flood", "zorbix"]
    assert reports["zorbix"] == cc.check(docs[:2])
    assert reports["flood"] == cc.check(docs[2:])
    assert cc.check_stories(docs, jobs=2) == reports  # a process pool gives the same


def test_check_stories_wants_ids_unique_within_a_story_only() -> None:
    one = cc.Document(id="01", text=A.text, story="x")
    assert set(cc.check_stories([one, one.model_copy(update={"story": "y"})])) == {"x", "y"}
    with pytest.raises(cc.InputError, match="duplicate document id '01' of story 'x'"):
        cc.check_stories([one, one])


# --------------------------------------------------------------------------- mixed stories


QUAKE1 = cc.Document(id="q1", text="The earthquake killed 12 people in Varno on Monday.")
QUAKE2 = cc.Document(id="q2", text="Rescuers said the quake killed 14 people and injured 40.")
HEIST = cc.Document(id="h1", text="Robbers stole jewels worth 80 million euros in the heist, police said.")


def test_documents_that_share_no_event_get_a_warning() -> None:
    report = cc.check([QUAKE1, QUAKE2, HEIST])
    (warning,) = [w for w in report.warnings if "different stories" in w]
    assert "h1 (robbery); q1, q2 (earthquake)" in warning
    assert not any("different stories" in w for w in cc.check([QUAKE1, QUAKE2]).warnings)


def test_a_kind_named_once_among_many_figures_does_not_join_two_stories() -> None:
    quake = cc.Document(id="q3", text=(
        "The earthquake killed 12 people. The quake injured 40 people. The earthquake destroyed 300 homes. "
        "The quake damaged 90 schools. Thieves stole jewels worth 2 million euros in a robbery."))
    claims = [c for d in (quake, HEIST) for c in cc.extract(d)]
    assert any("different stories" in w for w in mixed_story_warning([quake, HEIST], claims))


def test_documents_without_an_event_kind_are_no_evidence_either_way() -> None:
    assert not any("different stories" in w for w in cc.check([A, B, QUAKE1]).warnings)


def test_different_story_values_checked_together_get_a_warning() -> None:
    docs = [A.model_copy(update={"story": "one"}), B.model_copy(update={"story": "two"})]
    assert any("belong to 2 stories (one, two)" in w for w in cc.check(docs).warnings)


def test_a_check_hands_its_report_to_the_oldest_generation_and_leaves_the_collector_as_it_was() -> None:
    import gc

    texts = [f"WeChat has {300 + i} million monthly active users." for i in range(300)]
    was = gc.isenabled()
    try:
        gc.enable()
        gc.collect()
        report = cc.check(texts)
        assert gc.isenabled() and gc.get_freeze_count() == 0
        assert gc.get_count()[0] < gc.get_threshold()[0]  # nothing young left for the collector to walk
        assert len(report.claims) == 300
        gc.disable()
        cc.check(texts[:3])
        assert not gc.isenabled()  # a caller's choice stands
        gc.enable()
        gc.freeze()  # a caller's frozen objects stay frozen (a pre-fork server's, say)
        frozen = gc.get_freeze_count()
        cc.check(texts[:3])
        assert 0 < gc.get_freeze_count() <= frozen  # neither released nor joined by the report
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()

"""Loading documents: the Document model's checks, files, directories, globs, JSON Lines, HTML."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

import claimcheck as cc

# --------------------------------------------------------------------------- Document


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "", "text": "x"}, "document: id must not be empty"),
        ({"id": "   ", "text": "x"}, "document: id must not be empty"),
        ({"text": "x"}, "document: id is required"),
        ({"id": 7, "text": "x"}, "document: id must be a string, not int"),
        ({"id": "a"}, "document 'a': text is required"),
        ({"id": "a", "text": b"x"}, "document 'a': text must be a string, not bytes; decode bytes first"),
        ({"id": "a", "text": "x", "url": ["u"]}, "document 'a': url must be a string or None, not list"),
        ({"id": "a", "text": "x", "published": "last Tuesday"}, "document 'a': published 'last Tuesday' is not an ISO date"),
        ({"id": "a", "text": "x", "published": "2013-02-30"}, "document 'a': published '2013-02-30' is not an ISO date"),
        ({"id": "a", "text": "x", "published": 20130702}, "document 'a': published must be a date, a datetime or an ISO string"),
        ({"id": "a", "text": "x", "colour": "red"}, "document 'a': unknown field 'colour'"),
    ],
)
def test_every_bad_document_field_is_one_input_error_naming_document_and_field(fields: dict, message: str) -> None:
    with pytest.raises(cc.InputError) as info:
        cc.Document(**fields)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValidationError)  # code written against pydantic still catches it


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2013-07-02", dt.date(2013, 7, 2)),
        ("2013-07-02T13:28Z", dt.date(2013, 7, 2)),
        ("2013-07-03T06:22+10:00", dt.date(2013, 7, 3)),  # the day where it was written
        ("2010-05-05T13:41", dt.date(2010, 5, 5)),
        (" 2013-07-02 ", dt.date(2013, 7, 2)),
        (dt.datetime(2013, 7, 2, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-7))), dt.date(2013, 7, 2)),
        (dt.date(2013, 7, 2), dt.date(2013, 7, 2)),
        (None, None),
    ],
)
def test_published_takes_dates_and_timestamps_with_or_without_a_zone(published: object, day: dt.date | None) -> None:
    d = cc.Document(id="a", text="x", published=published)
    assert d.published == day
    assert cc.Document.model_validate_json(d.model_dump_json()) == d


def test_document_story_round_trips_and_check_ignores_it() -> None:
    a = cc.Document(id="a", text="Zorbix has 355 million monthly active users.", story="s1")
    b = cc.Document(id="b", text="Zorbix has 396 million monthly active users.", story="s2")
    assert cc.Document.model_validate_json(a.model_dump_json()).story == "s1"
    assert [f.kind for f in cc.check([a, b]).conflicts] == ["conflict"]

"""Entity names: canonical forms, abbreviation definitions and candidate mentions.

Known aliases live in ``data/entities.toml`` ("We Chat" → "WeChat", "SIIO" → "State
Internet Information Office"); callers may pass their own aliases, which win. A document
can define its own abbreviations ("the State Internet Information Office (SIIO)"):
:func:`find_definitions` finds them so the caller can merge them into that document's
aliases.

Alias lookup compares *keys*: the name case-folded with whitespace, dots, hyphens and
apostrophes removed, so "We Chat", "WECHAT" and "we-chat" are one key, as are "U.S." and
"US".

Example:
    >>> from claimcheck.entities import canonical, find_definitions
    >>> canonical("the official Xinhua News Agency"), canonical("TenCent Holdings Ltd")
    ('Xinhua', 'Tencent')
    >>> find_definitions("a statement by the Bureau of Odd Numbers (BON) on Monday")
    {'BON': 'Bureau of Odd Numbers'}
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import regex

from . import _guard
from .errors import InputError, LexiconError
from .lexicon import load_toml as _load_toml

__all__ = ["alias_key", "canonical", "find_definitions", "find_entities", "known_entities"]

_TIMEOUT = 1.0


_OWNER_PREFIX = regex.compile(r"^.{1,60}?['’]s\s++(?=\S)")  # "Tencent's "
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+\p{Lu}?")  # "U.S."
_HYPHEN = regex.compile(r"[-‐]")
#: "NGO (Non-Governmental Organisation)": an acronym, then its long form in brackets
_ACRONYM_AFTER = regex.compile(r"\b(\p{Lu}{2,10})\s*+\(([^()\n]{3,120}+)\)")
_KEY_DROP = regex.compile(r"[\s.\-‐‑–'’`]++")


def alias_key(name: str) -> str:
    """The lookup key of a name: case-folded, without whitespace, dots, hyphens, apostrophes.

    Args:
        name: a name as written.

    Returns:
        The key :func:`canonical` compares.

    Example:
        >>> alias_key("We Chat") == alias_key("WECHAT") == alias_key("we-chat")
        True
    """
    return _KEY_DROP.sub("", name).casefold()


@dataclass(frozen=True, slots=True)
class _Known:
    by_key: dict[str, str]
    names: tuple[str, ...]
    gazetteer: regex.Pattern[str]


@cache
def _known() -> _Known:
    data = _load_toml("entities.toml")
    ents = data.get("entity", [])
    if not isinstance(ents, list):
        raise LexiconError("data/entities.toml: [[entity]] tables expected")
    by_key: dict[str, str] = {}
    surface: list[str] = []
    names: list[str] = []
    for ent in ents:
        if not isinstance(ent, dict) or not isinstance(ent.get("name"), str):
            raise LexiconError(f"data/entities.toml: entity without a name: {ent!r}")
        name = ent["name"]
        aliases = ent.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise LexiconError(f"data/entities.toml: aliases of {name!r} must be strings")
        names.append(name)
        for a in [name, *aliases]:
            k = alias_key(a)
            if k in by_key and by_key[k] != name:
                raise LexiconError(f"data/entities.toml: alias {a!r} points at {by_key[k]!r} and {name!r}")
            by_key[k] = name
            if a[:1].isupper() and not a.lower().startswith("the "):
                surface.append(a)
    alts = "|".join(
        r"[\s]++".join(regex.escape(w) for w in s.split()) for s in sorted(set(surface), key=len, reverse=True)
    )
    gaz = regex.compile(r"(?<![\p{L}\p{N}])(?:" + (alts or "(?!)") + r")(?![\p{L}\p{N}])", regex.VERSION1)
    return _Known(by_key, tuple(names), gaz)


def known_entities() -> dict[str, str]:
    """The built-in alias table: every alias and canonical name → canonical name.

    Returns:
        A new dict, ``{alias as written in data/entities.toml: canonical name}``.

    Example:
        >>> known_entities()["SIIO"]
        'State Internet Information Office'
    """
    data = _load_toml("entities.toml")
    out: dict[str, str] = {}
    for ent in data.get("entity", []):
        for a in [ent["name"], *ent.get("aliases", [])]:
            out[a] = ent["name"]
    return out


# Leading words that are not part of a name ("the official Xinhua News Agency").
_LEADING = regex.compile(
    r"""^(?:
        (?i:the|a|an|our|its|their|his|her)\s++                            # determiners
      | (?:Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s++(?=\p{Lu})                         # honorifics
      | (?i:official|semi-official|state-run|state-owned|state-controlled    # descriptions, only
         |government-run|government-owned|privately-held|popular|rival       # before a capital
         |internet[ ]giant|tech[ ]giant|ruling
         |\p{L}{1,20}?maker|retailer|insurer|lender|airline|conglomerate)\s++(?=\p{Lu})  # "Carmaker Veltro"
    )++""",
    regex.VERBOSE | regex.VERSION1,
)
_POSSESSIVE = regex.compile(r"(?:['’]s|s['’])$")
_CORPORATE = regex.compile(
    r"""(?:,?\s++(?:Holdings?|Ltd|Limited|Inc|Incorporated|Corp|Corporation|Co|PLC|plc|LLC|L\.L\.C|AG|SA|S\.A|NV|N\.V)\.?)++$""",
    regex.VERBOSE,
)
_DESCRIPTOR = regex.compile(r"\s++(?:newspaper|daily[ ]newspaper|news[ ]agency|agency|website|statement)$", regex.IGNORECASE)
_QUOTES_STRIP = " \t\r\n\"'“”‘’«»()[],;:.!?"


def _strip_name(name: str) -> str:
    s = " ".join(name.split()).strip(_QUOTES_STRIP)
    for _ in range(3):
        before = s
        t = _LEADING.sub("", s)
        s = t if t else s
        s = _POSSESSIVE.sub("", s).rstrip()
        t = _CORPORATE.sub("", s)
        s = t if t else s
        s = s.strip(_QUOTES_STRIP)
        if s == before:
            break
    return s


def canonical(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The canonical form of an entity name.

    Leading determiners, honorifics and descriptions ("the", "Mr", "the official",
    "state-run"), a trailing
    possessive ("'s") and corporate suffixes ("Holdings Ltd", "Inc.") are stripped; the rest is
    looked up (see :func:`alias_key`) first in ``aliases`` then in ``data/entities.toml``.
    When that fails, a leading possessor ("China's State Internet Information Office") and
    a trailing descriptor ("newspaper", "news agency", "statement") are dropped and the
    lookup is tried again. A name found nowhere comes back stripped, with its own spelling
    (and without a leading possessor when a capitalised name of two or more words follows
    it: "Norland's Port Office" → "Port Office").

    Args:
        name: a name as written.
        aliases: extra alias → canonical pairs (for instance from :func:`find_definitions`);
            they override the built-in ones, and their targets are canonicalised once more
            through the built-in table.

    Returns:
        The canonical name; ``""`` for a blank name.

    Example:
        >>> canonical("We Chat"), canonical("Sina Weibo's"), canonical("Acme Widgets Inc.")
        ('WeChat', 'Sina Weibo', 'Acme Widgets')
        >>> canonical("China's State Internet Information Office")
        'State Internet Information Office'
        >>> canonical("BON", {"BON": "Bureau of Odd Numbers"})
        'Bureau of Odd Numbers'
    """
    if not isinstance(name, str):
        raise InputError(f"name must be a str, not {type(name).__name__}")
    try:
        items = frozenset(aliases.items()) if aliases else frozenset()
    except TypeError:  # unhashable values: no cache
        return _canonical(name, aliases)
    return _canonical_cached(name, items)


@functools.lru_cache(maxsize=16384)
def _canonical_cached(name: str, items: frozenset[tuple[str, str]]) -> str:
    return _canonical(name, dict(items))


def _canonical(name: str, aliases: Mapping[str, str] | None) -> str:
    known = _known().by_key
    user = {alias_key(k): v for k, v in aliases.items()} if aliases else {}

    def look(s: str) -> str | None:
        k = alias_key(s)
        if not k:
            return None
        if k in user:
            target = user[k]
            return known.get(alias_key(target), _strip_name(target) or target)
        return known.get(k)

    s = _strip_name(name)
    found = look(s)
    if found is not None:
        return found
    candidates = []
    m = _OWNER_PREFIX.search(s)
    if m:
        candidates.append(s[m.end() :])
    d = _DESCRIPTOR.sub("", s)
    if d and d != s:
        candidates.append(d)
        if m:
            candidates.append(_DESCRIPTOR.sub("", s[m.end() :]))
    for c in candidates:
        found = look(_strip_name(c))
        if found is not None:
            return found
    if m:
        # "Norland's Office of Harbour Safety": a possessor before a multi-word name
        tail = _strip_name(s[m.end() :])
        if tail[:1].isupper() and " " in tail:
            return tail
    return s


# --------------------------------------------------------------------------- definitions

_ACRONYM_IN_PARENS = regex.compile(r"\(\s*+((?:\p{Lu}\.?){2,10}+|\p{Lu}[\p{Lu}\p{Ll}&]{1,9}+)\s*+\)")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’&-]*+")
_FUNCTION = frozenset(["of", "and", "for", "the", "on", "in", "to", "de", "du", "la", "del", "des", "&"])


def _initials(word: str) -> str:
    w = word.rstrip(".")
    if _INITIALS.fullmatch(word):  # U.S.
        return "".join(c for c in word if c.isupper())
    parts = [p for p in _HYPHEN.split(w) if p]
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):  # France-Presse
        return "".join(p[0] for p in parts)
    return w[:1]


def _long_form(text: str, acro: str, lo: int, paren: int) -> tuple[int, int] | None:
    """Find the words just before ``paren`` whose initials spell ``acro``."""
    letters = [c for c in acro if c.isupper()]
    if len(letters) < 2:
        return None
    window = text[max(lo, paren - 160) : paren]
    base = max(lo, paren - 160)
    # stop at the last clause break
    cut = max(window.rfind(c) for c in ",;:()\"“”\n")
    if cut >= 0:
        base += cut + 1
        window = window[cut + 1 :]
    words = [(base + m.start(), base + m.end(), m.group()) for m in _WORD.finditer(window)]
    i = len(letters)
    first: int | None = None
    end: int | None = None
    for ws, we, w in reversed(words):
        if i == 0:
            break
        if w.lower() in _FUNCTION:
            if end is None:
                return None
            continue
        if not w[:1].isupper():
            return None
        ini = _initials(w)
        if i - len(ini) < 0 or "".join(letters[i - len(ini) : i]) != ini.upper():
            return None
        i -= len(ini)
        first = ws
        if end is None:
            end = we
    if i != 0 or first is None or end is None:
        return None
    return first, end


def find_definitions(text: str) -> dict[str, str]:
    """Abbreviations a text defines: "the State Internet Information Office (SIIO)".

    The words before a parenthesised acronym are kept when their initials (skipping "of",
    "and", "the"...) spell the acronym exactly. The reverse order, "SIIO (State Internet
    Information Office)", is found too. Later definitions of the same acronym win.

    Args:
        text: any text.

    Returns:
        ``{acronym: long form}`` with the long form as written (trimmed).

    Example:
        >>> find_definitions("Ministry of Odd Affairs (MOA) and Quux Works (QW) agreed.")
        {'MOA': 'Ministry of Odd Affairs', 'QW': 'Quux Works'}
        >>> find_definitions("WASHINGTON (AP) — nothing here")
        {}
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    out: dict[str, str] = {}
    try:
        for m in _ACRONYM_IN_PARENS.finditer(text, timeout=_TIMEOUT):
            acro = m.group(1)
            span = _long_form(text, acro, 0, m.start())
            if span is not None:
                out[acro.replace(".", "") if acro.count(".") >= 2 else acro] = " ".join(text[span[0] : span[1]].split())
        for m in _ACRONYM_AFTER.finditer(text, timeout=_TIMEOUT):
            acro, inner = m.group(1), m.group(2).strip()
            words = [w for w in _WORD.findall(inner) if w.lower() not in _FUNCTION]
            if words and all(w[:1].isupper() for w in words) \
                    and "".join(_initials(w) for w in words).upper() == acro:
                    out[acro] = " ".join(inner.split())
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(0, len(text), "the acronym scan timed out; definitions after it are not read")
    return out


# --------------------------------------------------------------------------- surnames

#: A capitalised word (a name's part: "Ivo", "Marsh", "Jean-Luc"), and two of them a single
#: space joins, overlapping ("Governor Abraham Atururi" gives both pairs: the second word is
#: read ahead). ASCII letters only, in stdlib ``re``: a letter outside ASCII ends no word
#: there, so "José" is never read as "Jos".
_CAP = r"[A-Z](?<![A-Za-z0-9_][A-Z])[a-z]+(?:-[A-Z][a-z]+)?\b"  # the capital first: re skips to it fast
_CAP_WORD = re.compile(_CAP)
_PAIR = re.compile(r"(" + _CAP + r") (?=(" + _CAP + r"))")


@cache
def _person_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a title or court verb ending right before a name, an age, role or verb of saying
    right after it), from data/entities.toml [people]."""
    spec = _load_toml("entities.toml").get("people", {})
    titles = sorted((str(t) for t in spec.get("titles", [])), key=len, reverse=True)
    leading = sorted((str(t) for t in [*spec.get("titles", []), *spec.get("verbs_before", [])]), key=len,
                     reverse=True)
    verbs = sorted((str(v) for v in spec.get("verbs", [])), key=len, reverse=True)
    alt = "|".join(regex.escape(t) for t in titles) or "(?!)"
    after = "|".join(regex.escape(v) for v in verbs) or "(?!)"
    lead = "|".join(regex.escape(t) for t in leading) or "(?!)"
    before = regex.compile(r"(?:^|\W)(?:" + lead + r")[ ]\Z", regex.VERSION1)
    behind = regex.compile(r"(?:,[ ](?:\d{1,3},|(?:(?:a|an|the)[ ](?:former[ ])?)?+(?:" + alt
                           + r")\b)|[ ](?:" + after + r")\b)", regex.VERSION1)
    return before, behind


@cache
def _not_first_names() -> frozenset[str]:
    return frozenset(str(x) for x in _load_toml("entities.toml").get("people", {}).get("not_first", []))


def find_surnames(text: str) -> dict[str, str]:
    """People a text names in full and then by surname: ``{surname: full name}``.

    A two-word name counts as a person's when a title or a verb of the courts stands before
    it ("former mayor Ivo Marsh", "sentenced Ivo Marsh"), an age or a role follows it ("Ivo
    Marsh, 62,", "Ana Petrov, the striker") or a verb of saying does ("Ivo Marsh said");
    ``data/entities.toml`` ``[people]`` lists the words. Only a surname the text also
    writes alone is returned; one two people of the text share stays unresolved.

    Example:
        >>> find_surnames("Former mayor Ivo Marsh was jailed. Marsh denied it.")
        {'Marsh': 'Ivo Marsh'}
        >>> find_surnames("Ivo Marsh, 62, and Ana Marsh, 60, were charged. Marsh denied it.")
        {}
    """
    return _people(text, alone=True)


def find_people(text: str) -> dict[str, str]:
    """People a text names in full, by surname: ``{surname: full name}``, read as
    :func:`find_surnames` reads them but whether or not the surname stands alone in this
    text (another report of the story may write it alone: "Ellison, 86, died"). A surname
    two people of the text share is left out.

    Example:
        >>> find_people("The actress Mara Ellison has died. Ivo Marsh said so.")
        {'Ellison': 'Mara Ellison', 'Marsh': 'Ivo Marsh'}
        >>> find_people("Central Aceh was hit, officials said.")
        {}
    """
    return _people(text, alone=False)


def _people(text: str, alone: bool) -> dict[str, str]:
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    # the capitalised words, counted, and the pairs of them a single space joins ("Ivo
    # Marsh"); stdlib patterns, linear, several times faster than the regex module's (a name
    # with a letter outside ASCII is not read: "José" is no "Jos")
    words = Counter(_CAP_WORD.findall(text))
    if not words:
        return {}
    pairs = [(m.group(1), m.group(2), m.start(), m.end(2)) for m in _PAIR.finditer(text)]
    named: dict[str, int] = {}
    for _, last, _, _ in pairs:
        named[last] = named.get(last, 0) + 1
    before, behind = _person_patterns()
    not_first = _not_first_names()
    found: dict[str, set[str]] = {}
    for first, last, a, b in pairs:
        if (alone and words[last] <= named[last]) or first in _STOP or first in not_first:
            continue  # the surname never stands alone: nothing to resolve
        if before.search(text, max(0, a - 24), a) or behind.match(text, b):
            found.setdefault(last, set()).add(f"{first} {last}")
    return {last: next(iter(full)) for last, full in found.items() if len(full) == 1}


# --------------------------------------------------------------------------- mentions

_TOKEN = r"(?:(?:\p{Lu}\.){2,}+|\p{Lu}[\p{L}\p{N}&]*+(?:['’]\p{Lu}\p{L}*+)?(?:-\p{L}[\p{L}\p{N}]*+)*+)"
_CAPSPAN = regex.compile(
    _TOKEN + r"(?:[ ](?:(?:of|for|de|du|del|von|van)[ ](?:the[ ])?)?" + _TOKEN + r")*+",
    regex.VERSION1,
)
_STOP = frozenset(
    ["The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "Also", "In", "On", "At", "By", "For", "From", "With", "After", "Before", "When", "While", "If", "As", "Since", "Although", "Though", "According", "Among", "Such", "Some", "Many", "Most", "All", "No", "Not", "Now", "Then", "Earlier", "Later", "Prior", "Calling", "Noting", "What", "Who", "Why", "How", "Where", "Both", "Each", "Every", "Other", "Another", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Mr", "Mrs", "Ms", "Dr", "Your", "More", "Click", "Share", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Tomorrow"]
)


def find_entities(
    text: str, start: int = 0, end: int | None = None, aliases: Mapping[str, str] | None = None
) -> list[tuple[int, int, str]]:
    """Candidate named entities in ``text[start:end]``: known names and capitalised spans.

    Known names and aliases from ``data/entities.toml`` are matched first (longest
    first); then runs of capitalised words (joined by "of", "for", "de") are taken from the
    rest. A leading stop word ("The", "In", "According", a month or weekday) is dropped
    from a run, so "The State Internet Information Office" gives "State Internet Information
    Office" and a lone "Tuesday" gives nothing. A possessive "'s" is left out of the span.

    Args:
        text: the document text.
        start: where to start looking.
        end: where to stop (default: the end of the text).
        aliases: extra aliases for :func:`canonical`.

    Returns:
        ``(start, end, canonical name)`` triples in text order, offsets into ``text``.

    Example:
        >>> t = "The campaign named We Chat, run by Tencent's unit in Hong Kong, on Tuesday."
        >>> [(t[a:b], c) for a, b, c in find_entities(t)]
        [('We Chat', 'WeChat'), ('Tencent', 'Tencent'), ('Hong Kong', 'Hong Kong')]
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    try:
        for m in _known().gazetteer.finditer(text, start, end, timeout=_TIMEOUT):
            found.append((m.start(), m.end(), canonical(m.group(), aliases)))
            taken.append((m.start(), m.end()))
        ti = 0
        for m in _CAPSPAN.finditer(text, start, end, timeout=_TIMEOUT):
            a, b = m.start(), m.end()
            while ti < len(taken) and taken[ti][1] <= a:
                ti += 1
            if ti < len(taken) and taken[ti][0] < b:
                continue  # overlaps a known name
            if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'’"):
                continue  # inside a word ("iPhone" is caught whole elsewhere or not at all)
            # drop leading stop words
            while True:
                sp = text.find(" ", a, b)
                first = text[a:b] if sp < 0 else text[a:sp]
                if first.rstrip(".") in _STOP:
                    if sp < 0:
                        a = b
                        break
                    a = sp + 1
                    # a connector may now lead: "of the"
                    while True:
                        sp2 = text.find(" ", a, b)
                        w = text[a:b] if sp2 < 0 else text[a:sp2]
                        if w in ("of", "for", "de", "du", "del", "von", "van", "the"):
                            a = b if sp2 < 0 else sp2 + 1
                        else:
                            break
                    continue
                break
            if a >= b:
                continue
            name = text[a:b]
            found.append((a, b, canonical(name, aliases)))
    except TimeoutError:  # pragma: no cover - defensive
        _guard.note_skipped(found[-1][1] if found else 0, len(text), "the name scan timed out")
    found.sort()
    return found

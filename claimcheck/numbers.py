"""Numbers written in digits or in words, turned into values.

Two readers, both anchored at a position in a text and both linear in what they read:

- :func:`parse_digits` reads a numeral string ("1,234.5", "10 000", "4e14", "2.48×10−5");
- :func:`read_number_words` reads a run of number words ("one hundred and five",
  "twenty-one", "three million, two hundred & forty", "two and a half", "a dozen",
  "two thirds", "half a million", "twenty-first").

The words come from ``data/numbers.toml`` (see :mod:`claimcheck.lexicon`).

Example:
    >>> from claimcheck.numbers import parse_digits, read_number_words
    >>> parse_digits("1,234.5")
    1234.5
    >>> read_number_words("a hundred and two of those", 0).value
    102.0
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from . import lexicon

__all__ = ["WordNumber", "parse_digits", "read_number_words"]

# A numeral as parse_digits accepts it; the quantity parser finds numerals itself and
# hands over the matched text.
_EXPONENT = regex.compile(
    r"""
    (?P<mant>[^eE×x^]++)               # the mantissa, "2.48"
    (?:
        [eE](?P<e>[-+−]?\d{1,3})       # 4e14, 1e-3
      | \s?[×x]\s?10\^?(?P<p>[-+−]?\d{1,3})  # 2.48×10−5, 5.5x10-3
      | [×x]2\^(?P<b>\d{1,2})          # 8x2^10
      | \^(?P<pw>\d{1,2})               # 2.3^12
    )
    \Z
    """,
    regex.VERBOSE,
)


# Thousands separators (dropped) and the Arabic decimal separator (a point).
_SEPARATORS = str.maketrans({
    "−": "-", ",": None, " ": None, "\u00a0": None, "\u202f": None, "\u2009": None, "'": None,
    "’": None, "\u066c": None, "\u066b": ".",
})


def parse_digits(s: str) -> float:
    """The value of a numeral: digits with thousands separators, a decimal point, an exponent.

    Thousands separators may be commas, spaces, no-break, thin or narrow no-break spaces,
    apostrophes ("1'200") or the Arabic thousands separator ("١٬٢٠٠", with the Arabic
    decimal separator ``٫``); digits of any script count; ``−`` (U+2212) is a minus sign.

    Args:
        s: the numeral, e.g. ``"1,234.5"``, ``"10 000"``, ``"-1e-3"``, ``"5.5x10-3"``.

    Returns:
        Its value.

    Raises:
        ValueError: ``s`` is not a numeral.

    Example:
        >>> parse_digits("10 000"), parse_digits("2.48×10−5"), parse_digits("8x2^10")
        (10000.0, 2.48e-05, 8192.0)
        >>> parse_digits("1\u2009200"), parse_digits("1'200"), parse_digits("١٬٢٠٠٫٥")
        (1200.0, 1200.0, 1200.5)
    """
    if not s.isdigit():
        s = s.translate(_SEPARATORS)
    if not ("e" in s or "E" in s or "x" in s or "×" in s or "^" in s):
        return float(s)
    m = _EXPONENT.match(s)
    if m is None:
        return float(s)
    if m["pw"] is not None:
        return float(m["mant"]) ** int(m["pw"])
    exp = m["e"] if m["e"] is not None else m["p"]
    if exp is not None:
        return float(f"{m['mant']}e{int(exp)}")  # exact decimal exponent: 2.48e-05, not 2.48*10**-5
    return float(m["mant"]) * 2.0 ** int(m["b"])


@dataclass(frozen=True)
class WordNumber:
    """A number read from words: its value, where the words end, and what sort it is.

    ``kind`` is ``"cardinal"``, ``"ordinal"``, ``"fraction"`` or ``"collective"`` (a
    dozen); ``words`` counts the number words read (the article "a" included). ``step``
    is the place value of the last number word ("two million" 1e6, "twenty" 10,
    "twenty-one" 1, "two and a half" 0.5); ``scale`` the factor of a scale word that
    ends the number ("seven thousand": 1000; 1 when none does), which a range shares
    with its first end ("six to seven thousand").

    Example:
        >>> read_number_words("twenty-first century", 0)
        WordNumber(value=21.0, end=12, kind='ordinal', words=2, step=1.0, scale=1.0)
        >>> w = read_number_words("seven thousand fans", 0)
        >>> w.value, w.step, w.scale
        (7000.0, 1000.0, 1000.0)
    """

    value: float
    end: int
    kind: str
    words: int
    step: float = 1.0
    scale: float = 1.0


# One word and the separator before the next one. The separators a number may contain:
# a hyphen ("twenty-one"), spaces, "and"/"&" (handled as words), and a comma after a
# scale ("three million, two hundred").
# (stdlib ``re``: ASCII classes only, so the same matches as ``regex``, and cheaper calls)
_WORD = re.compile(r"[A-Za-z]++")
_SEP = re.compile(r"(?:[ \t]*+-[ \t]*+|[ \t\u00a0]++|[ \t]*+,[ \t]++)")

# Word classes for the small state machine in read_number_words.
_UNIT, _TEEN, _TENS, _HUNDRED, _SCALE, _AND, _A, _HALF = range(8)


@functools.cache
def _classes() -> dict[str, tuple[int, float]]:
    """_classify as one dict (built once; the later entries win, as the earlier tests do there)."""
    nw = lexicon.numbers()
    out: dict[str, tuple[int, float]] = {"half": (_HALF, 0.5), "a": (_A, 1.0), "an": (_A, 1.0)}
    out["and"] = out["&"] = (_AND, 0.0)
    for w, v in nw.scales.items():
        out[w] = (_SCALE, v)
    out["hundred"] = (_HUNDRED, 100.0)
    for w, v in nw.cardinals.items():
        out[w] = (_UNIT, v) if v < 10 else (_TEEN, v) if v < 20 else (_TENS, v)
    return out


def _classify(w: str) -> tuple[int, float] | None:
    nw = lexicon.numbers()
    if w in nw.cardinals:
        v = nw.cardinals[w]
        if v < 10:
            return _UNIT, v
        if v < 20:
            return _TEEN, v
        return _TENS, v
    if w == "hundred":
        return _HUNDRED, 100.0
    if w in nw.scales:
        return _SCALE, nw.scales[w]
    if w in ("and", "&"):
        return _AND, 0.0
    if w in ("a", "an"):
        return _A, 1.0
    if w == "half":
        return _HALF, 0.5
    return None


def read_number_words(text: str, pos: int, limit: int = 24) -> WordNumber | None:
    """Read number words starting at ``text[pos]``; ``None`` if none start there.

    Reads at most ``limit`` words, so the cost is bounded whatever follows.

    Args:
        text: the text.
        pos: where the first word starts.
        limit: the most words to read.

    Returns:
        The number read, or ``None``.

    Example:
        >>> r = read_number_words("three million, two hundred & forty, you say?", 0)
        >>> r.value, r.end
        (3000240.0, 34)
        >>> read_number_words("two and a half miles", 0).value
        2.5
        >>> read_number_words("half a million", 0).value
        500000.0
        >>> read_number_words("two thirds of the cake", 0).value
        0.6666666666666666
        >>> read_number_words("one of the most", 0).value
        1.0
        >>> read_number_words("a lot", 0) is None
        True
        >>> read_number_words("two hundred and three quarters", 0).value
        200.75
        >>> read_number_words("three hundred point zero two", 0).value
        300.02
        >>> read_number_words("two and three people", 0).value, read_number_words("four million and a half", 0).value
        (2.0, 4500000.0)
    """
    nw = lexicon.numbers()
    classes = _classes()
    total = 0.0
    current = 0.0
    step = 1.0  # the place value of the last number word
    scale = 1.0  # the factor of the scale word that ends the number so far
    last: int | None = None
    and_after: int | None = None  # the class before a pending "and"
    # Before an "and": the value so far and where it ended. "two and three quarters" goes on
    # past the "and" only to a fraction; without one, the number ends before the "and".
    before_and = 0.0
    end_before_and = pos
    tentative = False
    end = pos
    words = 0
    p = pos
    n = len(text)
    while words < limit and p < n:
        m = _WORD.match(text, p)
        if m is None:
            if not text.startswith("&", p):
                break
            w, wend = "&", p + 1
        else:
            w, wend = m.group().lower(), m.end()
            if wend < n and (text[wend].isalnum() or text[wend] == "_"):
                break  # "one2", "twoway": not a word we know
        c = classes.get(w)
        if c is None:
            if last == _AND:
                break
            if w in nw.fractions and (last in (_UNIT, _TEEN, _A) or (last == _TENS and w.endswith("s"))):
                den = nw.fractions[w]
                if and_after is not None:
                    # "two hundred and three quarters": the fraction takes what follows "and"
                    numer = total + current - before_and
                    return WordNumber(before_and + numer / den, wend, "fraction", words + 1, 1.0 / den)
                num = 1.0 if last == _A else current
                of = _of_a_scale(text, wend) if total == 0 else None
                if of is not None:  # "a quarter of a million": 250,000
                    f, oend = of
                    return WordNumber(num / den * f, oend, "fraction", words + 4, f / den, f)
                return WordNumber(total + num / den, wend, "fraction", words + 1, 1.0 / den)
            if tentative:
                break
            if w in nw.decimal_points and last in (_UNIT, _TEEN, _TENS, _HUNDRED, _SCALE):
                got = _decimals(text, wend, n)
                if got is not None:
                    frac, k, dend, dwords = got
                    value, dstep, words = total + current + frac, 10.0 ** -k, words + 1 + dwords
                    # "two point five million"
                    sep = _SEP.match(text, dend)
                    m2 = _WORD.match(text, sep.end()) if sep and "," not in sep.group() else None
                    if m2 is not None and m2.group().lower() in nw.scales and total == 0:
                        f = nw.scales[m2.group().lower()]
                        return WordNumber(value * f, m2.end(), "cardinal", words + 1, dstep * f, f)
                    return WordNumber(value, dend, "cardinal", words, dstep)
            if w in nw.ordinals and last in (None, _TENS, _HUNDRED, _SCALE):
                o = nw.ordinals[w]
                if o >= 100 and last is not None:
                    value = (total + (current or 1.0)) * o
                else:
                    value = total + current + o
                return WordNumber(value, wend, "ordinal", words + 1)
            if w in nw.collectives and last in (_UNIT, _TEEN, _TENS, _A, _HALF):
                base = 0.5 if last == _HALF else current
                each = nw.collectives[w]
                return WordNumber(total + base * each, wend, "collective", words + 1,
                                  each * (0.5 if last == _HALF else 1.0))
            break
        cls, v = c
        if cls == _A:
            # "a hundred", "a dozen", "a third"; "two and a half"; "half a million"
            sep = _SEP.match(text, wend)
            m2 = _WORD.match(text, sep.end()) if sep else None
            w2 = m2.group().lower() if m2 else ""
            if m2 is not None and last == _AND and w2 in nw.fractions and and_after in (
                _UNIT, _TEEN, _TENS, _HUNDRED, _SCALE
            ) and (m2.end() >= n or not (text[m2.end()].isalnum() or text[m2.end()] == "_")):
                den = nw.fractions[w2]
                if and_after == _SCALE:
                    # "four million and a half": half of the million
                    return WordNumber(before_and + scale / den, m2.end(), "cardinal", words + 2, scale / den, scale)
                return WordNumber(before_and + 1.0 / den, m2.end(), "fraction", words + 2, 1.0 / den)
            if m2 is not None and last == _HALF and w2 in nw.scales:
                f = nw.scales[w2]
                return WordNumber(0.5 * f, m2.end(), "cardinal", words + 2, 0.5 * f, f)
            if m2 is not None and last == _HALF and w2 in nw.collectives:
                each = nw.collectives[w2]
                return WordNumber(0.5 * each, m2.end(), "collective", words + 2, 0.5 * each)
            if last is not None or not (
                w2 in nw.scales or w2 in nw.collectives or w2 in nw.fractions or w2 == "half"
            ):
                break
            current, step = 1.0, 1.0
        elif cls == _HALF:
            if last == _A or (last == _UNIT and current == 1 and total == 0):
                return WordNumber(0.5, wend, "fraction", words + 1, 0.5)
            if last is not None:
                break
            current, step = 0.5, 0.5
        elif cls in (_UNIT, _TEEN):
            if (last == _TENS and cls == _UNIT and current % 10 == 0 and current % 100 >= 20) or last in (
                None, _HUNDRED, _SCALE
            ) or (last == _AND and and_after in (_HUNDRED, _SCALE)):
                current += v
            elif last == _AND:
                current += v  # "two and three quarters": only if a fraction follows
                tentative = True
            else:
                break
            step, scale = 1.0, 1.0
        elif cls == _TENS:
            if last in (None, _HUNDRED, _SCALE) or (last == _AND and and_after in (_HUNDRED, _SCALE)):
                current += v
            elif last == _AND:
                current += v
                tentative = True
            else:
                break
            step, scale = 10.0, 1.0
        elif cls == _HUNDRED:
            if last in (_UNIT, _TEEN, _TENS, _A) and 0 < current < 100 and not tentative:
                current *= 100
                step, scale = step * 100, 100.0
            else:
                break
        elif cls == _SCALE:
            if tentative:
                break
            if last in (_UNIT, _TEEN, _TENS, _HUNDRED, _A) and current > 0 and (total == 0 or total > v * 999):
                total += current * v
                current = 0.0
                step, scale = step * v, v
            elif last == _HALF:
                total, current = 0.5 * v, 0.0
                step, scale = 0.5 * v, v
            else:
                break
        elif cls == _AND:
            if last in (_HUNDRED, _SCALE, _UNIT, _TEEN, _TENS) and not tentative:
                and_after = last
                before_and = total + current
                end_before_and = end
            else:
                break
        if cls != _AND:
            end = wend
        last = cls
        words += 1
        sep = _SEP.match(text, wend)
        if sep is None:
            break
        if "," in sep.group() and last != _SCALE:
            break
        p = sep.end()
    if tentative:
        # "two and three people": the number is "two"
        return WordNumber(before_and, end_before_and, "cardinal", words, 1.0 if and_after != _SCALE else scale)
    if last == _AND:
        last = and_after
    if last is None or last == _A:
        return None
    value = total + current
    if last == _HALF and words == 1 and _HALF_PERIOD.search(text, max(0, pos - 8), pos):
        return None  # "the second half", "in the first half of 2024": a period, no quantity
    return WordNumber(value, end, "fraction" if last == _HALF else "cardinal", words, step, scale)


_HALF_PERIOD = re.compile(r"(?i:first|second|1st|2nd)[ \t]+$")


_OF_A = re.compile(r"[ \t]+of[ \t]+an?[ \t]+([A-Za-z]+)")


def _of_a_scale(text: str, p: int) -> tuple[float, int] | None:
    """The scale after a fraction word ("a quarter *of a million*"): (factor, end), or None."""
    m = _OF_A.match(text, p, p + 24)
    if m is None or (m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "_")):
        return None
    f = lexicon.numbers().scales.get(m.group(1).lower())
    return (f, m.end()) if f is not None and f >= 1000 else None


def _decimals(text: str, p: int, n: int) -> tuple[float, int, int, int] | None:
    """The digit words after "point" ("point zero two"): (fraction, digits, end, words)."""
    digits = lexicon.numbers().decimal_digits
    out = ""
    end = p
    words = 0
    while len(out) < 12:
        sep = _SEP.match(text, end)
        if sep is None or "," in sep.group() or "-" in sep.group():
            break
        m = _WORD.match(text, sep.end())
        if m is None or (m.end() < n and (text[m.end()].isalnum() or text[m.end()] == "_")):
            break
        d = digits.get(m.group().lower())
        if d is None:
            break
        out += str(d)
        end = m.end()
        words += 1
    if not out:
        return None
    return float("0." + out), len(out), end, words

"""Find every quantity mention in a text: ``parse_quantities(text) -> list[Quantity]``.

How it works: anchors first: numerals (and vulgar fractions), words a dict knows (number
words, "a"/"an" before a scale or a time unit, "month-long", month names before a day,
weekdays) and the letters of a currency prefix glued to digits ("USD25m"). A text of up to
``TIMEOUT_FROM`` characters whose lower-casing keeps its offsets is scanned once, lower-cased,
with a trie of the known words; longer texts are scanned in blocks of about ``BLOCK``
characters with the general patterns, each scan with a ``timeout`` (a block whose scan times
out is skipped rather than hung on). At each number anchor ``_Parser.at_number`` tries the
readings of ``READINGS`` in order, each a method with a docstring of its own: identifiers
before the number, the number and its scale, a day before a month, the unit after it, an
amount in two units, a year, a range, a ratio, a comparison after it, the counted noun, an
age, a name or an address, the direction of change, the qualifier. Each works left and right
of the number with anchored, bounded matches (a few dozen characters; patterns over the text
left of a number are compiled REVERSE and tried once, ending at the number). Junk (clock
times, phone numbers, versions, runs of numerals) is skipped in one match. Everything is
linear in the length of the text. The hot path avoids work that cannot change the result:
cheap exact pre-tests before patterns and readings, dict lookups where they find what a
pattern would, and Quantity objects built with the model's checks done in Python (see
``_quantity``); long texts parse with the cyclic garbage collector paused (their many
quantities hold no cycles). Word lists live in the data files (``data/numbers.toml``,
``data/units.toml``, ``data/qualifiers.toml``); see ``docs/quantities.md``.

Readings, in short (each is a ``rule`` name on the result):

- ``value`` is the number as stated ("over 800 million" → 800000000). For a range it is
  the first number stated; ``low``/``high`` hold the interval. ``step`` is the place value
  of the last stated digit with the scale applied ("143.8 million" → 100000); ``hedge`` the
  qualifier phrase as written ("more than", "or more", ">="); ``change`` the direction of
  change the text states ("up 6.2 per cent to $71": the 6.2 percent is an increase, the
  $71 a new level, two quantities).
- Qualifiers (``data/qualifiers.toml``, before the figure or after it: "150 or more") give
  intervals as DESIGN.md defines them: more_than (v, ∞); at_least [v, ∞); at_most [0, v]
  and less_than [0, v) for counts, durations, percentages, currencies and multiples
  (quantities that are never negative; other dimensions get an open lower end); exact
  ("equal to 9"); ranges [a, b] ("10-20", "two or three weeks", "$6/$8", "greater than 50
  and smaller than 400"). A scale on the second end of a range is shared only where the
  first end is below its mantissa ("3 to 4 million", not "600,000 to 1.1 million").
- **Tolerance** of approximate values: "about", "around", "roughly", "some",
  "approximately", "an estimated", "circa" → [0.9·v, 1.1·v] (±10 %); "nearly", "almost",
  "close to", "just shy of" → [0.9·v, v] (the number is an upper bound: "nearly 300" is
  below 300). The numbers live in ``data/qualifiers.toml``.
- Vague plurals (``data/numbers.toml`` ``[plurals]``, ``[vague]``): "thousands" → [1000,
  10000), "hundreds of thousands" → [1e5, 1e6), "several hundred" → [300, 1000), qualifier
  range, value the lower end, the upper end exclusive: an interval, never "about 1000".
- Units (``data/units.toml``): ``unit`` is a pint unit name ("kilometer",
  "degree_Celsius", "kilometer per hour", "square kilometer"), or an ISO 4217 code for
  money; a rate is "<unit> per <unit>" ("USD per month" for "$2,800 a month", "cent per
  share", "barrel per day", "USD per person" for "per capita"), which pint parses. kind is
  ``duration`` for time units, ``percent``, ``currency``, else ``dimension``. A scale
  letter before a noun or a unit is a scale ("2.4m tonnes", "9 B people"). "6 ft 1 in" is
  73 inches, "7 dollars 25 cents" 7.25 dollars.
- Counted nouns: "800 million users" → counted "user" (the first plural noun within three
  words, singularised; a decimal counts only measures such as "41.7 points"); "one" is a
  number only when a unit or noun follows it ("one of the most popular" and "no one" are
  not quantities).
- Ages → kind ``age`` with the time unit ("aged 58", "Jean Dupont, 58,", "a 58-year-old").
- Ordinals ("25th", "third") → kind ``ordinal``; "the 21st century" → a date span; "twice",
  "three times as many", "10-fold", "fivefold" → kind ``multiplier``; "two out of five" →
  0.4; "500 times" without a comparison → a count of "time".
- Dates → kind ``date``: a year ("in 2013", "August 2012") has value = the year; a day of
  a month ("March 6", "6 March") has value = the day; a weekday ("Tuesday") has value
  ``None``; a span of years "2013-14" has value ``None`` and low/high the years.
- Not quantities (nothing is returned): clock times ("2:09 a.m.", "7pm"), phone numbers
  ("555-1234") and other runs of three or more hyphen- or slash-joined numbers, dotted
  versions ("1.2.3"), labels ("No. 3", "iOS 7", "version 2", "#4"), list numbering at the
  start of a line ("1. "), a bare number in brackets ("Jones (7)"), digits glued to letters
  ("L2", "i7", "06F6"), runs of bare integers separated by spaces ("245 23"), numbers in
  names ("S&P 500", "Nikkei 225") and addresses ("412 Elm Street"), scores ("won 3-1", "a
  7-4 lead"), "a year ago".

Example:
    >>> q = parse_quantities("Tencent shut down at least 40 accounts.")[0]
    >>> q.text, q.value, q.low, q.high, q.qualifier, q.counted, q.hedge
    ('at least 40 accounts', 40.0, 40.0, None, 'at_least', 'account', 'at least')
    >>> [(q.text, q.value, q.unit, q.change) for q in parse_quantities("Profit fell 4% to $1.8 billion.")]
    [('4%', 4.0, 'percent', 'decrease'), ('$1.8 billion', 1800000000.0, 'USD', None)]
"""

from __future__ import annotations

import fractions
import functools
import gc
import heapq
import math
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from . import _guard, lexicon
from .errors import InputError
from .models import Change, Kind, Qualifier, Quantity
from .numbers import parse_digits, read_number_words

__all__ = ["parse_quantities"]

#: Seconds the anchor scan may spend on one block of text before the block is skipped.
SCAN_TIMEOUT = 1.0
#: Blocks of text scanned with one timeout: the text is cut at the first newline after
#: this many characters (or at a space, or hard, when there is none). A block starts where
#: the last quantity (or skipped junk) ended, so long skipped runs cost nothing.
BLOCK = 4096
#: Texts up to this long are scanned without a timeout: the scan patterns are linear and
#: finish in microseconds there, while a timeout costs a few microseconds per call.
TIMEOUT_FROM = _guard.TIMED_FROM
#: How far left of a number qualifiers and currency signs are looked for.
_LEFT = 48
#: How far right of a number units and nouns are looked for.
_RIGHT = 160

_NONNEG_KINDS = frozenset({"count", "duration", "percent", "currency", "multiplier", "age"})
#: The kind of "a 58-year-old" (rule "<n>-<unit>-old"), like "aged 58" and "Dupont, 58,".
_OLD_AGE_KIND = "age"
_SPACE = "[ \\t\\u00a0\\u202f]"

# ---------------------------------------------------------------------------------------
# Fixed patterns (no lexicon needed)
# ---------------------------------------------------------------------------------------

# A numeral at a position (the caller checked no letter or digit precedes it).
_NONZERO_DIGIT = regex.compile(r"[1-9]")
_SIGNED_DIGITS = regex.compile(r"[-+−]?\d++")
_NUMERAL = regex.compile(
    r"""
    (?P<num>
        (?![0٠۰])\d{1,3}+(?:,\d{3})++(?!\d)(?:\.\d++)?+     # 1,234,567.89
      | (?![0٠۰])\d{1,2}+(?:,\d{2}(?=,))++,\d{3}(?!\d)(?:\.\d++)?+   # 23,45,678.90 (lakh grouping)
      | (?![0٠۰])\d{1,3}+(?:[ \u00a0\u202f\u2009]\d{3})++(?:\.\d++)?+(?![\d,]|\.\d|\s\d|/)  # 10 000
      | (?![0٠۰])\d{1,3}+(?:['’]\d{3})++(?!\d)(?:\.\d++)?+   # 1'200 (Swiss)
      | (?![0٠۰])\d{1,3}+(?:\u066c\d{3})++(?!\d)(?:\u066b\d++)?+   # ١٬٢٠٠ (Arabic)
      | \d++(?:[.\u066b]\d++)?+                          # 143.8, 2013
      | \.\d++                                        # .5
    )
    (?P<exp>
        [eE][-+−]?\d{1,3}(?![\p{L}\d])                # 4e14, 1e-3
      | [ ]?[×x][ ]?10\^?[-+−]?\d{1,3}(?![\d])        # 2.48×10−5, 5.5x10-3
      | [×x]2\^\d{1,2}(?![\d])                        # 8x2^10
      | \^\d{1,2}(?!\d|[.,]\d)                        # 2.3^12 (a power of the number)
    )?
    """,
    regex.VERBOSE,
)

# Things made of digits that are not quantities; matched at a digit anchor, skipped whole.
_JUNK = regex.compile(
    r"""
      \d++(?:\.\d++){2,}+                          # dotted versions, IP addresses: 1.2.3
    | \d++(?:[-–/]\d++){2,}+                       # phone numbers, dates: 555-12-34, 5/30/2014
    | \d{3}[-–](?!\d\d00(?!\d))\d{4}(?![\d,.])       # phone numbers: 555-1234 (not 100-1500)
    | 0\d{2,}+[-–]\d{4,}+                          # with an area code: 0845-123456
    | \d{1,2}:\d{2}(?::\d{2})?+(?:[ ]?(?:[ap]\.m\.?|[AP]\.M\.?|[ap]m\b|[AP]M\b))?  # 2:09 a.m.
    | \d{1,2}(?:[.]\d{2})?+[ ]?(?:[ap]\.m\.?|[AP]\.M\.?|[ap]m\b|[AP]M\b)   # 7 a.m., 2.17pm
    | \d{4}[ ]?(?:GMT|UTC|GST|BST|CET|EST|PST|hrs|HRS)\b     # 2248 GMT (a time of day)
    """,
    regex.VERBOSE,
)

# Junk repeated: "1:11 1:11 …", "555-1234, 555-1235" is skipped in one match.
_JUNK_RUN = regex.compile(
    "(?:" + _JUNK.pattern + "\n)(?:[ \t,;]++(?:" + _JUNK.pattern + "\n))*+", regex.VERBOSE
)

# Characters one of which appears near the start of anything _JUNK or _COMMA_RUN rejects.
_JUNK_CHARS = frozenset(".-–/:,")
# First letters of what makes junk after a space: "7 a.m.", "2248 GMT", "0600 hrs".
_JUNK_AFTER_SPACE = frozenset("apAPGUBCEhH")
_DIGIT_RUN = regex.compile(r"\d++")
_ASCII_DIGITS = re.compile(r"[0-9]+")
# How the am/pm and time-zone junk after digits starts ("7 a.m.", "7pm", "2248 GMT"): with
# none of these there, _JUNK_RUN can only match on one of _JUNK_CHARS.
_AM_PM_START = frozenset(["a.", "p.", "A.", "P.", "am", "pm", "AM", "PM"])
_ZONE_WORDS = frozenset(["GMT", "UTC", "GST", "BST", "CET", "EST", "PST", "hrs", "HRS"])
# First characters of scale words and abbreviations ("million", "bn", "m" after a currency).
_SCALE_FIRST = frozenset("hHtTmMbBlLcCk")

# Digits and commas; a numeral only if the commas separate thousands ("1,1,1" is not one).
_COMMA_RUN = regex.compile(r"\d++(?:,\d++)++")
_THOUSANDS = regex.compile(r"(?![0٠۰])\d{1,3}+(?:,\d{3})++|(?![0٠۰])\d{1,2}+(?:,\d{2}(?=,))++,\d{3}")

# A bare integer followed by another bare integer ("245 23"): codes, not quantities.
_SPACED_RUN = regex.compile(r"\d++(?:[ \t]++\d++(?![\d.,/⁄]*+\p{L}|[/⁄]))++")

# Connectors in a range.
_RANGE_SEP = regex.compile(
    r"""
    (?P<sep>
        -[ \t]++to[ \t]++                   # 8- to 16-meter
      | [ \t]*+(?:-|–|—|‒)[ \t]*+          # 10-20, 3.5–4.0
      | [ \t]++(?:to|through|and|or)[ \t]++   # 10 to 20, between 10 and 20
      | /(?=\p{Sc})                         # $6/$8 (only between amounts)
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Patterns over the text just left of a number are compiled REVERSE and matched with
# ``match(text, lo, pos)``: one attempt that must end at ``pos`` (no scan of the window).
_ABSOLUTE_ZERO = regex.compile(r"(?i)absolute[ \t]++zero\b")
_LIST_NEXT = regex.compile(r"(?:[ \t]*+,[ \t]*+(?:and[ \t]++|or[ \t]++)?+|[ \t]++(?:and|or)[ \t]++)(?=\d)")
_BETWEEN_LEFT = regex.compile(r"(?i)(?<![\p{L}])(?P<w>between|from)[ \t]++", regex.REVERSE)
_MAGNITUDE_LEFT = regex.compile(r"(?i)(?<![\p{L}])magnitude[ \t-]*+", regex.REVERSE)
_MINUS_LEFT = regex.compile(r"(?i)(?<![\p{L}])minus(?:[ \t]++|-)", regex.REVERSE)
#: What must follow a glued-only currency prefix (data/units.toml ``glued_prefixes``): a
#: figure with a thousands separator or a scale word ("R26 million", "Dh4,275"),
#: so that "R2", "R101" and "an R0 of 2.5" stay no money.
_MONEY_SHAPED = regex.compile(
    r"\d{1,3}(?:,\d{3})++(?![\d,])"
    r"|\d++(?:\.\d++)?+[ \t\u00a0]?+(?:(?i:million|billion|trillion|thousand)|bn|mn|tn|m|k)(?![\p{L}\p{N}])"
)
_THE_LEFT = regex.compile(r"(?i)(?<![\p{L}])the[ \t]++", regex.REVERSE)
_INCH_WORD = regex.compile(r"[ \t]++in(?=\.?\s*+$|\.?[ \t]*+(?:thick|long|wide|tall|high|deep|diameter)\b)")
_AM_PM = regex.compile(r"[ \t]*+(?P<u>pm|am)(?![\p{L}])")
_LETTERS = regex.compile(r"\p{L}++")
_YEAR_SPAN = regex.compile(r"[-–/](\d{2}|\d{4})(?![\d\p{L}])")
_IDENT = regex.compile(r"[\d.,:/-]*+\p{L}*+")

# Before a number that is a label ("No. 3", "#4", "iOS 7"; the words: numbers.toml
# [identifiers] labels); built in _patterns().
_LABEL_LEFT_FIXED = r"""
        (?<![\p{L}])(?:No|no|Nos|nos|Nr|nr|Vol|vol|Art|art|pp?)\.[ \t]?   # No. 3, Vol. 2
      | \#[ \t]?                                                      # #4
"""

# After a collective word ("a score"): a figure, so the word is a noun ("a score of 150").
_COLLECTIVE_NOUN = regex.compile(r"[ \t]++(?:of[ \t]++)?+(?:[<>=≤≥~]|\d)")
# A bare number in brackets: "Jones (7)", "[3]" (a shirt number, a list marker, a footnote).
_BRACKETED = regex.compile(r"[(\[]\d{1,3}+[)\]]")
# After "a figure in a unit": the figure in a smaller unit ("6 ft 1 in", "7 dollars 25 cents").
_COMPOUND_NEXT = regex.compile(
    r"[ \t]*+,?[ \t]*+(?:and[ \t]++)?(?P<n>\d{1,2}(?:\.\d{1,2})?+)[ \t]?(?P<u>\p{L}++\.?)(?![\p{L}\p{N}])"
)
# After feet written with a prime: inches with a double prime ("6'2\"", "5′11″", "6' 1''").
_PRIME_INCHES = regex.compile(r"[ \t]?(?P<n>\d{1,2}(?:\.\d{1,2})?+)(?:\"|″|”|'')")
# An apostrophe inside a word ("it's", "don't"): no quotation mark.
_INNER_APOSTROPHE = regex.compile(r"\p{L}['’]\p{L}")
# After "a <unit>": "and a half" ("a year and a half" is 1.5 years).
_AND_A_HALF = re.compile(r"[ \t]+and[ \t]+a[ \t]+half(?![\w-])")
# The article between "half" and its unit ("half an hour"): ends on the space before the unit.
_HALF_A = re.compile(r"[ \t]+an?[ \t]")
# The "of a" between a fraction word and its unit ("a quarter of a mile").
_OF_AN = re.compile(r"[ \t]+of[ \t]+an?[ \t]")
# Minutes of arc right after a degree sign ("12°31′07″").
_ARC_MINUTES = regex.compile(r"\d{1,2}(?:\.\d+)?+['′]")
# A single quote opening a quotation: at the start of a word, after a space, a bracket or a dash.
_OPENING_SINGLE = regex.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=\S)(?!\d\ds?+(?!\d))")  # not "'90s", "'08"
# "out of" or "over" between two numbers: a ratio.
_RATIO = regex.compile(r"[ \t]++(?:out[ \t]++of|over)[ \t]++(?=[\p{L}\d])", regex.IGNORECASE)
# "Model Ys", "Boeing 737s" after a number: a name made plural (counted "Model Y").
_MODEL_PLURAL = regex.compile(r"[ \t](?P<name>\p{Lu}\p{L}++[ \t](?:[A-Z0-9][A-Z0-9-]{0,5}+))['’]?s(?![\p{L}\p{N}])")
# A name and a comma before an age: "Jean Dupont, 58," (ends where the number starts).
_NAME_COMMA = regex.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}++(?:-\p{Lu}\p{Ll}++)?+,[ \t]", regex.REVERSE)
# After a number: capitalised words then a street word ("412 Elm Street", "10 Downing St.").
_STREET = regex.compile(r"(?:[ \t]\p{Lu}[\p{L}'.-]*+){1,3}?[ \t](?P<w>\p{Lu}\p{L}*+)\.?(?![\p{L}])")

# Start of a line, then "1." or "1)": list numbering.
_LIST_ITEM = regex.compile(r"\d{1,2}[.)][ \t]")
_DOT_PAREN = frozenset(".)")
_DASHES = frozenset("-–—‒")
# The words try_range looks for in the ten characters after a number (lower-cased).
_RANGE_WORD = re.compile(" (?:to|and|or|through) ")
# What may follow the day in _DAY_MONTH ("6 March", "30th of May"): after the ordinal
# ending, a space or tab, then a space, a tab, a month's capital or "of".
_ORDINAL_ENDINGS = frozenset(["st", "nd", "rd", "th"])
_DAY_MONTH_NEXT = frozenset(" \tJFMASONDo")

# An ordinal suffix glued to digits.
_ORD_SUFFIX = regex.compile(r"(?:st|nd|rd|th)(?![\p{L}\p{N}])", regex.IGNORECASE)
# Before a two-digit decade, an age ("in his 50s", "in their early 20s", "in her mid-30s").
_IN_ONES = re.compile(r"\bin[ \t]+(?:his|her|their|my|your|our)[ \t]+(?:(?P<part>early|mid|late)[ \t-]*)?$",
                      re.IGNORECASE)
#: The years of a decade of life "early", "mid" and "late" cover (high exclusive).
_DECADE_PART = {"": (0, 10), "early": (0, 4), "mid": (3, 7), "late": (6, 10)}
# A decade: 1960s, 1960's, 90s.
_DECADE = regex.compile(r"['’]?s(?![\p{L}\p{N}])")

# A unit can only continue (power, inverse, "/", "per") with one of these after it.
_AFTER_UNIT = frozenset("-−^23²³/ \t")
_INVERSE = regex.compile(r"[-−]1(?![\p{N}])")
_TOLERANCE = regex.compile(r"[ \t]*+(?:±|\+/-|\+-)[ \t]*+\d++(?:\.\d++)?+(?:[eE][-+]?\d{1,3})?+")
_SPACED_FRACTION = regex.compile(r"[ \t\u00a0]++([1-9]\d?+)[/⁄]([1-9]\d?+)(?![\d/⁄])")
_FRACTION = regex.compile(r"[/⁄]([1-9]\d{0,2}+)(?![\d/⁄])")
_VULGAR_GLUED = regex.compile(r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
_VULGARS = frozenset("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")
# A numeral can only continue (fraction, tolerance) with one of these after it.
_AFTER_NUMERAL = frozenset("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞/⁄ \t\u00a0±+")

_WORD = regex.compile(r"\p{L}++(?:['’]\p{L}++)?+")
_GAP = re.compile(r"[ \t\u00a0]++")
_OF = regex.compile(r"[ \t\u00a0]++of[ \t\u00a0]++", regex.IGNORECASE)
# (Patterns of ASCII classes and literals only are stdlib ``re``: the same matches, and
# cheaper to call.)
_HYPHEN_GAP = re.compile(r"(?:[ \t\u00a0]*+-[ \t\u00a0]*+|[ \t\u00a0]++)")
_GAP_CHARS = " \t\u00a0-"
_SPACES = frozenset(" \t\u00a0")

_SIGN_LEFT = regex.compile(r"(?:(?<=[\s(\[:;=,/]|^)[-−+])\Z")

_TIMES_COMPARE = regex.compile(
    r"""[ \t]++(?:as|more|less|fewer|larger|bigger|higher|lower|greater|smaller|faster|slower
        |the|that|than|what|over|its|their|his|her|\p{L}+er[ \t]+than)(?![\p{L}])""",
    regex.VERBOSE | regex.IGNORECASE,
)
_FOLD = regex.compile(r"-?fold(?![\p{L}])", regex.IGNORECASE)
_AS_MANY = regex.compile(r"[ \t]++as[ \t]++(?:many|much|large|big|high|long|likely|fast)(?![\p{L}])", regex.I)

_MAGNITUDE_AFTER = regex.compile(r"(?:-|[ \t]++)magnitude(?![\p{L}])", regex.IGNORECASE)
_OLD = regex.compile(r"(?:-|[ \t]++)old(?![\p{L}])", regex.IGNORECASE)
_LONG = regex.compile(r"-long(?![\p{L}])", regex.IGNORECASE)

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
# After a month name: "6", "6th", "6, 2014", "2012".
_MONTH_TAIL = regex.compile(
    r"""\.?[ \t]++
    (?:
        (?P<year>(?:1[5-9]|20)\d{2})(?![\p{L}\p{N}])           # August 2012
      | (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?+(?![\p{L}\p{N}])  # March 6, May 30th
    )""",
    regex.VERBOSE,
)
# Before a month name: "6 March", "30th of May".
_DAY_MONTH = regex.compile(
    r"(?:st|nd|rd|th)?+[ \t]++(?:of[ \t]++)?" + _MONTH_RE + r"(?![\p{L}])"
)

_YEAR_LEFT = regex.compile(
    r"""(?ix)(?<![\p{L}])(?:in|since|by|of|until|till|from|to|during|before|after|early|late
        |mid|between|and|the|year|fiscal|summer|winter|spring|autumn|fall|through|circa|c\.
        |around|about|end|start|beginning|march|april|may|june|july|august|september|october
        |november|december|january|february|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)
        [ \t,.]*+""",
    regex.REVERSE,
)


def _digit_follows(text: str, p: int) -> bool:
    """Whether a digit comes at ``p``, after one space or none ("25 $30": the "$" starts the next amount)."""
    c = text[p: p + 1]
    return c.isdigit() or (c == " " and text[p + 1: p + 2].isdigit())


@functools.cache
def _suffix_first() -> frozenset[str]:
    """First characters of currency signs written after an amount ("15€", "25 $")."""
    return frozenset(s[0] for s in lexicon.units().currency_suffixes)


# Before "100m": an event ("the 100m hurdles"), not a hundred million.
_ARTICLES = frozenset(["a", "an", "the"])
# How "45 MUSD", "45 kEUR" start (a scale letter glued to a currency code).
_SCALED_CODE_FIRST = frozenset(" kKMB")


@functools.cache
def _postfix_starts() -> frozenset[str]:
    """The first two letters of the postfix comparisons written after a space ("or", "an")."""
    return frozenset(w[:2] for w in lexicon.postfix_qualifiers() if w[0] != "-")


@functools.cache
def _collective_first() -> frozenset[str]:
    """First letters of the collective words ("dozen"), both cases."""
    return frozenset(c for w in lexicon.numbers().collectives for c in (w[0], w[0].upper()))


@functools.cache
def _age_last_letters() -> frozenset[str]:
    """Last letters of the words before an age ("aged", "age", "between", "from")."""
    return frozenset(w[-1] for w in [*lexicon.numbers().age_before, "between", "from"])


@functools.cache
def _change_last_chars() -> frozenset[str]:
    """Last letters, both cases, of the words _change_last_words() holds."""
    return frozenset(c for w in _change_last_words() for c in (w[-1], w[-1].upper()))


@functools.cache
def _change_last_words() -> frozenset[str]:
    """Last words of the change phrases before a figure, and the words that may follow them."""
    ch = lexicon.changes()
    return frozenset(w.split()[-1] for w in [*ch.verbs, *ch.adverbs]) | {"by", "further", "another"}


@functools.cache
def _unit_factor(big: str, small: str) -> float | None:
    """How many ``small`` make one ``big`` (12 for foot and inch), from the pint registry."""
    from .units import comparable, to_pint

    if not comparable(big, small):
        return None
    return float(to_pint(1.0, big).to(small).magnitude)


def _first_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


# ---------------------------------------------------------------------------------------
# Patterns built from the lexicons (once)
# ---------------------------------------------------------------------------------------


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first, with flexible whitespace inside phrases."""
    out = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        parts = [regex.escape(p) for p in w.split()]
        out.append(r"[ \t\u00a0]++".join(parts))
    return "|".join(out)


def _phrase_alternation(phrases: list[str]) -> str:
    """Like _alternation, each phrase followed by the space it needs: phrases of words take
    one or more spaces, phrases ending in a sign (">=", "~") none or more ("> 40", ">40")."""
    out = []
    for w in sorted(set(phrases), key=lambda s: (-len(s), s)):
        body = r"[ \t\u00a0]++".join(regex.escape(x) for x in w.split())
        out.append(body + (r"[ \t\u00a0]++" if w[-1].isalnum() else r"[ \t\u00a0]*+"))
    return "|".join(out)


@dataclass(frozen=True)
class _Patterns:
    number_word_run: Any
    digit_scan: Any
    word_scan: Any
    word_kinds: dict[str, str]
    a_next: Any
    month_next: Any
    unit_symbol: Any
    per: Any
    power: Any
    currency_left: Any
    currency_right: Any
    qualifier_left: Any
    scale_words: Any
    plural_of: Any
    after_a: Any
    a_left_rate: Any
    label_left: Any
    postfix: Any
    change_left: Any
    upper_bound_right: Any
    age_left: Any
    scaled_code: Any
    currency_ahead: Any
    currency_glued: Any


@functools.cache
def _patterns() -> _Patterns:
    nw = lexicon.numbers()
    ul = lexicon.units()
    number_words = (
        list(nw.cardinals) + list(nw.ordinals) + list(nw.plurals) + list(nw.multipliers)
        + ["half", "dozen"] + list(nw.vague)
    )
    fold_words = [w + "fold" for w in nw.fold_words]
    a_units = [w for w, e in ul.words.items() if e.after_a]
    a_next = list(nw.scales) + list(nw.collectives) + list(nw.fractions) + ["half"] + a_units + list(nw.vague)
    long_units = ["year", "month", "week", "day", "hour", "minute", "decade", "century", "night"]
    # Two scans find the anchors: numerals (and vulgar fractions), and words. A word is an
    # anchor when the dict ``word_kinds`` knows it (lower-cased): a number word, "a"/"an",
    # a month or weekday name, or a time unit that may be followed by "-long". Two simple
    # scans plus a dict are much faster than one big alternation tried at every position.
    # A third finds the letters of a currency prefix glued to digits ("USD25m", "RM41.20"),
    # which the digit scan leaves (no letter may come before its digit).
    digit_scan = regex.compile(
        r"(?<![\p{L}\p{N}_])(?<!\p{N}[.,+])(?<![\p{Lu}\p{N}]-)[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]"
    )
    word_kinds: dict[str, str] = {}
    for w in long_units:
        word_kinds[w] = "long"
    for w in _MONTHS:
        word_kinds[w] = "month"
    for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
        word_kinds[d] = "weekday"
    for w in number_words + fold_words:
        word_kinds[w] = "word"
    word_kinds["a"] = word_kinds["an"] = "a"
    first = "".join(sorted({w[0] for w in word_kinds} - {"a"}))
    first = "".join(sorted(set(first) | set(first.upper())))
    af = "".join(sorted(_a_first()))
    word_scan = regex.compile(
        rf"""(?<![\p{{L}}\p{{N}}'’_])
        (?:
            [{regex.escape(first)}]\p{{L}}*+                     # a word that may be an anchor
          | [Aa](?:n?(?=[ \t\u00a0][{af}])\b|(?:pr|ug|PR|UG)\p{{L}}*+)  # "a dozen", "an hour"; April, August
        )""",
        regex.VERBOSE,
    )
    a_next_re = regex.compile(
        rf"[ \t\u00a0]++(?i:{_alternation(a_next)})(?![\p{{L}}])"
    )
    month_next = regex.compile(r"\.?[ \t]++\d")
    # A run of further number words ("one one one"), skipped whole when the first is no quantity.
    number_word_run = regex.compile(
        rf"(?:[ \t\u00a0-]++(?i:{_alternation(number_words)})(?![\p{{L}}]))*+"
    )
    unit_symbol = regex.compile(
        rf"(?:{_alternation(list(ul.symbols))})"
        rf"(?=[23²³](?![\p{{L}}\p{{N}}])|[-−]1(?![\p{{N}}])|(?![\p{{L}}\p{{N}}]|\.\p{{L}}|['’]\p{{L}}))"
    )
    # "/", " per " and, in rates, " a "/" an " ("$2,800 a month", "barrels a day")
    per = regex.compile(r"(?:[ \t]*+/[ \t]*+|[ \t]++per[ \t]++|[ \t]++an?[ \t]++)", regex.IGNORECASE)
    power = regex.compile(r"(?:\^?(?P<n>[23])|(?P<sq>²)|(?P<cu>³))(?![\p{L}\p{N}])")
    currency_left = regex.compile(
        rf"(?:(?<![\p{{L}}])(?:{_alternation([p for p in ul.currency_prefixes if p[0].isalpha()])})"
        rf"|(?:{_alternation([p for p in ul.currency_prefixes if not p[0].isalpha()])}))[ \t\u00a0]?+",
        regex.REVERSE,
    )
    currency_right = regex.compile(
        rf"[ \t\u00a0]?+(?:{_alternation(list(ul.currency_suffixes))})(?![\p{{L}}])"
    )
    quals = lexicon.qualifiers()
    qualifier_left = regex.compile(
        rf"(?<![\p{{L}}])(?P<q>(?i:{_phrase_alternation(list(quals))}))",
        regex.REVERSE,
    )
    multi = sorted(
        {w for w in [*nw.suffixes_always, *nw.suffixes_currency] if len(w) > 1 and w.isalpha()},
        key=lambda w: (-len(w), w),
    )
    scale_words = regex.compile(
        rf"""(?:[ \t\u00a0]++(?:total[ \t]++)?+|-(?=[\p{{L}}]{{4}}))   # "143.8 million", "$137-million"
        (?P<w>(?i:{_alternation(list(nw.scales))})|{"|".join(map(regex.escape, multi))}
          |k(?![\p{{L}}\p{{N}}])|[mMbB](?=[ \t]*+[\p{{L}}]))(?![\p{{L}}\p{{N}}])""",
        regex.VERBOSE,
    )
    plural_of = regex.compile(
        rf"[ \t\u00a0]++of[ \t\u00a0]++(?P<p>(?i:{_alternation(list(nw.plurals))}))(?![\p{{L}}])"
    )
    after_a = regex.compile(rf"[ \t\u00a0]++(?P<u>(?i:{_alternation(a_units)}))(?![\p{{L}}\p{{N}}])")
    a_left_rate = regex.compile(r"(?i)(?:once|twice|thrice|times|per|every)[ \t]++", regex.REVERSE)
    label_left = regex.compile(
        "(?x)(?:" + _LABEL_LEFT_FIXED + r"| (?<![\p{L}])(?i:"
        + "|".join(regex.escape(w) for w in sorted(nw.labels, key=len, reverse=True))
        + r")[ \t]++)",
        regex.REVERSE,
    )
    post = lexicon.postfix_qualifiers()
    postfix = regex.compile(
        r"(?:[ \t\u00a0]++(?P<q>(?i:" + _alternation([w for w in post if w[0] != "-"]) + r"))"
        + r"|(?P<g>(?i:" + _alternation([w for w in post if w[0] == "-"] or ["-\uffff"]) + r")))"
        # (not before another figure: "40 boats and up to 40 degrees", "or over 50")
        + r"(?![\p{L}\p{N}])(?![ \t]++(?:to[ \t]|than[ \t]|\d|\p{Sc}))"
    )
    ch = lexicon.changes()
    change_left = regex.compile(
        rf"(?<![\p{{L}}])(?P<w>(?i:{_alternation([*ch.verbs, *ch.adverbs])}))"
        r"(?:[ \t\u00a0]++(?i:by|a[ \t]++further|another))?+[ \t\u00a0]++",
        regex.REVERSE,
    )
    upper = [w for w, e in quals.items() if e.qualifier in ("less_than", "at_most")]
    upper_bound_right = regex.compile(
        rf"[ \t\u00a0]++(?i:and|but)[ \t\u00a0]++(?P<q>(?i:{_phrase_alternation(upper)}))"
    )
    age_left = regex.compile(
        rf"(?<![\p{{L}}])(?P<w>(?i:{_alternation(list(nw.age_before))}))"
        r"(?:[ \t\u00a0]++(?i:between|from))?+[ \t\u00a0]++",
        regex.REVERSE,
    )
    codes = sorted({e.unit for e in ul.symbols.values() if e.kind == "currency" and len(e.unit) == 3})
    scales = sorted({w for w in nw.suffixes_currency if w.isalpha() and (w[0].isupper() or w in ("k", "bn", "mn"))},
                    key=lambda w: (-len(w), w))
    scaled_code = regex.compile(
        rf"[ \t\u00a0]?+(?P<s>{'|'.join(map(regex.escape, scales))})(?P<c>{'|'.join(codes)})(?![\p{{L}}\p{{N}}])"
    )
    currency_ahead = regex.compile(
        rf"(?:{_alternation(list(ul.currency_prefixes))})[ \t\u00a0]?+(?=[\d.])"
    )
    tails = sorted(_currency_letter_tails(), key=lambda w: (-len(w), w))
    currency_glued = regex.compile(
        r"(?<![\p{L}\p{N}_])(?:" + "|".join(map(regex.escape, tails)) + r")(?=\d)"
    )
    return _Patterns(
        number_word_run,
        digit_scan, word_scan, word_kinds, a_next_re, month_next, unit_symbol, per, power, currency_left, currency_right,
        qualifier_left, scale_words, plural_of, after_a, a_left_rate, label_left, postfix, change_left,
        upper_bound_right, age_left, scaled_code, currency_ahead, currency_glued,
    )


@functools.cache
def _currency_letter_tails() -> frozenset[str]:
    """The letters that end currency prefixes ending in a letter ("USD", "RM", "Rs"; "US" of
    "$US"): glued to digits they make an anchor ("USD25m")."""
    out = set()
    for p in lexicon.units().currency_prefixes:
        i = len(p)
        while i > 0 and p[i - 1].isalpha():
            i -= 1
        if i < len(p):
            out.add(p[i:])
    return frozenset(out)


# ---------------------------------------------------------------------------------------
# The reading of one mention
# ---------------------------------------------------------------------------------------


class _Reading:
    """A quantity being assembled at one anchor.

    A plain class with slots (not a dataclass): one is made per anchor, and its fields are
    read and written all along the hot path.
    """

    __slots__ = (
        "change", "counted", "currency_left", "digits", "end", "hedge", "high", "high_inclusive",
        "integer", "kind", "latent", "low", "low_inclusive", "numkind", "qualifier", "raw",
        "rule", "scale", "scaled", "start", "step", "unit", "value", "words_read",
    )

    def __init__(
        self, start: int, end: int, value: float | None, kind: str = "count",
        unit: str | None = None, rule: str = "", low: float | None = None,
        high: float | None = None, digits: bool = False, currency_left: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.kind = kind
        self.numkind = "cardinal"  # cardinal, ordinal, fraction, collective, plural
        self.digits = digits
        self.integer = True
        self.raw = ""
        self.scaled = False
        self.unit = unit
        self.counted: str | None = None
        self.low = low
        self.high = high
        self.low_inclusive = True
        self.high_inclusive = True
        self.qualifier = "exact"
        self.rule = rule
        self.latent = False
        self.currency_left = currency_left
        self.words_read = 0
        # the place value of the last stated digit (see Quantity.step); 1 for most readings
        self.step: float | None = 1.0
        # the factor of a scale word that ends the number ("seven thousand": 1000)
        self.scale = 1.0
        self.hedge: str | None = None
        self.change: str | None = None


def _singular(word: str) -> str | None:
    """The singular of a plural noun, or None if ``word`` does not look plural."""
    lw = word.lower()
    ul = lexicon.units()
    irregular = ul.irregular_plurals
    if lw in irregular:
        s = irregular[lw]
        return s if word.islower() else s[:1].upper() + s[1:] if word[:1].isupper() and not word.isupper() else s
    if lw in ul.singulars:
        return None  # "gas", "bias": no plural
    if lw.endswith("men") and len(lw) > 4 and lw not in ("specimen", "abdomen", "regimen"):
        return word[:-3] + "man"
    if len(lw) < 3 or not lw.endswith("s") or lw.endswith(("ss", "us", "is", "'s", "’s", "ous")):
        return None
    if lw.endswith("ies") and len(lw) > 4:
        s = word[:-3] + "y"
    elif lw.endswith(("sses", "shes", "ches", "xes", "zes")) or (lw.endswith("oes") and lw not in ("shoes", "canoes")):
        s = word[:-2]
    else:
        s = word[:-1]
    return s


def _norm_counted(word: str) -> str:
    # keep the capital of proper nouns ("Tibetan"), lower-case sentence-initial words
    return word if word[:1].isupper() and len(word) > 1 else word.lower()


# Up to four words, for looking unit names up in the lexicon (a dict, not a regex).
_WORD_RUN = regex.compile(  # words may be hyphenated ("dual-core processors")
    r"(\p{L}++(?:-\p{L}++)*+)(?:[ \t\u00a0]++(\p{L}++(?:-\p{L}++)*+)(?:[ \t\u00a0]++(\p{L}++(?:-\p{L}++)*+)"
    r"(?:[ \t\u00a0]++(\p{L}++(?:-\p{L}++)*+))?+)?+)?+"
)
# The same, for unit names (at most three words, spaced or hyphenated: "square-kilometer").
_UNIT_RUN = regex.compile(r"(\p{L}++)(?:[ \t\u00a0-]++(\p{L}++)(?:[ \t\u00a0-]++(\p{L}++))?+)?+")


@functools.cache
def _symbol_first() -> frozenset[str]:
    return frozenset(s[0] for s in lexicon.units().symbols)


@functools.cache
def _symbol_tables() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[tuple[str, str], ...]]]:
    """For _symbol_at: by first character, the lengths of the symbols without a space
    (longest first), and for those with one the part before the first space and the
    character after it (("sq", "k"), ("°", "C"))."""
    lengths: dict[str, set[int]] = {}
    heads: dict[str, set[tuple[str, str]]] = {}
    for sym in lexicon.units().symbols:
        if any(c in sym for c in " \t\u00a0"):
            head, rest = sym.split(None, 1)
            heads.setdefault(sym[0], set()).add((head, rest[0]))
        else:
            lengths.setdefault(sym[0], set()).add(len(sym))
    return (
        {c: tuple(sorted(v, reverse=True)) for c, v in lengths.items()},
        {c: tuple(sorted(v)) for c, v in heads.items()},
    )


def _symbol_at(text: str, q: int, limit: int) -> int:
    """Where the unit symbol ``unit_symbol`` matches at ``text[q]`` ends; -1: none; -2: ask it.

    ``unit_symbol`` is an alternation of the symbols, longest first, each followed by a
    lookahead (a power, "-1", or no letter or digit next). This finds the same symbol with
    dict lookups, longest first, and answers -2 (use the pattern) where the shortcut could
    differ: a symbol with a space in it might match, the lookahead would look past
    ``limit`` or at a non-ASCII character.
    """
    c = text[q]
    lengths, heads = _symbol_tables()
    for h, nxt in heads.get(c, ()):
        if text.startswith(h, q):
            i = q + len(h)
            if text[i: i + 1] in _SPACES:
                while i < limit and text[i] in _SPACES:
                    i += 1
                if i < limit and text[i] == nxt:
                    return -2
    symbols = lexicon.units().symbols
    for n in lengths.get(c, ()):
        e = q + n
        if e > limit or text[q:e] not in symbols:
            continue
        if e + 3 > limit:
            return -2
        a, b = text[e], text[e + 1]
        if not (a.isascii() and b.isascii()):
            return -2
        if a in "23" and not b.isalnum():
            return e
        if a == "-" and b == "1":
            c3 = text[e + 2]
            if not c3.isascii():
                return -2
            if not c3.isdigit():
                return e
        if not a.isalnum() and not (a in ".'" and b.isalpha()):
            return e
    return -1


@functools.cache
def _unit_first_words() -> frozenset[str]:
    """First words of the unit names of more than one word ("square", "british")."""
    return frozenset(w.split(" ", 1)[0] for w in lexicon.units().words if " " in w)


# A run of ASCII letters (stdlib ``re``: cheaper per call than ``regex`` for this).
_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_ASCII_LETTER_SET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _unit_word_at(text: str, q: int, limit: int) -> tuple[lexicon.UnitEntry, int] | None:
    """The longest unit name written in words at ``text[q]``: (entry, end)."""
    a = _ASCII_LETTERS.match(text, q, limit)
    if a is not None:
        j = a.end()
        # an ASCII word ending at an ASCII character (or the limit) that starts no unit name
        # of several words: only the word itself can name a unit (what _UNIT_RUN finds)
        if (j >= limit or text[j].isascii()):
            first = a.group().lower()
            if first not in _unit_first_words():
                e = lexicon.units().words.get(first)
                return (e, j) if e is not None else None
    elif q >= limit or text[q].isascii() or not text[q].isalpha():
        return None  # no letter at q: _UNIT_RUN cannot match
    m = _UNIT_RUN.match(text, q, limit)
    if m is None:
        return None
    words = lexicon.units().words
    g = m.groups()
    first = g[0].lower()
    if g[1] is not None:
        # longest first: unit names have at most three words ("British thermal units")
        two = first + " " + g[1].lower()
        if g[2] is not None:
            e = words.get(two + " " + g[2].lower())
            if e is not None:
                return e, m.end(3)
        e = words.get(two)
        if e is not None:
            return e, m.end(2)
    e = words.get(first)
    return (e, m.end(1)) if e is not None else None


def _match_unit(text: str, p: int, limit: int, r: _Reading, allow_space: bool = True) -> tuple[str, str, int, str] | None:
    """A unit at ``text[p]`` (after optional space or hyphen): (unit, kind, end, rule)."""
    P = _patterns()
    ul = lexicon.units()
    c = text[p: p + 1]
    if c == " " and p + 1 < limit and text[p + 1] not in _GAP_CHARS:
        q, glued, hyphen = p + 1, False, False  # one space: what _HYPHEN_GAP matches there
    else:
        gap = _HYPHEN_GAP.match(text, p, limit) if c and c in _GAP_CHARS else None
        q = gap.end() if gap else p
        glued = q == p
        hyphen = gap is not None and "-" in gap.group()
    if not glued and not allow_space:
        return None
    m = _unit_word_at(text, q, limit)
    if m is not None:
        e, wend = m
        unit, kind = e.unit, e.kind
        if unit == "pound" and (r.scaled or r.currency_left):
            unit, kind = "GBP", "currency"
        if glued and not hyphen and e.kind != "currency" and r.digits is False:
            return None  # "twothousand" etc.
        return unit, kind, wend, "word"
    if hyphen and not r.digits:
        return None
    if glued and r.digits and text[q: q + 1] in _glued_first():
        # abbreviations only ever glued to the number ("350p")
        g = _ASCII_LETTERS.match(text, q, limit)
        if g is not None and g.group() in ul.glued and (g.end() >= limit or not text[g.end()].isalnum()):
            e = ul.glued[g.group()]
            return e.unit, e.kind, g.end(), "symbol"
    if text[q: q + 1] not in _symbol_first():
        return None
    if text[q: q + 1] in ("'", "′", "″") and glued and r.digits:
        return _prime_unit(text, r.start, p, q, text[q], q + 1)
    if text[q: q + 1] == "°" and glued and r.digits and _ARC_MINUTES.match(text, q + 1, limit):
        return "degree", "dimension", q + 1, "symbol"  # "12°31′": degrees, then minutes
    sym_end = _symbol_at(text, q, limit)
    if sym_end == -2:
        m = P.unit_symbol.match(text, q, limit)
        if m is None:
            return None
        sym, sym_end = m.group(), m.end()
    elif sym_end < 0:
        return None
    else:
        sym = text[q:sym_end]
    e = ul.symbols[sym]
    if glued and not r.digits:
        return None  # 'one hundred and two"': a closing quote, not inches
    if sym in ("'", "′", "″"):
        return None  # a prime is a unit only glued to digits (above)
    if sym == '"':
        line = text[max(0, p - 80): p].rsplit("\n", 1)[-1]
        if line.count('"') % 2 == 1:
            return None  # the number sits inside a quotation

    # Symbols that are also words or letters: accept only where a unit is plausible.
    if len(sym) == 1 and sym.isalpha() and not glued:
        nxt = text[sym_end: sym_end + 2]
        if sym in ("m", "s", "h", "g", "l", "t", "b", "B", "W", "V", "J", "K", "F", "C", "L") and nxt[:1] not in (
            "", " ", ".", ",", ";", ")", "!", "?", "\n", "\t", "/"
        ) and not (nxt[:1] in ("-", "−") and nxt[1:2] == "1"):
            return None
        if nxt[:1] == " " and len(nxt) > 1 and nxt[1].isupper() and sym not in ("C", "F", "K"):
            return None
    if sym in ("in",):
        return None
    return e.unit, e.kind, sym_end, "symbol"


def _prime_unit(text: str, start: int, p: int, q: int, sym: str, sym_end: int) -> tuple[str, str, int, str] | None:
    """A prime after a number: minutes and seconds of arc in a coordinate ("40°26′46″"),
    else feet and inches ("6'2\"", "a 5′ fence", "12″"); a single quote that closes a
    quotation ("'at least 12'") is no unit."""
    if q != p:
        return None  # "12 '": a quote mark, not a unit
    before = text[start - 1: start] if start > 0 else ""
    if before == "°":  # "40°26′": minutes of a degree
        return ("arcminute", "dimension", sym_end, "symbol") if sym != "″" else None
    if before in ("'", "′") and sym == "″":
        k = start - 2
        while k >= 0 and text[k].isdigit():
            k -= 1
        if k >= 0 and text[k] == "°":  # "40°26′46″": seconds of a degree
            return "arcsecond", "dimension", sym_end, "symbol"
    if sym == "″":
        return "inch", "dimension", sym_end, "symbol"
    if _PRIME_INCHES.match(text, sym_end) is None:
        line = text[max(0, start - 200): start].rsplit("\n", 1)[-1]
        opened = len(_OPENING_SINGLE.findall(line))
        closed = line.count("'") + line.count("’") - opened - len(_INNER_APOSTROPHE.findall(line))
        if opened > closed:
            return None  # "'at least 12'": the number closes a quotation
    return "foot", "dimension", sym_end, "symbol"


@functools.cache
def _glued_first() -> frozenset[str]:
    return frozenset(s[0] for s in lexicon.units().glued)


@functools.cache
def _not_before_unit() -> frozenset[str]:
    """Characters after a number at which no unit can start: _match_unit needs a gap, a
    letter or the first character of a symbol."""
    return frozenset(",;:!?)]}\n") - _symbol_first() - _glued_first()


def _unit_with_compounds(text: str, p: int, limit: int, r: _Reading) -> tuple[str, str, int] | None:
    """A unit, with powers and ``/`` or ``per`` denominators: "km/s2", "J/m^2 per year"."""
    c = text[p: p + 1]
    if not c or c in _not_before_unit():
        return None  # (what _match_unit, "in" and "pm" below need cannot start here)
    P = _patterns()
    got = _match_unit(text, p, limit, r)
    if got is None:
        # "2 in", "2 in." (inch) only at the end of a clause or before a size word
        near = text[p: p + 4]
        m = _INCH_WORD.match(text, p, limit) if r.digits and "in" in near else None
        if m is not None:
            return "inch", "dimension", m.end()
        m = _AM_PM.match(text, p, limit) if r.digits and ("m" in near) else None
        if m is not None and not r.integer and len(r.raw.split(".")[-1]) != 2:
            return ("picometer" if m["u"] == "pm" else "attometer"), "dimension", m.end()
        return None
    unit, kind, end, how = got
    c = text[end: end + 1]
    if not c or c not in _AFTER_UNIT:
        return unit, kind, end
    inv = _INVERSE.match(text, end, limit) if c in "-−" else None
    if inv is not None and how == "symbol":
        return f"1 / {unit}", kind, inv.end()
    pw = P.power.match(text, end, limit) if c in "^23²³" and text[end - 1] not in "'′" else None
    if pw is not None and how == "symbol" and kind == "dimension" and not unit.startswith(("square", "cubic")):
        n = pw["n"] or ("2" if pw["sq"] else "3")
        unit = ("square " if n == "2" else "cubic ") + unit
        end = pw.end()
    for _ in range(2):
        c = text[end: end + 2]
        if not ("/" in c or (c[:1] == " " and (
            text[end + 1: end + 4].lower() == "per"
            or (text[end + 1: end + 3].lower() in ("a ", "an") and kind in ("currency", "dimension"))
        ))):
            break
        pm = P.per.match(text, end, limit)
        if pm is None:
            break
        if pm.group().strip().lower() in ("a", "an") and kind not in ("currency", "dimension"):
            break  # "12 hours a day" stays a duration
        got2 = _denominator(text, pm.end(), limit, article=pm.group().strip().lower() in ("a", "an"))
        if got2 is None:
            break
        u2, e2, how2 = got2
        pw = P.power.match(text, e2, limit)
        if pw is not None and how2 == "symbol" and not u2.startswith(("square", "cubic")):
            n = pw["n"] or ("2" if pw["sq"] else "3")
            u2 = ("square " if n == "2" else "cubic ") + u2
            e2 = pw.end()
        unit = f"{unit} per {u2}"
        kind = "currency" if kind == "currency" else "dimension"
        end = e2
    return unit, kind, end


def _per_unit(text: str, p: int, limit: int) -> tuple[str, int] | None:
    """A denominator after an amount: "/hour", " per kg", " a month", " per share" → ("hour", end)."""
    pm = _patterns().per.match(text, p, limit)
    if pm is None:
        return None
    got = _denominator(text, pm.end(), limit, article=pm.group().strip().lower() in ("a", "an"))
    return (got[0], got[1]) if got is not None else None


def _denominator(text: str, q: int, limit: int, article: bool) -> tuple[str, int, str] | None:
    """The unit after "per", "/" or (``article``) "a": (unit, end, how), or None.

    A unit (no currency: "$5/€" is no rate), or a count a rate is given per (units.toml
    [rates]: "per share", "per capita"). After "a", only a time unit or a rate count, and
    not when a word follows that makes it a point in time ("$5 a year ago")."""
    ul = lexicon.units()
    a = _ASCII_LETTERS.match(text, q, limit)
    if a is not None:
        rate = ul.rates.get(a.group().lower())
        if rate is not None and (a.end() >= limit or not text[a.end()].isalnum()):
            return rate, a.end(), "word"
    r2 = _Reading(start=0, end=0, value=None, digits=True)
    got = _match_unit(text, q, limit, r2, allow_space=False)
    if got is None or got[1] == "currency":
        return None
    if article:
        if got[1] != "duration" or got[3] != "word":
            return None
        nxt = _ASCII_LETTERS.match(text, got[2] + 1, limit) if text[got[2]: got[2] + 1] == " " else None
        if nxt is not None and nxt.group().lower() in ul.a_unit_not_before:
            return None
    return got[0], got[2], got[3]


@functools.cache
def _number_words() -> frozenset[str]:
    nw = lexicon.numbers()
    return frozenset(
        [*nw.cardinals, *nw.scales, *nw.ordinals, *nw.plurals, *nw.multipliers, *nw.collectives, "half"]
    )


def _times_comparison(text: str, end: int, limit: int, r: _Reading) -> bool:
    """"<n> times" before a comparison ("three times higher", "1.5 times the average") makes
    ``r`` a multiplier (its text takes in a comparative, not "the"); ``end`` is where
    "times" ends."""
    cmp = _TIMES_COMPARE.match(text, end, limit)
    if cmp is None:
        return False
    word = cmp.group().split()[0].lower()
    keep = word not in ("the", "that", "what", "its", "their", "his", "her", "over")
    r.kind, r.rule, r.end = "multiplier", "<n> times <comparison>", cmp.end() if keep else end
    return True


def _read_counted(
    text: str, p: int, limit: int, singular_ok: bool, one: bool = False
) -> tuple[str | None, int, tuple[str, str] | None]:
    """The counted noun after a number: (noun, end, unit) — unit when the noun is a unit word.

    Looks at up to four words after ``p`` (after a space or a hyphen): the first plural
    noun is the counted noun ("200 public accounts"); with ``singular_ok`` ("one man") the
    first word is; a time unit or currency word among the first three makes a unit
    ("two consecutive years"). Stop words end the search.
    """
    c = text[p: p + 1]
    if c == " " and p + 1 < limit and text[p + 1] not in _GAP_CHARS:
        q = p + 1  # one space: what _HYPHEN_GAP matches there
    elif c in (" ", "\t", "\u00a0", "-"):
        g = _HYPHEN_GAP.match(text, p, limit)
        q = g.end() if g is not None else p
    elif c.isalpha() and p > 0 and text[p - 1] == " ":
        q = p
    else:
        return None, p, None
    a = _ASCII_LETTERS.match(text, q, limit)
    if a is not None and (a.end() >= limit or (text[a.end()].isascii() and text[a.end()] != "-")):
        # The first word is ASCII (and so all of _WORD_RUN's first word). The loop below
        # decides on it alone, unless a unit name of several words may start with it or
        # it is neither a stop word, a unit, a plural nor (with singular_ok) the noun.
        w, j = a.group(), a.end()
        lw = w.lower()
        if lw not in _unit_first_words():
            if lw in lexicon.units().stopwords or lw in _number_words():
                return None, p, None
            e = lexicon.units().words.get(lw)
            if e is not None and e.kind in ("duration", "currency"):
                return None, j, (e.unit, e.kind)
            sg = _singular(w)
            # (a plural like its singular, "police", may modify the plural after it: read on)
            if sg is not None and (sg.lower() != lw or not (j < limit and text[j] == " ")):
                return (None, p, None) if one else (_norm_counted(sg), j, None)
            if singular_ok and not w[:1].isupper():  # a name may modify the noun: read on
                if not lw.endswith(("ed", "ing")):
                    return _norm_counted(w), j, None
                return None, p, None
    m = _WORD_RUN.match(text, q, limit)
    if m is None:
        return None, p, None
    ul = lexicon.units()
    stop = ul.stopwords
    numw = _number_words()
    units = ul.words
    n = m.lastindex or 1
    zero: str | None = None  # a plural like its singular before another plural ("police officers")
    for i in range(1, n + 1):
        w = m.group(i)
        lw = w.lower()
        if lw in stop or lw in numw or not w[:1].isalpha():
            break
        if i <= 3:
            # a time unit or currency word, possibly of two or three words ("US dollars")
            for k in range(min(n, i + 2), i - 1, -1):
                alias = lw if k == i else " ".join(m.group(j) for j in range(i, k + 1)).lower()
                e = units.get(alias)
                if e is not None and e.kind in ("duration", "currency"):
                    return None, m.end(k), (e.unit, e.kind)
        sg = _singular(w)
        if sg is not None and (w[:1].isupper() or sg.lower() == lw) and i < n and m.group(i + 1)[:1].islower() \
                and _singular(m.group(i + 1)) is not None:
            # "three United Nations schools": the name modifies the plural after it; "12 police
            # officers", "eight crew members": the figure takes both words, and counts the police
            if not w[:1].isupper() and zero is None:
                zero = sg
            continue
        if sg is not None:
            if one:
                break  # "one costs": a verb, not a plural noun
            return _norm_counted(zero or sg), m.end(i), None
        if singular_ok:
            # "one man", "a dozen eggs": the first word only, and not a verb form; names
            # before a plural modify it ("384 Intel Atom processors": processors)
            if (w[:1].isupper() or "-" in w) and i < n:
                continue
            if i == 1 and not lw.endswith(("ed", "ing")):
                return _norm_counted(w), m.end(i), None
            break
    if singular_ok and m.group(1)[:1].isupper() and not m.group(1).lower().endswith(("ed", "ing")):
        return _norm_counted(m.group(1)), m.end(1), None  # "12 Bravo": the name itself
    return None, p, None


def _interval(r: _Reading, tol: lexicon.QualifierEntry | None) -> None:
    v = r.value
    if v is None:
        return
    q = r.qualifier
    if q == "exact":
        r.low = r.high = v
    elif q == "approximate" and tol is not None:
        # 12 significant digits: 330, not 330.00000000000006, for "about 300"
        a, b = float(f"{v * (1 - tol.below):.12g}"), float(f"{v * (1 + tol.above):.12g}")
        r.low, r.high = min(a, b), max(a, b)
    elif q == "more_than":
        r.low, r.high, r.low_inclusive = v, None, False
    elif q == "at_least":
        r.low, r.high = v, None
    elif q in ("at_most", "less_than"):
        r.high = v
        r.low = 0.0 if r.kind in _NONNEG_KINDS and v >= 0 else None
        r.high_inclusive = q == "at_most"


@functools.cache
def _scale_word_forms() -> tuple[frozenset[str], frozenset[str]]:
    """What the word after the space in ``scale_words`` may be: lower-cased scale words,
    and the case-sensitive rest ("total", "bn", "m")."""
    nw = lexicon.numbers()
    scales = frozenset(nw.scales)
    if not all(w.isascii() and w.isalpha() for w in scales):
        scales = frozenset()  # (empty: _maybe_scale_word cannot tell)
    multi = {w for w in [*nw.suffixes_always, *nw.suffixes_currency] if len(w) > 1 and w.isalpha()}
    return scales, frozenset(["total", "k", "m", "b", "M", "B", *multi])


def _maybe_scale_word(text: str, p: int, limit: int) -> bool:
    """False when ``scale_words`` cannot match at ``p`` (a space or a hyphen comes first;
    after one space, an ASCII word must be one of _scale_word_forms())."""
    c = text[p: p + 1]
    if c not in (" ", "\t", "\u00a0", "-"):
        return False
    if c != " " or p + 1 >= limit:
        return True
    a = _ASCII_LETTERS.match(text, p + 1, limit)
    if a is None:
        return True
    j = a.end()
    if j < limit and not text[j].isascii():
        return True
    w = a.group()
    scales, others = _scale_word_forms()
    return not scales or w.lower() in scales or w in others


# After a scale word on digits: "4 hundred and 32", "4 million and a half".
_SCALE_REST = regex.compile(r"[ \t]++and[ \t]++(?:(?P<d>\d{1,3}+)(?![\d.,])|(?P<a>an?[ \t]++(?P<f>\p{L}++)))")


def _scale_after(text: str, p: int, limit: int, r: _Reading) -> int:
    """Apply scale words after a number ("143.8 million", "800 total million", "3 bn", "4.1 k").

    A scale letter that is also a unit ("m", "b", "B") is a scale only after a currency or
    before a counted noun or another unit ("2.4m tonnes", "9 B people"). After the scale,
    "and 32" or "and a half" finishes the number ("4 hundred and 32" is 432).
    """
    P = _patterns()
    nw = lexicon.numbers()
    last = 1.0
    for _ in range(2):
        if text[p + 1: p + 2] not in _SCALE_FIRST or not _maybe_scale_word(text, p, limit):
            break
        m = P.scale_words.match(text, p, limit)
        if m is None:
            break
        w = m["w"]
        lw = w.lower()
        if lw in nw.scales:
            f = nw.scales[lw]
        elif w in nw.suffixes_always:
            f = nw.suffixes_always[w]
        elif w in nw.suffixes_currency and (
            r.currency_left or (len(w) == 1 and _noun_follows(text, m.end(), limit)) or (
                len(w) > 1 and _currency_word_after(text, m.end(), limit))
        ):
            f = nw.suffixes_currency[w]
        else:
            break
        if lw == "hundred" and r.scaled:
            break
        r.value = (r.value or 0.0) * f
        if r.step is not None:
            r.step *= f
        r.scaled = True
        last = f
        p = m.end()
    if r.scaled and text[p: p + 1] == " " and text[p + 1: p + 4].lower() == "and":
        rest = _SCALE_REST.match(text, p, limit)
        if rest is not None and rest["d"] is not None and r.integer and last in (100.0, 1000.0) and (
            0 < int(rest["d"]) < last and P.scale_words.match(text, rest.end(), limit) is None
        ):
            r.value = (r.value or 0.0) + int(rest["d"])
            r.step = 1.0
            p = rest.end()
        elif rest is not None and rest["f"] is not None and rest["f"].lower() in nw.fractions and last >= 1000:
            den = nw.fractions[rest["f"].lower()]
            r.value = (r.value or 0.0) + last / den
            r.step = last / den
            p = rest.end()
    r.scale = last
    return p


@functools.cache
def _unit_words_lower() -> frozenset[str]:
    return frozenset(lexicon.units().words)


def _noun_follows(text: str, p: int, limit: int) -> bool:
    """Whether a counted noun or a unit word comes next (after one space or none): a scale
    letter before it is a scale ("2.4m tonnes", "20M users", "9 B people"), not a unit."""
    q = p + 1 if text[p: p + 1] in (" ", "\t") else p
    a = _ASCII_LETTERS.match(text, q, limit)
    if a is None:
        return False
    w = a.group()
    lw = w.lower()
    if lw in _unit_words_lower():
        return True
    if lw in lexicon.units().stopwords or lw in _number_words():
        return False
    return _singular(w) is not None


def _currency_word_after(text: str, p: int, limit: int) -> bool:
    """Whether a currency name follows ``p`` after a space ("2m euros": 2 million euros)."""
    if text[p: p + 1] != " ":
        return False
    got = _unit_word_at(text, p + 1, limit)
    return got is not None and got[0].kind == "currency"


def _scale_letter_before_noun(text: str, p: int, after: int, limit: int, letters: str) -> bool:
    """A glued "m", "M", "b", "B" ... is a scale before a counted noun or a unit ("2.4m tonnes",
    "20M users"), or for a capital at the end of a clause ("a $5M deal", "rose to 6.7M.");
    not after an article ("the 100m hurdles": an event) nor before a capitalised name."""
    if _noun_follows(text, after, limit):
        j = p
        while j > 0 and (text[j - 1].isdigit() or text[j - 1] in ".,"):
            j -= 1
        before = text[max(0, j - 5): j].split() if text[j - 1: j] == " " else []
        return not (letters == "m" and before and before[-1].lower() in _ARTICLES)
    if letters[0].isupper():
        nxt = text[after: after + 2]
        return nxt[:1] in ("", ".", ",", ";", ")", "!", "?", "\n") or (
            nxt[:1] == " " and not nxt[1:2].isupper() and not nxt[1:2].isalnum())
    return False


def _glued_suffix(text: str, p: int, limit: int, r: _Reading) -> int | None:
    """Letters glued to digits: a scale ("5k", "$1.2bn"), ordinal ("25th"), decade ("1960s").

    Returns the new end, or None when the letters make the numeral an identifier.
    """
    if p >= limit or (not text[p].isalpha() and text[p] not in "'’"):
        return p
    nw = lexicon.numbers()
    m = _LETTERS.match(text, p, limit)
    letters = m.group() if m else ""
    after = p + len(letters)
    boundary = after >= limit or not (text[after].isalnum() or text[after] == "_")
    if letters and boundary:
        table = nw.suffixes_currency if r.currency_left or _currency_word_after(text, after, limit) or (
            letters in nw.suffixes_currency and _scale_letter_before_noun(text, p, after, limit, letters)
        ) else nw.suffixes_always
        if letters in table and not (letters == "K" and len(r.raw.partition(".")[2]) >= 2):
            r.value = (r.value or 0.0) * table[letters]
            if r.step is not None:
                r.step *= table[letters]
            r.scaled = True
            return after
        if r.integer and _ORD_SUFFIX.fullmatch(letters) and r.raw.isdigit():
            r.numkind = "ordinal"
            r.kind = "ordinal"
            return after
    if r.integer and r.raw.isdigit() and len(r.raw) in (2, 4):
        d = _DECADE.match(text, p, limit)
        ones = _IN_ONES.search(text[max(0, r.start - 32): r.start]) if (
            d is not None and r.raw.endswith("0") and len(r.raw) == 2 and r.value is not None) else None
        if ones is not None and r.value is not None:
            # "a man in his 50s": an age from 50 up to 60 (early 50-54, mid 53-57, late 56-60)
            lo, hi = _DECADE_PART.get((ones["part"] or "").lower(), (0, 10))
            r.kind, r.unit, r.rule = "age", "year", "age decade"
            r.qualifier, r.low, r.high, r.high_inclusive = "range", r.value + lo, r.value + hi, False
            r.value = r.low  # a range's value is its low end, as for "dozens"
            r.step = 10.0
            return d.end() if d is not None else p
        if d is not None and r.raw.endswith("0"):
            r.kind = "date"
            r.rule = "decade"
            r.step = 10.0
            if len(r.raw) == 2:
                r.value = None
            return d.end()
    return p  # leave it to the unit reader (glued units: "10kg"); checked there


# A numeral longer than _RIGHT: digits and the separators inside numerals. One longer than
# _LONGEST_NUMERAL characters is no quantity (no float holds it: beyond 309 digits it is
# infinite, and its decimals are noise).
_LONG_NUMERAL = re.compile(r"[0-9][0-9,.]*+")
_LONG_NUMERAL_CHARS = frozenset("0123456789,.")
_LONGEST_NUMERAL = 400

# After a run of digits, the characters with which _NUMERAL may go on past the run.
_NUMERAL_GOES_ON = frozenset(",. \u00a0\u202f\u2009'’\u066b\u066ceE×x^")
# Separators that _NUMERAL takes only before a digit ("12, 13" is two numerals).
_POINT_OR_GROUP = frozenset(",.'’\u066b\u066c")
# Separators of digit groups that are spaces ("10 000", thin and narrow no-break spaces).
_GROUP_SPACES = frozenset(" \u00a0\u202f\u2009")


def _read_numeral(text: str, start: int, limit: int, r: _Reading, run_end: int = -1) -> int | None:
    """Read the numeral at ``start`` into ``r``; its end, or None when there is none.

    ``run_end``, when given, is where the run of digits at ``start`` ends (within
    ``limit``). A plain run ("800 million") is then read without _NUMERAL: that pattern
    can only go past the run on one of _NUMERAL_GOES_ON (a space only before a digit, "×"
    or "x").
    """
    c1 = text[run_end: run_end + 1] if run_end > start else ","
    if c1 not in _NUMERAL_GOES_ON or (
        c1 in _GROUP_SPACES and not text[run_end + 1: run_end + 2].isdecimal()
        and text[run_end + 1: run_end + 2] not in "×x"
    ) or (c1 in _POINT_OR_GROUP and run_end > start and not text[run_end + 1: run_end + 2].isdecimal()):
        raw = text[start:run_end]
        value = float(raw)  # what parse_digits makes of plain digits
        if not math.isfinite(value) or (value == 0.0 and raw.strip("0")):
            return None
        r.raw = raw
        r.digits = True
        r.integer = True
        r.value = value
        r.step = 1.0
        end = run_end
    else:
        m = _NUMERAL.match(text, start, limit)
        if m is None:
            return None
        raw = m["num"]
        try:
            value = parse_digits(m.group())
        except (ValueError, OverflowError):
            return None
        if not math.isfinite(value) or (value == 0.0 and _NONZERO_DIGIT.search(raw) is not None):
            return None  # too large for a float, or so small that it underflows to 0
        r.raw = raw
        r.digits = True
        r.integer = "." not in raw and "\u066b" not in raw and m["exp"] is None
        r.value = value
        r.step = _numeral_step(raw, m["exp"])
        end = m.end()
    nxt = text[end: end + 1]
    if not nxt or nxt not in _AFTER_NUMERAL:
        return end
    spaced_vulgar = None
    if nxt in " \t\u00a0":
        c2 = text[end + 1: end + 2]
        if c2 and c2 in _VULGARS:
            spaced_vulgar = _VULGAR_GLUED.match(text, end + 1, limit)  # "3 ½ miles"
        elif not (c2.isdigit() or c2 in ("±", "+")):
            return end  # the common case: "800 million"
    # 2½, 2 ½, 2 1/2, 1/4
    v = _VULGAR_GLUED.match(text, end, limit) or spaced_vulgar
    if v is not None and r.integer:
        r.value = value + lexicon.numbers().vulgar[v.group()]
        r.integer = False
        r.step = _vulgar_step(v.group())
        return v.end()
    f = _FRACTION.match(text, end, limit)
    if f is not None and r.integer:
        den = int(f.group(1))
        if den == 0 or value >= den:
            return None
        r.value = value / den
        r.integer = False
        r.numkind = "fraction"
        r.step = 1.0 / den
        return f.end()
    sf = _SPACED_FRACTION.match(text, end, limit)
    if sf is not None and r.integer:
        a, b = int(sf.group(1)), int(sf.group(2))
        if a < b:
            r.value = value + a / b
            r.integer = False
            r.step = 1.0 / b
            return sf.end()
    t = _TOLERANCE.match(text, end, limit)
    if t is not None:
        end = t.end()
    return end


def _numeral_step(raw: str, exp: str | None) -> float:
    """The place value of the last digit of a numeral ("143.8" 0.1, "4e14" 1e14, "2.48×10−5" 1e-7).

    Example:
        >>> _numeral_step("1,500", None), _numeral_step("6.25", None), _numeral_step("4", "e14")
        (1.0, 0.01, 100000000000000.0)
    """
    i = max(raw.rfind("."), raw.rfind("\u066b"))
    places = len(raw) - i - 1 if i >= 0 else 0
    if exp is None:
        return 10.0 ** -places
    digits = _SIGNED_DIGITS.findall(exp)
    if exp.startswith("^"):
        return 1.0  # (a power: "2.3^12" states no place value)
    if exp.lstrip(" ×x").startswith("2^"):
        return 2.0 ** int(digits[-1]) * 10.0 ** -places
    e = int(digits[-1].replace("−", "-"))
    return float(f"1e{e - places}")


@functools.cache
def _vulgar_step(ch: str) -> float:
    """1/denominator of a vulgar fraction character ("⅜" → 0.125)."""
    return 1.0 / fractions.Fraction(lexicon.numbers().vulgar[ch]).limit_denominator(16).denominator


def _lower_trie(words: set[str]) -> str:
    """A regex (stdlib syntax) matching exactly ``words`` (lower-case ASCII), prefixes shared."""
    groups: dict[str, set[str]] = {}
    done = False
    for w in words:
        if w:
            groups.setdefault(w[0], set()).add(w[1:])
        else:
            done = True
    alts = [re.escape(c) + _lower_trie(rest) for c, rest in sorted(groups.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return "(?:" + body + ")?" if done else body


@functools.cache
def _trie_scan(unicode: bool) -> re.Pattern[str] | None:
    r"""The anchor scan run on the text lower-cased (see trie_anchors), for ASCII texts or
    (``unicode``) for others whose lower-casing keeps every offset.

    ``digit_scan`` is ``(?<![\p{L}\p{N}_])(?<!\p{N}[.,+])(?<![\p{Lu}\p{N}]-)[\d½…]`` and
    ``word_scan`` finds, after no letter, digit, "_" or apostrophe, either a whole word
    starting with a letter of ``first`` (kept when ``word_kinds`` knows it), or "a"/"an"
    (not "AN") before a space and a letter of _a_first(), or "apr..."/"aug..." (not
    "aPr..."). Here the word branch is a trie of the known words, so unknown words cost
    nothing; stdlib ``\w`` is ``[\p{L}\p{N}_]``. The letters of
    a currency prefix before a digit (``currency_glued``) are a branch too, their case
    checked on the text. None when a known word is not lower-case ASCII letters (then the
    general scans are used).
    """
    kinds = _patterns().word_kinds
    if not all(w.isascii() and w.isalpha() and w.islower() for w in kinds):
        return None
    af = {c.lower() for c in _a_first()}
    if not all(c.isascii() and c.isalpha() for c in af):
        return None
    trie = _lower_trie({w for w in kinds if w[0] != "a"})
    tails = sorted({t.lower() for t in _currency_letter_tails() if unicode or t.isascii()},
                   key=lambda t: (-len(t), t))
    if unicode:
        # (a non-ASCII letter after a word is rejected in trie_anchors: stdlib has no \p{L})
        no_word, digit, letter = r"(?<!\w)", r"\d", "[a-z]"
        vulgar = "|(?P<v>[" + "".join(lexicon.numbers().vulgar) + "])"
        gap, quote = r"[ \t\u00a0]", "'’"
    else:
        no_word, digit, letter, vulgar, gap, quote = r"(?<![a-z0-9_])", "[0-9]", "[a-z]", "", r"[ \t]", "'"
    return re.compile(
        no_word + r"(?:"
        r"(?<!" + digit + r"[.,+])(?:(?P<d>" + digit + r")" + vulgar + r")"
        r"|(?P<c>(?:" + "|".join(map(re.escape, tails)) + r")(?=" + digit + r"))"
        r"|(?<![" + quote + r"])(?:" + trie + r"(?!" + letter + r")"
        r"|(?P<a>an?(?=" + gap + r"[" + "".join(sorted(af)) + r"]))"
        r"|(?P<m>a(?:pr|ug)" + letter + r"*)))"
    )


def _keeps_anchor(
    P: _Patterns, text: str, w: str, s: int, e: int, k: str, hi: int, a_first: frozenset[str]
) -> bool:
    """Whether the word anchor ``w`` = text[s:e] of kind ``k`` can start a quantity or a date:
    "a"/"an" before a number-ish word, "-long" after a unit, a capitalised month before a
    day, a capitalised weekday. Both anchor scans (the general one and the ASCII one) use it."""
    if k == "a":
        return (text[e + 1: e + 2] in a_first and text[s - 1: s] != "-"
                and P.a_next.match(text, e, hi) is not None)
    if k == "long":
        return text.startswith("-long", e) and text[s - 1: s] != "-"
    if k == "month":
        return w[0].isupper() and P.month_next.match(text, e, min(hi, e + 4)) is not None
    if k == "weekday":
        return w[0].isupper()
    return True


@functools.cache
def _a_first() -> frozenset[str]:
    """First letters of the words that make "a"/"an" an anchor ("a dozen", "a week")."""
    nw = lexicon.numbers()
    words = [*nw.scales, *nw.collectives, *nw.fractions, "half", *nw.vague]
    words += [w for w, e in lexicon.units().words.items() if e.after_a]
    return frozenset(c for w in words for c in (w[0], w[0].upper()))


@functools.cache
def _qualifier_last_words() -> frozenset[str]:
    return frozenset(p.split()[-1] for p in lexicon.qualifiers())


@functools.cache
def _currency_prefix_last() -> frozenset[str]:
    return frozenset(p[-1] for p in lexicon.units().currency_prefixes)


def _maybe_currency_before(text: str, pos: int) -> bool:
    """False when ``currency_left`` cannot match ending at ``pos`` (a cheap test first).

    That pattern ends with an optional space, taken whenever there is one; before it, a
    prefix that ends in letters ends in one of _currency_letter_tails() ("USD", "US" of
    "$US") and follows no letter there: it ends with the whole run of letters. So when
    that run is ASCII (and so is the character before it) and is no such tail, there is
    no match.
    """
    k = pos - 1 if text[pos - 1: pos] in (" ", "\t", "\u00a0") else pos
    i = k
    while i > 0 and text[i - 1] in _ASCII_LETTER_SET:
        i -= 1
    if i == k:
        return True  # no letter before: a symbol ("$", "Fr.") may end there
    if i > 0 and not text[i - 1].isascii():
        return True
    return text[i:k] in _currency_letter_tails()


_QUALIFIER_NAMES = frozenset(typing.get_args(Qualifier))
_KIND_NAMES = frozenset(typing.get_args(Kind))
_CHANGE_NAMES = frozenset(typing.get_args(Change))
_QUANTITY_FIELDS = frozenset(Quantity.model_fields)
_FIELDS_SET = set(_QUANTITY_FIELDS)
_new_object = object.__new__
_isfinite = math.isfinite
_set_attribute = object.__setattr__


def _float(v: float | None) -> float | None:
    """``v`` as a float, as validation coerces it (an int too large for one: NaN, refused)."""
    if v is None or type(v) is float:
        return v
    try:
        return float(v)
    except (OverflowError, TypeError, ValueError):
        return math.nan


def _quantity(
    text: str, start: int, end: int, value: float | None, low: float | None, high: float | None,
    low_inclusive: bool, high_inclusive: bool, qualifier: str, unit: str | None,
    counted: str | None, kind: str, rule: str, latent: bool,
    change: str | None = None, hedge: str | None = None, step: float | None = None,
) -> Quantity | None:
    """A Quantity built without pydantic's validation, or None where validation would fail.

    The parser makes tens of thousands of these, and validating each costs more than
    reading it. The checks here are those ``Quantity`` makes (offsets match the text,
    finite numbers, low <= high, a known qualifier and kind) plus the coercions it does
    (int to float), on values the parser produced itself; the result equals
    ``Quantity(**fields)``. Quantities built by users are validated as usual.
    """
    if (
        (value is not None and type(value) is not float) or (low is not None and type(low) is not float)
        or (high is not None and type(high) is not float)
    ):
        value, low, high = _float(value), _float(low), _float(high)
    if (
        start < 0 or end < start or len(text) != end - start
        or qualifier not in _QUALIFIER_NAMES or kind not in _KIND_NAMES
        or (value is not None and not math.isfinite(value))
        or (low is not None and not math.isfinite(low))
        or (high is not None and not math.isfinite(high))
        or (low is not None and high is not None and low > high)
        or (step is not None and not (type(step) is float and math.isfinite(step) and step > 0))
        or (change is not None and change not in _CHANGE_NAMES)
    ):
        return None
    q = _new_object(Quantity)
    _set_attribute(q, "__dict__", {
        "text": text, "start": start, "end": end, "value": value, "low": low, "high": high,
        "low_inclusive": bool(low_inclusive), "high_inclusive": bool(high_inclusive),
        "qualifier": qualifier, "unit": unit, "counted": counted, "kind": kind,
        "rule": rule, "latent": bool(latent), "change": change, "hedge": hedge, "step": step,
    })
    # One set for all: pydantic copies it before changing it (model_copy), and a dense text
    # makes hundreds of thousands of quantities (a set each was 700 bytes of 1,300).
    _set_attribute(q, "__pydantic_fields_set__", _FIELDS_SET)
    _set_attribute(q, "__pydantic_extra__", None)
    _set_attribute(q, "__pydantic_private__", None)
    return q


class Reading(typing.NamedTuple):
    """One reading of the parser: the ``rule`` it gives its quantities (None when it only
    keeps a number from being a quantity), the ``_Parser`` method that makes it, and an
    example. READINGS lists them in the order the parser tries them at a number."""

    rule: str | None
    method: str
    example: str


#: The readings at a number, in the order ``_Parser.at_number`` tries them. Each method has
#: a docstring of its own; tests/cases/quantities.toml has cases for every rule (and, for
#: those that make no quantity, negative cases naming the reading).
READINGS: tuple[Reading, ...] = (
    Reading(None, "skip_identifier_before", "No. 3, iOS 7, Jones (7), '1. ' at a line start, 245 23"),
    Reading("absolute zero", "read_absolute_zero", "absolute zero -> 0 kelvin"),
    Reading("<n> dozen", "read_dozens", "4 dozen eggs -> 48 eggs"),
    Reading("<vague> <scale>", "read_word_forms", "several hundred homes -> [300, 1000)"),
    Reading("<n>fold", "read_word_forms", "fivefold -> multiplier 5"),
    Reading("<day> <month>", "read_day_month", "6 March -> date 6"),
    Reading("ordinal", "finish_ordinal", "the third quarter -> ordinal 3"),
    Reading("<ordinal> century", "finish_ordinal", "the 21st century -> years [2001, 2100]"),
    Reading("vague plural", "read_vague_plural", "dozens of people -> [24, 144)"),
    Reading("multiplier word", "at_number", "twice as many -> multiplier 2"),
    Reading("<number> <unit>", "read_unit", "$2,800 a month -> 2800 USD per month"),
    Reading("<number> <unit> <number> <smaller unit>", "read_compound_amount", "6 ft 1 in -> 73 inch"),
    Reading("year", "read_year", "in 2013 -> date 2013"),
    Reading("year span", "read_year", "2013-14 -> years [2013, 2014]"),
    Reading(None, "is_score", "won 3-1, a 7-4 lead -> nothing"),
    Reading("<number> <sep> <number>", "read_range", "from $600,000 to $1.1 million"),
    Reading("<number> or <number>", "read_range", "two or three weeks -> [2, 3] week"),
    Reading("<amount>/<amount>", "read_range", "$6/$8 -> [6, 8] USD"),
    Reading("<n>-fold", "finish", "a 10-fold rise -> multiplier 10"),
    Reading("<n> out of <m>", "read_ratio", "two out of five -> 0.4"),
    Reading("<n> over <m>", "read_ratio", "two over five -> 0.4"),
    Reading("<number> <postfix>", "read_postfix", "150 or more -> [150, inf)"),
    Reading("<number> <noun>", "read_counted_noun", "41.7 points, 20,400 Model Ys"),
    Reading("<n>-<unit>-old", "finish", "a 58-year-old -> 58 year"),
    Reading("aged <n>", "read_age", "aged 58 -> age 58 year"),
    Reading("<name>, <n>,", "read_age", "Jean Dupont, 58, said -> age 58 year"),
    Reading(None, "skip_name_or_address", "the S&P 500, 412 Elm Street -> nothing"),
    Reading("<comparison> <n> and <comparison> <m>", "read_upper_bound", "greater than 50 and smaller than 400"),
    Reading("<change> ...", "read_change", "up 6.2 per cent to $71 -> 6.2 percent (increase), $71"),
    Reading("a <unit>", "at_article", "more than a decade -> (1, inf) decade; not 'a year ago'"),
)


class _Parser:
    """State for one call of parse_quantities.

    ``at_number`` reads the quantity at each number anchor by trying the readings of
    READINGS in order; each is a method below, named for what it reads."""

    def __init__(self, text: str, scan: str = "trie", limit: int | None = None) -> None:
        self.text = text
        #: stop after the block in which more than this many quantities were read
        self.limit = limit
        #: "trie": short texts find their anchors in one scan of the lower-cased text;
        #: "regex": with the general scans (the tests compare the two)
        self.scan = scan
        self.n = len(text)
        self.out: list[Quantity] = []
        self.last_end = 0
        #: the phrase the last successful left_qualifier call found ("more than")
        self.hedge: str | None = None
        #: shared_unit's reading of the list items it looked at: start -> (end, unit)
        self.list_items: dict[int, tuple[int, int, tuple[str, str] | None]] = {}

    # -- left context ------------------------------------------------------------------
    def left(self, pattern: Any, pos: int, width: int = _LEFT) -> Any:
        """``pattern`` (compiled REVERSE) matched so that it ends at ``pos``."""
        return pattern.match(self.text, max(self.last_end, pos - width), pos)

    def left_currency(self, pos: int, r: _Reading) -> int:
        P = _patterns()
        ul = lexicon.units()
        m = self.left(P.currency_left, pos, 12)
        if m is None:
            return pos
        sym = m.group().rstrip(" \t\u00a0")
        code = ul.currency_prefixes.get(sym)
        if code is None:
            code = ul.currency_prefixes.get(" ".join(sym.split()))
        if code is None:
            return pos
        if sym in ul.currency_glued_prefixes and (m.group() != sym or not _MONEY_SHAPED.match(
                self.text, pos, min(self.n, pos + 40))):
            return pos  # "R 5", "R2": a glued-only prefix not glued to money
        r.unit, r.kind, r.currency_left = code, "currency", True
        start = int(m.start())
        if start > 0 and self.text[start - 1] in "-−" and r.value is not None and start - 1 >= self.last_end and (
                start < 2 or not (self.text[start - 2].isalnum() or self.text[start - 2] in "-–.")):
            r.value = -r.value  # "-$2.5 million"
            start -= 1
        return start

    def left_sign(self, pos: int, r: _Reading) -> int:
        if pos > 0 and self.text[pos - 1] in "-−+" and pos - 1 >= self.last_end:
            before = self.text[pos - 2] if pos >= 2 else " "
            if not (before.isalnum() or before in "-–.") and r.value is not None:
                if self.text[pos - 1] != "+":
                    r.value = -r.value
                return pos - 1
        if pos >= 6 and self.text[pos - 6: pos].lower() in ("minus ", "inus  ", "minus-") and r.value is not None:
            m = _MINUS_LEFT.match(self.text, max(self.last_end, pos - 12), pos)
            if m is not None:  # "minus 5 degrees"
                r.value = -r.value
                return int(m.start())
        return pos

    def left_qualifier(self, pos: int, r: _Reading) -> tuple[int, lexicon.QualifierEntry | None]:
        prev = self.text[max(self.last_end, pos - 16): pos].rstrip()
        if not prev or prev.rsplit(None, 1)[-1].lower() not in _qualifier_last_words():
            return pos, None
        m = self.left(_patterns().qualifier_left, pos)
        if m is None:
            return pos, None
        phrase = " ".join(m["q"].lower().split())
        entry = lexicon.qualifiers().get(phrase)
        if entry is None:
            return pos, None
        # "some" and "over" only before digits or number words (always true here), but not
        # "some of", and not for dates/ordinals.
        if r.kind in ("date", "ordinal"):
            return pos, None
        if entry.not_after:
            before = self.text[max(0, m.start() - 16): m.start()].split()
            if before and before[-1].lower() in entry.not_after:
                return pos, None  # "went up to $5": a level
        self.hedge = phrase
        return int(m.start()), entry

    # -- emit ----------------------------------------------------------------------------
    def emit(self, r: _Reading) -> None:
        start, end = r.start, r.end
        if end <= start:
            return
        value, low, high = r.value, r.low, r.high
        if (
            (value is not None and not _isfinite(value)) or (low is not None and not _isfinite(low))
            or (high is not None and not _isfinite(high))
        ):
            return
        if low is not None and high is not None and low > high:
            r.low, r.high = low, high = high, low
        step = r.step if value is not None or low is not None else None
        if step is not None and type(step) is not float:
            step = float(step)
        q = _quantity(
            self.text[start:end], start, end, value, low, high, r.low_inclusive,
            r.high_inclusive, r.qualifier, r.unit, r.counted, r.kind, r.rule, r.latent,
            r.change, r.hedge, step,
        )
        if q is None:
            return
        self.out.append(q)
        self.last_end = end

    # -- anchors -------------------------------------------------------------------------
    def run(self) -> list[Quantity]:
        text, n = self.text, self.n
        if n <= TIMEOUT_FROM:
            return self.run_short()  # (scanned without a timeout anyway: one block is the same)
        pos = 0
        while pos < n:
            pos = max(pos, self.last_end)
            block_end = n if n - pos <= BLOCK else text.find("\n", pos + BLOCK, pos + 2 * BLOCK)
            if block_end < 0:
                block_end = text.find(" ", pos + BLOCK, pos + 2 * BLOCK)
                if block_end < 0:
                    block_end = min(n, pos + 2 * BLOCK)
            restart = False
            try:
                for start, end, name in self.anchors(pos, block_end):
                    if start < self.last_end:
                        if self.last_end - start > 256:
                            restart = True  # a long skip: rescan from last_end, not match by match
                            break
                        continue
                    self.at_anchor(name, start, end)
            except TimeoutError:
                pass  # a block the scan cannot finish in time is skipped, not hung on
            pos = self.last_end if restart else block_end
            if self.limit is not None and len(self.out) > self.limit:
                break  # enough read (parse_prefix): the quantities so far are final
        return self.out

    def run_short(self) -> list[Quantity]:
        """``run`` for a text of up to TIMEOUT_FROM characters, scanned as one block: the
        same anchors, listed at once, read in order.

        (The block is the whole text, so the rescan ``run`` does after a long skip would
        find the anchors this list holds after the skip: none is lost by not rescanning.)
        """
        text, n = self.text, self.n
        scan = _trie_scan(not text.isascii()) if self.scan == "trie" else None
        lower = text.lower() if scan is not None else ""
        if scan is not None and len(lower) == n:
            anchors = self.trie_anchors(scan, lower)
        else:
            anchors = [
                (m.start(), m.end(), "digit" if m.group().isdigit() else "vulgar")
                for m in _patterns().digit_scan.finditer(text, 0, n)
            ]
            words = list(self.word_anchors(0, n, {}))
            glued = [(m.start(), m.end(), "currency") for m in _patterns().currency_glued.finditer(text)]
            if words or glued:
                anchors += words + glued
                anchors.sort()
        for start, end, name in anchors:
            if start < self.last_end:
                continue
            if name == "digit":
                self.at_number(start, digits=True)
            elif name == "word" or name == "vulgar":
                self.at_number(start, digits=False)
            else:
                self.at_anchor(name, start, end)
        return self.out

    def anchors(self, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
        """The anchors in text[lo:hi], in text order: (start, end, kind); lazily."""
        P = _patterns()
        # The timeout costs a few microseconds per call, so short texts (scanned in
        # microseconds by these linear patterns) go without it.
        kw: dict[str, float] = {"timeout": SCAN_TIMEOUT} if self.n > TIMEOUT_FROM else {}
        digits = (
            (d.start(), d.end(), "digit" if d.group().isdigit() else "vulgar")
            for d in P.digit_scan.finditer(self.text, lo, hi, **kw)
        )
        glued = [(m.start(), m.end(), "currency") for m in P.currency_glued.finditer(self.text, lo, hi, **kw)]
        words = self.word_anchors(lo, hi, kw)
        if glued:
            yield from heapq.merge(digits, words, glued)
            return
        d = next(digits, None)
        w = next(words, None)
        while d is not None or w is not None:
            if w is None or (d is not None and d[0] <= w[0]):
                assert d is not None
                yield d
                d = next(digits, None)
            else:
                yield w
                w = next(words, None)

    def word_anchors(self, lo: int, hi: int, kw: dict[str, float]) -> Iterator[tuple[int, int, str]]:
        """Words that may start a quantity or a date, in text order."""
        P = _patterns()
        text = self.text
        kinds = P.word_kinds
        a_first = _a_first()
        for m in P.word_scan.finditer(text, lo, hi, **kw):
            w = m.group()
            k = kinds.get(w.lower())
            if k is None:
                continue
            s, e = m.span()
            if _keeps_anchor(P, text, w, s, e, k, hi, a_first):
                yield s, e, k

    def trie_anchors(self, scan: re.Pattern[str], lower: str) -> list[tuple[int, int, str]]:
        """What ``digit_scan``, ``word_anchors`` and ``currency_glued`` find in the whole
        text, in order, from one scan of the lower-cased text with _trie_scan() (stdlib
        ``re``, the same lookarounds as those patterns): the digits and only the words the
        dict knows, instead of every word. The few things lower-casing hides (a capital
        before "-", the case of "Apr"/"Aug" and of currency letters) are checked on the
        text itself.
        """
        P = _patterns()
        text, n = self.text, self.n
        kinds = P.word_kinds
        a_first = _a_first()
        out: list[tuple[int, int, str]] = []
        for m in scan.finditer(lower):
            s, e = m.span()
            if m.lastgroup in ("d", "v") and s >= 2 and text[s - 1] in ".,+" and text[s - 2].isnumeric():
                continue  # (?<!\p{N}[.,+]): "¼.0" (stdlib \d is \p{Nd} only)
            if m.lastgroup == "v":
                out.append((s, e, "vulgar"))
                continue
            if m.lastgroup == "d":
                if s >= 2 and text[s - 1] == "-" and (text[s - 2].isupper() or text[s - 2].isdigit()):
                    continue  # (?<![\p{Lu}\p{N}]-)
                out.append((s, e, "digit"))
                continue
            w = text[s:e]
            if e < n and not text[e].isascii() and text[e].isalpha():
                continue  # a longer word ("oneé"): (?![\p{L}]) on non-ASCII letters
            if m.lastgroup == "c":
                if w in _currency_letter_tails():
                    out.append((s, e, "currency"))  # "USD25m" (currency_glued, case as written)
                continue
            if m.lastgroup == "m" and text[s + 1: s + 3] not in ("pr", "ug", "PR", "UG"):
                continue  # word_scan takes [Aa](?:pr|ug|PR|UG) only
            if m.lastgroup == "a" and e - s == 2 and text[s + 1] != "n":
                continue  # and "an", not "AN"
            k = kinds.get(w.lower())
            if k is None:
                continue
            if _keeps_anchor(P, text, w, s, e, k, n, a_first):
                out.append((s, e, k))
        return out

    def at_anchor(self, g: str, start: int, end: int) -> None:
        if g == "digit":
            self.at_number(start, digits=True)
        elif g == "word" or g == "vulgar":
            self.at_number(start, digits=False)
        elif g == "a":
            self.at_article(start, end)
        elif g == "long":
            self.at_long(start, end)
        elif g == "month":
            self.at_month(start, end)
        elif g == "weekday":
            r = _Reading(start=start, end=end, value=None, kind="date", rule="weekday")
            r.step = None
            self.emit(r)
        elif g == "currency":
            if self.text[start:end] in lexicon.units().currency_glued_prefixes and not _MONEY_SHAPED.match(
                    self.text, end, min(self.n, end + 40)):
                return  # "R2", "R101": letters before a number, no money
            self.at_number(end, digits=True)  # "USD25m": the number after the letters

    def at_long(self, start: int, end: int) -> None:
        text = self.text
        ul = lexicon.units()
        word = text[start:end].lower()
        e = ul.words.get(word)
        end += 5
        if e is None:
            return
        r = _Reading(start=start, end=end, value=1.0, unit=e.unit, kind=e.kind, rule="<unit>-long")
        _interval(r, None)
        self.emit(r)

    def at_month(self, start: int, end: int) -> None:
        t = _MONTH_TAIL.match(self.text, end, min(self.n, end + 12))
        if t is None:
            self.last_end = end
            return
        if t["year"] is not None:
            r = _Reading(start=start, end=t.end(), value=float(t["year"]), kind="date", rule="<month> <year>")
        else:
            r = _Reading(start=start, end=t.end(), value=float(t["day"]), kind="date", rule="<month> <day>")
        _interval(r, None)
        self.emit(r)

    def at_article(self, start: int, end: int) -> None:
        """Reading "a <unit>": "a"/"an" before a number word ("a dozen", "a few hundred")
        or a unit ("a week", "more than a decade"); not in a rate ("12 hours a day", "once
        a year") nor before a word that makes it a point in time ("a year ago")."""
        text = self.text
        w = read_number_words(text, start)
        if w is not None:
            self.at_number(start, digits=False)
            return
        nxt = _WORD.match(text, end + 1, min(self.n, end + 24)) if text[end: end + 1] == " " else None
        if nxt is not None and nxt.group().lower() in lexicon.numbers().vague:
            self.at_number(nxt.start(), digits=False)  # "a few hundred"
            return
        P = _patterns()
        u = P.after_a.match(text, end, min(self.n, end + 40))
        if u is None:
            return
        between = text[self.last_end: start]
        if self.out and self.out[-1].end == self.last_end and between.strip() == "" and len(between) < 3:
            self.last_end = u.end()
            return  # "12 hours a day": a rate, not a second quantity
        if self.left(P.a_left_rate, start, 12):
            self.last_end = u.end()
            return
        e = lexicon.units().words[" ".join(u["u"].lower().split())]
        half = _AND_A_HALF.match(text, u.end(), min(self.n, u.end() + 16))  # "an hour and a half"
        uend = half.end() if half is not None else u.end()
        after = _WORD.match(text, uend + 1, min(self.n, uend + 24)) if text[uend: uend + 1] == " " else None
        r = _Reading(start=start, end=uend, value=1.5 if half else 1.0, unit=e.unit, kind=e.kind, rule="a <unit>")
        if half is not None:
            r.step = 0.5
        if e.kind == "duration" and after is not None and after.group().lower() in lexicon.units().a_unit_not_before:
            before = text[max(0, start - 16): start].split()
            tol = self.left_qualifier(start, r)[1]
            # (a comparative compares with the time: "higher than a year earlier")
            comparative = tol is not None and (self.hedge or "").endswith(" than") and (
                self.hedge or "").split()[0] not in ("more", "less", "fewer", "no", "not")
            if not (before and before[-1].lower() in lexicon.units().a_unit_keep_after) and (
                    tol is None or comparative):
                self.last_end = uend
                return  # "a year ago", "a week later": a time, not a length ("within an hour after": one)
        lg = _LONG.match(text, uend, min(self.n, uend + 6))
        if lg is not None:
            r.end = lg.end()
            r.rule = "a <unit>-long"
        qpos, tol = self.left_qualifier(r.start, r)
        if tol is not None:
            r.start, r.qualifier, r.hedge = qpos, tol.qualifier, self.hedge
        else:
            tol = self.read_postfix(r)  # "a week or so"
        _interval(r, tol)
        self.emit(r)

    # -- the main reader ---------------------------------------------------------------
    def read_core(
        self, start: int, digits: bool, limit: int, currency: bool = False
    ) -> tuple[_Reading | None, int]:
        """Read a number (and its scale) at ``start``; (reading, end) or (None, skip_to)."""
        text = self.text
        r = _Reading(start=start, end=start, value=None, currency_left=currency)
        if digits:
            # junk (times, phones, versions, bad commas) shows right after the first digits
            dr: re.Match[str] | regex.Match[str] | None = _ASCII_DIGITS.match(text, start, limit)
            if dr is None or (dr.end() < limit and not text[dr.end()].isascii()):
                dr = _DIGIT_RUN.match(text, start, limit)  # (other digits than 0-9)
            e = dr.end() if dr else start
            c1, c2 = text[e: e + 1], text[e + 1: e + 2]
            if (c1 and c1 in _JUNK_CHARS and c2.isdigit()) or (
                c1 in ("a", "p", "A", "P") and text[e: e + 2] in _AM_PM_START
            ) or (
                c1 == " " and c2 in _JUNK_AFTER_SPACE
                and (text[e + 1: e + 3] in _AM_PM_START or text[e + 1: e + 4] in _ZONE_WORDS)
            ):
                far = min(len(text), start + BLOCK)
                # (every _JUNK alternative goes on after the digits with something else than ",")
                j = _JUNK_RUN.match(text, start, far) if c1 != "," else None
                if j is not None:
                    return None, j.end()
                cr = _COMMA_RUN.match(text, start, far)
                if cr is not None and not _THOUSANDS.fullmatch(cr.group()):
                    return None, cr.end()
            # ".375", "$.50": a numeral that starts with its decimal point
            if start > 0 and text[start - 1] == "." and (start < 2 or not (
                    text[start - 2].isalnum() or text[start - 2] in ".,")):
                start = r.start = start - 1
                e = -1  # (read with _NUMERAL: its step is that of the decimals)
            end = _read_numeral(text, start, limit, r, e)
            if end is None:
                return None, start + 2
            # (_glued_suffix returns ``end`` unless a letter or an apostrophe is there)
            s = _glued_suffix(text, end, limit, r) if end < limit and (
                text[end].isalpha() or text[end] in "'’") else end
            if s is None:
                return None, end
            end = s
        else:
            ch = text[start]
            nw = lexicon.numbers()
            vul = nw.vulgar
            if ch in vul:
                r.value, r.integer, r.numkind, end = vul[ch], False, "fraction", start + 1
                r.step = _vulgar_step(ch)
            else:
                w = read_number_words(text, start)
                if w is None:
                    return self.read_word_forms(r, start, limit)
                if w.kind == "collective" and _COLLECTIVE_NOUN.match(text, w.end, limit) is not None:
                    return None, w.end  # "a score of 150", "a score >40": the noun, not 20
                r.value, r.numkind, end, r.words_read = w.value, w.kind, w.end, w.words
                r.step, r.scale = w.step, w.scale
                r.scaled = w.scale > 1
                r.integer = float(w.value).is_integer()
                if w.kind == "ordinal":
                    r.kind = "ordinal"
        # (_scale_after returns ``end`` unless one of _SCALE_FIRST is next but one)
        if r.kind not in ("ordinal", "date") and text[end + 1: end + 2] in _SCALE_FIRST:
            end = _scale_after(text, end, limit, r)
        if digits and r.kind == "count" and not r.scaled and text[end: end + 1] == " " and (
                text[end + 1: end + 2] in _collective_first()):
            end = self.read_dozens(r, end, limit)
        r.end = end
        return r, end

    def read_word_forms(self, r: _Reading, start: int, limit: int) -> tuple[_Reading | None, int]:
        """Number words read_number_words leaves: vague plurals ("dozens", "hundreds of
        thousands"), a vague word before a scale ("several hundred", "a few dozen"), a
        multiplier ("twice", "fivefold")."""
        text = self.text
        nw = lexicon.numbers()
        word = _WORD.match(text, start, limit)
        lw = word.group().lower() if word else ""
        if word is None:
            return None, start + 1
        end = word.end()
        if lw in nw.plurals:
            p = nw.plurals[lw]
            r.value, r.low, r.high, r.numkind = p.value, p.low, p.high, "plural"
            r.step = p.step
            po = _patterns().plural_of.match(text, end, limit)
            if po is not None:
                p2 = nw.plurals[po["p"].lower()]
                r.value, r.low, r.high = p.low * p2.value, p.low * p2.value, p.high * p2.value
                r.step = p.step * p2.value
                end = po.end()
            r.words_read = 1
            r.end = end
            return r, end
        if lw in nw.vague:
            # "several hundred", "a few dozen", "several thousand"
            sep = _GAP.match(text, end, limit)
            nxt = _WORD.match(text, sep.end(), limit) if sep is not None else None
            f = None
            if nxt is not None:
                ln = nxt.group().lower()
                f = nw.scales.get(ln) or nw.collectives.get(ln)
            if f is None or f < 12:
                return None, end
            a, b = nw.vague[lw]
            r.value, r.low, r.high, r.numkind, r.step = a * f, a * f, b * f, "plural", f
            r.rule = "<vague> <scale>"
            end = nxt.end()  # type: ignore[union-attr]
            if text[max(0, start - 2): start].lower() == "a " and (start < 3 or not text[start - 3].isalpha()):
                r.start = start - 2  # "a few hundred"
            r.end = end
            return r, end
        if lw in nw.multipliers:
            r.value, r.kind, r.numkind = nw.multipliers[lw], "multiplier", "multiplier"
            am = _AS_MANY.match(text, end, limit)
            if am is not None:
                end = am.end()
            r.end = end
            return r, end
        if lw.endswith("fold") and lw[:-4] in nw.fold_words:
            # "fivefold", "tenfold": a multiple
            base = lw[:-4]
            v = nw.cardinals.get(base) or nw.scales.get(base)
            if v is None:
                return None, end
            r.value, r.kind, r.numkind, r.rule = float(v), "multiplier", "multiplier", "<n>fold"
            r.end = end
            return r, end
        return None, end

    def read_dozens(self, r: _Reading, end: int, limit: int) -> int:
        """Reading "<n> dozen": digits before a collective word of 12 or more ("4 dozen eggs",
        "4 dozens") multiply by it."""
        text = self.text
        a = _ASCII_LETTERS.match(text, end + 1, limit)
        if a is None:
            return end
        lw = a.group().lower()
        coll = lexicon.numbers().collectives
        k = coll.get(lw) or (coll.get(lw[:-1]) if lw.endswith("s") else None)
        if k is None or k < 12 or (a.end() < limit and text[a.end()].isalnum()):
            return end
        r.value = (r.value or 0.0) * k
        r.step = (r.step or 1.0) * k
        r.numkind = "collective"
        r.rule = "<n> dozen"
        return a.end()

    def at_number(self, start: int, digits: bool) -> None:
        """Read the quantity a number starts, trying the readings of READINGS in order."""
        text, n = self.text, self.n
        limit = min(n, start + _RIGHT)
        if digits:
            if limit < n and text[limit - 1] in _LONG_NUMERAL_CHARS:
                limit = self.long_numeral_window(start)
                if limit < 0:
                    return
            if self.skip_identifier_before(start, limit):
                return
        elif self.read_absolute_zero(start, limit):
            return
        r = self.read_number(start, digits, limit)
        if r is None:
            return
        # (cheap pre-tests before each reading here and below; the readings test fully)
        if digits and text[r.end: r.end + 1] in (",", ";") and self.read_bare_list_number(r, start, limit):
            return
        if digits and r.integer and (r.value or 0) <= 31 and self.read_day_month(r, limit):
            return
        # left: sign, currency
        # (left_sign returns ``start`` unless a sign or the space of "minus " is before it)
        r.start = self.left_sign(r.start, r) if r.start > 0 and text[r.start - 1] in "-−+ " else r.start
        if r.currency_left:
            r.start = self.left_currency(r.start, r)
        if r.kind == "date":
            self.finish_date(r)
            return
        # magnitude 6.1
        if "itude" in text[max(0, r.start - 16): r.start] and self.left(_MAGNITUDE_LEFT, r.start, 16):
            r.counted, r.rule = "magnitude", "magnitude <n>"
        if r.kind == "ordinal":
            self.finish_ordinal(r, limit)
            return
        if r.numkind == "plural":
            self.read_vague_plural(r, limit)
            return
        if r.kind == "multiplier":
            r.rule = r.rule or "multiplier word"
            _interval(r, None)
            self.finish_qualifier(r)
            self.read_change(r)
            self.emit(r)
            return
        if not self.read_unit(r, digits, limit):
            return
        if r.unit is not None and self.read_compound_amount(r, limit):
            return
        if digits and len(r.raw) == 4 and self.read_year(r, digits, limit):
            return
        # ranges
        # (read_range returns False unless a dash, "/", "to", "and", "or" or "through" is ahead)
        ahead = text[r.end: r.end + 10]
        if (not _DASHES.isdisjoint(ahead) or "/" in ahead or (" " in ahead and _RANGE_WORD.search(ahead.lower()))) and (
            self.read_range(r, digits, limit)
        ):
            return
        self.finish(r, limit, digits)

    def long_numeral_window(self, start: int) -> int:
        """The window for a numeral that may run past ``_RIGHT`` characters: it is read whole,
        or not at all (-1: skipped) when no float holds it. Never cut to a wrong value."""
        run = _LONG_NUMERAL.match(self.text, start, self.n)
        run_end = run.end() if run is not None else start + 1
        if run_end - start > _LONGEST_NUMERAL:
            self.last_end = run_end
            return -1
        return min(self.n, run_end + _RIGHT)

    def skip_identifier_before(self, start: int, limit: int) -> bool:
        """Reading "identifier": digits that label rather than count, decided before the
        number is read: "No. 3", "#4", "iOS 7" (labels in numbers.toml), "1. " at the start
        of a line, a bare number in brackets ("Jones (7)", "[3]"), runs of bare integers
        ("245 23"). Skips them and returns True."""
        text, n = self.text, self.n
        c0 = text[start - 1: start]
        # (a label ends in a letter, "." or "#" right before the number or its space)
        if c0 == "#" or c0 == "." or (c0 in (" ", "\t") and (text[start - 2: start - 1].isalpha() or text[
                start - 2: start - 1] in (".", "#"))):
            # (the last word before the number; none when only spaces or newlines are there)
            prev = text[max(0, start - 24): start].split()
            pw = prev[-1].lower() if prev else ""
            if (pw[-1:] in ("#", ".") or pw in lexicon.numbers().labels) and self.left(
                _patterns().label_left, start, 24
            ) is not None:
                self.skip_number(start, limit)
                return True
        c1, c2 = text[start + 1: start + 2], text[start + 2: start + 3]
        if (c1 in _DOT_PAREN or c2 in _DOT_PAREN) and _first_line_start(text, start) and _LIST_ITEM.match(
            text, start, limit
        ):
            self.last_end = start + 2
            return True
        if start > 0 and text[start - 1] in "([" and (c1 in ")]" or c2 in ")]" or text[start + 3: start + 4] in ")]"):
            b = _BRACKETED.match(text, start - 1, limit)
            if b is not None:
                self.last_end = b.end()  # a shirt number, a list marker, a footnote
                return True
        sp = text.find(" ", start, start + 24)
        sr = (
            _SPACED_RUN.match(text, start, min(n, start + BLOCK))
            if sp > 0 and text[sp + 1: sp + 2].isdigit() else None
        )
        if sr is not None and not _NUMERAL.fullmatch(sr.group()):
            self.last_end = sr.end()
            return True
        return False

    def read_absolute_zero(self, start: int, limit: int) -> bool:
        """Reading "absolute zero": a temperature (0 K), not the number 0."""
        text = self.text
        if text[start: start + 4].lower() == "zero" and start >= 9 and self.last_end <= start - 9:
            az = _ABSOLUTE_ZERO.match(text, start - 9, limit)
            if az is not None:
                self.emit(_Reading(start=start - 9, end=az.end(), value=0.0, low=0.0, high=0.0,
                                   unit="kelvin", kind="dimension", rule="absolute zero"))
                return True
        return False

    def read_number(self, start: int, digits: bool, limit: int) -> _Reading | None:
        """The number at ``start`` with its scale (read_core), noting a currency sign before
        it; None (and the text skipped) when there is no quantity there."""
        text = self.text
        sign_at = start - 1 if start > 0 and text[start - 1] in "-−" else start
        if sign_at > 0 and text[sign_at - 1] == "." and digits:
            sign_at -= 1  # "$.50"
        before = text[sign_at - 2: sign_at] if sign_at >= 2 else text[:sign_at]
        has_currency = bool(before) and (before[-1] in _currency_prefix_last() or (
            before[-1] in " \u00a0" and before[:1] in _currency_prefix_last())) and (
            _maybe_currency_before(text, sign_at)
            and self.left(_patterns().currency_left, sign_at, 12) is not None)
        r, end = self.read_core(start, digits, limit, currency=has_currency)
        if r is None:
            self.last_end = max(self.last_end, end)
            return None
        return r

    def read_bare_list_number(self, r: _Reading, start: int, limit: int) -> bool:
        """Reading "<number>" in a list: a bare integer between list separators (", 12, ")
        with no word before it. Every later reading would decline it (no unit, noun,
        range, qualifier, change, name or age can attach to it), so only the unit a list
        shares ("5, 10 and 15 mg") is looked for. Emits and returns True."""
        text = self.text
        if not (
            r.kind == "count" and r.unit is None and not r.scaled and r.numkind == "cardinal" and r.integer
            and r.start == start and text[r.end: r.end + 1] in (",", ";")
            and text[r.end + 1: r.end + 2] in (" ", "")
            and text[start - 1: start] in (" ", "") and text[start - 2: start - 1] in (",", ";", "")
            and not text[start - 3: start - 2].isalpha()
            and not (len(r.raw) == 4 and 1500 <= (r.value or 0) <= 2100)
        ):
            return False
        shared = self.shared_unit(r.end, limit)
        if shared is not None:
            r.unit, r.kind = shared
        r.rule = "<number> <unit>" if r.unit else "<number>"
        _interval(r, None)
        self.emit(r)
        return True

    def read_day_month(self, r: _Reading, limit: int) -> bool:
        """Reading "<day> <month>": "6 March", "30th of May" (kind date)."""
        text = self.text
        if r.integer and r.value is not None and 1 <= r.value <= 31 and not r.scaled and r.kind != "date":
            i = r.end + 2 if text[r.end: r.end + 2] in _ORDINAL_ENDINGS else r.end
            dm = _DAY_MONTH.match(text, r.end, limit) if (
                text[i: i + 1] in (" ", "\t") and text[i + 1: i + 2] in _DAY_MONTH_NEXT) else None
            if dm is not None:
                r.kind, r.rule, r.end = "date", "<day> <month>", dm.end()
                _interval(r, None)
                self.emit(r)
                return True
        return False

    def read_unit(self, r: _Reading, digits: bool, limit: int) -> bool:
        """Reading "<number> <unit>": the unit after a number (data/units.toml): a currency
        sign after it ("15€", "25 $"), a rate after a currency ("$15.4/hour", "$2,800 a
        month", "45 cents per share"), a scaled code ("60 USD million", "45 MUSD"), a unit
        with powers and denominators ("km/s2"). False when glued letters make the number an
        identifier ("06F6") or a compound word ("half-dead"): it is skipped."""
        text, n = self.text, self.n
        ustart = r.end
        got = None
        if r.kind != "currency" and digits:
            sf = _suffix_first()
            c0 = text[ustart: ustart + 1]
            cs = _patterns().currency_right.match(text, ustart, limit) if c0 in sf or (
                c0 in (" ", "\u00a0") and text[ustart + 1: ustart + 2] in sf) else None
            if cs is not None and not _digit_follows(text, cs.end()):
                code = lexicon.units().currency_suffixes[cs.group().strip()]
                r.unit, r.kind, r.end = code, "currency", cs.end()
            elif text[ustart: ustart + 1] in _SCALED_CODE_FIRST and (
                    text[ustart] != " " or text[ustart + 1: ustart + 2] in _SCALED_CODE_FIRST):
                sc = _patterns().scaled_code.match(text, ustart, limit)
                if sc is not None:
                    f = lexicon.numbers().suffixes_currency[sc["s"]]
                    r.value, r.step = (r.value or 0.0) * f, (r.step or 1.0) * f
                    r.unit, r.kind, r.end, r.scaled = sc["c"], "currency", sc.end(), True
        if r.kind == "currency" and r.unit is not None and r.end == ustart:
            per = _per_unit(text, ustart, limit)
            if per is not None:
                r.unit, r.end = f"{r.unit} per {per[0]}", per[1]
                ustart = r.end
        if r.unit is None or (r.kind == "currency" and r.end == ustart and " per " not in r.unit):
            got = _unit_with_compounds(text, ustart, limit, r)
            if got is None and r.unit is None and not digits and r.value == 0.5 \
                    and text[ustart - 4: ustart].lower() == "half":
                art = _HALF_A.match(text, ustart, limit)  # "half an hour", "half a mile"
                got = _unit_with_compounds(text, art.end() - 1, limit, r) if art is not None else None
            if got is None and r.unit is None and not digits and r.numkind == "fraction" and r.value is not None \
                    and 0 < r.value < 1:
                art = _OF_AN.match(text, ustart, limit)  # "a quarter of a mile", "three quarters of an hour"
                got = _unit_with_compounds(text, art.end() - 1, limit, r) if art is not None else None
            if got is None and r.unit is None and digits and text[ustart: ustart + 2] == " (":
                # a unit in brackets after the number: "75 (kg)"
                br = _match_unit(text, ustart + 2, limit, r, allow_space=False)
                if br is not None and text[br[2]: br[2] + 1] == ")" and br[3] == "symbol":
                    got = br[0], br[1], br[2] + 1
        if got is not None:
            unit, kind, uend = got
            if r.kind == "currency" and kind != "currency":
                # "$15.4/hour": currency per unit
                if " per " in unit or unit.startswith("per "):
                    r.unit = f"{r.unit} per {unit.split(' per ', 1)[1]}" if " per " in unit else r.unit
                    r.end = uend
                got = None
            else:
                r.unit, r.kind, r.end = unit, kind, uend
                if kind == "currency" and not r.scaled and text[uend: uend + 1] == " ":
                    # "60 USD million"
                    e2 = _scale_after(text, uend, limit, r)
                    r.end = e2
        if r.unit is None and r.kind == "count" and got is None and digits and r.end < n and text[r.end].isalpha():
            # glued letters that are no unit make an identifier: "06F6", "3D"
            self.skip_number(r.start, limit)
            return False
        if r.unit is None and r.numkind == "fraction" and not digits and text[r.end: r.end + 1] == "-":
            # "half-dead", "half-brother": a compound word, not a quantity
            self.last_end = r.end
            return False
        return True

    def read_compound_amount(self, r: _Reading, limit: int) -> bool:
        """Reading "<number> <unit> <number> <smaller unit>": one amount in two units, given
        in the smaller unit ("6 ft 1 in" is 73 inches, "5 lb 3 oz" 83 ounces) or, for money,
        in the currency ("7 dollars 25 cents" is 7.25 dollars). Emits and returns True."""
        text = self.text
        ul = lexicon.units()
        if r.unit == "foot" and r.value is not None and r.qualifier == "exact" and text[r.end - 1: r.end] in ("'", "′"):
            m = _PRIME_INCHES.match(text, r.end, limit)  # "6'2\"": feet and inches in primes
            if m is None or float(m["n"]) >= 12:
                return False
            r.value = r.value * 12 + float(m["n"])
            r.step = 10.0 ** -len(m["n"].partition(".")[2])
            r.unit = "inch"
            r.end = m.end()
            r.rule = "<number> <unit> <number> <smaller unit>"
            self.finish_qualifier(r)
            self.emit(r)
            return True
        if r.value is None or r.qualifier != "exact" or text[r.end: r.end + 1] not in (" ", ",") or not (
                r.unit in ul.compounds or (r.kind == "currency" and len(r.unit or "") == 3)):
            return False
        m = _COMPOUND_NEXT.match(text, r.end, limit)
        if m is None:
            return False
        small_text = m["u"].rstrip(".")
        q = m.start("u") + len(small_text)
        v2 = float(m["n"])
        if r.kind == "currency" and len(r.unit or "") == 3:
            frac = ul.minor_currency.get(small_text.lower())
            if frac is None or not float(v2).is_integer() or v2 >= 1 / frac:
                return False
            r.value += v2 * frac
            r.step = frac
        else:
            small = ul.compounds.get(r.unit or "")
            if small is None:
                return False
            if small == "inch" and small_text == "in":
                q = m.start("u") + 2  # "6 ft 1 in" (not "in" the preposition: a number before it)
            else:
                r2 = _Reading(start=0, end=0, value=None, digits=True)
                got = _match_unit(text, m.start("u") - 1 if text[m.start("u") - 1] == " " else m.start("u"), limit, r2)
                if got is None or got[0] != small:
                    return False
                q = got[2]
            factor = _unit_factor(r.unit or "", small)
            if factor is None or v2 >= factor:
                return False
            r.value = r.value * factor + v2
            r.step = 10.0 ** -len(m["n"].partition(".")[2])
            r.unit = small
        r.end = q
        r.rule = "<number> <unit> <number> <smaller unit>"
        self.finish_qualifier(r)
        self.emit(r)
        return True

    def read_year(self, r: _Reading, digits: bool, limit: int) -> bool:
        """Reading "year": a four-digit number from 1500 to 2100 with no unit, in a date
        context or before no counted noun ("in 2013", "2013 was"); "2013-14" is a span of
        years. A range with a unit or a counted noun is no year ("1500 - 1800 calories",
        "2000-7000 workers"). Emits and returns True."""
        text = self.text
        if not (
            digits and r.unit is None and r.integer and not r.scaled and r.raw.isdigit()
            and len(r.raw) == 4 and 1500 <= (r.value or 0) <= 2100
        ):
            return False
        ahead = text[r.end: r.end + 10]
        if (not _DASHES.isdisjoint(ahead) or (" " in ahead and _RANGE_WORD.search(ahead.lower()))) and (
            self.read_range(r, digits, limit, need_unit=True)
        ):
            return True
        nxt = _HYPHEN_GAP.match(text, r.end, limit)
        word = _WORD.match(text, nxt.end(), limit) if nxt else None
        wl = word.group().lower() if word else ""
        is_count = word is not None and (_singular(word.group()) is not None and wl not in lexicon.units().stopwords)
        if is_count and not self.left(_YEAR_LEFT, r.start, 24):
            return False
        r.kind, r.rule = "date", "year"
        # 2013-14, 2013–2014: a span of years
        ys = _YEAR_SPAN.match(text, r.end, limit)
        if ys is not None:
            y2 = int(ys.group(1))
            y2 = y2 + (int(r.value or 0) // 100) * 100 if y2 < 100 else y2
            if y2 > (r.value or 0):
                r.low, r.high, r.value = r.value, float(y2), None
                r.qualifier, r.rule, r.end = "range", "year span", ys.end()
                self.emit(r)
                return True
        self.finish_date(r)
        return True

    def skip_number(self, start: int, limit: int) -> None:
        m = _IDENT.match(self.text, start, limit)
        self.last_end = max(m.end() if m else start + 1, start + 1)

    def finish_date(self, r: _Reading) -> None:
        r.qualifier = "exact"
        _interval(r, None)
        self.emit(r)

    def finish_ordinal(self, r: _Reading, limit: int) -> None:
        """Reading "ordinal": "25th", "third", "twenty-first" (kind ordinal), with the noun
        it ranks ("the third quarter")."""
        r.rule = r.rule or "ordinal"
        noun, end, _unit = _read_counted(self.text, r.end, limit, singular_ok=True)
        if noun is not None:
            r.counted = noun
            r.end = end
        elif _unit is not None:
            r.counted = _unit[0]
            r.end = end
        if r.counted in ("century", "millennium") and r.value is not None and r.integer and 0 < r.value < 100:
            # "the 21st century" is a span of years (2001-2100), a date and no amount
            size = 100.0 if r.counted == "century" else 1000.0
            r.low, r.high, r.value = (r.value - 1) * size + 1, r.value * size, None
            r.kind, r.rule, r.qualifier, r.step = "date", "<ordinal> century", "range", None
            self.emit(r)
            return
        _interval(r, None)
        self.emit(r)

    def read_vague_plural(self, r: _Reading, limit: int) -> None:
        """Reading "vague plural": "dozens", "hundreds of thousands", "several hundred", "a
        few dozen" — a range: low the lower end (also the value), high the upper end,
        exclusive ("dozens" is [24, 144)). Never an approximate single figure."""
        text = self.text
        the = self.left(_THE_LEFT, r.start, 12)
        has_of = _OF.match(text, r.end, limit) is not None
        word = _WORD.match(text, r.start)
        lw = word.group().lower() if word else ""
        if lw in ("tens", "scores") and not has_of and word is not None and r.end <= word.end():
            self.last_end = r.end  # "tens" alone is no figure; "tens of thousands" is
            return
        r.qualifier, r.rule = "range", r.rule or "vague plural"
        r.high_inclusive = False
        if has_of or r.rule == "<vague> <scale>":
            o = _OF.match(text, r.end, limit)
            q = o.end() if o else r.end
            u = _match_unit(text, q, limit, _Reading(start=0, end=0, value=None, digits=True), allow_space=o is None)
            noun, end, unit = (None, u[2], (u[0], u[1])) if u is not None and u[3] == "word" else _read_counted(
                text, q, limit, singular_ok=False)
            if unit is not None:
                r.unit, r.kind, r.end = unit[0], unit[1], end
            elif noun is not None:
                r.counted, r.end = noun, end
        if the is not None:
            r.start = the.start()
        else:
            qpos, tol = self.left_qualifier(r.start, r)
            if tol is not None and tol.qualifier in ("more_than", "at_least", "approximate"):
                r.start, r.hedge = qpos, self.hedge  # "more than a few hundred": the hedge only
        self.read_change(r)
        self.emit(r)

    def finish_qualifier(self, r: _Reading) -> lexicon.QualifierEntry | None:
        qpos, tol = self.left_qualifier(r.start, r)
        if tol is not None and self.hedge == "over" and r.kind == "duration" and self.out and (
                self.out[-1].end >= qpos - 24 and "," not in self.text[self.out[-1].end: qpos]):
            # "1,200 jobs over five years": after a figure, "over" a time is the period it covers
            tol = None
        if tol is not None:
            r.start, r.qualifier, r.hedge = qpos, tol.qualifier, self.hedge
        _interval(r, tol)
        return tol

    def finish(self, r: _Reading, limit: int, digits: bool) -> None:
        """The readings after the number and its unit: "-fold", "out of", a comparison after
        it ("150 or more"), a list's shared unit, the counted noun, ages, names and
        addresses that are no quantity, the direction of change, the qualifier."""
        text = self.text
        if r.unit is None:
            fold = _FOLD.match(text, r.end, limit) if "fold" in text[r.end: r.end + 6].lower() else None
            if fold is not None:
                r.kind, r.end, r.rule = "multiplier", fold.end(), "<n>-fold"
        if r.unit is None and r.kind == "count":
            mag = _MAGNITUDE_AFTER.match(text, r.end, limit) if "agnit" in text[r.end: r.end + 8] else None
            if mag is not None:
                r.counted, r.end, r.rule = "magnitude", mag.end(), "<n>-magnitude"
            elif self.read_ratio(r, digits, limit):
                return
        postfix = self.read_postfix(r) if self.postfix_may_follow(r) else None
        if r.unit is None and r.counted is None and digits and r.kind == "count":
            # a list sharing the unit of its last number: "45 and 50 mg", "5, 10 or 15 km"
            ahead = text[r.end: r.end + 6]
            # (shared_unit returns None unless a comma, " and " or " or " is ahead)
            shared = self.shared_unit(r.end, limit) if (
                "," in ahead or " and " in ahead or " or " in ahead) else None
            if shared is not None:
                r.unit, r.kind = shared
        if r.unit is None and r.kind == "count" and r.counted is None and not self.read_counted_noun(
                r, digits, limit):
            return
        if r.unit is not None and r.kind == "duration":
            # (_OLD starts with "-", a space or a tab; _LONG with "-")
            old = _OLD.match(text, r.end, limit) if text[r.end: r.end + 1] in ("-", " ", "\t") else None
            if old is not None:
                r.end, r.rule, r.kind = old.end(), "<n>-<unit>-old", _OLD_AGE_KIND
            lg = _LONG.match(text, r.end, limit) if text[r.end: r.end + 1] == "-" else None
            if lg is not None:
                r.end = lg.end()
        if r.kind in ("count", "duration") and r.unit in (None, "year", "month", "week") and self.read_age(r):
            pass
        elif digits and r.unit is None and (
            text[r.start - 2: r.start - 1].isalpha() or text[r.start - 2: r.start - 1] == "&"
            or (text[r.end: r.end + 1] == " " and text[r.end + 1: r.end + 2].isupper())
        ) and self.skip_name_or_address(r, limit):
            return
        if postfix is None and self.postfix_may_follow(r):
            postfix = self.read_postfix(r)
        if not r.rule:
            r.rule = f"<number>{' <unit>' if r.unit else ''}{' <noun>' if r.counted else ''}"
        if postfix is None:
            tol = self.finish_qualifier(r)
            if tol is not None and tol.qualifier in ("more_than", "at_least"):
                self.read_upper_bound(r, limit)
        else:
            qpos, tol = self.left_qualifier(r.start, r)
            if tol is not None:
                # "around 30 seconds or so": the phrase before the figure decides, both are kept
                r.start, r.qualifier, r.hedge = qpos, tol.qualifier, f"{self.hedge} … {r.hedge}"
            _interval(r, tol or postfix)
        self.read_change(r)
        self.emit(r)

    def read_counted_noun(self, r: _Reading, digits: bool, limit: int) -> bool:
        """Reading "<number> <noun>": the counted noun ("800 million users", "41.7 points",
        "20,400 Model Ys"), a time unit or currency word among the next words ("two
        consecutive years", "5 million Swiss francs"), "<n> times <comparison>". False when
        the number is no quantity: "one" alone is a pronoun ("one of the most popular")."""
        text = self.text
        ul = lexicon.units()
        if not (r.value is None or float(r.value).is_integer() or r.numkind != "cardinal"):
            # a non-integer counts no things ("a 6.1 quake"), except measures ("41.7 points")
            a = _ASCII_LETTERS.match(text, r.end + 1, limit) if text[r.end: r.end + 1] == " " else None
            if a is not None:
                sg = _singular(a.group()) or a.group().lower()
                sg = ul.irregular_plurals.get(a.group().lower(), sg)
                if sg.lower() in ul.measures and (a.end() >= limit or not text[a.end()].isalnum()):
                    r.counted, r.end = sg.lower(), a.end()
                elif a.group().lower() == "times":
                    _times_comparison(text, a.end(), limit, r)  # "2.5 times higher", "1.5 times the average"
            return True
        singular_ok = r.value == 1 or r.numkind in ("collective",)
        of = None
        if r.numkind == "collective":
            of = _OF.match(text, r.end, limit)
        noun, end, unit = _read_counted(
            text, of.end() if of else r.end, limit, singular_ok, one=r.value == 1 and r.numkind == "cardinal"
        )
        if unit is not None:
            r.unit, r.kind, r.end = unit[0], unit[1], end
        elif noun is not None:
            if (noun.lower() == "time" or noun.lower() == "times") and _times_comparison(text, end, limit, r):
                noun = None
            if noun is not None:
                r.counted = noun
                r.end = end
        elif digits:
            mp = _MODEL_PLURAL.match(text, r.end, limit) if text[r.end + 1: r.end + 2].isupper() else None
            if mp is not None:
                r.counted, r.end = mp["name"], mp.end()  # "20,400 Model Ys": the Model Y
        if (
            not digits and r.kind == "count" and r.unit is None and r.counted is None
            and r.value == 1 and r.numkind == "cardinal"
        ):
            # "one" alone is a pronoun in news ("one of the most popular")
            tol = self.left_qualifier(r.start, r)[1]
            if tol is None:
                run = _patterns().number_word_run.match(text, r.end, min(len(text), r.end + BLOCK))
                self.last_end = run.end() if run is not None else r.end
                return False
        return True

    def read_ratio(self, r: _Reading, digits: bool, limit: int) -> bool:
        """Reading "<n> out of <m>": a fraction stated as a ratio ("two out of five", "3 out of
        10"; "two over five" between number words only, and not before a noun: "two over
        five years" is no ratio). Emits and returns True."""
        text = self.text
        if r.value is None or not r.integer or text[r.end: r.end + 1] != " ":
            return False
        m = _RATIO.match(text, r.end, limit)
        if m is None:
            return False
        q = m.end()
        over = m.group().strip().lower() == "over"
        if over and digits:
            return False
        d_digits = text[q: q + 1].isdigit()
        if over and d_digits:
            return False
        r2, _ = self.read_core(q, d_digits, limit)
        if r2 is None or r2.value is None or not r2.integer or r2.kind != "count" or r2.value <= r.value:
            return False
        if over and (_noun_follows(text, r2.end, limit) or _match_unit(text, r2.end, limit, r2) is not None):
            return False
        r.value = r.value / r2.value
        r.step = None if r.value is None else 1.0 / r2.value
        r.rule = "<n> over <m>" if over else "<n> out of <m>"
        r.end = r2.end
        r.numkind = "fraction"
        self.finish_qualifier(r)
        self.emit(r)
        return True

    def postfix_may_follow(self, r: _Reading) -> bool:
        """A cheap pre-test for read_postfix: what follows could start a postfix phrase."""
        text = self.text
        c = text[r.end: r.end + 1]
        if c == "-" or c == "+":
            return True
        return c in (" ", "\t") and text[r.end + 1: r.end + 3].lower() in _postfix_starts()

    def read_postfix(self, r: _Reading) -> lexicon.QualifierEntry | None:
        """Reading "<number> <postfix comparison>": a comparison written after the figure
        ("150 or greater", "aged 65 and over", "a week or so", "50-plus", "100+"); sets the
        qualifier and the hedge and moves the end; None when there is none."""
        text = self.text
        c = text[r.end: r.end + 1]
        if c == "+":  # "100+ people", "18+": at least; not a sum ("2+2", "100+20")
            after = text[r.end + 1: r.end + 2]
            entry = lexicon.postfix_qualifiers().get("plus")
            if entry is None or r.value is None or r.kind in ("date", "ordinal") or (after and (
                    after.isalnum() or after in "+-=(")):
                return None
            r.qualifier, r.hedge, r.end = entry.qualifier, "+", r.end + 1
            if r.rule == "":
                r.rule = "<number> <postfix>"
            return entry
        if c == "-":
            if text[r.end + 1: r.end + 2].lower() not in ("p", "o"):
                return None
        elif text[r.end + 1: r.end + 3].lower() not in ("or", "an", "pl"):
            return None
        m = _patterns().postfix.match(text, r.end, min(self.n, r.end + 24))
        if m is None:
            return None
        phrase = " ".join((m["q"] or m["g"]).lower().split())
        entry = lexicon.postfix_qualifiers().get(phrase)
        if entry is None or r.kind in ("date", "ordinal"):
            return None
        r.qualifier, r.hedge, r.end = entry.qualifier, phrase, m.end()
        if r.rule == "":
            r.rule = "<number> <postfix>"
        return entry

    def read_upper_bound(self, r: _Reading, limit: int) -> None:
        """Reading "<comparison> <n> and <comparison> <m>": two bounds of one interval
        ("greater than 50 and smaller than 400" is (50, 400))."""
        text = self.text
        if text[r.end: r.end + 1] != " " or r.value is None:
            return
        m = _patterns().upper_bound_right.match(text, r.end, limit)
        if m is None:
            return
        q = m.end()
        neg = text[q: q + 1] in ("-", "−")
        d = q + 1 if neg else q
        if d >= limit:
            return
        r2, _ = self.read_core(d, text[d].isdigit(), limit)
        if r2 is None or r2.value is None or r2.kind not in ("count", "currency", "percent", "dimension"):
            return
        v2 = -r2.value if neg else r2.value
        got = _unit_with_compounds(text, r2.end, limit, r2)
        if got is not None:
            if r.unit is not None and got[0] != r.unit:
                return
            r.unit, r.kind, r2.end = got[0], got[1], got[2]
        if v2 <= r.value:
            return
        entry = lexicon.qualifiers()[" ".join(m["q"].lower().split())]
        r.high, r.high_inclusive = v2, entry.qualifier == "at_most"
        r.qualifier, r.rule = "range", "<comparison> <n> and <comparison> <m>"
        r.hedge = f"{r.hedge} … {' '.join(m['q'].lower().split())}"
        r.end = r2.end

    def read_age(self, r: _Reading) -> bool:
        """Reading "age": the age of a person or thing, kind age with its time unit ("a
        58-year-old", "aged 58", "Dupont, 58, said"). True when ``r`` is an age."""
        text = self.text
        if r.kind == "age" or r.rule == "<n>-<unit>-old":
            return True
        if r.value is None or not r.integer or r.counted is not None or r.unit not in (None, "year", "month", "week"):
            return False
        if r.start > 3 and text[r.start - 1] == " " and text[r.start - 2] in _age_last_letters() and self.left(
                _patterns().age_left, r.start, 16) is not None:
            r.kind, r.unit = "age", r.unit or "year"
            r.rule = "aged <n>"
            return True
        if (
            r.unit is None and 0 < r.value < 125 and r.raw.isdigit() and text[r.end: r.end + 1] == ","
            and text[r.start - 2: r.start] == ", " and text[r.start - 3: r.start - 2].islower()
            and _NAME_COMMA.match(text, max(0, r.start - 40), r.start)
        ):
            r.kind, r.unit, r.rule = "age", "year", "<name>, <n>,"
            return True
        return False

    def skip_name_or_address(self, r: _Reading, limit: int) -> bool:
        """Reading "name or address": a number that is part of a name ("S&P 500", "Nikkei
        225", "the EU 27"; names in numbers.toml [identifiers]) or an address ("412 Elm
        Street"): no quantity. Skips it and returns True."""
        text = self.text
        if not (r.integer and not r.scaled and r.raw.isdigit() and r.qualifier == "exact"):
            return False
        nw = lexicon.numbers()
        if r.start >= 2 and text[r.start - 1] == " " and (text[r.start - 2].isalpha() or text[r.start - 2] == "&"):
            j = r.start - 1
            k = max(text.rfind(" ", max(0, j - 24), j), text.rfind("\n", max(0, j - 24), j))
            i = k + 1 if k >= 0 else max(0, j - 24)
            name = text[i:j].rstrip(",;:")
            if name == text[i:j] and name and (name in nw.names or (name[0].isupper() and (
                r.counted is None and len(name) >= 2 and (
                    (name.isupper() and name.isalpha() and name not in _currency_letter_tails()) or "&" in name)))
            ):
                self.last_end = r.end
                return True
        if r.counted is None and text[r.end: r.end + 1] == " " and text[r.end + 1: r.end + 2].isupper():
            st = _STREET.match(text, r.end, limit)
            if st is not None and st["w"] in nw.streets:
                self.last_end = st.end()
                return True
        return False

    def read_change(self, r: _Reading) -> None:
        """Reading "change": the direction of change the text states for a figure: a verb
        or adverb right before it ("rose 5%", "fell by 4%", "up 6.2 per cent"; adverbs not
        for plain counts of things: "shut down 40 accounts") or a noun or comparative right
        after it ("a 5% drop", "3% higher"). Sets ``change`` (qualifiers.toml [change])."""
        text = self.text
        ch = lexicon.changes()
        if r.start > 2 and text[r.start - 1] in (" ", "\t", "\u00a0") and text[r.start - 2] in _change_last_chars():
            lo = max(self.last_end, r.start - 20)
            i = text.rfind(" ", lo, r.start - 1)
            if text[i + 1 if i >= 0 else lo: r.start - 1].lower() in _change_last_words():
                m = self.left(_patterns().change_left, r.start, 32)
                if m is not None:
                    w = " ".join(m["w"].lower().split())
                    if w in ch.verbs:
                        r.change = ch.verbs[w]
                    elif r.kind != "count" or r.counted is None or r.counted in lexicon.units().measures:
                        r.change = ch.adverbs[w]
                    if r.change is not None:
                        r.rule = "<change> " + r.rule
                        return
        if r.kind not in ("date", "ordinal"):
            d = self.moved_by(r)
            if d is not None:
                r.change, r.rule = d, "<change> " + r.rule
                return
        if text[r.end: r.end + 1] == " ":
            a = _ASCII_LETTERS.match(text, r.end + 1, min(self.n, r.end + 24))
            if a is not None and a.group().lower() in ch.after and (
                    a.end() >= self.n or not text[a.end()].isalnum()):
                r.change = ch.after[a.group().lower()]
                r.rule = r.rule + " <change>"

    def moved_by(self, r: _Reading) -> str | None:
        """"raised its main rate by 50 basis points": a verb that moves its object, a few
        words back in the same clause, and "by" before the amount: the direction, or None."""
        text = self.text
        if text[r.start - 3: r.start].lower() != "by ":
            return None
        seg = text[max(self.last_end, r.start - 48): r.start - 3]
        seg = seg[max(seg.rfind(c) for c in ",;:.()") + 1:]
        movers = lexicon.changes().movers
        return next((movers[w] for w in reversed(seg.lower().split()[-6:]) if w in movers), None)

    def shared_unit(self, p: int, limit: int) -> tuple[str, str] | None:
        """The unit of the next number in a list ("45 and 50 mg" gives 45 the milligrams)."""
        text = self.text
        ahead = text[p: p + 6]
        if "," not in ahead and " and " not in ahead and " or " not in ahead:
            return None
        memo = self.list_items
        for _ in range(4):
            item = memo.get(p)
            if item is None:
                item = self.list_item(p)
                # each item of a long list ("12, 12, 12, ...") is read here once, not once for
                # each of the four numbers before it
                if len(memo) > 64:
                    memo.clear()
                memo[p] = item
            q, end, unit = item
            if q < 0 or q >= limit:
                return None
            if unit is not None:
                return unit if unit[1] in ("dimension", "percent") else None
            p = end
        return None

    def list_item(self, p: int) -> tuple[int, int, tuple[str, str] | None]:
        """The list item after ``p`` for shared_unit: (start, end, unit); start -1 when none.

        Read within ``_RIGHT`` characters of ``p`` (not of the caller's number), so the answer
        depends on the position alone and can be kept for the next number of the list."""
        text = self.text
        m = _LIST_NEXT.match(text, p, min(self.n, p + _RIGHT))
        if m is None:
            return -1, -1, None
        q = m.end()
        item_limit = min(self.n, q + _RIGHT)
        dr = _ASCII_DIGITS.match(text, q, item_limit)
        e = dr.end() if dr is not None else q
        if e > q and text[e: e + 1] in (",", ";") and not text[e + 1: e + 2].isdigit():
            return q, e, None  # a bare integer before a comma: what read_core finds, no unit
        r2, _ = self.read_core(q, True, item_limit)
        if r2 is None or r2.kind != "count" or r2.scaled:
            return -1, -1, None
        got = _unit_with_compounds(text, r2.end, item_limit, r2)
        return q, r2.end, ((got[0], got[1]) if got is not None else None)

    def read_range(self, r: _Reading, digits: bool, limit: int, need_unit: bool = False) -> bool:
        """Reading "<number> <sep> <number>": a range ("10-20", "3.5–4.0 TeV", "between 44
        and 50 mg", "from $600,000 to $1.1 million", "six to seven thousand", "two or three
        weeks", "$6/$8"). A scale word on the second number is shared only when the first
        is smaller than its mantissa ("3 to 4 million", not "600,000 to 1.1 million"). Not a
        range: a change and a new level ("up 6.2% to $71"), figures of different units, a
        score ("3-1", "won 2-3"), a phone number ("555-1234"). With ``need_unit`` (a year
        first), only a range with a unit or a counted noun. Emits and returns True."""
        text = self.text
        ahead = text[r.end: r.end + 10]
        if _DASHES.isdisjoint(ahead) and "/" not in ahead:
            low = ahead.lower()
            if not (" to " in low or " and " in low or " or " in low or " through " in low):
                return False
        sep = _RANGE_SEP.match(text, r.end, limit)
        if sep is None:
            return False
        word = sep.group().strip().lower()
        dash = word in ("-", "–", "—", "‒")
        bl = self.left(_BETWEEN_LEFT, r.start, 16)
        if word == "and" and (bl is None or bl["w"].lower() != "between"):
            return False
        if word == "/" and not r.currency_left:
            return False
        if dash and not digits and not text[sep.end(): sep.end() + 1].isalpha():
            return False
        if word in ("to", "/") and bl is None and r.unit is not None and (self.moved_by(r) is not None or self.left(
                _patterns().change_left, self.left_qualifier(r.start, r)[0], 32) is not None):
            return False  # "up 6.2 per cent to $71", "raised by 0.5 points to 3.25%": the change, then the level
        p = sep.end()
        cur = p
        second_currency = False
        # "$350 per kg to $680 per kg", "€5-€10"
        m2 = _patterns().currency_ahead.match(text, p, limit)
        if m2 is not None:
            cur = m2.end()
            second_currency = True
        if word == "/" and not second_currency:
            return False
        if cur < limit and text[cur] in "-−" and digits:
            neg = True
            cur += 1
        else:
            neg = False
        if cur >= limit:
            return False
        is_digit = text[cur].isdigit()
        if is_digit != digits and dash:
            return False
        r2, _ = self.read_core(cur, is_digit, limit, currency=second_currency)
        if r2 is None or r2.value is None or r2.kind in ("date", "ordinal") or r2.numkind == "plural":
            return False
        if neg:
            r2.value = -r2.value
        got = _unit_with_compounds(text, r2.end, limit, r if r.unit is not None else r2)
        u2 = k2 = None
        if got is not None:
            u2, k2, e2 = got
            r2.end = e2
        if r.unit is not None and u2 is not None and u2 != r.unit:
            return False
        if second_currency and r.unit is not None and not r.currency_left:
            return False  # "6.2 per cent to $71": a percentage and an amount
        if r.currency_left and not second_currency and u2 is not None and u2 != r.unit:
            return False
        if r.value is None:
            return False
        v1, v2 = r.value, r2.value
        if r2.scaled and not r.scaled and r2.scale > 1 and abs(v1) < abs(v2 / r2.scale):
            # the scale of the second number is shared ("3 to 4 million", "six to seven
            # thousand"), not where the first is already whole ("from 600,000 to 1.1 million")
            v1 = v1 * r2.scale
            if r.step is not None:
                r.step *= r2.scale
        if dash and not digits and v1 >= v2:
            return False  # "one-one", "ten-one": not a range of words
        if dash and digits and r.unit is None and u2 is None and not need_unit and (
            (v1 >= v2 and bl is None and not (v1 < 0 or v2 < 0)) or self.is_score(r, r2, limit)
        ):
            # a score ("3-1", "won 2-3", "a 7-4 lead"), not a range
            self.last_end = r2.end
            return True
        if word == "or" and not (r.integer and r2.integer and 0 < v1 < v2 <= 2 * v1 + 1 and (
                u2 is not None or r.unit is not None or _noun_follows(text, r2.end, limit))):
            return False  # ("two or three weeks", "10 or 12 people": neighbours, with a unit)
        if dash and digits and not need_unit and len(r.raw) == 3 and len(r2.raw) == 4 and r2.raw.isdigit() and (
                int(r2.raw) % 100 != 0 and u2 is None and r.unit is None and not _noun_follows(text, r2.end, limit)):
            self.last_end = r2.end  # a phone number: 555-1234
            return True
        unit, kind = r.unit, r.kind
        if r.currency_left or second_currency:
            kind = "currency"
            if r2.unit is not None and r.unit is None:
                unit = r2.unit
        if unit is None and u2 is not None:
            unit, kind = u2, k2 or kind
        counted = None
        end = r2.end
        if kind == "currency" and unit is not None and " per " not in unit and got is None:
            per = _per_unit(text, end, limit)  # "from $3 to $4 a gallon"
            if per is not None:
                unit, end = f"{unit} per {per[0]}", per[1]
        if unit is None:
            noun, nend, nunit = _read_counted(text, end, limit, singular_ok=False)
            if nunit is not None:
                unit, kind, end = nunit[0], nunit[1], nend
            elif noun is not None:
                counted, end = noun, nend
        if need_unit and unit is None and counted is None:
            return False
        r.unit, r.kind, r.counted = unit, kind, counted
        r.low, r.high = min(v1, v2), max(v1, v2)
        r.value = v1
        if r.step is not None and r2.step is not None:
            r.step = min(r.step, r2.step)
        r.qualifier = "range"
        r.rule = "<number> or <number>" if word == "or" else (
            "<amount>/<amount>" if word == "/" else "<number> <sep> <number>")
        r.end = end
        if bl is not None:
            r.start = bl.start()
        if r.kind in ("count", "duration") and r.counted is None:
            am = self.left(_patterns().age_left, r.start, 16)
            if am is not None:
                r.kind, r.unit = "age", r.unit or "year"
        if bl is None:
            self.read_change(r)  # ("rose from 5% to 7%" states two levels, not a change)
        self.emit(r)
        return True

    def is_score(self, r: _Reading, r2: _Reading, limit: int) -> bool:
        """Whether "<n>-<m>" is a score: small whole numbers with a word of a match around
        them ("won 3-1", "a 7-4 lead", "2-2 draw"; numbers.toml [identifiers])."""
        if not (r.integer and r2.integer and (r.value or 0) < 200 and (r2.value or 0) < 200):
            return False
        text = self.text
        nw = lexicon.numbers()
        prev = text[max(0, r.start - 16): r.start].split()
        if prev and prev[-1].lower().strip(",") in nw.score_before:
            return True
        a = _ASCII_LETTERS.match(text, r2.end + 1, limit) if text[r2.end: r2.end + 1] == " " else None
        return a is not None and a.group().lower() in nw.score_after


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity mention in ``text``, in order, each with the interval it asserts.

    Args:
        text: any string (news text; hostile input is fine: the scan is linear and
            bounded by timeouts).

    Returns:
        The quantities, ordered by position, never overlapping.

    Raises:
        InputError: ``text`` is not a ``str``.

    Example:
        >>> [(q.text, q.value, q.unit, q.kind) for q in parse_quantities(
        ...     "The month-long campaign: up to three years, €1.2bn and 12 per cent.")]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('month-long', 1.0, 'month', 'duration'), ('up to three years', 3.0, 'year', 'duration'),
         ('€1.2bn', 1200000000.0, 'EUR', 'currency'), ('12 per cent', 12.0, 'percent', 'percent')]
    """
    if not isinstance(text, str):
        raise InputError(f"parse_quantities() needs a str, got {type(text).__name__}")
    if not text:
        return []
    if len(text) > TIMEOUT_FROM and gc.isenabled():
        # A long text can hold hundreds of thousands of quantities, which the cyclic
        # garbage collector would scan again and again (none of them is in a cycle).
        gc.disable()
        try:
            return _parse(text)
        finally:
            gc.enable()
    return _parse(text)


def _parse(text: str, limit: int | None = None) -> list[Quantity]:
    if not text.isascii() and _INVISIBLE.search(text) is not None:
        return _parse_around_invisible(text, limit)
    return _Parser(text, limit=limit).run()


def parse_prefix(text: str, limit: int) -> tuple[list[Quantity], int | None]:
    """The first ``limit`` quantities of ``text`` (those :func:`parse_quantities` gives
    first), reading no further than needed, and the offset of the first quantity not
    returned (``None`` when there is none): the extractor's cap on hostile, dense texts.

    Example:
        >>> qs, rest = parse_prefix("1 km, 2 km, 3 km", 2)
        >>> [q.text for q in qs], rest
        (['1 km', '2 km'], 12)
    """
    if not isinstance(text, str):
        raise InputError(f"parse_prefix() needs a str, got {type(text).__name__}")
    if limit < 0:
        raise InputError(f"parse_prefix() needs a limit of 0 or more, got {limit}")
    if not text:
        return [], None
    enabled = len(text) > TIMEOUT_FROM and gc.isenabled()
    if enabled:
        gc.disable()  # as parse_quantities does
    try:
        got = _parse(text, limit)
    finally:
        if enabled:
            gc.enable()
    if len(got) > limit:
        return got[:limit], got[limit].start
    return got, None


#: Characters that are transparent inside words and numbers: the soft hyphen and the
#: zero-width space, non-joiner, joiner, word joiner and no-break space (BOM).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def _parse_around_invisible(text: str, limit: int | None = None) -> list[Quantity]:
    """parse_quantities on ``text`` read without its invisible characters (INVISIBLE), with
    the offsets (and ``text``) of each quantity taken back to ``text`` itself: "1,2\u200b00
    people" reads as 1,200 people, its span covering the zero-width space."""
    kept = [i for i, c in enumerate(text) if c not in INVISIBLE]
    visible = "".join(text[i] for i in kept)
    if not visible:
        return []
    out = []
    for q in _Parser(visible, limit=limit).run():
        start, end = kept[q.start], kept[q.end - 1] + 1
        out.append(q.model_copy(update={"start": start, "end": end, "text": text[start:end]}))
    return out

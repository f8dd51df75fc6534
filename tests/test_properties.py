"""Properties of reading: only `ReadError` escapes, reading is deterministic, and the canonical
JSON export round-trips, for arbitrary input and for the seed mutated line by line."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import derive as dv
import yusuan
from derive import SEED_NAME

SEED_TEXT = dv.load_seed_text()
SEED_LINES = SEED_TEXT.split("\n")
SEED_BYTES = SEED_TEXT.encode("utf-8")

FEW = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SOME = settings(FEW, max_examples=150)


def read_or_error(data: bytes, name: str = SEED_NAME) -> Any:
    """The reading of `data`, or the `ReadError` it raised; anything else fails the test."""
    try:
        return yusuan.read(data, name=name)
    except yusuan.ReadError as exc:
        assert exc.file == name, exc
        assert exc.zh and exc.en, exc
        lines = max(data.count(b"\n"), data.count(b"\r"))  # CR-only files count too
        assert exc.line is None or 1 <= exc.line <= lines + 2, exc
        return exc


# --------------------------------------------------------------------------------------------
# Strategies


TITLE = next(line for line in SEED_LINES if line.startswith("# "))


def _titled(lines: list[str]) -> str:
    # Behind the seed's title line, so that the reader goes past "is this a disclosure?".
    return "\n".join([TITLE, *lines])


_cell_chars = st.sampled_from(
    list("\t\n #、.：:%万元≥≤<>=0123456789一二三四五六七八九十（）()-")
    + list("项目编码名称预算数其中财政资金其他资金计划绩效目标指标值月底前合计小计单位")
    + ["<b>", "</b>", "\r", "\ufeff", "\u3000"]
)
#: Text made of the characters the reader looks for (tabs, headings, numbers, labels).
template_like_text = st.lists(_cell_chars, max_size=400).map("".join)
#: The same behind the seed's title line.
titled_template_text = template_like_text.map(lambda t: _titled([t]))


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """The seed with 1–5 random edits: delete a slice of lines, duplicate a line, swap two
    lines, insert tabs into a line, delete a character; then maybe truncate."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 5))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "tabs", "char"]))
        if op == "delete":
            del lines[i : i + draw(st.integers(1, 120))]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "tabs":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + "\t" * draw(st.integers(1, 4)) + lines[i][at:]
        elif lines[i]:
            at = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:at] + lines[i][at + 1 :]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


#: The seed's title, then seed lines drawn at random, in any order, repeated or not.
seed_line_soup = st.lists(st.sampled_from(SEED_LINES), max_size=80).map(_titled)


def _blocks(text: str) -> list[str]:
    """The seed cut before every heading line: sections, goals, project tables."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.startswith("#") and blocks[-1]:
            blocks.append([])
        blocks[-1].append(line)
    return ["\n".join(b) for b in blocks]


SEED_BLOCKS = _blocks(SEED_TEXT)

#: The seed's first block (its title), then its sections and tables in any order and number.
seed_block_soup = st.lists(st.sampled_from(SEED_BLOCKS[1:]), max_size=40).map(
    lambda blocks: "\n".join([SEED_BLOCKS[0], *blocks])
)

#: The seed's bytes cut at any byte (also inside a character) or with one byte changed.
damaged_seed_bytes = st.one_of(
    st.integers(0, len(SEED_BYTES)).map(lambda n: SEED_BYTES[:n]),
    st.tuples(st.integers(0, len(SEED_BYTES) - 1), st.integers(0, 255)).map(
        lambda t: SEED_BYTES[: t[0]] + bytes([t[1]]) + SEED_BYTES[t[0] + 1 :]
    ),
)

any_document = st.one_of(
    mutated_seed().map(str.encode),
    seed_line_soup.map(str.encode),
    seed_block_soup.map(str.encode),
    titled_template_text.map(str.encode),
)


# --------------------------------------------------------------------------------------------
# (1) Only ReadError escapes.


@FEW
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data: bytes) -> None:
    read_or_error(data)


@FEW
@given(st.text(max_size=1500))
def test_arbitrary_text(text: str) -> None:
    read_or_error(text.encode("utf-8"))


@FEW
@given(st.one_of(template_like_text, titled_template_text))
def test_template_like_text(text: str) -> None:
    read_or_error(text.encode("utf-8"))


@SOME
@given(mutated_seed())
def test_mutated_seed(text: str) -> None:
    read_or_error(text.encode("utf-8"))


@SOME
@given(seed_line_soup)
def test_seed_line_soup(text: str) -> None:
    read_or_error(text.encode("utf-8"))


@SOME
@given(seed_block_soup)
def test_seed_block_soup(text: str) -> None:
    read_or_error(text.encode("utf-8"))


@FEW
@given(damaged_seed_bytes)
def test_damaged_seed_bytes(data: bytes) -> None:
    read_or_error(data)


@FEW
@given(mutated_seed(), st.sampled_from(sorted(dv.SAME_BYTES)))
def test_mutated_seed_encoded(text: str, encoding: str) -> None:
    read_or_error(dv.SAME_BYTES[encoding](text))


# --------------------------------------------------------------------------------------------
# (2) Deterministic: the same bytes give an equal model and identical JSON, or the same error.


def assert_deterministic(data: bytes) -> None:
    first, second = read_or_error(data), read_or_error(data)
    if isinstance(first, yusuan.ReadError):
        assert isinstance(second, yusuan.ReadError)
        assert (str(first), first.line) == (str(second), second.line)
    else:
        assert first == second
        assert yusuan.dumps(first) == yusuan.dumps(second)


@settings(FEW, max_examples=25)
@given(any_document)
def test_deterministic(data: bytes) -> None:
    assert_deterministic(data)


# --------------------------------------------------------------------------------------------
# (3) The canonical JSON export round-trips.


def assert_round_trip(disclosure: Any) -> None:
    text = yusuan.dumps(disclosure)
    back = yusuan.loads(text)
    assert back == disclosure
    assert yusuan.dumps(back) == text


def test_seed_round_trip(seed: Any) -> None:
    assert_round_trip(seed)


@pytest.mark.parametrize("variant", sorted(dv.ALL_TEXT))
def test_derived_round_trip(variant: str, seed_text: str) -> None:
    disclosure = yusuan.read(dv.ALL_TEXT[variant](seed_text).encode("utf-8"), name=SEED_NAME)
    assert_round_trip(disclosure)


@settings(FEW, max_examples=30)
@given(st.one_of(mutated_seed(), seed_line_soup, seed_block_soup))
def test_mutated_round_trip(text: str) -> None:
    result = read_or_error(text.encode("utf-8"))
    if not isinstance(result, yusuan.ReadError):
        assert_round_trip(result)

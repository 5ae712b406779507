"""Checks an answer before analysis: text, not empty, not too long.

`MAX_ANSWER_CHARS` is the one size limit of an answer, wherever it is given:
the analyzer, the CLI, every web form and API that takes an answer use it.
"""

from __future__ import annotations

import re

from loopcoach.analysis.errors import AnalysisInputError

MAX_ANSWER_CHARS = 30_000  # about 5,000 words: far past any spoken answer
# Raw input is refused before decoding once it cannot be text within the limit
# (a UTF-8 character is at most 4 bytes): not a second limit, a cheap early check.
MAX_BYTES = 4 * MAX_ANSWER_CHARS


def decode_answer(data: bytes) -> str:
    """Turn raw bytes (a file, stdin, a request body) into text, or refuse them."""
    if len(data) > MAX_BYTES:
        raise AnalysisInputError(
            f"The answer is too long: {len(data):,} bytes (limit {MAX_ANSWER_CHARS:,} characters)."
        )
    if b"\x00" in data:
        raise AnalysisInputError("The answer is not text (it contains binary data).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnalysisInputError(
            f"The answer is not UTF-8 text (bad byte at position {exc.start})."
        ) from None
    return check_answer(text)


def check_answer(answer: object) -> str:
    """Return the answer unchanged if it can be analysed; raise AnalysisInputError if not."""
    if isinstance(answer, bytes | bytearray):
        return decode_answer(bytes(answer))
    if not isinstance(answer, str):
        raise AnalysisInputError(f"The answer must be text, not {type(answer).__name__}.")
    if not answer.strip():
        raise AnalysisInputError("The answer is empty: write your answer first.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise AnalysisInputError(
            f"The answer is too long: {len(answer):,} characters (limit {MAX_ANSWER_CHARS:,})."
        )
    if _looks_binary(answer):
        raise AnalysisInputError(
            "The answer is not text (it contains control characters or binary data)."
        )
    return answer


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


def _looks_binary(text: str) -> bool:
    """NUL bytes, lone surrogates, or more than 5% control characters: not text someone wrote."""
    if "\x00" in text or re.search("[\ud800-\udfff]", text):
        return True
    bad = len(_CONTROL.findall(text))
    return bad > 0 and bad * 20 >= len(text)

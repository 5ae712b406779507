from __future__ import annotations

import pytest

from loopcoach.analysis.errors import AnalysisInputError
from loopcoach.analysis.validation import MAX_BYTES, check_answer, decode_answer


def test_text_passes_unchanged():
    assert check_answer("I did it.\r\n") == "I did it.\r\n"


def test_utf8_bytes_with_a_bom_are_decoded():
    assert decode_answer("\ufeffI did it 🚀".encode()) == "I did it 🚀"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe\xfa", "not UTF-8"),
        (b"abc\x00def", "binary"),
        (b"x" * (MAX_BYTES + 1), "too long"),
    ],
)
def test_bad_bytes_are_refused(data, message):
    with pytest.raises(AnalysisInputError, match=message):
        decode_answer(data)


def test_a_few_stray_control_characters_are_tolerated():
    assert check_answer("I fixed the \x0cbuild and it worked, mostly.")


def test_non_text_objects_are_refused():
    with pytest.raises(AnalysisInputError, match="must be text"):
        check_answer(42)

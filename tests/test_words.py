"""Words of any script: what the evidence checks and the recap scorer compare."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.words import words

# Letters and digits of every category, plus separators between them.
LETTERS = st.characters(categories=("Lu", "Ll", "Lt", "Lo", "Nd"))
TEXT = st.lists(
    st.tuples(
        st.text(LETTERS, min_size=1, max_size=8), st.sampled_from([" ", "-", ", ", "'", "/"])
    ),
    min_size=1,
    max_size=6,
).map(lambda parts: "".join(w + sep for w, sep in parts))


def test_letters_of_every_alphabet_stay_inside_words() -> None:
    assert words("Zoë prépare le rapport") == ["zoë", "prépare", "le", "rapport"]
    assert words("Łukasz übernimmt die Prüfung") == ["łukasz", "übernimmt", "die", "prüfung"]
    assert words("Nguyễn Thị Hương gửi báo cáo") == ["nguyễn", "thị", "hương", "gửi", "báo", "cáo"]
    assert words("हिन्दी में लिखें") == ["हिन्दी", "में", "लिखें"]  # vowel signs stay in the word
    assert words("Mary-Kate D'Souza, Q3_v2") == ["mary", "kate", "d", "souza", "q3", "v2"]


def test_scripts_without_spaces_count_in_character_pairs() -> None:
    assert words("王伟负责报告") == ["王伟", "伟负", "负责", "责报", "报告"]
    assert words("議事録") == ["議事", "事録"]
    assert words("ส่งรายงาน")[0] == "ส่ง"  # a Thai consonant keeps its marks
    assert words("Zoë 和 王伟 review") == ["zoë", "和", "王伟", "review"]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_no_letter_is_lost(text: str) -> None:
    found = "".join(words(text))
    for ch in unicodedata.normalize("NFKC", text).casefold():
        if ch.isalnum():
            assert ch in found, (ch, text)


def test_case_and_composition_do_not_matter() -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Siobhán")
    assert words(decomposed) == words("ZOË SIOBHÁN") == ["zoë", "siobhán"]

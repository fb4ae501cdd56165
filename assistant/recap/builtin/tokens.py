"""Content words of a task, and how alike two tasks are: the engine's own measure.

Deliberately separate from the scorer in `assistant.evaluation` (which implements the published
scoring rule), so that changing how quality is measured never changes what the engine does.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.words import words

STOPWORDS: frozenset[str] = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom this
    that these those am is are was were be been being have has had having do does did doing a an
    the and but if or because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under again further then
    once here there when where why how all any both each few more most other some such no nor not
    only own same so than too very s t can will just don should now d ll m o re ve y ain aren
    couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won
    wouldn""".split()
)

# Articles, prepositions and conjunctions of the other languages the engine reads.
FOREIGN_STOPWORDS: frozenset[str] = frozenset(
    """der die das den dem des ein eine einen einem einer und oder zu mit für von im am auf
    le la les un une des et ou du au aux pour avec par sur dans el los las y del al con por
    una unos o os um uma do da dos das em no na com il lo gli di per het een en van voor met
    op te""".split()
)


@lru_cache(maxsize=8192)
def task_tokens(text: str) -> frozenset[str]:
    """Word tokens of a task text, without stopwords: the product's tokeniser
    (`assistant.words`), so Chinese and Japanese tasks count in character pairs, not as one
    word per clause."""
    return frozenset(
        t for t in words(text) if t not in STOPWORDS and t not in FOREIGN_STOPWORDS and t != "_"
    )


def task_similarity(a_text: str, b_text: str) -> float:
    """Token-set F1 between two task texts (0 when either has no content tokens)."""
    a, b = task_tokens(a_text), task_tokens(b_text)
    common = len(a & b)
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)

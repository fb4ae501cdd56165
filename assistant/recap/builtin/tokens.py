"""Content words of a task, and how alike two tasks are: the engine's own measure.

Deliberately separate from the scorer in `assistant.evaluation` (which implements the published
scoring rule), so that changing how quality is measured never changes what the engine does.
"""

from __future__ import annotations

import re
from functools import lru_cache

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

_NON_WORD = re.compile(r"[\W_]+")  # letters and digits of any script make words


@lru_cache(maxsize=8192)
def task_tokens(text: str) -> frozenset[str]:
    """Lowercased word tokens of a task text (any script), without stopwords."""
    return frozenset(t for t in _NON_WORD.split(text.lower()) if t and t not in STOPWORDS)


def task_similarity(a_text: str, b_text: str) -> float:
    """Token-set F1 between two task texts (0 when either has no content tokens)."""
    a, b = task_tokens(a_text), task_tokens(b_text)
    common = len(a & b)
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)

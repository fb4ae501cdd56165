"""Is a capitalised word an everyday English word rather than someone's name?

Used for one narrow case of name finding: a word at the start of a line followed only by "to",
":" or "(" ("Link to the recording", "Reminder: ...", "Convert to markdown"), which is also how
"Dana to send ..." and "Priya: ..." are written. The English lexicon of `lemminflect` (nouns,
verbs, adjectives and adverbs with their inflected forms, no proper names) tells the two apart;
given names that are also words stay names, so "Mark to send the deck" is still redacted.
"""

from __future__ import annotations

from functools import lru_cache

# Given names that are also English words: a word here is never "everyday". Erring towards a
# name costs a misleading placeholder; erring the other way sends someone's name out.
GIVEN_NAMES_THAT_ARE_WORDS = frozenset(
    """
    abbey al amber angel april archer art ash august autumn baker bay bell bill billy bliss
    blossom bob bobby bud buddy bunny candy carol carter chance charity chase cherry chip
    christian clay cliff coral crystal daisy dale dash dawn dean destiny dick don drew duke dusty
    earl easter ember faith fern flora florence forest frank frankie gale gene ginger glen grace
    grant guy hale harmony hazel heath heather holly honey hope hunter iris ivy jack jasmine jay
    jean jewel jimmy joy june junior ken king kitty lance lane lee lily mark marsh mason max may
    melody mercy miles millie misty nat noble olive opal pat patience patty pearl penny peter
    pierce piers pike poppy porter price prince prudence rain randy ray reed rex rich river robin
    rob rock rocky rose rosemary ruby rusty sage sandy scout serge sky skip sol sonny spencer
    sterling stone storm sue summer sunny tad ted terry tim tom tucker victor violet wade ward
    warren will willow win wren
    """.split()
)


@lru_cache(maxsize=4096)
def is_everyday_word(word: str) -> bool:
    """`word` is in the English lexicon and is not also a common given name."""
    low = word.casefold()
    if low in GIVEN_NAMES_THAT_ARE_WORDS:
        return False
    from lemminflect import getAllLemmas  # loads its lexicon on first use (about 0.2 s)

    return bool(getAllLemmas(low))

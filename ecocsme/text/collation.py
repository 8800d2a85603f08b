"""Sorting words as the readers of each language expect: ICU collation with the rules of the
Unicode CLDR (through PyICU). Lithuanian sorts Č after C and before D, Š after S, Ž after Z, and y
with i; Romanian ă and â after a, ș after s, ț after t; Croatian takes č ć dž đ lj nj š ž as
letters of their own; Finnish puts å ä ö after z; German sorts ä with a. Python's own `sorted`
compares code points, which puts every accented capital after Z.

    >>> collated(["Švedija", "Suomija", "Turkija", "Čekija", "Danija"], "lt")
    ['Čekija', 'Danija', 'Suomija', 'Švedija', 'Turkija']
"""

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import icu

T = TypeVar("T")


@lru_cache(maxsize=32)
def _collator(language: str) -> "icu.Collator":
    # A collator is safe to share between threads once made, as long as nobody changes its
    # attributes; none is changed here.
    locale = icu.Locale.forLanguageTag(language.replace("_", "-")) if language else icu.Locale.getRoot()
    return icu.Collator.createInstance(locale)


def collation_key(language: str | None) -> Callable[[str], bytes]:
    """A sort key for words of `language` (an ISO 639-1 code such as "lt", or a tag such as
    "de-AT"; an empty or unknown one sorts by the root rules, right for English, Dutch and
    Italian): `sorted(names, key=collation_key("lt"))`. Case and accents that are not letters of
    their own only break ties."""
    return _collator(language or "").getSortKey


def collated(items: Iterable[T], language: str | None,
             key: Callable[[T], str] | None = None) -> list[T]:
    """`items` sorted as readers of `language` expect; `key` gives the text of an item (default:
    the item itself)."""
    text_key = collation_key(language)
    if key is None:
        return sorted(items, key=text_key)  # type: ignore[arg-type]
    return sorted(items, key=lambda item: text_key(key(item)))

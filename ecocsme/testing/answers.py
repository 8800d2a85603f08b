"""Example answers for the theme finder and the stored synthesis: three ideas, each written in
six languages, as (idea, language, text). Labs' tests and the text engine's tests share them;
they live with the text engine's tests (`ecocsme.text.tests.examples`), which stand alone and
may not import this harness (the `text` contract)."""

from ecocsme.text.tests.examples import EXAMPLES as TRANSLATED

__all__ = ["TRANSLATED"]

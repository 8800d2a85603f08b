"""The language table's mail phrases as regular-expression alternatives."""

from ..languages import mail_phrases


def alternatives(*kinds: str) -> str:
    """The phrases of these kinds in every language, as "a|b|c", longest first: where one phrase
    begins another ("întrebare", "întrebarea"), the whole of it is what a match takes."""
    phrases = dict.fromkeys(phrase for kind in kinds for phrase in mail_phrases(kind))
    return "|".join(sorted(phrases, key=len, reverse=True))

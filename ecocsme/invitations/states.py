"""What a personal link can do now, and the refusal that says why an answer was not taken."""

from enum import StrEnum


class LinkState(StrEnum):
    """Whether the answer behind a personal link can still change, and if not, why not.
    A StrEnum: templates compare it with plain strings ("expired")."""

    OPEN = "open"
    INVALID = "invalid"  # malformed, forged, revoked, or the person was erased
    EXPIRED = "expired"  # the link's own validity ran out
    CLOSED = "closed"  # the consultation no longer takes answers
    DEADLINE = "deadline"  # the date to answer by has passed
    CANCELLED = "cancelled"
    OVER = "over"  # the event has taken place

    @property
    def http_status(self) -> int:
        return 404 if self is LinkState.INVALID else 410


class AnswerRefused(Exception):
    """The answer cannot be taken. `state` says why when the link no longer takes answers (the
    page explains it); otherwise the message says what to change. Nothing was saved."""

    def __init__(self, message: str = "", *, state: LinkState | None = None):
        super().__init__(message or str(state or ""))
        self.state = state

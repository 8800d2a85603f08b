"""What the platform keeps on an account, for its owner's copy and the account's deletion.

An account is its owner's: the owner downloads its data and deletes it on "My account", the
administrator through the administration site (accounts.services.account_personal_data and
account_delete). It is never part of a partner's contact's data, even at the same address: an
address alone does not prove the same person, and a partner's staff must not read or remove
another person's account (organisations.personal_data holds the contacts').

An app that keeps something on accounts registers a *holding* from its AppConfig.ready(): an
exporter that returns the records as JSON-ready dicts (each with "model" and "id"), and
`leaving`, run inside the deletion's transaction before the account goes, which settles what
the app keeps (tells whom it must, audits) with the deleting user (None for its owner or a
periodic task). Rows that point at the account are then removed or kept without it by their
foreign keys (CASCADE, SET_NULL).
"""

from collections.abc import Callable
from dataclasses import dataclass

Exporter = Callable[[object], list[dict]]
Leaving = Callable[[object, object], None]


@dataclass(frozen=True)
class AccountHolding:
    section: str
    exporter: Exporter
    leaving: Leaving


_holdings: dict[str, AccountHolding] = {}


def register(section: str, *, exporter: Exporter, leaving: Leaving | None = None) -> None:
    _holdings[section] = AccountHolding(section, exporter, leaving or (lambda user, actor: None))


def holdings() -> list[AccountHolding]:
    return list(_holdings.values())

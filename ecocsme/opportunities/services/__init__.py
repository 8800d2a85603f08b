"""Writes of the opportunities app, by concern: `opportunities` (posting and moderation, OPP-1);
`interests` (expressions of interest and their threads, OPP-3), `reach` (telling a suggested
organisation), `digests` (the digests of new opportunities, by consent), with `mail` (the reach's
mail to accounts). What other modules imported from `services` before it became a package is
re-exported here."""

from .opportunities import (
    CONTACT_FIELDS,
    FIELDS,
    MAX_POSTS_PER_DAY,
    NEAR_SAME,
    Send,
    check_not_spam,
    check_values,
    moderating_partner,
    opportunities_close_past_deadline,
    opportunity_close,
    opportunity_publish,
    opportunity_return,
    opportunity_save,
    opportunity_submit,
    opportunity_withdraw,
)

__all__ = [
    "CONTACT_FIELDS", "FIELDS", "MAX_POSTS_PER_DAY", "NEAR_SAME", "Send", "check_not_spam", "check_values",
    "moderating_partner", "opportunities_close_past_deadline", "opportunity_close", "opportunity_publish",
    "opportunity_return", "opportunity_save", "opportunity_submit", "opportunity_withdraw",
]

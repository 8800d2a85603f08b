"""Writes and rules of events, by concern: `events` (saving, publishing, cancelling),
`invitations` (inviting and sending), `answers` (yes/no/maybe, the waiting list, check-in),
`reminders`, and `mail` (what every mail to an invitee is made of)."""

"""Writes and rules of the labs, by concern: `labs` (a lab and its questions, its status),
`invitations` (inviting, sending, reminding), `answers` (through the personal link), `replies`
(e-mail replies imported and reviewed) and `themes` (the stored synthesis and staff edits)."""

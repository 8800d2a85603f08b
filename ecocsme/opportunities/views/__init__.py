"""The pages of the opportunities app: `public` (the list, an opportunity, the feed, the export,
one's own opportunities) and `manage` (posting, editing, review and moderation)."""

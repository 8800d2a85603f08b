"""The pages of the practices app: `library` (the search, a practice, its files, the feed, the
open-data export: what everyone reads) and `manage` (writing, review, assessments, files)."""

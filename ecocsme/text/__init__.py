"""The platform's text engines, apart from Django: its languages, language detection, the sentence
model, keywords, themes and the reading of e-mail replies.

Nothing here imports Django or another ecocsme app, so that any app (labs today; good practices,
opportunities and action plans next) can use them, and so that they can be tested and measured
alone. Importing this package is cheap: each module loads its heavy libraries when first used.
"""

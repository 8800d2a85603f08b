"""The full-text half of the search, one implementation per database.

- SQLite (the embedded default): an FTS5 table whose rows are the index entries' words as
  `text.search.document_terms` stems them in their language; `text.search.fts5_match` builds
  the query from the stems of the typed words under every language, quoted, and bm25 ranks.
- PostgreSQL (production): a `tsvector` column of the index entries built with the entry's
  language configuration (`ecocsme_<code>`: `unaccent`, then the language's Snowball stemmer;
  Croatian uses Serbian's), queried with every configuration's reading of each typed word and
  ranked by ts_rank_cd.

Either way a word matches in any inflected form and with or without diacritics, and the
result is a ranked list of practice ids; the sentence vectors (`catalogue.py`) add the
matches across languages.
"""

from django.db import connection

from ecocsme.text.search import PREFIX_MIN, Query, document_terms

WEIGHTS = (4.0, 1.0)  # title, body

# The PostgreSQL text-search configuration of each platform language, as the migration makes them.
PG_STEMMERS = {"en": "english", "ro": "romanian", "it": "italian", "nl": "dutch", "hr": "serbian",
               "lt": "lithuanian", "fi": "finnish", "de": "german"}


def pg_config(language: str) -> str:
    return f"ecocsme_{language if language in PG_STEMMERS else 'en'}"


def write(entries) -> None:
    """(Re)index entries (IndexEntry rows already saved)."""
    if not entries:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for entry in entries:
                config = pg_config(entry.language)
                cursor.execute(
                    "UPDATE practices_indexentry SET fulltext = "
                    "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
                    "setweight(to_tsvector(%s::regconfig, %s), 'D') WHERE id = %s",
                    [config, entry.title, config, entry.body, entry.pk])
            return
        cursor.executemany("DELETE FROM practices_fulltext WHERE rowid = %s", [[e.pk] for e in entries])
        cursor.executemany(
            "INSERT INTO practices_fulltext (rowid, title, body) VALUES (%s, %s, %s)",
            [[e.pk, document_terms(e.title, e.language), document_terms(e.body, e.language)]
             for e in entries])


def remove(entry_ids) -> None:
    """Forget entries (before their rows are deleted); PostgreSQL's column goes with the row."""
    if entry_ids and connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM practices_fulltext WHERE rowid = %s", [[pk] for pk in entry_ids])


def ranked(query: Query, *, limit: int = 1000) -> list[tuple[int, float]]:
    """(practice id, score) of the published practices whose words match the query, best first,
    one row per practice."""
    if not query:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sql, params = _postgres(query, limit)
        else:
            sql, params = _sqlite(query, limit)
        if not sql:
            return []
        cursor.execute(sql, params)
        return [(row[0], float(row[1])) for row in cursor.fetchall()]


def _sqlite(query: Query, limit: int):
    from ecocsme.text.search import fts5_match

    # bm25 is lower for better matches; the best language version of each practice counts.
    # "LIMIT -1" keeps SQLite from flattening the subquery, where bm25() cannot run.
    sql = ("SELECT e.practice_id, MAX(m.score) AS score FROM ("
           "SELECT rowid, -bm25(practices_fulltext, %s, %s) AS score FROM practices_fulltext "
           "WHERE practices_fulltext MATCH %s LIMIT -1) m JOIN practices_indexentry e ON e.id = m.rowid "
           "GROUP BY e.practice_id ORDER BY score DESC LIMIT %s")
    return sql, [*WEIGHTS, fts5_match(query), limit]


def _postgres(query: Query, limit: int):
    """Every configuration reads each typed word, and the thesaurus's translations are read in
    their own languages; the lexemes they make are joined, each once, into one query that is
    matched and ranked — all in one statement."""
    readings, params = [], []
    expansions = query.expansions or ((),) * len(query.words)
    for word, translations in zip(query.words, expansions, strict=True):
        lexeme = word + (":*" if len(word) >= PREFIX_MIN else "")
        for language in PG_STEMMERS:
            readings.append("to_tsquery(%s::regconfig, %s)::text")
            params.extend([pg_config(language), lexeme])
        for term in translations:
            readings.append("plainto_tsquery(%s::regconfig, %s)::text")
            params.extend([pg_config(term.language), " ".join(term.words)])
    # Only placeholders are joined here: every value goes as a parameter. An AND group of a
    # phrase binds tighter than the ORs between the parts, so the joined text needs no brackets.
    # A part that a prefix part already matches is left out ('festival':* goes when 'festiv':*
    # is there): fewer parts rank much faster.
    parts = ("WITH parts AS (SELECT DISTINCT part FROM unnest(ARRAY[" + ", ".join(readings)  # noqa: S608
             + "]) AS reading, unnest(string_to_array(reading, ' | ')) AS part WHERE part <> ''), "
             "prefixes AS (SELECT substr(part, 2, length(part) - 4) AS stem FROM parts "
             "WHERE part LIKE '''%%'':*') "
             "SELECT string_agg(part, ' | ') FROM parts WHERE NOT EXISTS (SELECT 1 FROM prefixes "
             "WHERE parts.part <> '''' || stem || ''':*' AND ltrim(parts.part, '''') LIKE stem || '%%')")
    sql = ("SELECT e.practice_id, MAX(ts_rank(e.fulltext, q.query)) AS score "
           "FROM practices_indexentry e, (SELECT to_tsquery('simple', COALESCE((" + parts + "), '')) "
           "AS query) q WHERE e.fulltext @@ q.query GROUP BY e.practice_id ORDER BY score DESC LIMIT %s")
    return sql, [*params, limit]

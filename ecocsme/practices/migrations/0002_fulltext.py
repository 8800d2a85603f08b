"""The full-text index beside the index entries: an FTS5 table on SQLite; on PostgreSQL a
tsvector column with a GIN index, and one text-search configuration per platform language that
removes accents (`unaccent`) before the language's Snowball stemmer."""

from django.db import migrations

STEMMERS = {"en": "english", "ro": "romanian", "it": "italian", "nl": "dutch", "hr": "serbian",
            "lt": "lithuanian", "fi": "finnish", "de": "german"}


def create(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("CREATE VIRTUAL TABLE practices_fulltext USING fts5("
                           "title, body, tokenize = 'unicode61 remove_diacritics 2')")
            return
        if connection.vendor != "postgresql":
            return
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for code, stemmer in STEMMERS.items():
            name = f"ecocsme_{code}"
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [name])
            if cursor.fetchone():
                continue
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {stemmer})")
            cursor.execute(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
                           f"word, hword, hword_part, asciiword, asciihword, hword_asciipart "
                           f"WITH unaccent, {stemmer}_stem")
        cursor.execute("ALTER TABLE practices_indexentry ADD COLUMN fulltext tsvector")
        cursor.execute("CREATE INDEX practices_indexentry_fulltext ON practices_indexentry "
                       "USING gin (fulltext)")


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS practices_fulltext")
        elif connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE practices_indexentry DROP COLUMN IF EXISTS fulltext")


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]

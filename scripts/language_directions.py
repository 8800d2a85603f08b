"""Measure each platform language's direction in the sentence vectors of the default embedder
(ecocsme.text.crosslingual) on the platform's own interface sentences, which every catalogue
holds in every language, and write them to ecocsme/text/data/. Run after changing the model:

    .venv/bin/python scripts/language_directions.py
"""

import random
import sys
from pathlib import Path

import numpy as np
import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ecocsme.text.crosslingual import directions_path, measure  # noqa: E402
from ecocsme.text.embeddings import default_embedder  # noqa: E402
from ecocsme.text.languages import LANGUAGES  # noqa: E402

MIN_CHARS = 40  # sentences, not button labels
SAMPLE = 250


def parallel_sentences() -> dict[str, list[str]]:
    others = [language.code for language in LANGUAGES if language.code != "en"]
    catalogues = {code: {entry.msgid: entry.msgstr for entry in
                         polib.pofile(ROOT / "locale" / code / "LC_MESSAGES" / "django.po")
                         if entry.msgstr and not entry.msgid_plural and not entry.fuzzy}
                  for code in others}
    common = sorted(msgid for msgid in catalogues[others[0]]
                    if len(msgid) >= MIN_CHARS and "%" not in msgid and "{" not in msgid
                    and all(msgid in catalogues[code] for code in others))
    chosen = random.Random(1).sample(common, min(SAMPLE, len(common)))  # noqa: S311 - a fixed sample, no secret
    return {"en": chosen, **{code: [catalogues[code][msgid] for msgid in chosen] for code in others}}


def main() -> int:
    embedder = default_embedder()
    texts = parallel_sentences()
    print(f"{len(texts['en'])} sentences in {len(texts)} languages, model {embedder.name}")
    vectors = {code: embedder.embed(sentences, kind="passage") for code, sentences in texts.items()}
    found = measure(vectors)
    path = directions_path(embedder.name)
    np.savez(path, **found)
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

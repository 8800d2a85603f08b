"""Set the .po headers and fill the English catalogue from the source text.

Run after `make messages`: English is the source language, so its translations are the
message ids themselves; the other catalogues keep what translators wrote.
"""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"

for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
    language = po_path.parent.parent.name
    po = polib.pofile(str(po_path), wrapwidth=100)
    po.header = "Translations of the ECoC-SME Platform."
    po.metadata.update({
        "Project-Id-Version": "ecocsme",
        "Language": language,
        "Language-Team": language,
        "Last-Translator": "ECoC-SME Platform developers",
    })
    po.metadata_is_fuzzy = False
    if language == "en":
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save(str(po_path))
    print(f"{language}: {po.percent_translated()}% translated, {len(po.untranslated_entries())} left")

"""Every message of the interface is translated in all eight catalogues, and they are current."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.PROJECT_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    po = catalogue(language)
    assert len(po) > 100
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:10]}"
    nplurals = int(re.search(r"nplurals=(\d)", po.metadata["Plural-Forms"]).group(1))
    for entry in po:
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(nplurals)]
            assert all(forms), f"{language}: plural forms missing for {entry.msgid!r}"
            texts = forms
        else:
            texts = [entry.msgstr]
        # A plural form may say the count or not ("Missing: …" / "Missing (3): …"); every other
        # placeholder of the message is in every form, and no form brings one of its own.
        allowed = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        needed = allowed - {"%(counter)s"} if entry.msgid_plural else allowed
        for text in texts:
            found = set(PLACEHOLDER.findall(text))
            assert needed <= found <= allowed, (language, entry.msgid, text)


def test_romanian_uses_comma_below_letters():
    po = catalogue("ro")
    cedilla = [e.msgstr for e in po if re.search("[şţŞŢ]", e.msgstr)]
    assert not cedilla


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext is not installed")
def test_catalogues_hold_every_message_of_the_code(tmp_path):
    """Extract the messages afresh; any msgid missing from the catalogues fails the test."""
    work = tmp_path / "src"
    shutil.copytree(ROOT / "ecocsme", work / "ecocsme",
                    ignore=shutil.ignore_patterns("__pycache__", "tests"))
    (work / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-location",
         "--settings=ecocsme.settings.test"],
        cwd=work, check=True, capture_output=True,
        env={"PYTHONPATH": str(work), "PATH": "/usr/bin:/bin"},
    )
    fresh = {e.msgid for e in polib.pofile(str(work / "locale/en/LC_MESSAGES/django.po"))}
    for language in LANGUAGES:
        known = {e.msgid for e in catalogue(language)}
        missing = sorted(fresh - known)
        assert not missing, f"{language}: run `make messages` and translate {missing[:10]}"

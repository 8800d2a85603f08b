"""Machine translation drafts behind one interface, so a better engine can replace the one here.

The platform never shows a machine translation as if a person wrote it: a draft fills an editing
form and staff correct and save it (docs/DECISIONS.md, "Machine translation"). `Translator` is
what the platform needs; `ApertiumTranslator` runs the rule-based Apertium engine from the
distribution, which gives rough drafts for the pairs whose data is installed (Croatian ⇄ English
through Serbo-Croatian in Debian 12).
"""

import re
import shutil
import subprocess
from functools import cached_property
from typing import Protocol

# Apertium's names for the platform's languages, most specific first.
APERTIUM_CODES = {
    "en": ("eng", "en"), "ro": ("ron", "ro"), "it": ("ita", "it"), "de": ("deu", "de"),
    "nl": ("nld", "nl"), "hr": ("hbs_HR", "hrv", "hbs", "hr"), "lt": ("lit", "lt"),
    "fi": ("fin", "fi"),
}


class TranslationFailed(Exception):
    """The engine could not translate; the form stays as the person left it."""


class Translator(Protocol):
    name: str

    def can_translate(self, source: str, target: str) -> bool: ...

    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...


class ApertiumTranslator:
    """Apertium through its command line: `apertium -u -f txt <mode>`."""

    name = "Apertium"

    def __init__(self, command: str = "apertium", timeout: float = 60):
        self.command, self.timeout = command, timeout

    @cached_property
    def modes(self) -> dict[tuple[str, str], str]:
        """(source, target) in platform codes → the Apertium mode that translates it."""
        if shutil.which(self.command) is None:
            return {}
        try:
            listed = subprocess.run([self.command, "-l"], capture_output=True, text=True,
                                    timeout=self.timeout, check=False).stdout.split()
        except (OSError, subprocess.SubprocessError):
            return {}  # no engine that answers: no drafts offered
        modes: dict[tuple[str, str], str] = {}
        for source in APERTIUM_CODES:
            for target in APERTIUM_CODES:
                if source == target:
                    continue
                for mode in _modes_for(listed, source, target):
                    modes.setdefault((source, target), mode)
        return modes

    def can_translate(self, source: str, target: str) -> bool:
        return (source, target) in self.modes

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        mode = self.modes.get((source, target))
        if mode is None:
            raise TranslationFailed(f"no Apertium mode for {source}→{target}")
        return [self._one(text, mode) if text.strip() else text for text in texts]

    def _one(self, text: str, mode: str) -> str:
        try:
            # A final newline: without it Apertium drops a last line that ends without punctuation.
            done = subprocess.run([self.command, "-u", "-f", "txt", mode], input=text + "\n",
                                  capture_output=True, text=True, timeout=self.timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise TranslationFailed("Apertium took too long") from exc
        except OSError as exc:
            raise TranslationFailed(f"Apertium could not be run: {exc}") from exc
        if done.returncode != 0:
            raise TranslationFailed(done.stderr.strip()[:300] or "Apertium failed")
        return re.sub(r"[ \t]+\n", "\n", done.stdout).strip()


def _modes_for(listed: list[str], source: str, target: str):
    """Listed modes from `source` to `target`, the most specific names first."""
    for target_name in APERTIUM_CODES[target]:
        for source_name in APERTIUM_CODES[source]:
            mode = f"{source_name}-{target_name}"
            if mode in listed:
                yield mode

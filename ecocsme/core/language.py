"""Kept for callers not yet moved: language detection lives in ecocsme.text.detect."""
from ecocsme.text.detect import detect_language  # noqa: F401

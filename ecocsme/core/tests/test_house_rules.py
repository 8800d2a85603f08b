"""The house rules a linter can check (docs/import-contracts.md): the import contracts in
pyproject.toml hold, and views query nothing themselves (scripts/lint_views.py)."""

import importlib.util
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _lint_views():
    spec = importlib.util.spec_from_file_location("lint_views", ROOT / "scripts" / "lint_views.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lint_views", module)
    spec.loader.exec_module(module)
    return module


lint_views = _lint_views()


def _lint_imports() -> str:
    beside_python = Path(sys.executable).parent / "lint-imports"
    found = str(beside_python) if beside_python.exists() else shutil.which("lint-imports")
    if found is None:
        pytest.fail("lint-imports is missing: pip install -r requirements-dev.txt")
    return found


def test_import_contracts_hold():
    result = subprocess.run([_lint_imports(), "--no-cache", "--no-logo"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"lint-imports:\n{result.stdout}\n{result.stderr}"
    assert "broken" in result.stdout and "0 broken" in result.stdout


def test_views_query_nothing_outside_the_allowlist():
    offences, stale = lint_views.check()
    assert not offences, "\n".join(map(str, offences))
    assert not stale, f"Delete from ALLOWED in scripts/lint_views.py: {stale}"


def test_the_allowlist_is_only_for_the_views_being_moved():
    moving = ("ecocsme/labs/", "ecocsme/events/")
    assert all(path.startswith(moving) for path in lint_views.ALLOWED), (
        "Move the query into selectors.py or access.py instead of allowing it")


def offences(source: str) -> list[str]:
    return [o.signature for o in lint_views.check_source(textwrap.dedent(source))]


def test_the_lint_finds_managers_querysets_and_shortcuts():
    assert offences("""
        from django.db.models import Q
        from django.shortcuts import get_object_or_404

        def lab_detail(request, pk):
            lab = Lab.objects.select_related("partner").filter(pk=pk).first()
            questions = list(lab.questions.order_by("position"))
            count = lab.invitations.count()
            answered = lab.responses.exists()
            one = lab.themes.get(pk=3)
            lab.themes.filter(pk=3).update(name="x")
            names = lab.themes.values("name")
            manager = Theme.objects
            return get_object_or_404(Lab, pk=pk)
    """) == [
        "<module>: from django.db.models import Q",
        "lab_detail: Lab.objects.select_related().filter().first()",
        "lab_detail: lab.questions.order_by()",
        "lab_detail: lab.invitations.count()",
        "lab_detail: lab.responses.exists()",
        "lab_detail: lab.themes.get()",
        "lab_detail: lab.themes.filter().update()",
        "lab_detail: lab.themes.values()",
        "lab_detail: Theme.objects",
        "lab_detail: get_object_or_404()",
    ]


def test_the_lint_leaves_request_data_dicts_lists_and_paths_alone():
    assert offences("""
        from pathlib import Path

        LABELS = {"a": 1}

        def contact_list(request, pk, filters: dict):
            q = request.GET.get("q", "").strip()
            page = request.POST.get("page")
            request.session.delete()
            names = [n for n in filters.values()]
            counts = {}
            counts.update({"a": 1})
            counts.update(b=2)
            chosen = form.cleaned_data.get("partner")
            total = names.count("x")
            label = LABELS.get(q, q)
            kept = (Path("/tmp") / "file").exists()
            folder = Path("/tmp")
            there = folder.exists()
            consents = consents_of(names)
            state = consents.get(pk, {}).get("newsletters")
            return render(request, "page.html", {"page": page, "q": q})
    """) == []


def test_the_lint_reports_a_chain_once_and_looks_into_its_arguments():
    assert offences("""
        def event_list(request):
            return list(selectors.events(Project.objects.filter(code="x").first()).order_by("id"))
    """) == ["event_list: selectors.events().order_by()", "event_list: Project.objects.filter().first()"]

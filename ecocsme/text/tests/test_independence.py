"""ecocsme.text stands apart: none of its modules imports Django or another ecocsme app, neither
in what it says (its import statements) nor in what importing it loads."""

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import ecocsme.text

PACKAGE = Path(ecocsme.text.__file__).parent
FORBIDDEN = ("django", "ecocsme.")  # ecocsme.text itself excepted


def modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages([str(PACKAGE)], "ecocsme.text."))


def sources() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "corpus" not in path.parts)


def forbidden(name: str) -> bool:
    return (name == "django" or name.startswith("django.")
            or (name.startswith("ecocsme.") and not name.startswith("ecocsme.text")))


def imported_names(path: Path) -> set[str]:
    """What a module's import statements name, relative imports resolved."""
    package = ".".join(path.relative_to(PACKAGE.parent.parent).with_suffix("").parts[:-1])
    if path.name == "__init__.py":
        package = ".".join(path.relative_to(PACKAGE.parent.parent).parent.parts)
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module) if part)
            names.add(module)
    return names


def test_every_module_is_looked_at():
    assert {"ecocsme.text.languages", "ecocsme.text.mail.reply", "ecocsme.text.tests.test_independence"} <= set(
        modules())
    named = {".".join(path.relative_to(PACKAGE.parent.parent).with_suffix("").parts).removesuffix(".__init__")
             for path in sources()}
    assert named == {*modules(), "ecocsme.text"}


def test_no_import_statement_names_django_or_another_app():
    for path in sources():
        assert not {name for name in imported_names(path) if forbidden(name)}, path


def test_importing_every_module_loads_neither_django_nor_another_app():
    code = ("import importlib, json, sys\n"
            f"for name in {modules()!r}: importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=PACKAGE.parent.parent, env={"PATH": "", "PYTHONPATH": str(PACKAGE.parent.parent)})
    loaded = json.loads(result.stdout)
    assert "ecocsme.text.mail.reply" in loaded
    assert [name for name in loaded if forbidden(name)] == []

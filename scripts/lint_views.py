#!/usr/bin/env python3
"""No ORM in views (the rule Zulip lints): a view parses the request, calls an access fetcher,
a selector or a service, and renders. Who may see a thing and how it is queried live in the
app's `access.py` and `selectors.py`, where they are written once and tested against the rules.

Reads the view modules (`ecocsme/*/views.py`, `ecocsme/*/views/*.py`, `ecocsme/*/*_views.py`)
and the API's endpoints (`ecocsme/*/api.py`, `ecocsme/api/*.py`)
with `ast` and fails on:

- `.objects` (a model's manager), anywhere in the module;
- a queryset method called on something that is not plainly a dict, a list, a path, the request's
  data (`request.GET`, `request.POST`, `request.session`…) or a form's `cleaned_data`:
  `filter`, `exclude`, `select_related`, `order_by`, `first`, `all`, … always; the names that
  builtins share are read by their arguments: `get(...)` with keyword arguments or none
  (`dict.get` takes a key), `update(...)` with keyword arguments only, `count()` and `exists()`
  with none (`list.count(x)`, `Path.exists()`), `values(...)` with field names;
- `get_object_or_404` / `get_list_or_404`, and query expressions imported from `django.db.models`.

    .venv/bin/python scripts/lint_views.py                   # lint; exit 1 on an offence
    .venv/bin/python scripts/lint_views.py --print-allowlist # the offences as an ALLOWED dict

A chain is reported once, by the function it is in and its shape without arguments
(`lab_detail: Lab.objects.select_related().filter().first()`), so that the allowlist below does
not depend on line numbers.
"""

from __future__ import annotations

import ast
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "ecocsme"

# Offences tolerated while a move is under way, to be emptied and never grown. Per file,
# "function: call chain" -> how many times (regenerate with --print-allowlist). It held the
# queries of the labs and events views until they moved into their selectors.py and access.py;
# empty since. An entry the code no longer needs is reported (--strict, and the pytest, fail on it).
ALLOWED: dict[str, dict[str, int]] = {
}

# Methods that only a queryset or a manager has (none of Python's builtins do).
QUERYSET_ONLY = frozenset({
    "filter", "exclude", "select_related", "prefetch_related", "annotate", "aggregate",
    "values_list", "order_by", "get_or_create", "update_or_create", "bulk_create", "bulk_update",
    "first", "last", "all", "create", "delete", "only", "defer", "distinct", "in_bulk", "raw",
    "extra", "earliest", "latest", "select_for_update",
})
# Methods a queryset shares with dicts, lists, strings or paths: judged by their arguments.
SHARED = frozenset({"get", "update", "count", "exists", "values"})
SHORTCUTS = frozenset({"get_object_or_404", "get_list_or_404"})

# request.<these> are the request's own data, not the database.
REQUEST_DATA = frozenset({"GET", "POST", "FILES", "COOKIES", "META", "headers", "session",
                          "htmx", "resolver_match", "data"})
# <anything>.<these> are a form's or a response's plain data.
PLAIN_ATTRIBUTES = frozenset({"cleaned_data", "initial", "errors", "fields", "environ", "kwargs"})
PLAIN_CALLS = frozenset({"dict", "list", "set", "frozenset", "tuple", "str", "sorted", "Path",
                         "defaultdict", "Counter", "OrderedDict", "reversed", "enumerate", "zip"})
PLAIN_ANNOTATIONS = frozenset({"dict", "list", "set", "frozenset", "tuple", "str", "bytes",
                               "Path", "Mapping", "MutableMapping", "Sequence"})


@dataclass(frozen=True)
class Offence:
    path: str
    line: int
    function: str
    chain: str
    why: str

    @property
    def signature(self) -> str:
        return f"{self.function}: {self.chain}"

    def __str__(self) -> str:
        return (f"{self.path}:{self.line}: {self.why} in view {self.function}(): {self.chain} "
                "— move it into the app's selectors.py (reads) or access.py (permission-checked fetch)")


def view_modules(root: Path = ROOT) -> list[Path]:
    package = root / PACKAGE
    found = {*package.glob("*/views.py"), *package.glob("*/views/*.py"), *package.glob("*/*_views.py"),
             *package.glob("*/api.py"), *package.glob("api/*.py")}
    return sorted(path for path in found if "__pycache__" not in path.parts)


def _is_plain_expression(node: ast.expr, plain_names: set[str]) -> bool:
    """True when `node` is plainly no queryset: a literal, a dict, the request's data, a path…"""
    if isinstance(node, ast.Constant | ast.JoinedStr | ast.Dict | ast.List | ast.Set | ast.Tuple
                  | ast.DictComp | ast.ListComp | ast.SetComp | ast.GeneratorExp):
        return True
    if isinstance(node, ast.BinOp):  # "a" + b, path / "name"
        return _is_plain_expression(node.left, plain_names) or isinstance(node.op, ast.Div | ast.Mod)
    if isinstance(node, ast.Name):
        return node.id in plain_names
    if isinstance(node, ast.Attribute):
        if node.attr in PLAIN_ATTRIBUTES:
            return True
        if isinstance(node.value, ast.Name) and node.value.id == "request" and node.attr in REQUEST_DATA:
            return True
        return _is_plain_expression(node.value, plain_names) and node.attr not in ("objects",)
    if isinstance(node, ast.Subscript):
        return _is_plain_expression(node.value, plain_names)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in PLAIN_CALLS:
            return True
        if isinstance(func, ast.Attribute):
            # a method of plain data gives plain data: request.GET.get("q", "").strip()
            return _is_plain_expression(func.value, plain_names) and func.attr not in QUERYSET_ONLY
    return False


def _is_orm_method_call(node: ast.Call, plain_names: set[str]) -> bool:
    func = node.func
    if not isinstance(func, ast.Attribute):
        return False
    name = func.attr
    if name not in QUERYSET_ONLY and name not in SHARED:
        return False
    if _is_plain_expression(func.value, plain_names):
        return False
    has_args, has_keywords = bool(node.args), bool(node.keywords)
    if name == "get":
        return has_keywords or not has_args
    if name == "update":
        return has_keywords and not has_args
    if name in ("count", "exists"):
        return not has_args and not has_keywords
    if name == "values":
        return has_args or has_keywords
    return True


def _has_manager(node: ast.expr) -> bool:
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def _shape(node: ast.expr) -> str:
    """The call chain without its arguments: Lab.objects.filter().first()."""
    if isinstance(node, ast.Call):
        return f"{_shape(node.func)}()"
    if isinstance(node, ast.Attribute):
        return f"{_shape(node.value)}.{node.attr}"
    if isinstance(node, ast.Subscript):
        return f"{_shape(node.value)}[]"
    if isinstance(node, ast.Name):
        return node.id
    return ast.unparse(node) if len(ast.unparse(node)) < 40 else f"({type(node).__name__})"


def _plain_names(body: list[ast.stmt], arguments: ast.arguments | None) -> set[str]:
    """Names bound only to plain values in this function (or module) body."""
    plain: set[str] = set()
    other: set[str] = set()
    if arguments is not None:
        for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
            annotation = arg.annotation
            base = annotation.value if isinstance(annotation, ast.Subscript) else annotation
            if isinstance(base, ast.Name) and base.id in PLAIN_ANNOTATIONS:
                plain.add(arg.arg)
            else:
                other.add(arg.arg)
        if arguments.kwarg:
            plain.add(arguments.kwarg.arg)

    def scan(statements: list[ast.stmt]) -> None:
        for statement in statements:
            for node in ast.walk(statement):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
                    continue
                targets, value = [], None
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif isinstance(node, ast.AnnAssign) and node.value is not None:
                    targets, value = [node.target], node.value
                elif isinstance(node, ast.For | ast.comprehension | ast.With | ast.AugAssign | ast.NamedExpr):
                    loop_targets = ([node.target] if not isinstance(node, ast.With)
                                    else [item.optional_vars for item in node.items if item.optional_vars])
                    for target in loop_targets:
                        other.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
                    continue
                for target in targets:
                    if isinstance(target, ast.Name):
                        (plain if _is_plain_expression(value, plain - other) else other).add(target.id)
                    else:
                        other.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))

    scan(body)
    return plain - other


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: str):
        self.path = path
        self.offences: list[Offence] = []
        self.scopes: list[tuple[str, set[str]]] = []

    @property
    def function(self) -> str:
        return ".".join(name for name, _plain in self.scopes) or "<module>"

    @property
    def plain_names(self) -> set[str]:
        return set().union(*(plain for _name, plain in self.scopes)) if self.scopes else set()

    def report(self, node: ast.AST, chain: str, why: str) -> None:
        self.offences.append(Offence(self.path, node.lineno, self.function, chain, why))

    def visit_Module(self, node: ast.Module) -> None:
        self.module_plain = _plain_names(node.body, None)
        self.scopes = []
        self.generic_visit(node)

    def _visit_scope(self, node, arguments) -> None:
        self.scopes.append((node.name, _plain_names(node.body, arguments) | self.module_plain))
        decorators = getattr(node, "decorator_list", [])
        for child in ast.iter_child_nodes(node):
            if child not in decorators:  # routing (`@router.get("/events")`), not a query
                self.visit(child)
        self.scopes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_scope(node, node.args)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._visit_scope(node, None)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and (node.module == "django.db.models" or node.module.startswith("django.db.models.")):
            names = ", ".join(alias.name for alias in node.names)
            self.report(node, f"from {node.module} import {names}", "query expressions")
        elif node.module == "django.db" and any(alias.name == "models" for alias in node.names):
            self.report(node, "from django.db import models", "query expressions")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.startswith("django.db.models"):
                self.report(node, f"import {alias.name}", "query expressions")

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in SHORTCUTS:
            self.report(node, f"{name}()", "an ORM shortcut")
            return self._visit_arguments(node)
        plain = self.plain_names or self.module_plain
        if _is_orm_method_call(node, plain) or _has_manager(node):
            self.report(node, _shape(node), "a query")
            return self._visit_chain_arguments(node)
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr == "objects":
            self.report(node, _shape(node), "a model manager")
            return
        self.generic_visit(node)

    def _visit_arguments(self, call: ast.Call) -> None:
        for argument in [*call.args, *(keyword.value for keyword in call.keywords)]:
            self.visit(argument)

    def _visit_chain_arguments(self, node: ast.expr) -> None:
        """Visit the arguments of every call of a reported chain, not the chain itself again."""
        while isinstance(node, ast.Call | ast.Attribute | ast.Subscript):
            if isinstance(node, ast.Call):
                self._visit_arguments(node)
                node = node.func
            elif isinstance(node, ast.Subscript):
                self.visit(node.slice)
                node = node.value
            else:
                node = node.value
        self.visit(node)


def check_source(source: str, path: str = "<views>") -> list[Offence]:
    visitor = _Visitor(path)
    visitor.visit(ast.parse(source, filename=path))
    return visitor.offences


def check(root: Path = ROOT, allowed: dict[str, dict[str, int]] | None = None
          ) -> tuple[list[Offence], list[str]]:
    """(offences beyond the allowlist, allowlist entries the code no longer needs)."""
    allowed = ALLOWED if allowed is None else allowed
    offences, stale = [], []
    seen_files = set()
    for path in view_modules(root):
        relative = path.relative_to(root).as_posix()
        seen_files.add(relative)
        found = check_source(path.read_text(encoding="utf-8"), relative)
        budget = Counter(allowed.get(relative, {}))
        for offence in found:
            if budget[offence.signature] > 0:
                budget[offence.signature] -= 1
            else:
                offences.append(offence)
        stale += [f"{relative}: {signature!r} ({left} fewer now)"
                  for signature, left in budget.items() if left > 0]
    stale += [f"{relative}: the file is gone" for relative in allowed if relative not in seen_files]
    return offences, stale


def allowlist_text(root: Path = ROOT) -> str:
    """Today's offences as the ALLOWED dict (to paste above), one line per signature."""
    lines = ["ALLOWED: dict[str, dict[str, int]] = {"]
    for path in view_modules(root):
        relative = path.relative_to(root).as_posix()
        counts = Counter(o.signature for o in check_source(path.read_text(encoding="utf-8"), relative))
        if counts:
            lines.append(f"    {json.dumps(relative)}: {{")
            for signature, n in sorted(counts.items()):
                lines.append(f"        {json.dumps(signature, ensure_ascii=False)}: {n},")
            lines.append("    },")
    lines.append("}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if "--print-allowlist" in argv:
        print(allowlist_text())
        return 0
    offences, stale = check()
    for offence in offences:
        print(offence)
    for entry in stale:
        print(f"lint_views: allowlist entry no longer needed, delete it: {entry}", file=sys.stderr)
    if offences:
        print(f"\n{len(offences)} ORM call(s) in views. Views parse, call access/selectors/services, "
              "render.", file=sys.stderr)
        return 1
    if stale and "--strict" in argv:
        return 1
    print(f"Views: no ORM outside the allowlist ({len(view_modules())} modules).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

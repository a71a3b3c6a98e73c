"""The layering rules of STYLE.md, checked: matching is pure, services know nothing of Flask."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_matching_imports_neither_flask_nor_sqlalchemy_nor_the_app():
    probe = (
        "import sys, matching\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'flask', 'sqlalchemy', 'catalogue', 'werkzeug'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == ""


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_services_do_not_import_flask():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "catalogue" / "services").rglob("*.py")
        if "flask" in _imported_modules(path)
    ]
    assert offenders == []


def test_only_the_catalogue_package_imports_flask():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "matching").rglob("*.py")
        if {"flask", "sqlalchemy", "catalogue"} & _imported_modules(path)
    ]
    assert offenders == []

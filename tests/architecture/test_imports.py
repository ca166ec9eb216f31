"""The shape of the code, enforced: import contracts and where `.objects` may appear."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "commonplace"
ALLOWED = {"services.py", "selectors.py"}


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603 - our own tool from our own venv
        [str(lint_imports), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _objects_uses(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "objects"
        and isinstance(node.value, ast.Name)
        and node.value.id[:1].isupper()
    ]


def test_model_managers_are_used_only_in_services_selectors_and_migrations():
    offenders = []
    for path in SRC.rglob("*.py"):
        if (
            "migrations" in path.parts
            or path.name in ALLOWED
            or path.parent.name in {"services", "selectors"}
        ):
            continue
        if path.name.startswith(("services_", "selectors_")):
            continue
        offenders += [f"{path.relative_to(ROOT)}:{line}" for line in _objects_uses(path)]
    assert offenders == []


def test_every_app_has_a_doors_contract():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {c["name"] for c in config["tool"]["importlinter"]["contracts"]}
    apps = {p.parent.name for p in SRC.glob("*/apps.py")} - {"core", "demo"}
    assert {f"Doors only: {app}" for app in apps} <= names

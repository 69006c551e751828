"""The layout rule `make lint` cannot see: the ground floor imports no app above it, and no two
modules of ours import each other (scripts/import_graph.py)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "import_graph.py"


def load_script():
    spec = importlib.util.spec_from_file_location("import_graph", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_core_imports_no_app_and_no_modules_import_each_other():
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert "core           -> (none)" in result.stdout
    assert "no import circles; no hidden imports" in result.stdout


def test_the_check_finds_a_circle_and_what_hides_it():
    graph = load_script()
    modules = {"shop.models": {"shop.tasks"}, "shop.tasks": {"shop.models"}, "shop.views": set()}

    circles = [set(group) for group in graph.find_cycles(modules)]

    assert {"shop.models", "shop.tasks"} in circles
    assert not any("shop.views" in group for group in circles)
    assert graph.reaches(modules, "shop.tasks", "shop.models")
    assert not graph.reaches(modules, "shop.views", "shop.models")

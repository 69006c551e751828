"""Print which of our apps imports which, and fail if the ground floor imports anything above it.

    .venv/bin/python scripts/import_graph.py

Reads the source (every import, at the top of a module or inside a function), so it needs no
settings and no database. Exits 1 when `core` imports one of our apps other than `images`, when
two of our modules import each other in a circle, or when an import inside a function hides
one.
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Folders that are code of ours but not apps with a place in the graph.
NOT_APPS = {"tests", "scripts", "static", "templates", "media", "node_modules"}
# The ground floor may use these (the custom image model is a setting of Wagtail's).
GROUND_FLOOR = "core"
GROUND_FLOOR_MAY_IMPORT = {"images"}


def our_apps():
    return sorted(
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in NOT_APPS and not path.parent.name.startswith(".")
    )


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path, apps):
    """[(imported module, line, inside a function)] of our modules imported by `path`."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else None
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(([package] if package else []) + ([base] if base else []))
                names = [base] + [f"{base}.{alias.name}" for alias in child.names]
            else:
                visit(child, nested)
                continue
            for name in names:
                if name.split(".")[0] in apps:
                    found.append((name, child.lineno, in_function))

    visit(tree, False)
    return found


def resolve(name, modules):
    """The longest prefix of `name` that is one of our modules."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def find_cycles(graph):
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []
    counter = [0]

    def connect(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10000)
    for node in list(graph):
        if node not in index:
            connect(node)
    return groups


def reaches(graph, start, goal):
    """Whether loading `start` loads `goal`."""
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return False


def main():
    apps = set(our_apps())
    files = {
        module_name(path): path
        for app in apps
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }
    app_edges = defaultdict(set)
    # An import inside a function still makes one module depend on the other.
    module_graph = defaultdict(set)
    deferred = set()
    upward_from = defaultdict(set)
    for module, path in sorted(files.items()):
        module_graph[module]
        source_app = module.split(".")[0]
        for name, line, in_function in imports_of(path, apps):
            target = resolve(name, files)
            if target is None or target == module:
                continue
            module_graph[module].add(target)
            if in_function:
                deferred.add((module, target, f"{path.relative_to(ROOT)}:{line}"))
            target_app = target.split(".")[0]
            if target_app != source_app:
                app_edges[source_app].add(target_app)
                if source_app == GROUND_FLOOR and target_app not in GROUND_FLOOR_MAY_IMPORT:
                    upward_from[target_app].add(str(path.relative_to(ROOT)))

    print("Imports between our apps (app -> apps it imports):")
    for app in sorted(apps):
        print(f"  {app:<14} -> {', '.join(sorted(app_edges[app])) or '(none)'}")

    problems = []
    for app, sources in sorted(upward_from.items()):
        problems.append(f"{GROUND_FLOOR} imports {app}, in {', '.join(sorted(sources))}")
    for group in find_cycles(module_graph):
        problems.append("import circle: " + " <-> ".join(group))
    for module, target, where in sorted(deferred, key=lambda item: item[2]):
        if reaches(module_graph, target, module):
            problems.append(f"{where}: {module} imports {target} inside a function, in a circle")
    if problems:
        print("\nProblems:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"\n{GROUND_FLOOR} imports no app above it; no import circles; no hidden imports.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

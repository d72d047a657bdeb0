"""No import cycles inside `spa_pos`.

The graph is read from the source (AST), not from what happens to be imported at run time:
every `import spa_pos...` and `from spa_pos... import ...` is an edge, whether at module
level, under `if TYPE_CHECKING:` or inside a function. A lazy import inside a function
hides a cycle from the interpreter but not from the design: the two modules still need
each other, so it counts.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import spa_pos

Graph = dict[str, set[str]]


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Dotted name of every module of the package under `root` (the package's folder)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def import_graph(root: Path, package: str) -> Graph:
    """Which of the package's modules each of its modules imports, anywhere in its body."""
    modules = module_names(root, package)
    graph: Graph = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*parent, *([base] if base else [])])
                # `from pkg import mod` imports the module pkg.mod; `from mod import name`, mod
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.add(sub if sub in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """One cycle (a path that returns to its start) per strongly connected component of
    more than one module, found with Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_cycle_in(graph, component) for component in components]


def _cycle_in(graph: Graph, component: set[str]) -> list[str]:
    """A shortest path from the component's first module back to itself."""
    start = min(component)
    paths: dict[str, list[str]] = {start: [start]}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for v in frontier:
            for w in sorted(graph[v] & component):
                if w == start:
                    return [*paths[v], start]
                if w not in paths:
                    paths[w] = [*paths[v], w]
                    following.append(w)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # a component always has one


def _described(found: list[list[str]]) -> Iterator[str]:
    for cycle in found:
        yield " -> ".join(cycle)


def test_spa_pos_has_no_import_cycles() -> None:
    root = Path(spa_pos.__file__).parent
    found = cycles(import_graph(root, "spa_pos"))
    assert not found, "import cycles:\n" + "\n".join(_described(found))


def test_the_check_finds_a_cycle_made_by_a_lazy_import(tmp_path: Path) -> None:
    root = tmp_path / "shop"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "a.py").write_text("from shop.sub import b\n")
    (root / "sub" / "b.py").write_text("from . import c\n")
    (root / "sub" / "c.py").write_text("def f() -> None:\n    from shop import a\n")
    (root / "d.py").write_text("import shop.a\nfrom shop.sub.b import thing\n")
    graph = import_graph(root, "shop")
    assert graph["shop.d"] == {"shop.a", "shop.sub.b"}
    assert cycles(graph) == [["shop.a", "shop.sub.b", "shop.sub.c", "shop.a"]]

"""The lineage graph as SVG, laid out here (no layout library, no network): two layers,
source columns on the left grouped by table, target columns on the right grouped by
table, both in spec order, one curve per (source column, target column) edge.

Deterministic: positions are integers from the order alone.  Every node is a `<g
class="node">` with `data-column` (the browser tests find one per target column) and a
`<title>` naming what feeds it; the SVG has a title and a description, and the page
lists the same edges as a table (the text alternative).
"""

from __future__ import annotations

from html import escape

from compiler.ops.docs.model import SiteModel

ROW = 18  # one column
HEAD = 24  # one table heading
NODE_W = 250
GAP = 320  # between the layers
PAD = 8


def _layer(groups: list[tuple[str, list[str]]], x: int) -> tuple[list[str], dict[str, int], int]:
    """SVG of one layer and the y of each column's node; its height."""
    out, ys, y = [], {}, PAD
    for table, cols in groups:
        out.append(f'<text class="table-label" x="{x}" y="{y + 16}">{escape(table)}</text>')
        y += HEAD
        for c in cols:
            ys[f"{table}.{c}"] = y + ROW // 2
            y += ROW
        y += PAD
    return out, ys, y


def _node(side: str, column: str, x: int, y: int, label: str, title: str, linked: bool) -> str:
    cls = f"node {side}" + ("" if linked else " unlinked")
    return (
        f'<g class="{cls}" data-column="{escape(column)}"><title>{escape(title)}</title>'
        f'<rect x="{x}" y="{y - ROW // 2 + 1}" width="{NODE_W}" height="{ROW - 2}" rx="3"></rect>'
        f'<text x="{x + 6}" y="{y + 4}">{escape(label)}</text></g>'
    )


def barycentric(sources: list[tuple[str, list[str]]], feeds: dict[str, list[str]], ry: dict[str, int]) -> list[tuple[str, list[str]]]:
    """Source tables in the order of the mean height of the target columns they feed (fewer
    crossings); a table feeding nothing goes last; ties keep spec order."""

    def weight(group: tuple[int, tuple[str, list[str]]]) -> tuple[float, int]:
        i, (table, cols) = group
        ys = [ry[t] for c in cols for t in feeds.get(f"{table}.{c}", []) if t in ry]
        return (sum(ys) / len(ys) if ys else float("inf"), i)

    return [g for _, g in sorted(enumerate(sources), key=weight)]


def lineage_svg(model: SiteModel) -> str:
    feeds: dict[str, list[str]] = {}
    fed: dict[str, list[str]] = {}
    for s, t in model.edges:
        feeds.setdefault(s, []).append(t)
        fed.setdefault(t, []).append(s)
    targets = [(t.name, [c.name for c in t.columns]) for t in model.tables]
    left_x, right_x = PAD, PAD + NODE_W + GAP
    right, ry, rh = _layer(targets, right_x)
    left, ly, lh = _layer(barycentric(model.sources, feeds, ry), left_x)
    width, height = right_x + NODE_W + PAD, max(lh, rh)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lineage" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="lineage-title lineage-desc">',
        '<title id="lineage-title">Lineage: source columns to target columns</title>',
        f'<desc id="lineage-desc">{len(model.edges)} edges from {len(feeds)} source columns to {len(fed)} target columns; '
        "the table below the graph lists every edge.</desc>",
        '<g class="edges">',
    ]
    x1, x2 = left_x + NODE_W, right_x
    mid = (x1 + x2) // 2
    for s, t in model.edges:
        if s in ly and t in ry:
            y1, y2 = ly[s], ry[t]
            parts.append(
                f'<path class="edge" data-source="{escape(s)}" data-target="{escape(t)}" d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"></path>'
            )
    parts.append("</g>")
    parts += left + right
    for table, cols in model.sources:
        for c in cols:
            col = f"{table}.{c}"
            to = feeds.get(col, [])
            title = f"{col} feeds {', '.join(to)}" if to else f"{col}: feeds no target column"
            parts.append(_node("source", col, left_x, ly[col], c, title, bool(to)))
    for table, cols in targets:
        for c in cols:
            col = f"{table}.{c}"
            frm = fed.get(col, [])
            title = f"{col} from {', '.join(frm)}" if frm else f"{col}: from no source column"
            parts.append(_node("target", col, right_x, ry[col], c, title, bool(frm)))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"

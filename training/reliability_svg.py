"""Reliability diagrams per signal head as small hand-written SVG files (no plotting library).

    .venv/bin/python training/reliability_svg.py [--out docs/images]

Reads the pooled out-of-fold reliability tables that training/build_models.py stores in
each bundle's signals.json (5-fold CV for both bundles: every
point is a prediction for a comment its model did not see; no test split is used) and
draws, per head, the predicted probability (x) against the observed rate (y) for both
bundles, with the diagonal of perfect calibration. Point area follows the bin's size.
The output is deterministic (same metadata, same bytes).
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "src/comity/triage/models"
BUNDLES = (("default", "#1f6feb"), ("research", "#d9480f"))
SIZE, PAD = 240, 34  # plot square and margin, px


def _xy(p: float, q: float) -> tuple[float, float]:
    return PAD + p * SIZE, PAD + (1.0 - q) * SIZE


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def diagram(head: str, tables: dict[str, dict[str, Any]]) -> str:
    """One SVG: both bundles' bins for ``head``."""
    width, height = SIZE + 2 * PAD, SIZE + 2 * PAD + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10">',
        f"<title>Reliability of {_escape(head)} (pooled out-of-fold)</title>",
        f'<rect x="{PAD}" y="{PAD}" width="{SIZE}" height="{SIZE}" fill="#fff" stroke="#999"/>',
    ]
    for tick in range(0, 11, 2):
        v = tick / 10
        x, y = _xy(v, v)
        parts.append(f'<line x1="{x:.1f}" y1="{PAD}" x2="{x:.1f}" y2="{PAD + SIZE}" '
                     'stroke="#eee"/>')  # fmt: skip
        parts.append(f'<line x1="{PAD}" y1="{y:.1f}" x2="{PAD + SIZE}" y2="{y:.1f}" '
                     'stroke="#eee"/>')  # fmt: skip
        parts.append(f'<text x="{x:.1f}" y="{PAD + SIZE + 12}" text-anchor="middle">{v:.1f}</text>')
        parts.append(f'<text x="{PAD - 4}" y="{y + 3:.1f}" text-anchor="end">{v:.1f}</text>')
    x0, y0 = _xy(0, 0)
    x1, y1 = _xy(1, 1)
    parts.append(f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="#888" '
                 'stroke-dasharray="4 3"/>')  # fmt: skip
    parts.append(f'<text x="{PAD + SIZE / 2}" y="{PAD - 20}" text-anchor="middle" '
                 f'font-size="12" font-weight="bold">{_escape(head)}</text>')  # fmt: skip
    parts.append(f'<text x="{PAD + SIZE / 2}" y="{PAD + SIZE + 25}" text-anchor="middle">'
                 "predicted probability</text>")  # fmt: skip
    parts.append(f'<text x="10" y="{PAD + SIZE / 2}" text-anchor="middle" '
                 f'transform="rotate(-90 10 {PAD + SIZE / 2})">observed rate</text>')  # fmt: skip
    legend_y = PAD + SIZE + 40
    for i, (bundle, colour) in enumerate(BUNDLES):
        table = tables.get(bundle)
        if not table:
            continue
        bins = table["bins"]
        total = sum(b[2] for b in bins) or 1
        points = [_xy(b[3], b[4]) for b in bins]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                     'stroke-width="1.5" opacity="0.8"/>')  # fmt: skip
        for (x, y), b in zip(points, bins, strict=True):
            radius = 2.0 + 6.0 * math.sqrt(b[2] / total)
            tip = f"{bundle}: p {b[0]:.1f}-{b[1]:.1f}, n={b[2]}, mean {b[3]:.3f}, "
            tip += f"observed {b[4]:.3f}"
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
                         f'fill-opacity="0.55"><title>{tip}</title></circle>')  # fmt: skip
        lx = PAD + i * (SIZE / 2)
        parts.append(f'<circle cx="{lx + 5}" cy="{legend_y - 3}" r="4" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 12}" y="{legend_y}">{bundle} ECE {table["ece"]:.3f}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs/images")
    args = parser.parse_args()
    reliability: dict[str, dict[str, Any]] = {}
    for bundle, _ in BUNDLES:
        meta_path = MODELS / bundle / "signals.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            reliability[bundle] = meta.get("reliability", {})
    heads = sorted({h for tables in reliability.values() for h in tables})
    args.out.mkdir(parents=True, exist_ok=True)
    for head in heads:
        tables = {b: reliability[b][head] for b in reliability if head in reliability[b]}
        path = args.out / f"reliability-{head}.svg"
        path.write_text(diagram(head, tables), encoding="utf-8")
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()

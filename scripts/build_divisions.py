#!/usr/bin/env python3
"""Build assets/divisions.tsv from the national statistical division codes.

Usage: scripts/build_divisions.py [DATA_DIR] [OUT]
  DATA_DIR  folder holding provinces.csv, cities.csv, areas.csv, streets.csv
            (default: ../shared/data/admin-divisions relative to the repo root)
  OUT       output file (default: assets/divisions.tsv in the repo root)

Output: one row per real division, `code<TAB>name<TAB>parent<TAB>level`, level being
p (province), f (prefecture), c (county), t (township); the parent of a province is empty.
Codes are the statistical codes as published (2, 4, 6 or 9 digits).

Pseudo levels are left out and their children re-hung on the nearest real ancestor:
  - `市辖区`, `县`, `省直辖县级行政区划`, `自治区直辖县级行政区划` rows of cities.csv are
    placeholders of the code (municipalities' districts, province-governed county-level units);
  - a county row named like its own prefecture (东莞市 441900 under 东莞市 4419) stands for a
    prefecture without counties, whose towns then belong to the prefecture itself.
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def rows(folder: Path, name: str):
    with open(folder / name, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def build(folder: Path):
    out = []  # (code, name, parent, level)
    for r in rows(folder, "provinces.csv"):
        out.append((r["code"], r["name"], "", "p"))

    # Where a placeholder or pseudo code stood, the real parent to use instead.
    hang = {}
    prefecture_names = {}
    for r in rows(folder, "cities.csv"):
        if r["name"] in PLACEHOLDERS:
            hang[r["code"]] = r["provinceCode"]
        else:
            prefecture_names[r["code"]] = r["name"]
            out.append((r["code"], r["name"], r["provinceCode"], "f"))

    for r in rows(folder, "areas.csv"):
        city = r["cityCode"]
        if prefecture_names.get(city) == r["name"]:
            hang[r["code"]] = city
            continue
        out.append((r["code"], r["name"], hang.get(city, city), "c"))

    for r in rows(folder, "streets.csv"):
        area = r["areaCode"]
        out.append((r["code"], r["name"], hang.get(area, area), "t"))

    known = {code for code, *_ in out}
    for code, name, parent, _ in out:
        if parent and parent not in known:
            sys.exit(f"{code} {name}: parent {parent} is not a division")
        if "\t" in name or "\n" in name or not name:
            sys.exit(f"{code}: unusable name {name!r}")
    if len(known) != len(out):
        sys.exit("duplicate codes")
    return out


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared" / "data" / "admin-divisions"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "assets" / "divisions.tsv"
    out = build(folder)
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write("# code\tname\tparent\tlevel (p province, f prefecture, c county, t township)\n")
        f.write("# built by scripts/build_divisions.py from the 2023 statistical division codes\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    counts = {lvl: sum(1 for r in out if r[3] == lvl) for lvl in "pfct"}
    print(f"{target}: {len(out)} rows {counts}, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()

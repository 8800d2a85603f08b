"""The table every benchmark prints into: one row per figure, shown as it is measured."""

from dataclasses import dataclass


@dataclass
class Row:
    name: str
    size: str
    median: float
    unit: str


class Table:
    def __init__(self):
        self.rows: list[Row] = []

    def add(self, name: str, size: str, median: float, unit: str) -> None:
        row = Row(name, size, median, unit)
        self.rows.append(row)
        print(f"  {name} [{size}]: {self.format(median)} {unit}", flush=True)

    @staticmethod
    def format(value: float) -> str:
        if value >= 100 or float(value).is_integer():
            return f"{value:,.0f}"
        return f"{value:,.2f}"

    def render(self) -> str:
        headers = ("name", "size", "median", "unit")
        cells = [(r.name, r.size, self.format(r.median), r.unit) for r in self.rows]
        widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
        line = "  ".join("-" * w for w in widths)

        def fmt(values):
            return "  ".join(v.rjust(w) if i == 2 else v.ljust(w)
                             for i, (v, w) in enumerate(zip(values, widths, strict=True)))

        return "\n".join([fmt(headers), line, *(fmt(c) for c in cells)])

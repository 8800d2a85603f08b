import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from ecocsme.web.scale import SCALES, scale_generate


class Command(BaseCommand):
    help = "Fill the database with example data at a scale (demo, small, europe) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="europe")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale: str, seed: int, **options):
        started = time.monotonic()
        target = SCALES[scale].organisations
        with tqdm(total=target, desc="organisations", unit="org", file=self.stderr._out,
                  disable=options["verbosity"] == 0) as bar:
            counts = scale_generate(scale, seed=seed, progress=bar.update)
        elapsed = time.monotonic() - started
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items())
                          + f" ({elapsed:.1f} s)")

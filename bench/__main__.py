"""`make bench`: benchmarks of the platform on a fresh database, printed as one table.

Each figure is a median over repeated runs on the machine at hand. The database is
var/bench/db.sqlite3, made anew; BENCH_DATABASE_URL selects another (e.g. PostgreSQL).
`python -m bench text` measures the text engines alone, without Django; `python -m bench matching`
matchmaking (quality and Europe scale), also without Django; `python -m bench matching-pages` the
matches pages over 200,000 organisations; `python -m bench action-plan-export` the DOCX and PDF
of an action plan with 10 actions; `python -m bench mail` the mail under load;
`python -m bench monitoring` the monitoring dashboard over 70 partners and their events and answers;
`python -m bench replies [--failures]` the reply reader's accuracy per kind of reply;
`python -m bench labs` a lab's synthesis, report and answer browser at 1,000 and 10,000 answers.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    if sys.argv[1:] == ["text"]:
        from .text import main as text_only

        return text_only()
    if sys.argv[1:2] == ["replies"]:
        from .replies import main as replies_only

        return replies_only()
    if sys.argv[1:] == ["matching"]:
        from .matching import main as matching_only

        return matching_only()
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        db = bench_dir / "db.sqlite3"
        for leftover in bench_dir.glob("db.sqlite3*"):
            leftover.unlink()
        url = f"sqlite:///{db}"
    os.environ.update({
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "ecocsme.settings.dev",
        "ECOCSME_DEBUG": "0",
        "ECOCSME_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "ECOCSME_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ECOCSME_LOG_LEVEL": "WARNING",
    })
    import django

    django.setup()
    from .suite import run

    return run(only=sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())

"""`make run` (scripts/run.sh) gives the web server and the worker the address links in mail
point to, from PORT unless ECOCSME_BASE_URL is set; run here with stand-in commands."""

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "run.sh"


def _executable(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def run(tmp_path):
    """Run a copy of run.sh whose `ecocsme` notes each command and the base URL it sees."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / "run.sh")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "commands.log"
    real_sleep = shutil.which("sleep")
    # runserver waits until the worker, started in the background just before, has noted itself.
    _executable(bin_dir / "ecocsme", f"""#!/bin/sh
echo "$1 $ECOCSME_BASE_URL" >> "{log}"
if [ "$1" = runserver ]; then
  for i in 1 2 3 4 5 6 7 8 9 10; do grep -q '^db_worker' "{log}" && break; {real_sleep} 0.2; done
fi
""")
    _executable(bin_dir / "sleep", "#!/bin/sh\nexit 1\n")  # no hourly reminder loop left behind

    def go(**env) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if k not in {"PORT", "ECOCSME_BASE_URL"}}
        subprocess.run(["bash", str(tmp_path / "scripts" / "run.sh")], env={**base, **env},
                       check=True, capture_output=True, timeout=60)
        return dict(line.split(" ", 1) for line in log.read_text().splitlines())

    return go


def test_the_worker_and_the_server_build_links_to_the_port_served(run):
    seen = run(PORT="8080")
    assert seen["db_worker"] == seen["runserver"] == "http://127.0.0.1:8080"


def test_a_base_url_given_is_kept(run):
    seen = run(PORT="8080", ECOCSME_BASE_URL="https://platform.example.org")
    assert seen["db_worker"] == seen["runserver"] == "https://platform.example.org"

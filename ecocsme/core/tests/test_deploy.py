"""Production settings pass Django's deployment checks, and refuse to start without secrets."""

import os
import secrets
import subprocess
import sys


def run_check(**env_overrides):
    # Not the test database, nor the browser tests' permission to run Django in an event loop.
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update({"DJANGO_SETTINGS_MODULE": "ecocsme.settings.production",
                "ECOCSME_ALLOWED_HOSTS": "platform.example.org", **env_overrides})
    return subprocess.run(
        [sys.executable, "-m", "ecocsme", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, env=env, check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_check(ECOCSME_SECRET_KEY=secrets.token_urlsafe(60), ECOCSME_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_a_missing_secret_key(tmp_path):
    result = run_check(ECOCSME_SECRET_KEY="", ECOCSME_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "ECOCSME_SECRET_KEY" in result.stderr

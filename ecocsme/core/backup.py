"""Backups of the database the platform runs on: SQLite's online backup, or pg_dump."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


def backup_database(destination: Path) -> Path:
    """Write a consistent copy of the running database to `destination`."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(destination) as target:
            connection.connection.backup(target)
        return destination
    if connection.vendor == "postgresql":
        subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={destination}",
                        *pg_arguments(connection.settings_dict)],
                       check=True, env=pg_environment(connection.settings_dict))
        return destination
    raise NotImplementedError(f"no backup for {connection.vendor}")


def pg_arguments(settings: dict, name: str | None = None) -> list[str]:
    args = [f"--dbname={name or settings['NAME']}"]
    if settings.get("HOST"):
        args.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        args.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        args.append(f"--username={settings['USER']}")
    return args


def pg_environment(settings: dict) -> dict[str, str]:
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return env

"""A backup restores into a fresh database with every row (SEC-4)."""

import sqlite3
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection

from ecocsme.accounts.factories import PartnerStaffFactory
from ecocsme.core.backup import pg_arguments, pg_environment
from ecocsme.partnerships.factories import PartnerFactory
from ecocsme.reference.factories import EcocTitleFactory

TABLES = ("reference_ecoctitle", "partnerships_partner", "partnerships_period", "accounts_user")


def counts(cursor) -> dict[str, int]:
    result = {}
    for table in TABLES:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        result[table] = cursor.fetchone()[0]
    return result


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore(tmp_path):
    titles = EcocTitleFactory.create_batch(5)
    partner = PartnerFactory(ecoc_title=titles[0])
    for title in titles[1:3]:
        PartnerFactory(project=partner.project, ecoc_title=title)
    PartnerStaffFactory(partner=partner)
    with connection.cursor() as cursor:
        expected = counts(cursor)
    assert expected == {"reference_ecoctitle": 5, "partnerships_partner": 3, "partnerships_period": 6,
                        "accounts_user": 1}
    backup = tmp_path / "ecocsme.backup"
    call_command("backup", str(backup), verbosity=0)
    assert backup.stat().st_size > 0

    if connection.vendor == "sqlite":
        with sqlite3.connect(backup) as restored:
            assert counts(restored.cursor()) == expected
        return

    settings = connection.settings_dict
    restored_name = f"{settings['NAME']}_restored"
    env = pg_environment(settings)
    base = [a for a in pg_arguments(settings) if not a.startswith("--dbname")]
    subprocess.run(["dropdb", "--if-exists", *base, restored_name], check=True, env=env)
    subprocess.run(["createdb", *base, restored_name], check=True, env=env)
    try:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={restored_name}", *base[0:],
                        str(backup)], check=True, env=env)
        import psycopg

        with psycopg.connect(dbname=restored_name, host=settings["HOST"], port=settings["PORT"],
                             user=settings["USER"], password=settings["PASSWORD"]) as restored:
            assert counts(restored.cursor()) == expected
    finally:
        subprocess.run(["dropdb", "--if-exists", *base, restored_name], check=True, env=env)

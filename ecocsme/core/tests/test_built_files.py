"""Files built in the background (core.built_files): asked for once, built once by the real
worker, kept while their version holds, rebuilt when it changes, retried after a failure."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ecocsme.core.built_files import (
    CHANGED,
    INTERRUPTED,
    KEEP_FOR,
    STALE_AFTER,
    BuiltContent,
    Recipe,
    built_file_current,
    built_file_request,
    built_files_prune,
    failure_reason,
)
from ecocsme.core.models import BuiltFile
from ecocsme.testing.worker import run_worker


class Example(Recipe):
    """A recipe whose data is a module-level dict (example content): the version is its text."""

    data = {"text": "first", "fail": False, "change_while_building": False}
    seen: list = []

    def version(self, params):
        return f"v-{self.data['text']}"

    def build(self, params, progress):
        for done in range(1, 4):
            progress(done, 3)
            self.seen.append(BuiltFile.objects.get(key=_key(params), status="running").progress)
        if self.data["fail"]:
            raise RuntimeError("example failure")
        if self.data["change_while_building"]:
            self.data["text"] = "changed meanwhile"
        return BuiltContent(f"{params['who']}: {self.data['text']}".encode(), "example.txt", "text/plain")


EXAMPLE = Example()
RECIPE = "ecocsme.core.tests.test_built_files.EXAMPLE"


def _key(params):
    return f"example:{params['who']}"


def ask(actor=None, who="a"):
    params = {"who": who}
    return built_file_request(key=_key(params), version=EXAMPLE.version(params), recipe=RECIPE,
                              params=params, actor=actor)


def builds_queued() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="build_file", status="READY").count()


@pytest.fixture(autouse=True)
def example_data(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Example.data = {"text": "first", "fail": False, "change_while_building": False}
    Example.seen = []


@pytest.mark.django_db(transaction=True)
def test_a_file_is_built_once_by_the_worker_and_kept_while_its_version_holds(tmp_path):
    first = ask()
    assert (first.status, builds_queued()) == ("queued", 1)
    assert ask().pk == first.pk and builds_queued() == 1  # asked again: the same build

    run_worker()
    first.refresh_from_db()
    assert (first.status, first.progress, first.name, first.size) == ("done", 100, "example.txt", 8)
    assert first.file.read() == b"a: first"
    assert first.file.name.startswith("built/") and (tmp_path / first.file.name).exists()
    assert Example.seen == [33, 66, 99]  # the progress, as the page reads it while it builds

    again = ask()
    assert (again.pk, again.status, builds_queued()) == (first.pk, "done", 0)  # served, no build


@pytest.mark.django_db(transaction=True)
def test_a_new_version_is_built_anew_and_replaces_the_old_file(tmp_path):
    old = ask()
    run_worker()
    old.refresh_from_db()
    old_path = tmp_path / old.file.name

    Example.data["text"] = "second"
    assert built_file_current(key="example:a", version="v-second") is None  # not asked for yet
    new = ask()
    assert new.pk != old.pk and new.status == "queued"
    run_worker()
    new.refresh_from_db()
    assert new.file.read() == b"a: second"
    assert not BuiltFile.objects.filter(pk=old.pk).exists() and not old_path.exists()
    other = ask(who="b")  # another key is another file
    assert other.pk != new.pk and other.status == "queued"


@pytest.mark.django_db(transaction=True)
def test_a_failed_build_says_so_and_a_new_request_tries_again():
    Example.data["fail"] = True
    built = ask()
    run_worker()
    built.refresh_from_db()
    assert built.status == "failed" and "example failure" in built.error
    assert str(failure_reason(built)) == "The file could not be built."

    Example.data["fail"] = False
    retried = ask()
    assert (retried.pk, retried.status, retried.error, builds_queued()) == (built.pk, "queued", "", 1)
    assert ask().pk == built.pk and builds_queued() == 1  # asked once more while queued: no second build
    run_worker()
    retried.refresh_from_db()
    assert retried.status == "done" and retried.file.read() == b"a: first"


@pytest.mark.django_db(transaction=True)
def test_data_that_changes_while_the_file_is_built_fails_the_build_and_serves_nothing_stale():
    Example.data["change_while_building"] = True
    built = ask()
    run_worker()
    built.refresh_from_db()
    assert (built.status, built.error, bool(built.file)) == ("failed", CHANGED, False)
    assert "changed while it was being built" in str(failure_reason(built))
    Example.data["change_while_building"] = False
    assert ask().version == "v-changed meanwhile"


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_queue_one_build():
    barrier, results, errors = threading.Barrier(2), [], []

    def request():
        try:
            barrier.wait()
            results.append(ask().pk)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 2 and len(set(results)) == 1
    assert BuiltFile.objects.count() == 1 and builds_queued() == 1


@pytest.mark.django_db(transaction=True)
def test_a_build_that_stopped_moving_is_given_up_and_asked_for_again():
    built = ask()
    DBTaskResult.objects.all().delete()  # the worker that had it is gone
    BuiltFile.objects.filter(pk=built.pk).update(status="running",
                                                 updated_at=timezone.now() - STALE_AFTER - timedelta(minutes=1))
    assert built_file_current(key="example:a", version="v-first").error == INTERRUPTED
    again = ask()
    assert (again.pk, again.status, builds_queued()) == (built.pk, "queued", 1)
    run_worker()
    again.refresh_from_db()
    assert again.status == "done"


@pytest.mark.django_db(transaction=True)
def test_old_files_are_removed(tmp_path):
    built = ask()
    run_worker()
    built.refresh_from_db()
    path = tmp_path / built.file.name
    assert built_files_prune() == 0 and path.exists()
    BuiltFile.objects.filter(pk=built.pk).update(updated_at=timezone.now() - KEEP_FOR - timedelta(days=1))
    assert built_files_prune() == 1 and not path.exists() and not BuiltFile.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_kept_file_whose_bytes_are_gone_is_built_again(tmp_path):
    built = ask()
    run_worker()
    built.refresh_from_db()
    (tmp_path / built.file.name).unlink()
    again = ask()
    assert (again.pk, again.status, builds_queued()) == (built.pk, "queued", 1)


def test_only_the_platforms_recipes_are_run():
    with pytest.raises(ValueError):
        built_file_request(key="x", version="1", recipe="os.system", params={}, actor=None)

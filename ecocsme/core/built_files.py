"""Files built in the background (a lab report, ...): asked for once, built once by the worker
with its progress shown, and kept until what they are built from changes.

A capability describes a kind of file as a *recipe*: an object at a dotted path with
`version(params) -> str` (a fingerprint of everything the file shows, cheap to compute) and
`build(params, progress) -> BuiltContent` (the slow part; `progress(done, of)` after each
section). The caller checks the reader's permissions and puts into the key and the parameters
whatever makes two readers see different things (language, whether names show): a file is only
ever served to a request that computes the same key and version.

- `built_file_request` returns the row for (key, version): done, under way, or newly queued;
  two requests at once create one row and queue one build (a unique constraint decides);
- `built_file_execute` (the `core.tasks.build_file` task) builds it and checks, once built, that
  the data did not change meanwhile (else the row fails with `CHANGED`, and the next request
  builds the new version);
- builds that stopped moving for `STALE_AFTER` are given up; older versions of a key are removed
  once a newer one is done, and every file `KEEP_FOR` after it was made.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import BuiltFile

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=30)  # a build with no progress for this long was interrupted
KEEP_FOR = timedelta(days=30)  # a file nobody asked to replace is removed after this
INTERRUPTED = "interrupted"
CHANGED = "changed"  # what the file shows changed while it was built

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuiltContent:
    content: bytes
    name: str  # the file's name when downloaded
    content_type: str


class Recipe:
    """What a capability gives for a kind of built file (see the module's description)."""

    def version(self, params: dict) -> str:
        raise NotImplementedError

    def build(self, params: dict, progress: Progress) -> BuiltContent:
        raise NotImplementedError


def built_file_request(*, key: str, version: str, recipe: str, params: dict, actor) -> BuiltFile:
    """The file for (key, version): the done one, the build under way, or a build queued now. A
    failed build is queued again (the reader asked again); a done file whose bytes are gone too."""
    _recipe(recipe)  # an unknown recipe fails here, in the request, not later in the worker
    _give_up_stale(key)
    # Two requests at once: the unique constraint lets one create it, the other then reads it.
    built, created = BuiltFile.objects.get_or_create(
        key=key, version=version, defaults={"recipe": recipe, "params": params, "requested_by": actor})
    if created:
        _enqueue(built.pk)
    elif built.status == BuiltFile.Status.FAILED or (built.is_done and not _file_there(built)):
        if BuiltFile.objects.filter(pk=built.pk, status=built.status, updated_at=built.updated_at).update(
                status=BuiltFile.Status.QUEUED, progress=0, error="", requested_by=actor,
                updated_at=timezone.now()):
            _enqueue(built.pk)
        built.refresh_from_db()
    return built


def built_file_current(*, key: str, version: str) -> BuiltFile | None:
    """The row of (key, version) if it was asked for (the status a page polls); None if not."""
    _give_up_stale(key)
    return BuiltFile.objects.filter(key=key, version=version).first()


def built_file_execute(built_id: int) -> None:
    """Build the file (in the worker): claim the queued row, build with progress, store the bytes,
    remove what it replaces. Any failure is kept on the row for the page to show."""
    claimed = BuiltFile.objects.filter(pk=built_id, status=BuiltFile.Status.QUEUED).update(
        status=BuiltFile.Status.RUNNING, progress=0, started_at=timezone.now(), updated_at=timezone.now())
    if not claimed:
        return  # built already, or given up
    built = BuiltFile.objects.get(pk=built_id)
    try:
        recipe = _recipe(built.recipe)
        result = recipe.build(built.params, _progress_of(built))
        if recipe.version(built.params) != built.version:
            _fail(built, CHANGED)
            return
        built.file.save(result.name, ContentFile(result.content), save=False)
        BuiltFile.objects.filter(pk=built.pk).update(
            status=BuiltFile.Status.DONE, progress=100, file=built.file.name, name=result.name,
            content_type=result.content_type, size=len(result.content), finished_at=timezone.now(),
            updated_at=timezone.now())
    except Exception as exc:
        logger.exception("building file %s (%s) failed", built.pk, built.key)
        _fail(built, f"{type(exc).__name__}: {exc}"[:2000])
        return
    built_files_prune(key=built.key, keep=built.pk)


def built_files_prune(*, key: str | None = None, keep: int | None = None) -> int:
    """Remove the files of `key` other than `keep` that no build is working on, and every file
    made more than KEEP_FOR ago; give up stale builds. The number of rows removed."""
    _give_up_stale(key)
    idle = [BuiltFile.Status.DONE, BuiltFile.Status.FAILED]
    old = BuiltFile.objects.filter(status__in=idle, updated_at__lt=timezone.now() - KEEP_FOR)
    if key is not None:
        old = old | BuiltFile.objects.filter(key=key, status__in=idle).exclude(pk=keep)
    removed = 0
    for built in old:
        if built.file:
            built.file.delete(save=False)
        removed += BuiltFile.objects.filter(pk=built.pk, status__in=idle).delete()[0]
    return removed


def failure_reason(built: BuiltFile) -> str:
    """Why a build failed, in words a reader can act on (the details stay in the log)."""
    if built.error == CHANGED:
        return _("What the file shows changed while it was being built.")
    if built.error == INTERRUPTED:
        return _("The build was interrupted (the background worker stopped or is very busy).")
    return _("The file could not be built.")


def _recipe(path: str) -> Recipe:
    if not path.startswith("ecocsme."):
        raise ValueError(f"not a recipe of the platform: {path}")
    recipe = import_string(path)
    if not isinstance(recipe, Recipe):
        raise ValueError(f"not a recipe: {path}")
    return recipe


def _progress_of(built: BuiltFile) -> Progress:
    def progress(done: int, of: int) -> None:
        percent = min(99, 100 * done // of) if of else 0
        BuiltFile.objects.filter(pk=built.pk).update(progress=percent, updated_at=timezone.now())

    return progress


def _fail(built: BuiltFile, error: str) -> None:
    now = timezone.now()
    BuiltFile.objects.filter(pk=built.pk).update(status=BuiltFile.Status.FAILED, error=error,
                                                 finished_at=now, updated_at=now)


def _give_up_stale(key: str | None) -> None:
    stale = BuiltFile.objects.filter(status__in=[BuiltFile.Status.QUEUED, BuiltFile.Status.RUNNING],
                                     updated_at__lt=timezone.now() - STALE_AFTER)
    if key is not None:
        stale = stale.filter(key=key)
    stale.update(status=BuiltFile.Status.FAILED, error=INTERRUPTED, finished_at=timezone.now())


def _file_there(built: BuiltFile) -> bool:
    return bool(built.file) and built.file.storage.exists(built.file.name)


def _enqueue(built_id: int) -> None:
    from .tasks import build_file

    transaction.on_commit(lambda: build_file.enqueue(built_id))

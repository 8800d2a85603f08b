"""`ecocsme match-file`: the matching engine on records in files, without the database."""

import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ecocsme.text.embeddings import default_embedder
from ecocsme.text.matching import (
    Opportunity,
    OrganisationIndex,
    Profile,
    RecordError,
    explain,
    opportunity_vectors,
    profile_vectors,
)

BATCH = 64


class Command(BaseCommand):
    help = ("Rank the organisations that fit each opportunity. Input: JSON Lines of organisations "
            "(id, name, kind, size, nace, city, country, languages, description, capabilities; "
            "'findable': false leaves one out) and of opportunities (id, title, kind, ecoc_city, "
            "phase, country, language, description, sectors, deadline, budget_eur, cross_border).")

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=Path, required=True, help="organisations.jsonl")
        parser.add_argument("--opportunities", type=Path, required=True, help="opportunities.jsonl")
        parser.add_argument("--top", type=int, default=10, help="organisations per opportunity")
        parser.add_argument("--json", action="store_true",
                            help='Print {"<opportunity id>": ["<organisation id>", ...]}, best first.')

    def handle(self, *args, organisations: Path, opportunities: Path, top: int, json: bool, **options):
        if not 1 <= top <= 1000:
            raise CommandError("--top must be between 1 and 1000")
        started = time.monotonic()
        profiles = [p for p in _records(organisations, Profile.from_record, "organisation") if p]
        posts = _records(opportunities, Opportunity.from_record, "opportunity")
        quiet = json or options["verbosity"] == 0
        embedder = default_embedder()
        profile_matrix = _embed(profiles, profile_vectors, embedder, "organisations", quiet, self.stderr._out)
        post_matrix = _embed(posts, opportunity_vectors, embedder, "opportunities", quiet, self.stderr._out)
        index = OrganisationIndex.build(profiles, profile_matrix)
        ranked = index.batch(posts, post_matrix, k=top)
        if json:
            result = {post.id: [match.id for match in ranked[post.id]] for post in posts}
            self.stdout.write(_dumps(result))
            return
        by_id = {profile.id: (profile, row) for row, profile in enumerate(profiles)}
        for row, post in enumerate(posts):
            self.stdout.write(f"{post.id}  {post.title}")
            for match in ranked[post.id]:
                profile, profile_row = by_id[match.id]
                similarity = float(post_matrix[row] @ profile_matrix[profile_row])
                reasons = _reasons(explain(post, profile, similarity))
                self.stdout.write(f"  {match.score:6.3f}  {profile.id}  {profile.name}  ({reasons})")
        self.stderr.write(f"{len(posts)} opportunities, {len(profiles)} organisations, "
                          f"{time.monotonic() - started:.1f} s")


def _records(path: Path, parse, what: str) -> list:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"Cannot read {path}: {error}") from error
    records, seen = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as error:
            raise CommandError(f"{path}, line {number}: not JSON ({error})") from error
        if not isinstance(item, dict):
            raise CommandError(f"{path}, line {number}: each line must be one {what} (a JSON object)")
        try:
            record = parse(item)
        except RecordError as error:
            raise CommandError(f"{path}, line {number}: {error}") from error
        if record.id in seen:
            raise CommandError(f"{path}, line {number}: {what} {record.id} appears twice")
        seen.add(record.id)
        if item.get("findable", True) in (False, "false", "no", 0):
            continue  # did not ask to be found: never in a result
        records.append(record)
    return records


def _embed(records, vectors_of, embedder, what, quiet, stream):
    import numpy as np

    parts = []
    with tqdm(total=len(records), desc=f"Reading {what}", unit=what[:3], disable=quiet,
              file=stream) as bar:
        for start in range(0, len(records), BATCH):
            parts.append(vectors_of(records[start:start + BATCH], embedder))
            bar.update(len(parts[-1]))
    return np.vstack(parts) if parts else np.zeros((0, embedder.dimension), dtype=np.float32)


def _reasons(explanation) -> str:
    said = []
    if explanation.shared_divisions:
        said.append("NACE " + ", ".join(explanation.shared_divisions))
    elif explanation.shared_sections:
        said.append("NACE section " + ", ".join(explanation.shared_sections))
    if explanation.closeness:
        said.append(f"{explanation.closeness} description")
    if explanation.speaks_language:
        said.append("speaks the language")
    said.append(explanation.place.replace("_", " "))
    if explanation.partner_only:
        said.append("as a partner")
    return "; ".join(said)


def _dumps(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=1)

import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ecocsme.text.clustering import find_themes
from ecocsme.text.detect import detect_language
from ecocsme.text.embeddings import default_embedder

BATCH = 64


class Command(BaseCommand):
    help = ("Group answers into themes across languages. Input: JSON Lines with at least "
            "'id' and 'text' (optional 'question', 'lang', 'respondent_type', 'city').")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="answers.jsonl ('-' for standard input)")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
        parser.add_argument("--per-question", action="store_true",
                            help="Themes for each question separately.")
        parser.add_argument("--themes", type=int, default=None,
                            help="Number of themes (default: chosen from the data).")

    def handle(self, *args, file: Path, json: bool, per_question: bool, themes, **options):
        import json as json_module

        started = time.monotonic()
        answers = _read(file)
        texts = [a["text"] for a in answers]
        languages = [a.get("lang") or detect_language(a["text"], default="?") for a in answers]
        vectors = _embed(texts, quiet=json or options["verbosity"] == 0, stream=self.stderr._out)
        groups = {"": list(range(len(answers)))}
        if per_question:
            groups = {}
            for index, answer in enumerate(answers):
                groups.setdefault(str(answer.get("question", "")), []).append(index)
        result: dict = {"languages": dict(Counter(languages).most_common())}
        sections = []
        for question, members in sorted(groups.items()):
            found = find_themes([str(answers[i]["id"]) for i in members], [texts[i] for i in members],
                                vectors[members], [languages[i] for i in members], themes=themes,
                                questions=[str(answers[i].get("question", "")) for i in members])
            sections.append((question, [t.as_json() for t in found]))
        if per_question:
            result["questions"] = [{"question": q, "themes": t} for q, t in sections]
        else:
            result["themes"] = sections[0][1]
        result["seconds"] = round(time.monotonic() - started, 2)
        if json:
            self.stdout.write(json_module.dumps(result, ensure_ascii=False, indent=1))
            return
        for question, found in sections:
            if question:
                self.stdout.write(f"Question {question}")
            for theme in found:
                self.stdout.write(f"  {len(theme['answer_ids']):>5}  {theme['label']}")


def _read(file: Path) -> list[dict]:
    import json as json_module

    handle = sys.stdin if str(file) == "-" else None
    try:
        lines = (handle or file.open(encoding="utf-8-sig")).read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read {file}: {exc}") from exc
    answers, seen = [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json_module.loads(line)
        except ValueError as exc:
            raise CommandError(f"line {number}: not JSON ({exc})") from exc
        if not isinstance(item, dict) or "id" not in item or not isinstance(item.get("text"), str):
            raise CommandError(f"line {number}: each line needs an 'id' and a 'text'")
        if str(item["id"]) in seen:
            raise CommandError(f"line {number}: the id {item['id']!r} appears twice")
        seen.add(str(item["id"]))
        answers.append(item)
    if not answers:
        raise CommandError("The file holds no answers.")
    return answers


def _embed(texts: list[str], *, quiet: bool, stream):
    import numpy as np

    embedder = default_embedder()
    parts = []
    with tqdm(total=len(texts), desc="embedding", unit="answer", disable=quiet, file=stream) as bar:
        for start in range(0, len(texts), BATCH):
            parts.append(embedder.embed(texts[start:start + BATCH]))
            bar.update(min(BATCH, len(texts) - start))
    return np.concatenate(parts) if parts else np.zeros((0, embedder.dimension), dtype=np.float32)

import mailbox
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ecocsme.labs.services.replies import ANSWER_LINK_RE
from ecocsme.text.mail import parse_reply


class Command(BaseCommand):
    help = ("Find the answers to numbered questions in e-mail replies (.eml files or .mbox "
            "mailboxes). Prints one result per message.")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--questions", type=Path, required=True,
                            help='JSON file {"1": "question text", ...}')
        parser.add_argument("--json", action="store_true", help="Print JSON (a list).")

    def handle(self, *args, files: list[Path], questions: Path, json: bool, **options):
        import json as json_module

        try:
            asked = json_module.loads(questions.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the questions from {questions}: {exc}") from exc
        if not isinstance(asked, dict) or not asked or not all(
                isinstance(v, str) for v in asked.values()):
            raise CommandError('The questions file must be a JSON object {"1": "question text", ...}.')
        asked = {str(k).strip(): v for k, v in asked.items()}
        results = []
        for path in files:
            for name, raw in _messages(path):
                if raw is None:
                    results.append({"file": name, "is_answer": False, "sender": "", "answers": {},
                                    "flags": ["unreadable"]})
                    continue
                results.append(parse_reply(raw, asked, link_pattern=ANSWER_LINK_RE).as_json(name))
        if json:
            self.stdout.write(json_module.dumps(results, ensure_ascii=False, indent=1))
            return
        for result in results:
            state = "answer" if result["is_answer"] else "not an answer"
            flags = f" [{', '.join(result['flags'])}]" if result["flags"] else ""
            count = len(result["answers"])
            self.stdout.write(f"{result['file']}: {state} from {result['sender'] or '?'}, "
                              f"{count} answer{'' if count == 1 else 's'}{flags}")


def _messages(path: Path):
    """(name, bytes) for each message in an .eml or .mbox file; bytes None if unreadable."""
    try:
        if path.suffix.lower() == ".mbox" or _looks_like_mbox(path):
            box = mailbox.mbox(str(path), create=False)
            for index, key in enumerate(box.iterkeys(), start=1):
                yield f"{path}#{index}", box.get_bytes(key)
            return
        yield str(path), path.read_bytes()
    except (OSError, mailbox.Error) as exc:
        sys.stderr.write(f"{path}: {exc}\n")
        yield str(path), None


def _looks_like_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False

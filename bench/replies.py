"""How well the reply reader attributes answers to questions, per category of reply (forwarded,
bottom-posted, labels in the respondent's language, references in words, split over two replies,
mails that answer nothing), on the development corpus and on a held-out corpus the reader was not
developed on (ecocsme/text/tests/reply_scores.py says how answers are scored).

`python -m bench replies` runs it alone; `make bench` runs it with the text engines.
"""

from pathlib import Path

from .table import Table

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"development": ROOT / "ecocsme" / "text" / "tests" / "corpus" / "replies",
           "held-out": ROOT / "ecocsme" / "text" / "tests" / "corpus" / "replies_heldout"}
ORDER = ("all", "classic", "forwarded", "bottom_posted", "local_labels", "ordinal_prose", "split",
         "non_answer")


def run(table: Table, *, show_failures: bool = False) -> None:
    from ecocsme.text.tests.reply_scores import score_folder

    for corpus, folder in CORPORA.items():
        if not any(folder.glob("*.expected.json")):
            continue
        scores = score_folder(folder)
        for category in sorted(scores, key=lambda c: ORDER.index(c) if c in ORDER else len(ORDER)):
            score = scores[category]
            size = f"{corpus}: {score.mails} mails, {score.right + score.wrong} answers"
            if category == "non_answer" or score.right + score.wrong == 0:
                table.add(f"replies that answer nothing counted, {category}", size,
                          score.non_answers_counted, f"of {score.non_answers}")
                continue
            table.add(f"answers attributed to the right question, {category}", size,
                      100 * score.accuracy, "%")
            if category == "all":
                table.add("replies that answer nothing counted, all", size,
                          score.non_answers_counted, f"of {score.non_answers}")
        if show_failures:
            for failure in scores["all"].failures:
                print(f"    {corpus}: {failure}")


def main() -> int:
    import sys

    table = Table()
    print("Reply reader, accuracy per category…", flush=True)
    run(table, show_failures="--failures" in sys.argv)
    print()
    print(table.render())
    return 0

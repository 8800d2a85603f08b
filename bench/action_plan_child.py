"""Render one action plan document (a JSON file: {"document", "links"}) as DOCX or PDF in a
fresh process and print, as JSON, the resident memory of the idle process (Django and the
renderers imported), the highest resident memory seen while it renders (sampled every 2 ms) and
the process's peak. Used by bench/action_plans.py so that memory is measured alone."""

import json
import os
import resource
import sys
import threading


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecocsme.settings.dev")
    import django

    django.setup()
    import docx  # noqa: F401 - the renderers loaded before measuring the idle process
    import weasyprint  # noqa: F401

    from ecocsme.actionplans.documents import plan_docx, plan_pdf

    with open(sys.argv[1], encoding="utf-8") as source:
        data = json.load(source)
    render = plan_pdf if sys.argv[2] == "pdf" else plan_docx
    idle = resident_mb()
    highest, done = [idle], threading.Event()

    def sample():
        while not done.wait(0.002):
            highest[0] = max(highest[0], resident_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    size = len(render(data["document"], links=data["links"]))
    done.set()
    sampler.join()
    highest[0] = max(highest[0], resident_mb())
    print(json.dumps({"idle_mb": idle, "rendering_mb": highest[0],
                      "process_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "bytes": size}))


if __name__ == "__main__":
    main()

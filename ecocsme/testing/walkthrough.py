"""Walk-throughs in the browser, one per role (ecocsme/web/tests/walkthroughs/): a `Tour` does
what the person does, by clicking and typing, counts those steps per task, and saves a
screenshot per step as "<role>-<NN>-<step>.png" in the folder named by the environment variable
ECOCSME_WALKTHROUGH_SHOTS (else the test's tmp_path), to be looked at. `tour.report()` prints the
steps per task (shown with `pytest -s`).

    tour = Tour(page, "manager", folder)
    tour.task("Create a lab")
    tour.click(page.get_by_role("link", name="New lab"))
    tour.fill(page.get_by_label("Theme (en)"), "Example lab")
    tour.shot("lab-form")
"""

import os
import re
from pathlib import Path

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def shots_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ECOCSME_WALKTHROUGH_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Tour:
    """One person's walk through the site: their steps per task and a screenshot per step."""

    def __init__(self, page, role: str, folder: Path):
        self.page, self.role, self.folder = page, role, folder
        self.steps: dict[str, int] = {}
        self.task_name = ""
        self.shots = 0

    def task(self, name: str) -> None:
        self.task_name = name
        self.steps.setdefault(name, 0)

    def _count(self) -> None:
        self.steps[self.task_name] = self.steps.get(self.task_name, 0) + 1

    def open(self, url: str) -> None:
        """The first page typed in, or a link followed from a mail: one step."""
        self._count()
        self.page.goto(url)

    def click(self, locator) -> None:
        self._count()
        locator.click()

    def fill(self, locator, text: str) -> None:
        self._count()
        locator.fill(text)

    def check(self, locator) -> None:
        self._count()
        locator.check()

    def select(self, locator, value=None, *, label: str | None = None) -> None:
        self._count()
        locator.select_option(value, label=label) if label is not None else locator.select_option(value)

    def log_in(self, username: str, password: str | None = None) -> None:
        """From the login page (the first page opened), as a demo account unless a password is
        given; staff land on the dashboard."""
        from ecocsme.accounts.demo import demo_password

        self.open(self.page.base + "/en/accounts/login/")
        self.fill(self.page.get_by_label("Username"), username)
        self.fill(self.page.get_by_label("Password"), password or demo_password())
        self.click(self.page.get_by_role("button", name="Log in"))
        self.page.wait_for_load_state()

    def save_link(self, locator, path: Path) -> Path:
        """A link to a file the browser shows itself (a PDF opened inline): one step, the file
        fetched with the person's session."""
        self._count()
        response = self.page.request.get(self.page.base + locator.get_attribute("href"))
        assert response.ok, response.status
        path.write_bytes(response.body())
        return path

    def on_phone(self) -> None:
        self.page.set_viewport_size(PHONE)

    def on_laptop(self) -> None:
        self.page.set_viewport_size(LAPTOP)

    def shot(self, step: str) -> Path:
        """A full-page screenshot named after the role, its order and the step."""
        self.shots += 1
        name = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.folder / f"{self.role}-{self.shots:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def table(self) -> str:
        width = max([len(name) for name in self.steps] + [4])
        lines = [f"{self.role}: steps (clicks and fills) per task", f"  {'Task':<{width}}  Steps"]
        lines += [f"  {name:<{width}}  {count:>5}" for name, count in self.steps.items()]
        lines.append(f"  {'Total':<{width}}  {sum(self.steps.values()):>5}")
        return "\n".join(lines)

    def report(self) -> None:
        print("\n" + self.table() + f"\n  screenshots: {self.folder}/{self.role}-*.png")

"""Rating scales, defined as JSON files in ``resources/scales/``."""

from __future__ import annotations

import json
from functools import cache

from workbench.model import Rating, RatingScale
from workbench.resources import resource_path

DEFAULT_SCALE = "standard"


def available_scales() -> list[str]:
    """Names of the scales shipped with the program."""
    return sorted(p.stem for p in resource_path("scales").glob("*.json"))


@cache
def load_scale(name: str = DEFAULT_SCALE) -> RatingScale:
    """Load a shipped scale by name; raise ``ValueError`` for an unknown name."""
    path = resource_path("scales", f"{name}.json")
    if not path.is_file():
        known = ", ".join(available_scales())
        raise ValueError(f"There is no rating scale called “{name}” (known scales: {known}).")
    data = json.loads(path.read_text(encoding="utf-8"))
    ratings = tuple(
        Rating(r["label"], r["value"], r.get("description", "")) for r in data["ratings"]
    )
    return RatingScale(name=data["name"], title=data["title"], ratings=ratings)

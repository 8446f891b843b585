"""``make events``: write a sample event for every function event in template.yaml that has
none in events/ yet (``--force``: rewrite every one). See local/events.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [
    str(Path(__file__).resolve().parents[1]),
    str(Path(__file__).resolve().parents[1] / "layers" / "common"),
]

from local.events import REPO_ROOT, write_events  # noqa: E402


def main(argv: list[str]) -> int:
    written = write_events(force="--force" in argv)
    for path in written:
        print(f"wrote {path.relative_to(REPO_ROOT)}")
    print(f"{len(written)} event(s) written" if written else "every function event has a sample")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

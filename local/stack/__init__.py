"""The Docker-free local stack: moto, the Contabo simulator, the API and the schedules.

``from local.stack import start_local_stack`` starts it in-process; ``python -m local.stack``
(``make dev``) runs it in the foreground. The import is lazy so that reading the template
(``local.stack.template``) stays cheap for tests and tools.
"""

from typing import Any

__all__ = ["RunningStack", "start_local_stack"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from local.stack import runner

        return getattr(runner, name)
    raise AttributeError(name)

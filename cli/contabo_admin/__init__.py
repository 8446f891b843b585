"""``python -m cli.contabo_admin`` (``make admin ARGS="..."``): the operator's command line.

Runs a job now, shows a service, searches the audit log, tests the Contabo connection and
rotates the WHMCS signing keys, against a deployed stack (``--stack``) or ``make dev``'s
(``--local``).
"""

import sys
from pathlib import Path

# The shared package ships as a Lambda layer, not an installed distribution: reach it the way
# the functions do (the request signing comes from it).
_LAYER = Path(__file__).resolve().parents[2] / "layers" / "common"
if str(_LAYER) not in sys.path:
    sys.path.append(str(_LAYER))

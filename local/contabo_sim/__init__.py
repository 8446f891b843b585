"""A spec-true, stateful Contabo API simulator for local development and tests."""

from .config import SimulatorConfig
from .server import RunningSimulator, start_simulator

__all__ = ["RunningSimulator", "SimulatorConfig", "start_simulator"]

"""Operator tools, run from a clone of this repository (see README, Operations)."""

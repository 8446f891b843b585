"""Compute use cases grouped by area (the flat compute_*.py modules move here as they change):
automatic snapshots (automatic_snapshots)."""

"""Contabo API adapter: the client (client.py), its port (port.py), its errors (errors.py).

Heavy imports (httpx, the generated models) live here only; domain/ and services/ depend on
``port.ContaboPort`` and receive ``get_contabo_client()`` from the handler's wiring.
"""

"""Contabo API adapter: the client (client.py), its errors (errors.py), and the lifecycle's
gateway on that client (gateway.py).

Heavy imports (httpx, the generated models) live here only; domain/ and services/ depend on
``services.contabo_gateway.ContaboGateway`` and get the client through ``gateway_for``.
"""

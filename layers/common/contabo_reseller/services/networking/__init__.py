"""Networking use cases: a service's addresses and reverse DNS (addresses), moving and
assigning extra IPv4 addresses (extra_ips)."""

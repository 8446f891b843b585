"""Object storage use cases: the WHMCS product's routes and lifecycle actions (management),
the purchase worker (provisioning), each customer as a tenant of a region's pool with their
own user, keys, bucket and bucket policy (tenancy), the pool's growth and overview (pool),
the row the client area reads (views), and the port onto Contabo (port)."""

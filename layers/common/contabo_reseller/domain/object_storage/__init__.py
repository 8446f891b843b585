"""Object storage rules by part: the product a customer orders and resizes (product), one
customer as a tenant of a region's pool (tenancy), the pool itself (pool)."""

"""What WHMCS bills by: billing actions recorded while a service is busy and applied by a job
(actions), the reseller's costs, margins and the WHMCS pricing export (pricing), and the usage
figures (the daily sync: usage_sync, its Contabo port: usage_port, one service's days: usage)."""

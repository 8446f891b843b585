<?php

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

$_LANG['cloudserver_heading'] = 'Server overview';
$_LANG['cloudserver_status'] = 'Status';
$_LANG['cloudserver_power_state'] = 'Power state';
$_LANG['cloudserver_state_queued'] = 'Queued';
$_LANG['cloudserver_state_purchasing'] = 'Ordering';
$_LANG['cloudserver_state_provisioning'] = 'Being set up';
$_LANG['cloudserver_state_active'] = 'Active';
$_LANG['cloudserver_state_suspended'] = 'Suspended';
$_LANG['cloudserver_state_failed'] = 'Setup failed';
$_LANG['cloudserver_state_terminated'] = 'Terminated';
$_LANG['cloudserver_state_unknown'] = 'Unknown';
$_LANG['cloudserver_hostname'] = 'Hostname';
$_LANG['cloudserver_ip_addresses'] = 'IP addresses';
$_LANG['cloudserver_username'] = 'Username';
$_LANG['cloudserver_region'] = 'Region';
$_LANG['cloudserver_product'] = 'Plan';
$_LANG['cloudserver_os'] = 'Operating system';
$_LANG['cloudserver_resources'] = 'Resources';
$_LANG['cloudserver_cpu_cores'] = 'vCPU';
$_LANG['cloudserver_ram'] = 'GB RAM';
$_LANG['cloudserver_disk'] = 'GB disk';
$_LANG['cloudserver_created'] = 'Created';
$_LANG['cloudserver_cancel_date'] = 'Cancellation date';
$_LANG['cloudserver_not_set'] = 'Not set yet';
$_LANG['cloudserver_power_actions'] = 'Power';
$_LANG['cloudserver_action_start'] = 'Start';
$_LANG['cloudserver_action_stop'] = 'Stop';
$_LANG['cloudserver_action_shutdown'] = 'Shut down';
$_LANG['cloudserver_action_restart'] = 'Restart';
$_LANG['cloudserver_action_refresh'] = 'Refresh status';
$_LANG['cloudserver_power_unavailable'] = 'Power actions are available while the server is active.';
$_LANG['cloudserver_pending_title'] = 'Your server is being set up';
$_LANG['cloudserver_pending_text'] = 'This usually takes a few minutes. We will email your access details as soon as the server is ready.';
$_LANG['cloudserver_busy_text'] = 'Another action is running on this server. Please wait a moment and refresh.';
$_LANG['cloudserver_suspended_text'] = 'This server is suspended. Please contact support or settle any open invoices to reactivate it.';
$_LANG['cloudserver_failed_text'] = 'Setting up this server did not succeed. Our support team has been notified.';
$_LANG['cloudserver_console_note'] = 'A browser console is not available for this server. Connect with SSH (Linux) or Remote Desktop (Windows) using the IP address and the access details from your welcome email.';
$_LANG['cloudserver_error_title'] = 'Server details are unavailable';
$_LANG['cloudserver_error_unavailable'] = 'We could not load the live status of this server right now. Please try again in a few minutes.';

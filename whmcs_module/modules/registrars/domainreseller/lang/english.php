<?php

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

$_LANG['domainreseller_one_year_only'] = 'Domains are registered for one year and renew automatically every year until cancelled; order a one-year term.';
$_LANG['domainreseller_transfer_needs_code'] = 'A transfer needs the auth code (EPP code) from the current registrar.';
$_LANG['domainreseller_renewal_automatic'] = 'This domain renews automatically every year while it is not cancelled.';
$_LANG['domainreseller_renewal_ended'] = 'This domain has ended and cannot be renewed; order it again.';
$_LANG['domainreseller_not_ready'] = 'The domain is still being registered or transferred; try again in a few minutes.';
$_LANG['domainreseller_no_epp_code'] = 'No auth code could be generated for this domain right now.';
$_LANG['domainreseller_approve_transfer_out'] = 'Approve transfer away';
$_LANG['domainreseller_reject_transfer_out'] = 'Reject transfer away';
$_LANG['domainreseller_revoke_cancellation'] = 'Keep domain (revoke cancellation)';
$_LANG['domainreseller_dns_type_unsupported'] = 'DNS records of type {type} cannot be hosted here; use A, AAAA, CNAME, MX, SRV, TXT or CAA.';
$_LANG['domainreseller_transfer_manual_task'] = 'The transfer needs manual action (often a wrong or expired auth code).';

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

// The backend's refusals by message code (lib/Lang.php: Lang::error).
$_LANG['domainreseller_msg_domain_one_year_only'] = 'Domains are registered for one year and renew automatically every year until cancelled; order a one-year term.';
$_LANG['domainreseller_msg_domain_transfer_needs_code'] = 'A transfer needs the domain\'s auth code (EPP code).';
$_LANG['domainreseller_msg_domain_not_found'] = 'Domain {domain_id} is not known.';
$_LANG['domainreseller_msg_domain_already_ordered'] = '{domain} is already ordered through this reseller.';
$_LANG['domainreseller_msg_domain_in_account'] = '{domain} is already in the reseller\'s account; the reseller\'s staff can assign it.';
$_LANG['domainreseller_msg_domain_not_available'] = '{domain} is not available for registration.';
$_LANG['domainreseller_msg_domain_no_transfer_out'] = 'No transfer away from this registrar is waiting for an answer.';
$_LANG['domainreseller_msg_domain_not_registered_yet'] = 'The domain is not registered yet; try again once its order has finished.';
$_LANG['domainreseller_msg_domain_us_nexus'] = '{domain} cannot be registered here: .us needs the registrant\'s US nexus (citizenship, residence or presence in the United States), which this registrar cannot pass on to the registry.';
$_LANG['domainreseller_msg_domain_field_unsupported'] = 'The field \'{field}\' of {domain} cannot be passed on to the registry; leave it empty, or contact support if the registry requires it.';
$_LANG['domainreseller_msg_domain_eu_residence'] = 'A .eu domain needs a registrant living in the EU or EEA; the registrant\'s country is {country}.';
$_LANG['domainreseller_msg_domain_it_registrant_data'] = '{domain} needs the registrant\'s entity type and fiscal code (codice fiscale or VAT number); fill in both.';
$_LANG['domainreseller_msg_dns_zone_limit'] = 'Your plan allows {limit} DNS zones and {used} are hosted; delete a zone or ask support for a larger plan.';
$_LANG['domainreseller_msg_dns_record_limit'] = 'Your plan allows {limit} records per DNS zone and {zone} has {used}; delete a record or ask support for a larger plan.';
$_LANG['domainreseller_msg_dns_zone_taken'] = 'The zone {zone} is already hosted here.';
$_LANG['domainreseller_msg_dns_type_change'] = 'A record\'s type cannot change; delete it and create a new one.';
$_LANG['domainreseller_msg_dns_no_server_ip'] = 'The server has no IP address yet; try again once it is running.';
$_LANG['domainreseller_msg_dns_zone_not_found'] = 'The zone {zone} is not known.';
$_LANG['domainreseller_msg_dns_record_not_found'] = 'Record {record_id} is not in the zone {zone}.';
$_LANG['domainreseller_msg_dns_service_not_found'] = 'Service {service_id} is not known.';
$_LANG['domainreseller_msg_domain_name_invalid'] = '\'{domain}\' is not a valid domain name; write it like example.com.';
$_LANG['domainreseller_msg_domain_nameserver_invalid'] = '\'{nameserver}\' is not a valid name server; write a host name like ns1.example.net.';
$_LANG['domainreseller_msg_dns_record_name_invalid'] = '\'{name}\' is not a valid record name: use @ for the zone itself, or a name such as www.';
$_LANG['domainreseller_msg_dns_ipv4_required'] = 'An A record needs an IPv4 address such as 203.0.113.10, not \'{data}\'.';
$_LANG['domainreseller_msg_dns_ipv6_required'] = 'An AAAA record needs an IPv6 address such as 2001:db8::10, not \'{data}\'.';
$_LANG['domainreseller_msg_dns_host_required'] = 'A {type} record needs a host name such as mail.example.com, not \'{data}\'.';
$_LANG['domainreseller_msg_dns_srv_port_required'] = 'An SRV record needs the service\'s port (1-65535), for example 5060.';
$_LANG['domainreseller_msg_dns_caa_tag_invalid'] = 'A CAA record\'s tag must be one of {tags}.';
$_LANG['domainreseller_msg_dns_caa_flag_invalid'] = 'A CAA record\'s flag must be 0 (usual) or 128 (critical), not {flag}.';
$_LANG['domainreseller_msg_handle_refused'] = 'The registry refused the {role} contact: {reason}';

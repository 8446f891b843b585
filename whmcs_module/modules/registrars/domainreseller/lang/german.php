<?php

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

$_LANG['domainreseller_one_year_only'] = 'Domains werden für ein Jahr registriert und verlängern sich jedes Jahr automatisch, bis sie gekündigt werden; bitte eine Laufzeit von einem Jahr bestellen.';
$_LANG['domainreseller_transfer_needs_code'] = 'Für einen Transfer wird der Auth-Code (EPP-Code) des bisherigen Registrars benötigt.';
$_LANG['domainreseller_renewal_automatic'] = 'Diese Domain verlängert sich jedes Jahr automatisch, solange sie nicht gekündigt ist.';
$_LANG['domainreseller_renewal_ended'] = 'Diese Domain ist beendet und kann nicht verlängert werden; bitte neu bestellen.';
$_LANG['domainreseller_not_ready'] = 'Die Domain wird noch registriert oder transferiert; bitte in einigen Minuten erneut versuchen.';
$_LANG['domainreseller_no_epp_code'] = 'Für diese Domain konnte gerade kein Auth-Code erzeugt werden.';
$_LANG['domainreseller_approve_transfer_out'] = 'Transfer zu anderem Anbieter genehmigen';
$_LANG['domainreseller_reject_transfer_out'] = 'Transfer zu anderem Anbieter ablehnen';
$_LANG['domainreseller_revoke_cancellation'] = 'Domain behalten (Kündigung zurücknehmen)';
$_LANG['domainreseller_dns_type_unsupported'] = 'DNS-Einträge vom Typ {type} können hier nicht verwaltet werden; möglich sind A, AAAA, CNAME, MX, SRV, TXT und CAA.';
$_LANG['domainreseller_transfer_manual_task'] = 'Der Transfer erfordert einen manuellen Schritt (oft ein falscher oder abgelaufener Auth-Code).';

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

// The backend's refusals by message code (lib/Lang.php: Lang::error).
$_LANG['domainreseller_msg_domain_one_year_only'] = 'Domains werden für ein Jahr registriert und verlängern sich jedes Jahr automatisch, bis sie gekündigt werden; bestellen Sie eine Laufzeit von einem Jahr.';
$_LANG['domainreseller_msg_domain_transfer_needs_code'] = 'Für einen Transfer wird der Auth-Code (EPP-Code) der Domain benötigt.';
$_LANG['domainreseller_msg_domain_not_found'] = 'Die Domain {domain_id} ist nicht bekannt.';
$_LANG['domainreseller_msg_domain_already_ordered'] = '{domain} wurde bereits über diesen Anbieter bestellt.';
$_LANG['domainreseller_msg_domain_in_account'] = '{domain} ist bereits im Konto des Anbieters; das Team des Anbieters kann sie zuordnen.';
$_LANG['domainreseller_msg_domain_not_available'] = '{domain} ist nicht zur Registrierung verfügbar.';
$_LANG['domainreseller_msg_domain_no_transfer_out'] = 'Es wartet kein Transfer zu einem anderen Registrar auf eine Antwort.';
$_LANG['domainreseller_msg_domain_not_registered_yet'] = 'Die Domain ist noch nicht registriert; versuchen Sie es erneut, wenn die Bestellung abgeschlossen ist.';
$_LANG['domainreseller_msg_domain_us_nexus'] = '{domain} kann hier nicht registriert werden: .us verlangt den US-Bezug des Inhabers (Staatsbürgerschaft, Wohnsitz oder Niederlassung in den USA), den dieser Registrar nicht an die Registry weitergeben kann.';
$_LANG['domainreseller_msg_domain_field_unsupported'] = 'Das Feld \'{field}\' von {domain} kann nicht an die Registry weitergegeben werden; lassen Sie es leer oder wenden Sie sich an den Support, falls die Registry es verlangt.';
$_LANG['domainreseller_msg_domain_eu_residence'] = 'Eine .eu-Domain verlangt einen Inhaber mit Wohnsitz in der EU oder im EWR; das Land des Inhabers ist {country}.';
$_LANG['domainreseller_msg_domain_it_registrant_data'] = '{domain} verlangt die Rechtsform des Inhabers und seine Steuernummer (Codice Fiscale oder USt-IdNr.); füllen Sie beides aus.';
$_LANG['domainreseller_msg_dns_zone_limit'] = 'Ihr Tarif erlaubt {limit} DNS-Zonen und {used} sind angelegt; löschen Sie eine Zone oder fragen Sie den Support nach einem größeren Tarif.';
$_LANG['domainreseller_msg_dns_record_limit'] = 'Ihr Tarif erlaubt {limit} Einträge pro DNS-Zone und {zone} hat {used}; löschen Sie einen Eintrag oder fragen Sie den Support nach einem größeren Tarif.';
$_LANG['domainreseller_msg_dns_zone_taken'] = 'Die Zone {zone} wird hier bereits verwaltet.';
$_LANG['domainreseller_msg_dns_type_change'] = 'Der Typ eines Eintrags lässt sich nicht ändern; löschen Sie ihn und legen Sie einen neuen an.';
$_LANG['domainreseller_msg_dns_no_server_ip'] = 'Der Server hat noch keine IP-Adresse; versuchen Sie es erneut, sobald er läuft.';
$_LANG['domainreseller_msg_dns_zone_not_found'] = 'Die Zone {zone} ist nicht bekannt.';
$_LANG['domainreseller_msg_dns_record_not_found'] = 'Der Eintrag {record_id} gehört nicht zur Zone {zone}.';
$_LANG['domainreseller_msg_dns_service_not_found'] = 'Der Dienst {service_id} ist nicht bekannt.';
$_LANG['domainreseller_msg_domain_name_invalid'] = '\'{domain}\' ist kein gültiger Domainname; schreiben Sie ihn wie example.com.';
$_LANG['domainreseller_msg_domain_nameserver_invalid'] = '\'{nameserver}\' ist kein gültiger Nameserver; geben Sie einen Hostnamen wie ns1.example.net an.';
$_LANG['domainreseller_msg_dns_record_name_invalid'] = '\'{name}\' ist kein gültiger Eintragsname: verwenden Sie @ für die Zone selbst oder einen Namen wie www.';
$_LANG['domainreseller_msg_dns_ipv4_required'] = 'Ein A-Eintrag braucht eine IPv4-Adresse wie 203.0.113.10, nicht \'{data}\'.';
$_LANG['domainreseller_msg_dns_ipv6_required'] = 'Ein AAAA-Eintrag braucht eine IPv6-Adresse wie 2001:db8::10, nicht \'{data}\'.';
$_LANG['domainreseller_msg_dns_host_required'] = 'Ein {type}-Eintrag braucht einen Hostnamen wie mail.example.com, nicht \'{data}\'.';
$_LANG['domainreseller_msg_dns_srv_port_required'] = 'Ein SRV-Eintrag braucht den Port des Dienstes (1-65535), zum Beispiel 5060.';
$_LANG['domainreseller_msg_dns_caa_tag_invalid'] = 'Das Tag eines CAA-Eintrags muss eines von {tags} sein.';
$_LANG['domainreseller_msg_dns_caa_flag_invalid'] = 'Das Flag eines CAA-Eintrags muss 0 (üblich) oder 128 (kritisch) sein, nicht {flag}.';
$_LANG['domainreseller_msg_handle_refused'] = 'Die Registry hat den Kontakt ({role}) abgelehnt: {reason}';

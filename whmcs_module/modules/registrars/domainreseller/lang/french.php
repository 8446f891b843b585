<?php

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

$_LANG['domainreseller_one_year_only'] = 'Les domaines sont enregistrés pour un an et se renouvellent automatiquement chaque année jusqu\'à leur résiliation ; commandez une durée d\'un an.';
$_LANG['domainreseller_transfer_needs_code'] = 'Un transfert nécessite le code d\'autorisation (EPP) du bureau d\'enregistrement actuel.';
$_LANG['domainreseller_renewal_automatic'] = 'Ce domaine se renouvelle automatiquement chaque année tant qu\'il n\'est pas résilié.';
$_LANG['domainreseller_renewal_ended'] = 'Ce domaine a pris fin et ne peut pas être renouvelé ; commandez-le à nouveau.';
$_LANG['domainreseller_not_ready'] = 'Le domaine est encore en cours d\'enregistrement ou de transfert ; réessayez dans quelques minutes.';
$_LANG['domainreseller_no_epp_code'] = 'Aucun code d\'autorisation n\'a pu être généré pour ce domaine pour le moment.';
$_LANG['domainreseller_approve_transfer_out'] = 'Approuver le transfert sortant';
$_LANG['domainreseller_reject_transfer_out'] = 'Refuser le transfert sortant';
$_LANG['domainreseller_revoke_cancellation'] = 'Garder le domaine (annuler la résiliation)';
$_LANG['domainreseller_dns_type_unsupported'] = 'Les enregistrements DNS de type {type} ne peuvent pas être hébergés ici ; utilisez A, AAAA, CNAME, MX, SRV, TXT ou CAA.';
$_LANG['domainreseller_transfer_manual_task'] = 'Le transfert nécessite une action manuelle (souvent un code d\'autorisation erroné ou expiré).';

// The backend's refusals by message code (lib/Lang.php: Lang::error).
$_LANG['domainreseller_msg_domain_one_year_only'] = 'Les domaines sont enregistrés pour un an et se renouvellent automatiquement chaque année jusqu\'à leur résiliation ; commandez une durée d\'un an.';
$_LANG['domainreseller_msg_domain_transfer_needs_code'] = 'Un transfert nécessite le code d\'autorisation (code EPP) du domaine.';
$_LANG['domainreseller_msg_domain_not_found'] = 'Le domaine {domain_id} est inconnu.';
$_LANG['domainreseller_msg_domain_already_ordered'] = '{domain} est déjà commandé auprès de ce fournisseur.';
$_LANG['domainreseller_msg_domain_in_account'] = '{domain} est déjà dans le compte du fournisseur ; l\'équipe du fournisseur peut l\'attribuer.';
$_LANG['domainreseller_msg_domain_not_available'] = '{domain} n\'est pas disponible à l\'enregistrement.';
$_LANG['domainreseller_msg_domain_no_transfer_out'] = 'Aucun transfert sortant n\'attend de réponse.';
$_LANG['domainreseller_msg_domain_not_registered_yet'] = 'Le domaine n\'est pas encore enregistré ; réessayez une fois sa commande terminée.';
$_LANG['domainreseller_msg_domain_us_nexus'] = '{domain} ne peut pas être enregistré ici : .us exige le lien du titulaire avec les États-Unis (citoyenneté, résidence ou présence), que ce bureau d\'enregistrement ne peut pas transmettre au registre.';
$_LANG['domainreseller_msg_domain_field_unsupported'] = 'Le champ \'{field}\' de {domain} ne peut pas être transmis au registre ; laissez-le vide ou contactez le support si le registre l\'exige.';
$_LANG['domainreseller_msg_domain_eu_residence'] = 'Un domaine .eu exige un titulaire résidant dans l\'UE ou l\'EEE ; le pays du titulaire est {country}.';
$_LANG['domainreseller_msg_domain_it_registrant_data'] = '{domain} exige le type d\'entité du titulaire et son code fiscal (codice fiscale ou numéro de TVA) ; remplissez les deux.';
$_LANG['domainreseller_msg_dns_zone_limit'] = 'Votre offre permet {limit} zones DNS et {used} sont hébergées ; supprimez une zone ou demandez une offre supérieure au support.';
$_LANG['domainreseller_msg_dns_record_limit'] = 'Votre offre permet {limit} enregistrements par zone DNS et {zone} en a {used} ; supprimez un enregistrement ou demandez une offre supérieure au support.';
$_LANG['domainreseller_msg_dns_zone_taken'] = 'La zone {zone} est déjà hébergée ici.';
$_LANG['domainreseller_msg_dns_type_change'] = 'Le type d\'un enregistrement ne peut pas changer ; supprimez-le et créez-en un nouveau.';
$_LANG['domainreseller_msg_dns_no_server_ip'] = 'Le serveur n\'a pas encore d\'adresse IP ; réessayez une fois qu\'il fonctionne.';
$_LANG['domainreseller_msg_dns_zone_not_found'] = 'La zone {zone} est inconnue.';
$_LANG['domainreseller_msg_dns_record_not_found'] = 'L\'enregistrement {record_id} n\'est pas dans la zone {zone}.';
$_LANG['domainreseller_msg_dns_service_not_found'] = 'Le service {service_id} est inconnu.';
$_LANG['domainreseller_msg_domain_name_invalid'] = '\'{domain}\' n\'est pas un nom de domaine valide ; écrivez-le comme example.com.';
$_LANG['domainreseller_msg_domain_nameserver_invalid'] = '\'{nameserver}\' n\'est pas un serveur de noms valide ; indiquez un nom d’hôte comme ns1.example.net.';
$_LANG['domainreseller_msg_dns_record_name_invalid'] = '\'{name}\' n\'est pas un nom d\'enregistrement valide : utilisez @ pour la zone elle-même, ou un nom comme www.';
$_LANG['domainreseller_msg_dns_ipv4_required'] = 'Un enregistrement A nécessite une adresse IPv4 comme 203.0.113.10, et non \'{data}\'.';
$_LANG['domainreseller_msg_dns_ipv6_required'] = 'Un enregistrement AAAA nécessite une adresse IPv6 comme 2001:db8::10, et non \'{data}\'.';
$_LANG['domainreseller_msg_dns_host_required'] = 'Un enregistrement {type} nécessite un nom d’hôte comme mail.example.com, et non \'{data}\'.';
$_LANG['domainreseller_msg_dns_srv_port_required'] = 'Un enregistrement SRV nécessite le port du service (1-65535), par exemple 5060.';
$_LANG['domainreseller_msg_dns_caa_tag_invalid'] = 'Le tag d\'un enregistrement CAA doit être l\'un de {tags}.';
$_LANG['domainreseller_msg_dns_caa_flag_invalid'] = 'Le flag d\'un enregistrement CAA doit être 0 (habituel) ou 128 (critique), et non {flag}.';
$_LANG['domainreseller_msg_handle_refused'] = 'Le registre a refusé le contact ({role}) : {reason}';

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

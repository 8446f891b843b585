<?php

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

$_LANG['domainreseller_one_year_only'] = 'Los dominios se registran por un año y se renuevan automáticamente cada año hasta que se cancelan; pida un plazo de un año.';
$_LANG['domainreseller_transfer_needs_code'] = 'Una transferencia necesita el código de autorización (EPP) del registrador actual.';
$_LANG['domainreseller_renewal_automatic'] = 'Este dominio se renueva automáticamente cada año mientras no se cancele.';
$_LANG['domainreseller_renewal_ended'] = 'Este dominio ha terminado y no se puede renovar; vuelva a pedirlo.';
$_LANG['domainreseller_not_ready'] = 'El dominio todavía se está registrando o transfiriendo; inténtelo de nuevo en unos minutos.';
$_LANG['domainreseller_no_epp_code'] = 'Ahora mismo no se pudo generar un código de autorización para este dominio.';
$_LANG['domainreseller_approve_transfer_out'] = 'Aprobar la transferencia saliente';
$_LANG['domainreseller_reject_transfer_out'] = 'Rechazar la transferencia saliente';
$_LANG['domainreseller_revoke_cancellation'] = 'Conservar el dominio (revocar la cancelación)';
$_LANG['domainreseller_dns_type_unsupported'] = 'Los registros DNS de tipo {type} no se pueden alojar aquí; use A, AAAA, CNAME, MX, SRV, TXT o CAA.';
$_LANG['domainreseller_transfer_manual_task'] = 'La transferencia necesita una acción manual (a menudo un código de autorización incorrecto o caducado).';

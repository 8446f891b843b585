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

// The backend's refusals by message code (lib/Lang.php: Lang::error).
$_LANG['domainreseller_msg_domain_one_year_only'] = 'Los dominios se registran por un año y se renuevan automáticamente cada año hasta que se cancelan; pida un plazo de un año.';
$_LANG['domainreseller_msg_domain_transfer_needs_code'] = 'Una transferencia necesita el código de autorización (código EPP) del dominio.';
$_LANG['domainreseller_msg_domain_not_found'] = 'El dominio {domain_id} no es conocido.';
$_LANG['domainreseller_msg_domain_already_ordered'] = '{domain} ya se ha pedido a través de este proveedor.';
$_LANG['domainreseller_msg_domain_in_account'] = '{domain} ya está en la cuenta del proveedor; el equipo del proveedor puede asignarlo.';
$_LANG['domainreseller_msg_domain_not_available'] = '{domain} no está disponible para registrarse.';
$_LANG['domainreseller_msg_domain_no_transfer_out'] = 'No hay ninguna transferencia saliente esperando respuesta.';
$_LANG['domainreseller_msg_domain_not_registered_yet'] = 'El dominio aún no está registrado; inténtelo de nuevo cuando termine su pedido.';
$_LANG['domainreseller_msg_domain_us_nexus'] = '{domain} no se puede registrar aquí: .us exige el vínculo del titular con EE. UU. (ciudadanía, residencia o presencia en Estados Unidos), que este registrador no puede transmitir al registro.';
$_LANG['domainreseller_msg_domain_field_unsupported'] = 'El campo \'{field}\' de {domain} no se puede transmitir al registro; déjelo vacío o contacte con soporte si el registro lo exige.';
$_LANG['domainreseller_msg_domain_eu_residence'] = 'Un dominio .eu exige un titular que resida en la UE o el EEE; el país del titular es {country}.';
$_LANG['domainreseller_msg_domain_it_registrant_data'] = '{domain} necesita el tipo de entidad del titular y su código fiscal (codice fiscale o número de IVA); rellene ambos.';
$_LANG['domainreseller_msg_dns_zone_limit'] = 'Su plan permite {limit} zonas DNS y hay {used} alojadas; elimine una zona o pida al soporte un plan mayor.';
$_LANG['domainreseller_msg_dns_record_limit'] = 'Su plan permite {limit} registros por zona DNS y {zone} tiene {used}; elimine un registro o pida al soporte un plan mayor.';
$_LANG['domainreseller_msg_dns_zone_taken'] = 'La zona {zone} ya está alojada aquí.';
$_LANG['domainreseller_msg_dns_type_change'] = 'El tipo de un registro no se puede cambiar; elimínelo y cree uno nuevo.';
$_LANG['domainreseller_msg_dns_no_server_ip'] = 'El servidor todavía no tiene dirección IP; inténtelo de nuevo cuando esté en marcha.';
$_LANG['domainreseller_msg_dns_zone_not_found'] = 'La zona {zone} no es conocida.';
$_LANG['domainreseller_msg_dns_record_not_found'] = 'El registro {record_id} no está en la zona {zone}.';
$_LANG['domainreseller_msg_dns_service_not_found'] = 'El servicio {service_id} no es conocido.';
$_LANG['domainreseller_msg_domain_name_invalid'] = '\'{domain}\' no es un nombre de dominio válido; escríbalo como example.com.';
$_LANG['domainreseller_msg_domain_nameserver_invalid'] = '\'{nameserver}\' no es un servidor de nombres válido; indique un nombre de host como ns1.example.net.';
$_LANG['domainreseller_msg_dns_record_name_invalid'] = '\'{name}\' no es un nombre de registro válido: use @ para la propia zona o un nombre como www.';
$_LANG['domainreseller_msg_dns_ipv4_required'] = 'Un registro A necesita una dirección IPv4 como 203.0.113.10, no \'{data}\'.';
$_LANG['domainreseller_msg_dns_ipv6_required'] = 'Un registro AAAA necesita una dirección IPv6 como 2001:db8::10, no \'{data}\'.';
$_LANG['domainreseller_msg_dns_host_required'] = 'Un registro {type} necesita un nombre de host como mail.example.com, no \'{data}\'.';
$_LANG['domainreseller_msg_dns_srv_port_required'] = 'Un registro SRV necesita el puerto del servicio (1-65535), por ejemplo 5060.';
$_LANG['domainreseller_msg_dns_caa_tag_invalid'] = 'La etiqueta (tag) de un registro CAA debe ser una de {tags}.';
$_LANG['domainreseller_msg_dns_caa_flag_invalid'] = 'El indicador (flag) de un registro CAA debe ser 0 (habitual) o 128 (crítico), no {flag}.';
$_LANG['domainreseller_msg_handle_refused'] = 'El registro rechazó el contacto ({role}): {reason}';

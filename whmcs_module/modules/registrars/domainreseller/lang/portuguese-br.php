<?php

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

$_LANG['domainreseller_one_year_only'] = 'Os domínios são registrados por um ano e renovam-se automaticamente todo ano até serem cancelados; peça um prazo de um ano.';
$_LANG['domainreseller_transfer_needs_code'] = 'Uma transferência precisa do código de autorização (EPP) do registrador atual.';
$_LANG['domainreseller_renewal_automatic'] = 'Este domínio renova-se automaticamente todo ano enquanto não for cancelado.';
$_LANG['domainreseller_renewal_ended'] = 'Este domínio terminou e não pode ser renovado; peça-o novamente.';
$_LANG['domainreseller_not_ready'] = 'O domínio ainda está sendo registrado ou transferido; tente novamente em alguns minutos.';
$_LANG['domainreseller_no_epp_code'] = 'Não foi possível gerar um código de autorização para este domínio agora.';
$_LANG['domainreseller_approve_transfer_out'] = 'Aprovar a transferência de saída';
$_LANG['domainreseller_reject_transfer_out'] = 'Recusar a transferência de saída';
$_LANG['domainreseller_revoke_cancellation'] = 'Manter o domínio (revogar o cancelamento)';
$_LANG['domainreseller_dns_type_unsupported'] = 'Registros DNS do tipo {type} não podem ser hospedados aqui; use A, AAAA, CNAME, MX, SRV, TXT ou CAA.';
$_LANG['domainreseller_transfer_manual_task'] = 'A transferência precisa de uma ação manual (muitas vezes um código de autorização errado ou expirado).';

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

// The backend's refusals by message code (lib/Lang.php: Lang::error).
$_LANG['domainreseller_msg_domain_one_year_only'] = 'Os domínios são registrados por um ano e renovam automaticamente todo ano até serem cancelados; peça um prazo de um ano.';
$_LANG['domainreseller_msg_domain_transfer_needs_code'] = 'Uma transferência precisa do código de autorização (código EPP) do domínio.';
$_LANG['domainreseller_msg_domain_not_found'] = 'O domínio {domain_id} não é conhecido.';
$_LANG['domainreseller_msg_domain_already_ordered'] = '{domain} já foi pedido por meio deste fornecedor.';
$_LANG['domainreseller_msg_domain_in_account'] = '{domain} já está na conta do fornecedor; a equipe do fornecedor pode atribuí-lo.';
$_LANG['domainreseller_msg_domain_not_available'] = '{domain} não está disponível para registro.';
$_LANG['domainreseller_msg_domain_no_transfer_out'] = 'Nenhuma transferência de saída está aguardando resposta.';
$_LANG['domainreseller_msg_domain_not_registered_yet'] = 'O domínio ainda não está registrado; tente novamente quando o pedido terminar.';
$_LANG['domainreseller_msg_domain_us_nexus'] = '{domain} não pode ser registrado aqui: .us exige o vínculo do titular com os EUA (cidadania, residência ou presença nos Estados Unidos), que este registrador não consegue repassar ao registro.';
$_LANG['domainreseller_msg_domain_field_unsupported'] = 'O campo \'{field}\' de {domain} não pode ser repassado ao registro; deixe-o vazio ou fale com o suporte se o registro o exigir.';
$_LANG['domainreseller_msg_domain_eu_residence'] = 'Um domínio .eu exige um titular residente na UE ou no EEE; o país do titular é {country}.';
$_LANG['domainreseller_msg_domain_it_registrant_data'] = '{domain} exige o tipo de entidade do titular e o código fiscal (codice fiscale ou número de IVA); preencha os dois.';
$_LANG['domainreseller_msg_dns_zone_limit'] = 'Seu plano permite {limit} zonas DNS e {used} estão hospedadas; exclua uma zona ou peça ao suporte um plano maior.';
$_LANG['domainreseller_msg_dns_record_limit'] = 'Seu plano permite {limit} registros por zona DNS e {zone} tem {used}; exclua um registro ou peça ao suporte um plano maior.';
$_LANG['domainreseller_msg_dns_zone_taken'] = 'A zona {zone} já está hospedada aqui.';
$_LANG['domainreseller_msg_dns_type_change'] = 'O tipo de um registro não pode mudar; exclua-o e crie um novo.';
$_LANG['domainreseller_msg_dns_no_server_ip'] = 'O servidor ainda não tem endereço IP; tente novamente quando ele estiver em execução.';
$_LANG['domainreseller_msg_dns_zone_not_found'] = 'A zona {zone} não é conhecida.';
$_LANG['domainreseller_msg_dns_record_not_found'] = 'O registro {record_id} não está na zona {zone}.';
$_LANG['domainreseller_msg_dns_service_not_found'] = 'O serviço {service_id} não é conhecido.';
$_LANG['domainreseller_msg_domain_name_invalid'] = '\'{domain}\' não é um nome de domínio válido; escreva-o como example.com.';
$_LANG['domainreseller_msg_domain_nameserver_invalid'] = '\'{nameserver}\' não é um servidor de nomes válido; informe um nome de host como ns1.example.net.';
$_LANG['domainreseller_msg_dns_record_name_invalid'] = '\'{name}\' não é um nome de registro válido: use @ para a própria zona ou um nome como www.';
$_LANG['domainreseller_msg_dns_ipv4_required'] = 'Um registro A precisa de um endereço IPv4 como 203.0.113.10, não \'{data}\'.';
$_LANG['domainreseller_msg_dns_ipv6_required'] = 'Um registro AAAA precisa de um endereço IPv6 como 2001:db8::10, não \'{data}\'.';
$_LANG['domainreseller_msg_dns_host_required'] = 'Um registro {type} precisa de um nome de host como mail.example.com, não \'{data}\'.';
$_LANG['domainreseller_msg_dns_srv_port_required'] = 'Um registro SRV precisa da porta do serviço (1-65535), por exemplo 5060.';
$_LANG['domainreseller_msg_dns_caa_tag_invalid'] = 'A tag de um registro CAA deve ser uma de {tags}.';
$_LANG['domainreseller_msg_dns_caa_flag_invalid'] = 'A flag de um registro CAA deve ser 0 (usual) ou 128 (crítica), não {flag}.';
$_LANG['domainreseller_msg_handle_refused'] = 'O registro recusou o contato ({role}): {reason}';

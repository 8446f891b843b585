<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Validation\InputRules;

/** The server's firewall: inbound rules, presets, removal. */
final class FirewallPage implements Page
{
    public const MAX_RULES = 50;
    private const BLANK_ROWS = 3;

    public function name(): string
    {
        return 'firewall';
    }

    public function operations(): array
    {
        return ['save', 'preset', 'delete'];
    }

    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['preset' => 'cloudserver_firewall_preset_warning', 'delete' => 'cloudserver_firewall_delete_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $firewall = ClientFactory::network($context->params, $context->idempotencyKey($op));
        if ($op === 'save') {
            $firewall->saveFirewallRules($context->serviceId, self::rules($context));
            return ['message' => $context->text('cloudserver_firewall_saved')];
        }
        if ($op === 'preset') {
            $presets = ClientFactory::network($context->params)->firewall($context->serviceId)['presets'];
            $preset = $context->rules->oneOf($context->request->post('preset'), array_column($presets, 'name'), 'cloudserver_invalid_preset');
            $firewall->applyFirewallPreset($context->serviceId, $preset);
            return ['message' => $context->text('cloudserver_firewall_preset_applied')];
        }
        $firewall->deleteFirewall($context->serviceId);
        return ['message' => $context->text('cloudserver_firewall_deleted')];
    }

    public function load(PageContext $context): array
    {
        $answer = ClientFactory::network($context->params)->firewall($context->serviceId);
        $rules = [];
        foreach ((array) ($answer['firewall']['rules'] ?? []) as $rule) {
            if (is_array($rule)) {
                $rules[] = ['enabled' => true, 'protocol' => (string) ($rule['protocol'] ?? 'tcp'), 'ports' => (string) ($rule['ports'] ?? ''), 'source' => (string) ($rule['source'] ?? '')];
            }
        }
        $presets = [];
        foreach ($answer['presets'] as $preset) {
            $name = (string) ($preset['name'] ?? '');
            $key = 'cloudserver_firewall_preset_' . str_replace('-', '_', $name);
            // A preset this module knows is said in the customer's language; a new one in the backend's words.
            $presets[] = [
                'name' => $name,
                'label' => $context->lang[$key . '_name'] ?? $name,
                'description' => $context->lang[$key] ?? (string) ($preset['description'] ?? ''),
                'rule_count' => count((array) ($preset['rules'] ?? [])),
            ];
        }
        return [
            'firewall' => $answer['firewall'] === null ? null : [
                'name' => (string) ($answer['firewall']['name'] ?? ''),
                'status' => (string) ($answer['firewall']['status'] ?? ''),
                'status_label' => $context->lang['cloudserver_firewall_status_' . ($answer['firewall']['status'] ?? '')] ?? $context->lang['cloudserver_firewall_status_other'],
                'rules' => $rules,
            ],
            'rule_rows' => [...$rules, ...array_fill(0, self::BLANK_ROWS, ['enabled' => false, 'protocol' => 'tcp', 'ports' => '', 'source' => ''])],
            'protocols' => InputRules::FIREWALL_PROTOCOLS,
            'presets' => $presets,
        ];
    }

    /**
     * The ticked editor rows as rules; each must be valid. A tick rather than "non-empty"
     * decides, because "ICMP from anywhere" is a rule with every field empty.
     *
     * @return list<array{direction: string, protocol: string, ports: string, source: string, action: string}>
     */
    private static function rules(PageContext $context): array
    {
        $rules = [];
        foreach ($context->request->postArray('rules') as $row) {
            if (!is_array($row) || empty($row['enabled'])) {
                continue;
            }
            $rules[] = $context->rules->firewallRule($row);
        }
        if (count($rules) > self::MAX_RULES) {
            throw new \InvalidArgumentException(sprintf($context->text('cloudserver_firewall_too_many_rules'), self::MAX_RULES));
        }
        return $rules;
    }
}

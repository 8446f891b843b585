<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

use WHMCS\Module\Server\Contabo\Mapping\ServiceRequestMapper;
use WHMCS\Module\Server\Contabo\Validation\InputRules;

/** Everything a page needs for one request: who, which service, the request, the strings. */
final class PageContext
{
    public readonly string $serviceId;
    public readonly string $clientId;
    public readonly InputRules $rules;

    /**
     * @param array<string, mixed> $params WHMCS module parameters
     * @param array<string, string> $lang
     * @param array<string, mixed> $service the backend's ServiceView ([] when it could not be read)
     */
    public function __construct(
        public readonly array $params,
        public readonly array $lang,
        public readonly ClientRequest $request,
        public readonly array $service,
        private readonly string $page,
    ) {
        $this->serviceId = ServiceRequestMapper::serviceId($params);
        $this->clientId = (string) (int) ($params['userid'] ?? $params['clientsdetails']['userid'] ?? 0);
        $this->rules = new InputRules($lang);
    }

    public function text(string $key): string
    {
        return $this->lang[$key] ?? $key;
    }

    /**
     * The idempotency key for this form's action: derived from the key the form was rendered
     * with, so submitting the same form twice (reload, double click) is one action, and no
     * customer can choose a key another service uses.
     */
    public function idempotencyKey(string $op): ?string
    {
        $formKey = $this->request->post('form_key');
        if (!preg_match('/^[a-f0-9]{32}$/', $formKey)) {
            return null;
        }
        return 'whmcs-form-' . substr(hash('sha256', implode('|', [$this->serviceId, $this->clientId, $this->page, $op, $formKey])), 0, 48);
    }

    /** The WHMCS product id, for guardrails. */
    public function productId(): string
    {
        return (string) (int) ($this->params['pid'] ?? $this->params['packageid'] ?? 0);
    }
}

<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

/**
 * One client-area page: what it shows (load) and the changes its forms ask for (perform).
 * PageController handles the request, the token, suspension, confirmation and errors.
 */
interface Page
{
    /** The custom function and template name, e.g. "snapshots". */
    public function name(): string;

    /** @return list<string> the `op` values this page's forms send */
    public function operations(): array;

    /** @return list<string> operations that only read, allowed while the service is suspended */
    public function readOperations(): array;

    /**
     * Operations that need the customer's explicit confirmation, op => warning text key.
     *
     * @return array<string, string>
     */
    public function confirmations(): array;

    /**
     * Runs one operation. `message` is the success sentence ('' for a step that only changes
     * what is shown, e.g. a review step); `vars` are shown once, e.g. a new password.
     *
     * @return array{message: string, vars?: array<string, mixed>}
     * @throws \WHMCS\Module\Server\Contabo\Api\ApiException
     * @throws \InvalidArgumentException invalid input, message ready for the customer
     */
    public function perform(string $op, PageContext $context): array;

    /**
     * @return array<string, mixed> the page's template variables
     * @throws \WHMCS\Module\Server\Contabo\Api\ApiException
     */
    public function load(PageContext $context): array;
}

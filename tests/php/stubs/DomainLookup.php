<?php

declare(strict_types=1);

// WHMCS's domain lookup result classes, as far as the registrar module uses them.

namespace WHMCS\Domains\DomainLookup;

class SearchResult
{
    public const STATUS_REGISTERED = 'registered';
    public const STATUS_NOT_REGISTERED = 'available';

    public string $status = '';

    public function __construct(public string $sld, public string $tld)
    {
    }

    public function setStatus(string $status): void
    {
        $this->status = $status;
    }
}

class ResultsList extends \ArrayObject
{
}

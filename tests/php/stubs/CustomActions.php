<?php

declare(strict_types=1);

namespace WHMCS\Module\Server;

/** Minimal stand-ins for WHMCS 8.5+'s custom action classes. */
final class CustomAction
{
    private function __construct(
        public readonly string $identifier,
        public readonly string $display,
        public readonly mixed $callable,
        public readonly array $params,
        public readonly array $permissions,
        public readonly bool $active,
    ) {
    }

    public static function factory(string $identifier, string $display, mixed $callable, array $params = [], array $permissions = [], bool $active = true): self
    {
        return new self($identifier, $display, $callable, $params, $permissions, $active);
    }

    /** @return array<string, mixed> */
    public function invokeCallable(): array
    {
        return ($this->callable)(...$this->params);
    }
}

final class CustomActionCollection implements \IteratorAggregate, \Countable
{
    /** @var list<CustomAction> */
    private array $items = [];

    public function add(CustomAction $action): self
    {
        $this->items[] = $action;
        return $this;
    }

    public function getIterator(): \ArrayIterator
    {
        return new \ArrayIterator($this->items);
    }

    public function count(): int
    {
        return count($this->items);
    }
}

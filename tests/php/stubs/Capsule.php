<?php

/**
 * An in-memory stand-in for WHMCS's Capsule (Laravel's query builder on WHMCS's database),
 * covering the calls the addon's repositories make: where/whereIn/whereNotIn, orderBy,
 * get/first/value/exists/max, insert/insertGetId/update/updateOrInsert. Rows come back as
 * objects, as Laravel returns them. Schema changes are recorded, never performed.
 */

declare(strict_types=1);

namespace WHMCS\Database;

if (!class_exists(Capsule::class, false)) {
    final class Capsule
    {
        /** @var array<string, list<array<string, mixed>>> table => rows */
        public static array $tables = [];

        /** @var list<string> every write and schema call, e.g. "insert tblproducts", "drop tblx" */
        public static array $log = [];

        public static function reset(): void
        {
            self::$tables = [];
            self::$log = [];
        }

        public static function table(string $name): FakeQuery
        {
            return new FakeQuery(trim((string) preg_replace('/\s+as\s+\w+$/i', '', $name)));
        }

        public static function schema(): FakeSchema
        {
            return new FakeSchema();
        }

        /** @return list<array<string, mixed>> */
        public static function rows(string $table): array
        {
            return self::$tables[$table] ?? [];
        }
    }

    final class FakeSchema
    {
        public function hasColumn(string $table, string $column): bool
        {
            return true;
        }

        public function hasTable(string $table): bool
        {
            return isset(Capsule::$tables[$table]);
        }

        public function __call(string $name, array $arguments): mixed
        {
            Capsule::$log[] = $name . ' ' . ($arguments[0] ?? '');
            return null;
        }
    }

    final class FakeQuery
    {
        /** @var list<callable(array<string, mixed>): bool> */
        private array $filters = [];
        /** @var list<array{0: string, 1: string}> */
        private array $order = [];

        public function __construct(private readonly string $table)
        {
        }

        /** @param string|array<string, mixed> $column */
        public function where(string|array $column, mixed $operator = null, mixed $value = null): self
        {
            if (is_array($column)) {
                foreach ($column as $name => $expected) {
                    $this->where($name, '=', $expected);
                }
                return $this;
            }
            if (func_num_args() === 2) {
                [$operator, $value] = ['=', $operator];
            }
            $this->filters[] = static function (array $row) use ($column, $operator, $value): bool {
                $actual = $row[$column] ?? null;
                return match ($operator) {
                    '=' => (string) $actual === (string) $value,
                    '!=', '<>' => (string) $actual !== (string) $value,
                    '>=' => (string) $actual >= (string) $value,
                    '<=' => (string) $actual <= (string) $value,
                    '>' => (string) $actual > (string) $value,
                    '<' => (string) $actual < (string) $value,
                    default => throw new \LogicException("operator {$operator} is not faked"),
                };
            };
            return $this;
        }

        /** @param list<mixed> $values */
        public function whereIn(string $column, array $values): self
        {
            $values = array_map('strval', $values);
            $this->filters[] = static fn (array $row): bool => in_array((string) ($row[$column] ?? ''), $values, true);
            return $this;
        }

        /** @param list<mixed> $values */
        public function whereNotIn(string $column, array $values): self
        {
            $values = array_map('strval', $values);
            $this->filters[] = static fn (array $row): bool => !in_array((string) ($row[$column] ?? ''), $values, true);
            return $this;
        }

        public function orderBy(string $column, string $direction = 'asc'): self
        {
            $this->order[] = [$column, strtolower($direction)];
            return $this;
        }

        /** @return list<object> */
        public function get(array $columns = ['*']): array
        {
            return array_map(static fn (array $row): object => (object) $row, $this->matching());
        }

        public function first(array $columns = ['*']): ?object
        {
            $rows = $this->matching();
            return $rows === [] ? null : (object) $rows[0];
        }

        public function value(string $column): mixed
        {
            $rows = $this->matching();
            return $rows === [] ? null : ($rows[0][$column] ?? null);
        }

        public function exists(): bool
        {
            return $this->matching() !== [];
        }

        public function max(string $column): mixed
        {
            $values = array_column($this->matching(), $column);
            return $values === [] ? null : max($values);
        }

        /** @param array<string, mixed> $row */
        public function insert(array $row): bool
        {
            $this->insertGetId($row);
            return true;
        }

        /** @param array<string, mixed> $row */
        public function insertGetId(array $row): int
        {
            $rows = Capsule::$tables[$this->table] ?? [];
            $id = $rows === [] ? 1 : max(array_column($rows, 'id')) + 1;
            Capsule::$tables[$this->table][] = ['id' => $id] + $row;
            Capsule::$log[] = 'insert ' . $this->table;
            return $id;
        }

        /** @param array<string, mixed> $values */
        public function update(array $values): int
        {
            $count = 0;
            foreach (Capsule::$tables[$this->table] ?? [] as $index => $row) {
                if ($this->matches($row)) {
                    Capsule::$tables[$this->table][$index] = $values + $row;
                    $count++;
                }
            }
            Capsule::$log[] = 'update ' . $this->table;
            return $count;
        }

        /**
         * @param array<string, mixed> $attributes
         * @param array<string, mixed> $values
         */
        public function updateOrInsert(array $attributes, array $values = []): bool
        {
            $query = (new self($this->table))->where($attributes);
            if ($query->exists()) {
                $query->update($values);
                return true;
            }
            return $this->insert($attributes + $values);
        }

        public function delete(): int
        {
            $before = count(Capsule::$tables[$this->table] ?? []);
            Capsule::$tables[$this->table] = array_values(array_filter(Capsule::$tables[$this->table] ?? [], fn (array $row): bool => !$this->matches($row)));
            Capsule::$log[] = 'delete ' . $this->table;
            return $before - count(Capsule::$tables[$this->table]);
        }

        /** @return list<array<string, mixed>> */
        private function matching(): array
        {
            $rows = array_values(array_filter(Capsule::$tables[$this->table] ?? [], fn (array $row): bool => $this->matches($row)));
            foreach (array_reverse($this->order) as [$column, $direction]) {
                usort($rows, static fn (array $a, array $b): int => ($direction === 'desc' ? -1 : 1) * (($a[$column] ?? null) <=> ($b[$column] ?? null)));
            }
            return $rows;
        }

        /** @param array<string, mixed> $row */
        private function matches(array $row): bool
        {
            foreach ($this->filters as $filter) {
                if (!$filter($row)) {
                    return false;
                }
            }
            return true;
        }
    }
}

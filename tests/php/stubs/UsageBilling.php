<?php

/**
 * Stand-ins for WHMCS 7.9+'s usage billing classes (WHMCS\UsageBilling), with the signatures
 * of WHMCS's class documentation. Never shipped with the module: WHMCS provides the real ones.
 */

declare(strict_types=1);

namespace WHMCS\UsageBilling\Contracts\Metrics {
    interface UsageInterface
    {
        public function collectedAt();

        public function startAt();

        public function endAt();

        public function value();
    }

    interface UnitInterface
    {
        public const TYPE_CURRENCY = 'currency';
        public const TYPE_FLOAT_PRECISION_LOW = 'float_low';
        public const TYPE_FLOAT_PRECISION_HIGH = 'float_high';
        public const TYPE_INT = 'int';
        public const TYPE_MICROTIME = 'microtime';

        public function name();

        public function perUnitName($value = 0);

        public function prefix();

        public function suffix();

        public function type();

        public function decorate($value);

        public function formatForType($value);

        public function roundForType($value);
    }

    interface MetricInterface
    {
        public const TYPE_SNAPSHOT = 'snapshot';
        public const TYPE_PERIOD_DAY = 'day';
        public const TYPE_PERIOD_MONTH = 'month';

        public function usage();

        public function withUsage(?UsageInterface $usage = null);

        public function units();

        public function systemName();

        public function displayName();

        public function type();
    }

    interface ProviderInterface
    {
        public function metrics();

        public function usage();

        public function tenantUsage($tenant);
    }
}

namespace WHMCS\UsageBilling\Metrics {
    use WHMCS\UsageBilling\Contracts\Metrics\MetricInterface;
    use WHMCS\UsageBilling\Contracts\Metrics\UnitInterface;
    use WHMCS\UsageBilling\Contracts\Metrics\UsageInterface;

    final class Usage implements UsageInterface
    {
        public function __construct(private $value, private $collectedAt = null, private $startAt = null, private $endAt = null)
        {
        }

        public function collectedAt()
        {
            return $this->collectedAt;
        }

        public function startAt()
        {
            return $this->startAt;
        }

        public function endAt()
        {
            return $this->endAt;
        }

        public function value()
        {
            return $this->value;
        }
    }

    final class Metric implements MetricInterface
    {
        public function __construct(
            private $systemName,
            private $displayName = null,
            private $type = null,
            private ?UnitInterface $units = null,
            private ?UsageInterface $usage = null,
        ) {
        }

        public function usage()
        {
            return $this->usage;
        }

        public function withUsage(?UsageInterface $usage = null)
        {
            $copy = clone $this;
            $copy->usage = $usage;
            return $copy;
        }

        public function units()
        {
            return $this->units;
        }

        public function systemName()
        {
            return $this->systemName;
        }

        public function displayName()
        {
            return $this->displayName;
        }

        public function type()
        {
            return $this->type;
        }
    }
}

namespace WHMCS\UsageBilling\Metrics\Units {
    use WHMCS\UsageBilling\Contracts\Metrics\UnitInterface;

    abstract class AbstractUnit implements UnitInterface
    {
        public function __construct(
            private $name,
            private $singlePerUnitName = null,
            private $pluralPerUnitName = null,
            private $prefix = null,
            private $suffix = null,
        ) {
        }

        public function name()
        {
            return $this->name;
        }

        public function perUnitName($value = 0)
        {
            return (float) $value === 1.0 ? $this->singlePerUnitName : $this->pluralPerUnitName;
        }

        public function prefix()
        {
            return (string) $this->prefix;
        }

        public function suffix()
        {
            return (string) $this->suffix;
        }

        public function decorate($value)
        {
            return $this->prefix() . $this->formatForType($value) . $this->suffix();
        }

        public function formatForType($value)
        {
            return (string) $this->roundForType($value);
        }
    }

    class FloatingPoint extends AbstractUnit
    {
        public function type()
        {
            return self::TYPE_FLOAT_PRECISION_LOW;
        }

        public function roundForType($value)
        {
            return round((float) $value, 2);
        }
    }

    class WholeNumber extends AbstractUnit
    {
        public function type()
        {
            return self::TYPE_INT;
        }

        public function roundForType($value)
        {
            return (int) round((float) $value);
        }
    }
}

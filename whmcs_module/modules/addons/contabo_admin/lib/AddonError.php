<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

/** A failure the addon phrased for the admin (its message is shown as is). */
final class AddonError extends \RuntimeException
{
}

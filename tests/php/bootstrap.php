<?php

declare(strict_types=1);

const MODULE_DIR = __DIR__ . '/../../whmcs_module/modules/servers/contabo';

require_once __DIR__ . '/stubs/Whmcs.php';
require_once __DIR__ . '/stubs/whmcs_functions.php';
require_once __DIR__ . '/stubs/CustomActions.php';
require_once __DIR__ . '/stubs/UsageBilling.php';
require_once MODULE_DIR . '/lib/autoload.php';
require_once __DIR__ . '/stubs/WhmcsParams.php';
require_once __DIR__ . '/stubs/FakeTransport.php';
require_once __DIR__ . '/stubs/FakePendingServiceRepository.php';
require_once __DIR__ . '/stubs/FakeUsageRepository.php';
require_once __DIR__ . '/Support/LocalStack.php';
require_once __DIR__ . '/Support/LocalStackTestCase.php';
require_once __DIR__ . '/Support/FakeBackendTestCase.php';
require_once __DIR__ . '/Support/ClientAreaTestCase.php';
require_once __DIR__ . '/Support/AdminServicesTabTestCase.php';
require_once __DIR__ . '/Support/TemplateRenderer.php';
require_once __DIR__ . '/Support/LanguageCheck.php';

require_once MODULE_DIR . '/contabo.php';
require_once MODULE_DIR . '/hooks.php';

// The admin addon (modules/addons/contabo_admin) on the same stand-ins plus a fake Capsule.
const ADDON_DIR = __DIR__ . '/../../whmcs_module/modules/addons/contabo_admin';
require_once __DIR__ . '/stubs/Capsule.php';
require_once __DIR__ . '/stubs/AddonWhmcs.php';
require_once ADDON_DIR . '/contabo_admin.php';
require_once ADDON_DIR . '/hooks.php';
require_once __DIR__ . '/stubs/AddonFakes.php';
require_once __DIR__ . '/Support/AddonTestCase.php';

// The registrar module (modules/registrars/domainreseller) on the same stand-ins.
require_once __DIR__ . '/stubs/DomainLookup.php';
require_once __DIR__ . '/../../whmcs_module/modules/registrars/domainreseller/domainreseller.php';

<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\AdminServicesTabTestCase;
use WHMCS\Module\Server\Contabo\AdminArea\ServiceTab;
use WHMCS\Module\Server\Contabo\Lang;

/**
 * The Services tab says the backend's status message in the admin's language: by its
 * status_message_code and parameters (cloudserver_msg_<code>), escaped, and in the backend's
 * English words when the code is unknown here or an older backend sends none.
 */
final class AdminStatusMessagesTest extends AdminServicesTabTestCase
{
    public function testGermanAdminsReadTheStatusMessageInGermanWithItsParameters(): void
    {
        self::assertSame('Umzug in die Region EU (Support-Ticket 17).', $this->statusMessage('german', [
            'status_message' => 'Moving to region EU (support ticket 17).',
            'status_message_code' => 'status_region_move_requested',
            'status_message_params' => ['region' => 'EU', 'ticket' => '17'],
        ]));
    }

    public function testFrenchAdminsReadTheProvidersWordsAsTheReasonEscaped(): void
    {
        self::assertSame('La commande a été refusée : &lt;b&gt;verification_required&lt;/b&gt;', $this->statusMessage('french', [
            'status_message' => 'The order was refused: <b>verification_required</b>',
            'status_message_code' => 'status_order_refused',
            'status_message_params' => ['reason' => '<b>verification_required</b>'],
        ]));
    }

    public function testAStateSentenceWithoutParametersIsTranslated(): void
    {
        self::assertSame('Votre serveur est prêt.', $this->statusMessage('french', [
            'status_message' => 'Your server is ready.',
            'status_message_code' => 'status_server_active',
            'status_message_params' => [],
        ]));
    }

    public function testAnUnknownCodeOrAnOlderBackendFallsBackToTheEnglishText(): void
    {
        self::assertSame('A newer backend&#039;s sentence.', $this->statusMessage('german', [
            'status_message' => "A newer backend's sentence.",
            'status_message_code' => 'status_from_a_newer_backend',
            'status_message_params' => ['x' => '1'],
        ]));
        self::assertSame('Moving to region EU (support ticket 5).', $this->statusMessage('french', [
            'status_message' => 'Moving to region EU (support ticket 5).',
        ]));
    }

    public function testTheObjectStorageTabSaysItsStatusInTheAdminsLanguage(): void
    {
        $_SESSION['adminlang'] = 'german';
        $this->objectStorageUsage();
        $fields = ServiceTab::objectStorageFields(WhmcsParams::service(['configoption9' => 'object_storage']), [
            'service_id' => '42', 'kind' => 'object_storage', 'state' => 'active',
            'status_message' => 'Your object storage is ready.',
            'status_message_code' => 'status_storage_active', 'status_message_params' => [],
            'object_storage' => ['status' => 'READY', 'size_tb' => 2],
        ]);
        $status = $fields[Lang::admin()['cloudserver_admin_tab_storage_status']];
        self::assertStringContainsString('Ihr Objektspeicher ist bereit.', $status);
        self::assertStringNotContainsString('Your object storage', $status);
    }

    /** @param array<string, mixed> $status */
    private function statusMessage(string $language, array $status): string
    {
        $_SESSION['adminlang'] = $language;
        $lang = Lang::admin();
        $fields = ServiceTab::statusFields(['service_id' => '42', 'kind' => 'compute', 'state' => 'active'] + $status, $lang);
        return $fields[$lang['cloudserver_admin_tab_status_message']];
    }
}

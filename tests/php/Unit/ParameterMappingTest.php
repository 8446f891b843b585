<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\WhmcsParams;
use WHMCS\Module\Server\Contabo\Mapping\ModuleSettings;
use WHMCS\Module\Server\Contabo\Mapping\ServiceRequestMapper;

final class ParameterMappingTest extends TestCase
{
    public function testModuleSettingsBuildTheCreateRequest(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service());

        self::assertSame([
            'client_id' => '7',
            'client_email' => 'ada@example.com',
            'product_id' => 'V92',
            'region' => 'EU',
            'image_id' => 'ubuntu-22.04',
            'period' => 1,
            'default_user' => 'root',
            'add_ons' => ['private_networking' => false, 'backup' => false, 'additional_ipv4' => 0],
            'whmcs_product_id' => '3',
            'hostname' => 'web1.example.com',
        ], $request);
    }

    public function testAnInternationalHostNameIsSentAsPunycode(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service(['domain' => 'sérveur.münchen.example.']));

        self::assertSame('xn--srveur-bva.xn--mnchen-3ya.example', $request['hostname']);
    }

    public function testAnInternationalReverseDnsNameIsCheckedAsPunycode(): void
    {
        self::assertSame('xn--srveur-bva.xn--mnchen-3ya.example', (new \WHMCS\Module\Server\Contabo\Validation\InputRules([]))->hostname('Sérveur.München.example'));
    }

    public function testObjectStorageOrderFromOptionsWithUnitsAndAliases(): void
    {
        $params = WhmcsParams::service(['configoption9' => 'object_storage', 'configoptions' => [
            'Location|Data centre' => 'US-east|New York',
            'storage size|Storage' => '500 GB|Half a terabyte',
            'Auto-Scaling Limit|Grow up to' => '2|2 TB',
        ]]);

        self::assertTrue(ModuleSettings::fromParams($params)->isObjectStorage());
        self::assertSame([
            'client_id' => '7',
            'client_email' => 'ada@example.com',
            'region' => 'US-east',
            'size_tb' => 0.5,
            'auto_scaling_limit_tb' => 2.0,
            'whmcs_product_id' => '3',
        ], ServiceRequestMapper::objectStorageRequest($params));
    }

    public function testObjectStorageSizeFallsBackToTheModuleSettingAndRefusesNonsense(): void
    {
        $params = WhmcsParams::service(['configoption9' => 'object_storage', 'configoption10' => '0,25']);
        self::assertSame(['size_tb' => 0.25], ServiceRequestMapper::storageSize($params));

        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage('The "Storage Size" value "lots" is not a size: use a number of TB, e.g. 1 or 2.5.');
        ServiceRequestMapper::storageSize(WhmcsParams::service(['configoptions' => ['Storage Size' => 'lots']]));
    }

    public function testObjectStorageWithoutAnySizeNamesTheOptionToAdd(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage('No storage size is set: choose one in the product\'s Module Settings or offer a "Storage Size" configurable option.');
        ServiceRequestMapper::objectStorageRequest(WhmcsParams::service(['configoption9' => 'object_storage']));
    }

    public function testConfigurableOptionsOverrideSettingsWithDisplayFormAndAliases(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service(['configoptions' => [
            'location|Data centre' => 'US-east|New York',
            'OS|Operating system' => 'debian-12|Debian 12',
            'PRODUCT' => 'V94|Cloud VPS 20',
            'Private Networking|Private network' => '1',
            'backup' => 'Yes|Daily backups',
            'Additional IPv4|Extra IPv4 addresses' => '2',
        ]]));

        self::assertSame('US-east', $request['region']);
        self::assertSame('debian-12', $request['image_id']);
        self::assertSame('V94', $request['product_id']);
        self::assertSame(['private_networking' => true, 'backup' => true, 'additional_ipv4' => 2], $request['add_ons']);
    }

    public function testTheApplicationOptionNamesTheCataloguesKey(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service(['configoptions' => ['Application|One-click app' => 'wordpress|WordPress']]));
        self::assertSame('wordpress', $request['application']);
        $none = ServiceRequestMapper::createRequest(WhmcsParams::service(['configoptions' => ['Application' => 'None']]));
        self::assertArrayNotHasKey('application', $none);
    }

    public function testExtraStorageOptionBecomesOneEntryPerDisk(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service(['configoptions' => [
            'Extra Storage|Additional disk' => '2 x 500 GB SSD|Two 500 GB SSD disks',
        ]]));
        self::assertSame([['type' => 'ssd', 'size_tb' => '0.5'], ['type' => 'ssd', 'size_tb' => '0.5']], $request['add_ons']['extra_storage']);

        $none = ServiceRequestMapper::createRequest(WhmcsParams::service(['configoptions' => ['Extra Storage' => 'None']]));
        self::assertArrayNotHasKey('extra_storage', $none['add_ons']);
        self::assertSame([['type' => 'nvme', 'size_tb' => '1']], ServiceRequestMapper::extraStorage('1 TB NVMe'));
    }

    /** @dataProvider imageAliases */
    public function testEveryImageAliasIsRecognised(string $name): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service(['configoptions' => [$name => 'rocky-9']]));

        self::assertSame('rocky-9', $request['image_id']);
    }

    /** @return array<string, array{string}> */
    public static function imageAliases(): array
    {
        return ['Operating System' => ['Operating System'], 'Image' => ['image'], 'OS' => ['Os|System']];
    }

    public function testEmptyOptionValueFallsBackToTheSetting(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service(['configoptions' => ['Region' => '', 'Plan' => '|None']]));

        self::assertSame('EU', $request['region']);
        self::assertSame('V92', $request['product_id']);
    }

    public function testCustomFieldsGiveSshKeysAndUserData(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service(['customfields' => [
            'SSH Public Key|Your SSH key' => "ssh-ed25519 AAAA1 ada@laptop\r\n\r\nssh-ed25519 AAAA2 ada@desk\n",
            'cloud-init user data' => "#cloud-config\r\npackages: [nginx]\r\n",
        ]]));

        self::assertSame(['ssh-ed25519 AAAA1 ada@laptop', 'ssh-ed25519 AAAA2 ada@desk'], $request['ssh_keys']);
        self::assertSame("#cloud-config\npackages: [nginx]\n", $request['user_data']);
    }

    public function testCloudInitTemplateIsUsedWhenTheCustomerGivesNone(): void
    {
        $request = ServiceRequestMapper::createRequest(WhmcsParams::service([
            'configoption6' => "#cloud-config\nruncmd: [echo hi]",
            'customfields' => ['Cloud-Init User Data' => '  '],
        ]));

        self::assertSame("#cloud-config\nruncmd: [echo hi]\n", $request['user_data']);
        self::assertArrayNotHasKey('ssh_keys', $request);
    }

    public function testMissingProductGivesASentenceAnAdminCanActOn(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->expectExceptionMessage('No server product is set: choose one in the product\'s Module Settings or offer a "Plan" configurable option.');

        ServiceRequestMapper::createRequest(WhmcsParams::service(['configoption1' => '']));
    }

    public function testSettingsDefaultSafely(): void
    {
        $settings = ModuleSettings::fromParams(['configoption4' => '7', 'configoption7' => 'weird', 'configoption8' => 'keep']);

        self::assertSame(1, $settings->periodMonths);
        self::assertSame('root', $settings->defaultUser);
        self::assertSame('stop', $settings->suspendPolicy);
        self::assertSame('keep', $settings->terminatePolicy);
    }

    public function testChangePackageCarriesPlanAndAddOns(): void
    {
        $request = ServiceRequestMapper::changePackageRequest(WhmcsParams::service(['configoptions' => ['Plan' => 'V95', 'Backup' => '0']]));

        self::assertSame(['product_id' => 'V95', 'add_ons' => ['private_networking' => false, 'backup' => false, 'additional_ipv4' => 0]], $request);
    }
}

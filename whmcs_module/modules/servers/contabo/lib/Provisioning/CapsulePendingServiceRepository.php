<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

use Illuminate\Database\Schema\Blueprint;
use WHMCS\Database\Capsule;
use WHMCS\Module\Server\Contabo\Mapping\ServiceRequestMapper;

final class CapsulePendingServiceRepository implements PendingServiceRepository
{
    private const MODULE = 'contabo';
    private const SENT_TABLE = 'mod_cloudserver_welcome_emails';
    private const FAILURE_TABLE = 'mod_cloudserver_failure_notices';

    public function pendingServices(): array
    {
        $this->ensureFailureTable();
        $rows = $this->pendingQuery()
            ->leftJoin('tblemailtemplates as e', 'e.id', '=', 'p.welcomeemail')
            ->leftJoin(self::FAILURE_TABLE . ' as f', 'f.service_id', '=', 'h.id')
            ->whereNull('f.service_id')
            ->get(['h.id', 'h.userid', 'h.packageid', 's.hostname', 's.ipaddress', 's.secure', 's.username', 's.password', 'e.name as welcome',
                'p.configoption12 as failure_notice', 'p.configoption13 as ticket_department']);

        $services = [];
        foreach ($rows as $row) {
            $services[] = new PendingService((int) $row->id, (int) $row->packageid, [
                'serverhostname' => (string) $row->hostname,
                'serverip' => (string) $row->ipaddress,
                'serversecure' => (string) $row->secure,
                'serverusername' => (string) $row->username,
                // tblservers keeps the password encrypted with the installation's key.
                'serverpassword' => function_exists('decrypt') ? (string) decrypt((string) $row->password) : '',
                'userid' => (int) $row->userid,
            ], (string) ($row->welcome ?? ''), (int) $row->userid,
                (string) ($row->failure_notice ?? '') === PendingService::NOTICE_TICKET ? PendingService::NOTICE_TICKET : PendingService::NOTICE_EMAIL,
                (int) ($row->ticket_department ?? 0));
        }
        return $services;
    }

    public function failureNoticeSent(int $serviceId): bool
    {
        $this->ensureFailureTable();
        return Capsule::table(self::FAILURE_TABLE)->where('service_id', $serviceId)->exists();
    }

    public function markFailureNoticeSent(int $serviceId, string $reason): void
    {
        $this->ensureFailureTable();
        Capsule::table(self::FAILURE_TABLE)->updateOrInsert(
            ['service_id' => $serviceId],
            ['reason' => mb_substr($reason, 0, 1000), 'told_at' => gmdate('Y-m-d H:i:s')],
        );
    }

    public function saveInstanceId(PendingService $service, string $instanceId): void
    {
        $fieldId = Capsule::table('tblcustomfields')
            ->where('type', 'product')
            ->where('relid', $service->productId)
            ->where(static function ($query): void {
                $query->where('fieldname', ServiceRequestMapper::FIELD_INSTANCE_ID)
                    ->orWhere('fieldname', 'like', ServiceRequestMapper::FIELD_INSTANCE_ID . '|%');
            })
            ->value('id');
        if ($fieldId === null) {
            return;
        }
        Capsule::table('tblcustomfieldsvalues')->updateOrInsert(
            ['fieldid' => (int) $fieldId, 'relid' => $service->serviceId],
            ['value' => $instanceId],
        );
    }

    public function welcomeEmailSent(int $serviceId): bool
    {
        $this->ensureSentTable();
        return Capsule::table(self::SENT_TABLE)->where('service_id', $serviceId)->exists();
    }

    public function markWelcomeEmailSent(int $serviceId): void
    {
        $this->ensureSentTable();
        Capsule::table(self::SENT_TABLE)->updateOrInsert(['service_id' => $serviceId], ['sent_at' => gmdate('Y-m-d H:i:s')]);
    }

    public function holdsWelcomeEmail(int $serviceId, string $templateName): bool
    {
        return $this->pendingQuery()
            ->join('tblemailtemplates as e', 'e.id', '=', 'p.welcomeemail')
            ->where('h.id', $serviceId)
            ->where('e.name', $templateName)
            ->exists();
    }

    /** @return \Illuminate\Database\Query\Builder */
    private function pendingQuery()
    {
        return Capsule::table('tblhosting as h')
            ->join('tblproducts as p', 'p.id', '=', 'h.packageid')
            ->join('tblservers as s', 's.id', '=', 'h.server')
            ->where('p.servertype', self::MODULE)
            ->whereIn('h.domainstatus', ['Pending', 'Active'])
            ->where(static function ($query): void {
                $query->whereNull('h.dedicatedip')->orWhere('h.dedicatedip', '');
            });
    }

    private function ensureFailureTable(): void
    {
        if (Capsule::schema()->hasTable(self::FAILURE_TABLE)) {
            return;
        }
        Capsule::schema()->create(self::FAILURE_TABLE, static function (Blueprint $table): void {
            $table->unsignedInteger('service_id')->primary();
            $table->text('reason');
            $table->dateTime('told_at');
        });
    }

    private function ensureSentTable(): void
    {
        if (Capsule::schema()->hasTable(self::SENT_TABLE)) {
            return;
        }
        Capsule::schema()->create(self::SENT_TABLE, static function (Blueprint $table): void {
            $table->unsignedInteger('service_id')->primary();
            $table->dateTime('sent_at');
        });
    }
}

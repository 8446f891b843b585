<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

use Illuminate\Database\Schema\Blueprint;
use WHMCS\Database\Capsule;
use WHMCS\Module\Server\Contabo\StaffNotice;

/**
 * The addon's one table, mod_contabo_admin_parked_notices: a row per parked job told to staff
 * (job id, the parked time told). Created by the addon's activate and upgrade functions, and
 * by the first cron run after an update that skipped them.
 */
final class CapsuleParkedJobStore implements ParkedJobStore
{
    public const TABLE = 'mod_contabo_admin_parked_notices';
    /** Job ids never hold a space (the backend's job-id pattern): this row is the cron's own. */
    private const FETCH_ERROR_ROW = 'cron fetch error';
    private const FETCH_ERROR_REPEAT_SECONDS = 3600;

    public static function install(): void
    {
        if (Capsule::schema()->hasTable(self::TABLE)) {
            return;
        }
        Capsule::schema()->create(self::TABLE, static function (Blueprint $table): void {
            $table->string('job_id', 200)->primary();
            $table->string('parked_at', 64);
            $table->dateTime('told_at');
        });
    }

    public function told(string $jobId, string $parkedAt): bool
    {
        self::install();
        return Capsule::table(self::TABLE)->where('job_id', $jobId)->where('parked_at', $parkedAt)->exists();
    }

    public function markTold(string $jobId, string $parkedAt): void
    {
        self::install();
        Capsule::table(self::TABLE)->updateOrInsert(
            ['job_id' => $jobId],
            ['parked_at' => mb_substr($parkedAt, 0, 64), 'told_at' => gmdate('Y-m-d H:i:s')],
        );
    }

    public function noticeSettings(string $serviceId): array
    {
        $row = ctype_digit($serviceId) ? Capsule::table('tblhosting as h')
            ->join('tblproducts as p', 'p.id', '=', 'h.packageid')
            ->where('h.id', (int) $serviceId)
            ->where('p.servertype', 'contabo')
            ->first(['p.configoption12 as failure_notice', 'p.configoption13 as ticket_department']) : null;
        return [
            'way' => (string) ($row->failure_notice ?? '') === StaffNotice::TICKET ? StaffNotice::TICKET : StaffNotice::EMAIL,
            'department' => (int) ($row->ticket_department ?? 0),
        ];
    }

    public function shouldLogFetchError(string $message, int $now): bool
    {
        self::install();
        $said = mb_substr(sha1($message), 0, 64);
        $last = Capsule::table(self::TABLE)->where('job_id', self::FETCH_ERROR_ROW)->first();
        if ($last !== null && (string) $last->parked_at === $said && strtotime((string) $last->told_at . ' UTC') > $now - self::FETCH_ERROR_REPEAT_SECONDS) {
            return false;
        }
        Capsule::table(self::TABLE)->updateOrInsert(
            ['job_id' => self::FETCH_ERROR_ROW],
            ['parked_at' => $said, 'told_at' => gmdate('Y-m-d H:i:s', $now)],
        );
        return true;
    }
}

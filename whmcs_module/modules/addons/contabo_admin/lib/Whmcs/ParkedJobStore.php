<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

/** What the cron remembers of parked jobs it told staff about, and how staff want to hear. */
interface ParkedJobStore
{
    /** Whether staff were told of this job parked at $parkedAt (a later re-park is new). */
    public function told(string $jobId, string $parkedAt): bool;

    public function markTold(string $jobId, string $parkedAt): void;

    /**
     * How staff hear of a failure of this WHMCS service: its product's failure-notice setting
     * (the server module's Module Settings); an admin email when the service is not known.
     *
     * @return array{way: string, department: int}
     */
    public function noticeSettings(string $serviceId): array;

    /**
     * Whether the backend being unreachable should be logged now: when it says something new,
     * or an hour after it was last logged (the cron runs every few minutes).
     */
    public function shouldLogFetchError(string $message, int $now): bool;
}

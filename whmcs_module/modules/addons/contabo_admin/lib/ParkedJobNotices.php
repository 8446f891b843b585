<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

use WHMCS\Module\Addon\ContaboAdmin\Api\AdminApi;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\ParkedJobStore;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\StaffNotice;

/**
 * The addon's cron step for actions WHMCS was already answered `success` for and the backend
 * finishes later through its action queue (a queued password change, an upgrade, a renewal,
 * a suspension or termination recorded while the service was busy): once such a job failed
 * for good ("parked"), staff are told once per parking, without opening the addon: an activity
 * log line (service, action, error, request id, where to act) and an admin email or a ticket,
 * as the product's failure-notice setting says. A job retried and parked again is told again.
 */
final class ParkedJobNotices
{
    /** The addon's Action queue page, parked jobs first (under WHMCS's admin folder). */
    public const QUEUE_PAGE = 'addonmodules.php?module=contabo_admin&page=queue&status=parked';
    private const PAGE_SIZE = 200;  // the list route's largest page
    // A bound on one cron run: past 1,000 parked jobs the rest are left to the Action queue
    // page and the ParkedJobs alarm (both already say something is badly wrong).
    private const MAX_PAGES = 5;

    /** @var callable(string, array<string, mixed>): array<string, mixed> */
    private $localApi;

    /**
     * @param callable(string, array<string, mixed>): array<string, mixed> $localApi WHMCS localAPI
     * @param array<string, string> $moduleLang the server module's strings (its message codes)
     */
    public function __construct(
        private readonly AdminApi $api,
        private readonly ParkedJobStore $store,
        callable $localApi,
        private readonly Lang $lang,
        private readonly array $moduleLang,
        private readonly string $queueUrl = self::QUEUE_PAGE,
    ) {
        $this->localApi = $localApi;
    }

    /**
     * One list call per run (more only past 200 parked jobs); a backend that cannot be asked is
     * said in the activity log (when new, else hourly) and the next run asks again.
     *
     * @return list<string> the jobs told this run
     */
    public function run(int $now): array
    {
        try {
            $jobs = $this->parkedJobs();
        } catch (ApiException $error) {
            $reason = Messages::error($error, $this->moduleLang);
            if ($this->store->shouldLogFetchError($reason, $now)) {
                $this->log($this->lang->get('parked_notice_fetch_failed', rtrim($reason, '.') . '.'));
            }
            return [];
        }
        $told = [];
        foreach ($jobs as $job) {
            $jobId = (string) ($job['job_id'] ?? '');
            $parkedAt = (string) ($job['parked_at'] ?? $job['updated_at'] ?? '');
            if ($jobId === '' || ($job['status'] ?? 'parked') !== 'parked' || $this->store->told($jobId, $parkedAt)) {
                continue;
            }
            $this->tell($job);
            $this->store->markTold($jobId, $parkedAt);
            $told[] = $jobId;
        }
        return $told;
    }

    /** @return list<array<string, mixed>> */
    private function parkedJobs(): array
    {
        $jobs = [];
        $cursor = null;
        for ($page = 0; $page < self::MAX_PAGES; $page++) {
            $answer = $this->api->jobs('parked', $cursor, self::PAGE_SIZE);
            array_push($jobs, ...$answer['items']);
            $cursor = $answer['next_cursor'];
            if ($cursor === null) {
                break;
            }
        }
        return $jobs;
    }

    /** @param array<string, mixed> $job JobView of a parked job */
    private function tell(array $job): void
    {
        $jobId = (string) $job['job_id'];
        $serviceId = (string) ($job['service_id'] ?? '');
        $words = new JobWords($this->lang, $this->moduleLang);
        $action = $words->action((string) ($job['action'] ?? ''));
        $service = $serviceId !== '' ? $this->lang->get('parked_notice_service', $serviceId) : $this->lang->get('parked_notice_no_service');
        $error = $words->error($job);
        $error = $error !== '' ? $error : $this->lang->get('parked_notice_no_reason');
        $requestId = (string) ($job['request_id'] ?? $jobId);
        $this->log($this->lang->get('parked_notice_log', $action, $service, $error, $requestId, $this->queueUrl));

        $settings = $this->store->noticeSettings($serviceId);
        $failed = (new StaffNotice($this->localApi))->send(
            $settings['way'],
            $settings['department'],
            $this->lang->get('parked_notice_subject', $action, $service),
            $this->lang->get('parked_notice_message', $action, $service, $error, $requestId, (string) ($job['attempts'] ?? '?'), $this->queueUrl),
            $this->lang->get('parked_notice_sender'),
        );
        if ($failed !== null) {
            // Told in the activity log above; the notice failing is said there too, once.
            $this->log($this->lang->get('parked_notice_send_failed', $jobId, $failed));
        }
    }

    /**
     * The Action queue page's full address: WHMCS's System URL and admin folder, else the
     * address within the admin area.
     */
    public static function queueUrl(string $systemUrl, string $adminFolder): string
    {
        $adminFolder = trim($adminFolder, '/') !== '' ? trim($adminFolder, '/') : 'admin';
        return trim($systemUrl) !== '' ? rtrim(trim($systemUrl), '/') . '/' . $adminFolder . '/' . self::QUEUE_PAGE : self::QUEUE_PAGE;
    }

    private function log(string $line): void
    {
        ($this->localApi)('LogActivity', ['description' => $line]);
    }
}

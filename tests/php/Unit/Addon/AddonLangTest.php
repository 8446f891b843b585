<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Addon\ContaboAdmin\AdminArea;
use WHMCS\Module\Addon\ContaboAdmin\Api\AdminApi;
use WHMCS\Module\Addon\ContaboAdmin\Lang;
use WHMCS\Module\Addon\ContaboAdmin\JobWords;
use WHMCS\Module\Addon\ContaboAdmin\Pages\LogsPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\SettingsPage;

final class AddonLangTest extends TestCase
{
    public function testEnglishAndGermanHaveTheSameKeysAndPlaceholders(): void
    {
        $english = Lang::file('english');
        $german = Lang::file('german');
        self::assertGreaterThan(100, count($english));
        self::assertSame([], array_diff(array_keys($english), array_keys($german)), 'missing in german.php');
        self::assertSame([], array_diff(array_keys($german), array_keys($english)), 'missing in english.php');
        foreach ($english as $key => $text) {
            self::assertNotSame('', trim($text), "{$key} is empty");
            self::assertNotSame('', trim($german[$key]), "{$key} is empty in german.php");
            preg_match_all('/%[sd]/', $text, $inEnglish);
            preg_match_all('/%[sd]/', $german[$key], $inGerman);
            self::assertSame($inEnglish[0], $inGerman[0], "{$key}: the same placeholders in the same order");
        }
    }

    public function testEveryKeyTheCodeAsksForExists(): void
    {
        $english = Lang::file('english');
        $code = '';
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator(ADDON_DIR . '/lib')) as $file) {
            if ($file->isFile() && str_ends_with($file->getFilename(), '.php')) {
                $code .= file_get_contents($file->getPathname());
            }
        }
        preg_match_all("/(?:->t|->get)\\('([a-z0-9_]+)'[,)]/", $code, $literal);
        self::assertGreaterThan(150, count(array_unique($literal[1])));
        self::assertSame([], array_values(array_diff(array_unique($literal[1]), array_keys($english))));

        // Keys built from a prefix and a known set of names.
        $built = [];
        foreach (AdminArea::PAGES as $page) {
            $built[] = 'page_' . $page::slug();
        }
        foreach (AdminApi::JOB_STATUSES as $status) {
            $built[] = 'job_status_' . $status;
        }
        foreach (AdminApi::SCHEDULES as $job) {
            $built[] = 'schedule_' . str_replace('-', '_', $job);
        }
        foreach (['retry', 'skip', 'done'] as $action) {
            $built[] = 'action_job_' . $action;
            $built[] = 'queue_' . $action . '_done';
        }
        foreach (['skip', 'done'] as $action) {
            $built[] = 'queue_confirm_' . $action;
        }
        foreach (['added', 'removed', 'changed'] as $kind) {
            $built[] = 'diff_' . $kind;
        }
        foreach (LogsPage::FILTERS as $filter) {
            $built[] = 'filter_' . $filter;
            $built[] = 'filter_' . $filter . '_hint';
        }
        foreach (SettingsPage::GUARDRAIL_SWITCHES as $switch) {
            $built[] = 'guardrail_' . $switch;
        }
        foreach (JobWords::ACTIONS as $action) {
            $built[] = 'parked_action_' . $action;
        }
        self::assertSame([], array_values(array_diff($built, array_keys($english))));
        preg_match_all("/(?:->t|->get)\\('([a-z0-9_]+_)' \\./", $code, $prefixes);
        self::assertEqualsCanonicalizing(
            ['page_', 'job_status_', 'schedule_', 'action_job_', 'queue_', 'queue_confirm_', 'diff_', 'filter_', 'guardrail_', 'parked_action_'],
            array_values(array_unique($prefixes[1])),
            'a new built key prefix needs its names listed above',
        );
    }

    public function testUnknownLanguageFallsBackToEnglishAndCannotEscapeTheFolder(): void
    {
        self::assertSame('Settings', Lang::of('klingon')->get('page_settings'));
        self::assertSame('Settings', Lang::of('../../english')->get('page_settings'));
        self::assertSame('Einstellungen', Lang::of('German')->get('page_settings'));
        self::assertSame('Job 7 was skipped (status: skipped).', Lang::of('english')->get('queue_skip_done', '7', 'skipped'));
    }
}

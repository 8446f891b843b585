<?php

declare(strict_types=1);

namespace Tests\Php\Support;

use PHPUnit\Framework\Assert;
use PHPUnit\Framework\TestCase;

/**
 * What "entirely in the client's language" means for a rendered page, shared by the client-area
 * and addon language tests: no sentence of the English file where the language has its own, no
 * raw state name, no provider name.
 */
final class LanguageCheck
{
    /** WHMCS's language names, every one complete in both modules. */
    public const LANGUAGES = ['english', 'german', 'spanish', 'french', 'portuguese-br'];

    /** Raw values a page must translate, never show as they are. */
    public const RAW_STATES = [
        'queued', 'purchasing', 'provisioning', 'active', 'suspended', 'failed', 'terminated',
        'running', 'stopped', 'installing', 'verification_required', 'pending_payment',
        'product_not_available', 'inactive', 'deny-all-inbound', 'ssh-only', 'yes', 'true',
        'false', 'ok', 'refused', 'parked', 'skipped', 'done',
    ];

    /** The one provider host a customer may see: the S3 endpoint (clients sign requests for it). */
    private const S3_ENDPOINT = '#https?://[a-z0-9-]+\.contabostorage\.com#i';

    /**
     * A data provider's cases: each page in each language, named "<page> in <language>".
     *
     * @param list<string> $pages
     * @return array<string, array{string, string}>
     */
    public static function pagesInEveryLanguage(array $pages): array
    {
        $cases = [];
        foreach (self::LANGUAGES as $language) {
            foreach ($pages as $page) {
                $cases["{$page} in {$language}"] = [$page, $language];
            }
        }
        return $cases;
    }

    /** A page's text as a person sees it: no tags, scripts or styles; entities decoded. */
    public static function visibleText(string $html): string
    {
        $html = (string) preg_replace('#<(script|style)\b.*?</\1>#si', ' ', $html);
        $html = (string) preg_replace('#<[^>]+>#', "\n", $html);
        return html_entity_decode($html, ENT_QUOTES | ENT_HTML5, 'UTF-8');
    }

    public static function assertNoProviderName(TestCase $test, string $text, string $where): void
    {
        $text = (string) preg_replace(self::S3_ENDPOINT, '', $text);
        Assert::assertDoesNotMatchRegularExpression('/contabo|vmi\d{3,}|\bV\d{2,4}\b/i', $text, "{$where} names the provider");
    }

    /** No text node, option or badge is just a raw state name. */
    public static function assertNoRawStateName(TestCase $test, string $html, string $where): void
    {
        foreach (preg_split('/\n/', self::visibleText($html)) ?: [] as $node) {
            Assert::assertNotContains(trim($node), self::RAW_STATES, "{$where} shows a raw state name");
        }
    }

    /**
     * No sentence or label of the English file appears on the page where the language has its
     * own words, and none of the backend's English sentences does.
     *
     * @param list<string> $backendEnglish
     */
    public static function assertNothingLeftInEnglish(TestCase $test, string $text, string $module, string $variable, string $language, array $backendEnglish = []): void
    {
        $english = self::strings($module, $variable, 'english');
        $translated = self::strings($module, $variable, $language);
        $found = [];
        foreach ($english as $key => $phrase) {
            if (($translated[$key] ?? $phrase) === $phrase) {
                continue; // the same word in both languages (checked per file by LangFilesTest)
            }
            foreach (self::literalParts($phrase) as $part) {
                if (mb_strlen($part) >= 12 && str_contains($text, $part)) {
                    $found[] = "{$key}: {$part}";
                }
            }
        }
        foreach ($backendEnglish as $sentence) {
            if (str_contains($text, $sentence)) {
                $found[] = "backend: {$sentence}";
            }
        }
        Assert::assertSame([], $found, "left in English on a {$language} page");
    }

    /** @return array<string, string> */
    public static function strings(string $module, string $variable, string $language): array
    {
        if (!defined('WHMCS')) {
            define('WHMCS', true);
        }
        $$variable = [];
        include dirname(__DIR__, 3) . '/whmcs_module/modules/' . $module . '/lang/' . $language . '.php';
        return $$variable;
    }

    /** @return list<string> the phrase's text between its placeholders (%d, %1$s, {name}) */
    public static function literalParts(string $phrase): array
    {
        return array_values(array_filter(array_map('trim', preg_split('/%(\d+\$)?[sd]|\{[a-z_]+\}/', $phrase) ?: [])));
    }
}

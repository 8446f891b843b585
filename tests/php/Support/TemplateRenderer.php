<?php

declare(strict_types=1);

namespace Tests\Php\Support;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\Whmcs;

/**
 * Renders the module's Smarty templates the way WHMCS does (no automatic escaping, the
 * session token in {$token}), with Debian's Smarty 4. Reading an unassigned variable is a
 * warning, which fails the test: every variable a template reads must be provided.
 */
final class TemplateRenderer
{
    public const SMARTY = '/usr/share/php/smarty4/Smarty.class.php';

    /** @param array<string, mixed> $variables */
    public static function render(TestCase $test, string $template, array $variables): string
    {
        if (!is_file(self::SMARTY)) {
            $test->markTestSkipped('Smarty is not installed (Debian package smarty4): the templates cannot be rendered.');
        }
        require_once self::SMARTY;
        $smarty = new \Smarty();
        $compileDir = sys_get_temp_dir() . '/cloudserver-smarty-' . getmypid();
        if (!is_dir($compileDir)) {
            mkdir($compileDir, 0700, true);
        }
        $smarty->setCompileDir($compileDir);
        $smarty->escape_html = false;
        $smarty->assign('token', Whmcs::CSRF_TOKEN);
        $smarty->assign($variables);
        return $smarty->fetch(MODULE_DIR . '/templates/' . $template);
    }
}

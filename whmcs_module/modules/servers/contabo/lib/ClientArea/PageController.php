<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Lang;
use WHMCS\Module\Server\Contabo\Mapping\ServiceRequestMapper;

/**
 * Runs one client-area page request the same way for every page: read the service, refuse
 * changes on a suspended or unfinished service (with the reason), check the form token, ask
 * for confirmation where the action cannot be undone, run the action, then show the page with
 * the outcome inline. A failure never breaks the page.
 */
final class PageController
{
    /** Pages of a compute service, in the order of the navigation. */
    public const COMPUTE_PAGES = ['reinstall', 'images', 'snapshots', 'sshkeys', 'network', 'firewall', 'rescue', 'activity', 'dns'];
    private const PENDING_STATES = ['queued', 'purchasing', 'provisioning'];

    /**
     * @param array<string, mixed> $params WHMCS module parameters
     * @return array<string, mixed> variables for the page's template
     */
    public static function variables(Page $page, array $params): array
    {
        $lang = Lang::strings(Lang::languageOf($params));
        Format::useLanguage(Lang::languageOf($params));
        $request = ClientRequest::current();
        $vars = [
            'serviceid' => (int) ($params['serviceid'] ?? 0),
            'page' => $page->name(),
            'LANG' => array_merge(is_array($GLOBALS['_LANG'] ?? null) ? $GLOBALS['_LANG'] : [], $lang),
            'nav' => [],
            'flash_success' => '',
            'flash_error' => '',
            'load_error' => '',
            'read_only' => true,
            'read_only_reason' => '',
            'confirm' => null,
            'form_key' => bin2hex(random_bytes(16)),
            'action_url' => self::pageUrl($params, $page->name()),
            'shown_once' => [],
            'network_notice' => '',
        ];

        try {
            $service = ClientFactory::fromParams($params)->service(ServiceRequestMapper::serviceId($params));
        } catch (ApiException $error) {
            $vars['load_error'] = self::customerMessage($error, $lang);
            $vars['nav'] = self::nav($params, $lang, $page->name(), 'compute');
            return $vars;
        }
        $context = new PageContext($params, $lang, $request, $service, $page->name());
        $vars['nav'] = self::nav($params, $lang, $page->name(), (string) ($service['kind'] ?? 'compute'));
        $vars['read_only_reason'] = self::readOnlyReason($params, $service, $lang);
        $vars['read_only'] = $vars['read_only_reason'] !== '';

        $shownAfterAction = [];
        if ($request->isPost() && $request->post('op') !== '') {
            [$vars, $shownAfterAction] = self::handlePost($page, $context, $vars);
        }

        try {
            $vars = array_merge($vars, $page->load($context));
        } catch (ApiException $error) {
            $vars['load_error'] = self::customerMessage($error, $lang);
        }
        // What the action returned (a review, a password shown once) wins over the page's defaults.
        return array_merge($vars, $shownAfterAction);
    }

    /**
     * The WHMCS custom-page answer for a page.
     *
     * @param array<string, mixed> $params
     * @return array{templatefile: string, breadcrumb: array<string, string>, vars: array<string, mixed>}
     */
    public static function render(Page $page, array $params): array
    {
        $vars = self::variables($page, $params);
        $title = $vars['LANG']['cloudserver_page_' . $page->name()] ?? $page->name();
        return [
            'templatefile' => 'templates/' . $page->name(),
            'breadcrumb' => [self::pageUrl($params, $page->name()) => $title],
            'vars' => $vars,
        ];
    }

    /**
     * Why changes are not possible right now, for the customer; '' when they are.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $service
     * @param array<string, string> $lang
     */
    public static function readOnlyReason(array $params, array $service, array $lang): string
    {
        $state = (string) ($service['state'] ?? '');
        if (($params['status'] ?? 'Active') === 'Suspended' || !empty($service['suspended']) || $state === 'suspended') {
            return $lang['cloudserver_readonly_suspended'];
        }
        if (in_array($state, self::PENDING_STATES, true)) {
            return $lang['cloudserver_readonly_pending'];
        }
        if ($state !== 'active') {
            return $lang['cloudserver_readonly_unavailable'];
        }
        return '';
    }

    /**
     * The customer sees the backend's own sentence for a refusal or a busy service (they are
     * written for people), in their language where the module knows its message code; anything
     * about connectivity or configuration is for the admin's log.
     *
     * @param array<string, string> $lang
     */
    public static function customerMessage(ApiException $error, array $lang): string
    {
        return in_array($error->kind, [ApiException::REJECTED, ApiException::BUSY], true)
            ? Messages::error($error, $lang)
            : $lang['cloudserver_error_unavailable'];
    }

    /**
     * @param array<string, mixed> $params
     * @param array<string, string> $lang
     * @return list<array{name: string, label: string, url: string, active: bool}>
     */
    public static function nav(array $params, array $lang, string $current, string $kind): array
    {
        $overviewUrl = 'clientarea.php?action=productdetails&id=' . (int) ($params['serviceid'] ?? 0);
        $nav = [['name' => 'overview', 'label' => $lang['cloudserver_page_overview'], 'url' => $overviewUrl, 'active' => $current === 'overview']];
        if ($kind === 'object_storage') {
            return $nav;
        }
        foreach (self::COMPUTE_PAGES as $name) {
            $nav[] = ['name' => $name, 'label' => $lang['cloudserver_page_' . $name], 'url' => self::pageUrl($params, $name), 'active' => $current === $name];
        }
        return $nav;
    }

    /** @param array<string, mixed> $params */
    public static function pageUrl(array $params, string $name): string
    {
        return 'clientarea.php?action=productdetails&id=' . (int) ($params['serviceid'] ?? 0) . '&modop=custom&a=' . $name;
    }

    /**
     * @param array<string, mixed> $vars
     * @return array{0: array<string, mixed>, 1: array<string, mixed>} the page variables, and what the action returned
     */
    private static function handlePost(Page $page, PageContext $context, array $vars): array
    {
        $request = $context->request;
        $op = $request->post('op');
        if (!$request->isTrustedPost()) {
            $vars['flash_error'] = $context->text('cloudserver_error_token');
            return [$vars, []];
        }
        if (!in_array($op, $page->operations(), true)) {
            $vars['flash_error'] = $context->text('cloudserver_error_unknown_action');
            return [$vars, []];
        }
        if ($vars['read_only'] && !in_array($op, $page->readOperations(), true)) {
            $vars['flash_error'] = $vars['read_only_reason'];
            return [$vars, []];
        }
        $confirmations = $page->confirmations();
        if (isset($confirmations[$op]) && $request->post('confirm') !== '1') {
            $vars['confirm'] = [
                'op' => $op,
                'title' => $context->text('cloudserver_confirm_' . $page->name() . '_' . $op),
                'warning' => $context->text($confirmations[$op]),
                'fields' => self::hiddenFields($request->post),
            ];
            return [$vars, []];
        }
        try {
            $outcome = $page->perform($op, $context);
            $vars['flash_success'] = $outcome['message'];
            return [$vars, $outcome['vars'] ?? []];
        } catch (ApiException $error) {
            $vars['flash_error'] = self::customerMessage($error, $context->lang);
        } catch (\InvalidArgumentException $invalid) {
            $vars['flash_error'] = $invalid->getMessage();
        }
        return [$vars, []];
    }

    /**
     * The posted form as flat hidden fields, so the confirmation step sends the same request
     * again (token and op are written by the template itself).
     *
     * @param array<mixed> $post
     * @return list<array{name: string, value: string}>
     */
    private static function hiddenFields(array $post, string $prefix = ''): array
    {
        $fields = [];
        foreach ($post as $key => $value) {
            $name = $prefix === '' ? (string) $key : $prefix . '[' . $key . ']';
            if ($prefix === '' && in_array($key, ['token', 'op', 'confirm'], true)) {
                continue;
            }
            if (is_array($value)) {
                $fields = [...$fields, ...self::hiddenFields($value, $name)];
            } elseif (is_scalar($value)) {
                $fields[] = ['name' => $name, 'value' => (string) $value];
            }
        }
        return $fields;
    }
}

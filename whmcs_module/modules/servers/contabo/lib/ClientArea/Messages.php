<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

use WHMCS\Module\Server\Contabo\Api\ApiException;

/**
 * Says what the backend answered in the customer's language: the backend sends a message code
 * and its parameters beside its English sentence, and lang/<language>.php holds the sentence
 * for each code (cloudserver_msg_<code>, placeholders {name}). A validation failure becomes one
 * sentence per field: the field, what is wrong, an example of right. A code this module does
 * not know yet falls back to the backend's English sentence, never to nothing.
 */
final class Messages
{
    /** @param array<string, string> $lang */
    public static function error(ApiException $error, array $lang): string
    {
        if ($error->fields !== []) {
            return implode(' ', array_map(static fn (array $field): string => self::problem($field, $lang), $error->fields));
        }
        $key = 'cloudserver_msg_' . $error->messageCode;
        if ($error->messageCode !== '' && isset($lang[$key])) {
            return self::fill($lang[$key], $error->params);
        }
        return $error->getMessage();
    }

    /**
     * A backend notice by its code, else its English text.
     *
     * @param array<string, string> $lang
     */
    public static function notice(?string $code, string $english, array $lang): string
    {
        return $code !== null && $code !== '' && isset($lang['cloudserver_msg_' . $code])
            ? $lang['cloudserver_msg_' . $code]
            : $english;
    }

    /**
     * A sentence the backend names by code with its parameters (e.g. a resize in progress),
     * else its English text.
     *
     * @param array<string, mixed> $params
     * @param array<string, string> $lang
     */
    public static function coded(string $code, array $params, string $english, array $lang): string
    {
        return $code !== '' && isset($lang['cloudserver_msg_' . $code])
            ? self::fill($lang['cloudserver_msg_' . $code], $params)
            : $english;
    }

    /**
     * @param array{field: string, problem: string, params: array<string, string>, example: string, message_code?: string} $field
     * @param array<string, string> $lang
     */
    public static function problem(array $field, array $lang): string
    {
        $name = $field['field'];
        $leaf = (string) preg_replace('/^.*\.|\[\d+\]$/', '', $name);
        $label = $lang['cloudserver_field_' . $leaf] ?? $name;
        if ($field['problem'] === 'custom') {
            // A rule of ours: its sentence by code after the field's name, else the backend's words.
            $key = 'cloudserver_msg_' . ($field['message_code'] ?? '');
            if (($field['message_code'] ?? '') !== '' && isset($lang[$key])) {
                $sentence = self::fill($lang[$key], $field['params']);
                return $name === '' ? $sentence : $label . ': ' . $sentence;
            }
            $said = (string) ($field['params']['message'] ?? '');
            return $name === '' ? $said : $label . ': ' . $said;
        }
        $template = $lang['cloudserver_problem_' . $field['problem']] ?? $lang['cloudserver_problem_invalid'];
        $sentence = self::fill($template, ['field' => $label] + $field['params']);
        if ($field['example'] !== '' && !in_array($field['problem'], ['required', 'unknown_field', 'not_json'], true)) {
            $sentence = rtrim($sentence, '.') . self::fill($lang['cloudserver_problem_example'], ['example' => $field['example']]);
        }
        return $sentence;
    }

    /** @param array<string, mixed> $params */
    private static function fill(string $template, array $params): string
    {
        $replacements = [];
        foreach ($params as $name => $value) {
            if (is_scalar($value)) {
                $replacements['{' . $name . '}'] = (string) $value;
            }
        }
        return strtr($template, $replacements);
    }
}

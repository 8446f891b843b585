<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Http;

/**
 * HTML for the addon pages. Everything is escaped unless it is a Raw fragment built here, so
 * a value from the backend or the admin can never become markup.
 */
final class Html
{
    /** How a true and a false value read in the admin's language (set once per request). */
    public static string $yes = 'yes';
    public static string $no = 'no';

    public function __construct(
        private readonly string $moduleLink,
        private readonly string $token,
    ) {
    }

    public static function e(string|int|float|bool|null $value): string
    {
        return htmlspecialchars(is_bool($value) ? ($value ? self::$yes : self::$no) : (string) $value, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
    }

    /** @param array<string, string|int> $params */
    public function url(string $page, array $params = []): string
    {
        $query = http_build_query(['page' => $page] + $params, '', '&', PHP_QUERY_RFC3986);
        return $this->moduleLink . (str_contains($this->moduleLink, '?') ? '&' : '?') . $query;
    }

    /** @param array<string, string|int> $params */
    public function link(string $text, string $page, array $params = [], string $class = ''): Raw
    {
        return new Raw(sprintf('<a href="%s"%s>%s</a>', self::e($this->url($page, $params)), $class !== '' ? ' class="' . self::e($class) . '"' : '', self::e($text)));
    }

    /**
     * A POST form to this addon's page and action, with the session's CSRF token. With
     * $more (action => label) the form has one button per action, the first the default.
     *
     * @param list<Raw|string> $fields
     * @param array<string, string> $more
     */
    public function form(string $page, string $action, array $fields, string $submit, string $class = 'btn btn-primary', string $confirm = '', array $more = []): Raw
    {
        $onSubmit = $confirm !== '' ? ' onsubmit="return confirm(' . self::e((string) json_encode($confirm)) . ');"' : '';
        $html = sprintf('<form method="post" action="%s"%s>', self::e($this->url($page)), $onSubmit)
            . $this->hidden('token', $this->token)->html;
        foreach ($fields as $field) {
            $html .= $field instanceof Raw ? $field->html : self::e($field);
        }
        if ($more === []) {
            return new Raw($html . $this->hidden('action', $action)->html . sprintf(' <button type="submit" class="%s">%s</button></form>', self::e($class), self::e($submit)));
        }
        foreach ([$action => $submit] + $more as $value => $label) {
            $html .= sprintf(' <button type="submit" name="action" value="%s" class="%s">%s</button>', self::e((string) $value), self::e($value === $action ? $class : 'btn btn-default'), self::e($label));
        }
        return new Raw($html . '</form>');
    }

    /**
     * A GET form (searches): the module link's own query (module=...) travels as hidden fields.
     *
     * @param list<Raw> $fields
     */
    public function searchForm(string $page, array $fields, string $submit): Raw
    {
        parse_str((string) parse_url($this->moduleLink, PHP_URL_QUERY), $linkQuery);
        $html = sprintf('<form method="get" action="%s" class="form-inline">', self::e((string) strtok($this->moduleLink, '?')));
        foreach ($linkQuery + ['page' => $page] as $name => $value) {
            $html .= $this->hidden((string) $name, is_scalar($value) ? (string) $value : '')->html;
        }
        foreach ($fields as $field) {
            $html .= $field->html . ' ';
        }
        return new Raw($html . sprintf('<button type="submit" class="btn btn-primary">%s</button></form>', self::e($submit)));
    }

    public function hidden(string $name, string $value): Raw
    {
        return new Raw(sprintf('<input type="hidden" name="%s" value="%s" />', self::e($name), self::e($value)));
    }

    public function input(string $name, string $label, string $value = '', string $type = 'text', string $placeholder = ''): Raw
    {
        return new Raw(sprintf(
            '<div class="form-group"><label for="ca-%1$s">%2$s</label> <input type="%3$s" class="form-control" id="ca-%1$s" name="%1$s" value="%4$s" placeholder="%5$s" /></div>',
            self::e($name),
            self::e($label),
            self::e($type),
            self::e($value),
            self::e($placeholder),
        ));
    }

    public function textarea(string $name, string $label, string $value = '', int $rows = 8): Raw
    {
        return new Raw(sprintf(
            '<div class="form-group"><label for="ca-%1$s">%2$s</label><textarea class="form-control" id="ca-%1$s" name="%1$s" rows="%3$d" spellcheck="false" style="font-family:monospace">%4$s</textarea></div>',
            self::e($name),
            self::e($label),
            $rows,
            self::e($value),
        ));
    }

    public function checkbox(string $name, string $label, bool $checked): Raw
    {
        return new Raw(sprintf(
            '<div class="checkbox"><label><input type="checkbox" name="%s" value="1"%s /> %s</label></div>',
            self::e($name),
            $checked ? ' checked="checked"' : '',
            self::e($label),
        ));
    }

    /** @param array<string, string> $options value => label */
    public function select(string $name, string $label, array $options, string $selected): Raw
    {
        $html = sprintf('<div class="form-group"><label for="ca-%1$s">%2$s</label> <select class="form-control" id="ca-%1$s" name="%1$s">', self::e($name), self::e($label));
        foreach ($options as $value => $text) {
            $html .= sprintf('<option value="%s"%s>%s</option>', self::e((string) $value), (string) $value === $selected ? ' selected="selected"' : '', self::e($text));
        }
        return new Raw($html . '</select></div>');
    }

    /**
     * @param list<string> $headers
     * @param list<list<Raw|string|int|float|bool|null>> $rows
     */
    public static function table(array $headers, array $rows, string $empty): Raw
    {
        if ($rows === []) {
            return new Raw('<p class="text-muted">' . self::e($empty) . '</p>');
        }
        $html = '<div class="table-responsive"><table class="table table-condensed table-striped"><thead><tr>';
        foreach ($headers as $header) {
            $html .= '<th>' . self::e($header) . '</th>';
        }
        $html .= '</tr></thead><tbody>';
        foreach ($rows as $row) {
            $html .= '<tr>';
            foreach ($row as $cell) {
                $html .= '<td>' . ($cell instanceof Raw ? $cell->html : self::e($cell)) . '</td>';
            }
            $html .= '</tr>';
        }
        return new Raw($html . '</tbody></table></div>');
    }

    public static function alert(string $type, string $message): Raw
    {
        return new Raw(sprintf('<div class="alert alert-%s">%s</div>', self::e($type), self::e($message)));
    }

    public static function heading(string $text, int $level = 3): Raw
    {
        return new Raw(sprintf('<h%1$d>%2$s</h%1$d>', $level, self::e($text)));
    }

    public static function paragraph(string $text, string $class = ''): Raw
    {
        return new Raw(sprintf('<p%s>%s</p>', $class !== '' ? ' class="' . self::e($class) . '"' : '', self::e($text)));
    }

    /** Pretty JSON for reading (escaped). */
    public static function code(mixed $value): Raw
    {
        $text = is_string($value) ? $value : (string) json_encode($value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return new Raw('<pre style="white-space:pre-wrap">' . self::e($text) . '</pre>');
    }

    /** @param list<Raw|string> $parts */
    public static function join(array $parts): Raw
    {
        return new Raw(implode('', array_map(static fn (Raw|string $part): string => $part instanceof Raw ? $part->html : self::e($part), $parts)));
    }
}

<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Http;

/** A file the admin downloads instead of a page (the audit CSV). */
final class Download
{
    public function __construct(
        public readonly string $filename,
        public readonly string $contentType,
        public readonly string $body,
    ) {
    }

    /**
     * Replaces the admin page WHMCS is buffering with the file. When headers are already out
     * (another addon printed early), the file is offered as a link inside the page instead.
     */
    public function send(): void
    {
        if (headers_sent()) {
            echo sprintf(
                '<p><a download="%s" href="data:%s;base64,%s">%s</a></p>',
                Html::e($this->filename),
                Html::e($this->contentType),
                base64_encode($this->body),
                Html::e($this->filename),
            );
            return;
        }
        while (ob_get_level() > 0) {
            ob_end_clean();
        }
        header('Content-Type: ' . $this->contentType);
        header('Content-Disposition: attachment; filename="' . str_replace('"', '', $this->filename) . '"');
        header('Content-Length: ' . strlen($this->body));
        header('Cache-Control: no-store');
        echo $this->body;
        exit;
    }
}

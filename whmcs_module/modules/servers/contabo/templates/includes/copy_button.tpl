{* A copy button for the element with id {$target} (the page's script copies its text). *}
<button type="button" class="btn btn-default btn-secondary btn-sm cloudserver-copy" data-copy-target="{$target|escape}" data-copied="{$LANG.cloudserver_copied|escape}">{$LANG.cloudserver_copy}</button>

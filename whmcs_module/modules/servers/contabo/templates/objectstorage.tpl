{* Object storage: usage, S3 access, size. Variables: see ObjectStoragePage::load plus PageController::variables. *}
<div class="cloudserver-page cloudserver-objectstorage">
    <h3>{$LANG.cloudserver_page_objectstorage}</h3>
    {include file="./includes/alerts.tpl"}

    {if !$load_error && $storage}
        {if $storage.state == 'queued' || $storage.state == 'purchasing' || $storage.state == 'provisioning'}
            <div class="alert alert-info" role="status">{$LANG.cloudserver_storage_pending}</div>
        {/if}
        {if $storage.resize_pending}
            <div class="alert alert-info" role="status">{$storage.resize_pending|escape}</div>
        {/if}
        <div class="table-responsive">
            <table class="table table-striped">
                <tbody>
                    <tr><th scope="row">{$LANG.cloudserver_region}</th><td>{$storage.region|escape}</td></tr>
                    <tr><th scope="row">{$LANG.cloudserver_storage_size}</th><td>{if $storage.size_tb !== ''}{$storage.size_tb|escape} TB{else}{$LANG.cloudserver_not_set}{/if}</td></tr>
                    <tr><th scope="row">{$LANG.cloudserver_storage_auto_scaling}</th><td>{if $storage.auto_scaling_limit_tb !== '' && $storage.auto_scaling_limit_tb != '0'}{$storage.auto_scaling_limit_tb|escape} TB{else}{$LANG.cloudserver_storage_auto_scaling_off}{/if}</td></tr>
                    {if $storage.created}<tr><th scope="row">{$LANG.cloudserver_created}</th><td>{$storage.created|escape}</td></tr>{/if}
                    {if $storage.cancel_date}<tr><th scope="row">{$LANG.cloudserver_cancel_date}</th><td>{$storage.cancel_date|escape}</td></tr>{/if}
                </tbody>
            </table>
        </div>

        <h4>{$LANG.cloudserver_storage_usage}</h4>
        {if $usage_error}
            <div class="alert alert-warning" role="alert">{$usage_error|escape}</div>
        {elseif $usage}
            <div class="progress">
                <div class="progress-bar{if $usage.used_percent >= 90} progress-bar-danger bg-danger{/if}" role="progressbar" aria-valuenow="{$usage.used_percent|escape}" aria-valuemin="0" aria-valuemax="100" style="width: {$usage.used_percent|escape}%;">{$usage.used_percent|escape}%</div>
            </div>
            <p>{$usage.used_tb|escape} TB / {$usage.size_tb|escape} TB &middot; {$usage.objects|escape} {$LANG.cloudserver_storage_objects}{if $usage.as_of} <span class="text-muted small">({$LANG.cloudserver_storage_as_of} {$usage.as_of|escape})</span>{/if}</p>
        {/if}

        <h4>{$LANG.cloudserver_storage_access}</h4>
        <table class="table">
            <tbody>
                {if $endpoint}<tr><th scope="row">{$LANG.cloudserver_storage_endpoint}</th><td><code>{$endpoint|escape}</code></td></tr>{/if}
                {if $secret_key}
                    <tr><th scope="row">{$LANG.cloudserver_storage_access_key}</th><td><code id="cloudserver-access-key" style="user-select: all;">{$access_key|escape}</code> <button type="button" class="btn btn-default btn-secondary btn-sm cloudserver-copy" data-copy-target="cloudserver-access-key" data-copied="{$LANG.cloudserver_copied|escape}">{$LANG.cloudserver_copy}</button></td></tr>
                    <tr><th scope="row">{$LANG.cloudserver_storage_secret_key}</th><td><code id="cloudserver-secret-key" style="user-select: all;">{$secret_key|escape}</code> <button type="button" class="btn btn-default btn-secondary btn-sm cloudserver-copy" data-copy-target="cloudserver-secret-key" data-copied="{$LANG.cloudserver_copied|escape}">{$LANG.cloudserver_copy}</button></td></tr>
                {/if}
            </tbody>
        </table>
        {if !$secret_key && $credentials_available && !$read_only}
            <form method="post" action="{$action_url|escape}" style="display:inline">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="reveal">
                <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_storage_reveal}</button>
            </form>
        {/if}
        {if !$read_only && $storage.state == 'active'}
            <form method="post" action="{$action_url|escape}" style="display:inline">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="regenerate">
                <button type="submit" class="btn btn-warning btn-sm">{$LANG.cloudserver_storage_regenerate}</button>
            </form>
        {/if}

        <h4>{$LANG.cloudserver_storage_resize}</h4>
        <p>{$LANG.cloudserver_storage_resize_explained}</p>
        {if !$read_only}
            <a href="{$upgrade_url|escape}" class="btn btn-primary btn-sm">{$LANG.cloudserver_storage_upgrade}</a>
        {/if}
    {/if}
</div>
{if $secret_key}
{literal}
<script>
// Copies a key to the clipboard; where the Clipboard API is missing or refused, through a selection.
document.querySelectorAll('.cloudserver-copy').forEach(function (button) {
    button.addEventListener('click', function () {
        var text = document.getElementById(button.getAttribute('data-copy-target')).textContent;
        var copied = function () { button.textContent = button.getAttribute('data-copied'); };
        var bySelection = function () {
            var area = document.createElement('textarea');
            area.value = text;
            document.body.appendChild(area);
            area.select();
            try { document.execCommand('copy'); copied(); } catch (ignored) { area.blur(); }
            document.body.removeChild(area);
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(copied, bySelection);
        } else {
            bySelection();
        }
    });
});
</script>
{/literal}
{/if}

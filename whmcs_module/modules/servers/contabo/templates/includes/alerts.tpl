{* Outcome of the last action, why changes are off, and the confirmation step. Shared by every page. *}
{if $load_error}
    <div class="alert alert-warning" role="alert"><strong>{$LANG.cloudserver_error_title}</strong><br>{$load_error|escape}</div>
{/if}
{if $read_only_reason}
    <div class="alert alert-info" role="status">{$read_only_reason|escape}</div>
{/if}
{if $flash_error}
    <div class="alert alert-danger" role="alert">{$flash_error|escape}</div>
{/if}
{if $flash_success}
    <div class="alert alert-success" role="status">{$flash_success|escape}</div>
{/if}
{if $shown_once}
    <div class="alert alert-warning" role="alert">
        <strong>{$shown_once.label|escape}</strong>
        <code class="cloudserver-secret" style="user-select: all;">{$shown_once.value|escape}</code><br>
        <small>{$LANG.cloudserver_shown_once}</small>
    </div>
{/if}
{if $confirm}
    <div class="panel panel-danger card border-danger mb-3 cloudserver-confirm">
        <div class="panel-heading card-header">{$confirm.title|escape}</div>
        <div class="panel-body card-body">
            <p>{$confirm.warning|escape}</p>
            {if $network_notice && ($confirm.op == 'network_join' || $confirm.op == 'network_leave')}
                <p><strong>{$network_notice|escape}</strong></p>
            {/if}
            <form method="post" action="{$action_url|escape}">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="op" value="{$confirm.op|escape}">
                <input type="hidden" name="confirm" value="1">
                {foreach from=$confirm.fields item=field}
                    <input type="hidden" name="{$field.name|escape}" value="{$field.value|escape}">
                {/foreach}
                <button type="submit" class="btn btn-danger">{$LANG.cloudserver_confirm_button}</button>
                <a href="{$action_url|escape}" class="btn btn-default btn-secondary">{$LANG.cloudserver_cancel}</a>
            </form>
        </div>
    </div>
{/if}

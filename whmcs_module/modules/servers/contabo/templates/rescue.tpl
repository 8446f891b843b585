{* Rescue mode. Variables: $ssh_keys, $rescue_allowed plus PageController::variables. *}
<div class="cloudserver-page cloudserver-rescue">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_rescue}</h3>
    {include file="./includes/alerts.tpl"}
    <p>{$LANG.cloudserver_rescue_intro}</p>

    {if !$load_error && !$read_only && !$confirm && !$flash_success}
        {if !$rescue_allowed}
            <div class="alert alert-info" role="status">{$LANG.cloudserver_rescue_disabled}</div>
        {else}
            <form method="post" action="{$action_url|escape}">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="start">
                {if $ssh_keys}
                    <fieldset class="form-group mb-3">
                        <legend style="font-size: inherit; font-weight: bold;">{$LANG.cloudserver_rescue_keys}</legend>
                        {foreach from=$ssh_keys item=key}
                            <div class="checkbox form-check">
                                <label class="form-check-label">
                                    <input type="checkbox" class="form-check-input" name="ssh_key_ids[]" value="{$key.id|escape}"{if $key.default} checked{/if}>
                                    {$key.name|escape} <code>{$key.fingerprint|escape}</code>
                                </label>
                            </div>
                        {/foreach}
                    </fieldset>
                {/if}
                <button type="submit" class="btn btn-warning">{$LANG.cloudserver_rescue_start}</button>
            </form>
        {/if}
    {/if}
</div>

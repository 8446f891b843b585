{* The client's SSH key vault. Variables: $ssh_keys plus PageController::variables. *}
<div class="cloudserver-page cloudserver-sshkeys">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_sshkeys}</h3>
    {include file="./includes/alerts.tpl"}
    <p class="text-muted">{$LANG.cloudserver_sshkey_intro}</p>

    {if !$load_error}
        {if $ssh_keys}
            <div class="table-responsive">
                <table class="table table-striped">
                    <thead>
                        <tr>
                            <th scope="col">{$LANG.cloudserver_name}</th>
                            <th scope="col">{$LANG.cloudserver_fingerprint}</th>
                            <th scope="col">{$LANG.cloudserver_created}</th>
                            <th scope="col"></th>
                        </tr>
                    </thead>
                    <tbody>
                        {foreach from=$ssh_keys item=key}
                            <tr>
                                <td>{$key.name|escape}{if $key.default} <span class="label label-primary badge badge-primary">{$LANG.cloudserver_default}</span>{/if}</td>
                                <td><code>{$key.fingerprint|escape}</code></td>
                                <td>{$key.created|escape}</td>
                                <td class="text-right text-end">
                                    {if !$read_only}
                                        {if !$key.default}
                                            <form method="post" action="{$action_url|escape}" style="display:inline">
                                                <input type="hidden" name="token" value="{$token}">
                                                <input type="hidden" name="form_key" value="{$form_key|escape}">
                                                <input type="hidden" name="op" value="default">
                                                <input type="hidden" name="key_id" value="{$key.id|escape}">
                                                <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_sshkey_make_default}</button>
                                            </form>
                                        {/if}
                                        <form method="post" action="{$action_url|escape}" style="display:inline">
                                            <input type="hidden" name="token" value="{$token}">
                                            <input type="hidden" name="form_key" value="{$form_key|escape}">
                                            <input type="hidden" name="op" value="delete">
                                            <input type="hidden" name="key_id" value="{$key.id|escape}">
                                            <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_delete}</button>
                                        </form>
                                    {/if}
                                </td>
                            </tr>
                        {/foreach}
                    </tbody>
                </table>
            </div>
        {else}
            <p class="text-muted">{$LANG.cloudserver_sshkey_none}</p>
        {/if}

        {if !$read_only}
            <h4>{$LANG.cloudserver_sshkey_add}</h4>
            <form method="post" action="{$action_url|escape}">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="add">
                <div class="form-group mb-3">
                    <label for="cloudserver-key-name">{$LANG.cloudserver_name}</label>
                    <input type="text" class="form-control" id="cloudserver-key-name" name="name" maxlength="64" pattern="[A-Za-z0-9 _.@+\-]{literal}{1,64}{/literal}" required>
                    <small class="help-block form-text text-muted">{$LANG.cloudserver_sshkey_name_rules}</small>
                </div>
                <div class="form-group mb-3">
                    <label for="cloudserver-key-public">{$LANG.cloudserver_sshkey_public_key}</label>
                    <textarea class="form-control" id="cloudserver-key-public" name="public_key" rows="4" required placeholder="ssh-ed25519 AAAA... you@laptop"></textarea>
                    <small class="help-block form-text text-muted">{$LANG.cloudserver_sshkey_public_key_help}</small>
                </div>
                <button type="submit" class="btn btn-primary">{$LANG.cloudserver_sshkey_add}</button>
            </form>
        {/if}
    {/if}
</div>

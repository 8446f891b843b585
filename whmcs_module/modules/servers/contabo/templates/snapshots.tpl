{* Snapshots of one server. Variables: see SnapshotsPage::load and PageController::variables. *}
<div class="cloudserver-page cloudserver-snapshots">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_snapshots}</h3>
    {include file="./includes/alerts.tpl"}

    {if !$load_error}
        <p>{$snapshot_summary|escape}</p>
        <p class="text-muted small">{$LANG.cloudserver_snapshot_expiry_note}</p>

        {if $snapshots}
            <div class="table-responsive">
                <table class="table table-striped">
                    <thead>
                        <tr>
                            <th scope="col">{$LANG.cloudserver_name}</th>
                            <th scope="col">{$LANG.cloudserver_description}</th>
                            <th scope="col">{$LANG.cloudserver_created}</th>
                            <th scope="col">{$LANG.cloudserver_expires}</th>
                            <th scope="col"></th>
                        </tr>
                    </thead>
                    <tbody>
                        {foreach from=$snapshots item=snapshot}
                            <tr>
                                <td>{$snapshot.name|escape}</td>
                                <td>{$snapshot.description|escape}</td>
                                <td>{$snapshot.created|escape}</td>
                                <td>{$snapshot.expires|escape}</td>
                                <td class="text-right text-end">
                                    {if !$read_only}
                                        {if $can_rollback}
                                            <form method="post" action="{$action_url|escape}" style="display:inline">
                                                <input type="hidden" name="token" value="{$token}">
                                                <input type="hidden" name="form_key" value="{$form_key|escape}">
                                                <input type="hidden" name="op" value="rollback">
                                                <input type="hidden" name="snapshot_id" value="{$snapshot.id|escape}">
                                                <button type="submit" class="btn btn-warning btn-sm">{$LANG.cloudserver_snapshot_rollback}</button>
                                            </form>
                                        {/if}
                                        <form method="post" action="{$action_url|escape}" style="display:inline">
                                            <input type="hidden" name="token" value="{$token}">
                                            <input type="hidden" name="form_key" value="{$form_key|escape}">
                                            <input type="hidden" name="op" value="delete">
                                            <input type="hidden" name="snapshot_id" value="{$snapshot.id|escape}">
                                            <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_delete}</button>
                                        </form>
                                    {/if}
                                </td>
                            </tr>
                        {/foreach}
                    </tbody>
                </table>
            </div>
            {if !$can_rollback}<p class="text-muted small">{$LANG.cloudserver_snapshot_rollback_disabled}</p>{/if}
        {else}
            <p class="text-muted">{$LANG.cloudserver_snapshot_none}</p>
        {/if}

        <h4>{$LANG.cloudserver_snapshot_policy}</h4>
        {if $policy.last_error}<div class="alert alert-warning" role="alert">{$LANG.cloudserver_snapshot_policy_failed} {$policy.last_error|escape}</div>{/if}
        {if $policy.frequency != 'off'}
            <p class="text-muted small">{$LANG.cloudserver_snapshot_policy_next} {$policy.next_due|escape}{if $policy.last_taken} &middot; {$LANG.cloudserver_snapshot_policy_last} {$policy.last_taken|escape}{/if}</p>
        {/if}
        {if !$can_schedule}
            <p class="text-muted small">{$LANG.cloudserver_snapshot_policy_disabled}</p>
        {elseif !$read_only}
            <form method="post" action="{$action_url|escape}" class="form-inline">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="policy">
                <label for="cloudserver-snapshot-frequency">{$LANG.cloudserver_snapshot_policy_frequency}</label>
                <select class="form-control" id="cloudserver-snapshot-frequency" name="frequency">
                    <option value="off"{if $policy.frequency == 'off'} selected{/if}>{$LANG.cloudserver_snapshot_policy_off}</option>
                    <option value="daily"{if $policy.frequency == 'daily'} selected{/if}>{$LANG.cloudserver_snapshot_policy_daily}</option>
                    <option value="weekly"{if $policy.frequency == 'weekly'} selected{/if}>{$LANG.cloudserver_snapshot_policy_weekly}</option>
                </select>
                <label for="cloudserver-snapshot-keep">{$LANG.cloudserver_snapshot_policy_keep}</label>
                <select class="form-control" id="cloudserver-snapshot-keep" name="keep">
                    {foreach from=$policy.keep_options item=n}<option value="{$n}"{if $n == $policy.keep} selected{/if}>{$n}</option>{/foreach}
                </select>
                <button type="submit" class="btn btn-primary">{$LANG.cloudserver_save}</button>
            </form>
            <p class="text-muted small">{$LANG.cloudserver_snapshot_policy_help}</p>
        {/if}

        {if !$read_only}
            <h4>{$LANG.cloudserver_snapshot_create}</h4>
            {if $snapshot_at_limit}
                <div class="alert alert-info" role="status">{$snapshot_limit_text|escape}</div>
            {else}
                <form method="post" action="{$action_url|escape}">
                    <input type="hidden" name="token" value="{$token}">
                    <input type="hidden" name="form_key" value="{$form_key|escape}">
                    <input type="hidden" name="op" value="create">
                    <div class="form-group mb-3">
                        <label for="cloudserver-snapshot-name">{$LANG.cloudserver_name}</label>
                        <input type="text" class="form-control" id="cloudserver-snapshot-name" name="name" maxlength="30" pattern="[A-Za-z0-9 \-]{literal}{1,30}{/literal}" required>
                        <small class="help-block form-text text-muted">{$LANG.cloudserver_snapshot_name_rules}</small>
                    </div>
                    <div class="form-group mb-3">
                        <label for="cloudserver-snapshot-description">{$LANG.cloudserver_description}</label>
                        <input type="text" class="form-control" id="cloudserver-snapshot-description" name="description" maxlength="255">
                    </div>
                    <button type="submit" class="btn btn-primary">{$LANG.cloudserver_snapshot_create}</button>
                </form>
            {/if}
        {/if}
    {/if}
</div>

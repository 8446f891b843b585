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

{* Client area overview for one cloud server. Variables: $service (or null), $error, $serviceid, $nav, $read_only_reason, $LANG.
   The backend's status_message is for the reseller's staff (admin tab): customers see the state in their language. *}
<div class="cloudserver-overview">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_heading}</h3>

    {if $error}
        <div class="alert alert-warning" role="alert">
            <strong>{$LANG.cloudserver_error_title}</strong><br>
            {$error|escape}
        </div>
        <a href="clientarea.php?action=productdetails&amp;id={$serviceid}" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_action_refresh}</a>
    {elseif $service}
        {assign var="stateKey" value="cloudserver_state_"|cat:$service.state}
        {if $service.pending}
            <div class="panel panel-info card mb-3">
                <div class="panel-heading card-header">{$LANG.cloudserver_pending_title}</div>
                <div class="panel-body card-body">
                    <p>{$LANG.cloudserver_pending_text}</p>
                    <div class="progress">
                        <div class="progress-bar progress-bar-striped active progress-bar-animated" role="progressbar"
                             aria-valuenow="{$service.progress}" aria-valuemin="0" aria-valuemax="100" style="width: {$service.progress}%;">
                            {if $LANG.$stateKey}{$LANG.$stateKey}{else}{$service.state|escape}{/if}
                        </div>
                    </div>
                </div>
            </div>
        {elseif $service.suspended}
            <div class="alert alert-warning" role="alert">{$LANG.cloudserver_suspended_text}</div>
            <p class="text-muted">{$LANG.cloudserver_readonly_suspended}</p>
        {elseif $service.state == 'failed'}
            <div class="alert alert-danger" role="alert">{$LANG.cloudserver_failed_text}</div>
        {/if}
        {if $service.busy}
            <div class="alert alert-info" role="status">{$LANG.cloudserver_busy_text}</div>
        {/if}

        <div class="table-responsive">
            <table class="table table-striped">
                <tbody>
                    <tr>
                        <th scope="row">{$LANG.cloudserver_status}</th>
                        <td>
                            <span class="label label-default badge badge-secondary">{if $LANG.$stateKey}{$LANG.$stateKey}{else}{$service.state|escape}{/if}</span>
                        </td>
                    </tr>
                    {if $service.instance_status}
                        <tr><th scope="row">{$LANG.cloudserver_power_state}</th><td>{assign var="powerKey" value=$service.power_key}{$LANG.$powerKey}</td></tr>
                    {/if}
                    <tr><th scope="row">{$LANG.cloudserver_hostname}</th><td>{if $service.hostname}{$service.hostname|escape}{else}{$LANG.cloudserver_not_set}{/if}</td></tr>
                    <tr>
                        <th scope="row">{$LANG.cloudserver_ip_addresses}</th>
                        <td>{if $service.ips}{foreach from=$service.ips item=ip}<code>{$ip|escape}</code><br>{/foreach}{else}{$LANG.cloudserver_not_set}{/if}</td>
                    </tr>
                    {if $service.username}
                        <tr><th scope="row">{$LANG.cloudserver_username}</th><td><code>{$service.username|escape}</code></td></tr>
                    {/if}
                    <tr><th scope="row">{$LANG.cloudserver_region}</th><td>{$service.region|escape}</td></tr>
                    {if $service.product}<tr><th scope="row">{$LANG.cloudserver_product}</th><td>{$service.product|escape}</td></tr>{/if}
                    <tr><th scope="row">{$LANG.cloudserver_os}</th><td>{$service.os|escape}</td></tr>
                    {if $service.cpu_cores}
                        <tr>
                            <th scope="row">{$LANG.cloudserver_resources}</th>
                            <td>{$service.cpu_cores} {$LANG.cloudserver_cpu_cores} &middot; {$service.ram_gb} {$LANG.cloudserver_ram} &middot; {$service.disk_gb} {$LANG.cloudserver_disk}</td>
                        </tr>
                    {/if}
                    <tr><th scope="row">{$LANG.cloudserver_created}</th><td>{if $service.created}{$service.created|escape}{else}{$LANG.cloudserver_not_set}{/if}</td></tr>
                    {if $service.cancel_date}
                        <tr><th scope="row">{$LANG.cloudserver_cancel_date}</th><td>{$service.cancel_date|escape}</td></tr>
                    {/if}
                </tbody>
            </table>
        </div>

        <h4>{$LANG.cloudserver_power_actions}</h4>
        {if $service.power_actions}
            <div class="btn-group" role="group">
                {foreach from=$service.power_actions item=action}
                    {assign var="actionKey" value="cloudserver_action_"|cat:$action}
                    <form method="post" action="clientarea.php?action=productdetails&amp;id={$serviceid}" class="d-inline" style="display:inline">
                        <input type="hidden" name="token" value="{$token}">
                        <input type="hidden" name="modop" value="custom">
                        <input type="hidden" name="a" value="{$action}">
                        <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.$actionKey}</button>
                    </form>
                {/foreach}
            </div>
        {else}
            <p class="text-muted">{$LANG.cloudserver_power_unavailable}</p>
        {/if}
        {if !$read_only_reason}
            <form method="post" action="clientarea.php?action=productdetails&amp;id={$serviceid}" style="display:inline">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="modop" value="custom">
                <input type="hidden" name="a" value="refresh">
                <button type="submit" class="btn btn-link btn-sm">{$LANG.cloudserver_action_refresh}</button>
            </form>
            <a href="clientarea.php?action=productdetails&amp;id={$serviceid}&amp;modop=custom&amp;a=rescue" class="btn btn-link btn-sm">{$LANG.cloudserver_page_rescue}</a>
            <a href="clientarea.php?action=productdetails&amp;id={$serviceid}&amp;modop=custom&amp;a=reinstall" class="btn btn-link btn-sm">{$LANG.cloudserver_page_reinstall}</a>
        {/if}

        <p class="text-muted small" style="margin-top: 1em;">{$LANG.cloudserver_console_note}</p>
    {/if}
</div>

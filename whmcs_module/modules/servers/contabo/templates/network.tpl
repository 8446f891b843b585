{* IPs with reverse DNS, and private networks. Variables: see NetworkPage::load plus PageController::variables. *}
<div class="cloudserver-page cloudserver-network">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_network}</h3>
    {include file="./includes/alerts.tpl"}

    {if !$load_error}
        <h4>{$LANG.cloudserver_ip_addresses}</h4>
        {if $ips_error}
            <div class="alert alert-warning" role="alert">{$ips_error|escape}</div>
        {elseif $ips}
            <div class="table-responsive">
                <table class="table table-striped">
                    <thead>
                        <tr>
                            <th scope="col">{$LANG.cloudserver_ip_address}</th>
                            <th scope="col">{$LANG.cloudserver_ip_type}</th>
                            <th scope="col">{$LANG.cloudserver_reverse_dns}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {foreach from=$ips item=ip}
                            <tr>
                                <td><code>{$ip.ip|escape}</code></td>
                                <td>IPv{$ip.version|escape} &middot; {if $ip.type == 'primary'}{$LANG.cloudserver_ip_primary}{else}{$LANG.cloudserver_ip_additional}{/if}</td>
                                <td>
                                    {if $read_only}
                                        {if $ip.ptr}{$ip.ptr|escape}{else}<span class="text-muted">{$LANG.cloudserver_ptr_not_set}</span>{/if}
                                    {else}
                                        <form method="post" action="{$action_url|escape}" class="form-inline" style="display:inline">
                                            <input type="hidden" name="token" value="{$token}">
                                            <input type="hidden" name="form_key" value="{$form_key|escape}">
                                            <input type="hidden" name="op" value="ptr_set">
                                            <input type="hidden" name="ip" value="{$ip.ip|escape}">
                                            <input type="text" class="form-control input-sm form-control-sm" name="ptr" value="{$ip.ptr|escape}" placeholder="{$LANG.cloudserver_ptr_not_set|escape}" maxlength="253" aria-label="{$LANG.cloudserver_reverse_dns|escape}" required>
                                            <button type="submit" class="btn btn-primary btn-sm">{$LANG.cloudserver_save}</button>
                                        </form>
                                        <form method="post" action="{$action_url|escape}" style="display:inline">
                                            <input type="hidden" name="token" value="{$token}">
                                            <input type="hidden" name="form_key" value="{$form_key|escape}">
                                            <input type="hidden" name="op" value="ptr_reset">
                                            <input type="hidden" name="ip" value="{$ip.ip|escape}">
                                            <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_ptr_reset}</button>
                                        </form>
                                        {if $ip.type == 'additional' && $move_targets}
                                            <form method="post" action="{$action_url|escape}" class="form-inline cloudserver-ip-move" style="display:inline">
                                                <input type="hidden" name="token" value="{$token}">
                                                <input type="hidden" name="form_key" value="{$form_key|escape}">
                                                <input type="hidden" name="op" value="ip_move">
                                                <input type="hidden" name="ip" value="{$ip.ip|escape}">
                                                <select class="form-control input-sm form-control-sm" name="target_service_id" aria-label="{$LANG.cloudserver_ip_move_to|escape}">
                                                    {foreach from=$move_targets item=target}
                                                        <option value="{$target.service_id|escape}">{$target.label|escape}</option>
                                                    {/foreach}
                                                </select>
                                                <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_ip_move}</button>
                                            </form>
                                        {/if}
                                    {/if}
                                </td>
                            </tr>
                        {/foreach}
                    </tbody>
                </table>
            </div>
            <p class="text-muted small">{$LANG.cloudserver_ptr_help}</p>
            {if $move_targets}<p class="text-muted small">{$LANG.cloudserver_ip_move_help}</p>{/if}
        {/if}

        <h4>{$LANG.cloudserver_private_networks}</h4>
        {if $private_networks_error}
            <div class="alert alert-warning" role="alert">{$private_networks_error|escape}</div>
        {else}
            {if $network_notice}<div class="alert alert-info" role="status">{$network_notice|escape}</div>{/if}
            {if $private_networks}
                <div class="table-responsive">
                    <table class="table table-striped">
                        <thead>
                            <tr>
                                <th scope="col">{$LANG.cloudserver_name}</th>
                                <th scope="col">{$LANG.cloudserver_region}</th>
                                <th scope="col">{$LANG.cloudserver_network_range}</th>
                                <th scope="col"></th>
                            </tr>
                        </thead>
                        <tbody>
                            {foreach from=$private_networks item=network}
                                <tr>
                                    <td>{$network.name|escape}{if $network.joined} <span class="label label-success badge badge-success">{$LANG.cloudserver_network_joined_badge}</span>{/if}</td>
                                    <td>{$network.region|escape}</td>
                                    <td><code>{$network.cidr|escape}</code></td>
                                    <td class="text-right text-end">
                                        {if !$read_only}
                                            <form method="post" action="{$action_url|escape}" style="display:inline">
                                                <input type="hidden" name="token" value="{$token}">
                                                <input type="hidden" name="form_key" value="{$form_key|escape}">
                                                <input type="hidden" name="op" value="{if $network.joined}network_leave{else}network_join{/if}">
                                                <input type="hidden" name="network_id" value="{$network.id|escape}">
                                                <button type="submit" class="btn btn-default btn-secondary btn-sm">{if $network.joined}{$LANG.cloudserver_network_leave}{else}{$LANG.cloudserver_network_join}{/if}</button>
                                            </form>
                                        {/if}
                                    </td>
                                </tr>
                            {/foreach}
                        </tbody>
                    </table>
                </div>
            {else}
                <p class="text-muted">{$LANG.cloudserver_network_none}</p>
            {/if}
            {if !$read_only}
                {if $can_create_network}
                    <form method="post" action="{$action_url|escape}">
                        <input type="hidden" name="token" value="{$token}">
                        <input type="hidden" name="form_key" value="{$form_key|escape}">
                        <input type="hidden" name="op" value="network_create">
                        <div class="form-group mb-3">
                            <label for="cloudserver-network-name">{$LANG.cloudserver_network_new_name}</label>
                            <input type="text" class="form-control" id="cloudserver-network-name" name="name" maxlength="64" pattern="[A-Za-z0-9_:\-]{literal}{1,64}{/literal}" required>
                            <small class="help-block form-text text-muted">{$LANG.cloudserver_network_name_rules}</small>
                        </div>
                        <div class="form-group mb-3">
                            <label for="cloudserver-network-description">{$LANG.cloudserver_description}</label>
                            <input type="text" class="form-control" id="cloudserver-network-description" name="description" maxlength="255">
                        </div>
                        <button type="submit" class="btn btn-primary">{$LANG.cloudserver_network_create}</button>
                    </form>
                {else}
                    <p class="text-muted small">{$LANG.cloudserver_network_create_unavailable}</p>
                {/if}
            {/if}
        {/if}
    {/if}
</div>

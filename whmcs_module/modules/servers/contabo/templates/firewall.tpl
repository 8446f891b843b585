{* Firewall rules editor and presets. Variables: see FirewallPage::load plus PageController::variables. *}
<div class="cloudserver-page cloudserver-firewall">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_firewall}</h3>
    {include file="./includes/alerts.tpl"}

    {if !$load_error}
        <p>
            {if $firewall}
                {$LANG.cloudserver_firewall_active} <strong>{$firewall.name|escape}</strong>
                {if $firewall.status}<span class="label label-default badge badge-secondary">{$firewall.status_label|escape}</span>{/if}
            {else}
                {$LANG.cloudserver_firewall_none}
            {/if}
        </p>
        <p class="text-muted small">{$LANG.cloudserver_firewall_intro}</p>

        {if $read_only}
            {if $firewall && $firewall.rules}
                <ul>
                    {foreach from=$firewall.rules item=rule}
                        <li>{$rule.protocol|escape} {if $rule.ports}{$rule.ports|escape}{else}{$LANG.cloudserver_firewall_all_ports}{/if} &larr; {$rule.source|escape}</li>
                    {/foreach}
                </ul>
            {/if}
        {else}
            <form method="post" action="{$action_url|escape}">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="save">
                <div class="table-responsive">
                    <table class="table table-striped">
                        <thead>
                            <tr>
                                <th scope="col">{$LANG.cloudserver_firewall_use}</th>
                                <th scope="col">{$LANG.cloudserver_firewall_protocol}</th>
                                <th scope="col">{$LANG.cloudserver_firewall_ports}</th>
                                <th scope="col">{$LANG.cloudserver_firewall_source}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {foreach from=$rule_rows item=row key=index}
                                <tr>
                                    <td><input type="checkbox" name="rules[{$index}][enabled]" value="1"{if $row.enabled} checked{/if} aria-label="{$LANG.cloudserver_firewall_use|escape}"></td>
                                    <td>
                                        <select class="form-control input-sm form-control-sm" name="rules[{$index}][protocol]" aria-label="{$LANG.cloudserver_firewall_protocol|escape}">
                                            {foreach from=$protocols item=protocol}
                                                <option value="{$protocol|escape}"{if $protocol == $row.protocol} selected{/if}>{if $protocol == 'any'}{$LANG.cloudserver_firewall_protocol_any}{else}{$protocol|upper|escape}{/if}</option>
                                            {/foreach}
                                        </select>
                                    </td>
                                    <td><input type="text" class="form-control input-sm form-control-sm" name="rules[{$index}][ports]" value="{$row.ports|escape}" placeholder="22, 8000-8100" maxlength="11" aria-label="{$LANG.cloudserver_firewall_ports|escape}"></td>
                                    <td><input type="text" class="form-control input-sm form-control-sm" name="rules[{$index}][source]" value="{$row.source|escape}" placeholder="0.0.0.0/0" maxlength="49" aria-label="{$LANG.cloudserver_firewall_source|escape}"></td>
                                </tr>
                            {/foreach}
                        </tbody>
                    </table>
                </div>
                <p class="text-muted small">{$LANG.cloudserver_firewall_rules_help}</p>
                <button type="submit" class="btn btn-primary">{$LANG.cloudserver_firewall_save}</button>
            </form>

            {if $presets}
                <h4>{$LANG.cloudserver_firewall_presets}</h4>
                <div class="list-group">
                    {foreach from=$presets item=preset}
                        <div class="list-group-item">
                            <form method="post" action="{$action_url|escape}" style="display:inline">
                                <input type="hidden" name="token" value="{$token}">
                                <input type="hidden" name="form_key" value="{$form_key|escape}">
                                <input type="hidden" name="op" value="preset">
                                <input type="hidden" name="preset" value="{$preset.name|escape}">
                                <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_firewall_apply}</button>
                            </form>
                            <strong>{$preset.label|escape}</strong> &ndash; {$preset.description|escape}
                        </div>
                    {/foreach}
                </div>
            {/if}

            {if $firewall}
                <form method="post" action="{$action_url|escape}" style="margin-top: 1em;">
                    <input type="hidden" name="token" value="{$token}">
                    <input type="hidden" name="form_key" value="{$form_key|escape}">
                    <input type="hidden" name="op" value="delete">
                    <button type="submit" class="btn btn-danger btn-sm">{$LANG.cloudserver_firewall_remove}</button>
                </form>
            {/if}
        {/if}
    {/if}
</div>

{* DNS zones and records. Variables: $dns_zones, $dns_zone, $dns_records, $dns_types, $dns_zone_usage, $dns_record_usage, $dns_zone_limit_reached plus PageController::variables. *}
<div class="cloudserver-page cloudserver-dns">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_dns}</h3>
    {include file="./includes/alerts.tpl"}
    <p class="text-muted">{$LANG.cloudserver_dns_intro}</p>

    {if !$load_error}
        {if $dns_zone_usage}<p class="cloudserver-dns-zone-usage"><span class="label label-default badge bg-secondary">{$dns_zone_usage|escape}</span></p>{/if}
        {if $dns_zones}
            <ul class="nav nav-pills">
                {foreach from=$dns_zones item=zone}
                    <li class="nav-item{if $zone == $dns_zone} active{/if}"><a class="nav-link{if $zone == $dns_zone} active{/if}" href="{$action_url|escape}&amp;zone={$zone|escape:'url'}">{$zone|escape}</a></li>
                {/foreach}
            </ul>
        {else}
            <p class="text-muted">{$LANG.cloudserver_dns_no_zones}</p>
        {/if}

        {if $dns_zone}
            <h4>{$dns_zone|escape}{if $dns_record_usage} <small class="cloudserver-dns-record-usage text-muted">{$dns_record_usage|escape}</small>{/if}</h4>
            <form method="post" action="{$action_url|escape}">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="delete_records">
                <input type="hidden" name="zone_name" value="{$dns_zone|escape}">
                <div class="table-responsive">
                    <table class="table table-striped">
                        <thead>
                            <tr>
                                <th scope="col"></th>
                                <th scope="col">{$LANG.cloudserver_name}</th>
                                <th scope="col">{$LANG.cloudserver_dns_type}</th>
                                <th scope="col">{$LANG.cloudserver_dns_data}</th>
                                <th scope="col">{$LANG.cloudserver_dns_ttl}</th>
                                <th scope="col">{$LANG.cloudserver_dns_prio}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {foreach from=$dns_records item=record}
                                <tr>
                                    <td>{if !$read_only}<input type="checkbox" name="record_ids[]" value="{$record.id}" aria-label="{$LANG.cloudserver_dns_select}">{/if}</td>
                                    <td>{$record.name|escape}</td>
                                    <td>{$record.type|escape}</td>
                                    <td><code>{$record.data|escape}</code></td>
                                    <td>{$record.ttl}</td>
                                    <td>{$record.prio}</td>
                                </tr>
                            {foreachelse}
                                <tr><td colspan="6" class="text-muted">{$LANG.cloudserver_dns_no_records}</td></tr>
                            {/foreach}
                        </tbody>
                    </table>
                </div>
                {if !$read_only && $dns_records}
                    <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_dns_delete_selected}</button>
                {/if}
            </form>

            {if !$read_only}
                <h4>{$LANG.cloudserver_dns_add_record}</h4>
                <form method="post" action="{$action_url|escape}" class="form-inline">
                    <input type="hidden" name="token" value="{$token}">
                    <input type="hidden" name="form_key" value="{$form_key|escape}">
                    <input type="hidden" name="op" value="add_record">
                    <input type="hidden" name="zone_name" value="{$dns_zone|escape}">
                    <label for="cloudserver-dns-type">{$LANG.cloudserver_dns_type}</label>
                    <select id="cloudserver-dns-type" name="type" class="form-control">
                        {foreach from=$dns_types item=type}<option value="{$type}">{$type}</option>{/foreach}
                    </select>
                    <label for="cloudserver-dns-name">{$LANG.cloudserver_name}</label>
                    <input id="cloudserver-dns-name" type="text" name="name" class="form-control" placeholder="@" maxlength="253">
                    <label for="cloudserver-dns-data">{$LANG.cloudserver_dns_data}</label>
                    <input id="cloudserver-dns-data" type="text" name="data" class="form-control" required maxlength="4096">
                    <label for="cloudserver-dns-ttl">{$LANG.cloudserver_dns_ttl}</label>
                    <input id="cloudserver-dns-ttl" type="number" name="ttl" class="form-control" value="3600" min="60" max="604800">
                    <label for="cloudserver-dns-prio">{$LANG.cloudserver_dns_prio}</label>
                    <input id="cloudserver-dns-prio" type="number" name="prio" class="form-control" value="0" min="0" max="65535">
                    <label for="cloudserver-dns-port">{$LANG.cloudserver_dns_port}</label>
                    <input id="cloudserver-dns-port" type="number" name="port" class="form-control" min="0" max="65535">
                    <label for="cloudserver-dns-weight">{$LANG.cloudserver_dns_weight}</label>
                    <input id="cloudserver-dns-weight" type="number" name="weight" class="form-control" min="0" max="65535">
                    <label for="cloudserver-dns-tag">{$LANG.cloudserver_dns_tag}</label>
                    <input id="cloudserver-dns-tag" type="text" name="tag" class="form-control" placeholder="issue">
                    <button type="submit" class="btn btn-primary">{$LANG.cloudserver_dns_add_record}</button>
                    <small class="help-block form-text text-muted">{$LANG.cloudserver_dns_record_help}</small>
                </form>

                <h4>{$LANG.cloudserver_dns_point}</h4>
                <form method="post" action="{$action_url|escape}" class="form-inline">
                    <input type="hidden" name="token" value="{$token}">
                    <input type="hidden" name="form_key" value="{$form_key|escape}">
                    <input type="hidden" name="op" value="point">
                    <input type="hidden" name="zone_name" value="{$dns_zone|escape}">
                    <label for="cloudserver-dns-point-name">{$LANG.cloudserver_name}</label>
                    <input id="cloudserver-dns-point-name" type="text" name="name" class="form-control" placeholder="@" maxlength="253">
                    <button type="submit" class="btn btn-primary">{$LANG.cloudserver_dns_point}</button>
                    <small class="help-block form-text text-muted">{$LANG.cloudserver_dns_point_help}</small>
                </form>

                <form method="post" action="{$action_url|escape}">
                    <input type="hidden" name="token" value="{$token}">
                    <input type="hidden" name="form_key" value="{$form_key|escape}">
                    <input type="hidden" name="op" value="delete_zone">
                    <input type="hidden" name="zone_name" value="{$dns_zone|escape}">
                    <button type="submit" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_dns_delete_zone}</button>
                </form>
            {/if}
        {/if}

        {if !$read_only}
            <h4>{$LANG.cloudserver_dns_create_zone}</h4>
            <form method="post" action="{$action_url|escape}" class="form-inline">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="create_zone">
                <label for="cloudserver-dns-zone">{$LANG.cloudserver_dns_zone_name}</label>
                <input id="cloudserver-dns-zone" type="text" name="zone_name" class="form-control" placeholder="example.com" required maxlength="253">
                <button type="submit" class="btn btn-primary"{if $dns_zone_limit_reached} disabled{/if}>{$LANG.cloudserver_dns_create_zone}</button>
                {if $dns_zone_limit_reached}<small class="help-block form-text text-muted">{$LANG.cloudserver_dns_zone_limit_reached}</small>{/if}
            </form>
        {/if}
    {/if}
</div>

{* The server's history, newest first. Variables: $activity, $next_cursor, $is_first_page plus PageController::variables. *}
<div class="cloudserver-page cloudserver-activity">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_activity}</h3>
    {include file="./includes/alerts.tpl"}

    {if !$load_error}
        {if $activity_notice}<div class="alert alert-info" role="status">{$activity_notice|escape}</div>{/if}
        {if $activity}
            <div class="table-responsive">
                <table class="table table-striped">
                    <thead>
                        <tr>
                            <th scope="col">{$LANG.cloudserver_activity_when}</th>
                            <th scope="col">{$LANG.cloudserver_activity_action}</th>
                            <th scope="col">{$LANG.cloudserver_activity_by}</th>
                            <th scope="col">{$LANG.cloudserver_activity_result}</th>
                            <th scope="col">{$LANG.cloudserver_activity_details}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {foreach from=$activity item=entry}
                            <tr>
                                <td>{$entry.at|escape}</td>
                                <td>{$entry.action|escape}</td>
                                <td>{$entry.actor|escape}</td>
                                <td>{$entry.outcome|escape}</td>
                                <td>{$entry.message|escape}{if $entry.request_id}<br><small class="text-muted">{$LANG.cloudserver_activity_reference} {$entry.request_id|escape}</small>{/if}</td>
                            </tr>
                        {/foreach}
                    </tbody>
                </table>
            </div>
        {else}
            <p class="text-muted">{$LANG.cloudserver_activity_none}</p>
        {/if}
        <p>
            {if !$is_first_page}<a href="{$action_url|escape}" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_activity_newest}</a>{/if}
            {if $next_cursor}<a href="{$action_url|escape}&amp;cursor={$next_cursor|escape:'url'}" class="btn btn-default btn-secondary btn-sm">{$LANG.cloudserver_activity_older}</a>{/if}
        </p>
    {/if}
</div>

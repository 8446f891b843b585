{* Navigation between the service's pages. Variables: $nav (list of name, label, url, active). *}
{if $nav}
    <ul class="nav nav-tabs cloudserver-nav" style="margin-bottom: 1em;">
        {foreach from=$nav item=item}
            <li class="nav-item{if $item.active} active{/if}">
                <a class="nav-link{if $item.active} active{/if}" href="{$item.url|escape}"{if $item.active} aria-current="page"{/if}>{$item.label|escape}</a>
            </li>
        {/foreach}
    </ul>
{/if}

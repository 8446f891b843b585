{* Reinstall: choose, review, confirm. Variables: see ReinstallPage::load/perform and PageController::variables. *}
<div class="cloudserver-page cloudserver-reinstall">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_reinstall}</h3>
    {include file="./includes/alerts.tpl"}

    {if $review && !$flash_success}
        <div class="panel panel-danger card border-danger mb-3">
            <div class="panel-heading card-header">{$LANG.cloudserver_reinstall_review_title}</div>
            <div class="panel-body card-body">
                <p><strong>{$LANG.cloudserver_reinstall_wipe_warning}</strong></p>
                <table class="table table-condensed table-sm">
                    <tbody>
                        <tr><th scope="row">{$LANG.cloudserver_os}</th><td>{$review.image_name|escape}</td></tr>
                        {if $review.application}<tr><th scope="row">{$LANG.cloudserver_application}</th><td>{$review.application_name|escape}</td></tr>{/if}
                        <tr>
                            <th scope="row">{$LANG.cloudserver_page_sshkeys}</th>
                            <td>{if $review.ssh_key_names}{foreach from=$review.ssh_key_names item=keyName name=keys}{$keyName|escape}{if !$smarty.foreach.keys.last}, {/if}{/foreach}{else}{$LANG.cloudserver_reinstall_no_keys}{/if}</td>
                        </tr>
                        <tr>
                            <th scope="row">{$LANG.cloudserver_cloud_init}</th>
                            <td>
                                {if $review.cloud_init == 'template'}{$LANG.cloudserver_cloud_init_template}: {$review.cloud_init_template|escape}
                                {elseif $review.cloud_init == 'own'}{$LANG.cloudserver_cloud_init_own}
                                {else}{$LANG.cloudserver_cloud_init_none}{/if}
                            </td>
                        </tr>
                    </tbody>
                </table>
                {if $review_error}<div class="alert alert-danger" role="alert">{$review_error|escape}</div>{/if}
                <form method="post" action="{$action_url|escape}">
                    <input type="hidden" name="token" value="{$token}">
                    <input type="hidden" name="form_key" value="{$form_key|escape}">
                    <input type="hidden" name="op" value="reinstall">
                    <input type="hidden" name="image_id" value="{$review.image_id|escape}">
                    <input type="hidden" name="application" value="{$review.application|escape}">
                    {foreach from=$review.ssh_key_ids item=keyId}
                        <input type="hidden" name="ssh_key_ids[]" value="{$keyId|escape}">
                    {/foreach}
                    <input type="hidden" name="cloud_init" value="{$review.cloud_init|escape}">
                    <input type="hidden" name="cloud_init_template" value="{$review.cloud_init_template|escape}">
                    <input type="hidden" name="user_data" value="{$review.user_data|escape}">
                    <div class="checkbox form-check mb-3">
                        <label class="form-check-label">
                            <input type="checkbox" class="form-check-input" name="confirm_wipe" value="1" required>
                            {$LANG.cloudserver_reinstall_confirm_label}
                        </label>
                    </div>
                    <button type="submit" class="btn btn-danger">{$LANG.cloudserver_reinstall_now}</button>
                    <a href="{$action_url|escape}" class="btn btn-default btn-secondary">{$LANG.cloudserver_cancel}</a>
                </form>
            </div>
        </div>
    {elseif !$load_error && !$read_only}
        {if !$guardrails.allow_reinstall}
            <div class="alert alert-info" role="status">{$LANG.cloudserver_reinstall_disabled}</div>
        {else}
            <p>{$LANG.cloudserver_reinstall_intro}</p>
            <form method="post" action="{$action_url|escape}">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="review">

                <div class="form-group mb-3">
                    <label for="cloudserver-image">{$LANG.cloudserver_os}</label>
                    <select class="form-control custom-select" id="cloudserver-image" name="image_id" required>
                        {if $images_standard}
                            <optgroup label="{$LANG.cloudserver_images_standard|escape}">
                                {foreach from=$images_standard item=image}
                                    <option value="{$image.id|escape}"{if $image.id == $current_image} selected{/if}>{$image.name|escape}</option>
                                {/foreach}
                            </optgroup>
                        {/if}
                        {if $images_custom}
                            <optgroup label="{$LANG.cloudserver_images_custom|escape}">
                                {foreach from=$images_custom item=image}
                                    <option value="{$image.id|escape}"{if $image.id == $current_image} selected{/if}>{$image.name|escape}</option>
                                {/foreach}
                            </optgroup>
                        {/if}
                    </select>
                </div>

                <fieldset class="form-group mb-3">
                    <legend style="font-size: inherit; font-weight: bold;">{$LANG.cloudserver_page_sshkeys}</legend>
                    {if $ssh_keys}
                        {foreach from=$ssh_keys item=key}
                            <div class="checkbox form-check">
                                <label class="form-check-label">
                                    <input type="checkbox" class="form-check-input" name="ssh_key_ids[]" value="{$key.id|escape}"{if $key.default} checked{/if}>
                                    {$key.name|escape} <code>{$key.fingerprint|escape}</code>
                                </label>
                            </div>
                        {/foreach}
                    {else}
                        <p class="text-muted">{$LANG.cloudserver_sshkey_none}</p>
                    {/if}
                    {if $guardrails.require_ssh_key}<p class="text-muted small">{$LANG.cloudserver_reinstall_key_required}</p>{/if}
                </fieldset>

                {if $applications}
                    <div class="form-group mb-3">
                        <label for="cloudserver-application">{$LANG.cloudserver_application}</label>
                        <select class="form-control custom-select" id="cloudserver-application" name="application">
                            <option value="">{$LANG.cloudserver_application_none}</option>
                            {foreach from=$applications item=application}
                                <option value="{$application.key|escape}">{$application.name|escape} ({foreach from=$application.compatible_images item=imageName name=compat}{$imageName|escape}{if !$smarty.foreach.compat.last}, {/if}{/foreach})</option>
                            {/foreach}
                        </select>
                        <small class="help-block form-text text-muted">{$LANG.cloudserver_application_help}</small>
                    </div>
                {/if}

                <fieldset class="form-group mb-3">
                    <legend style="font-size: inherit; font-weight: bold;">{$LANG.cloudserver_cloud_init}</legend>
                    <div class="radio form-check">
                        <label class="form-check-label"><input type="radio" class="form-check-input" name="cloud_init" value="none" checked> {$LANG.cloudserver_cloud_init_none}</label>
                    </div>
                    {if $cloud_init_templates}
                        <div class="radio form-check">
                            <label class="form-check-label"><input type="radio" class="form-check-input" name="cloud_init" value="template"> {$LANG.cloudserver_cloud_init_template}</label>
                            <select class="form-control custom-select" name="cloud_init_template">
                                {foreach from=$cloud_init_templates item=template}
                                    <option value="{$template.name|escape}">{$template.name|escape}{if $template.description} &ndash; {$template.description|escape}{/if}</option>
                                {/foreach}
                            </select>
                        </div>
                    {/if}
                    <div class="radio form-check">
                        <label class="form-check-label"><input type="radio" class="form-check-input" name="cloud_init" value="own"> {$LANG.cloudserver_cloud_init_own}</label>
                        <textarea class="form-control" name="user_data" rows="8" placeholder="#cloud-config"></textarea>
                        <small class="help-block form-text text-muted">{$LANG.cloudserver_cloud_init_help} ({$user_data_max_kib} KiB)</small>
                    </div>
                </fieldset>

                <button type="submit" class="btn btn-primary">{$LANG.cloudserver_reinstall_review}</button>
            </form>
        {/if}
    {/if}
</div>

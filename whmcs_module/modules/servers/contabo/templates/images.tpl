{* The client's own images. Variables: see ImagesPage::load plus PageController::variables. *}
<div class="cloudserver-page cloudserver-images">
    {include file="./includes/nav.tpl"}
    <h3>{$LANG.cloudserver_page_images}</h3>
    {include file="./includes/alerts.tpl"}

    {if !$load_error}
        <p class="text-muted small">{$LANG.cloudserver_image_help}{if $images_quota} {$images_quota|escape}{/if}</p>
        {if $images}
            <div class="table-responsive">
                <table class="table table-striped">
                    <thead>
                        <tr>
                            <th scope="col">{$LANG.cloudserver_name}</th>
                            <th scope="col">{$LANG.cloudserver_image_os}</th>
                            <th scope="col">{$LANG.cloudserver_image_state}</th>
                            <th scope="col">{$LANG.cloudserver_image_size}</th>
                            <th scope="col"></th>
                        </tr>
                    </thead>
                    <tbody>
                        {foreach from=$images item=image}
                            <tr>
                                <td>{$image.name|escape} <span class="text-muted">{$image.format|escape}</span></td>
                                <td>{$image.os|escape}</td>
                                <td>{if $image.usable}{$LANG.cloudserver_image_ready}{elseif $image.error}{$image.error|escape}{else}{$LANG.cloudserver_image_downloading}{/if}</td>
                                <td>{$image.size|escape}</td>
                                <td class="text-right text-end">
                                    {if !$read_only}
                                        <form method="post" action="{$action_url|escape}" style="display:inline">
                                            <input type="hidden" name="token" value="{$token}">
                                            <input type="hidden" name="form_key" value="{$form_key|escape}">
                                            <input type="hidden" name="op" value="delete">
                                            <input type="hidden" name="image_id" value="{$image.id|escape}">
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
            <p class="text-muted">{$LANG.cloudserver_image_none}</p>
        {/if}

        {if !$images_allowed}
            <p class="text-muted small">{$LANG.cloudserver_image_disabled}</p>
        {elseif $images_at_limit}
            <div class="alert alert-info" role="status">{$LANG.cloudserver_image_limit_reached}</div>
        {elseif !$read_only}
            <h4>{$LANG.cloudserver_image_upload}</h4>
            <form method="post" action="{$action_url|escape}">
                <input type="hidden" name="token" value="{$token}">
                <input type="hidden" name="form_key" value="{$form_key|escape}">
                <input type="hidden" name="op" value="upload">
                <div class="form-group mb-3">
                    <label for="cloudserver-image-name">{$LANG.cloudserver_name}</label>
                    <input type="text" class="form-control" id="cloudserver-image-name" name="name" maxlength="63" required>
                </div>
                <div class="form-group mb-3">
                    <label for="cloudserver-image-url">{$LANG.cloudserver_image_url}</label>
                    <input type="url" class="form-control" id="cloudserver-image-url" name="url" maxlength="2048" placeholder="https://example.com/image.qcow2" required>
                    <small class="help-block form-text text-muted">{$LANG.cloudserver_image_url_rules}</small>
                </div>
                <div class="form-group mb-3">
                    <label for="cloudserver-image-os">{$LANG.cloudserver_image_os}</label>
                    <select class="form-control" id="cloudserver-image-os" name="os_type"><option value="Linux">Linux</option><option value="Windows">Windows</option></select>
                </div>
                <div class="form-group mb-3">
                    <label for="cloudserver-image-version">{$LANG.cloudserver_image_version}</label>
                    <input type="text" class="form-control" id="cloudserver-image-version" name="version" maxlength="32" required>
                </div>
                <button type="submit" class="btn btn-primary">{$LANG.cloudserver_image_upload}</button>
            </form>
        {/if}
    {/if}
</div>

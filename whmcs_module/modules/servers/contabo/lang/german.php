<?php

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

$_LANG['cloudserver_heading'] = 'Serverübersicht';
$_LANG['cloudserver_status'] = 'Status';
$_LANG['cloudserver_power_state'] = 'Betriebszustand';
$_LANG['cloudserver_state_queued'] = 'In Warteschlange';
$_LANG['cloudserver_state_purchasing'] = 'Wird bestellt';
$_LANG['cloudserver_state_provisioning'] = 'Wird eingerichtet';
$_LANG['cloudserver_state_active'] = 'Aktiv';
$_LANG['cloudserver_state_suspended'] = 'Gesperrt';
$_LANG['cloudserver_state_failed'] = 'Einrichtung fehlgeschlagen';
$_LANG['cloudserver_state_terminated'] = 'Gekündigt';
$_LANG['cloudserver_state_unknown'] = 'Unbekannt';
$_LANG['cloudserver_hostname'] = 'Hostname';
$_LANG['cloudserver_ip_addresses'] = 'IP-Adressen';
$_LANG['cloudserver_username'] = 'Benutzername';
$_LANG['cloudserver_region'] = 'Region';
$_LANG['cloudserver_product'] = 'Tarif';
$_LANG['cloudserver_os'] = 'Betriebssystem';
$_LANG['cloudserver_resources'] = 'Ressourcen';
$_LANG['cloudserver_cpu_cores'] = 'vCPU';
$_LANG['cloudserver_ram'] = 'GB RAM';
$_LANG['cloudserver_disk'] = 'GB Speicher';
$_LANG['cloudserver_created'] = 'Erstellt';
$_LANG['cloudserver_cancel_date'] = 'Kündigungsdatum';
$_LANG['cloudserver_not_set'] = 'Noch nicht festgelegt';
$_LANG['cloudserver_power_actions'] = 'Stromversorgung';
$_LANG['cloudserver_action_start'] = 'Starten';
$_LANG['cloudserver_action_stop'] = 'Ausschalten';
$_LANG['cloudserver_action_shutdown'] = 'Herunterfahren';
$_LANG['cloudserver_action_restart'] = 'Neu starten';
$_LANG['cloudserver_action_refresh'] = 'Status aktualisieren';
$_LANG['cloudserver_power_unavailable'] = 'Aktionen zur Stromversorgung sind verfügbar, solange der Server aktiv ist.';
$_LANG['cloudserver_pending_title'] = 'Ihr Server wird eingerichtet';
$_LANG['cloudserver_pending_text'] = 'Das dauert in der Regel wenige Minuten. Sobald der Server bereit ist, senden wir Ihnen die Zugangsdaten per E-Mail.';
$_LANG['cloudserver_busy_text'] = 'Auf diesem Server läuft gerade eine andere Aktion. Bitte warten Sie einen Moment und aktualisieren Sie die Seite.';
$_LANG['cloudserver_suspended_text'] = 'Dieser Server ist gesperrt. Bitte wenden Sie sich an den Support oder begleichen Sie offene Rechnungen, um ihn wieder zu aktivieren.';
$_LANG['cloudserver_failed_text'] = 'Die Einrichtung dieses Servers ist fehlgeschlagen. Unser Support-Team wurde benachrichtigt.';
$_LANG['cloudserver_console_note'] = 'Eine Browser-Konsole ist für diesen Server nicht verfügbar. Verbinden Sie sich per SSH (Linux) oder Remotedesktop (Windows) mit der IP-Adresse und den Zugangsdaten aus Ihrer Willkommens-E-Mail.';
$_LANG['cloudserver_error_title'] = 'Serverdetails sind nicht verfügbar';
$_LANG['cloudserver_error_unavailable'] = 'Der aktuelle Status dieses Servers konnte gerade nicht geladen werden. Bitte versuchen Sie es in einigen Minuten erneut.';

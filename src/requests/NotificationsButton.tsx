/** The button that asks for notification permission (never asked on load), and what happens after. */
import { Match, Switch } from 'solid-js';
import * as fr from '../i18n/fr';
import { askNotificationPermission, notificationPermission, notificationsSupported } from './notifications';

export function NotificationsButton() {
  return (
    <Switch>
      <Match when={notificationsSupported() && notificationPermission() === 'default'}>
        <div class="notice">
          <p class="muted">{fr.requests.notifications.hint}</p>
          <button type="button" class="button button--secondary" data-testid="notifications-enable" onClick={() => void askNotificationPermission()}>
            {fr.requests.notifications.enable}
          </button>
        </div>
      </Match>
      <Match when={notificationsSupported() && notificationPermission() === 'denied'}>
        <p class="notice notice--warning">{fr.requests.notifications.denied}</p>
      </Match>
    </Switch>
  );
}

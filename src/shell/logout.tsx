/** The logout button, in the desktop header and under « Moi »: warns when queued changes would be lost, then wipes the device. */
import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { pendingCount } from '../data/replication';
import * as fr from '../i18n/fr';
import { dropPushSubscription } from '../requests/notifications';
import { useSession } from '../session/session';

export function LogoutButton(props: { class: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = createSignal(false);
  async function logout() {
    // Logging out wipes the device, queued writes included: say so before.
    if (pendingCount() > 0 && !window.confirm(fr.session.logoutLosesChanges(pendingCount()))) return;
    setLeaving(true);
    try {
      // While the session still exists, so the server forgets this device's push endpoint.
      await dropPushSubscription().catch(() => undefined);
      const next = await session.logout();
      // Signed in with Pro Santé Connect: its own logout, which comes back to the login page.
      if (next) location.assign(next);
      else navigate('/connexion', { replace: true });
    } finally {
      setLeaving(false);
    }
  }
  return (
    <button type="button" class={props.class} disabled={leaving()} onClick={() => void logout()}>
      {leaving() ? fr.session.loggingOut : fr.session.logout}
    </button>
  );
}

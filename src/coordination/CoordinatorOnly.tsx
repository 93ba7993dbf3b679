/** Shows its content to coordinators and administrators only; the server refuses the calls to others anyway. */
import { Show, type JSX } from 'solid-js';
import { isCoordinator } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { useSession } from '../session/session';

export function CoordinatorOnly(props: { children: JSX.Element }) {
  const session = useSession();
  const allowed = () => {
    const user = session.user();
    return user ? isCoordinator(user) : false;
  };
  return (
    <Show when={allowed()} fallback={<p class="notice notice--error">{fr.coordination.reserved}</p>}>
      {props.children}
    </Show>
  );
}

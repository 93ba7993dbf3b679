/** `/moi`: on a phone, who is signed in, the pages the bottom tabs leave out, and logout. */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { professionLine } from '../members/format';
import { createMemberEntry } from '../members/queries';
import { useSession } from '../session/session';
import { LogoutButton } from './logout';
import { NavIcon } from './NavIcon';
import { moreFor, type Destination } from './navigation';

export default function MePage() {
  const session = useSession();
  const user = () => session.user()!;
  const entry = createMemberEntry(() => session.user()?.memberId);
  const more = () => moreFor(user(), entry()?.profession);
  return (
    <section class="stack me" aria-labelledby="me-title">
      <h1 id="me-title" class="page-title">
        {fr.app.me.title}
      </h1>
      <div class="panel">
        <p class="me__name" data-testid="me-name">
          {user().name}
        </p>
        <Show when={entry()}>
          {(e) => (
            <p class="muted" data-testid="me-profession">
              {professionLine(e())}
            </p>
          )}
        </Show>
      </div>
      <Links title={fr.app.me.more} links={more().member} />
      <Show when={more().coordination.length > 0}>
        <Links title={fr.app.coordination} links={more().coordination} />
      </Show>
      <LogoutButton class="button button--secondary" />
    </section>
  );
}

function Links(props: { title: string; links: Destination[] }) {
  return (
    <nav class="panel" aria-label={props.title}>
      <h2 class="panel__title">{props.title}</h2>
      <ul class="me__links">
        <For each={props.links}>
          {(to) => (
            <li>
              <A href={to.href} data-testid={to.testid}>
                <NavIcon icon={to.icon} />
                <span>{to.label}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

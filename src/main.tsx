/** Entry point: mounts the application into `#app`, and reports the errors nothing caught. */
import { render } from 'solid-js/web';
import { App } from './App';
import { log } from './log';
import './styles.css';

// What no code caught goes the way of the other errors: scrubbed, rate-limited, to the coordinators.
window.addEventListener('error', (event) => log.error('app.uncaught', event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => log.error('app.unhandled-rejection', event.reason));

const root = document.getElementById('app');
if (root) render(() => <App />, root);
// Where a start spends its time, in the browser's performance timeline (the phone bench reads these marks).
performance.mark('cpts:app-rendered');

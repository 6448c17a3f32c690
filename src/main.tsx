import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { type LabStore, createLabStore, parseUrlState } from './store/index';
import { App } from './ui/App';
import { readLinkParams } from './ui/use-url-sync';
import './ui/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
// A link carries settings and the event to show; whatever is wrong with it becomes a notice.
const link = parseUrlState(readLinkParams(window.location.search));
let store: LabStore;
try {
  store = createLabStore(link.settings, link.notices, link.at, link.lesson);
} catch (error) {
  // Never a blank page: fall back to the defaults and say why.
  store = createLabStore(undefined, [...link.notices, `This link's settings could not be run (${String(error)}); showing the defaults.`]);
}
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);

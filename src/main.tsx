import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from './store/index';
import { App } from './ui/App';
import './ui/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App store={createLabStore()} />
  </StrictMode>,
);

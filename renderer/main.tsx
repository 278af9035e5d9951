import './zod-without-eval.ts';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { installBrowserBridge } from './bridge/browser-bridge.ts';

// The desktop shell's preload has installed window.amana before this runs; in the browser
// edition the page installs a bridge to its host's HTTP API. Nothing else knows the difference.
if (!window.amana) installBrowserBridge();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

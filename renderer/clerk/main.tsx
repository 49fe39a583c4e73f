import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/ui/ui.css';
import './clerk.css';
import { App } from './App.js';
import { KeyringContext } from './keys/context.js';
import { Keyring } from './keys/keyring.js';
import { de } from './texts.js';

const container = document.getElementById('root');
if (!container) throw new Error('The clerk console needs a #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <KeyringContext value={new Keyring()}>
      <App t={de} />
    </KeyringContext>
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/ui/ui.css';
import './admin.css';
import { App } from './App.js';
import { de } from './texts.js';

const container = document.getElementById('root');
if (!container) throw new Error('The administration console needs a #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <App t={de} />
  </StrictMode>,
);

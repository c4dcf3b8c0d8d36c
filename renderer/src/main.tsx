import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/600.css';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { I18nProvider } from './i18n/I18nProvider';

// Zod probes for eval to speed up parsing; our CSP forbids eval, so tell it not to try.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod/mini';
import { App } from './app/app.tsx';
import { UpdatePrompt } from './app/update-prompt.tsx';
import './index.css';

// The Content-Security-Policy forbids eval: zod must not try to compile parsers with new Function.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing <div id="root">');

const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
// Every screen reads the reference data: their reading starts now, beside the first screen's code.
void import('./features/reference-data/queries').then((m) => m.prefetchReferenceData(queries));

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <App />
      <UpdatePrompt />
    </QueryClientProvider>
  </StrictMode>,
);

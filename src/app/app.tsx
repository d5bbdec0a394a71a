/**
 * The app: a header, and the screen the address names (the claims list, a claim's wizard, or
 * the reference data).
 */
import { lazy, Suspense } from 'react';
import { useRoute } from './route';

// Every screen loads when it is opened, so the first bundle stays small: the claims list (which
// evaluates each claim with the claim core), a claim's screen (the wizard and the form library)
// and the reference-data screen.
const ClaimsScreen = lazy(() => import('./claims-screen').then((m) => ({ default: m.ClaimsScreen })));
const ClaimScreen = lazy(() => import('./claim-screen').then((m) => ({ default: m.ClaimScreen })));
const ReferenceDataScreen = lazy(() => import('../features/reference-data/reference-data-screen').then((m) => ({ default: m.ReferenceDataScreen })));

export function App() {
  const [route, navigate] = useRoute();
  return (
    <div className="min-h-screen bg-slate-100 text-slate-900">
      <header className="border-b border-slate-300 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <h1 className="text-xl font-bold">
            <a href="#/" className="hover:underline">NOC Claim Wizard</a>
          </h1>
          <nav aria-label="Main" className="flex gap-4">
            <a href="#/" aria-current={route.screen === 'reference' ? undefined : 'page'} className="text-blue-800 underline">Claims</a>
            <a href="#/reference" aria-current={route.screen === 'reference' ? 'page' : undefined} className="text-blue-800 underline">Reference data</a>
          </nav>
          <p className="text-sm text-slate-700">Everything you enter stays in this browser.</p>
        </div>
      </header>
      <div className="mx-auto max-w-7xl px-4 py-6">
        <Suspense fallback={<p>Opening…</p>}>
          {route.screen === 'claim' && (
            <ClaimScreen key={route.draftId} draftId={route.draftId} step={route.step}
              onStep={(step) => navigate({ screen: 'claim', draftId: route.draftId, step })} onClose={() => navigate({ screen: 'drafts' })} />
          )}
          {route.screen === 'reference' && <main><ReferenceDataScreen /></main>}
          {route.screen === 'drafts' && <main><ClaimsScreen onOpen={(draftId) => navigate({ screen: 'claim', draftId, step: 'claim' })} /></main>}
        </Suspense>
      </div>
    </div>
  );
}

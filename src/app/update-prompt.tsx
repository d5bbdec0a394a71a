/// <reference types="vite-plugin-pwa/react" />
/**
 * Offline use and updates. The service worker (vite.config.ts) keeps every file of the app in this
 * browser, so the wizard opens and exports without a network once it has been loaded. When a new
 * version is published it waits, and this banner offers to reload: claims are saved as they are
 * typed, so a reload loses nothing, but no tab reloads unless its biller asks. When the biller
 * of another tab switches to the new version, this tab says to reload before going on (its own
 * files are no longer kept).
 */
import { useEffect, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

export function UpdatePrompt() {
  const asked = useRef(false);
  const [updatedElsewhere, setUpdatedElsewhere] = useState(false);
  const { needRefresh: [needRefresh, setNeedRefresh], updateServiceWorker } = useRegisterSW({
    immediate: false,
    // Not the library's reload: this tab reloads only if its biller asked (below).
    onNeedReload: () => undefined,
  });
  useEffect(() => {
    const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;
    if (workers === undefined) return undefined;
    let controller = workers.controller;
    const onControllerChange = () => {
      // The first version taking over a page it did not serve is no update.
      if (controller !== null) {
        if (asked.current) window.location.reload();
        else setUpdatedElsewhere(true);
      }
      controller = workers.controller;
    };
    workers.addEventListener('controllerchange', onControllerChange);
    return () => workers.removeEventListener('controllerchange', onControllerChange);
  }, []);
  if (!needRefresh && !updatedElsewhere) return null;

  const reload = () => {
    if (updatedElsewhere) {
      window.location.reload();
      return;
    }
    asked.current = true;
    void updateServiceWorker();
  };
  return (
    <section aria-label="New version" className="fixed inset-x-4 bottom-4 z-10 mx-auto flex max-w-2xl flex-wrap items-center gap-3 rounded-lg border border-blue-300 bg-white p-4 shadow-lg print:hidden">
      <p role="status" className="grow">
        {updatedElsewhere
          ? 'A new version of the wizard is now in use in another tab. Reload this tab before you go on: your claims are saved.'
          : 'A new version of the wizard is ready. Reload to use it: your claims are saved, nothing is lost.'}
      </p>
      <button type="button" onClick={reload} className="rounded bg-blue-800 px-3 py-2 font-medium text-white hover:bg-blue-900">Reload now</button>
      {!updatedElsewhere && (
        <button type="button" onClick={() => setNeedRefresh(false)} className="rounded border border-slate-400 px-3 py-2 hover:bg-slate-100">Later</button>
      )}
    </section>
  );
}

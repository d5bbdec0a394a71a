/**
 * Where the biller is, kept in the address's #fragment so a reload returns to the same claim
 * and step. The fragment holds only a random draft id and a step name: never patient data.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { StepId } from '../features/wizard/steps';
import { isStepId } from '../features/wizard/steps';

export type Route =
  | { readonly screen: 'drafts' }
  | { readonly screen: 'claim'; readonly draftId: string; readonly step: StepId }
  | { readonly screen: 'reference' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'claim' && parts[1] !== undefined && /^[0-9a-f-]{36}$/.test(parts[1])) {
    return { screen: 'claim', draftId: parts[1], step: isStepId(parts[2] ?? '') ? (parts[2] as StepId) : 'claim' };
  }
  if (parts[0] === 'reference') return { screen: 'reference' };
  return { screen: 'drafts' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'claim': return `#/claim/${route.draftId}/${route.step}`;
    case 'reference': return '#/reference';
    default: return '#/';
  }
}

const subscribe = (notify: () => void) => {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
};

export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHash(route);
  }, []);
  return [parseRoute(hash), navigate];
}

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabActions, LabState, LabStore } from '../store/index';

export const LabContext = createContext<LabStore | null>(null);

function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (store === null) throw new Error('useLab must be used inside <LabContext.Provider>');
  return store;
}

/** Select from the lab store; the selector must return a stable reference (zustand v5). */
export function useLab<T>(selector: (state: LabState & LabActions) => T): T {
  return useStore(useLabStore(), selector);
}

/** The store's verbs, which never change identity. */
export function useLabActions(): LabActions {
  return useLabStore().getState();
}

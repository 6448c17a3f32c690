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

/**
 * Glides and auto-scrolling only while a person can follow them: paused, or
 * playing at up to 4x. Faster, events outrun a 0.25 s glide, and measuring
 * every token each frame (layout animation) would cost the frame budget.
 */
export function useFollowable(): boolean {
  return useLab((s) => !s.playing || s.speed <= 4);
}

/** The store's verbs, which never change identity. */
export function useLabActions(): LabActions {
  return useLabStore().getState();
}

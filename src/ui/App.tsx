import { LayoutGroup, LazyMotion, MotionConfig } from 'framer-motion';
import { Suspense, lazy } from 'react';
import type { LabStore } from '../store/index';
import { CodePanel } from './CodePanel';
import { ErrorBoundary } from './ErrorBoundary';
import { LabContext } from './lab-context';
import { LessonCard } from './LessonCard';
import { LessonsMenu } from './LessonsMenu';
import { Narration } from './Narration';
import { Notices } from './Notices';
import { OutputPanel } from './OutputPanel';
import { ProgramEditorSlot } from './ProgramEditorSlot';
import { QuickSettings } from './QuickSettings';
import { RunOutcome } from './RunOutcome';
import { SettingsPanel } from './SettingsPanel';
import { TimelinePanel } from './TimelinePanel';
import { Transport } from './Transport';
import { usePlayback } from './use-playback';
import { useShortcuts } from './use-shortcuts';
import { useRunWorker } from './use-run-worker';
import { useUrlSync } from './use-url-sync';
import { ComputingBanner } from './ComputingBanner';
import { Stage } from './Stage';

/** The panels below the run load after it: they are not needed for the first picture. */
const MetricsPanel = lazy(() => import('./MetricsPanel').then((m) => ({ default: m.MetricsPanel })));
const ComparePanel = lazy(() => import('./ComparePanel').then((m) => ({ default: m.ComparePanel })));
const ExportPanel = lazy(() => import('./ExportPanel').then((m) => ({ default: m.ExportPanel })));
const MasteryPanel = lazy(() => import('./MasteryPanel').then((m) => ({ default: m.MasteryPanel })));
const RealPythonPanel = lazy(() => import('./RealPythonPanel').then((m) => ({ default: m.RealPythonPanel })));

/** framer-motion's full feature set (layout animations included), fetched after the first paint. */
const loadMotionFeatures = () => import('./motion-features').then((m) => m.default);

/**
 * The page's effects (playback, keys, the address bar, the background worker),
 * in a component of their own: their subscriptions re-render this, not the page.
 */
function Effects(): null {
  usePlayback();
  useShortcuts();
  useUrlSync();
  useRunWorker();
  return null;
}

/**
 * The page reads like a lesson: the stage first, with the knobs beside it and
 * the transport under it, then the code and what it printed, both in view while
 * stepping. Lessons are a menu in the header; measures and the rest come below.
 */
function Lab() {
  return (
    <div className="lab">
      <Effects />
      <header className="lab-header">
        <h1>Queue Lab</h1>
        <p className="tagline">asyncio.Queue producer and workers, event by event, exactly as CPython runs them.</p>
        <LessonsMenu />
      </header>
      <Notices />
      <ComputingBanner />
      {/* In reading order (the knobs right after the stage they change); the grid puts them beside it. */}
      <main className="run-area">
        <LayoutGroup>
          <Stage />
        </LayoutGroup>
        <aside className="run-side" aria-label="Knobs and lesson">
          <QuickSettings />
          <LessonCard />
        </aside>
        <Transport />
        <Narration />
        <RunOutcome />
        <div className="text-panels">
          <CodePanel />
          <OutputPanel />
        </div>
      </main>
      <div className="below">
        <TimelinePanel />
        <ProgramEditorSlot />
        <Suspense fallback={<p className="hint">Loading measures and lessons…</p>}>
          <RealPythonPanel />
          <MetricsPanel />
          <ComparePanel />
          <ExportPanel />
          <MasteryPanel />
        </Suspense>
        <SettingsPanel />
      </div>
    </div>
  );
}

export function App({ store }: { store: LabStore }) {
  return (
    <LabContext.Provider value={store}>
      <LazyMotion features={loadMotionFeatures} strict>
        <MotionConfig reducedMotion="user">
          <ErrorBoundary>
            <Lab />
          </ErrorBoundary>
        </MotionConfig>
      </LazyMotion>
    </LabContext.Provider>
  );
}

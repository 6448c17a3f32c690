import { LayoutGroup, LazyMotion, MotionConfig } from 'framer-motion';
import { Suspense, lazy } from 'react';
import type { LabStore } from '../store/index';
import { CodePanel } from './CodePanel';
import { ErrorBoundary } from './ErrorBoundary';
import { LabContext } from './lab-context';
import { LessonCard } from './LessonCard';
import { LessonsNav } from './LessonsNav';
import { Narration } from './Narration';
import { OutputPanel } from './OutputPanel';
import { ProgramEditorSlot } from './ProgramEditorSlot';
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

function Lab() {
  usePlayback();
  useShortcuts();
  useUrlSync();
  useRunWorker();
  return (
    <div className="lab">
      <header>
        <h1>Queue Lab</h1>
        <p>asyncio.Queue producer and workers, event by event, exactly as CPython runs them.</p>
      </header>
      <SettingsPanel />
      <main>
        <LessonsNav />
        <LessonCard />
        <ComputingBanner />
        <Transport />
        <Narration />
        <RunOutcome />
        <TimelinePanel />
        <LayoutGroup>
          <Stage />
        </LayoutGroup>
        <div className="text-panels">
          <OutputPanel />
          <CodePanel />
        </div>
        <ProgramEditorSlot />
        <Suspense fallback={<p className="hint">Loading measures and lessons…</p>}>
          <RealPythonPanel />
          <MetricsPanel />
          <ComparePanel />
          <ExportPanel />
          <MasteryPanel />
        </Suspense>
      </main>
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

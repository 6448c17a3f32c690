import { LayoutGroup, MotionConfig } from 'framer-motion';
import type { LabStore } from '../store/index';
import { CodePanel } from './CodePanel';
import { ErrorBoundary } from './ErrorBoundary';
import { LabContext } from './lab-context';
import { Narration } from './Narration';
import { OutputPanel } from './OutputPanel';
import { ProducerCard } from './ProducerCard';
import { QueuePanel } from './QueuePanel';
import { RunOutcome } from './RunOutcome';
import { Trays } from './Trays';
import { ComparePanel } from './ComparePanel';
import { ExportPanel } from './ExportPanel';
import { LessonCard } from './LessonCard';
import { LessonsNav } from './LessonsNav';
import { MasteryPanel } from './MasteryPanel';
import { MetricsPanel } from './MetricsPanel';
import { SettingsPanel } from './SettingsPanel';
import { TimelinePanel } from './TimelinePanel';
import { Transport } from './Transport';
import { usePlayback } from './use-playback';
import { useShortcuts } from './use-shortcuts';
import { useUrlSync } from './use-url-sync';
import { WorkerLanes } from './WorkerLanes';

function Lab() {
  usePlayback();
  useShortcuts();
  useUrlSync();
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
        <Transport />
        <Narration />
        <RunOutcome />
        <TimelinePanel />
        <LayoutGroup>
          <div className="stage">
            <ProducerCard />
            <QueuePanel />
            <WorkerLanes />
            <Trays />
          </div>
        </LayoutGroup>
        <div className="text-panels">
          <OutputPanel />
          <CodePanel />
        </div>
        <MetricsPanel />
        <ComparePanel />
        <ExportPanel />
        <MasteryPanel />
      </main>
    </div>
  );
}

export function App({ store }: { store: LabStore }) {
  return (
    <LabContext.Provider value={store}>
      <MotionConfig reducedMotion="user">
        <ErrorBoundary>
          <Lab />
        </ErrorBoundary>
      </MotionConfig>
    </LabContext.Provider>
  );
}

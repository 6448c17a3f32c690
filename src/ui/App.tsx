import { LayoutGroup, MotionConfig } from 'framer-motion';
import type { LabStore } from '../store/index';
import { CodePanel } from './CodePanel';
import { DoneTray } from './DoneTray';
import { ErrorBoundary } from './ErrorBoundary';
import { LabContext } from './lab-context';
import { Narration } from './Narration';
import { OutputPanel } from './OutputPanel';
import { ProducerCard } from './ProducerCard';
import { QueuePanel } from './QueuePanel';
import { SettingsPanel } from './SettingsPanel';
import { Transport } from './Transport';
import { usePlayback } from './use-playback';
import { useShortcuts } from './use-shortcuts';
import { WorkerLanes } from './WorkerLanes';

function Lab() {
  usePlayback();
  useShortcuts();
  return (
    <div className="lab">
      <header>
        <h1>Queue Lab</h1>
        <p>asyncio.Queue producer and workers, event by event, exactly as CPython runs them.</p>
      </header>
      <SettingsPanel />
      <main>
        <Transport />
        <Narration />
        <LayoutGroup>
          <div className="stage">
            <ProducerCard />
            <QueuePanel />
            <WorkerLanes />
            <DoneTray />
          </div>
        </LayoutGroup>
        <div className="text-panels">
          <OutputPanel />
          <CodePanel />
        </div>
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

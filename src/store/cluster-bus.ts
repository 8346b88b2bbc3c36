/**
 * Change notifications between the web processes of one machine (node's
 * cluster): a worker tells its own listeners at once and the primary, which
 * passes it on to every other worker. The PostgreSQL store has its own bus
 * (LISTEN/NOTIFY), which also reaches other machines.
 */
import cluster, { type Worker } from 'node:cluster';
import { isEmpty, LocalBus, type Change } from './changes.js';

const MESSAGE = 'sahifa:change';

interface ChangeMessage {
  type: typeof MESSAGE;
  change: Change;
}

const isChangeMessage = (m: unknown): m is ChangeMessage => (m as ChangeMessage | null)?.type === MESSAGE;

/** The bus of a worker process. */
export class ClusterBus extends LocalBus {
  private readonly onMessage = (m: unknown) => {
    if (isChangeMessage(m)) this.deliver(m.change);
  };

  constructor() {
    super();
    process.on('message', this.onMessage);
  }

  override publish(change: Change): void {
    if (isEmpty(change)) return;
    this.deliver(change);
    process.send?.({ type: MESSAGE, change } satisfies ChangeMessage);
  }

  override async close(): Promise<void> {
    process.off('message', this.onMessage);
    await super.close();
  }
}

/** In the primary: passes each worker's changes on to the others. */
export function relayChanges(): void {
  cluster.on('message', (from: Worker, message: unknown) => {
    if (!isChangeMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
    }
  });
}

/**
 * CloudWatch Logs (JSON 1.1, `Logs_20140328.*`): log groups, streams and events, plus the LogsBackend the ECS
 * awslogs driver writes through. Timestamps are epoch milliseconds, as the Logs API uses them.
 */
import type { LogsBackend, ServiceModule } from '../contracts.js';
import { eventHandlers } from './events.js';
import { describeGroup, describeStream, groupHandlers } from './groups.js';
import { LogsStore } from './store.js';
import type { LogsContext } from './store.js';

export type { LogsContext } from './store.js';

export function createLogsModule(ctx: LogsContext): { module: ServiceModule; backend: LogsBackend } {
  const store = new LogsStore(ctx);
  const module: ServiceModule = {
    service: 'logs',
    operations: { ...groupHandlers(store), ...eventHandlers(store) },
    reset: () => store.groups.clear(),
    dump: () => ({
      logGroups: [...store.groups.values()].map((g) => ({
        ...describeGroup(store, g),
        logStreams: [...g.streams.values()].map((s) => ({ ...describeStream(store, g, s), eventCount: s.events.length })),
      })),
    }),
  };
  const backend: LogsBackend = {
    hasGroup: (group) => store.groups.has(group),
    createGroup: (group) => {
      if (!store.groups.has(group)) store.createGroup(group);
    },
    append: (groupName, streamName, messages, timestamp) => {
      const group = store.group(groupName);
      const stream = group.streams.get(streamName) ?? store.createStream(group, streamName);
      store.append(group, stream, messages.map((message) => ({ timestamp, message })));
    },
  };
  return { module, backend };
}

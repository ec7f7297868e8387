/**
 * PutLogEvents, GetLogEvents, FilterLogEvents.
 *
 * GetLogEvents tokens are `f/<key>` and `b/<key>`, key = the (timestamp, sequence) of the last / first event
 * returned. A forward token returns the events after its key, a backward token the events before it. As the API
 * reference says, at the end of the stream the token passed in comes back unchanged, so a tail loop that keeps
 * passing nextForwardToken sees each new event exactly once.
 */
import type { OperationHandler } from '../contracts.js';
import { compileFilterPattern } from './filter-pattern.js';
import { groupOf } from './groups.js';
import { invalid, limitOf, notNull, optBool, optNum, optStr, optStrList, reqStr } from './params.js';
import type { Params } from './params.js';
import type { LogEvent, LogGroup, LogsStore } from './store.js';
import { eventKey } from './store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZERO_KEY = eventKey({ timestamp: 0, seq: 0 });

interface IncomingEvent {
  timestamp: number;
  message: string;
}

function readEvents(params: Params): IncomingEvent[] {
  const raw = params['logEvents'];
  if (raw === undefined || raw === null) throw notNull('logEvents');
  if (!Array.isArray(raw) || raw.length === 0) {
    throw invalid("1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
  }
  if (raw.length > 10_000) throw invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000");
  return raw.map((e: unknown) => {
    const event = (e ?? {}) as Params;
    const timestamp = optNum(event, 'timestamp');
    const message = optStr(event, 'message');
    if (timestamp === undefined) throw notNull('logEvents.member.timestamp');
    if (message === undefined) throw notNull('logEvents.member.message');
    if (message.length === 0) throw invalid("1 validation error detected: Value '' at 'logEvents.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1");
    return { timestamp, message };
  });
}

/** Splits a batch the way PutLogEvents does: too new (> 2 h ahead), too old (> 14 days), expired (retention). */
function classify(events: IncomingEvent[], group: LogGroup, now: number): { accepted: IncomingEvent[]; rejected?: Params } {
  const rejected: Params = {};
  let tooOldEnd = -1;
  let expiredEnd = -1;
  let tooNewStart = events.length;
  const retentionStart = group.retentionInDays === undefined ? -Infinity : now - group.retentionInDays * DAY;
  events.forEach((e, i) => {
    if (e.timestamp < now - 14 * DAY) tooOldEnd = i;
    else if (e.timestamp < retentionStart) expiredEnd = i;
    if (e.timestamp > now + 2 * HOUR && i < tooNewStart) tooNewStart = i;
  });
  if (tooOldEnd >= 0) rejected['tooOldLogEventEndIndex'] = tooOldEnd + 1;
  if (expiredEnd >= 0) rejected['expiredLogEventEndIndex'] = expiredEnd + 1;
  if (tooNewStart < events.length) rejected['tooNewLogEventStartIndex'] = tooNewStart;
  const firstOk = Math.max(tooOldEnd, expiredEnd) + 1;
  const accepted = events.slice(firstOk, tooNewStart);
  return Object.keys(rejected).length > 0 ? { accepted, rejected } : { accepted };
}

function parseToken(token: string): { dir: 'f' | 'b'; key: string } {
  const m = /^([fb])\/(\d{56})$/.exec(token);
  if (!m?.[1] || !m[2]) throw invalid('The specified nextToken is invalid.');
  return { dir: m[1] as 'f' | 'b', key: m[2] };
}

const outputEvent = (e: LogEvent) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime });

export function eventHandlers(store: LogsStore): Record<string, OperationHandler> {
  const putLogEvents: OperationHandler = (params) => {
    const group = store.group(reqStr(params, 'logGroupName'));
    const stream = store.stream(group, reqStr(params, 'logStreamName'));
    const events = readEvents(params);
    for (let i = 1; i < events.length; i++) {
      if ((events[i]?.timestamp ?? 0) < (events[i - 1]?.timestamp ?? 0)) {
        throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
      }
    }
    if ((events.at(-1)?.timestamp ?? 0) - (events[0]?.timestamp ?? 0) > DAY) {
      throw invalid('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
    }
    const { accepted, rejected } = classify(events, group, store.ctx.clock.now());
    store.append(group, stream, accepted);
    const out: Params = { nextSequenceToken: String(stream.uploads).padStart(56, '4') };
    if (rejected) out['rejectedLogEventsInfo'] = rejected;
    return out;
  };

  const getLogEvents: OperationHandler = (params) => {
    const group = groupOf(store, params);
    const stream = store.stream(group, reqStr(params, 'logStreamName'));
    const startTime = optNum(params, 'startTime');
    const endTime = optNum(params, 'endTime');
    const limit = limitOf(params, 10_000, 10_000);
    const token = optStr(params, 'nextToken');
    const inRange = stream.events.filter(
      (e) => (startTime === undefined || e.timestamp >= startTime) && (endTime === undefined || e.timestamp < endTime),
    );
    let page: LogEvent[];
    let parsed: { dir: 'f' | 'b'; key: string } | undefined;
    if (token !== undefined) {
      parsed = parseToken(token);
      const { dir, key } = parsed;
      page = dir === 'f' ? inRange.filter((e) => eventKey(e) > key).slice(0, limit) : inRange.filter((e) => eventKey(e) < key).slice(-limit);
    } else {
      page = optBool(params, 'startFromHead') === true ? inRange.slice(0, limit) : inRange.slice(-limit);
    }
    const first = page[0];
    const last = page.at(-1);
    let nextForwardToken: string;
    let nextBackwardToken: string;
    if (first && last) {
      nextForwardToken = `f/${eventKey(last)}`;
      nextBackwardToken = `b/${eventKey(first)}`;
    } else if (parsed && token !== undefined) {
      // Nothing (more) in that direction: the token passed in comes back.
      nextForwardToken = parsed.dir === 'f' ? token : `f/${parsed.key}`;
      nextBackwardToken = parsed.dir === 'b' ? token : `b/${parsed.key}`;
    } else {
      nextForwardToken = `f/${ZERO_KEY}`;
      nextBackwardToken = `b/${ZERO_KEY}`;
    }
    return { events: page.map(outputEvent), nextForwardToken, nextBackwardToken };
  };

  const filterLogEvents: OperationHandler = (params) => {
    const group = groupOf(store, params);
    const names = optStrList(params, 'logStreamNames');
    const prefix = optStr(params, 'logStreamNamePrefix');
    if (names !== undefined && prefix !== undefined) {
      throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    const startTime = optNum(params, 'startTime');
    const endTime = optNum(params, 'endTime');
    const limit = limitOf(params, 10_000, 10_000);
    const matches = compileFilterPattern(optStr(params, 'filterPattern'));
    const token = optStr(params, 'nextToken');
    let after = '';
    if (token !== undefined) {
      const decoded = /^key:(\d{56})$/.exec(Buffer.from(token, 'base64').toString('utf8'));
      if (!decoded?.[1]) throw invalid('The specified nextToken is invalid.');
      after = decoded[1];
    }
    const found: { stream: string; event: LogEvent; key: string }[] = [];
    for (const stream of group.streams.values()) {
      if (names !== undefined && !names.includes(stream.name)) continue;
      if (prefix !== undefined && !stream.name.startsWith(prefix)) continue;
      for (const event of stream.events) {
        if (startTime !== undefined && event.timestamp < startTime) continue;
        if (endTime !== undefined && event.timestamp > endTime) continue;
        const key = eventKey(event);
        if (key > after && matches(event.message)) found.push({ stream: stream.name, event, key });
      }
    }
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const page = found.slice(0, limit);
    const events = page.map(({ stream, event, key }) => ({ logStreamName: stream, ...outputEvent(event), eventId: key }));
    const lastKey = page.at(-1)?.key;
    return found.length > limit && lastKey !== undefined
      ? { events, nextToken: Buffer.from(`key:${lastKey}`).toString('base64') }
      : { events };
  };

  return { PutLogEvents: putLogEvents, GetLogEvents: getLogEvents, FilterLogEvents: filterLogEvents };
}

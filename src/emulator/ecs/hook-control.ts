/**
 * The control route for lifecycle hook Lambda functions (never an AWS path): `POST /_emulator/hooks` tells the
 * emulated function how to answer ECS, `GET /_emulator/hooks` lists those answers and every invocation, `DELETE`
 * forgets the answers (functions then answer SUCCEEDED).
 *
 * Body: `{ "hookTargetArn": "arn:aws:lambda:…:function:check", "hookStatus": "SUCCEEDED" | "FAILED" |
 * "IN_PROGRESS", "stage"?: "POST_TEST_TRAFFIC_SHIFT", "callBackDelay"?: 30 }` — the `hookStatus` (and
 * `callBackDelay` in seconds) a hook's Lambda function returns, at that stage only when `stage` is given. The
 * latest matching answer wins; an answer can be changed while ECS keeps invoking an IN_PROGRESS hook.
 */
import type { EcsContext } from './context.js';
import type { HookResponseRec } from './state.js';

const STATUSES = ['SUCCEEDED', 'FAILED', 'IN_PROGRESS'];

export function parseHookResponse(body: unknown): HookResponseRec {
  if (typeof body !== 'object' || body === null) throw new Error('body must be a JSON object');
  const b = body as Record<string, unknown>;
  const arn = b['hookTargetArn'];
  if (typeof arn !== 'string' || arn === '') throw new Error('"hookTargetArn" is required (the hook\'s Lambda function ARN)');
  const status = b['hookStatus'];
  if (typeof status !== 'string' || !STATUSES.includes(status)) throw new Error(`"hookStatus" must be one of ${STATUSES.join(', ')}`);
  const out: HookResponseRec = { hookTargetArn: arn, hookStatus: status as HookResponseRec['hookStatus'] };
  if (b['stage'] !== undefined) {
    if (typeof b['stage'] !== 'string') throw new Error('"stage" must be a lifecycle stage name');
    out.stage = b['stage'];
  }
  if (b['callBackDelay'] !== undefined) {
    const delay = b['callBackDelay'];
    if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > 900) throw new Error('"callBackDelay" must be whole seconds from 0 to 900');
    out.callBackDelay = delay;
  }
  return out;
}

export const hookControl = {
  set(ctx: EcsContext, body: unknown): HookResponseRec {
    const response = parseHookResponse(body);
    ctx.state.hookResponses.push(response);
    return response;
  },
  list(ctx: EcsContext): unknown {
    return {
      responses: [...ctx.state.hookResponses],
      invocations: ctx.state.hookInvocations.map((i) => ({ ...i })),
    };
  },
  clear(ctx: EcsContext): void {
    ctx.state.hookResponses.length = 0;
  },
};

/**
 * Every client's share of the run's read budget (S7, issue 17): each call sent (each attempt, since AWS counts
 * retries against its rate limits too) is told to the run's ReadLedger, which counts the reads made outside the
 * waits from the run's first change; and a read waits out the pause a throttled call anywhere in the process opened.
 */
import type { FinalizeHandler, FinalizeHandlerArguments, FinalizeRequestMiddleware, HandlerExecutionContext, MetadataBearer, MiddlewareStack } from '@smithy/types';
import type { Sleep } from '../time.js';
import { isReadOperation } from './read-ledger.js';
import type { ReadLedger } from './read-ledger.js';

/** Inside the retries: once per attempt. */
const READ_LEDGER_STEP = { relation: 'after', toMiddleware: 'retryMiddleware', name: 'ecsDeliveryReadLedger', override: true } as const;

export function addReadLedger<Input extends object, Output extends MetadataBearer>(
  stack: Pick<MiddlewareStack<Input, Output>, 'addRelativeTo'>,
  ledger: ReadLedger,
  sleep: Sleep,
): void {
  stack.addRelativeTo(readLedgerMiddleware<Input, Output>(ledger, sleep), READ_LEDGER_STEP);
}

export function readLedgerMiddleware<Input extends object, Output extends MetadataBearer>(
  ledger: ReadLedger,
  sleep: Sleep,
): FinalizeRequestMiddleware<Input, Output> {
  return (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
    async (args: FinalizeHandlerArguments<Input>) => {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      if (isReadOperation(operation)) {
        const pause = ledger.pauseMs();
        if (pause > 0) await sleep(pause);
      }
      ledger.callSent(operation);
      return next(args);
    };
}

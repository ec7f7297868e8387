/**
 * A region that does not exist (a typo, `eu-fake-9`) gives no AWS error at all: the SDK builds the endpoint
 * `ecs.eu-fake-9.amazonaws.com`, whose name does not resolve, and the call fails with Node's
 * `getaddrinfo ENOTFOUND ecs.eu-fake-9.amazonaws.com`. That error is replaced by one that says the region may be
 * wrong, which region was used and where it came from (S12), keeping the original as its `cause` and its `code`
 * (so EAI_AGAIN, a DNS lookup that could not be answered, is still retried as transient by the polling loops).
 */
import type {
  InitializeHandler,
  InitializeHandlerArguments,
  InitializeHandlerOutput,
  InitializeMiddleware,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';

/** Where the region came from, in the order S12 gives (clients.ts resolveRegionChoice). */
/** `awslogs-region`: a container's log configuration names the region of its log group. */
export type RegionSource = 'input' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'awslogs-region';

export interface RegionChoice {
  region: string;
  source: RegionSource;
}

/** getaddrinfo's "no such name" and "could not ask right now". */
const DNS_FAILURES: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN']);
/** The endpoints the SDK builds from a region (aws, aws-cn partitions). */
const AWS_ENDPOINT_HOST = /\.amazonaws\.com(\.cn)?$/i;

const SOURCE_TEXT: Record<RegionSource, string> = {
  input: "the 'region' input",
  AWS_REGION: "the AWS_REGION environment variable (the 'region' input is empty)",
  AWS_DEFAULT_REGION: "the AWS_DEFAULT_REGION environment variable (the 'region' input and AWS_REGION are empty)",
  'awslogs-region': "the task definition's awslogs-region log option",
};

export class UnresolvedEndpointError extends Error {
  readonly code: string;
  readonly hostname: string;

  constructor(cause: Error, code: string, hostname: string, choice: RegionChoice) {
    const dnsDown = code === 'EAI_AGAIN' ? " (EAI_AGAIN can also mean that the runner's DNS is not answering)" : '';
    super(
      `cannot resolve ${hostname}: the AWS region may be wrong — this run used region ${choice.region}, from ` +
        `${SOURCE_TEXT[choice.source]}; check it (e.g. us-east-1)${dnsDown}`,
      { cause },
    );
    this.name = 'UnresolvedEndpointError';
    this.code = code;
    this.hostname = hostname;
  }
}

/** The hinted error for a DNS failure of an AWS endpoint host; any other error as it is. */
export function withRegionHint(e: unknown, choice: RegionChoice): unknown {
  if (!(e instanceof Error) || e instanceof UnresolvedEndpointError) return e;
  const { code, hostname } = e as { code?: unknown; hostname?: unknown };
  if (typeof code !== 'string' || !DNS_FAILURES.has(code)) return e;
  const host = typeof hostname === 'string' ? hostname : /\s(\S+)$/.exec(e.message)?.[1];
  if (host === undefined || !AWS_ENDPOINT_HOST.test(host)) return e;
  return new UnresolvedEndpointError(e, code, host, choice);
}

/** Runs outside the retries (initialize step), so it sees the call's final error. */
const REGION_HINT_STEP = { step: 'initialize', name: 'ecsDeliveryRegionHint', override: true } as const;

/** Adds to a client's middleware stack the replacement of a DNS failure of its AWS endpoint by UnresolvedEndpointError. */
export function addRegionHint<Input extends object, Output extends MetadataBearer>(
  stack: Pick<MiddlewareStack<Input, Output>, 'add'>,
  choice: RegionChoice,
): void {
  stack.add(regionHintMiddleware<Input, Output>(choice), REGION_HINT_STEP);
}

export function regionHintMiddleware<Input extends object, Output extends MetadataBearer>(choice: RegionChoice): InitializeMiddleware<Input, Output> {
  return (next: InitializeHandler<Input, Output>) =>
    async (args: InitializeHandlerArguments<Input>): Promise<InitializeHandlerOutput<Output>> => {
      try {
        return await next(args);
      } catch (e) {
        throw withRegionHint(e, choice);
      }
    };
}

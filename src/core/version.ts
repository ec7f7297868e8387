/** The suite's version; a unit test keeps it equal to package.json's `version`. */
export const VERSION = '0.1.0';

/** Appended to every AWS SDK client's user agent (see aws/clients.ts), so CloudTrail shows who called. */
export const USER_AGENT_SUFFIX = `ecs-delivery-actions/${VERSION}`;

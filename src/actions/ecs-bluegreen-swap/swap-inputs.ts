/** The inputs only mode swap reads (B5): downsizing the old service, and the optional gradual traffic shift. */
import { ConfigurationError } from '../../core/errors.js';
import type { Inputs } from '../../core/inputs.js';
import type { SwapOptions } from './options.js';

/**
 * The defaults action.yml gives mode-only inputs. The runner sets INPUT_<X> to them when the step does not give
 * the input, so a mode-only input at its default is not refused in another mode (a value the user wrote that
 * equals the default cannot be told apart, and changes nothing).
 */
export const RUNNER_DEFAULTS: Readonly<Record<string, string>> = {
  'same-as-running': 'false',
  'update-green-service': 'false',
  'downsize-old-service': 'true',
  'downsize-delay-seconds': '0',
  'step-bake-seconds': '60',
};

type SwapSettings = Pick<SwapOptions, 'downsizeOldService' | 'downsizeDelaySeconds' | 'trafficSteps' | 'stepBakeSeconds' | 'alarms'>;

export function readSwapSettings(inputs: Inputs): SwapSettings {
  const trafficSteps = readTrafficSteps(inputs.optional('traffic-steps'));
  const stepBakeSeconds = inputs.integer('step-bake-seconds', { min: 0, max: 3600, default: 60 });
  const alarms = inputs.list('alarms');
  if (trafficSteps.length === 0) {
    for (const name of ['step-bake-seconds', 'alarms'] as const) {
      if (inputs.has(name) && inputs.raw(name) !== RUNNER_DEFAULTS[name]) throw new ConfigurationError('it only applies to a gradual shift: set traffic-steps too, or remove it', { input: name });
    }
  }
  return {
    downsizeOldService: inputs.boolean('downsize-old-service', true),
    downsizeDelaySeconds: inputs.integer('downsize-delay-seconds', { min: 0, max: 3600, default: 0 }),
    trafficSteps,
    stepBakeSeconds,
    alarms,
  };
}

/** `10,50,100`: percentages of prod traffic for the new target group, rising, ending at 100. */
export function readTrafficSteps(text: string | undefined): number[] {
  if (text === undefined) return [];
  const parts = text.split(',').map((p) => p.trim());
  const steps = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN));
  const bad = parts.find((p, i) => !(Number.isInteger(steps[i]) && (steps[i] ?? 0) >= 1 && (steps[i] ?? 0) <= 100));
  if (bad !== undefined) {
    throw new ConfigurationError(`'${bad}' is not a percentage from 1 to 100 (e.g. "10,50,100")`, { input: 'traffic-steps' });
  }
  if (steps.some((s, i) => i > 0 && s <= (steps[i - 1] ?? 0))) {
    throw new ConfigurationError(`the steps must rise: '${text}'`, { input: 'traffic-steps' });
  }
  if (steps[steps.length - 1] !== 100) {
    throw new ConfigurationError(`the last step must be 100 (all prod traffic on the new service): '${text}'`, { input: 'traffic-steps' });
  }
  return steps;
}

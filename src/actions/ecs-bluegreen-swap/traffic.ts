/** B5 traffic-steps: not built yet (refused before any change rather than ignored). */
import { ConfigurationError } from '../../core/errors.js';
import type { BlueGreenDeps } from './deps.js';
import type { SwapOptions } from './options.js';
import type { Release } from './pair.js';
import type { Routes } from './routes.js';

export function shiftTraffic(_deps: BlueGreenDeps, _o: SwapOptions, _routes: Routes, _release: Release): Promise<string | undefined> {
  return Promise.reject(new ConfigurationError('traffic-steps is not supported yet', { input: 'traffic-steps' }));
}

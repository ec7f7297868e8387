import { runAction } from '../../core/run.js';
import { main } from './main.js';
await runAction('ecs-bluegreen-swap', main);

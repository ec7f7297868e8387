/**
 * The floor for cold start: Node 24 starting a tiny script that makes one HTTP request to the emulator (an ECS
 * ListClusters call), so the action figures can be read against what Node itself costs on this machine.
 */
import { request } from 'node:http';

const url = process.env['BENCH_EMULATOR_URL'];
if (url === undefined) throw new Error('BENCH_EMULATOR_URL is not set');
const req = request(`${url}/`, {
  method: 'POST',
  headers: { 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters', 'content-type': 'application/x-amz-json-1.1' },
});
req.on('response', (res) => res.resume());
req.end('{}');

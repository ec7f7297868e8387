export const id = 350;
export const ids = [350];
export const modules = {

/***/ 5350:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5130);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7206);


await (0,_core_run_js__WEBPACK_IMPORTED_MODULE_0__.runAction)('ecs-canary', _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./.build/dist-src/src/core/action/index.js + 10 modules
var action = __webpack_require__(7745);
// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/clients.js + 4 modules
var clients = __webpack_require__(4336);
// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/index.js + 36 modules
var deploy = __webpack_require__(1613);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var services = __webpack_require__(4259);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/cleanup.js
/**
 * Deleting the canary (C2, and C1 after a failure): DeleteService with force, then the wait until it is INACTIVE
 * within the time left. A canary that does not exist (or is already INACTIVE) is nothing to delete; a DRAINING one
 * is only waited out.
 */


async function deleteCanary(deps, req) {
    const { log } = deps;
    const found = await (0,services/* describeServiceAnyStatus */.dM)(deps.ecs, req.cluster, req.name);
    if (found === undefined || found.status === 'INACTIVE') {
        log.info(`Canary service ${req.name} does not exist in cluster ${req.cluster}: nothing to delete.`);
        return { status: 'absent', detail: `canary service ${req.name} did not exist` };
    }
    const draining = found.status === 'DRAINING';
    if (draining)
        log.info(`Canary service ${req.name} is already DRAINING: waiting until it is INACTIVE.`);
    else {
        log.info(`Deleting service ${req.name}..`);
        if ((await (0,services/* deleteService */.hs)(deps.ecs, req.cluster, req.name)) === undefined) {
            log.info(`Canary service ${req.name} was already gone.`);
            return { status: 'absent', detail: `canary service ${req.name} was already gone` };
        }
    }
    const waited = await (0,deploy/* waitForServiceInactive */.Te)(deps, {
        cluster: req.cluster,
        service: req.name,
        deadline: req.deadline,
        seenEventIds: (found.events ?? []).flatMap((e) => (e.id !== undefined ? [e.id] : [])),
        ...(req.signal !== undefined ? { signal: req.signal } : {}),
        ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
    });
    if (waited.ok) {
        log.info(`Canary service ${req.name} deleted`);
        return draining ? { status: 'drained', detail: `canary service ${req.name} was DRAINING and is now INACTIVE` } : { status: 'deleted', detail: `canary service ${req.name} was deleted` };
    }
    if (waited.reason === 'cancelled') {
        log.warning(`Canary service ${req.name} was deleted (force) but is still DRAINING: ECS finishes removing it.`);
        return { status: 'abandoned', detail: `canary service ${req.name} was deleted (force) but is still DRAINING; ECS finishes removing it` };
    }
    return { status: 'failed', detail: `canary service ${req.name} did not become INACTIVE (${waited.reason}): ${waited.message}` };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/bake/index.js + 2 modules
var bake = __webpack_require__(5701);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/elb/index.js + 13 modules
var elb = __webpack_require__(925);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/healthy.js
/**
 * C1: after steady state, the canary's tasks must be `healthy` targets in every target group it joined (the base
 * service's). A target that turns unhealthy ends the wait at once: the canary fails its health checks.
 */

/** Undefined when every target group has the canary's tasks healthy; otherwise why not. */
async function waitForCanaryTargets(deps, where, bindings, wait) {
    for (const b of bindings) {
        const name = (0,elb/* targetGroupName */.IT)(b.targetGroupArn);
        const end = await deps.log.group(`Wait for the canary's targets to be healthy in target group ${name}`, () => (0,elb/* waitForHealthyTargets */.mT)(deps, {
            targetGroupArn: b.targetGroupArn,
            targets: (0,elb/* serviceTargets */.UO)(deps.ecs, { ...b, cluster: where.cluster, service: where.canaryName }),
            minimum: wait.count,
            failOnUnhealthy: true,
            onChange: (r) => deps.log.info(`Target ${(0,elb/* describeTargetReport */.xP)(r)}`),
        }, { deadline: wait.deadline, signal: wait.signal }));
        const bad = end.targets.find((t) => t.state !== 'healthy');
        switch (end.kind) {
            case 'healthy':
                continue;
            case 'unhealthy':
                return `canary target ${bad !== undefined ? (0,elb/* describeTargetReport */.xP)(bad) : 'unhealthy'} in target group ${name}: the canary fails the load balancer's health checks`;
            case 'timeout':
                return `timed out waiting for the canary's targets to be healthy in target group ${name}${bad !== undefined ? ` (${(0,elb/* describeTargetReport */.xP)(bad)})` : ''}`;
            case 'cancelled':
                return `the workflow was cancelled while waiting for the canary's targets to be healthy in target group ${name}`;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/share.js

async function trafficShares(clients, where, bindings, call = {}) {
    const shares = [];
    for (const b of bindings) {
        const expected = await (0,elb/* serviceTargets */.UO)(clients.ecs, { ...b, cluster: where.cluster, service: where.canaryName })(call);
        const health = await (0,elb/* describeTargetHealth */.fw)(clients.elb, b.targetGroupArn, call);
        const canary = (0,elb/* matchTargets */._O)(expected, health).filter((r) => r.state === 'healthy').length;
        const total = health.filter((d) => d.TargetHealth?.State === 'healthy').length;
        shares.push({ targetGroupArn: b.targetGroupArn, name: (0,elb/* targetGroupName */.IT)(b.targetGroupArn), canary, total, text: shareText(canary, total) });
    }
    return shares;
}
function shareText(canary, total) {
    const pct = total === 0 ? 0 : Math.round((canary * 100) / total);
    return `${canary} of ${total} ${total === 1 ? 'task' : 'tasks'} (${pct} %)`;
}
/** The canary's load balancer entries that name a target group (a Classic Load Balancer's have none). */
function bindingsOf(loadBalancers) {
    return loadBalancers.flatMap((lb) => lb.targetGroupArn !== undefined && lb.containerName !== undefined && lb.containerPort !== undefined
        ? [{ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort }]
        : []);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/deploy.js








async function deployCanary(deps, o, plan, deadline) {
    const { log, clock } = deps;
    const startedAt = clock.now();
    throwIfCancelled(deps, 'before the task definition was registered; nothing was changed');
    const td = await log.group('Task definition', async () => {
        const resolved = await (0,task_definitions/* resolveTaskDefinition */.Fh)(deps.ecs, o.taskDefinition, { inactive: 'refuse' });
        log.info(resolved.registered ? `Registered task definition ${resolved.label} (${resolved.arn}).` : `Using task definition ${resolved.arn}: registration skipped.`);
        return resolved;
    });
    throwIfCancelled(deps, `after registering ${td.arn}; no canary was created`);
    const outcome = { status: 'succeeded', cancelled: false, taskDefinitionArn: td.arn, changed: false, shares: [], stoppedTasks: [], durationMs: 0 };
    const failed = await runCanary({ deps, o, plan, input: plan.request(td.arn), outcome, deadline: waitDeadline(deps, o, deadline) });
    if (failed !== undefined)
        await fail(deps, o, outcome, failed, deadline);
    else if (outcome.status === 'succeeded')
        log.info(`Canary service ${o.canaryName} runs ${td.label} with ${plan.count} ${plan.count === 1 ? 'task' : 'tasks'}.`);
    outcome.durationMs = clock.now() - startedAt;
    return outcome;
}
/** Create, wait, targets, share, bake: the first failure is returned (errors too), the outcome filled as it goes. */
async function runCanary(run) {
    const { deps, o, plan, input, outcome, deadline } = run;
    const seenEventIds = (plan.existing?.events ?? []).flatMap((e) => (e.id !== undefined ? [e.id] : []));
    const wait = { deadline, seenEventIds, ...(deps.signal !== undefined ? { signal: deps.signal } : {}) };
    try {
        const step = plan.existing?.status === 'ACTIVE'
            ? await (0,deploy/* replaceStep */.$L)(deps, input, wait)
            : await (0,deploy/* createStep */.Bx)(deps, input, { ...wait, draining: plan.existing?.status === 'DRAINING' });
        outcome.changed = step.change.changed;
        outcome.canaryServiceArn = step.change.service?.serviceArn;
        if (step.failure !== undefined)
            return { message: step.failure.message };
        const rollout = await (0,deploy/* waitForRollout */.gj)(deps, step.change, {
            ...wait,
            cluster: o.cluster,
            serviceName: o.canaryName,
            taskDefinitionArn: outcome.taskDefinitionArn,
            waitForSteadyState: o.waitForSteadyState,
        });
        if (rollout.failure !== undefined)
            return { message: rollout.failure.message, stoppedTasks: rollout.failure.stoppedTasks };
        if (!o.waitForSteadyState) {
            outcome.status = 'started';
            return undefined;
        }
        return await watchCanary(run);
    }
    catch (e) {
        return { message: (0,errors/* describeError */.Uc)(e) };
    }
}
/** After steady state: healthy targets, the traffic share, the bake. */
async function watchCanary({ deps, o, plan, input, outcome, deadline }) {
    const bindings = bindingsOf(input.loadBalancers ?? []);
    const where = { cluster: o.cluster, canaryName: o.canaryName };
    const unhealthy = await waitForCanaryTargets(deps, where, bindings, { count: plan.count, deadline, signal: deps.signal });
    if (unhealthy !== undefined)
        return { message: unhealthy };
    if (bindings.length > 0) {
        outcome.shares = await deps.log.group('Traffic share of the canary', async () => {
            const shares = await trafficShares(deps, where, bindings, { signal: deps.signal });
            for (const s of shares)
                deps.log.info(`Target group ${s.name}: the canary serves ${s.text} of the healthy targets`);
            return shares;
        });
    }
    const baked = await (0,bake/* bake */.W)({ ...deps, signal: deps.signal }, {
        durationMs: o.bakeSeconds * 1000,
        deadline,
        cluster: o.cluster,
        serviceName: o.canaryName,
        targetGroupArns: bindings.map((b) => b.targetGroupArn),
        alarms: o.alarms,
        label: `canary service ${o.canaryName}`,
    });
    return baked.ok ? undefined : { message: baked.cause };
}
/** C1: the cause first; the canary this run created deleted (within the whole deadline, ended only by the second signal). */
async function fail(deps, o, outcome, failed, deadline) {
    const { log } = deps;
    outcome.status = 'failed';
    outcome.cancelled = deps.signal?.aborted === true;
    outcome.stoppedTasks = failed.stoppedTasks ?? [];
    const cause = outcome.cancelled ? `${cancelReason(deps.signal)}; ${failed.message}` : failed.message;
    log.info(`Canary failed: ${cause}`);
    if (!outcome.changed) {
        outcome.cause = `${cause}\nNo canary service was created.`;
        return;
    }
    if (!o.deleteOnFailure) {
        log.warning(`delete-on-failure is false: canary service ${o.canaryName} is left as it is; delete it with mode: delete.`);
        outcome.cause = `${cause}\ndelete-on-failure is false: canary service ${o.canaryName} was left running.`;
        return;
    }
    const deletion = await log.group(`Delete the canary service ${o.canaryName}`, () => deleteCanary(deps, { cluster: o.cluster, name: o.canaryName, deadline, signal: deps.hardSignal }).catch((e) => ({ status: 'failed', detail: `deleting canary service ${o.canaryName} failed: ${(0,errors/* describeError */.Uc)(e)}` })));
    outcome.deletion = deletion;
    outcome.cause = `${cause}\n${deletion.status === 'failed' ? 'Deleting the canary failed: ' : ''}${deletion.detail}`;
}
/** The waits' share of the deadline: all of it, or less the deletion's share when a failed canary is deleted. */
function waitDeadline(deps, o, deadline) {
    if (!o.deleteOnFailure)
        return deadline;
    const reserve = Math.floor(deadline.remainingMs() * deploy/* ROLLBACK_SHARE */.Xb);
    deps.log.info(`Waiting at most ${(0,time/* formatDuration */.a3)(deadline.remainingMs() - reserve)}; ${(0,time/* formatDuration */.a3)(reserve)} of timeout-minutes is kept to delete a failed canary.`);
    return deadline.keeping(reserve);
}
/** `The workflow was cancelled (SIGINT received)`: the runtime's reason for the cancel signal. */
function cancelReason(signal) {
    const reason = signal?.reason;
    return reason instanceof Error ? reason.message : 'The workflow was cancelled';
}
function throwIfCancelled(deps, when) {
    if (deps.signal?.aborted !== true)
        return;
    deps.log.warning(`Cancelled ${when}.`);
    const reason = deps.signal.reason;
    throw reason instanceof Error ? reason : new errors/* CancelledError */.cc('SIGINT');
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/io/summary.js
var summary = __webpack_require__(5858);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/dry-run.js




async function dryRunDeploy(rt, deps, o, plan) {
    await rt.log.group('Dry run: what would change (nothing is changed)', async () => {
        const call = { signal: rt.cancel };
        const desiredTd = o.taskDefinition.kind === 'file' ? o.taskDefinition.definition : await (0,task_definitions/* describeTaskDefinition */.oh)(deps.ecs, o.taskDefinition.ref, { ...call, input: o.taskDefinition.input });
        const baseTdArn = plan.base?.taskDefinition;
        const baseTd = baseTdArn === undefined ? undefined : await (0,task_definitions/* describeTaskDefinition */.oh)(deps.ecs, baseTdArn, call);
        const request = plan.request(o.taskDefinition.kind === 'file' ? '(to be registered)' : o.taskDefinition.ref);
        const diff = (0,deploy/* diffDeployment */.Zi)({ taskDefinition: baseTd }, { taskDefinition: desiredTd, service: request });
        const notes = [
            plan.existing?.status === 'ACTIVE'
                ? `Canary service ${o.canaryName} exists (ACTIVE): it would be deleted (force) and waited INACTIVE first.`
                : plan.existing?.status === 'DRAINING'
                    ? `Canary service ${o.canaryName} is DRAINING: it would be waited out first.`
                    : `Canary service ${o.canaryName} does not exist.`,
            `Canary service ${o.canaryName} would be created with ${plan.count} ${plan.count === 1 ? 'task' : 'tasks'} (${plan.countWhy}), in target groups: ${plan.targetGroupArns.join(', ') || 'none'}.`,
            `Base service ${o.serviceName} would not be changed.`,
        ];
        for (const n of notes)
            rt.log.info(n);
        rt.log.info(diff.text);
        rt.outputs.set('canaryServiceName', o.canaryName);
        rt.outputs.set('serviceName', o.serviceName);
        rt.outputs.set('targetGroupArns', JSON.stringify(plan.targetGroupArns));
        rt.outputs.set('canaryTaskCount', plan.count);
        await appendSummary(rt, `dry run of canary ${o.canaryName} of service ${o.serviceName}`, notes, diff.text);
    });
}
async function dryRunDelete(rt, deps, o) {
    await rt.log.group('Dry run: what would change (nothing is changed)', async () => {
        const found = await (0,services/* describeServiceAnyStatus */.dM)(deps.ecs, o.cluster, o.canaryName, { signal: rt.cancel });
        const note = found === undefined || found.status === 'INACTIVE'
            ? `Canary service ${o.canaryName} does not exist in cluster ${o.cluster}: nothing would be deleted.`
            : found.status === 'DRAINING'
                ? `Canary service ${o.canaryName} is DRAINING: it would be waited out until INACTIVE.`
                : `Canary service ${o.canaryName} (ACTIVE, ${found.runningCount ?? 0} running) would be deleted (force) and waited INACTIVE.`;
        rt.log.info(note);
        rt.outputs.set('canaryServiceName', o.canaryName);
        rt.outputs.set('serviceName', o.serviceName);
        await appendSummary(rt, `dry run of the delete of canary ${o.canaryName}`, [note], undefined);
    });
}
async function appendSummary(rt, what, notes, diff) {
    const s = new summary/* SummaryBuilder */.CF().heading(`ecs-canary: ${what} (nothing changed)`).raw(notes.map((n) => `- ${n}`).join('\n'));
    if (diff !== undefined)
        s.codeBlock(diff, 'diff');
    await rt.summary.append(s.heading('Outputs', 3).keyValueTable(rt.outputs.entries()).toString());
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/inputs.js + 2 modules
var core_inputs = __webpack_require__(9747);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/options.js
const MODES = ['deploy', 'delete'];
/** The suffix of the canary's name: `<service>Canary` (C1). */
const CANARY_SUFFIX = 'Canary';

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/inputs.js
/**
 * The inputs of ecs-canary. readOptions checks every input and parses and validates every manifest before any AWS
 * call (S3): a bad one fails with a ConfigurationError naming the input (and file, line and field). What needs AWS
 * to check (the base service exists, the alarms exist) is checked by prepare.ts with reads, before the first change.
 */





/** Every input declared in actions/ecs-canary/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
const INPUT_NAMES = [
    'cluster',
    'service',
    'task-definition',
    'task-definition-arn',
    'service-definition',
    'image',
    'container-name',
    'canary-count',
    'canary-percent',
    'bake-seconds',
    'alarms',
    'wait-for-steady-state',
    'timeout-minutes',
    'delete-on-failure',
    'mode',
    'dry-run',
    'region',
    'max-attempts',
    'github-token',
    'environment',
];
const SHARED_INPUTS = ['cluster', 'region', 'timeout-minutes', 'max-attempts', 'dry-run', 'github-token', 'environment'];
/**
 * Inputs only `mode: deploy` uses; `mode: delete` refuses them rather than ignore them. Inputs with a default in
 * action.yml (the runner always sets those) are refused only with another value: `bake-seconds` other than 0.
 */
const DEPLOY_ONLY_INPUTS = [
    'task-definition',
    'task-definition-arn',
    'service-definition',
    'image',
    'container-name',
    'canary-count',
    'canary-percent',
    'alarms',
];
/** ECS service names: at most 255 characters, so the base service's name at most 255 \u2212 `Canary`. */
const MAX_SERVICE_NAME = 255;
/** CloudWatch alarm names: 1 to 255 characters. */
const MAX_ALARM_NAME = 255;
/** canary-count: ECS runs at most 5000 tasks a service; a canary is a few. */
const CANARY_COUNT = { min: 1, max: 5000 };
async function readOptions(rt) {
    const inputs = new core_inputs/* Inputs */.G(rt.inputs, INPUT_NAMES);
    const shared = (0,action/* readSharedInputs */.lS)(inputs, rt.outputs, SHARED_INPUTS);
    const mode = readMode(inputs);
    const { cluster, image: _notRead, ...run } = shared;
    if (mode === 'delete') {
        const serviceInput = inputs.optional('service');
        if (serviceInput === undefined)
            throw new errors/* ConfigurationError */.j1("mode 'delete' needs the base service whose canary to delete", { input: 'service' });
        const target = (0,action/* resolveTarget */.u1)(serviceInput, cluster, undefined, () => ({ input: 'service' }));
        return { mode, ...run, ...target, canaryName: canaryNameOf(target.serviceName, () => ({ input: 'service' }), serviceInput !== undefined) };
    }
    return { mode, ...run, ...(await readDeployment((0,action/* manifestRoots */.X9)(rt), inputs, cluster, run.timeoutMinutes)) };
}
function readMode(inputs) {
    const mode = inputs.enumValue('mode', MODES, 'deploy');
    if (mode === 'delete') {
        const given = DEPLOY_ONLY_INPUTS.find((name) => inputs.has(name)) ?? (!['', '0'].includes(inputs.raw('bake-seconds')) ? 'bake-seconds' : undefined);
        if (given !== undefined) {
            throw new errors/* ConfigurationError */.j1("mode 'delete' does not use it: it deletes the canary service of 'service'; remove this input", { input: given });
        }
    }
    return mode;
}
async function readDeployment(roots, inputs, cluster, timeoutMinutes) {
    const tdInput = inputs.exclusive('task-definition', 'task-definition-arn', { required: true });
    const image = (0,action/* readImageChoice */.vr)(inputs);
    if (tdInput.name === 'task-definition-arn') {
        (0,action/* refuseContainerNameForRegistered */.A8)(image, 'is deployed as it was registered');
        (0,action/* checkTaskDefinitionRef */.gZ)(tdInput.value, { input: 'task-definition-arn' });
    }
    const serviceInput = inputs.optional('service');
    if (serviceInput !== undefined)
        (0,action/* parseServiceInput */.XX)(serviceInput);
    const size = readSize(inputs);
    const waitForSteadyState = inputs.boolean('wait-for-steady-state', true);
    const deleteOnFailure = inputs.boolean('delete-on-failure', true);
    const bakeSeconds = readBakeSeconds(inputs, waitForSteadyState, deleteOnFailure ? timeoutMinutes * (1 - deploy/* ROLLBACK_SHARE */.Xb) : timeoutMinutes);
    const alarms = readAlarms(inputs);
    const servicePath = inputs.optional('service-definition');
    const placeholders = (0,action/* imagePlaceholders */.cF)(image);
    const service = servicePath === undefined ? undefined : await (0,action/* loadServiceDefinitionFile */.Z$)(roots, servicePath, placeholders, serviceInput !== undefined);
    const locate = service?.locate ?? (() => ({ input: 'service' }));
    const target = (0,action/* resolveTarget */.u1)(serviceInput, cluster, service?.definition, locate);
    const canaryName = canaryNameOf(target.serviceName, locate, serviceInput !== undefined);
    const taskDefinition = await (0,action/* loadTaskDefinitionSource */.YN)(roots, tdInput, placeholders, image);
    await (0,action/* checkImageIsUsed */.Re)(roots, image, (0,action/* manifestFiles */.TY)({ taskDefinition: tdInput.name === 'task-definition' ? tdInput.value : undefined, serviceDefinition: servicePath, scalableTargets: undefined, scalingPolicies: undefined }));
    return { ...target, canaryName, taskDefinition, serviceDefinition: service?.definition, size, bakeSeconds, alarms, waitForSteadyState, deleteOnFailure };
}
/** `<service>Canary`, within ECS's 255 characters (C1). */
function canaryNameOf(serviceName, locate, fromInput) {
    const name = `${serviceName}${CANARY_SUFFIX}`;
    if (name.length <= MAX_SERVICE_NAME)
        return name;
    throw new errors/* ConfigurationError */.j1(`the canary service would be named '${serviceName}${CANARY_SUFFIX}' (${name.length} characters), longer than ECS's ` +
        `${MAX_SERVICE_NAME}-character limit for service names: the base service's name can be at most ${MAX_SERVICE_NAME - CANARY_SUFFIX.length} characters`, fromInput ? { input: 'service' } : locate('serviceName'));
}
function readSize(inputs) {
    const count = inputs.integer('canary-count', CANARY_COUNT);
    const percent = inputs.number('canary-percent', { min: 0, max: 100 });
    if (count !== undefined && percent !== undefined) {
        throw new errors/* ConfigurationError */.j1("give either 'canary-count' or 'canary-percent', not both", { input: 'canary-count' });
    }
    if (percent !== undefined) {
        if (percent <= 0)
            throw new errors/* ConfigurationError */.j1('a share of the base service above 0 is needed (e.g. 10 for 10 %)', { input: 'canary-percent' });
        return { kind: 'percent', percent };
    }
    return { kind: 'count', count: count ?? 1 };
}
/** `waitMinutes`: the share of timeout-minutes the waits and the bake may use (two thirds with delete-on-failure). */
function readBakeSeconds(inputs, waitForSteadyState, waitMinutes) {
    const seconds = inputs.integer('bake-seconds', { min: 0, max: 21_600 }) ?? 0;
    if (seconds > 0 && !waitForSteadyState) {
        throw new errors/* ConfigurationError */.j1('a bake watches a canary that reached steady state, so it needs wait-for-steady-state: true', { input: 'bake-seconds' });
    }
    if (seconds >= waitMinutes * 60) {
        throw new errors/* ConfigurationError */.j1(`a bake of ${seconds} s does not fit in the ${Math.floor(waitMinutes * 60)} s that timeout-minutes leaves for waiting (with ` +
            'delete-on-failure, a third of it is kept to delete a failed canary; the canary must also start): raise timeout-minutes or shorten the bake', { input: 'bake-seconds' });
    }
    return seconds;
}
/** One CloudWatch alarm name a line (names may contain commas). */
function readAlarms(inputs) {
    const names = inputs
        .raw('alarms')
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    for (const name of names) {
        if (name.length > MAX_ALARM_NAME || /\p{Cc}/u.test(name)) {
            throw new errors/* ConfigurationError */.j1(`'${name.slice(0, 40)}${name.length > 40 ? '\u2026' : ''}' is not a CloudWatch alarm name (1 to 255 characters, one a line)`, { input: 'alarms' });
        }
    }
    return [...new Set(names)];
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/cloudwatch/index.js
var cloudwatch = __webpack_require__(7818);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/service-from-live.js
var service_from_live = __webpack_require__(8484);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/prepare.js





async function prepareCanary(clients, o, log, signal) {
    const call = { signal };
    const base = await (0,services/* describeService */.Jv)(clients.ecs, o.cluster, o.serviceName, { ...call, tags: true });
    checkBase(base, o);
    const { count, why } = canaryCount(o, base);
    if (base?.desiredCount !== undefined && count > base.desiredCount) {
        log.warning(`The canary runs ${count} tasks, more than the ${base.desiredCount} the base service ${o.serviceName} wants: it takes most of the traffic.`);
    }
    const found = await (0,services/* describeServiceAnyStatus */.dM)(clients.ecs, o.cluster, o.canaryName, call);
    const existing = found?.status === 'INACTIVE' ? undefined : found;
    await (0,cloudwatch/* checkAlarmsExist */.wb)(clients.cloudwatch, o.alarms, 'alarms', call);
    logFound(log, o, base, existing, count, why);
    const request = (taskDefinitionArn) => withCircuitBreaker(o.serviceDefinition !== undefined
        ? (0,deploy/* toCreateServiceInput */.nX)(o.serviceDefinition, { cluster: o.cluster, serviceName: o.canaryName, taskDefinitionArn, desiredCountInput: count })
        : (0,service_from_live/* createServiceInputFromLive */.G)(base, o.cluster, { serviceName: o.canaryName, taskDefinition: taskDefinitionArn, desiredCount: count }));
    const loadBalancers = request('check').loadBalancers ?? [];
    const targetGroupArns = [...new Set(loadBalancers.map((lb) => lb.targetGroupArn).filter((a) => a !== undefined))];
    return { base, existing, count, countWhy: why, request, targetGroupArns };
}
/**
 * A canary whose tasks keep failing (crash, failed health checks) must fail, not be restarted until the deadline:
 * its deployment runs with the ECS circuit breaker on. Without rollback, since a new service has nothing to roll
 * back to; the failed canary is deleted instead (C1).
 */
function withCircuitBreaker(input) {
    return {
        ...input,
        deploymentConfiguration: { ...input.deploymentConfiguration, deploymentCircuitBreaker: { enable: true, rollback: false } },
    };
}
function logFound(log, o, base, existing, count, why) {
    log.info(base === undefined
        ? `Base service ${o.serviceName} does not exist: the canary is created from the service definition.`
        : `Base service ${o.serviceName}: ${base.runningCount ?? 0} running of ${base.desiredCount ?? 0} desired, task definition ${base.taskDefinition ?? '-'}.`);
    log.info(`Canary tasks: ${count} (${why}).`);
    if (existing?.status === 'ACTIVE')
        log.info(`Canary service ${o.canaryName} from an earlier run is ACTIVE: it is deleted (force) and waited INACTIVE first.`);
    else if (existing?.status === 'DRAINING')
        log.info(`Canary service ${o.canaryName} from an earlier run is DRAINING: it is waited out first.`);
    if (o.alarms.length > 0)
        log.info(`CloudWatch alarms found: ${o.alarms.join(', ')}.`);
}
function checkBase(base, o) {
    if (base === undefined && o.serviceDefinition === undefined) {
        throw new errors/* ConfigurationError */.j1(`the base service ${o.serviceName} does not exist in cluster ${o.cluster} (or is INACTIVE), and no service-definition ` +
            'was given to create the canary from: deploy the base service first (ecs-rolling), or give a service definition', { input: 'service' });
    }
    const daemon = (o.serviceDefinition?.schedulingStrategy ?? base?.schedulingStrategy) === 'DAEMON';
    if (daemon) {
        throw new errors/* ConfigurationError */.j1(`service ${o.serviceName} uses the DAEMON scheduling strategy (one task on every instance): a canary next to it is not possible`, o.serviceDefinition !== undefined ? { input: 'service-definition', field: 'schedulingStrategy' } : { input: 'service' });
    }
    if (base?.deploymentController?.type !== undefined && base.deploymentController.type !== 'ECS' && o.serviceDefinition === undefined) {
        throw new errors/* ConfigurationError */.j1(`service ${o.serviceName} uses the ${base.deploymentController.type} deployment controller: the canary is created from a ` +
            'copy of it, which ECS deploys only with the ECS controller; give a service-definition for the canary', { input: 'service' });
    }
}
/** canary-count, or canary-percent of the base service's running tasks rounded up, at least 1 (C1). */
function canaryCount(o, base) {
    if (o.size.kind === 'count')
        return { count: o.size.count, why: `canary-count ${o.size.count}` };
    if (base === undefined) {
        throw new errors/* ConfigurationError */.j1(`a share of the base service needs the base service, but ${o.serviceName} does not exist in cluster ${o.cluster}: give canary-count instead`, { input: 'canary-percent' });
    }
    const running = base.runningCount ?? 0;
    const count = Math.max(1, Math.ceil((running * o.size.percent) / 100 - 1e-9));
    return { count, why: `canary-percent ${o.size.percent} % of the ${running} running tasks of ${o.serviceName}, rounded up` };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/report.js
/** C1, C2, S5, S9: ecs-canary's outputs and job summary rows (finishAction writes them). */


function deployReport(o, plan, outcome) {
    const ok = outcome.status !== 'failed';
    const ended = outcome.status === 'started' ? 'started (not waited for)' : ok ? 'succeeded' : 'failed';
    const icon = outcome.status === 'started' ? '\u23f3' : ok ? '\u2705' : '\u274c';
    const failure = outcome.cause ?? 'the canary failed';
    return {
        succeeded: ok,
        startedOnly: outcome.status === 'started',
        outputs: [
            ['canaryServiceName', o.canaryName],
            ['canaryServiceArn', ok ? (outcome.canaryServiceArn ?? '') : ''],
            ['taskDefinitionArn', outcome.taskDefinitionArn],
            ['serviceName', o.serviceName],
            ['targetGroupArns', JSON.stringify(plan.targetGroupArns)],
            ['canaryTaskCount', ok ? plan.count : 0],
            ['clusterArn', (0,action/* clusterArnOf */.DZ)(outcome.canaryServiceArn ?? plan.base?.serviceArn)],
        ],
        heading: `ecs-canary: ${icon} canary ${o.canaryName} of service ${o.serviceName} ${ended}`,
        rows: [
            ['Canary service', o.canaryName],
            ['Base service', `${o.serviceName} (not changed)`],
            ['Cluster', o.cluster],
            ['Task definition', outcome.taskDefinitionArn],
            ['Canary tasks', `${plan.count} (${plan.countWhy})`],
            ...outcome.shares.map((s) => [`Traffic share in ${s.name}`, `canary: ${s.text}`]),
            ['Bake', o.bakeSeconds > 0 ? `${o.bakeSeconds} s${o.alarms.length > 0 ? `, alarms ${o.alarms.join(', ')}` : ''}` : 'none (bake-seconds 0)'],
            ['Duration', (0,time/* formatDuration */.a3)(outcome.durationMs)],
            ['Result', outcome.status === 'started' ? 'created, not waited for (wait-for-steady-state: false)' : ok ? 'succeeded' : `failed${outcome.cancelled ? ' (cancelled)' : ''}`],
            ...(outcome.deletion !== undefined ? [['Canary after the failure', deletionWords(outcome.deletion)]] : []),
        ],
        sections: [...(ok ? [] : [(0,action/* failureSection */.mo)(failure)]), (0,action/* stoppedTaskListSection */.ww)(outcome.stoppedTasks, 'Stopped canary tasks')],
        failure: ok ? undefined : failure,
        status: ok ? `Canary ${o.canaryName} runs ${outcome.taskDefinitionArn}` : failure.split('\n')[0] ?? failure,
    };
}
function deleteReport(o, deletion, durationMs) {
    const ok = deletion.status !== 'failed' && deletion.status !== 'abandoned';
    const deleted = deletion.status === 'deleted';
    return {
        succeeded: ok,
        outputs: [
            ['canaryDeleted', deleted],
            ['canaryServiceName', o.canaryName],
            ['serviceName', o.serviceName],
        ],
        heading: `ecs-canary: ${ok ? '\u2705' : '\u274c'} delete of canary ${o.canaryName} ${ok ? 'succeeded' : 'failed'}`,
        rows: [
            ['Canary service', o.canaryName],
            ['Cluster', o.cluster],
            ['Result', deletionWords(deletion)],
            ['Duration', (0,time/* formatDuration */.a3)(durationMs)],
        ],
        sections: ok ? [] : [(0,action/* failureSection */.mo)(deletion.detail)],
        failure: ok ? undefined : deletion.detail,
        status: deletion.detail,
    };
}
function deletionWords(d) {
    switch (d.status) {
        case 'deleted':
            return `deleted (INACTIVE): ${d.detail}`;
        case 'absent':
            return `nothing to delete: ${d.detail}`;
        case 'drained':
            return d.detail;
        case 'abandoned':
            return `left DRAINING: ${d.detail}`;
        case 'failed':
            return `not deleted: ${d.detail}`;
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-canary/main.js
/**
 * ecs-canary (docs/contract.md, C1\u2013C3). Orchestration only:
 *   S3      read and check every input and manifest before any AWS call (inputs.ts); then, still before any change,
 *           the reads that check the base service, the canary's size and the alarms (prepare.ts)
 *   S13     dry-run: print the canary that would be created (or deleted), change nothing (dry-run.ts)
 *   C1      mode deploy: task definition \u2192 canary created (an earlier one replaced) \u2192 steady state \u2192 healthy
 *           targets \u2192 traffic share \u2192 bake; any failure or cancel deletes the canary it created (deploy.ts)
 *   C2      mode delete: delete the canary (force) and wait INACTIVE (cleanup.ts)
 *   S5      outputs and job summary (report.ts, written by finishAction); a failure fails the step with its cause first
 * With github-token, the run is recorded as a GitHub deployment (in_progress \u2192 success / failure).
 */









async function main(rt) {
    const options = await (0,action/* readInputs */.Ko)(rt, readOptions, logPlan);
    const aws = (0,clients/* createAwsClients */.Gv)({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
    const deadline = new time/* Deadline */.B2(rt.clock, options.timeoutMinutes * 60_000);
    const deps = { ...(0,action/* runDepsOf */.Ld)(rt, aws), ecs: aws.ecs, elb: aws.elb, cloudwatch: aws.cloudwatch };
    if (options.mode === 'delete')
        return runDelete(rt, deps, options, deadline);
    return runDeploy(rt, deps, aws, options, deadline);
}
async function runDeploy(rt, deps, aws, o, deadline) {
    const plan = await rt.log.group(`Prepare the canary service ${o.canaryName}`, () => prepareCanary(aws, o, rt.log, rt.cancel));
    if (o.dryRun)
        return dryRunDeploy(rt, deps, o, plan);
    const record = await startRecord(rt, o);
    const outcome = await (0,action/* recordErrors */.b)(record, () => deployCanary(deps, o, plan, deadline));
    await (0,action/* finishAction */._Q)(rt, () => deployReport(o, plan, outcome), record);
}
async function runDelete(rt, deps, o, deadline) {
    if (o.dryRun)
        return dryRunDelete(rt, deps, o);
    const record = await startRecord(rt, o);
    const startedAt = rt.clock.now();
    const deletion = await (0,action/* recordErrors */.b)(record, () => rt.log.group(`Delete the canary service ${o.canaryName}`, () => deleteCanary(deps, { cluster: o.cluster, name: o.canaryName, deadline, signal: rt.cancel })));
    await (0,action/* finishAction */._Q)(rt, () => deleteReport(o, deletion, rt.clock.now() - startedAt), record);
}
async function startRecord(rt, o) {
    const what = o.mode === 'delete' ? 'delete' : o.taskDefinition.kind === 'file' ? o.taskDefinition.path : o.taskDefinition.ref;
    return (0,action/* startActionRecord */.OI)(rt, o.github, {
        description: `ecs-canary: ${o.mode === 'delete' ? `delete ${o.canaryName}` : `${what} to ${o.canaryName}`}`,
        payload: { cluster: o.cluster, service: o.serviceName, canary: o.canaryName, mode: o.mode, taskDefinition: what },
    });
}
function logPlan(rt, o) {
    rt.log.info(`Base service: ${o.serviceName} in cluster ${o.cluster}; canary service: ${o.canaryName}`);
    if (o.mode === 'delete') {
        rt.log.info(`Mode: delete the canary service, timeout ${o.timeoutMinutes} min${o.dryRun ? ', dry run' : ''}`);
        return;
    }
    const td = o.taskDefinition.kind === 'file' ? `register ${o.taskDefinition.path}` : `${o.taskDefinition.ref} (task-definition-arn)`;
    const size = o.size.kind === 'count' ? `${o.size.count} (canary-count)` : `${o.size.percent} % of the base service's running tasks (canary-percent)`;
    rt.log.info(`Task definition: ${td}`);
    rt.log.info(`Canary tasks: ${size}; created from ${o.serviceDefinition !== undefined ? 'the service definition' : `the live service ${o.serviceName}`}`);
    rt.log.info(`Bake: ${o.bakeSeconds > 0 ? `${o.bakeSeconds} s` : 'none'}${o.alarms.length > 0 ? `, alarms: ${o.alarms.join(', ')}` : ''}`);
    if (o.alarms.length > 0 && o.bakeSeconds === 0)
        rt.log.warning('alarms are watched only during the bake, and bake-seconds is 0: set bake-seconds to watch them');
    rt.log.info(`Wait for steady state: ${String(o.waitForSteadyState)}, timeout ${o.timeoutMinutes} min, delete on failure: ${String(o.deleteOnFailure)}${o.dryRun ? ', dry run' : ''}`);
}


/***/ }),

/***/ 5701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* reexport */ bake)
});

// EXTERNAL MODULE: ./.build/dist-src/src/core/poll/index.js + 3 modules
var poll = __webpack_require__(6074);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
// EXTERNAL MODULE: ./.build/dist-src/src/core/cloudwatch/index.js
var cloudwatch = __webpack_require__(7818);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/index.js + 36 modules
var deploy = __webpack_require__(1613);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var services = __webpack_require__(4259);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/tasks.js
var ecs_tasks = __webpack_require__(9417);
// EXTERNAL MODULE: ./.build/dist-src/src/core/elb/index.js + 13 modules
var elb = __webpack_require__(925);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/bake/checks.js





/** States that mean a target no longer takes (or never took) the traffic it should: the bake fails. */
const FAILED_TARGET = new Set(['unhealthy', 'unhealthy.draining', 'draining', 'unused', 'unavailable', 'not-registered']);
class BakeWatch {
    deps;
    plan;
    watched;
    constructor(deps, plan) {
        this.deps = deps;
        this.plan = plan;
    }
    async check(round) {
        let first = true;
        const call = {
            signal: round.signal,
            onCall: (op) => {
                if (!first)
                    round.read(op);
                first = false;
            },
        };
        const watched = this.watched ?? (await this.start(call));
        if ('cause' in watched)
            return { ok: false, cause: watched.cause };
        this.watched = watched;
        const { tasks, missing } = await (0,ecs_tasks/* describeTasks */.yz)(this.deps.ecs, this.plan.cluster, watched.taskArns, call);
        const stopped = tasks.find((t) => t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED');
        if (stopped !== undefined)
            return { ok: false, cause: `${this.plan.label}: task ${(0,deploy/* taskIdOf */.G6)(stopped.taskArn ?? '')} stopped: ${(0,deploy/* describeStop */.Cw)((0,deploy/* toStoppedTaskReason */.kj)(stopped))}` };
        if (missing.length > 0)
            return { ok: false, cause: `${this.plan.label}: task ${(0,deploy/* taskIdOf */.G6)(missing[0] ?? '')} is gone` };
        const targets = await this.checkTargets(watched, tasks, call);
        if (!targets.ok)
            return targets;
        const alarms = await (0,cloudwatch/* alarmsInAlarm */.jj)(this.deps.cloudwatch, this.plan.alarms, call);
        if (alarms.length > 0)
            return { ok: false, cause: `${(0,cloudwatch/* describeAlarmsInAlarm */.A6)(alarms)} during the bake of ${this.plan.label}` };
        const parts = [`${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} running`, ...targets.parts];
        if (this.plan.alarms.length > 0)
            parts.push(`alarms OK (${this.plan.alarms.join(', ')})`);
        return { ok: true, summary: parts.join('; ') };
    }
    /** The service's load balancer bindings for the watched target groups, and its running tasks. */
    async start(call) {
        const { ecs } = this.deps;
        const { cluster, serviceName, label } = this.plan;
        const service = await (0,services/* describeService */.Jv)(ecs, cluster, serviceName, call);
        if (service === undefined || service.status !== 'ACTIVE')
            return { cause: `${label}: service ${serviceName} is not ACTIVE` };
        const bindings = [];
        for (const tg of this.plan.targetGroupArns) {
            const lb = (service.loadBalancers ?? []).find((l) => l.targetGroupArn === tg);
            if (lb?.containerName === undefined || lb.containerPort === undefined) {
                return { cause: `${label}: target group ${tg} is not one of service ${serviceName}'s load balancers` };
            }
            bindings.push({ targetGroupArn: tg, containerName: lb.containerName, containerPort: lb.containerPort });
        }
        const taskArns = await (0,ecs_tasks/* listServiceTaskArns */.lI)(ecs, { cluster, serviceName }, call);
        if (taskArns.length === 0)
            return { cause: `${label}: service ${serviceName} has no running task to bake` };
        this.deps.log.info(`Watching ${taskArns.length} ${taskArns.length === 1 ? 'task' : 'tasks'} of service ${serviceName}: ${taskArns.map(deploy/* taskIdOf */.G6).join(', ')}`);
        return { taskArns, bindings };
    }
    async checkTargets(watched, tasks, call) {
        const parts = [];
        for (const b of watched.bindings) {
            const health = await (0,elb/* describeTargetHealth */.fw)(this.deps.elb, b.targetGroupArn, call);
            const reports = (0,elb/* matchTargets */._O)(tasks.map((t) => (0,elb/* expectedTargetOf */.rH)(t, b)), health);
            const bad = reports.find((r) => FAILED_TARGET.has(r.state));
            const name = (0,elb/* targetGroupName */.IT)(b.targetGroupArn);
            if (bad !== undefined)
                return { ok: false, cause: `${this.plan.label}: target ${(0,elb/* describeTargetReport */.xP)(bad)} in target group ${name}` };
            const healthy = reports.filter((r) => r.state === 'healthy').length;
            parts.push(`target group ${name}: ${healthy} of ${reports.length} healthy (${health.length} targets in the group)`);
        }
        return { ok: true, parts };
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/bake/bake.js
/**
 * The bake loop: one round of checks (checks.ts) at each poll, a countdown line in the log whenever a tenth of the
 * bake (at least 5 s) has passed or what was checked changed, and the first problem found ends it.
 */




async function bake(deps, plan) {
    if (plan.durationMs <= 0)
        return { ok: true };
    const { log, clock } = deps;
    return log.group(`Bake ${plan.label} for ${(0,time/* formatDuration */.a3)(plan.durationMs)}`, async () => {
        const startedAt = clock.now();
        const endsAt = startedAt + plan.durationMs;
        log.info(`Baking ${plan.label} for ${(0,time/* formatDuration */.a3)(plan.durationMs)}: ${watchedThings(plan)}`);
        if (plan.deadline.remainingMs() < plan.durationMs) {
            log.warning(`Only ${(0,time/* formatDuration */.a3)(plan.deadline.remainingMs())} of timeout-minutes is left: the bake cannot finish in time`);
        }
        const watch = new BakeWatch(deps, plan);
        const countdown = new Countdown(plan.durationMs);
        const end = await (0,poll/* poll */.wt)(deps, {
            deadline: new time/* Deadline */.B2(clock, Math.min(plan.durationMs, plan.deadline.remainingMs())),
            signal: deps.signal,
            intervalMs: plan.pollIntervalMs,
            onRetry: (e, kind) => log.info(`Bake: a ${kind} error, retrying: ${(0,errors/* describeError */.Uc)(e)}`),
        }, async (round) => {
            const checked = await watch.check(round);
            if (!checked.ok)
                return checked;
            const now = round.now();
            countdown.maybeLog(log, Math.max(0, endsAt - now), checked.summary);
            if (now >= endsAt)
                return { ok: true };
            round.pace({ kind: 'eta', at: endsAt }); // issue 17: slow while minutes are left, closing in on the end
            return undefined;
        });
        return finish(deps, plan, end, { startedAt, endsAt });
    });
}
function finish(deps, plan, end, times) {
    const elapsed = (0,time/* formatDuration */.a3)(deps.clock.now() - times.startedAt);
    switch (end.kind) {
        case 'done':
            if (end.value.ok)
                deps.log.info(`Bake of ${plan.label} passed: ${(0,time/* formatDuration */.a3)(plan.durationMs)} without a problem`);
            else
                deps.log.error(`Bake of ${plan.label} failed after ${elapsed}: ${end.value.cause}`);
            return end.value;
        case 'cancelled':
            return { ok: false, cause: `the workflow was cancelled ${elapsed} into the bake of ${plan.label}`, cancelled: true };
        case 'timeout': {
            const why = end.lastError !== undefined ? ` (last error: ${(0,errors/* describeError */.Uc)(end.lastError)})` : '';
            const ranOut = deps.clock.now() < times.endsAt || plan.deadline.expired();
            return {
                ok: false,
                cause: ranOut
                    ? `timeout-minutes ran out ${elapsed} into the ${(0,time/* formatDuration */.a3)(plan.durationMs)} bake of ${plan.label}${why}`
                    : `the bake of ${plan.label} could not check it at the end${why}`,
            };
        }
    }
}
function watchedThings(plan) {
    const parts = [`its tasks keep running`];
    if (plan.targetGroupArns.length > 0)
        parts.push(`its targets stay healthy in ${plan.targetGroupArns.length} target group(s)`);
    if (plan.alarms.length > 0)
        parts.push(`alarms ${plan.alarms.join(', ')} stay out of ALARM`);
    return parts.join(', ');
}
/** Logs `Bake: 40s left \u2014 \u2026` at most once a tenth of the bake (at least every 5 s), and whenever the summary changes. */
class Countdown {
    lastLoggedLeft;
    lastSummary = '';
    stepMs;
    constructor(durationMs) {
        this.stepMs = Math.max(5_000, Math.floor(durationMs / 10));
    }
    maybeLog(log, leftMs, summary) {
        const due = this.lastLoggedLeft === undefined || this.lastLoggedLeft - leftMs >= this.stepMs || leftMs === 0;
        if (!due && summary === this.lastSummary)
            return;
        this.lastLoggedLeft = leftMs;
        this.lastSummary = summary;
        log.info(`Bake: ${leftMs === 0 ? 'done' : `${(0,time/* formatDuration */.a3)(leftMs)} left`} \u2014 ${summary}`);
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/bake/index.js
/**
 * The bake (C1, B5): watch a service that just became steady for a while before trusting it. It fails as soon as
 * one of the service's tasks stops, one of its targets in the watched target groups stops being healthy, or one of
 * the named CloudWatch alarms is in ALARM; it succeeds when the duration has passed with none of that. Built on the
 * one polling primitive (src/core/poll): the overall deadline, a read budget, back-off and the abort signal.
 */



/***/ }),

/***/ 7818:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A6: () => (/* binding */ describeAlarmsInAlarm),
/* harmony export */   jj: () => (/* binding */ alarmsInAlarm),
/* harmony export */   wb: () => (/* binding */ checkAlarmsExist)
/* harmony export */ });
/* unused harmony exports DESCRIBE_ALARMS_NAMES_MAX, describeAlarmStates */
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _aws_call_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8820);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9054);
/**
 * The CloudWatch layer: the only code that sends CloudWatch commands. Alarms, as a canary's bake (C1) and a
 * blue/green traffic step (B5) watch them: checking before any change that every named alarm exists (a located
 * ConfigurationError naming the input and every missing alarm), and reading which of them are in ALARM.
 *
 * Both read with one DescribeAlarms call by AlarmNames (at most 100 names a call, so more are read in batches),
 * following NextToken, for metric and composite alarms alike.
 */



/** DescribeAlarms accepts at most 100 AlarmNames a call. */
const DESCRIBE_ALARMS_NAMES_MAX = 100;
/** The named alarms that exist, with their states (metric and composite alarms; names that do not exist are absent). */
async function describeAlarmStates(cloudwatch, names, opts = {}) {
    const unique = [...new Set(names)];
    const found = [];
    for (let i = 0; i < unique.length; i += DESCRIBE_ALARMS_NAMES_MAX) {
        const batch = unique.slice(i, i + DESCRIBE_ALARMS_NAMES_MAX);
        let nextToken;
        do {
            opts.onCall?.('DescribeAlarms');
            const out = await cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .DescribeAlarmsCommand */ .zWD({
                AlarmNames: batch,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
            }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_2__/* .httpOptions */ .$)(opts));
            for (const a of out.MetricAlarms ?? [])
                found.push(stateOf('metric', a));
            for (const a of out.CompositeAlarms ?? [])
                found.push(stateOf('composite', a));
            nextToken = out.NextToken !== undefined && out.NextToken !== '' ? out.NextToken : undefined;
        } while (nextToken !== undefined);
    }
    return found;
}
function stateOf(kind, a) {
    return { name: a.AlarmName ?? '', kind, state: a.StateValue ?? 'INSUFFICIENT_DATA', reason: a.StateReason ?? '' };
}
/**
 * Fails with a ConfigurationError naming `input` and every alarm of `names` that does not exist (C1, B5): found
 * before anything is created. No names: no call.
 */
async function checkAlarmsExist(cloudwatch, names, input, opts = {}) {
    if (names.length === 0)
        return;
    const found = new Set((await describeAlarmStates(cloudwatch, names, opts)).map((a) => a.name));
    const missing = [...new Set(names)].filter((n) => !found.has(n));
    if (missing.length === 0)
        return;
    const list = missing.map((n) => `'${n}'`).join(', ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${missing.length === 1 ? 'CloudWatch alarm' : 'CloudWatch alarms'} ${list} ${missing.length === 1 ? 'does' : 'do'} not exist in this account and region`, { input });
}
/** The alarms of `names` that are in ALARM now, in the order given, with CloudWatch's reason. No names: no call. */
async function alarmsInAlarm(cloudwatch, names, opts = {}) {
    if (names.length === 0)
        return [];
    const states = await describeAlarmStates(cloudwatch, names, opts);
    const byName = new Map(states.map((a) => [a.name, a]));
    return [...new Set(names)]
        .map((n) => byName.get(n))
        .filter((a) => a !== undefined && a.state === 'ALARM')
        .map((a) => ({ name: a.name, reason: a.reason }));
}
/** `CloudWatch alarm web-5xx is in ALARM (Threshold Crossed: ...)`, one line per alarm. */
function describeAlarmsInAlarm(alarms) {
    return alarms.map((a) => `CloudWatch alarm ${a.name} is in ALARM${a.reason !== '' ? ` (${a.reason})` : ''}`).join('; ');
}


/***/ }),

/***/ 8484:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ createServiceInputFromLive)
/* harmony export */ });
/** The service-linked role ECS uses by itself; CreateService refuses it as `role`. */
const SERVICE_LINKED_ROLE = /:role\/aws-service-role\//;
function createServiceInputFromLive(live, cluster, o) {
    const input = {
        cluster,
        serviceName: o.serviceName,
        taskDefinition: o.taskDefinition,
        ...copied(live),
    };
    const desiredCount = o.desiredCount ?? live.desiredCount;
    if (live.schedulingStrategy !== 'DAEMON' && desiredCount !== undefined)
        input.desiredCount = desiredCount;
    const strategy = live.capacityProviderStrategy ?? [];
    if (strategy.length > 0)
        input.capacityProviderStrategy = strategy;
    else if (live.launchType !== undefined)
        input.launchType = live.launchType;
    if (live.roleArn !== undefined && !SERVICE_LINKED_ROLE.test(live.roleArn))
        input.role = live.roleArn;
    const loadBalancers = o.loadBalancers ?? live.loadBalancers;
    if (loadBalancers !== undefined && loadBalancers.length > 0)
        input.loadBalancers = loadBalancers;
    const tags = mergeTags(live.tags ?? [], o.tags ?? []);
    if (tags.length > 0)
        input.tags = tags;
    const primary = live.deployments?.find((d) => d.status === 'PRIMARY');
    if (primary?.serviceConnectConfiguration !== undefined)
        input.serviceConnectConfiguration = primary.serviceConnectConfiguration;
    if (primary?.volumeConfigurations !== undefined && primary.volumeConfigurations.length > 0) {
        input.volumeConfigurations = primary.volumeConfigurations;
    }
    return input;
}
/** Settings that mean the same on Service and on CreateService, copied when set. */
function copied(live) {
    const out = {};
    const set = (key, value) => {
        if (value !== undefined && value !== null)
            out[key] = value;
    };
    set('platformVersion', live.platformVersion);
    set('networkConfiguration', live.networkConfiguration);
    set('serviceRegistries', nonEmpty(live.serviceRegistries));
    set('schedulingStrategy', live.schedulingStrategy);
    set('deploymentController', live.deploymentController);
    set('deploymentConfiguration', live.deploymentConfiguration);
    set('placementConstraints', nonEmpty(live.placementConstraints));
    set('placementStrategy', nonEmpty(live.placementStrategy));
    set('healthCheckGracePeriodSeconds', live.healthCheckGracePeriodSeconds);
    set('propagateTags', live.propagateTags);
    set('enableECSManagedTags', live.enableECSManagedTags);
    set('enableExecuteCommand', live.enableExecuteCommand);
    set('availabilityZoneRebalancing', live.availabilityZoneRebalancing);
    return out;
}
/** Live tags with `extra` over them; `aws:` tags are AWS's own and cannot be set. */
function mergeTags(live, extra) {
    const byKey = new Map();
    for (const t of [...live, ...extra])
        if (t.key !== undefined && !t.key.startsWith('aws:'))
            byKey.set(t.key, t);
    return [...byKey.values()];
}
function nonEmpty(list) {
    return list !== undefined && list.length > 0 ? list : undefined;
}


/***/ })

};

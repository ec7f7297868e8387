export const id = 99;
export const ids = [99];
export const modules = {

/***/ 7099:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5130);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7341);


await (0,_core_run_js__WEBPACK_IMPORTED_MODULE_0__.runAction)('ecs-rolling', _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7341:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./.build/dist-src/src/core/action/index.js + 10 modules
var action = __webpack_require__(7745);
// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/clients.js + 4 modules
var clients = __webpack_require__(4336);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/index.js + 36 modules
var deploy = __webpack_require__(1613);
// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/describe.js
var describe = __webpack_require__(9997);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var services = __webpack_require__(4259);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/io/summary.js
var summary = __webpack_require__(5858);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-rolling/dry-run.js







async function dryRun(rt, clients, options) {
    const { log } = rt;
    await log.group('Dry run: what would change (nothing is changed)', async () => {
        const found = await (0,services/* describeService */.Jv)(clients.ecs, options.cluster, options.serviceName, { signal: rt.cancel });
        const live = found?.status === 'ACTIVE' ? found : undefined;
        const liveTd = live === undefined ? undefined : await describeTaskDefinition(clients.ecs, liveTaskDefinitionArn(live), 'service');
        const plan = options.mode === 'rollback' ? await rollbackPlan(clients, options, liveTd) : await deployPlan(clients, options, live, liveTd);
        for (const line of plan.notes)
            log.info(line);
        log.info(plan.diff.text);
        log.info(plan.diff.changed ? 'The deployment would change the lines above.' : 'Nothing would change (the deployment would still start new tasks).');
        writeOutputs(rt, options, found, live, liveTd);
        const s = new summary/* SummaryBuilder */.CF()
            .heading(`ecs-rolling: dry run of ${options.mode === 'rollback' ? 'a rollback' : 'a deployment'} to service ${options.serviceName} (nothing changed)`)
            .raw(plan.notes.map((n) => `- ${n}`).join('\n'))
            .codeBlock(plan.diff.text, 'diff')
            .heading('Outputs', 3)
            .keyValueTable(rt.outputs.entries());
        await rt.summary.append(s.toString());
    });
}
async function deployPlan(clients, options, live, liveTd) {
    const notes = [];
    if (live === undefined) {
        notes.push(`Service ${options.serviceName} does not exist in cluster ${options.cluster}: it would be created (first deployment).`);
        if (options.serviceDefinition === undefined) {
            throw new errors/* ConfigurationError */.j1(`service ${options.serviceName} does not exist in cluster ${options.cluster} yet, so a service definition is needed to create it`, { input: 'service-definition' });
        }
        (0,deploy/* toCreateServiceInput */.nX)(options.serviceDefinition, {
            cluster: options.cluster,
            serviceName: options.serviceName,
            taskDefinitionArn: 'dry-run',
            desiredCountInput: options.desiredCount,
        });
    }
    else {
        notes.push(`Service ${options.serviceName} is ACTIVE on ${liveTaskDefinitionArn(live) ?? '-'}: it would be updated.`);
    }
    const desired = options.taskDefinition.kind === 'file'
        ? options.taskDefinition.definition
        : await describeTaskDefinition(clients.ecs, options.taskDefinition.ref, 'task-definition-arn');
    notes.push(options.taskDefinition.kind === 'file'
        ? `A new revision would be registered from ${options.taskDefinition.path}.`
        : `Registered task definition ${options.taskDefinition.ref} would be deployed (new deployment forced).`);
    notes.push(await autoScalingNote(clients, options, live !== undefined));
    const diff = (0,deploy/* diffDeployment */.Zi)({ taskDefinition: liveTd, service: live }, {
        taskDefinition: desired,
        service: options.serviceDefinition,
        desiredCount: options.desiredCount,
        sameAsRunning: options.sameAsRunning,
    });
    return { notes, diff };
}
async function rollbackPlan(clients, options, liveTd) {
    const target = await (0,deploy/* resolveManualRollbackTarget */.WW)(clients.ecs, options.cluster, options.serviceName, options.taskDefinitionArn);
    const targetTd = await describeTaskDefinition(clients.ecs, target.taskDefinitionArn, 'task-definition-arn');
    const notes = [
        `Would roll back: ${target.why}.`,
        'The live desired count would be kept and the auto scaling suspended during the rollout, then resumed as it is now.',
    ];
    return { notes, diff: (0,deploy/* diffDeployment */.Zi)({ taskDefinition: liveTd }, { taskDefinition: targetTd }) };
}
async function autoScalingNote(clients, options, exists) {
    const given = options.scalableTargets.length + options.scalingPolicies.length > 0;
    const manifests = `${options.scalableTargets.length} scalable target(s) and ${options.scalingPolicies.length} scaling policy(ies) from the manifests`;
    if (!exists)
        return given ? `After the deployment, ${manifests} would be applied.` : 'No auto scaling would be applied.';
    const now = await (0,describe/* describeAutoScaling */.Gm)(clients.autoscaling, options.cluster, options.serviceName);
    const current = `${now.scalableTargets.length} scalable target(s), ${now.scalingPolicies.length} scaling policy(ies) and ` +
        `${now.scheduledActions.length} scheduled action(s)`;
    const named = new Set(options.scalingPolicies.map((p) => p.PolicyName));
    const dropped = now.scalingPolicies.filter((p) => !named.has(p.PolicyName)).map((p) => p.PolicyName ?? '');
    const deleted = dropped.length > 0 ? `; the policies they no longer name would be deleted (${dropped.join(', ')})` : '';
    return given
        ? `The current auto scaling (${current}) would be suspended during the update, then ${manifests} applied in place${deleted}, and scaling resumed.`
        : `The current auto scaling (${current}) would be suspended during the update and resumed after it, otherwise unchanged.`;
}
function liveTaskDefinitionArn(service) {
    return service.deployments?.find((d) => d.status === 'PRIMARY')?.taskDefinition ?? service.taskDefinition;
}
/**
 * The task definition `arn` names. One to deploy that ECS does not know, or that is deregistered, blames `input`,
 * as a real run would; the live one is only read.
 */
async function describeTaskDefinition(ecs, arn, input) {
    if (arn === undefined)
        return undefined;
    if (input === 'service')
        return (0,task_definitions/* describeTaskDefinition */.oh)(ecs, arn);
    return (await (0,task_definitions/* resolveTaskDefinition */.Fh)(ecs, { kind: 'registered', ref: arn, input }, { inactive: 'refuse' })).definition;
}
/** A dry run reports the live state: what a later step could read without anything being deployed. */
function writeOutputs(rt, options, found, live, liveTd) {
    rt.outputs.set('serviceName', options.serviceName);
    const serviceArn = live?.serviceArn ?? '';
    rt.outputs.set('serviceArn', serviceArn);
    const clusterArn = found?.clusterArn ?? (0,action/* clusterArnOf */.DZ)(serviceArn);
    if (clusterArn !== undefined)
        rt.outputs.set('clusterArn', clusterArn);
    rt.outputs.set('previousTaskDefinitionArn', liveTd?.taskDefinitionArn ?? '');
    rt.outputs.set('firstDeployment', live === undefined);
    rt.outputs.set('rolledBack', false);
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/apply.js
var apply = __webpack_require__(794);
// EXTERNAL MODULE: ./.build/dist-src/src/core/inputs.js + 2 modules
var core_inputs = __webpack_require__(9747);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-rolling/options.js
const MODES = ['deploy', 'rollback', 'continue'];

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-rolling/inputs.js
/**
 * The inputs of ecs-rolling. readOptions checks every input and parses and validates every manifest before any
 * AWS call (S3): a bad one fails with a ConfigurationError naming the input (and file, line and field), and the
 * action makes no call at all.
 */






/** Every input declared in actions/ecs-rolling/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
const INPUT_NAMES = [
    'cluster',
    'service',
    'task-definition',
    'task-definition-arn',
    'service-definition',
    'scalable-targets',
    'scaling-policies',
    'image',
    'container-name',
    'same-as-running',
    'force-new-deployment',
    'desired-count',
    'wait-for-steady-state',
    'timeout-minutes',
    'rollback-on-failure',
    'mode',
    'wait-until',
    'hook-id',
    'continue-action',
    'dry-run',
    'region',
    'max-attempts',
    'github-token',
    'environment',
];
/**
 * The inputs src/core/action reads for ecs-rolling (readSharedInputs). `image` and `container-name` are shared
 * too, but only a deployment reads them (readImageChoice): `mode: rollback` refuses them first.
 */
const SHARED_INPUTS = [
    'cluster',
    'region',
    'timeout-minutes',
    'max-attempts',
    'dry-run',
    'github-token',
    'environment',
];
/** Inputs only a deployment uses; `mode: rollback` refuses them rather than ignore them. */
const DEPLOY_ONLY_INPUTS = [
    'task-definition',
    'service-definition',
    'scalable-targets',
    'scaling-policies',
    'image',
    'container-name',
    'desired-count',
];
async function readOptions(rt) {
    const inputs = new core_inputs/* Inputs */.G(rt.inputs, INPUT_NAMES);
    const shared = (0,action/* readSharedInputs */.lS)(inputs, rt.outputs, SHARED_INPUTS);
    const mode = readMode(inputs);
    const flags = {
        waitForSteadyState: inputs.boolean('wait-for-steady-state', true),
        rollbackOnFailure: inputs.boolean('rollback-on-failure', true),
        sameAsRunning: inputs.boolean('same-as-running', false),
        forceNewDeployment: inputs.boolean('force-new-deployment', false),
    };
    const { cluster, image: _notRead, ...run } = shared;
    const waitUntil = (0,deploy/* parseWaitUntil */.zs)(inputs.optional('wait-until'));
    const common = { ...run, waitForSteadyState: flags.waitForSteadyState, rollbackOnFailure: flags.rollbackOnFailure, waitUntil };
    refuseContinueInputs(inputs, mode);
    if (mode === 'rollback' || mode === 'continue') {
        refuseRollbackSwitches(flags, mode);
        const target = readRollbackTarget(inputs, cluster, mode);
        if (mode === 'rollback') {
            if (waitUntil.kind === 'stage')
                throw new errors/* ConfigurationError */.j1("mode 'rollback' follows its rollback to the end; remove this input", { input: 'wait-until' });
            return { mode, ...common, ...target };
        }
        return { mode, ...common, ...continueInputs(inputs, target) };
    }
    return { mode, ...common, ...(await readDeployment((0,action/* manifestRoots */.X9)(rt), inputs, cluster, flags)) };
}
/** `mode`; a rollback or a continue refuses the inputs only a deployment uses. */
function readMode(inputs) {
    const mode = inputs.enumValue('mode', MODES, 'deploy');
    if (mode === 'deploy')
        return mode;
    const why = mode === 'rollback'
        ? "mode 'rollback' does not use it: a rollback deploys task-definition-arn, or the task definition of the " +
            'previous successful deployment, with the live desired count and auto scaling; remove this input'
        : "mode 'continue' does not use it: it continues the service's deployment in progress; remove this input";
    for (const name of mode === 'continue' ? [...DEPLOY_ONLY_INPUTS, 'task-definition-arn'] : DEPLOY_ONLY_INPUTS) {
        if (inputs.has(name))
            throw new errors/* ConfigurationError */.j1(why, { input: name });
    }
    return mode;
}
/** N3: `hook-id` and `continue-action` belong to `mode: continue` only. */
function refuseContinueInputs(inputs, mode) {
    if (mode === 'continue')
        return;
    for (const name of ['hook-id', 'continue-action']) {
        if (inputs.has(name))
            throw new errors/* ConfigurationError */.j1(`only mode 'continue' uses it (mode is '${mode}'); remove this input`, { input: name });
    }
}
/** N3: the hook to answer (default: the one awaiting action) and the answer. */
function continueInputs(inputs, target) {
    const hookId = inputs.optional('hook-id');
    if (hookId !== undefined && !/^[\w.:/-]{1,255}$/.test(hookId)) {
        throw new errors/* ConfigurationError */.j1(`'${hookId}' is not a lifecycle hook id (the hookId of DescribeServiceDeployments' lifecycleHookDetails)`, { input: 'hook-id' });
    }
    return { ...target, hookId, continueAction: inputs.enumValue('continue-action', ['CONTINUE', 'ROLLBACK'], 'CONTINUE') };
}
/**
 * A rollback keeps the live desired count and always starts a new deployment, so these switches would be silently
 * ignored: refused instead (R7).
 */
function refuseRollbackSwitches(flags, mode) {
    const why = mode === 'rollback'
        ? "mode 'rollback' cannot honour it: a rollback always keeps the live desired count and forces a new deployment; " +
            'remove this input'
        : "mode 'continue' cannot honour it: it changes nothing but the paused lifecycle hook; remove this input";
    if (flags.sameAsRunning)
        throw new errors/* ConfigurationError */.j1(why, { input: 'same-as-running' });
    if (flags.forceNewDeployment)
        throw new errors/* ConfigurationError */.j1(why, { input: 'force-new-deployment' });
}
/** R1\u2013R6: the task definition, the service, the desired count and the auto scaling manifests, all checked. */
async function readDeployment(roots, inputs, cluster, flags) {
    const tdInput = inputs.exclusive('task-definition', 'task-definition-arn', { required: true });
    const desiredCount = inputs.integer('desired-count', { min: 0 });
    if (flags.sameAsRunning && desiredCount !== undefined) {
        throw new errors/* ConfigurationError */.j1(`same-as-running keeps the live desired count, so desired-count ${desiredCount} contradicts it; give one of them`, { input: 'desired-count' });
    }
    const image = (0,action/* readImageChoice */.vr)(inputs);
    if (tdInput.name === 'task-definition-arn')
        (0,action/* refuseContainerNameForRegistered */.A8)(image, 'is deployed as it was registered');
    const serviceInput = inputs.optional('service');
    if (serviceInput !== undefined)
        (0,action/* parseServiceInput */.XX)(serviceInput);
    if (tdInput.name === 'task-definition-arn')
        (0,action/* checkTaskDefinitionRef */.gZ)(tdInput.value, { input: 'task-definition-arn' });
    const paths = {
        taskDefinition: tdInput.name === 'task-definition' ? tdInput.value : undefined,
        serviceDefinition: inputs.optional('service-definition'),
        scalableTargets: inputs.optional('scalable-targets'),
        scalingPolicies: inputs.optional('scaling-policies'),
    };
    const placeholders = (0,action/* imagePlaceholders */.cF)(image);
    const service = paths.serviceDefinition === undefined
        ? undefined
        : await (0,action/* loadServiceDefinitionFile */.Z$)(roots, paths.serviceDefinition, placeholders, serviceInput !== undefined);
    const target = (0,action/* resolveTarget */.u1)(serviceInput, cluster, service?.definition, service?.locate ?? (() => ({ input: 'service' })));
    const taskDefinition = await (0,action/* loadTaskDefinitionSource */.YN)(roots, tdInput, placeholders, image);
    const autoScaling = await (0,action/* loadAutoScalingFiles */.c6)(roots, paths, placeholders);
    const autoScalingSources = (0,action/* autoScalingSourcesOf */.kC)(paths);
    // Refuses manifests that name another service, namespace or dimension (before any call).
    (0,apply/* bindAutoScaling */.uH)(autoScaling.scalableTargets, autoScaling.scalingPolicies, target.cluster, target.serviceName, autoScalingSources);
    await (0,action/* checkImageIsUsed */.Re)(roots, image, (0,action/* manifestFiles */.TY)(paths));
    return {
        ...target,
        taskDefinition,
        serviceDefinition: service?.definition,
        desiredCount,
        sameAsRunning: flags.sameAsRunning,
        forceNewDeployment: flags.forceNewDeployment,
        ...autoScaling,
        autoScalingSources,
    };
}
/** R7: a rollback needs only the service (and optionally the revision to go back to). */
function readRollbackTarget(inputs, clusterInput, mode) {
    const serviceInput = inputs.optional('service');
    if (serviceInput === undefined) {
        throw new errors/* ConfigurationError */.j1(`mode '${mode}' needs the service to ${mode === 'rollback' ? 'roll back' : 'continue'}`, { input: 'service' });
    }
    const target = (0,action/* resolveTarget */.u1)(serviceInput, clusterInput, undefined, () => ({ input: 'service' }));
    const arn = inputs.optional('task-definition-arn');
    if (arn !== undefined)
        (0,action/* checkTaskDefinitionRef */.gZ)(arn, { input: 'task-definition-arn' });
    return { ...target, taskDefinitionArn: arn };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-rolling/report.js
/** R8 / S5 / S9: ecs-rolling's outputs and job summary rows, from the Outcome (finishAction writes them). */

function rollingReport(input) {
    const { options, outcome, facts } = input;
    const ok = outcome.status !== 'failed';
    const ended = outcome.status === 'started' ? 'started (not waited for)' : ok ? 'succeeded' : 'failed';
    const deployed = facts.deployed?.revision ?? outcome.taskDefinitionArn;
    const verb = options.mode === 'rollback' ? 'rollback of' : 'deployment of';
    const scale = outcome.change === 'scale';
    const what = scale ? `scale change of service ${outcome.service.name} (${deployed}, no new deployment)` : `${verb} ${deployed} to service ${outcome.service.name}`;
    const failure = (0,action/* deployFailureMessage */.fU)(outcome, options.rollbackOnFailure);
    return {
        succeeded: ok,
        startedOnly: outcome.status === 'started',
        outputs: outputs(outcome, facts),
        heading: `ecs-rolling: ${outcome.status === 'started' ? '\u23f3' : ok ? '\u2705' : '\u274c'} ${what} ${ended}`,
        rows: [
            ['Service', outcome.service.name],
            ['Cluster', options.cluster],
            ['Mode', options.mode + (options.waitForSteadyState ? '' : ' (not waiting for steady state)')],
            (0,action/* taskDefinitionRow */.ri)(outcome, facts),
            (0,action/* desiredCountRow */.gV)(outcome, facts),
            ...(0,action/* changeRows */.QP)(outcome),
            (0,action/* durationRow */.re)(outcome),
            (0,action/* resultRow */.AX)(outcome),
            ...(input.target !== undefined ? [['Rolled back to', input.target.why]] : []),
            ...nativeRows(outcome),
            ...(0,action/* rollbackRows */.sT)(outcome),
        ],
        sections: [...(ok ? [] : [(0,action/* failureSection */.mo)(failure)]), (0,action/* stoppedTasksSection */.dZ)(outcome)],
        failure: ok ? undefined : failure,
        status: statusLine(outcome),
    };
}
/** The one-line status: what was deployed or scaled, started, or why it failed. */
function statusLine(outcome) {
    if (outcome.status === 'failed')
        return outcome.cause ?? 'failed';
    if (outcome.change === 'scale') {
        const scaled = `Scaled service ${outcome.service.name} (${outcome.changeDetail ?? 'no new deployment'})`;
        return outcome.status === 'started' ? `${scaled}; not waited for` : scaled;
    }
    const native = outcome.native;
    if (native?.ended === 'stage')
        return `${outcome.taskDefinitionArn} reached lifecycle stage ${native.lifecycleStage ?? ''}; ECS goes on with the deployment`;
    if (native?.ended === 'paused') {
        return `${outcome.taskDefinitionArn} waits at ${native.lifecycleStage ?? 'a lifecycle stage'} on PAUSE hook ${native.pausedHook?.hookId ?? ''}: continue it with mode: continue`;
    }
    if (native?.ended === 'rolled-back')
        return `Rolled back to ${outcome.taskDefinitionArn}`;
    return outcome.status === 'started' ? `Started ${outcome.taskDefinitionArn}; not waited for` : `Deployed ${outcome.taskDefinitionArn}`;
}
/** N2: the service deployment ECS ran, and where the run left it. */
function nativeRows(outcome) {
    const n = outcome.native;
    if (n === undefined)
        return [];
    const rows = [
        ['Service deployment', `${n.serviceDeploymentArn} (${n.status ?? 'unknown'}, lifecycle stage ${n.lifecycleStage ?? 'unknown'})`],
    ];
    if (n.pausedHook !== undefined)
        rows.push(['Paused on', `lifecycle hook ${n.pausedHook.hookId ?? ''} (continue it with mode: continue)`]);
    return rows;
}
function outputs(outcome, facts) {
    const serviceArn = outcome.service.arn ?? facts.service?.serviceArn;
    return [
        ['taskDefinitionArn', outcome.taskDefinitionArn],
        ['serviceName', outcome.service.name],
        ['serviceArn', serviceArn ?? ''],
        ['clusterArn', facts.service?.clusterArn ?? (0,action/* clusterArnOf */.DZ)(serviceArn)],
        ['previousTaskDefinitionArn', outcome.previousTaskDefinitionArn ?? ''],
        ['firstDeployment', outcome.firstDeployment],
        ['rolledBack', (0,action/* wasRolledBack */.F1)(outcome)],
    ];
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-rolling/main.js
/**
 * ecs-rolling (docs/contract.md, R1\u2013R8). Orchestration only:
 *   S3      read and check every input and manifest before any AWS call (inputs.ts)
 *   S13     dry-run: print the diff against what is live, change nothing (dry-run.ts)
 *   R7      mode rollback: choose the revision (and say why), then deploy it like any rolling update; a native
 *           deployment in progress is stopped and its rollback followed instead (N4)
 *   N3      mode continue: answer the PAUSE hook of the native deployment in progress, follow it to its end
 *   N1\u2013N5   mode deploy of a BLUE_GREEN / LINEAR / CANARY service follows ECS's service deployment (to wait-until)
 *   R1\u2013R6   mode deploy: snapshot \u2192 register \u2192 create or update \u2192 wait \u2192 auto scaling, rollback on failure
 *   R8, S5  outputs and job summary from the Outcome (report.ts, written by finishAction); a failure fails the
 *           step with its cause first
 * With github-token, the run is recorded as a GitHub deployment (in_progress \u2192 success / failure).
 */







async function main(rt) {
    const options = await (0,action/* readInputs */.Ko)(rt, readOptions, logPlan);
    const aws = (0,clients/* createAwsClients */.Gv)({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
    if (options.dryRun) {
        if (options.mode !== 'continue')
            return dryRun(rt, { ecs: aws.ecs, autoscaling: aws.autoscaling }, options);
        rt.log.info(`Dry run: mode continue would answer the PAUSE hook of service ${options.serviceName}'s deployment in progress with ${options.continueAction}; nothing was changed.`);
        return;
    }
    const deps = (0,action/* rollingDepsOf */.Xn)(rt, aws);
    const deadline = new time/* Deadline */.B2(rt.clock, options.timeoutMinutes * 60_000);
    const record = await startRecord(rt, options);
    const result = await (0,action/* recordErrors */.b)(record, async () => run(deps, options, deadline));
    await (0,action/* finishAction */._Q)(rt, () => report(rt, options, result, aws.ecs), record);
}
async function run(deps, options, deadline) {
    switch (options.mode) {
        case 'rollback':
            return (0,deploy/* rollbackService */.e)(deps, {
                cluster: options.cluster,
                service: options.serviceName,
                taskDefinitionArn: options.taskDefinitionArn,
                deadline,
                waitForSteadyState: options.waitForSteadyState,
                rollbackOnFailure: options.rollbackOnFailure,
            });
        case 'continue':
            return (0,deploy/* continueService */.zc)(deps, {
                cluster: options.cluster,
                service: options.serviceName,
                hookId: options.hookId,
                action: options.continueAction,
                deadline,
                rollbackOnFailure: options.rollbackOnFailure,
                waitUntil: options.waitUntil,
            });
        default:
            return (0,deploy/* deployService */.z5)(deps, rollingPlan(options, deadline));
    }
}
function rollingPlan(o, deadline) {
    return {
        cluster: o.cluster,
        serviceName: o.serviceName,
        taskDefinition: o.taskDefinition,
        serviceDefinition: o.serviceDefinition,
        desiredCount: o.desiredCount,
        sameAsRunning: o.sameAsRunning,
        // R5: deploying a registered revision (often the one running) must start new tasks.
        forceNewDeployment: o.forceNewDeployment || o.taskDefinition.kind === 'registered',
        suspendAutoScalingDuringUpdate: true,
        scalableTargets: o.scalableTargets,
        scalingPolicies: o.scalingPolicies,
        autoScalingSources: o.autoScalingSources,
        waitForSteadyState: o.waitForSteadyState,
        rollbackOnFailure: o.rollbackOnFailure,
        waitUntil: o.waitUntil,
        deadline,
    };
}
/** The service and task definitions as they are after the run (best effort), then the report from the outcome. */
async function report(rt, options, outcome, ecs) {
    const facts = await (0,action/* readAfterFacts */.im)(ecs, rt.log, { cluster: options.cluster, serviceName: options.serviceName }, { previous: outcome.previousTaskDefinitionArn, deployed: outcome.taskDefinitionArn }, rt.hardCancel, {
        deployedImages: options.mode === 'deploy' && options.taskDefinition.kind === 'file' ? (0,action/* imagesOf */.IC)(options.taskDefinition.definition) : undefined,
        previousImages: (0,action/* imagesOf */.IC)(outcome.previousTaskDefinition),
        service: outcome.steadyService,
    });
    return rollingReport({ options, outcome, facts, target: outcome.target });
}
async function startRecord(rt, options) {
    const what = options.mode === 'rollback'
        ? `rollback to ${options.taskDefinitionArn ?? 'the previous successful deployment'}`
        : options.mode === 'continue'
            ? `${options.continueAction} of the deployment in progress`
            : options.taskDefinition.kind === 'file'
                ? options.taskDefinition.path
                : options.taskDefinition.ref;
    return (0,action/* startActionRecord */.OI)(rt, options.github, {
        description: `ecs-rolling: ${what} to ${options.serviceName}`,
        payload: { cluster: options.cluster, service: options.serviceName, mode: options.mode, taskDefinition: what },
    });
}
function logPlan(rt, o) {
    rt.log.info(`Service: ${o.serviceName} in cluster ${o.cluster}`);
    if (o.mode === 'rollback') {
        rt.log.info(`Mode: rollback to ${o.taskDefinitionArn ?? 'the previous successful deployment (chosen from the deployment history)'}`);
    }
    else if (o.mode === 'continue') {
        rt.log.info(`Mode: continue the deployment in progress: ${o.continueAction} ${o.hookId !== undefined ? `lifecycle hook ${o.hookId}` : 'the PAUSE hook that awaits action'}`);
    }
    else {
        const td = o.taskDefinition.kind === 'file' ? `register ${o.taskDefinition.path}` : `${o.taskDefinition.ref} (task-definition-arn)`;
        const count = o.sameAsRunning ? 'the live one (same-as-running)' : (o.desiredCount ?? o.serviceDefinition?.desiredCount ?? 'unchanged');
        rt.log.info(`Task definition: ${td}`);
        rt.log.info(`Desired count: ${count}`);
        const autoScaling = o.scalableTargets.length + o.scalingPolicies.length;
        if (autoScaling > 0)
            rt.log.info(`Auto scaling: ${o.scalableTargets.length} scalable target(s), ${o.scalingPolicies.length} scaling policy(ies)`);
    }
    if (o.waitUntil.kind === 'stage')
        rt.log.info(`Wait until: lifecycle stage ${o.waitUntil.stage} of ECS's deployment`);
    rt.log.info(`Wait for steady state: ${String(o.waitForSteadyState)}, timeout ${o.timeoutMinutes} min, rollback on failure: ` +
        `${String(o.rollbackOnFailure)}${o.dryRun ? ', dry run' : ''}`);
}


/***/ })

};

export const id = 131;
export const ids = [131];
export const modules = {

/***/ 4131:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5130);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6326);


await (0,_core_run_js__WEBPACK_IMPORTED_MODULE_0__.runAction)('ecs-bluegreen-swap', _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6326:
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
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/rollout.js + 1 modules
var rollout = __webpack_require__(7676);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var ecs_services = __webpack_require__(4259);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/colours.js

const COLOUR_TAG = 'BG_VERSION';
const BLUE = 'BLUE';
const GREEN = 'GREEN';
/** On the stage service: the name of the service it replaces (removed when a rollback undid the release). */
const REPLACES_TAG = 'BG_REPLACES';
/** On the old service after a swap downsized it: its desired count before. */
const DOWNSIZED_FROM_TAG = 'BG_DOWNSIZED_FROM';
function baseNameOf(name) {
    return name.replace(/__[12]$/, '');
}
function namesOf(base) {
    return [`${base}__1`, `${base}__2`];
}
function otherName(name) {
    return name.endsWith('__1') ? `${baseNameOf(name)}__2` : `${baseNameOf(name)}__1`;
}
/** The two services of `base` as they are now (ACTIVE or DRAINING or INACTIVE; absent when ECS does not know them), with tags. */
async function describePair(ecs, cluster, base, opts = {}) {
    const [one, two] = namesOf(base);
    const byName = await (0,ecs_services/* describeServices */.Ge)(ecs, cluster, [one, two], { ...opts, tags: true });
    return { one: byName.get(one), two: byName.get(two), byName };
}
function isActive(s) {
    return s?.status === 'ACTIVE';
}
function colourOf(s) {
    return (0,ecs_services/* tagValue */.EZ)(s, COLOUR_TAG);
}
/**
 * The ACTIVE service tagged BLUE; when none is, the only ACTIVE one not tagged GREEN (a service that ran before
 * blue/green). A GREEN one is a stage service never swapped in: never blue.
 */
function blueOf(services) {
    const active = services.filter(isActive);
    const tagged = active.filter((s) => colourOf(s) === BLUE);
    if (tagged.length === 1)
        return tagged[0];
    const untagged = active.filter((s) => colourOf(s) === undefined);
    return tagged.length === 0 && untagged.length === 1 ? untagged[0] : undefined;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/elb/index.js + 13 modules
var core_elb = __webpack_require__(925);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/options.js
const MODES = ['deploy', 'swap', 'rollback'];
/**
 * Stands for `<+targetGroupArn>` while the service definition is checked before any AWS call; replaced with the
 * stage target group once deploy has found it (B3).
 */
const STAGE_TARGET_GROUP_SENTINEL = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/bluegreen-stage/0000000000000000';

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/routes.js


async function findRoutes(elb, o, call) {
    const prod = await (0,core_elb/* findRoute */.$6)(elb, { loadBalancer: o.loadBalancer, listener: o.prodListener, rule: o.prodRule }, { ...call, inputs: { loadBalancer: 'load-balancer', listener: 'prod-listener', rule: 'prod-listener-rule' } });
    const stage = await (0,core_elb/* findRoute */.$6)(elb, { loadBalancer: prod.loadBalancer, listener: o.stageListener, rule: o.stageRule }, { ...call, inputs: { listener: 'stage-listener', rule: 'stage-listener-rule' } });
    if (prod.rule.arn === stage.rule.arn) {
        throw new errors/* ConfigurationError */.j1(`the prod and stage routes are the same: ${(0,core_elb/* describeRoute */.fx)(prod)}`, { input: 'stage-listener' });
    }
    return { prod, stage };
}
/** The groups a route forwards to now (weights kept), as described when it was found. */
function forwardedGroups(route, input) {
    return (0,core_elb/* routeForward */.Bf)(route, input).targetGroups;
}
/** The one group of `groups` with weight above 0, or undefined while traffic is split (or none). */
function liveGroup(groups) {
    const live = groups.filter((g) => g.weight > 0);
    return live.length === 1 ? live[0]?.arn : undefined;
}
/** The outputs naming the routes (B4, B7). */
function routeOutputs(routes) {
    return [
        ['loadBalancerArn', routes.prod.loadBalancer.arn],
        ['prodListenerArn', routes.prod.listener.arn],
        ['stageListenerArn', routes.stage.listener.arn],
        ['prodListenerRuleArn', routes.prod.rule.arn],
        ['stageListenerRuleArn', routes.stage.rule.arn],
    ];
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/deploy-plan.js







async function planDeploy(deps, o) {
    const call = { signal: deps.signal };
    const routes = await findRoutes(deps.elb, o.routes, call);
    const prodTargetGroupArn = (0,core_elb/* routeTargetGroup */.Cr)(routes.prod, 'prod-listener');
    const stageTargetGroupArn = (0,core_elb/* routeTargetGroup */.Cr)(routes.stage, 'stage-listener');
    if (prodTargetGroupArn === stageTargetGroupArn) {
        throw new errors/* ConfigurationError */.j1(`the stage listener already points at the prod target group ${prodTargetGroupArn}: both routes forward to it, so a ` +
            'stage service behind it would take prod traffic; point the stage listener (or rule) at another target group', { input: o.routes.stageRule !== undefined ? 'stage-listener-rule' : 'stage-listener' });
    }
    const pair = await describePair(deps.ecs, o.cluster, o.baseName, call);
    const blue = chooseBlue([pair.one, pair.two], o.baseName);
    const stageName = blue?.serviceName !== undefined ? otherName(blue.serviceName) : namesOf(o.baseName)[0];
    const stageNow = pair.byName.get(stageName);
    const group = await (0,core_elb/* describeTargetGroup */.__)(deps.elb, stageTargetGroupArn, call);
    const containers = await containersOf(deps, o);
    checkPort(containers, group.port, stageTargetGroupArn, o.taskDefinition.kind === 'file' ? 'task-definition' : 'task-definition-arn');
    const binding = bindingOf(o.serviceDefinition, group.port);
    const desiredCount = chooseDesiredCount(o, blue);
    const tags = [
        { key: COLOUR_TAG, value: GREEN },
        ...(blue?.serviceName !== undefined ? [{ key: REPLACES_TAG, value: blue.serviceName }] : []),
    ];
    const request = (taskDefinitionArn) => {
        const definition = withStageTargetGroup(o.serviceDefinition, stageTargetGroupArn);
        const input = (0,deploy/* toCreateServiceInput */.nX)(definition, { cluster: o.cluster, serviceName: stageName, taskDefinitionArn, desiredCountInput: desiredCount });
        const kept = (input.tags ?? []).filter((t) => t.key !== COLOUR_TAG && t.key !== REPLACES_TAG);
        return { ...input, tags: [...kept, ...tags] };
    };
    return { routes, prodTargetGroupArn, stageTargetGroupArn, blue, stageName, stageNow, desiredCount, binding, request };
}
/** B2: the ACTIVE service tagged BLUE (or the only ACTIVE one); two ACTIVE services with no clear BLUE are refused. */
function chooseBlue(services, base) {
    const blue = blueOf(services);
    const active = services.filter(isActive);
    if (blue === undefined && active.some((s) => colourOf(s) !== GREEN)) {
        const colours = active.map((s) => `${s.serviceName ?? ''} (${COLOUR_TAG}=${colourOf(s) ?? 'none'})`).join(', ');
        throw new errors/* ConfigurationError */.j1(`cannot tell which service of ${base} is live: ${colours}; exactly one ACTIVE service must be tagged ${COLOUR_TAG}=${BLUE}`, { input: 'service' });
    }
    return blue;
}
async function containersOf(deps, o) {
    if (o.taskDefinition.kind === 'file')
        return o.taskDefinition.definition.containerDefinitions ?? [];
    const td = await (0,task_definitions/* describeTaskDefinition */.oh)(deps.ecs, o.taskDefinition.ref, { signal: deps.signal, input: o.taskDefinition.input });
    return td.containerDefinitions ?? [];
}
/** B3: some container maps the target group's port (as its container or host port). */
function checkPort(containers, port, targetGroupArn, input = 'task-definition') {
    if (port === undefined)
        return;
    const maps = containers.some((c) => (c.portMappings ?? []).some((m) => m.containerPort === port || m.hostPort === port));
    if (!maps) {
        throw new errors/* ConfigurationError */.j1(`No container definition has port mapping that matches the target port: ${port} for target group: ${targetGroupArn}`, { input });
    }
}
function bindingOf(definition, port) {
    const entry = (definition.loadBalancers ?? []).find((lb) => lb.targetGroupArn === STAGE_TARGET_GROUP_SENTINEL);
    return { containerName: entry?.containerName ?? '', containerPort: entry?.containerPort ?? port ?? 0 };
}
function chooseDesiredCount(o, blue) {
    if (o.sameAsRunning) {
        if (blue === undefined) {
            throw new errors/* ConfigurationError */.j1('same-as-running copies the live service, and there is no live (BLUE) service yet', { input: 'same-as-running' });
        }
        return blue.runningCount ?? blue.desiredCount ?? 0;
    }
    return o.serviceDefinition.desiredCount ?? 0; // readOptions refused a definition without one
}
/** The service definition with `<+targetGroupArn>` (the sentinel readOptions put in its place) resolved (B3). */
function withStageTargetGroup(definition, arn) {
    return JSON.parse(JSON.stringify(definition).split(STAGE_TARGET_GROUP_SENTINEL).join(arn));
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/deploy.js









/** The share of the deadline kept for deleting the stage service after a failure. */
const CLEANUP_SHARE = 0.25;
async function runDeploy(deps, o) {
    const { log } = deps;
    const plan = await log.group('Find the load balancer, the target groups and the services', async () => {
        const p = await planDeploy(deps, o);
        log.info(`Prod target group: ${p.prodTargetGroupArn}`);
        log.info(`Stage target group: ${p.stageTargetGroupArn}`);
        log.info(`Blue (live) service: ${p.blue?.serviceName ?? 'none yet'}; stage service: ${p.stageName}, desired count ${p.desiredCount}`);
        return p;
    });
    if (deps.signal.aborted) {
        log.warning('Cancelled before the task definition was registered; nothing was changed.');
        throw deps.signal.reason instanceof Error ? deps.signal.reason : new errors/* CancelledError */.cc('SIGINT');
    }
    const td = await log.group('Task definition', async () => {
        const resolved = await (0,task_definitions/* resolveTaskDefinition */.Fh)(deps.ecs, o.taskDefinition, { inactive: 'refuse' });
        log.info(`${resolved.registered ? 'Registered' : 'Using'} ${resolved.arn}`);
        return resolved;
    });
    const outputs = deployOutputs(plan, td.arn);
    const work = deps.deadline.keeping(deps.deadline.remainingMs() * CLEANUP_SHARE);
    const step = await changeStageService(deps, o, plan, td.arn, work);
    const failure = step.failure?.message ?? (await waitUntilServing(deps, o, plan, step.change.service, td.arn, work));
    const rows = [
        ['Stage service', plan.stageName],
        ['Blue service', plan.blue?.serviceName ?? '-'],
        ['Stage target group', plan.stageTargetGroupArn],
        ['Task definition', td.arn],
    ];
    if (failure === undefined) {
        log.info(`Stage service ${plan.stageName} is steady and its targets are healthy behind the stage listener.`);
        await forgetOlderRelease(deps, plan.blue);
        return { ok: true, outputs, rows };
    }
    if (!step.change.changed)
        return { ok: false, cause: failure, outputs, rows };
    const cleanup = await deleteStageService(deps, o.cluster, plan.stageName);
    return { ok: false, cause: `${failure}. ${cleanup}`, outputs, rows: [...rows, ['Clean-up', cleanup]] };
}
function deployOutputs(plan, taskDefinitionArn) {
    return [
        ['targetGroupArn', plan.stageTargetGroupArn],
        ['prodTargetGroupArn', plan.prodTargetGroupArn],
        ['stageServiceName', plan.stageName],
        ['blueServiceName', plan.blue?.serviceName ?? ''],
        ['taskDefinitionArn', taskDefinitionArn],
        ...routeOutputs(plan.routes),
    ];
}
/** B2: create the stage service; one left ACTIVE by an earlier run is replaced, or updated with update-green-service. */
async function changeStageService(deps, o, plan, taskDefinitionArn, work) {
    const input = plan.request(taskDefinitionArn);
    const wait = { deadline: work, signal: deps.signal };
    const status = plan.stageNow?.status;
    if (status === 'ACTIVE' && o.updateGreenService) {
        deps.log.info(`Service ${plan.stageName} is ACTIVE from an earlier run: updating it in place (update-green-service).`);
        const updated = await (0,deploy/* updateStep */.yV)(deps, {
            cluster: o.cluster,
            service: plan.stageName,
            taskDefinition: taskDefinitionArn,
            desiredCount: plan.desiredCount,
            loadBalancers: input.loadBalancers,
            forceNewDeployment: true,
        });
        const arn = updated.change.service?.serviceArn;
        if (updated.failure === undefined && arn !== undefined)
            await (0,ecs_services/* tagResource */.FT)(deps.ecs, arn, input.tags ?? []);
        return updated;
    }
    if (status === 'ACTIVE') {
        deps.log.info(`Service ${plan.stageName} is ACTIVE from an earlier run: deleting it first (B2).`);
        return (0,deploy/* replaceStep */.$L)(deps, input, wait);
    }
    return (0,deploy/* createStep */.Bx)(deps, input, { ...wait, draining: status === 'DRAINING' });
}
/** B4: steady state (as ecs-rolling waits), then every task a healthy target of the stage target group. */
async function waitUntilServing(deps, o, plan, created, taskDefinitionArn, work) {
    const { log } = deps;
    const deploymentId = (0,rollout/* primaryDeploymentId */.x)(created);
    if (deploymentId === undefined)
        return 'ECS returned no PRIMARY deployment to follow';
    const steady = await log.group(`Wait for service ${plan.stageName} to reach a steady state`, () => (0,deploy/* waitForDeployment */.Kw)(deps, { cluster: o.cluster, service: plan.stageName, deploymentId, taskDefinitionArn, deadline: work, signal: deps.signal }));
    if (!steady.ok)
        return `stage service ${plan.stageName} did not reach a steady state: ${steady.message}`;
    if (plan.desiredCount === 0)
        return undefined;
    const healthy = await log.group(`Wait for the tasks of ${plan.stageName} to be healthy targets of the stage target group`, () => (0,core_elb/* waitForHealthyTargets */.mT)(deps, {
        targetGroupArn: plan.stageTargetGroupArn,
        targets: (0,core_elb/* serviceTargets */.UO)(deps.ecs, { cluster: o.cluster, service: plan.stageName, ...plan.binding }),
        minimum: plan.desiredCount,
        onChange: (r) => log.info(`Target ${(0,core_elb/* describeTargetReport */.xP)(r)}`),
    }, { deadline: work, signal: deps.signal }));
    if (healthy.kind === 'healthy')
        return undefined;
    const targets = healthy.targets.map(core_elb/* describeTargetReport */.xP).join('; ') || 'none registered';
    return healthy.kind === 'cancelled'
        ? 'cancelled while waiting for healthy targets'
        : `the tasks of ${plan.stageName} did not become healthy targets of ${plan.stageTargetGroupArn} (${healthy.kind}): ${targets}`;
}
/** The blue service's own record of what it replaced belongs to the previous release: only the new one keeps one (B7). */
async function forgetOlderRelease(deps, blue) {
    if (blue?.serviceArn === undefined || (0,ecs_services/* tagValue */.EZ)(blue, REPLACES_TAG) === undefined)
        return;
    await (0,ecs_services/* untagResource */.Q2)(deps.ecs, blue.serviceArn, [REPLACES_TAG]);
}
/** Deletes the stage service this run created (force) and waits until it is INACTIVE. */
async function deleteStageService(deps, cluster, name) {
    return deps.log.group(`Delete the stage service ${name}`, async () => {
        deps.log.info(`Deleting service ${name}..`);
        try {
            if ((await (0,ecs_services/* deleteService */.hs)(deps.ecs, cluster, name)) === undefined)
                return `Stage service ${name} was already gone.`;
            const gone = await (0,deploy/* waitForServiceInactive */.Te)(deps, { cluster, service: name, deadline: deps.deadline, signal: deps.hardSignal });
            return gone.ok ? `Stage service ${name} was deleted.` : `Stage service ${name} was deleted (force) but is not INACTIVE yet: ${gone.message}`;
        }
        catch (e) {
            return `Deleting stage service ${name} failed: ${e instanceof Error ? e.message : String(e)}; delete it by hand`;
        }
    });
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/io/summary.js
var summary = __webpack_require__(5858);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/pair.js





/** A service's target group among those of the two routes. */
function targetGroupOf(service, routeGroups) {
    const groups = (service?.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((arn) => arn !== undefined);
    return groups.find((g) => routeGroups.includes(g)) ?? groups[0];
}
async function findRelease(deps, cluster, base, record, routes, mode) {
    const routeGroups = routeGroupsOf(routes);
    const pair = await describePair(deps.ecs, cluster, base, { signal: deps.signal });
    const services = [pair.one, pair.two];
    const newName = record.stageService ?? (record.blueService !== undefined ? otherName(record.blueService) : pickNew(services, base, mode));
    if (newName === undefined)
        return undefined;
    const oldName = record.blueService ?? otherName(newName);
    const newService = pair.byName.get(newName);
    const oldService = pair.byName.get(oldName);
    const newTargetGroupArn = record.targetGroupArn ?? targetGroupOf(newService, routeGroups);
    // No old service (the first release): the old target group is the one prod forwarded to before.
    const oldTargetGroupArn = record.prodTargetGroupArn ?? targetGroupOf(oldService, routeGroups) ?? (newTargetGroupArn === undefined ? undefined : otherGroup(routes, newTargetGroupArn));
    if (newTargetGroupArn === undefined || oldTargetGroupArn === undefined) {
        throw new errors/* ConfigurationError */.j1(`cannot tell the target groups of ${newName} and ${oldName}: give target-group-arn and prod-target-group-arn (outputs of mode deploy)`, { input: 'target-group-arn' });
    }
    const source = record.stageService !== undefined || record.blueService !== undefined ? 'the outputs of mode deploy' : 'the BG_VERSION tags';
    return { newName, oldName: oldService === undefined && record.blueService === undefined ? undefined : oldName, newService, oldService, newTargetGroupArn, oldTargetGroupArn, source };
}
/**
 * From the tags alone: the service that records which one it replaces (deploy tags it, a finished rollback removes
 * the tag) \u2014 GREEN before the swap, BLUE after it, so a swap run again finds it swapped. With none, a swap takes the
 * ACTIVE service tagged GREEN (the first release replaces no service), and a rollback has nothing to roll back.
 */
function pickNew(services, base, mode) {
    const replacing = services.filter((s) => s !== undefined && s.status !== 'INACTIVE' && (0,ecs_services/* tagValue */.EZ)(s, REPLACES_TAG) !== undefined);
    if (replacing.length === 1)
        return replacing[0]?.serviceName;
    if (mode === 'rollback')
        return undefined;
    const green = services.filter((s) => isActive(s) && colourOf(s) === GREEN);
    if (green.length === 1)
        return green[0]?.serviceName;
    const names = namesOf(base).join(' / ');
    throw new errors/* ConfigurationError */.j1(`no single ACTIVE service of ${names} is tagged BG_VERSION=${GREEN}: run mode deploy first, or give stage-service and blue-service`, { input: 'stage-service' });
}
/** The group of the prod or stage route that is not `group` (each route's one live group). */
function otherGroup(routes, group) {
    const live = [routes.prod, routes.stage].map((r) => liveGroup((0,core_elb/* forwardOf */.pl)(r.rule.actions)?.targetGroups ?? []));
    return live.find((g) => g !== undefined && g !== group);
}
function routeGroupsOf(routes) {
    return [routes.prod, routes.stage].flatMap((r) => ((0,core_elb/* forwardOf */.pl)(r.rule.actions)?.targetGroups ?? []).map((g) => g.arn));
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/dry-run.js
/**
 * S13 `dry-run: true`: what the mode would do, from reads only (the load balancer, listeners, rules, target groups
 * and the two services), printed to the log and the job summary. The same refusals as a real run fail it too.
 */





async function dryRun(rt, deps, o) {
    await rt.log.group('Dry run: what would change (nothing is changed)', async () => {
        const notes = o.mode === 'deploy' ? await deployNotes(deps, o) : await switchNotes(deps, o);
        for (const line of notes)
            rt.log.info(line);
        const s = new summary/* SummaryBuilder */.CF()
            .heading(`ecs-bluegreen-swap: dry run of mode ${o.mode} for ${o.baseName} (nothing changed)`)
            .raw(notes.map((n) => `- ${n}`).join('\n'));
        await rt.summary.append(s.toString());
    });
}
async function deployNotes(deps, o) {
    const plan = await planDeploy(deps, o);
    const td = o.taskDefinition.kind === 'file' ? `a new revision registered from ${o.taskDefinition.path}` : o.taskDefinition.ref;
    const earlier = plan.stageNow?.status === 'ACTIVE' ? (o.updateGreenService ? ' (updated in place)' : ' (the one left by an earlier run deleted first)') : '';
    return [
        `Prod: ${(0,core_elb/* describeRoute */.fx)(plan.routes.prod)} forwards to ${plan.prodTargetGroupArn} (blue service ${plan.blue?.serviceName ?? 'none'}).`,
        `Stage: ${(0,core_elb/* describeRoute */.fx)(plan.routes.stage)} forwards to ${plan.stageTargetGroupArn}.`,
        `Service ${plan.stageName} would be created${earlier} behind the stage target group with ${td}, desired count ${plan.desiredCount}, tagged BG_VERSION=GREEN.`,
        'No listener would change.',
    ];
}
async function switchNotes(deps, o) {
    const routes = await findRoutes(deps.elb, o.routes, { signal: deps.signal });
    const release = await findRelease(deps, o.cluster, o.baseName, o.record, routes, o.mode);
    if (release === undefined)
        return ['Nothing to roll back.'];
    const prod = liveGroup(forwardedGroups(routes.prod, 'prod-listener'));
    const swapped = prod === release.newTargetGroupArn;
    const pair = `new service ${release.newName} (${release.newTargetGroupArn}), old service ${release.oldName ?? 'none'} (${release.oldTargetGroupArn})`;
    if (o.mode === 'swap') {
        return [
            `Found ${pair} from ${release.source}.`,
            swapped ? 'Already swapped: no listener would change.' : `${(0,core_elb/* describeRoute */.fx)(routes.prod)} would forward to ${release.newTargetGroupArn}, ${(0,core_elb/* describeRoute */.fx)(routes.stage)} to ${release.oldTargetGroupArn}.`,
            o.downsizeOldService ? `The old service would be set to desired count 0 after ${o.downsizeDelaySeconds} s.` : 'The old service would keep running.',
        ];
    }
    return [
        `Found ${pair} from ${release.source}.`,
        swapped ? 'The listeners would be swapped back.' : 'No listener would change (not swapped).',
        'The old service would be restored to its saved count; the new one scaled to 0.',
    ];
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/inputs.js + 2 modules
var core_inputs = __webpack_require__(9747);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/swap-inputs.js
/** The inputs only mode swap reads (B5): downsizing the old service, and the optional gradual traffic shift. */

/**
 * The defaults action.yml gives mode-only inputs. The runner sets INPUT_<X> to them when the step does not give
 * the input, so a mode-only input at its default is not refused in another mode (a value the user wrote that
 * equals the default cannot be told apart, and changes nothing).
 */
const RUNNER_DEFAULTS = {
    'same-as-running': 'false',
    'update-green-service': 'false',
    'downsize-old-service': 'true',
    'downsize-delay-seconds': '0',
    'step-bake-seconds': '60',
};
function readSwapSettings(inputs) {
    const trafficSteps = readTrafficSteps(inputs.optional('traffic-steps'));
    const stepBakeSeconds = inputs.integer('step-bake-seconds', { min: 0, max: 3600, default: 60 });
    const alarms = inputs.list('alarms');
    if (trafficSteps.length === 0) {
        for (const name of ['step-bake-seconds', 'alarms']) {
            if (inputs.has(name) && inputs.raw(name) !== RUNNER_DEFAULTS[name])
                throw new errors/* ConfigurationError */.j1('it only applies to a gradual shift: set traffic-steps too, or remove it', { input: name });
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
function readTrafficSteps(text) {
    if (text === undefined)
        return [];
    const parts = text.split(',').map((p) => p.trim());
    const steps = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN));
    const bad = parts.find((p, i) => !(Number.isInteger(steps[i]) && (steps[i] ?? 0) >= 1 && (steps[i] ?? 0) <= 100));
    if (bad !== undefined) {
        throw new errors/* ConfigurationError */.j1(`'${bad}' is not a percentage from 1 to 100 (e.g. "10,50,100")`, { input: 'traffic-steps' });
    }
    if (steps.some((s, i) => i > 0 && s <= (steps[i - 1] ?? 0))) {
        throw new errors/* ConfigurationError */.j1(`the steps must rise: '${text}'`, { input: 'traffic-steps' });
    }
    if (steps[steps.length - 1] !== 100) {
        throw new errors/* ConfigurationError */.j1(`the last step must be 100 (all prod traffic on the new service): '${text}'`, { input: 'traffic-steps' });
    }
    return steps;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/inputs.js
/**
 * The inputs of ecs-bluegreen-swap. readOptions checks every input and parses and validates every manifest before
 * any AWS call (S3): a bad one fails with a ConfigurationError naming the input (and file, line and field).
 */






/** Every input declared in actions/ecs-bluegreen-swap/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
const INPUT_NAMES = [
    'mode',
    'cluster',
    'service',
    'load-balancer',
    'prod-listener',
    'stage-listener',
    'prod-listener-rule',
    'stage-listener-rule',
    'task-definition',
    'task-definition-arn',
    'service-definition',
    'image',
    'container-name',
    'same-as-running',
    'update-green-service',
    'stage-service',
    'blue-service',
    'target-group-arn',
    'prod-target-group-arn',
    'downsize-old-service',
    'downsize-delay-seconds',
    'traffic-steps',
    'step-bake-seconds',
    'alarms',
    'timeout-minutes',
    'region',
    'max-attempts',
    'dry-run',
    'github-token',
    'environment',
];
const SHARED_INPUTS = ['cluster', 'region', 'timeout-minutes', 'max-attempts', 'dry-run', 'github-token', 'environment'];
/** Inputs only one mode uses: another mode refuses them rather than ignore them. */
const ONLY_IN = {
    deploy: ['task-definition', 'task-definition-arn', 'service-definition', 'image', 'container-name', 'same-as-running', 'update-green-service'],
    swap: ['downsize-old-service', 'downsize-delay-seconds', 'traffic-steps', 'step-bake-seconds', 'alarms'],
    rollback: [],
};
const RECORD_INPUTS = ['stage-service', 'blue-service', 'target-group-arn', 'prod-target-group-arn'];
async function readOptions(rt) {
    const inputs = new core_inputs/* Inputs */.G(rt.inputs, INPUT_NAMES);
    const shared = (0,action/* readSharedInputs */.lS)(inputs, rt.outputs, SHARED_INPUTS);
    const mode = inputs.enumValue('mode', MODES, 'deploy');
    refuseOtherModesInputs(inputs, mode);
    const { cluster, image: _none, ...run } = shared;
    const routes = readRoutes(inputs);
    if (mode === 'deploy')
        return { mode, ...run, routes, ...(await readDeploy(rt, inputs, cluster)) };
    const record = readRecord(inputs);
    const baseName = readBaseName(inputs, record);
    const common = { ...run, routes, cluster: readCluster(inputs, cluster), baseName };
    if (mode === 'rollback')
        return { mode, ...common, record };
    return { mode, ...common, record, ...readSwapSettings(inputs) };
}
function refuseOtherModesInputs(inputs, mode) {
    const others = MODES.filter((m) => m !== mode).flatMap((m) => ONLY_IN[m]);
    const refused = mode === 'deploy' ? [...others, ...RECORD_INPUTS] : others;
    for (const name of refused) {
        if (inputs.has(name) && inputs.raw(name) !== RUNNER_DEFAULTS[name])
            throw new errors/* ConfigurationError */.j1(`mode '${mode}' does not use it; remove this input`, { input: name });
    }
}
/** B1: the load balancer and the two listeners are required; the rules are optional (default rule). */
function readRoutes(inputs) {
    const routes = {
        loadBalancer: inputs.required('load-balancer'),
        prodListener: inputs.required('prod-listener'),
        stageListener: inputs.required('stage-listener'),
        prodRule: inputs.optional('prod-listener-rule'),
        stageRule: inputs.optional('stage-listener-rule'),
    };
    if (routes.prodRule === undefined && routes.stageRule === undefined && routes.prodListener === routes.stageListener) {
        throw new errors/* ConfigurationError */.j1(`prod-listener and stage-listener are the same listener (${routes.prodListener}): give two listeners, or a rule of it for each`, { input: 'stage-listener' });
    }
    if (routes.prodRule !== undefined && routes.prodRule === routes.stageRule) {
        throw new errors/* ConfigurationError */.j1('prod-listener-rule and stage-listener-rule are the same rule', { input: 'stage-listener-rule' });
    }
    return routes;
}
/** B3: the task definition, and the service definition, which must use `<+targetGroupArn>`. */
async function readDeploy(rt, inputs, clusterInput) {
    const roots = (0,action/* manifestRoots */.X9)(rt);
    const tdInput = inputs.exclusive('task-definition', 'task-definition-arn', { required: true });
    const image = (0,action/* readImageChoice */.vr)(inputs);
    if (tdInput.name === 'task-definition-arn') {
        (0,action/* refuseContainerNameForRegistered */.A8)(image, 'is deployed as it was registered');
        (0,action/* checkTaskDefinitionRef */.gZ)(tdInput.value, { input: 'task-definition-arn' });
    }
    const serviceInput = inputs.optional('service');
    if (serviceInput !== undefined)
        (0,action/* parseServiceInput */.XX)(serviceInput);
    const path = inputs.required('service-definition');
    const placeholders = { ...(0,action/* imagePlaceholders */.cF)(image), targetGroupArn: STAGE_TARGET_GROUP_SENTINEL };
    const service = await (0,action/* loadServiceDefinitionFile */.Z$)(roots, path, placeholders, serviceInput !== undefined);
    if (!JSON.stringify(service.definition.loadBalancers ?? []).includes(STAGE_TARGET_GROUP_SENTINEL)) {
        throw new errors/* ConfigurationError */.j1('the service definition must put the service behind the stage target group: use <+targetGroupArn> as the ' +
            'targetGroupArn of its loadBalancers entry', { input: 'service-definition', file: path, field: 'loadBalancers' });
    }
    const sameAsRunning = inputs.boolean('same-as-running', false);
    if (!sameAsRunning && service.definition.desiredCount === undefined) {
        throw new errors/* ConfigurationError */.j1('the stage service needs a desired count: set desiredCount in the service definition, or same-as-running: true', {
            input: 'service-definition',
            file: path,
            field: 'desiredCount',
        });
    }
    const target = (0,action/* resolveTarget */.u1)(serviceInput, clusterInput, service.definition, service.locate);
    const taskDefinition = await (0,action/* loadTaskDefinitionSource */.YN)(roots, tdInput, (0,action/* imagePlaceholders */.cF)(image), image);
    await (0,action/* checkImageIsUsed */.Re)(roots, image, [{ input: 'task-definition', path: tdInput.name === 'task-definition' ? tdInput.value : undefined }]);
    return {
        cluster: target.cluster,
        baseName: baseNameOf(target.serviceName),
        taskDefinition,
        serviceDefinition: service.definition,
        sameAsRunning,
        updateGreenService: inputs.boolean('update-green-service', false),
    };
}
/** B7: deploy's outputs given back as inputs. */
function readRecord(inputs) {
    const record = {
        stageService: inputs.optional('stage-service'),
        blueService: inputs.optional('blue-service'),
        targetGroupArn: inputs.optional('target-group-arn'),
        prodTargetGroupArn: inputs.optional('prod-target-group-arn'),
    };
    for (const [name, value] of [['stage-service', record.stageService], ['blue-service', record.blueService]]) {
        if (value !== undefined && !/__[12]$/.test(value)) {
            throw new errors/* ConfigurationError */.j1(`'${value}' is not a blue/green service name (<service>__1 or <service>__2)`, { input: name });
        }
    }
    if (record.stageService !== undefined && record.stageService === record.blueService) {
        throw new errors/* ConfigurationError */.j1('stage-service and blue-service name the same service', { input: 'blue-service' });
    }
    return record;
}
/** The cluster input, else the cluster of a service ARN, else `default`. */
function readCluster(inputs, clusterInput) {
    const service = inputs.optional('service');
    return clusterInput ?? (service === undefined ? undefined : (0,action/* parseServiceInput */.XX)(service).cluster) ?? 'default';
}
function readBaseName(inputs, record) {
    const service = inputs.optional('service');
    const fromRecord = record.stageService ?? record.blueService;
    if (service !== undefined) {
        const base = baseNameOf((0,action/* parseServiceInput */.XX)(service).name);
        if (fromRecord !== undefined && baseNameOf(fromRecord) !== base) {
            throw new errors/* ConfigurationError */.j1(`'${fromRecord}' is not one of the services of '${base}'`, { input: record.stageService !== undefined ? 'stage-service' : 'blue-service' });
        }
        return base;
    }
    if (fromRecord !== undefined)
        return baseNameOf(fromRecord);
    throw new errors/* ConfigurationError */.j1('a service is needed: set the service (base name), or stage-service and blue-service from mode deploy', {
        input: 'service',
    });
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/describe.js
var describe = __webpack_require__(9997);
// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/suspension.js
var suspension = __webpack_require__(6585);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/service-from-live.js
var service_from_live = __webpack_require__(8484);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/old-service.js






/** Tags `service` with BG_VERSION=`colour` unless it already has it. Never interrupted by a cancel. */
async function setColour(deps, service, colour) {
    if (service?.serviceArn === undefined || colourOf(service) === colour)
        return false;
    await (0,ecs_services/* tagResource */.FT)(deps.ecs, service.serviceArn, [{ key: COLOUR_TAG, value: colour }]);
    deps.log.info(`Tagged service ${service.serviceName ?? ''} ${COLOUR_TAG}=${colour}`);
    return true;
}
/** B5: suspend the auto scaling, remember the desired count in a tag, set it to 0. */
async function downsize(deps, cluster, service) {
    const name = service.serviceName ?? '';
    const count = service.desiredCount ?? 0;
    if (count === 0)
        return `Old service ${name} is already at desired count 0.`;
    const targets = await (0,describe/* describeScalableTargets */.Lk)(deps.autoscaling, cluster, name);
    await (0,suspension/* suspendAutoScaling */.XP)(deps.autoscaling, targets, deps.log);
    if (service.serviceArn !== undefined)
        await (0,ecs_services/* tagResource */.FT)(deps.ecs, service.serviceArn, [{ key: DOWNSIZED_FROM_TAG, value: String(count) }]);
    await (0,ecs_services/* updateService */.bU)(deps.ecs, { cluster, service: name, desiredCount: 0 });
    return `Old service ${name} downsized from ${count} to 0 (kept, not deleted; its auto scaling suspended).`;
}
/** The count to restore: the one the swap recorded, else the live one. */
function savedCount(service) {
    const tagged = Number((0,ecs_services/* tagValue */.EZ)(service, DOWNSIZED_FROM_TAG));
    return Number.isInteger(tagged) && tagged > 0 ? tagged : (service.desiredCount ?? 0);
}
/**
 * B6: the old service back at its saved desired count with its auto scaling resumed (re-created from its last
 * description when it was deleted), then waited steady. Returns what it did, or throws.
 */
async function restoreOld(deps, cluster, service) {
    const name = service.serviceName ?? '';
    const done = [];
    const count = savedCount(service);
    if (service.status !== 'ACTIVE') {
        const taskDefinition = service.taskDefinition ?? '';
        await (0,ecs_services/* createService */.sR)(deps.ecs, (0,service_from_live/* createServiceInputFromLive */.G)(service, cluster, { serviceName: name, taskDefinition, desiredCount: count }));
        done.push(`Re-created old service ${name} (${taskDefinition}, desired count ${count}).`);
    }
    else if ((service.desiredCount ?? 0) !== count) {
        await (0,ecs_services/* updateService */.bU)(deps.ecs, { cluster, service: name, desiredCount: count });
        done.push(`Old service ${name} scaled back to ${count}.`);
    }
    const targets = await (0,describe/* describeScalableTargets */.Lk)(deps.autoscaling, cluster, name);
    const suspended = targets.filter((t) => t.SuspendedState?.DynamicScalingInSuspended === true || t.SuspendedState?.DynamicScalingOutSuspended === true);
    if (suspended.length > 0) {
        const none = { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false };
        await (0,suspension/* resumeAutoScaling */.ks)(deps.autoscaling, suspended.map((t) => ({ ...t, SuspendedState: none })), deps.log);
        done.push(`Resumed the auto scaling of ${name}.`);
    }
    if (done.length > 0 && count > 0) {
        const steady = await deps.log.group(`Wait for service ${name} to reach a steady state`, () => (0,deploy/* waitForServiceStable */.fN)(deps, { cluster, service: name, deadline: deps.deadline, signal: deps.hardSignal }));
        if (!steady.ok)
            throw new Error(`old service ${name} did not reach a steady state: ${steady.message}`);
    }
    return done;
}
/** B6: the new service scaled to 0 (its tasks stop); kept, so a later deploy replaces it. */
async function scaleToZero(deps, cluster, service) {
    if (service?.status !== 'ACTIVE' || (service.desiredCount ?? 0) === 0)
        return undefined;
    await (0,ecs_services/* updateService */.bU)(deps.ecs, { cluster, service: service.serviceName ?? '', desiredCount: 0 });
    return `New service ${service.serviceName ?? ''} scaled to 0.`;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/rollback.js
/**
 * mode rollback (B6, B7), before or after a swap: the old service back at its saved count with its auto scaling
 * resumed (re-created when it was deleted); each route pointed back at its saved target group only where it changed
 * (the pair as one unit when both changed); old BLUE, new GREEN; the new service scaled to 0; the record that the
 * new service replaces the old one removed. Every step checks first, so a second rollback changes nothing.
 */







async function runRollback(deps, o) {
    const { log } = deps;
    const { routes, release } = await log.group('Find the load balancer, the target groups and the services', async () => {
        const r = await findRoutes(deps.elb, o.routes, { signal: deps.signal });
        return { routes: r, release: await findRelease(deps, o.cluster, o.baseName, o.record, r, 'rollback') };
    });
    const outputs = routeOutputs(routes);
    if (release === undefined) {
        log.info(`Nothing to roll back: no service of ${o.baseName} is tagged as replacing the other (no release since the last rollback).`);
        return { ok: true, outputs, rows: [['Rollback', 'nothing to roll back']] };
    }
    log.info(`Rolling back ${release.newName} to ${release.oldName ?? 'no old service'} (from ${release.source})`);
    const done = [];
    try {
        const old = release.oldService;
        if (old !== undefined)
            done.push(...(await log.group('Restore the old service', () => restoreOld(deps, o.cluster, old))));
        done.push(...(await log.group('Point the listeners back', () => pointBack(deps, routes, release))));
        await log.group('Tag the services and scale the new one to 0', async () => {
            if (await setColour(deps, release.oldService, BLUE))
                done.push(`${release.oldName ?? ''} tagged ${BLUE}`);
            if (await setColour(deps, release.newService, GREEN))
                done.push(`${release.newName} tagged ${GREEN}`);
            const scaled = await scaleToZero(deps, o.cluster, release.newService);
            if (scaled !== undefined)
                done.push(scaled);
            if (release.newService?.serviceArn !== undefined && (0,ecs_services/* tagValue */.EZ)(release.newService, REPLACES_TAG) !== undefined) {
                await (0,ecs_services/* untagResource */.Q2)(deps.ecs, release.newService.serviceArn, [REPLACES_TAG]);
            }
        });
    }
    catch (e) {
        const cause = e instanceof core_elb/* RouteSwapError */.Ll ? e.message : `Rollback Failed: ${(0,errors/* describeError */.Uc)(e)}`;
        return { ok: false, cause, outputs, rows: [['Done before the failure', done.join(' ') || 'nothing']] };
    }
    for (const line of done)
        log.info(line);
    log.info(done.length === 0 ? 'Nothing to change: already rolled back.' : 'Rollback Successful.');
    return { ok: true, outputs, rows: [['Rolled back', `${release.newName} \u2192 ${release.oldName ?? '-'}`], ['Changes', done.join(' ') || 'none']] };
}
/** Each route back at its saved group where it changed; both changed (a finished swap): swapped back as one unit. */
async function pointBack(deps, routes, release) {
    const prodNow = forwardedGroups(routes.prod, 'prod-listener');
    const stageNow = forwardedGroups(routes.stage, 'stage-listener');
    const prodOk = liveGroup(prodNow) === release.oldTargetGroupArn && prodNow.length === 1;
    const stageOk = liveGroup(stageNow) === release.newTargetGroupArn && stageNow.length === 1;
    if (prodOk && stageOk)
        return [];
    if (liveGroup(prodNow) === release.newTargetGroupArn && liveGroup(stageNow) === release.oldTargetGroupArn && prodNow.length === 1 && stageNow.length === 1) {
        await (0,core_elb/* swapRoutes */.qU)(deps.elb, routes.prod, routes.stage);
        return [`${(0,core_elb/* describeRoute */.fx)(routes.prod)} forwards to ${release.oldTargetGroupArn} again, ${(0,core_elb/* describeRoute */.fx)(routes.stage)} to ${release.newTargetGroupArn}.`];
    }
    const done = [];
    const back = async (route, ok, arn) => {
        if (ok)
            return;
        await (0,core_elb/* pointRouteAt */.Zl)(deps.elb, route, [{ arn, weight: 1 }]);
        done.push(`${(0,core_elb/* describeRoute */.fx)(route)} forwards to ${arn} again.`);
    };
    await back(routes.prod, prodOk, release.oldTargetGroupArn);
    await back(routes.stage, stageOk, release.newTargetGroupArn);
    return done;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/bake/index.js + 2 modules
var bake = __webpack_require__(5701);
// EXTERNAL MODULE: ./.build/dist-src/src/core/cloudwatch/index.js
var cloudwatch = __webpack_require__(7818);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/traffic.js
/**
 * B5 `traffic-steps` (Application Load Balancers): prod traffic moves to the new target group step by step through
 * one weighted forward action (old and new groups), each step baked (src/core/bake: the new service's tasks
 * running and healthy targets, the alarms out of ALARM); the last step (100) points prod at the new group alone and
 * stage at the old one as one unit. A failed bake, or a cancel, returns prod to 100 % old and fails the step. A
 * load balancer that refuses a weighted forward (a network one) fails the first step with ELBv2's reason, and
 * nothing has changed.
 */




/** Undefined when prod forwards to the new target group alone; else why the shift failed (prod back on the old one). */
async function shiftTraffic(deps, o, routes, release) {
    await (0,cloudwatch/* checkAlarmsExist */.wb)(deps.cloudwatch, o.alarms, 'alarms', { signal: deps.signal });
    const { log } = deps;
    const prod = (0,core_elb/* describeRoute */.fx)(routes.prod);
    for (const [i, percent] of o.trafficSteps.entries()) {
        const label = `step ${i + 1} of ${o.trafficSteps.length} (${percent} %)`;
        if (percent === 100)
            return finalStep(deps, routes, release, label);
        const moved = await log.group(`Traffic ${label}: ${percent} % of prod to ${release.newName}`, async () => {
            try {
                const weights = [{ arn: release.oldTargetGroupArn, weight: 100 - percent }, { arn: release.newTargetGroupArn, weight: percent }];
                await (0,core_elb/* pointRouteAt */.Zl)(deps.elb, routes.prod, weights, { signal: deps.signal });
                log.info(`${prod} forwards ${100 - percent} % to ${release.oldTargetGroupArn} and ${percent} % to ${release.newTargetGroupArn}`);
                return undefined;
            }
            catch (e) {
                if ((0,errors/* isConfigurationError */.p0)(e))
                    throw e;
                if ((0,errors/* isCancelledError */.wm)(e))
                    return `traffic-steps: cancelled before ${label}`;
                if (i === 0)
                    return `traffic-steps: ${prod} refused the weighted forward, so traffic cannot move in steps: ${(0,errors/* describeError */.Uc)(e)}. Nothing was changed`;
                return `traffic-steps: ${label} failed: ${(0,errors/* describeError */.Uc)(e)}`;
            }
        });
        if (moved !== undefined)
            return i === 0 && !deps.signal.aborted ? moved : `${moved}. ${await backToOld(deps, routes, release)}`;
        const baked = await log.group(`Bake ${label}`, () => (0,bake/* bake */.W)(deps, {
            durationMs: o.stepBakeSeconds * 1000,
            deadline: deps.deadline,
            cluster: o.cluster,
            serviceName: release.newName,
            targetGroupArns: [release.newTargetGroupArn],
            alarms: o.alarms,
            label,
        }));
        if (!baked.ok)
            return `${baked.cause}. ${await backToOld(deps, routes, release)}`;
    }
    return undefined;
}
/** The last step: prod to the new group alone and stage to the old one, as one unit. */
async function finalStep(deps, routes, release, label) {
    return deps.log.group(`Traffic ${label}: prod to ${release.newName}, stage to the old service`, async () => {
        try {
            await (0,core_elb/* pointRoutesAt */.wQ)(deps.elb, { route: routes.prod, groups: [{ arn: release.newTargetGroupArn, weight: 1 }] }, { route: routes.stage, groups: [{ arn: release.oldTargetGroupArn, weight: 1 }] }, { signal: deps.signal });
            deps.log.info(`${(0,core_elb/* describeRoute */.fx)(routes.prod)} now forwards to ${release.newTargetGroupArn}, ${(0,core_elb/* describeRoute */.fx)(routes.stage)} to ${release.oldTargetGroupArn}`);
            return undefined;
        }
        catch (e) {
            const why = e instanceof core_elb/* RouteSwapError */.Ll ? e.message : (0,errors/* describeError */.Uc)(e);
            return `traffic-steps: ${label} failed: ${why}. ${await backToOld(deps, routes, release)}`;
        }
    });
}
/** Prod back to 100 % on the old target group; never interrupted by a cancel. */
async function backToOld(deps, routes, release) {
    try {
        await (0,core_elb/* pointRouteAt */.Zl)(deps.elb, routes.prod, [{ arn: release.oldTargetGroupArn, weight: 1 }]);
        const done = `Prod traffic is back on ${release.oldTargetGroupArn} (100 %).`;
        deps.log.info(done);
        return done;
    }
    catch (e) {
        return `Putting prod traffic back on ${release.oldTargetGroupArn} failed too: ${(0,errors/* describeError */.Uc)(e)}; set ${(0,core_elb/* describeRoute */.fx)(routes.prod)} by hand.`;
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/swap.js
/**
 * mode swap (B5, B7): the prod route to the new service's target group and the stage route to the old one, as one
 * unit (src/core/elb swapRoutes: the first change put back when the second fails, a cancel honoured only before the
 * first change); then the new service tagged BLUE and the old one GREEN; then, unless downsize-old-service is
 * false, the old service downsized to 0 after downsize-delay-seconds. With traffic-steps, prod moves gradually
 * (traffic.ts) before the final swap.
 */







async function runSwap(deps, o) {
    const { log } = deps;
    const { routes, release } = await log.group('Find the load balancer, the target groups and the services', async () => {
        const r = await findRoutes(deps.elb, o.routes, { signal: deps.signal });
        const found = await findRelease(deps, o.cluster, o.baseName, o.record, r, 'swap');
        if (found === undefined)
            throw new errors/* ConfigurationError */.j1('no stage service to swap to', { input: 'stage-service' });
        log.info(`New service ${found.newName} (${found.newTargetGroupArn}), old service ${found.oldName ?? 'none'} (${found.oldTargetGroupArn}), from ${found.source}`);
        return { routes: r, release: found };
    });
    checkNewService(release);
    const outputs = swapOutputs(routes, release);
    const rows = [
        ['New (blue) service', release.newName],
        ['Old (green) service', release.oldName ?? '-'],
    ];
    const moved = await moveTraffic(deps, o, routes, release);
    if (moved !== undefined)
        return { ok: false, cause: moved, outputs, rows };
    await log.group('Tag the services', async () => {
        await setColour(deps, release.newService, BLUE);
        await setColour(deps, release.oldService, GREEN);
    });
    log.info('Swapping Successful.');
    const downsized = await downsizeOld(deps, o, release);
    rows.push(['Prod target group', release.newTargetGroupArn], ['Old service', downsized.message]);
    return { ok: downsized.ok, cause: downsized.ok ? undefined : downsized.message, outputs, rows };
}
/** The new service must be ACTIVE and run tasks: prod traffic is never moved to a service with nothing behind it. */
function checkNewService(release) {
    const s = release.newService;
    if (s?.status !== 'ACTIVE') {
        throw new errors/* ConfigurationError */.j1(`the stage service ${release.newName} is not ACTIVE (${s?.status ?? 'not found'}): run mode deploy first`, {
            input: 'stage-service',
        });
    }
    if ((s.runningCount ?? 0) === 0 || (s.desiredCount ?? 0) === 0) {
        throw new errors/* ConfigurationError */.j1(`the stage service ${release.newName} runs no tasks (desired ${s.desiredCount ?? 0}, running ${s.runningCount ?? 0}): prod traffic would reach nothing`, { input: 'stage-service' });
    }
}
/** The listener changes; undefined when prod now forwards to the new target group, else the failure. */
async function moveTraffic(deps, o, routes, release) {
    const prodNow = liveGroup(forwardedGroups(routes.prod, 'prod-listener'));
    const stageNow = liveGroup(forwardedGroups(routes.stage, 'stage-listener'));
    if (prodNow === release.newTargetGroupArn && stageNow === release.oldTargetGroupArn) {
        deps.log.info(`Already swapped: ${(0,core_elb/* describeRoute */.fx)(routes.prod)} forwards to ${release.newTargetGroupArn}. No listener is changed.`);
        return undefined;
    }
    if (stageNow !== release.newTargetGroupArn) {
        throw new errors/* ConfigurationError */.j1(`${(0,core_elb/* describeRoute */.fx)(routes.stage)} forwards to ${stageNow ?? 'several target groups'}, not to the new service's target group ${release.newTargetGroupArn}`, { input: 'stage-listener' });
    }
    if (prodNow !== undefined && prodNow !== release.oldTargetGroupArn) {
        throw new errors/* ConfigurationError */.j1(`${(0,core_elb/* describeRoute */.fx)(routes.prod)} forwards to ${prodNow}, not to the old service's target group ${release.oldTargetGroupArn}: the routes changed since mode deploy`, { input: 'prod-listener' });
    }
    if (o.trafficSteps.length > 0)
        return shiftTraffic(deps, o, routes, release);
    return deps.log.group('Swap the prod and stage listeners', async () => {
        try {
            const [prod, stage] = await (0,core_elb/* swapRoutes */.qU)(deps.elb, routes.prod, routes.stage, { signal: deps.signal });
            deps.log.info(`${(0,core_elb/* describeRoute */.fx)(prod.route)} now forwards to ${release.newTargetGroupArn}`);
            deps.log.info(`${(0,core_elb/* describeRoute */.fx)(stage.route)} now forwards to ${release.oldTargetGroupArn}`);
            return undefined;
        }
        catch (e) {
            if (e instanceof core_elb/* RouteSwapError */.Ll)
                return e.message;
            throw e;
        }
    });
}
/** B5: after downsize-delay-seconds (at most the time left), the old service to 0; a cancel skips it. */
async function downsizeOld(deps, o, release) {
    const old = release.oldService;
    if (old?.status !== 'ACTIVE')
        return { ok: true, message: 'no old service to downsize' };
    if (!o.downsizeOldService)
        return { ok: true, message: `${release.oldName ?? ''} kept running (downsize-old-service: false)` };
    return deps.log.group(`Downsize the old service ${old.serviceName ?? ''}`, async () => {
        const delay = Math.min(o.downsizeDelaySeconds * 1000, deps.deadline.remainingMs());
        if (delay > 0) {
            deps.log.info(`Waiting ${Math.round(delay / 1000)} s (downsize-delay-seconds) before downsizing the old service`);
            await deps.sleep(delay, deps.signal).catch(() => undefined);
        }
        if (deps.signal.aborted) {
            return { ok: false, message: `cancelled after the swap: the listeners are swapped, but the old service ${old.serviceName ?? ''} was not downsized` };
        }
        try {
            const message = await downsize(deps, o.cluster, old);
            deps.log.info(message);
            return { ok: true, message };
        }
        catch (e) {
            return { ok: false, message: `the swap succeeded, but downsizing the old service failed: ${(0,errors/* describeError */.Uc)(e)}` };
        }
    });
}
function swapOutputs(routes, release) {
    return [
        ['targetGroupArn', release.newTargetGroupArn],
        ['prodTargetGroupArn', release.oldTargetGroupArn],
        ['stageServiceName', release.newName],
        ['blueServiceName', release.oldName ?? ''],
        ...routeOutputs(routes),
    ];
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-bluegreen-swap/main.js
/**
 * ecs-bluegreen-swap (docs/contract.md, B1\u2013B7). Orchestration only:
 *   S3      read and check every input and manifest before any AWS call (inputs.ts)
 *   S13     dry-run: say what the mode would do, change nothing (dry-run.ts)
 *   B1\u2013B4   mode deploy: the stage service behind the stage target group, steady and healthy (deploy.ts)
 *   B5      mode swap: prod and stage routes swapped as one unit, colours, the old service downsized (swap.ts)
 *   B6      mode rollback: the old service and the routes back, the new service to 0 (rollback.ts)
 *   B7      swap and rollback from deploy's outputs or from the BG_VERSION tags (pair.ts)
 * With github-token, the run is recorded as a GitHub deployment (in_progress \u2192 success / failure).
 */









async function main(rt) {
    const options = await (0,action/* readInputs */.Ko)(rt, readOptions, (_, o) => {
        rt.log.info(`Mode: ${o.mode}; services ${o.baseName}__1 / ${o.baseName}__2 in cluster ${o.cluster}`);
        rt.log.info(`Load balancer ${o.routes.loadBalancer}: prod ${o.routes.prodRule ?? o.routes.prodListener}, stage ${o.routes.stageRule ?? o.routes.stageListener}`);
    });
    const aws = (0,clients/* createAwsClients */.Gv)({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
    const deps = {
        ...(0,action/* runDepsOf */.Ld)(rt, aws),
        ecs: aws.ecs,
        elb: aws.elb,
        autoscaling: aws.autoscaling,
        cloudwatch: aws.cloudwatch,
        deadline: new time/* Deadline */.B2(rt.clock, options.timeoutMinutes * 60_000),
    };
    if (options.dryRun)
        return dryRun(rt, deps, options);
    const record = await (0,action/* startActionRecord */.OI)(rt, options.github, {
        description: `ecs-bluegreen-swap: ${options.mode} of ${options.baseName}`,
        payload: { cluster: options.cluster, service: options.baseName, mode: options.mode },
    });
    const result = await (0,action/* recordErrors */.b)(record, () => run(deps, options));
    await (0,action/* finishAction */._Q)(rt, () => report(options, result), record);
}
function run(deps, o) {
    switch (o.mode) {
        case 'deploy':
            return runDeploy(deps, o);
        case 'swap':
            return runSwap(deps, o);
        case 'rollback':
            return runRollback(deps, o);
    }
}
function report(o, r) {
    const what = `${o.mode} of ${o.baseName}`;
    return {
        succeeded: r.ok,
        outputs: r.outputs,
        heading: `ecs-bluegreen-swap: ${r.ok ? '\u2705' : '\u274c'} ${what} ${r.ok ? 'succeeded' : 'failed'}`,
        rows: [['Mode', o.mode], ['Cluster', o.cluster], ...r.rows],
        sections: r.ok ? [] : [(0,action/* failureSection */.mo)(r.cause ?? 'failed')],
        failure: r.ok ? undefined : (r.cause ?? 'failed'),
        status: r.ok ? `${what} succeeded` : (r.cause ?? 'failed'),
    };
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

export const id = 368;
export const ids = [368];
export const modules = {

/***/ 5701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* reexport */ bake)
});

// EXTERNAL MODULE: ./.build/dist-src/src/core/poll/index.js + 2 modules
var poll = __webpack_require__(3256);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
// EXTERNAL MODULE: ./.build/dist-src/src/core/cloudwatch/index.js
var cloudwatch = __webpack_require__(7818);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/index.js + 35 modules
var deploy = __webpack_require__(4699);
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




/** Reads a round makes: DescribeTasks, one DescribeTargetHealth per target group and DescribeAlarms hit three
 * different services' rate limits, so the read budget is larger than a single-service wait's. */
const READS_PER_MINUTE = 60;
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
            readsPerMinute: READS_PER_MINUTE,
            onRetry: (e, kind) => log.info(`Bake: a ${kind} error, retrying: ${(0,errors/* describeError */.Uc)(e)}`),
        }, async (round) => {
            const checked = await watch.check(round);
            if (!checked.ok)
                return checked;
            const now = round.now();
            countdown.maybeLog(log, Math.max(0, endsAt - now), checked.summary);
            return now >= endsAt ? { ok: true } : undefined;
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


/***/ }),

/***/ 925:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ll: () => (/* reexport */ RouteSwapError),
  fx: () => (/* reexport */ describeRoute),
  __: () => (/* reexport */ describeTargetGroup),
  fw: () => (/* reexport */ describeTargetHealth),
  xP: () => (/* reexport */ describeTargetReport),
  rH: () => (/* reexport */ expectedTargetOf),
  $6: () => (/* reexport */ findRoute),
  pl: () => (/* reexport */ forwardOf),
  _O: () => (/* reexport */ matchTargets),
  Zl: () => (/* reexport */ pointRouteAt),
  wQ: () => (/* reexport */ pointRoutesAt),
  Bf: () => (/* reexport */ routeForward),
  Cr: () => (/* reexport */ routeTargetGroup),
  UO: () => (/* reexport */ serviceTargets),
  qU: () => (/* reexport */ swapRoutes),
  IT: () => (/* reexport */ targetGroupName),
  mT: () => (/* reexport */ waitForHealthyTargets)
});

// UNUSED EXPORTS: DEREGISTRATION_DELAY_ATTRIBUTE, describeTargetGroups, findListener, findLoadBalancer, findRule, listListeners, listenerArnOfRule, mainTargetGroup, readRules, replaceTargetGroup, requireForward, setRuleActions, withTargetGroups

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var dist_cjs = __webpack_require__(586);
// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/call-options.js
var call_options = __webpack_require__(8820);
// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/errors.js
var errors = __webpack_require__(952);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var core_errors = __webpack_require__(9054);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/lookup-errors.js
/**
 * How a lookup of something the user named fails: a ConfigurationError that names the input (when the caller
 * says which) and what was looked for. ELBv2's own "not found" and ValidationError answers to a lookup are the
 * user's to fix; every other error (access denied, throttling, outages) propagates unchanged.
 */


function lookupError(detail, opts) {
    return new core_errors/* ConfigurationError */.j1(detail, opts.input === undefined ? {} : { input: opts.input });
}
/**
 * `e` as the error to throw for a failed lookup of `what` (e.g. `load balancer 'web'`): one of `notFound` (SDK error
 * names) \u2192 "<what> not found\u2026"; ValidationError (a malformed name or ARN) \u2192 AWS's reason; else `e` itself.
 */
function lookupFailure(e, what, notFound, opts) {
    if ((0,errors/* hasErrorName */.uI)(e, ...notFound))
        return lookupError(`${what} not found`, opts);
    if ((0,errors/* hasErrorName */.uI)(e, 'ValidationError'))
        return lookupError(`${what}: ELBv2 refused the name: ${(0,core_errors/* describeError */.Uc)(e)}`, opts);
    return e;
}
const ARN_RE = /^arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:([a-z-]+)\/.+$/;
function isArn(ref) {
    return ref.startsWith('arn:');
}
/**
 * Checks that `arn` is an ELBv2 ARN of `resource` (`loadbalancer`, `listener`, `listener-rule`, `targetgroup`), so a
 * target group ARN given as a listener is refused with a clear message before any call.
 */
function checkArnKind(arn, resource, what, opts) {
    const kind = ARN_RE.exec(arn)?.[1];
    if (kind === resource)
        return;
    const seen = kind === undefined ? 'not an Elastic Load Balancing ARN' : `a ${kind} ARN`;
    throw lookupError(`'${arn}' is ${seen}, expected ${what} ARN (\u2026:elasticloadbalancing:\u2026:${resource}/\u2026)`, opts);
}
/**
 * One read of something the user named (`what`), told to `opts.onCall` as `operation`: its ELBv2 "not found"
 * (`notFound`) or ValidationError answer, or no item at all, is a ConfigurationError.
 */
async function lookupOne(what, operation, notFound, opts, read) {
    let found;
    try {
        opts.onCall?.(operation);
        found = await read();
    }
    catch (e) {
        throw lookupFailure(e, what, notFound, opts);
    }
    if (found === undefined)
        throw lookupError(`${what} not found`, opts);
    return found;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/load-balancers.js
/** A load balancer by name or ARN (application or network). */



const NOT_FOUND = ['LoadBalancerNotFoundException', 'LoadBalancerNotFound'];
/**
 * DescribeLoadBalancers for `ref`, a load balancer name or ARN. A load balancer that does not exist, or that is a
 * gateway load balancer, is a ConfigurationError naming `opts.input`.
 */
async function findLoadBalancer(elb, ref, opts = {}) {
    const name = ref.trim();
    if (name === '')
        throw lookupError('a load balancer name or ARN is required', opts);
    const byArn = isArn(name);
    if (byArn)
        checkArnKind(name, 'loadbalancer', 'a load balancer', opts);
    const what = `load balancer '${name}'`;
    const found = await lookupOne(what, 'DescribeLoadBalancers', NOT_FOUND, opts, async () => {
        const input = byArn ? { LoadBalancerArns: [name] } : { Names: [name] };
        const out = await elb.send(new dist_cjs/* DescribeLoadBalancersCommand */.AZi(input), (0,call_options/* httpOptions */.$)(opts));
        return out.LoadBalancers?.find((lb) => lb.LoadBalancerArn !== undefined);
    });
    const type = found.Type;
    if (type !== 'application' && type !== 'network') {
        throw lookupError(`${what} is a ${type ?? 'load balancer of unknown type'}; only application and network load balancers route service traffic`, opts);
    }
    return { arn: found.LoadBalancerArn ?? '', name: found.LoadBalancerName ?? name, type, dnsName: found.DNSName };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/pages.js
/** ELBv2 Describe* calls page with `Marker` / `NextMarker`. */
/** Pages followed at most (400 items a page: far beyond any load balancer's listeners or a listener's rules). */
const MAX_PAGES = 20;
/** Every item of a Marker-paged read; `page(marker)` makes one call. */
async function allPages(page) {
    const items = [];
    let marker;
    for (let n = 0; n < MAX_PAGES; n++) {
        const out = await page(marker);
        items.push(...(out.items ?? []));
        marker = out.next;
        if (marker === undefined || marker === '')
            break;
    }
    return items;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/listeners.js
/** A listener of a load balancer, by ARN or by port. */




const listeners_NOT_FOUND = ['ListenerNotFoundException', 'ListenerNotFound'];
function toListenerInfo(l) {
    return {
        arn: l.ListenerArn ?? '',
        loadBalancerArn: l.LoadBalancerArn ?? '',
        port: l.Port,
        protocol: l.Protocol,
        defaultActions: l.DefaultActions ?? [],
    };
}
/** Every listener of the load balancer (DescribeListeners, all pages). */
async function listListeners(elb, loadBalancerArn, opts = {}) {
    const listeners = await allPages(async (Marker) => {
        opts.onCall?.('DescribeListeners');
        const out = await elb.send(new dist_cjs/* DescribeListenersCommand */.AKE({ LoadBalancerArn: loadBalancerArn, ...(Marker !== undefined ? { Marker } : {}) }), (0,call_options/* httpOptions */.$)(opts));
        return { items: out.Listeners, next: out.NextMarker };
    });
    return listeners.map(toListenerInfo);
}
/**
 * The listener `ref` of load balancer `lb`: a listener ARN (which must belong to `lb`) or a port (a number, or a
 * string of digits). Not found \u2192 ConfigurationError naming the ARN or port, the load balancer and `opts.input`.
 */
async function findListener(elb, lb, ref, opts = {}) {
    const text = String(ref).trim();
    if (isArn(text))
        return listenerByArn(elb, lb, text, opts);
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
        throw lookupError(`'${text}' is neither a listener ARN nor a port (1-65535) of load balancer ${lb.name}`, opts);
    }
    const port = Number(text);
    const listeners = await listListeners(elb, lb.arn, opts);
    const found = listeners.find((l) => l.port === port);
    if (found !== undefined)
        return found;
    const ports = listeners.map((l) => l.port).filter((p) => p !== undefined);
    const has = ports.length === 0 ? 'it has no listeners' : `it listens on ${ports.sort((a, b) => a - b).join(', ')}`;
    throw lookupError(`load balancer ${lb.name} has no listener on port ${port} (${has})`, opts);
}
async function listenerByArn(elb, lb, arn, opts) {
    checkArnKind(arn, 'listener', 'a listener', opts);
    const what = `listener '${arn}' of load balancer ${lb.name}`;
    const found = await lookupOne(what, 'DescribeListeners', listeners_NOT_FOUND, opts, async () => {
        const out = await elb.send(new dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [arn] }), (0,call_options/* httpOptions */.$)(opts));
        return out.Listeners?.[0];
    });
    const listener = toListenerInfo(found);
    if (listener.loadBalancerArn !== lb.arn) {
        throw lookupError(`listener '${arn}' belongs to load balancer '${listener.loadBalancerArn}', not to ${lb.name} (${lb.arn})`, opts);
    }
    return listener;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/rules.js
/** A listener rule by ARN, or the listener's default rule. */




const rules_NOT_FOUND = ['RuleNotFoundException', 'RuleNotFound'];
/**
 * The listener a rule belongs to, read from the rule's ARN: `\u2026:listener-rule/app/<lb>/<lb id>/<listener id>/<rule id>`
 * belongs to `\u2026:listener/app/<lb>/<lb id>/<listener id>`.
 */
function listenerArnOfRule(ruleArn) {
    return ruleArn.replace(':listener-rule/', ':listener/').replace(/\/[^/]*$/, '');
}
function toRuleInfo(rule, listenerArn) {
    return {
        arn: rule.RuleArn ?? '',
        listenerArn,
        isDefault: rule.IsDefault === true,
        priority: rule.Priority ?? '',
        actions: rule.Actions ?? [],
    };
}
/**
 * The rule `ruleArn` of `listener`, or, when `ruleArn` is undefined or empty, the listener's default rule
 * (`IsDefault`). A rule that does not exist or belongs to another listener is a ConfigurationError naming
 * `opts.input`.
 */
async function findRule(elb, listener, ruleArn, opts = {}) {
    const arn = ruleArn?.trim() ?? '';
    if (arn === '')
        return defaultRule(elb, listener, opts);
    checkArnKind(arn, 'listener-rule', 'a listener rule', opts);
    if (listenerArnOfRule(arn) !== listener.arn) {
        throw lookupError(`rule '${arn}' is not a rule of listener '${listener.arn}' (port ${listener.port ?? '?'})`, opts);
    }
    const what = `rule '${arn}' of listener '${listener.arn}'`;
    const found = await lookupOne(what, 'DescribeRules', rules_NOT_FOUND, opts, async () => {
        const out = await elb.send(new dist_cjs/* DescribeRulesCommand */.Ggo({ RuleArns: [arn] }), (0,call_options/* httpOptions */.$)(opts));
        return out.Rules?.[0];
    });
    return toRuleInfo(found, listener.arn);
}
async function defaultRule(elb, listener, opts) {
    const rules = await allPages(async (Marker) => {
        opts.onCall?.('DescribeRules');
        const out = await elb.send(new dist_cjs/* DescribeRulesCommand */.Ggo({ ListenerArn: listener.arn, ...(Marker !== undefined ? { Marker } : {}) }), (0,call_options/* httpOptions */.$)(opts));
        return { items: out.Rules, next: out.NextMarker };
    });
    const found = rules.find((r) => r.IsDefault === true);
    if (found === undefined)
        throw lookupError(`listener '${listener.arn}' has no default rule`, opts);
    return toRuleInfo(found, listener.arn);
}
/** The current state of rules already found (one DescribeRules call): what a change is computed from. */
async function readRules(elb, rules, opts = {}) {
    opts.onCall?.('DescribeRules');
    const out = await elb.send(new dist_cjs/* DescribeRulesCommand */.Ggo({ RuleArns: rules.map((r) => r.arn) }), (0,call_options/* httpOptions */.$)(opts));
    return rules.map((rule) => {
        const fresh = out.Rules?.find((r) => r.RuleArn === rule.arn);
        if (fresh === undefined)
            throw new Error(`DescribeRules did not return rule '${rule.arn}'`);
        return toRuleInfo(fresh, rule.listenerArn);
    });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/forward.js

/** The first forward action of `actions` (in `Order`, else list order), or undefined when none forwards. */
function forwardOf(actions) {
    const ordered = actions.map((action, index) => ({ action, index }));
    ordered.sort((a, b) => (a.action.Order ?? a.index) - (b.action.Order ?? b.index));
    const found = ordered.find(({ action }) => action.Type === 'forward');
    if (found === undefined)
        return undefined;
    const { action, index } = found;
    const config = action.ForwardConfig;
    const tuples = config?.TargetGroups ?? [];
    const targetGroups = tuples.length > 0
        ? tuples.map((t) => ({ arn: t.TargetGroupArn ?? '', weight: t.Weight ?? 1 }))
        : action.TargetGroupArn !== undefined
            ? [{ arn: action.TargetGroupArn, weight: 1 }]
            : [];
    const sticky = config?.TargetGroupStickinessConfig;
    const stickiness = sticky === undefined
        ? undefined
        : { enabled: sticky.Enabled === true, ...(sticky.DurationSeconds !== undefined ? { durationSeconds: sticky.DurationSeconds } : {}) };
    return { index, targetGroups, stickiness };
}
/** forwardOf, or a ConfigurationError naming `where` (e.g. `the default rule of listener \u2026`) when nothing forwards. */
function requireForward(actions, where, opts = {}) {
    const forward = forwardOf(actions);
    if (forward === undefined || forward.targetGroups.length === 0) {
        const types = actions.map((a) => a.Type ?? '?').join(', ') || 'none';
        throw lookupError(`${where} has no forward action (its actions: ${types}); it must forward to a target group`, opts);
    }
    return forward;
}
/**
 * "The" target group of a forward action: the only group with a weight above 0. None, or several (a traffic shift in
 * progress), is a ConfigurationError naming `where`.
 */
function mainTargetGroup(forward, where, opts = {}) {
    const live = forward.targetGroups.filter((g) => g.weight > 0);
    const [only] = live;
    if (live.length === 1 && only !== undefined)
        return only.arn;
    if (live.length === 0)
        throw lookupError(`${where} forwards to no target group with a weight above 0`, opts);
    const split = live.map((g) => `${g.arn} (weight ${g.weight})`).join(', ');
    throw lookupError(`${where} splits traffic between ${split}; finish or undo that traffic shift first`, opts);
}
/** `groups` with `from` replaced by `to` at the same weight; an entry of `to` already there is dropped. */
function replaceTargetGroup(groups, from, to) {
    return groups.filter((g) => g.arn !== to || g.arn === from).map((g) => (g.arn === from ? { arn: to, weight: g.weight } : g));
}
/**
 * `actions` with their forward action now forwarding to `groups` (order and stickiness kept); every other action
 * is sent back as it was described. Throws when `actions` has no forward action.
 */
function withTargetGroups(actions, groups) {
    const forward = forwardOf(actions);
    if (forward === undefined)
        throw new Error('withTargetGroups: the actions have no forward action');
    if (groups.length === 0)
        throw new Error('withTargetGroups: a forward action needs at least one target group');
    return actions.map((action, i) => (i === forward.index ? forwardAction(action, groups, forward.stickiness) : resendable(action)));
}
function forwardAction(previous, groups, stickiness) {
    const order = previous.Order !== undefined ? { Order: previous.Order } : {};
    const [single] = groups;
    if (groups.length === 1 && single !== undefined && stickiness?.enabled !== true) {
        return { Type: 'forward', ...order, TargetGroupArn: single.arn };
    }
    const config = { TargetGroups: groups.map((g) => ({ TargetGroupArn: g.arn, Weight: g.weight })) };
    if (stickiness !== undefined) {
        config.TargetGroupStickinessConfig = {
            Enabled: stickiness.enabled,
            ...(stickiness.durationSeconds !== undefined ? { DurationSeconds: stickiness.durationSeconds } : {}),
        };
    }
    return { Type: 'forward', ...order, ForwardConfig: config };
}
/**
 * An action as described, made fit to send back: DescribeRules never returns an OIDC client secret, so an
 * authenticate-oidc action keeps the one ELBv2 has (`UseExistingClientSecret`).
 */
function resendable(action) {
    const oidc = action.AuthenticateOidcConfig;
    if (action.Type !== 'authenticate-oidc' || oidc === undefined || oidc.ClientSecret !== undefined)
        return action;
    return { ...action, AuthenticateOidcConfig: { ...oidc, UseExistingClientSecret: true } };
}
/** Target groups as text for logs and errors: `arn` or `arn (weight 90), arn (weight 10)`. */
function describeTargetGroups(groups) {
    const [only] = groups;
    if (groups.length === 1 && only !== undefined)
        return only.arn;
    return groups.map((g) => `${g.arn} (weight ${g.weight})`).join(', ');
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/route.js




/** Finds the load balancer (unless given), the listener and the rule; a missing one is a ConfigurationError. */
async function findRoute(elb, ref, opts = {}) {
    const call = { signal: opts.signal, onCall: opts.onCall };
    const inputs = opts.inputs ?? {};
    const loadBalancer = typeof ref.loadBalancer === 'string'
        ? await findLoadBalancer(elb, ref.loadBalancer, { ...call, input: inputs.loadBalancer })
        : ref.loadBalancer;
    const listener = await findListener(elb, loadBalancer, ref.listener, { ...call, input: inputs.listener });
    const rule = await findRule(elb, listener, ref.rule, { ...call, input: inputs.rule ?? inputs.listener });
    return { loadBalancer, listener, rule };
}
/** `the default rule of listener 443 (HTTPS) of load balancer shop`, `rule <arn> (priority 10) of listener \u2026`. */
function describeRoute(route) {
    const { listener, rule, loadBalancer } = route;
    const port = listener.port === undefined ? listener.arn : `${listener.port}${listener.protocol !== undefined ? ` (${listener.protocol})` : ''}`;
    const of = `listener ${port} of load balancer ${loadBalancer.name}`;
    return rule.isDefault ? `the default rule of ${of}` : `rule ${rule.arn} (priority ${rule.priority}) of ${of}`;
}
/** The forward action of the route's rule; none is a ConfigurationError naming the route and `input`. */
function routeForward(route, input) {
    return requireForward(route.rule.actions, describeRoute(route), { input });
}
/** The one target group the route forwards to (weight above 0); none or several is a ConfigurationError. */
function routeTargetGroup(route, input) {
    return mainTargetGroup(routeForward(route, input), describeRoute(route), { input });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/target-groups.js
/** A target group: port, protocol, type, health check and deregistration delay. */



const target_groups_NOT_FOUND = ['TargetGroupNotFoundException', 'TargetGroupNotFound'];
const DEREGISTRATION_DELAY_ATTRIBUTE = 'deregistration_delay.timeout_seconds';
/**
 * DescribeTargetGroups and DescribeTargetGroupAttributes for one target group ARN. A target group that does not
 * exist is a ConfigurationError naming `opts.input`.
 */
async function describeTargetGroup(elb, arn, opts = {}) {
    checkArnKind(arn, 'targetgroup', 'a target group', opts);
    const what = `target group '${arn}'`;
    const found = await lookupOne(what, 'DescribeTargetGroups', target_groups_NOT_FOUND, opts, async () => {
        const out = await elb.send(new dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns: [arn] }), (0,call_options/* httpOptions */.$)(opts));
        return out.TargetGroups?.[0];
    });
    const attributes = await lookupOne(what, 'DescribeTargetGroupAttributes', target_groups_NOT_FOUND, opts, async () => {
        const out = await elb.send(new dist_cjs/* DescribeTargetGroupAttributesCommand */.cKh({ TargetGroupArn: arn }), (0,call_options/* httpOptions */.$)(opts));
        return out.Attributes ?? [];
    });
    return toTargetGroupInfo(found, attributes.find((a) => a.Key === DEREGISTRATION_DELAY_ATTRIBUTE)?.Value);
}
function toTargetGroupInfo(tg, delay) {
    const seconds = delay === undefined || delay.trim() === '' ? undefined : Number(delay);
    return {
        arn: tg.TargetGroupArn ?? '',
        name: tg.TargetGroupName ?? '',
        port: tg.Port,
        protocol: tg.Protocol,
        targetType: tg.TargetType ?? 'instance',
        loadBalancerArns: tg.LoadBalancerArns ?? [],
        healthCheck: {
            enabled: tg.HealthCheckEnabled !== false,
            protocol: tg.HealthCheckProtocol,
            port: tg.HealthCheckPort,
            path: tg.HealthCheckPath,
            intervalSeconds: tg.HealthCheckIntervalSeconds,
            timeoutSeconds: tg.HealthCheckTimeoutSeconds,
            healthyThresholdCount: tg.HealthyThresholdCount,
            unhealthyThresholdCount: tg.UnhealthyThresholdCount,
        },
        deregistrationDelaySeconds: seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined,
    };
}
/** A target group's name from its ARN: `web-tg` from `arn:aws:elasticloadbalancing:\u2026:targetgroup/web-tg/0123\u2026`. */
function targetGroupName(arn) {
    return /targetgroup\/([^/]+)\//.exec(arn)?.[1] ?? arn;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/modify.js
/**
 * Changing where a route forwards. A listener's default rule is changed with ModifyListener (DefaultActions), any
 * other rule with ModifyRule (Actions). Mutations never carry the abort signal: a cancel is honoured before a
 * change is sent, never half-way through one (S10).
 */





/** Sends `actions` as the rule's actions; `onCall` is told ModifyListener or ModifyRule. No abort signal. */
async function setRuleActions(elb, rule, actions, opts = {}) {
    if (rule.isDefault) {
        opts.onCall?.('ModifyListener');
        await elb.send(new dist_cjs/* ModifyListenerCommand */.ugc({ ListenerArn: rule.listenerArn, DefaultActions: actions }));
    }
    else {
        opts.onCall?.('ModifyRule');
        await elb.send(new dist_cjs/* ModifyRuleCommand */.y5P({ RuleArn: rule.arn, Actions: actions }));
    }
}
/**
 * Points the route's forward action at `groups` with their weights (e.g. 90 % old, 10 % new), keeping the rest of
 * its actions and its stickiness. The rule is read again first, so the change starts from what is live. The
 * signal is checked before the change is sent (CancelledError), not during it.
 */
async function pointRouteAt(elb, route, groups, opts = {}) {
    const [rule] = await readRules(elb, [route.rule], opts);
    if (rule === undefined)
        throw new Error(`DescribeRules did not return rule '${route.rule.arn}'`);
    const before = requireForward(rule.actions, describeRoute(route)).targetGroups;
    const after = groups.map((g) => ({ arn: g.arn, weight: g.weight }));
    if (sameForward(before, after)) {
        return { changed: false, before, after };
    }
    throwIfCancelled(opts.signal);
    await setRuleActions(elb, rule, withTargetGroups(rule.actions, after), opts);
    return { changed: true, before, after };
}
/** The same groups at the same weights (one group alone takes all the traffic, whatever its weight). */
function sameForward(a, b) {
    if (a.length === 1 && b.length === 1)
        return a[0]?.arn === b[0]?.arn;
    return a.length === b.length && a.every((g, i) => g.arn === b[i]?.arn && g.weight === b[i]?.weight);
}
/** Throws the signal's reason (a CancelledError when the runtime aborted it) when it has aborted. */
function throwIfCancelled(signal) {
    if (signal?.aborted !== true)
        return;
    const reason = signal.reason;
    throw reason instanceof Error ? reason : new core_errors/* CancelledError */.cc('abort');
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/swap.js






class RouteSwapError extends Error {
    failedChange;
    changeError;
    restoreErrors;
    constructor(message, 
    /** Which change failed. */
    failedChange, changeError, 
    /** Errors of putting changes back; empty when every route is as it was before the swap. */
    restoreErrors) {
        super(message, { cause: changeError });
        this.failedChange = failedChange;
        this.changeError = changeError;
        this.restoreErrors = restoreErrors;
        this.name = 'RouteSwapError';
    }
    /** True when the routes are as they were before the swap. */
    get restored() {
        return this.restoreErrors.length === 0;
    }
}
/** Makes `first` forward to the target group of `second` and `second` to that of `first`; returns both changes. */
async function swapRoutes(elb, first, second, opts = {}) {
    if (first.rule.arn === second.rule.arn) {
        throw new core_errors/* ConfigurationError */.j1(`cannot swap ${describeRoute(first)} with itself: the two routes must differ`);
    }
    const [a, b] = await plan(elb, first, second, opts);
    return applyAsUnit(elb, a, b, opts);
}
/**
 * Points `first` and `second` at the given groups and weights as one unit, like swapRoutes: e.g. the last step of a
 * gradual shift (prod from 10 % / 90 % to the new group alone, stage to the old one). Each rule is read again first;
 * a rule without a forward action is a ConfigurationError.
 */
async function pointRoutesAt(elb, first, second, opts = {}) {
    const [ruleA, ruleB] = await readRules(elb, [first.route.rule, second.route.rule], opts);
    if (ruleA === undefined || ruleB === undefined)
        throw new Error('DescribeRules did not return both rules');
    const change = (route, rule, groups) => {
        const before = requireForward(rule.actions, describeRoute(route)).targetGroups;
        const after = groups.map((g) => ({ arn: g.arn, weight: g.weight }));
        return { route, rule, before, after, undo: withTargetGroups(rule.actions, before), redo: withTargetGroups(rule.actions, after) };
    };
    return applyAsUnit(elb, change(first.route, ruleA, first.groups), change(second.route, ruleB, second.groups), opts);
}
/** The two planned changes as one unit: the signal honoured only before the first, the first put back on failure. */
async function applyAsUnit(elb, a, b, opts) {
    throwIfCancelled(opts.signal); // the last moment a cancel is honoured
    const unstoppable = { onCall: opts.onCall };
    try {
        await setRuleActions(elb, a.rule, a.redo, unstoppable);
    }
    catch (e) {
        // A 4xx answer changed nothing; a timeout or 5xx may have applied the change: put it back to be sure.
        const restoreErrors = mayHaveApplied(e) ? await putBack(elb, [a], unstoppable) : [];
        throw swapError('first', a, e, restoreErrors);
    }
    try {
        await setRuleActions(elb, b.rule, b.redo, unstoppable);
    }
    catch (e) {
        const undo = mayHaveApplied(e) ? [b, a] : [a];
        throw swapError('second', b, e, await putBack(elb, undo, unstoppable));
    }
    return [summary(a), summary(b)];
}
async function plan(elb, first, second, opts) {
    const [ruleA, ruleB] = await readRules(elb, [first.rule, second.rule], opts);
    if (ruleA === undefined || ruleB === undefined)
        throw new Error('DescribeRules did not return both rules');
    const forwardA = requireForward(ruleA.actions, describeRoute(first));
    const forwardB = requireForward(ruleB.actions, describeRoute(second));
    const groupA = mainTargetGroup(forwardA, describeRoute(first));
    const groupB = mainTargetGroup(forwardB, describeRoute(second));
    if (groupA === groupB) {
        throw new core_errors/* ConfigurationError */.j1(`${describeRoute(first)} and ${describeRoute(second)} both forward to ${groupA}: there is nothing to swap`);
    }
    const change = (route, rule, before, from, to) => {
        const after = replaceTargetGroup(before, from, to);
        return { route, rule, before, after, undo: withTargetGroups(rule.actions, before), redo: withTargetGroups(rule.actions, after) };
    };
    return [change(first, ruleA, forwardA.targetGroups, groupA, groupB), change(second, ruleB, forwardB.targetGroups, groupB, groupA)];
}
function mayHaveApplied(e) {
    return (0,errors/* classifyAwsError */.u3)(e) !== 'fatal';
}
/** Puts each change back in turn, without the signal; returns the errors (empty: all put back). */
async function putBack(elb, changes, opts) {
    const errors = [];
    for (const change of changes) {
        try {
            await setRuleActions(elb, change.rule, change.undo, opts);
        }
        catch (e) {
            errors.push(e);
        }
    }
    return errors;
}
function swapError(which, failed, error, restoreErrors) {
    const head = `Swapping target groups failed: the ${which} change (${describeRoute(failed.route)}) failed: ${(0,core_errors/* describeError */.Uc)(error)}.`;
    const tail = restoreErrors.length === 0
        ? which === 'first'
            ? ' Nothing was changed.'
            : ' The first change was put back: both routes forward as before the swap.'
        : ` Putting the routes back failed too: ${restoreErrors.map(core_errors/* describeError */.Uc).join('; ')}. Check both routes and set them by hand.`;
    return new RouteSwapError(head + tail, which, error, restoreErrors);
}
function summary(change) {
    return { route: change.route, before: change.before, after: change.after };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/target-health.js
/**
 * Which of the targets we expect (a service's tasks, as ECS registers them) are registered in a target group, and
 * in what health: one DescribeTargetHealth call for the whole group, matched against the expected targets.
 */


/** Every target registered in the group with its health (DescribeTargetHealth without a target list). */
async function describeTargetHealth(elb, targetGroupArn, opts = {}) {
    opts.onCall?.('DescribeTargetHealth');
    const out = await elb.send(new dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: targetGroupArn }), (0,call_options/* httpOptions */.$)(opts));
    return out.TargetHealthDescriptions ?? [];
}
/** Matches each expected target to a registered one and reports its health. */
function matchTargets(expected, registered) {
    const known = new Set(expected.filter((e) => e.id !== undefined).map((e) => `${e.id}:${e.port}`));
    return expected.map((e) => {
        if (e.id === undefined && e.byPortAlone !== true)
            return { expected: e, state: 'unknown', description: 'the task has no address yet' };
        const candidates = registered.filter((d) => d.Target?.Port === e.port && (e.id !== undefined ? d.Target.Id === e.id : !known.has(`${d.Target.Id ?? ''}:${e.port}`)));
        const [found] = candidates;
        if (candidates.length > 1) {
            return { expected: e, state: 'unknown', description: `${candidates.length} targets use port ${e.port}; the task's instance id is needed to tell which` };
        }
        if (found === undefined)
            return { expected: e, state: 'not-registered' };
        const health = found.TargetHealth;
        return {
            expected: e,
            id: found.Target?.Id,
            port: found.Target?.Port,
            state: (health?.State ?? 'unknown'),
            reason: health?.Reason,
            description: health?.Description,
        };
    });
}
/** `10.0.1.5:8080 (task 0123abcd) unhealthy: Target.FailedHealthChecks (Health checks failed)` */
function describeTargetReport(report) {
    const address = `${report.id ?? report.expected.id ?? '?'}:${report.port ?? report.expected.port}`;
    const task = report.expected.taskArn !== undefined ? ` (task ${report.expected.taskArn.split('/').pop() ?? ''})` : '';
    const why = [report.reason, report.description].filter((x) => x !== undefined && x !== '');
    const detail = why.length === 0 ? '' : why.length === 1 ? `: ${why[0] ?? ''}` : `: ${why[0] ?? ''} (${why[1] ?? ''})`;
    return `${address}${task} ${report.state}${detail}`;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/tasks.js
var ecs_tasks = __webpack_require__(9417);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/task-targets.js

function expectedTargetOf(task, binding, instanceIdOf) {
    const taskArn = task.taskArn;
    const container = task.containers?.find((c) => c.name === binding.containerName);
    const eni = task.attachments?.find((a) => a.type === 'ElasticNetworkInterface');
    if (eni !== undefined || (container?.networkInterfaces?.length ?? 0) > 0) {
        const ip = eni?.details?.find((d) => d.name === 'privateIPv4Address')?.value ?? container?.networkInterfaces?.[0]?.privateIpv4Address;
        return { taskArn, id: ip, port: binding.containerPort };
    }
    const hostPort = container?.networkBindings?.find((b) => b.containerPort === binding.containerPort)?.hostPort;
    const instance = task.containerInstanceArn !== undefined ? instanceIdOf?.(task.containerInstanceArn) : undefined;
    if (hostPort === undefined)
        return { taskArn, id: undefined, port: binding.containerPort };
    return instance !== undefined ? { taskArn, id: instance, port: hostPort } : { taskArn, port: hostPort, byPortAlone: true };
}
/**
 * A reader of the targets of the service's tasks that should be running (ListTasks desiredStatus RUNNING, then
 * DescribeTasks), for waitForHealthyTargets.
 */
function serviceTargets(ecs, req) {
    return async (call) => {
        const arns = await (0,ecs_tasks/* listServiceTaskArns */.lI)(ecs, { cluster: req.cluster, serviceName: req.service }, call);
        if (arns.length === 0)
            return [];
        const { tasks } = await (0,ecs_tasks/* describeTasks */.yz)(ecs, req.cluster, arns, call);
        return tasks.filter((t) => t.desiredStatus !== 'STOPPED').map((t) => expectedTargetOf(t, req, req.instanceIdOf));
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/poll/index.js + 2 modules
var poll = __webpack_require__(3256);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/wait-healthy.js


const SETTLED = new Set(['healthy', 'initial']);
const UNHEALTHY = new Set(['unhealthy', 'unhealthy.draining']);
async function waitForHealthyTargets(deps, request, options) {
    const minimum = Math.max(1, request.minimum ?? 1);
    let expected;
    let reports = [];
    const seen = new Map();
    const round = async (r) => {
        const call = { signal: r.signal, onCall: options.onCall };
        const health = await describeTargetHealth(deps.elb, request.targetGroupArn, call); // the round's own read
        if (expected === undefined || reports.some((t) => !SETTLED.has(t.state)) || reports.length < minimum) {
            const onCall = (op) => {
                r.read(op);
                options.onCall?.(op);
            };
            expected = await request.targets({ signal: r.signal, onCall });
        }
        reports = matchTargets(expected, health);
        for (const report of reports)
            notifyChange(report, seen, request.onChange);
        if (request.failOnUnhealthy === true && reports.some((t) => UNHEALTHY.has(t.state)))
            return 'unhealthy';
        return reports.length >= minimum && reports.every((t) => t.state === 'healthy') ? 'healthy' : undefined;
    };
    const end = await (0,poll/* poll */.wt)(deps, options, round);
    switch (end.kind) {
        case 'done':
            return { kind: end.value, targets: reports, rounds: end.rounds };
        case 'timeout':
            return { kind: 'timeout', targets: reports, rounds: end.rounds, lastError: end.lastError };
        case 'cancelled':
            return { kind: 'cancelled', targets: reports, rounds: end.rounds };
    }
}
function notifyChange(report, seen, onChange) {
    const key = report.expected.taskArn ?? `${report.expected.id ?? '?'}:${report.expected.port}`;
    const now = `${report.state}|${report.reason ?? ''}`;
    if (seen.get(key) === now)
        return;
    seen.set(key, now);
    onChange?.(report);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/elb/index.js













/***/ })

};

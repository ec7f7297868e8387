export const id = 807;
export const ids = [807];
export const modules = {

/***/ 8807:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5130);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9788);


await (0,_core_run_js__WEBPACK_IMPORTED_MODULE_0__.runAction)('ecs-run-task', _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9788:
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
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/dist-src/src/core/io/sensitive.js
var sensitive = __webpack_require__(4158);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/index.js + 36 modules
var deploy = __webpack_require__(1613);
// EXTERNAL MODULE: ./.build/dist-src/src/core/io/summary.js
var summary = __webpack_require__(5858);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/ids.js
/**
 * Task ids. A task ARN is `arn:aws:ecs:<region>:<account>:task/<cluster>/<id>` (or the old `task/<id>` form);
 * the id is its last path segment.
 */
function taskIdFromArn(taskArn) {
    const slash = taskArn.lastIndexOf('/');
    return slash >= 0 ? taskArn.slice(slash + 1) : taskArn;
}
/** The first 8 characters of the task id: enough to tell a run's tasks apart in log prefixes. */
function shortTaskId(taskArn) {
    return taskIdFromArn(taskArn).slice(0, 8);
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/tasks.js
var tasks = __webpack_require__(9417);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/run.js
/**
 * T1/T2: start `count` tasks with RunTask, at most 10 per call (AWS's limit for `count`), collecting the
 * started tasks and RunTask's `failures[]`.
 */




/** RunTask accepts `count` 1..10 (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html). */
const RUN_TASK_MAX_COUNT = 10;
/** `clientToken` is at most 64 characters. */
const CLIENT_TOKEN_MAX = 64;
/**
 * Splits `count` into RunTask calls of at most 10 (25 \u2192 10, 10, 5). Once a call reports failures (capacity,
 * placement, ...) no further calls are made: the step fails anyway, so starting more tasks would only add
 * tasks to stop. An in-flight RunTask is never aborted (that could hide tasks it started); cancellation is
 * checked between calls.
 */
async function runTasks(deps, request) {
    const { count, ...base } = request;
    if (!Number.isInteger(count) || count < 1)
        throw new RangeError(`count must be a positive integer, got ${count}`);
    const result = { tasks: [], failures: [], calls: 0, notRequested: 0 };
    const totalCalls = Math.ceil(count / RUN_TASK_MAX_COUNT);
    let remaining = count;
    while (remaining > 0) {
        if (deps.signal?.aborted === true) {
            result.error = deps.signal.reason;
            break;
        }
        const batch = Math.min(RUN_TASK_MAX_COUNT, remaining);
        const input = { ...base, count: batch };
        input.clientToken = clientTokenFor(base.clientToken, result.calls);
        const label = totalCalls > 1 ? `RunTask ${result.calls + 1}/${totalCalls}` : 'RunTask';
        result.calls += 1;
        try {
            const out = await (0,tasks/* runTask */.ZZ)(deps.ecs, input);
            const started = (out.tasks ?? []).filter((t) => t.taskArn !== undefined);
            const failures = out.failures ?? [];
            result.tasks.push(...started);
            result.failures.push(...failures);
            remaining -= batch;
            const ids = started.map((t) => taskIdFromArn(t.taskArn ?? '')).join(', ');
            deps.log.info(`${label}: asked for ${batch}, started ${started.length}${ids === '' ? '' : ` (${ids})`}`);
            for (const f of failures)
                deps.log.info(`${label} failure: ${formatRunTaskFailure(f)}`);
            if (failures.length > 0)
                break;
        }
        catch (e) {
            deps.log.info(`${label} failed: ${(0,errors/* describeError */.Uc)(e)}`);
            result.error = e;
            break;
        }
    }
    result.notRequested = remaining;
    if (remaining > 0 && remaining < count) {
        deps.log.warning(`${remaining} of ${count} task(s) were not requested because of the error above`);
    }
    return result;
}
/** `<arn>: <reason> (<detail>)`, as RunTask's Failure carries them. */
function formatRunTaskFailure(f) {
    const detail = f.detail !== undefined && f.detail !== '' ? ` (${f.detail})` : '';
    return `${f.arn ?? '(no arn)'}: ${f.reason ?? 'unknown reason'}${detail}`;
}
/** T2: the step's error when RunTask reported failures. */
function runTaskFailuresMessage(failures) {
    const lines = failures.map((f) => `  - ${formatRunTaskFailure(f)}`);
    return [`RunTask reported ${failures.length} failure(s):`, ...lines].join('\n');
}
/**
 * Each call gets its own idempotency token, so an SDK retry of a RunTask whose answer was lost cannot start the
 * tasks twice: a random one, or the user's (the first call keeps it, later ones get `-<n>` appended).
 */
function clientTokenFor(token, callIndex) {
    if (token === undefined || token === '')
        return (0,external_node_crypto_.randomUUID)();
    if (callIndex === 0)
        return token;
    const suffix = `-${callIndex + 1}`;
    return token.slice(0, CLIENT_TOKEN_MAX - suffix.length) + suffix;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/poll/index.js + 3 modules
var poll = __webpack_require__(6074);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/reasons.js
/**
 * S9 for runs of many tasks: tasks that failed (or were left) for the same reason are said in one line with a count
 * and a few task ids, as ecs-rolling says `[4 tasks]`, so 200 pull errors make one line, not 200.
 */

/** Task ids named as examples of a shared reason. */
const EXAMPLE_IDS = 3;
/** Distinct reasons listed before the rest are counted in one line. */
const MAX_REASON_LINES = 10;
/**
 * One line per distinct reason, most frequent first (ties in the order first seen):
 * `  - task <id>: <reason>` when one task had it, `  - <reason> [12 tasks: <id>, <id>, <id>, \u2026]` when several did.
 */
function groupedReasonLines(items, maxLines = MAX_REASON_LINES) {
    const groups = new Map();
    for (const { taskArn, reason } of items) {
        const ids = groups.get(reason) ?? [];
        ids.push(taskIdFromArn(taskArn));
        groups.set(reason, ids);
    }
    const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
    const lines = sorted.slice(0, maxLines).map(([reason, ids]) => {
        const [only] = ids;
        return ids.length === 1 && only !== undefined ? `  - task ${only}: ${reason}` : `  - ${reason} [${countedIds(ids)}]`;
    });
    const rest = sorted.slice(maxLines);
    if (rest.length > 0) {
        const tasks = rest.reduce((n, [, ids]) => n + ids.length, 0);
        lines.push(`  - \u2026and ${rest.length} other reason(s) (${tasks} task(s)): see the job summary's task table`);
    }
    return lines;
}
/** `12 tasks: a, b, c, \u2026` (every id when there are at most EXAMPLE_IDS). */
function countedIds(ids) {
    const shown = ids.slice(0, EXAMPLE_IDS).join(', ');
    return `${ids.length} ${ids.length === 1 ? 'task' : 'tasks'}: ${shown}${ids.length > EXAMPLE_IDS ? ', \u2026' : ''}`;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/evaluate.js


function evaluateTasks(tasks, taskDefinition, watchContainer) {
    const outcomes = tasks.map((t) => evaluateTask(t, taskDefinition, watchContainer));
    const failed = outcomes.filter((o) => !o.success);
    return {
        tasks: outcomes,
        success: failed.length === 0 && outcomes.length > 0,
        failureMessage: outcomes.length === 0 ? 'No tasks to evaluate' : failureMessage(failed, outcomes.length),
    };
}
function evaluateTask(task, taskDefinition, watchContainer) {
    const essentials = essentialMap(taskDefinition);
    const containers = (task.containers ?? []).map((c) => {
        const name = c.name ?? '(unnamed)';
        const essential = essentials === undefined ? true : (essentials.get(name) ?? false);
        const counted = watchContainer !== undefined ? name === watchContainer : essential;
        return {
            name,
            essential,
            counted,
            lastStatus: c.lastStatus,
            exitCode: c.exitCode,
            reason: c.reason,
            ok: !counted || c.exitCode === 0,
        };
    });
    const problems = taskProblems(task, containers, watchContainer);
    const startedAt = task.startedAt;
    const stoppedAt = task.stoppedAt;
    return {
        taskArn: task.taskArn ?? '(unknown task)',
        taskId: taskIdFromArn(task.taskArn ?? '(unknown task)'),
        lastStatus: task.lastStatus,
        stopCode: task.stopCode,
        stoppedReason: task.stoppedReason,
        startedAt,
        stoppedAt,
        durationMs: startedAt !== undefined && stoppedAt !== undefined ? Math.max(0, stoppedAt.getTime() - startedAt.getTime()) : undefined,
        containers,
        success: problems.length === 0,
        problems,
    };
}
function taskProblems(task, containers, watch) {
    if (task.lastStatus !== 'STOPPED')
        return [`task is ${task.lastStatus ?? 'in an unknown state'}, not STOPPED`];
    const neverStarted = task.stopCode === 'TaskFailedToStart' ||
        (task.startedAt === undefined && containers.every((c) => c.exitCode === undefined));
    if (neverStarted) {
        const reasons = unique([task.stoppedReason, ...containers.map((c) => c.reason)]);
        return [`task did not start: ${reasons.length > 0 ? reasons.join('; ') : 'no reason given by ECS'}`];
    }
    if (watch !== undefined && !containers.some((c) => c.name === watch)) {
        return [`container ${watch} (watch-container) is not in the task`];
    }
    const problems = [];
    for (const c of containers) {
        if (c.ok)
            continue;
        const why = c.reason !== undefined && c.reason !== '' ? ` (${c.reason})` : '';
        problems.push(c.exitCode === undefined
            ? `container ${c.name} has no exit code${why}`
            : `container ${c.name} exited with code ${c.exitCode}${why}`);
    }
    if (containers.length === 0)
        problems.push('the task reports no containers');
    return problems;
}
/** Tasks that failed the same way (container, exit code, stoppedReason) share one line with a count (reasons.ts). */
function failureMessage(failed, total) {
    if (failed.length === 0)
        return undefined;
    const reasons = failed.map((o) => {
        const stopped = o.stoppedReason !== undefined && !o.problems.some((p) => p.includes(o.stoppedReason ?? ''))
            ? `; stoppedReason: ${o.stoppedReason}`
            : '';
        return { taskArn: o.taskArn, reason: `${o.problems.join('; ')}${stopped}` };
    });
    return [`${failed.length} of ${total} task(s) failed:`, ...groupedReasonLines(reasons)].join('\n');
}
/** T5 `exitCodes`: { taskArn: { container: exitCode } } (null when ECS reports no exit code). */
function exitCodesOutput(tasks) {
    const out = {};
    for (const t of tasks) {
        if (t.taskArn === undefined)
            continue;
        const codes = {};
        for (const c of t.containers ?? [])
            if (c.name !== undefined)
                codes[c.name] = c.exitCode ?? null;
        out[t.taskArn] = codes;
    }
    return out;
}
function essentialMap(td) {
    const defs = td?.containerDefinitions;
    if (defs === undefined || defs.length === 0)
        return undefined;
    return new Map(defs.filter((d) => d.name !== undefined).map((d) => [d.name ?? '', d.essential !== false]));
}
/** Distinct non-empty values, dropping any that another value already contains. */
function unique(values) {
    const all = [...new Set(values.filter((v) => v !== undefined && v !== ''))];
    return all.filter((v) => !all.some((other) => other !== v && other.includes(v)));
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/task-progress.js

/** Runs of at most this many tasks keep their per-task lines (4 lines a task at most: 12 lines). */
const PER_TASK_LINES_MAX = 3;
/** The task lifecycle in order (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html). */
const LIFECYCLE = ['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED', 'DELETED'];
const STOPPED_STATES = new Set(['STOPPED', 'DELETED']);
class TaskProgress {
    log;
    taskCount;
    lastAggregate;
    constructor(log, taskCount) {
        this.log = log;
        this.taskCount = taskCount;
    }
    get perTask() {
        return this.taskCount <= PER_TASK_LINES_MAX;
    }
    /** A task's lastStatus changed from `before` (undefined: first seen). */
    changed(task, before) {
        if (this.perTask)
            this.log.info(transitionLine(task, before));
    }
    /** After a poll: the aggregate line, when the counts changed. */
    polled(tasks) {
        if (this.perTask)
            return;
        const line = aggregateLine(tasks);
        if (line === this.lastAggregate)
            return;
        this.lastAggregate = line;
        this.log.info(line);
    }
}
/** `12 tasks: 3 PROVISIONING, 9 RUNNING` (lifecycle order; a task never described counts as UNKNOWN). */
function aggregateLine(tasks) {
    const counts = new Map();
    for (const t of tasks)
        counts.set(t.lastStatus ?? 'UNKNOWN', (counts.get(t.lastStatus ?? 'UNKNOWN') ?? 0) + 1);
    const rank = (s) => (LIFECYCLE.includes(s) ? LIFECYCLE.indexOf(s) : LIFECYCLE.length);
    const parts = [...counts.entries()]
        .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
        .map(([status, n]) => `${n} ${status}`);
    return `${tasks.length} tasks: ${parts.join(', ')}`;
}
function transitionLine(task, before) {
    const id = taskIdFromArn(task.taskArn ?? '');
    const now = task.lastStatus ?? 'UNKNOWN';
    const change = before === undefined ? now : `${before} \u2192 ${now}`;
    const reason = STOPPED_STATES.has(now) && task.stoppedReason !== undefined ? ` (${task.stoppedReason})` : '';
    return `Task ${id}: ${change}${reason}`;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/task-watch.js


const task_watch_STOPPED_STATES = new Set(['STOPPED', 'DELETED']);
class TaskWatch {
    clock;
    options;
    latest = new Map();
    /** Tasks that need no more polling: null = reached the goal, otherwise why it failed. */
    terminal = new Map();
    missingSince = new Map();
    successfulPolls = 0;
    progress;
    constructor(clock, log, options) {
        this.clock = clock;
        this.options = options;
        this.progress = new TaskProgress(log, options.taskArns.length);
        for (const t of options.initialTasks ?? [])
            if (t.taskArn !== undefined)
                this.latest.set(t.taskArn, t);
    }
    /** Successful polls so far. */
    get polls() {
        return this.successfulPolls;
    }
    /** A poll described every pending task. */
    polled() {
        this.successfulPolls += 1;
        this.progress.polled(this.ordered());
    }
    /** The tasks still to describe, in `taskArns` order. */
    pending() {
        return this.options.taskArns.filter((arn) => !this.terminal.has(arn));
    }
    /** Latest description of each task, in `taskArns` order (`{ taskArn }` alone if never described). */
    ordered() {
        return this.options.taskArns.map((arn) => this.latest.get(arn) ?? { taskArn: arn });
    }
    failures() {
        return [...this.terminal.values()].filter((f) => f !== null);
    }
    record(task) {
        const arn = task.taskArn;
        if (arn === undefined)
            return;
        this.missingSince.delete(arn);
        const before = this.latest.get(arn)?.lastStatus;
        this.latest.set(arn, task);
        if (task.lastStatus !== before)
            this.progress.changed(task, before);
        const status = task.lastStatus ?? '';
        if (this.options.until === 'running' && status === 'RUNNING')
            this.terminal.set(arn, null);
        else if (task_watch_STOPPED_STATES.has(status))
            this.terminal.set(arn, this.stoppedVerdict(task));
    }
    /** DescribeTasks may briefly answer MISSING for a task RunTask just started (eventual consistency). */
    recordMissing(f) {
        const arn = f.arn;
        if (arn === undefined || !this.options.taskArns.includes(arn))
            return;
        const since = this.missingSince.get(arn) ?? this.clock.now();
        this.missingSince.set(arn, since);
        if (this.clock.now() - since >= this.options.missingGraceMs) {
            this.terminal.set(arn, { taskArn: arn, reason: `DescribeTasks reports the task as ${f.reason ?? 'MISSING'}` });
        }
    }
    /** How the wait ends after this poll, or undefined to poll again. */
    verdict() {
        const failed = this.failures().length > 0;
        if (this.options.until === 'running' && failed)
            return 'failed';
        if (this.terminal.size === this.options.taskArns.length)
            return failed ? 'failed' : 'done';
        return undefined;
    }
    /** For 'stopped' any stop is the goal; for 'running' a stopped task is done only if it exited successfully (T3). */
    stoppedVerdict(task) {
        if (this.options.until === 'stopped')
            return null;
        const outcome = evaluateTask(task, this.options.taskDefinition, this.options.watchContainer);
        if (outcome.success)
            return null;
        const stopped = task.stoppedReason !== undefined ? ` (stoppedReason: ${task.stoppedReason})` : '';
        return { taskArn: outcome.taskArn, reason: `${outcome.problems.join('; ')}${stopped}` };
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/task-pace.js
const STOPPING = new Set(['DEACTIVATING', 'STOPPING', 'DEPROVISIONING']);
const DONE = new Set(['STOPPED', 'DELETED']);
function taskPace(all, waitingFor, until) {
    const open = all.filter((t) => t.taskArn !== undefined && waitingFor.includes(t.taskArn));
    if (open.length === 0 || open.some((t) => t.lastStatus === undefined))
        return { kind: 'near' };
    if (open.every((t) => t.desiredStatus === 'STOPPED' || STOPPING.has(t.lastStatus ?? '')))
        return { kind: 'near' };
    const running = all.filter((t) => t.lastStatus === 'RUNNING' || t.startedAt !== undefined);
    if (until === 'running' && running.length > 0)
        return { kind: 'near' };
    if (until === 'stopped') {
        const runTimes = all
            .filter((t) => DONE.has(t.lastStatus ?? '') && t.startedAt !== undefined && t.stoppedAt !== undefined)
            .map((t) => (t.stoppedAt?.getTime() ?? 0) - (t.startedAt?.getTime() ?? 0))
            .sort((a, b) => a - b);
        const typical = runTimes[Math.floor(runTimes.length / 2)];
        const starts = open.map((t) => t.startedAt?.getTime()).filter((s) => s !== undefined);
        if (typical !== undefined && starts.length === open.length)
            return { kind: 'eta', at: Math.max(...starts) + typical };
    }
    const since = open.map((t) => (t.startedAt ?? t.createdAt)?.getTime()).filter((s) => s !== undefined);
    return since.length > 0 ? { kind: 'idle', since: Math.min(...since) } : { kind: 'idle' };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/wait.js






/** DescribeTasks accepts up to 100 task ARNs per call. */
const DESCRIBE_TASKS_MAX = 100;
/** DescribeTasks may briefly answer MISSING for a task RunTask just started (eventual consistency). */
const DEFAULT_MISSING_GRACE_MS = 60_000;
async function waitForTasks(deps, options) {
    const { log } = deps;
    const signal = options.signal ?? deps.signal;
    const intervalMs = options.pollIntervalMs ?? poll/* DEFAULT_POLL_INTERVAL_MS */.P;
    const watch = new TaskWatch(deps.clock, log, { ...options, missingGraceMs: options.missingGraceMs ?? DEFAULT_MISSING_GRACE_MS });
    let backedOff = false;
    const pollOptions = {
        deadline: options.deadline,
        signal,
        intervalMs,
        recovery: 'immediate',
        readsPerMinute: readBudget(options.taskArns.length, intervalMs),
        onRetry: (e, kind, nextMs) => {
            backedOff = true;
            const what = kind === 'throttling' ? 'was throttled' : 'failed (transient)';
            log.info(`DescribeTasks ${what} (${(0,errors/* describeError */.Uc)(e)}); next poll in ${(0,time/* formatDuration */.a3)(nextMs)}`);
        },
    };
    const end = await (0,poll/* poll */.wt)(deps, pollOptions, async (round) => {
        await describePending(deps.ecs, options.cluster, watch, round);
        watch.polled();
        if (backedOff)
            log.info(`DescribeTasks recovered; polling every ${(0,time/* formatDuration */.a3)(intervalMs)}`);
        backedOff = false;
        await runOnPoll(options, watch.ordered(), log, signal);
        round.pace(taskPace(watch.ordered(), watch.pending(), options.until));
        return watch.verdict();
    });
    return { status: end.kind === 'done' ? end.value : end.kind, tasks: watch.ordered(), failures: watch.failures(), polls: watch.polls };
}
/** One poll: DescribeTasks for every task not yet terminal, 100 per call (each call after the first is an extra read). */
async function describePending(ecs, cluster, watch, round) {
    const pending = watch.pending();
    for (let i = 0; i < pending.length; i += DESCRIBE_TASKS_MAX) {
        if (i > 0)
            round.read('DescribeTasks');
        const out = await (0,tasks/* describeTaskBatch */.T6)(ecs, cluster, pending.slice(i, i + DESCRIBE_TASKS_MAX), { signal: round.signal });
        for (const t of out.tasks)
            watch.record(t);
        for (const f of out.failures)
            watch.recordMissing(f);
    }
}
/**
 * The read budget of a run: a run of more than 100 tasks needs several DescribeTasks a poll (at most 10: a run is
 * capped at 1000 tasks), and its budget grows with them, so a large run is polled as often as a small one.
 */
function readBudget(taskCount, intervalMs) {
    if (intervalMs <= 0)
        return undefined;
    const callsPerPoll = Math.max(1, Math.ceil(taskCount / DESCRIBE_TASKS_MAX));
    // Rounds that start within one 60 s window, each with all its calls (the budget is never exceeded, pacer.ts).
    return Math.max(poll/* DEFAULT_READS_PER_MINUTE */.Ng, callsPerPoll * (Math.floor(60_000 / intervalMs) + 1));
}
async function runOnPoll(options, tasks, log, signal) {
    if (options.onPoll === undefined)
        return;
    try {
        await options.onPoll(tasks);
    }
    catch (e) {
        if (!(0,poll/* isAborted */.G4)(signal))
            log.warning(`While waiting for tasks: ${(0,errors/* describeError */.Uc)(e)}`);
    }
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/errors.js
var aws_errors = __webpack_require__(952);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/stop.js




/** StopTask's `reason` is at most 255 characters. */
const REASON_MAX = 255;
/** Parallel StopTask calls: quick enough to finish inside the runner's SIGINT \u2192 SIGTERM window (~7.5 s). */
const CONCURRENCY = 10;
/**
 * Deliberately ignores any cancellation signal: it usually runs because the signal already aborted.
 */
async function stopTasks(deps, cluster, taskArns, reason) {
    const result = { stopped: [], alreadyStopped: [], failed: [], tasks: [] };
    const trimmedReason = reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}\u2026` : reason;
    const queue = [...new Set(taskArns)];
    const worker = async () => {
        for (let arn = queue.shift(); arn !== undefined; arn = queue.shift()) {
            await stopOne(deps, cluster, arn, trimmedReason, result);
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, () => worker()));
    const parts = [`stopped ${result.stopped.length}`];
    if (result.alreadyStopped.length > 0)
        parts.push(`${result.alreadyStopped.length} had already stopped`);
    if (result.failed.length > 0)
        parts.push(`${result.failed.length} could not be stopped`);
    if (taskArns.length > 0)
        deps.log.info(`Stop tasks: ${parts.join(', ')}`);
    return result;
}
async function stopOne(deps, cluster, taskArn, reason, result) {
    const id = taskIdFromArn(taskArn);
    try {
        const task = await (0,tasks/* stopTask */.S8)(deps.ecs, { cluster, task: taskArn, reason });
        if (task !== undefined)
            result.tasks.push({ ...task, taskArn: task.taskArn ?? taskArn });
        if (task?.lastStatus === 'STOPPED') {
            result.alreadyStopped.push(taskArn);
            deps.log.info(`Task ${id} had already stopped`);
        }
        else {
            result.stopped.push(taskArn);
            deps.log.info(`Stopped task ${id} (${reason})`);
        }
    }
    catch (e) {
        // A task stopped long ago is no longer known to ECS: nothing left to stop.
        // ECS answers InvalidParameterException "The referenced task was not found." for those.
        if ((0,aws_errors/* hasErrorName */.uI)(e, 'InvalidParameterException') && /task.*not found/i.test(e instanceof Error ? e.message : '')) {
            result.alreadyStopped.push(taskArn);
            deps.log.info(`Task ${id} is gone already`);
            return;
        }
        const error = (0,errors/* describeError */.Uc)(e);
        result.failed.push({ taskArn, error });
        deps.log.warning(`Could not stop task ${id}: ${error}. It may still be running.`);
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/summary.js
/** The job summary's task table (issue 5): one row per task container. Plain Markdown string building. */

/**
 * Keeps the summary short for large counts (a run may have 1000 tasks; GitHub caps a step summary at 1 MiB): the
 * failures are said grouped by reason above the table, so the table's first rows are examples, not the record.
 */
const SUMMARY_MAX_ROWS = 50;
function taskSummaryTable(outcomes, maxRows = SUMMARY_MAX_ROWS) {
    const header = [
        '| Task | Container | Exit code | Duration | Result | Stopped reason |',
        '| --- | --- | --- | --- | --- | --- |',
    ];
    const rows = [];
    let total = 0;
    for (const o of outcomes) {
        const duration = o.durationMs === undefined ? '\u2013' : (0,time/* formatDuration */.a3)(o.durationMs);
        const stopped = cell(o.stoppedReason ?? (o.lastStatus !== 'STOPPED' ? `(${o.lastStatus ?? 'unknown'})` : ''));
        const containers = o.containers.length > 0 ? o.containers : [undefined];
        containers.forEach((c, i) => {
            total += 1;
            if (rows.length >= maxRows)
                return;
            const task = i === 0 ? `\`${o.taskId}\`` : '';
            const name = c === undefined ? '\u2013' : `${cell(c.name)}${c.counted ? '' : ' (not checked)'}`;
            const code = c?.exitCode === undefined ? '\u2013' : String(c.exitCode);
            const result = c === undefined ? (o.success ? '\u2705' : '\u274c') : !c.counted ? '' : c.ok ? '\u2705' : '\u274c';
            rows.push(`| ${task} | ${name} | ${code} | ${i === 0 ? duration : ''} | ${result} | ${i === 0 ? stopped : ''} |`);
        });
    }
    const more = total > rows.length ? [``, `\u2026and ${total - rows.length} more row(s), omitted.`] : [];
    return [...header, ...rows, ...more].join('\n');
}
/** Table cells cannot hold pipes or line breaks. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/index.js








;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/checks.js
/**
 * Checks of the run against its task definition: container names (overrides, watch-container) and the network
 * configuration RunTask requires. For a task definition file they run in readOptions; for a registered revision
 * right after DescribeTaskDefinition, which is a read: either way before the first mutating call (S3).
 */

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);
/** Throws the first problem found, as a ConfigurationError naming the input that caused it. */
function checkRunAgainstTaskDefinition(run, td, tdLabel) {
    const names = (td.containerDefinitions ?? []).map((c) => c.name).filter((n) => n !== undefined);
    const known = names.map((n) => `'${n}'`).join(', ');
    if (run.watchContainer !== undefined && !names.includes(run.watchContainer)) {
        throw new errors/* ConfigurationError */.j1(`no container named '${run.watchContainer}' in ${tdLabel}; its containers are ${known}`, {
            input: 'watch-container',
        });
    }
    for (const o of run.overrideOrigins) {
        if (names.includes(o.name))
            continue;
        throw new errors/* ConfigurationError */.j1(`container override for '${o.name}', which is not a container of ${tdLabel}; its containers are ${known}`, at(o.origin, 'overrides.containerOverrides'));
    }
    checkNetwork(run, td, tdLabel);
}
/**
 * RunTask: "If the task definition uses the awsvpc network mode, you must specify the network configuration";
 * Fargate tasks always use awsvpc; and a network configuration is refused for any other network mode.
 */
function checkNetwork(run, td, tdLabel) {
    const request = run.request;
    const fargate = usesFargate(request, td);
    const awsvpc = td.networkMode === 'awsvpc';
    const subnets = request.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
    if ((fargate || awsvpc) && subnets.length === 0) {
        const why = fargate ? 'Fargate tasks use the awsvpc network mode' : `${tdLabel} uses the awsvpc network mode`;
        throw new errors/* ConfigurationError */.j1(`${why}, so RunTask needs a network configuration: give subnets (and usually security-groups), or ` +
            'networkConfiguration.awsvpcConfiguration in run-task-request', { input: 'subnets' });
    }
    if (request.launchType === 'FARGATE' && td.networkMode !== undefined && !awsvpc) {
        throw new errors/* ConfigurationError */.j1(`launch type FARGATE needs a task definition in the awsvpc network mode; ${tdLabel} uses '${td.networkMode}'`, at(run.launchTypeOrigin ?? 'launch-type', 'launchType'));
    }
    if (request.networkConfiguration !== undefined && !awsvpc && !fargate) {
        const mode = td.networkMode ?? 'bridge (the default)';
        throw new errors/* ConfigurationError */.j1(`a network configuration (subnets, security groups) only applies to the awsvpc network mode; ${tdLabel} uses ${mode}`, at(run.networkOrigin ?? 'subnets', 'networkConfiguration'));
    }
}
/** Fargate by launch type, by a capacity provider strategy of Fargate providers, or by a Fargate-only task definition. */
function usesFargate(request, td) {
    if (request.launchType !== undefined)
        return request.launchType === 'FARGATE';
    const strategy = request.capacityProviderStrategy ?? [];
    if (strategy.length > 0)
        return strategy.some((s) => FARGATE_PROVIDERS.has(s.capacityProvider ?? ''));
    const compat = td.requiresCompatibilities ?? [];
    return compat.length > 0 && compat.every((c) => c === 'FARGATE');
}
function at(origin, field) {
    return origin === 'run-task-request' ? { input: origin, field } : { input: origin };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/task-definition.js


async function resolveTaskDefinition(deps, options) {
    const source = options.taskDefinition;
    const resolved = await (0,task_definitions/* resolveTaskDefinition */.Fh)(deps.ecs, source, { inactive: 'refuse' });
    if (source.kind === 'file') {
        deps.log.info(`Registered task definition ${resolved.label} from ${source.path} (${resolved.arn})`);
        return resolved;
    }
    checkRunAgainstTaskDefinition(options, resolved.definition, `task definition ${resolved.label}`);
    deps.log.info(`Using task definition ${resolved.arn} (${source.input}); nothing is registered`);
    return resolved;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/dry-run.js







async function dryRun(rt, ecs, options) {
    const { log } = rt;
    await log.group('Dry run: what would be registered and run (nothing is changed)', async () => {
        const plan = await planTaskDefinition({ ecs, log }, options);
        for (const note of plan.notes)
            log.info(note);
        if (plan.diff !== undefined)
            log.info(plan.diff);
        const counts = splitCount(options.count);
        const calls = callsSentence(counts);
        const requestYaml = (0,dist/* stringify */.As)(printable(runTaskRequest(options, plan.runReference, counts[0] ?? options.count)));
        const launch = launchSentence(options);
        log.info(`${calls}; ${launch}. The request (YAML):`);
        log.info(requestYaml.trimEnd());
        rt.outputs.set('taskDefinitionArn', plan.taskDefinitionArn);
        rt.outputs.set('taskArns', []);
        rt.outputs.set('exitCodes', {});
        const s = new summary/* SummaryBuilder */.CF()
            .heading(`ecs-run-task: dry run of ${options.count} task(s) in cluster ${options.cluster} (nothing registered or started)`)
            .raw(plan.notes.map((n) => `- ${n}`).join('\n'));
        if (plan.diff !== undefined)
            s.heading('Task definition', 3).codeBlock(plan.diff, 'diff');
        s.heading('RunTask request', 3).paragraph(`${calls}; ${launch}.`).codeBlock(requestYaml, 'yaml');
        s.heading('Outputs', 3).keyValueTable(rt.outputs.entries());
        await rt.summary.append(s.toString());
    });
}
async function planTaskDefinition(deps, options) {
    const source = options.taskDefinition;
    if (source.kind === 'registered') {
        // Reads only (DescribeTaskDefinition), with the checks a real run makes before RunTask.
        const resolved = await resolveTaskDefinition(deps, options);
        return {
            notes: [`Would run the registered task definition ${resolved.label} (${resolved.arn}), from input ${source.input}; nothing would be registered.`],
            diff: undefined,
            taskDefinitionArn: resolved.arn,
            runReference: resolved.arn,
        };
    }
    const family = source.definition.family;
    // The manifest check requires `family` (RegisterTaskDefinition does), so this only guards the type.
    if (family === undefined)
        throw new Error(`BUG: ${source.path} has no family after the manifest check`);
    const live = await (0,task_definitions/* describeLatestRevision */.yf)(deps.ecs, family);
    const diff = (0,deploy/* diffDeployment */.Zi)({ taskDefinition: live }, { taskDefinition: source.definition });
    const runReference = `<the new revision of ${family}, registered from ${source.path}>`;
    if (live === undefined) {
        return {
            notes: [
                `Family ${family} has no ACTIVE revision: would register revision 1 of ${family} from ${source.path} ` +
                    '(a later number if earlier revisions of the family were deregistered).',
            ],
            diff: diff.text,
            taskDefinitionArn: '',
            runReference,
        };
    }
    const liveLabel = `${family}:${live.revision ?? '?'}`;
    if (diff.taskDefinitionChanged) {
        return {
            notes: [`Would register a new revision of ${family} from ${source.path}: it differs from ${liveLabel}, the latest ACTIVE revision, as shown below.`],
            diff: diff.text,
            taskDefinitionArn: '',
            runReference,
        };
    }
    return {
        notes: [
            `${source.path} matches ${liveLabel}, the latest ACTIVE revision (${live.taskDefinitionArn ?? '?'}): no new content. ` +
                'A real run still registers the file as a new revision with this same content (RegisterTaskDefinition always ' +
                'adds a revision) and runs that one.',
        ],
        diff: diff.text,
        taskDefinitionArn: live.taskDefinitionArn ?? '',
        runReference,
    };
}
/** The counts of the RunTask calls a real run makes: 25 \u2192 [10, 10, 5]. */
function splitCount(count) {
    const counts = [];
    for (let left = count; left > 0; left -= RUN_TASK_MAX_COUNT)
        counts.push(Math.min(RUN_TASK_MAX_COUNT, left));
    return counts;
}
/** The request of the first RunTask call; later calls differ only in count (and clientToken). */
function runTaskRequest(options, taskDefinition, count) {
    return { cluster: options.cluster, taskDefinition, count, ...options.request };
}
/** S11: the request preview shows sensitive environment overrides as fingerprints, never their values. */
function printable(request) {
    const overrides = request.overrides?.containerOverrides;
    if (overrides === undefined)
        return request;
    const containerOverrides = overrides.map((o) => o.environment === undefined ? o : { ...o, environment: (0,sensitive/* hideSensitiveEnvironment */.aq)(o.environment) });
    return { ...request, overrides: { ...request.overrides, containerOverrides } };
}
function callsSentence(counts) {
    if (counts.length === 1)
        return `RunTask would be called once, with count ${counts[0] ?? 1}`;
    const last = counts[counts.length - 1] ?? RUN_TASK_MAX_COUNT;
    const full = last === RUN_TASK_MAX_COUNT ? counts.length : counts.length - 1;
    const split = counts.length <= 5
        ? `count ${counts.join(', ')}`
        : `${full} with count ${RUN_TASK_MAX_COUNT}${full === counts.length ? '' : `, then 1 with count ${last}`}`;
    return `RunTask would be called ${counts.length} times (${split}), each with its own clientToken`;
}
function launchSentence(options) {
    const { launchType, capacityProviderStrategy } = options.request;
    if (launchType !== undefined)
        return `launch type ${launchType}`;
    const providers = (capacityProviderStrategy ?? []).map((s) => s.capacityProvider ?? '?');
    if (providers.length > 0)
        return `capacity providers ${providers.join(', ')}`;
    return `neither a launch type nor a capacity provider strategy, so the default capacity provider strategy of cluster ${options.cluster} applies`;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/inputs.js + 2 modules
var core_inputs = __webpack_require__(9747);
// EXTERNAL MODULE: ./.build/dist-src/src/core/manifests/index.js + 12 modules
var manifests = __webpack_require__(6794);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/request-inputs.js
/**
 * The inputs that are shortcuts over the RunTask request (network, container overrides, tags, startedBy, count),
 * each checked against the limits the RunTask API reference states, so a bad value fails before any AWS call (S3).
 */




/** The most tasks one run of this action starts (see readCount). */
const MAX_TASKS_PER_RUN = 1000;
/** AwsVpcConfiguration: "There's a limit of 16 subnets" / "a limit of 5 security groups". */
const MAX_SUBNETS = 16;
const MAX_SECURITY_GROUPS = 5;
/** Tag restrictions: at most 50 per resource, keys 1..128 characters, values up to 256. */
const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
/** RunTask startedBy: "Up to 128 letters (uppercase and lowercase), numbers, hyphens (-), forward slash (/), and underscores (_)". */
const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;
/**
 * A count of tasks, from input `count` or the request's `count`. AWS starts at most 10 per RunTask call, so
 * larger counts become several calls; one run is capped at 1000 tasks (100 calls) to keep a step's API traffic,
 * log and summary bounded, and to catch a mistyped count before it starts thousands of billable tasks.
 */
function checkCount(count, where) {
    if (!Number.isSafeInteger(count) || count < 1) {
        throw new errors/* ConfigurationError */.j1(`expected a whole number of tasks of at least 1, got ${count}`, where);
    }
    if (count > MAX_TASKS_PER_RUN) {
        const calls = MAX_TASKS_PER_RUN / RUN_TASK_MAX_COUNT;
        throw new errors/* ConfigurationError */.j1(`${count} tasks is more than this action starts in one run (at most ${MAX_TASKS_PER_RUN}: AWS starts at most ` +
            `${RUN_TASK_MAX_COUNT} per RunTask call, and ${calls} calls is the cap that keeps one step's API traffic, log ` +
            'and summary bounded); split the work over several steps', where);
    }
    return count;
}
function readCount(inputs) {
    const v = inputs.raw('count');
    if (v === '')
        return undefined;
    if (!/^[+-]?\d+$/.test(v))
        throw new errors/* ConfigurationError */.j1(`expected a whole number of tasks, got '${v}'`, { input: 'count' });
    return checkCount(Number(v), { input: 'count' });
}
/** Subnet or security group ids: each `<prefix><hex>`, at most `max` of them, no duplicates. */
function readIds(inputs, name, prefix, max) {
    const ids = inputs.list(name);
    const bad = ids.filter((id) => !new RegExp(`^${prefix}[0-9a-f]{1,32}$`).test(id));
    if (bad.length > 0) {
        throw new errors/* ConfigurationError */.j1(`${bad.map((b) => `'${b}'`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ${prefix}\u2026 ids ` +
            '(give ids, comma or newline separated, not names)', { input: name });
    }
    if (ids.length > max)
        throw new errors/* ConfigurationError */.j1(`at most ${max} are allowed, got ${ids.length}`, { input: name });
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup !== undefined)
        throw new errors/* ConfigurationError */.j1(`'${dup}' is listed twice`, { input: name });
    return ids;
}
/** `container-overrides`: a JSON or YAML list of ContainerOverride objects, each naming its container once. */
function readContainerOverrides(inputs) {
    const name = 'container-overrides';
    const document = inputs.yamlOrJsonDocument(name);
    if (document === undefined)
        return [];
    const { value, scalarText } = document;
    if (!Array.isArray(value)) {
        throw new errors/* ConfigurationError */.j1('expected a list of container overrides, e.g. [{"name": "app", "command": ["npm", "run", "migrate"]}]', { input: name });
    }
    const overrides = [];
    const problems = [];
    value.forEach((item, i) => {
        const result = (0,manifests/* checkAgainstSchema */.FK)(dist_cjs/* ContainerOverride$ */.cNH, item, { scalarText }, [i]);
        for (const p of result.problems)
            problems.push(`${(0,manifests/* formatFieldPath */.vZ)(p.path)}: ${p.detail}`);
        if (result.problems.length === 0)
            overrides.push(result.value);
    });
    if (problems.length > 0) {
        const text = problems.length === 1 ? (problems[0] ?? '') : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`;
        throw new errors/* ConfigurationError */.j1(text, { input: name });
    }
    overrides.forEach((o, i) => {
        if (o.name === undefined || o.name === '') {
            throw new errors/* ConfigurationError */.j1('every container override needs the `name` of its container', {
                input: name,
                field: `[${i}].name`,
            });
        }
        if (overrides.findIndex((x) => x.name === o.name) !== i) {
            throw new errors/* ConfigurationError */.j1(`container '${o.name}' is overridden twice`, { input: name, field: `[${i}].name` });
        }
    });
    return overrides;
}
/**
 * `tags`: `key=value` items, one per line (then a value may contain commas) or comma separated on one line.
 * An empty value (`key=`) is allowed; a tag "consists of a key and an optional value".
 */
function readTags(inputs) {
    const raw = inputs.raw('tags');
    if (raw === '')
        return [];
    const items = (raw.includes('\n') ? raw.split('\n') : raw.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const tags = [];
    for (const item of items) {
        const eq = item.indexOf('=');
        if (eq <= 0)
            throw new errors/* ConfigurationError */.j1(`'${item}' is not key=value`, { input: 'tags' });
        const tag = { key: item.slice(0, eq).trim(), value: item.slice(eq + 1).trim() };
        const problem = tagProblem(tag);
        if (problem !== undefined)
            throw new errors/* ConfigurationError */.j1(problem, { input: 'tags' });
        if (tags.some((t) => t.key === tag.key)) {
            throw new errors/* ConfigurationError */.j1(`tag '${tag.key}' is given twice`, { input: 'tags' });
        }
        tags.push(tag);
    }
    return tags;
}
/** Why a tag breaks ECS's tag restrictions, or undefined. */
function tagProblem(tag) {
    const key = tag.key ?? '';
    const value = tag.value ?? '';
    if (key === '' || [...key].length > MAX_TAG_KEY)
        return `tag key '${key}' must be 1 to ${MAX_TAG_KEY} characters`;
    if ([...value].length > MAX_TAG_VALUE)
        return `the value of tag '${key}' is longer than ${MAX_TAG_VALUE} characters`;
    if (/^aws:/i.test(key) || /^aws:/i.test(value)) {
        return `tag '${key}': the prefix aws: is reserved for AWS use, in keys and values`;
    }
    return undefined;
}
/** Request tags, then input tags (an input tag replaces a request tag with the same key); at most 50. */
function mergeTags(fromRequest, fromInput) {
    const merged = new Map();
    for (const t of [...fromRequest, ...fromInput])
        merged.set(t.key ?? '', t);
    const tags = [...merged.values()];
    if (tags.length > MAX_TAGS) {
        throw new errors/* ConfigurationError */.j1(`a task can have at most ${MAX_TAGS} tags; with the request's tags there are ${tags.length}`, {
            input: 'tags',
        });
    }
    return tags;
}
function checkStartedBy(value, where) {
    if (STARTED_BY.test(value))
        return value;
    throw new errors/* ConfigurationError */.j1(`'${value}' is not a valid startedBy: up to 128 letters, numbers, hyphens (-), forward slashes (/) and underscores (_)`, where);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/build-request.js


/** RunTask overrides: "A total of 8192 characters are allowed for overrides", JSON formatting included. */
const MAX_OVERRIDES_CHARS = 8192;
/** action.yml's default for `started-by`, also used when the input arrives empty. */
const DEFAULT_STARTED_BY = 'GitHub-Actions';
const FILE = 'run-task-request';
const inFile = (field) => ({ input: FILE, field });
function buildRequest(file, inputs, log) {
    const { cluster: _cluster, taskDefinition: _td, count: _count, ...request } = file;
    const base = { ...request };
    const launchTypeOrigin = applyLaunchType(base, inputs, log);
    const networkOrigin = applyNetwork(base, inputs);
    const overrideOrigins = applyContainerOverrides(base, inputs.containerOverrides);
    if (base.startedBy !== undefined)
        checkStartedBy(base.startedBy, inFile('startedBy'));
    if (inputs.startedBy !== undefined) {
        if (base.startedBy !== undefined && base.startedBy !== inputs.startedBy) {
            log.info(`startedBy '${inputs.startedBy}' (input started-by) replaces the request's '${base.startedBy}'`);
        }
        base.startedBy = inputs.startedBy;
    }
    base.startedBy ??= DEFAULT_STARTED_BY;
    (base.tags ?? []).forEach((t, i) => {
        const problem = tagProblem(t);
        if (problem !== undefined)
            throw new errors/* ConfigurationError */.j1(problem, inFile(`tags[${i}]`));
    });
    const tags = mergeTags(base.tags ?? [], inputs.tags);
    if (tags.length > 0)
        base.tags = tags;
    return { request: base, overrideOrigins, networkOrigin, launchTypeOrigin };
}
function applyLaunchType(base, inputs, log) {
    if (inputs.launchType === undefined)
        return base.launchType !== undefined ? FILE : undefined;
    if ((base.capacityProviderStrategy ?? []).length > 0) {
        // ECS refuses launchType together with a capacity provider strategy: the input wins, as documented.
        log.info(`launch type ${inputs.launchType} (input launch-type) replaces the request's capacityProviderStrategy`);
        delete base.capacityProviderStrategy;
    }
    base.launchType = inputs.launchType;
    return 'launch-type';
}
function applyNetwork(base, inputs) {
    const given = inputs.subnets.length > 0 || inputs.securityGroups.length > 0 || inputs.assignPublicIp !== undefined;
    if (!given)
        return base.networkConfiguration !== undefined ? FILE : undefined;
    const vpc = { ...(base.networkConfiguration?.awsvpcConfiguration ?? {}) };
    if (inputs.subnets.length > 0)
        vpc.subnets = [...inputs.subnets];
    if (inputs.securityGroups.length > 0)
        vpc.securityGroups = [...inputs.securityGroups];
    if (inputs.assignPublicIp !== undefined)
        vpc.assignPublicIp = inputs.assignPublicIp;
    if (vpc.subnets === undefined || vpc.subnets.length === 0) {
        const which = inputs.securityGroups.length > 0 ? 'security-groups' : 'assign-public-ip';
        throw new errors/* ConfigurationError */.j1(`${which} is part of the awsvpc network configuration, which also needs subnets`, {
            input: 'subnets',
        });
    }
    base.networkConfiguration = { ...base.networkConfiguration, awsvpcConfiguration: { ...vpc, subnets: vpc.subnets } };
    return inputs.subnets.length > 0 ? 'subnets' : FILE;
}
/** Input overrides are merged field by field into the request's override of the same container (input wins). */
function applyContainerOverrides(base, fromInput) {
    const fromFile = base.overrides?.containerOverrides ?? [];
    const origins = [];
    const merged = [];
    fromFile.forEach((o, i) => {
        if (o.name === undefined || o.name === '') {
            throw new errors/* ConfigurationError */.j1('every container override needs the `name` of its container', inFile(`overrides.containerOverrides[${i}].name`));
        }
        merged.push(o);
        origins.push({ name: o.name, origin: FILE });
    });
    for (const o of fromInput) {
        const name = o.name ?? '';
        const at = merged.findIndex((m) => m.name === name);
        if (at >= 0)
            merged[at] = { ...merged[at], ...o };
        else
            merged.push(o);
        const origin = origins.find((x) => x.name === name);
        if (origin !== undefined)
            origin.origin = 'container-overrides';
        else
            origins.push({ name, origin: 'container-overrides' });
    }
    if (merged.length > 0)
        base.overrides = { ...base.overrides, containerOverrides: merged };
    const size = base.overrides === undefined ? 0 : JSON.stringify(base.overrides).length;
    if (size > MAX_OVERRIDES_CHARS) {
        const where = fromInput.length > 0 ? { input: 'container-overrides' } : inFile('overrides');
        throw new errors/* ConfigurationError */.j1(`the overrides are ${size} characters of JSON; RunTask allows at most ${MAX_OVERRIDES_CHARS}`, where);
    }
    return origins;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/options.js
const WAIT_MODES = ['stopped', 'running', 'none'];

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/inputs.js








/** Every input declared in actions/ecs-run-task/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
const INPUT_NAMES = [
    'cluster',
    'task-definition',
    'task-definition-arn',
    'run-task-request',
    'count',
    'launch-type',
    'subnets',
    'security-groups',
    'assign-public-ip',
    'container-overrides',
    'wait',
    'watch-container',
    'stream-logs',
    'timeout-minutes',
    'started-by',
    'tags',
    'image',
    'container-name',
    'region',
    'max-attempts',
    'dry-run',
];
/** The inputs src/core/action reads for ecs-run-task (readSharedInputs). */
const SHARED_INPUTS = [
    'cluster',
    'region',
    'timeout-minutes',
    'max-attempts',
    'dry-run',
    'image',
    'container-name',
];
const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL'];
const PUBLIC_IP = ['ENABLED', 'DISABLED'];
async function readOptions(rt) {
    const inputs = new core_inputs/* Inputs */.G(rt.inputs, INPUT_NAMES);
    const tdInput = inputs.exclusive('task-definition', 'task-definition-arn');
    const inputCount = readCount(inputs);
    const shortcuts = readShortcuts(inputs);
    const wait = inputs.enumValue('wait', WAIT_MODES, 'stopped');
    const watchContainer = inputs.optional('watch-container');
    const streamLogs = inputs.boolean('stream-logs', true);
    const { cluster: clusterInput, image, ...shared } = (0,action/* readSharedInputs */.lS)(inputs, rt.outputs, SHARED_INPUTS);
    const placeholders = (0,action/* imagePlaceholders */.cF)(image);
    const roots = (0,action/* manifestRoots */.X9)(rt);
    const requestPath = inputs.optional('run-task-request');
    const file = requestPath === undefined
        ? { taskDefinition: undefined }
        : await (0,manifests/* loadRunTaskRequest */.M5)(roots, requestPath, 'run-task-request', placeholders);
    const built = buildRequest(file, shortcuts, rt.log);
    const taskDefinition = await readTaskDefinitionSource(rt, roots, tdInput, file, placeholders, image);
    await (0,action/* checkImageIsUsed */.Re)(roots, image, [
        { input: 'task-definition', path: inputs.optional('task-definition') },
        { input: 'run-task-request', path: requestPath },
    ]);
    if (file.count !== undefined && inputCount === undefined)
        checkCount(file.count, { input: 'run-task-request', field: 'count' });
    if (clusterInput === undefined && file.cluster !== undefined)
        (0,action/* checkCluster */.zc)(file.cluster, { input: 'run-task-request', field: 'cluster' });
    const options = {
        cluster: clusterInput ?? file.cluster ?? 'default',
        taskDefinition,
        ...built,
        count: inputCount ?? file.count ?? 1,
        wait,
        watchContainer,
        streamLogs,
        timeoutMinutes: shared.timeoutMinutes,
        region: shared.region,
        maxAttempts: shared.maxAttempts,
        dryRun: shared.dryRun,
    };
    if (taskDefinition.kind === 'file') {
        checkRunAgainstTaskDefinition(options, taskDefinition.definition, `task definition ${taskDefinition.path}`);
    }
    return options;
}
/** The inputs that are shortcuts over the RunTask request (request-inputs.ts checks each). */
function readShortcuts(inputs) {
    return {
        launchType: inputs.enumValue('launch-type', LAUNCH_TYPES),
        subnets: readIds(inputs, 'subnets', 'subnet-', MAX_SUBNETS),
        securityGroups: readIds(inputs, 'security-groups', 'sg-', MAX_SECURITY_GROUPS),
        assignPublicIp: inputs.enumValue('assign-public-ip', PUBLIC_IP),
        containerOverrides: readContainerOverrides(inputs),
        startedBy: readStartedBy(inputs),
        tags: readTags(inputs),
    };
}
async function readTaskDefinitionSource(rt, roots, chosen, file, placeholders, image) {
    if (chosen?.name === 'task-definition') {
        const definition = await (0,action/* loadTaskDefinitionFile */.bs)(roots, chosen.value, placeholders, image);
        if (file.taskDefinition !== undefined) {
            rt.log.info(`The task definition registered from ${chosen.value} replaces the request's '${file.taskDefinition}'`);
        }
        return { kind: 'file', path: chosen.value, definition };
    }
    (0,action/* refuseContainerNameForRegistered */.A8)(image, 'runs as it was registered');
    if (chosen !== undefined) {
        const ref = (0,action/* checkTaskDefinitionRef */.gZ)(chosen.value, { input: chosen.name });
        if (file.taskDefinition !== undefined && file.taskDefinition !== ref) {
            rt.log.info(`task-definition-arn ${ref} replaces the request's '${file.taskDefinition}'`);
        }
        return { kind: 'registered', input: 'task-definition-arn', ref };
    }
    if (file.taskDefinition !== undefined) {
        const ref = (0,action/* checkTaskDefinitionRef */.gZ)(file.taskDefinition, { input: 'run-task-request', field: 'taskDefinition' });
        return { kind: 'registered', input: 'run-task-request', ref };
    }
    throw new errors/* ConfigurationError */.j1("one of 'task-definition' (a file to register) or 'task-definition-arn' is required (or taskDefinition in run-task-request)", { input: 'task-definition' });
}
function readStartedBy(inputs) {
    const value = inputs.optional('started-by');
    return value === undefined ? undefined : checkStartedBy(value, { input: 'started-by' });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/outcome.js

function succeeded(headline, tasks, evaluation) {
    return { success: true, headline, failure: undefined, tasks, evaluation, runFailures: [], stopped: undefined };
}
function failed(headline, failure, tasks, extra = {}) {
    return {
        success: false,
        headline,
        failure,
        tasks,
        evaluation: extra.evaluation,
        runFailures: extra.runFailures ?? [],
        stopped: extra.stopped,
    };
}
/** `; stopped 3 task(s) it started: a1b2, c3d4, e5f6` (a few ids, then `\u2026`) \u2014 or why some could not be stopped. */
function stoppedSentence(result) {
    const parts = [];
    const ids = (arns) => {
        const shown = arns.slice(0, EXAMPLE_IDS).map(taskIdFromArn).join(', ');
        return arns.length > EXAMPLE_IDS ? `${shown}, \u2026 (${arns.length - EXAMPLE_IDS} more)` : shown;
    };
    if (result.stopped.length > 0)
        parts.push(`stopped ${result.stopped.length} task(s) it started: ${ids(result.stopped)}`);
    if (result.alreadyStopped.length > 0)
        parts.push(`${result.alreadyStopped.length} had already stopped`);
    if (result.failed.length > 0) {
        const errors = groupedReasonLines(result.failed.map((f) => ({ taskArn: f.taskArn, reason: f.error })));
        parts.push(`could NOT stop ${result.failed.length} task(s), which may still be running (${errors.map((l) => l.slice(4)).join('; ')})`);
    }
    return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}
/** The latest description of each task, StopTask's answer where it gave one (the state after the stop request). */
function afterStop(tasks, stopped) {
    const answers = new Map(stopped.tasks.map((t) => [t.taskArn, t]));
    return tasks.map((t) => answers.get(t.taskArn) ?? t);
}
/**
 * For timeouts and cancellations, tasks in the same state share a line (reasons.ts): `  - task <id>: RUNNING`, or
 * `  - stop requested, last status RUNNING (desired STOPPED) [12 tasks: a, b, c, \u2026]` for tasks this run asked to stop.
 */
function statusLines(tasks) {
    return groupedReasonLines(tasks.map((t) => ({ taskArn: t.taskArn ?? '?', reason: stateOf(t) })));
}
function stateOf(t) {
    const status = t.lastStatus ?? 'status unknown';
    return t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED' ? `stop requested, last status ${status} (desired STOPPED)` : status;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/tasks/types.js
/** ECS task lifecycle states in order (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html). */
const NOT_YET_RUNNING_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

;// CONCATENATED MODULE: ./.build/dist-src/src/core/logs/awslogs.js
/** Containers using the awslogs driver with a log group, in task-definition order. */
function awslogsTargets(taskDefinition) {
    const targets = [];
    for (const def of taskDefinition.containerDefinitions ?? []) {
        const config = def.logConfiguration;
        if (def.name === undefined || config?.logDriver !== 'awslogs')
            continue;
        const options = config.options ?? {};
        const group = options['awslogs-group'];
        if (group === undefined || group === '')
            continue;
        targets.push({
            containerName: def.name,
            group,
            region: nonEmpty(options['awslogs-region']),
            streamPrefix: nonEmpty(options['awslogs-stream-prefix']),
        });
    }
    return targets;
}
/** The container definitions that do not use awslogs (their output cannot be streamed). */
function containersWithoutAwslogs(taskDefinition) {
    const streamed = new Set(awslogsTargets(taskDefinition).map((t) => t.containerName));
    return (taskDefinition.containerDefinitions ?? [])
        .map((d) => d.name)
        .filter((n) => n !== undefined && !streamed.has(n));
}
/**
 * The log stream ECS writes `target`'s output to in `task`, or undefined while it cannot be known yet (no prefix
 * and the container has no runtimeId).
 */
function logStreamName(target, task) {
    const taskArn = task.taskArn;
    if (taskArn === undefined)
        return undefined;
    if (target.streamPrefix !== undefined) {
        return `${target.streamPrefix}/${target.containerName}/${taskArn.slice(taskArn.lastIndexOf('/') + 1)}`;
    }
    const container = task.containers?.find((c) => c.name === target.containerName);
    return nonEmpty(container?.runtimeId);
}
function nonEmpty(value) {
    return value === undefined || value === '' ? undefined : value;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/logs/format.js
/**
 * How a CloudWatch log event is printed into the step log. A message may hold several lines (multiline
 * patterns); each gets the `[<task>/<container>] ` prefix when the run has several sources. A line that would
 * read as a GitHub workflow command (`::add-mask::`, `::set-output`, ... the runner also accepts them after
 * leading spaces) always gets the prefix, so a container cannot issue commands to the runner through its logs.
 */
function formatLogLines(message, prefix, alwaysPrefix) {
    const lines = message.replace(/\r?\n$/, '').split(/\r?\n/);
    return lines.map((line) => (alwaysPrefix || /^\s*::/.test(line) ? `${prefix}${line}` : line));
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/logs/stream-state.js

function newStreamState(taskArn, target) {
    return {
        taskArn,
        target,
        streamName: undefined,
        nextToken: undefined,
        finished: false,
        warned: false,
        missingSince: undefined,
        errorRun: 0,
        lastPolledCycle: 0,
    };
}
/** `task 0123\u2026 container app`, for warnings. */
function streamLabel(state) {
    return `task ${taskIdFromArn(state.taskArn)} container ${state.target.containerName}`;
}
function isStopped(task) {
    return task.lastStatus === 'STOPPED' || task.lastStatus === 'DELETED';
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/logs/read-problems.js


const ERROR_RUN_BEFORE_WARNING = 3;
class LogReadProblems {
    clock;
    log;
    missingWarnAfterMs;
    deniedGroups = new Set();
    missingGroupsWarned = new Set();
    constructor(clock, log, missingWarnAfterMs) {
        this.clock = clock;
        this.log = log;
        this.missingWarnAfterMs = missingWarnAfterMs;
    }
    /** A group this run may not read: it is not asked again. */
    isDenied(group) {
        return this.deniedGroups.has(group);
    }
    denied(state, e) {
        const group = state.target.group;
        this.deniedGroups.add(group);
        this.log.warning(`Cannot read log group ${group} (${(0,errors/* describeError */.Uc)(e)}); the output of ${state.target.containerName} is not streamed. ` +
            'Grant logs:GetLogEvents on it to see the logs here.');
    }
    missing(state, task, e) {
        const now = this.clock.now();
        state.missingSince ??= now;
        const stopped = isStopped(task);
        const container = task.containers?.find((c) => c.name === state.target.containerName);
        if (stopped && container?.exitCode === undefined && task.startedAt === undefined) {
            state.finished = true; // the container never ran: no stream is expected
            return;
        }
        if (!stopped && now - state.missingSince < this.missingWarnAfterMs)
            return; // normal at start
        if (stopped)
            state.finished = true;
        if (state.warned)
            return;
        state.warned = true;
        const isGroup = /log group/i.test(e instanceof Error ? e.message : '');
        if (isGroup && this.missingGroupsWarned.has(state.target.group))
            return;
        if (isGroup)
            this.missingGroupsWarned.add(state.target.group);
        const what = isGroup ? `log group ${state.target.group}` : `log stream ${state.target.group}:${state.streamName ?? ''}`;
        this.log.warning(`No logs for ${streamLabel(state)}: ${what} not found (${(0,errors/* describeError */.Uc)(e)})`);
    }
    other(state, task, e) {
        state.errorRun += 1;
        this.log.debug(`GetLogEvents ${state.target.group}:${state.streamName ?? ''} failed: ${(0,errors/* describeError */.Uc)(e)}`);
        if (state.errorRun < ERROR_RUN_BEFORE_WARNING)
            return;
        if (isStopped(task))
            state.finished = true;
        if (state.warned)
            return;
        state.warned = true;
        this.log.warning(`Cannot read the logs of ${streamLabel(state)}: ${(0,errors/* describeError */.Uc)(e)}`);
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/logs/streamer.js
/**
 * T4: print the CloudWatch log lines of a run's awslogs containers into the step log while waiting.
 *
 * Bounded: at most one GetLogEvents per stream per poll, and at most `maxStreamsPerPoll` streams per poll
 * (least recently polled first, so every stream gets its turn). Log problems are warnings, never failures
 * (read-problems.ts). After the tasks stopped, `flush` drains what is left on the one polling primitive.
 */










const DEFAULT_MAX_STREAMS_PER_POLL = 20;
const DEFAULT_MISSING_WARN_AFTER_MS = 60_000;
/** The drain after the tasks stopped reads every second for at most 30 s: the last lines reach CloudWatch within
 * seconds, and the step should not wait longer for them. */
const DRAIN_INTERVAL_MS = 1000;
const DRAIN_MAX_WAIT_MS = 30_000;
class LogStreamer {
    deps;
    taskDefinition;
    options;
    targets;
    streams = new Map();
    problems;
    clients = new Map();
    maxStreams;
    cycle = 0;
    tasksSeen = 0;
    announced = false;
    constructor(deps, taskDefinition, options = {}) {
        this.deps = deps;
        this.taskDefinition = taskDefinition;
        this.options = options;
        this.targets = awslogsTargets(taskDefinition);
        this.maxStreams = Math.max(1, options.maxStreamsPerPoll ?? DEFAULT_MAX_STREAMS_PER_POLL);
        this.problems = new LogReadProblems(deps.clock, deps.log, options.missingWarnAfterMs ?? DEFAULT_MISSING_WARN_AFTER_MS);
    }
    /** False when no container uses awslogs: there is nothing to stream. */
    get enabled() {
        return this.targets.length > 0;
    }
    /** One streaming cycle over the latest task descriptions (use as waitForTasks' onPoll). */
    async poll(tasks) {
        if (!this.enabled)
            return;
        this.announce();
        this.tasksSeen = Math.max(this.tasksSeen, tasks.filter((t) => t.taskArn !== undefined).length);
        this.cycle += 1;
        const due = this.dueStreams(tasks)
            .sort((a, b) => a.state.lastPolledCycle - b.state.lastPolledCycle)
            .slice(0, this.maxStreams);
        for (const { state, task } of due) {
            if ((0,poll/* isAborted */.G4)(this.deps.signal))
                return;
            if (this.problems.isDenied(state.target.group))
                continue;
            state.lastPolledCycle = this.cycle;
            const result = await this.fetch(state, task);
            if (result !== 'ok')
                return;
        }
    }
    /**
     * After the tasks stopped: keep polling (every `intervalMs`, default 1 s) until each stream's final drain returned
     * nothing new, for at most `maxWaitMs` (default 30 s), or until the signal aborts.
     */
    async flush(tasks, opts = {}) {
        if (!this.enabled)
            return;
        const { clock, sleep, signal } = this.deps;
        const deadline = new time/* Deadline */.B2(clock, opts.maxWaitMs ?? DRAIN_MAX_WAIT_MS);
        const end = await (0,poll/* poll */.wt)({ clock, sleep }, { deadline, signal, intervalMs: opts.intervalMs ?? DRAIN_INTERVAL_MS }, async () => {
            await this.poll(tasks);
            return this.dueStreams(tasks).length === 0 || (0,poll/* isAborted */.G4)(signal) ? true : undefined;
        });
        if (end.kind === 'timeout')
            this.deps.log.debug('Stopped waiting for the last log lines');
    }
    /** Streams that can be read now and are not finished. */
    dueStreams(tasks) {
        const due = [];
        for (const task of tasks) {
            const arn = task.taskArn;
            if (arn === undefined || task.lastStatus === undefined || NOT_YET_RUNNING_STATES.has(task.lastStatus))
                continue;
            for (const target of this.targets) {
                const state = this.stateFor(arn, target);
                if (state.finished || this.problems.isDenied(target.group))
                    continue;
                state.streamName ??= logStreamName(target, task);
                if (state.streamName === undefined) {
                    if (isStopped(task))
                        state.finished = true;
                    continue;
                }
                due.push({ state, task });
            }
        }
        return due;
    }
    async fetch(state, task) {
        const { target } = state;
        const input = {
            logGroupName: target.group,
            logStreamName: state.streamName,
            startFromHead: true,
            ...(state.nextToken !== undefined ? { nextToken: state.nextToken } : {}),
        };
        try {
            const signal = this.deps.signal;
            const out = await this.client(target.region).send(new client_cloudwatch_logs_dist_cjs/* GetLogEventsCommand */.h7S(input), signal ? { abortSignal: signal } : {});
            const events = out.events ?? [];
            this.print(state, events);
            // At the end of the stream GetLogEvents returns the token it was given: keeping it reads only new events.
            if (out.nextForwardToken !== undefined && out.nextForwardToken !== '')
                state.nextToken = out.nextForwardToken;
            state.missingSince = undefined;
            state.errorRun = 0;
            if (events.length === 0 && isStopped(task))
                state.finished = true;
            return 'ok';
        }
        catch (e) {
            if ((0,poll/* isAborted */.G4)(this.deps.signal))
                return 'aborted';
            if ((0,aws_errors/* isThrottlingError */.Qb)(e)) {
                this.deps.log.debug(`CloudWatch Logs throttled GetLogEvents; continuing next poll`);
                return 'throttled';
            }
            if ((0,aws_errors/* hasErrorName */.uI)(e, 'AccessDeniedException'))
                this.problems.denied(state, e);
            else if ((0,aws_errors/* hasErrorName */.uI)(e, 'ResourceNotFoundException'))
                this.problems.missing(state, task, e);
            else
                this.problems.other(state, task, e);
            return 'ok';
        }
    }
    print(state, events) {
        const prefix = `[${shortTaskId(state.taskArn)}/${state.target.containerName}] `;
        const always = this.tasksSeen > 1 || this.targets.length > 1;
        for (const event of events) {
            for (const line of formatLogLines(event.message ?? '', prefix, always))
                this.deps.log.info(line);
        }
    }
    announce() {
        if (this.announced)
            return;
        this.announced = true;
        const streamed = this.targets.map((t) => `${t.containerName} (${t.group})`).join(', ');
        this.deps.log.info(`Streaming CloudWatch logs of ${streamed}`);
        for (const name of containersWithoutAwslogs(this.taskDefinition)) {
            this.deps.log.info(`Container ${name} does not use the awslogs driver: its output is not streamed`);
        }
    }
    stateFor(taskArn, target) {
        const key = `${taskArn}\u0000${target.containerName}`;
        let state = this.streams.get(key);
        if (state === undefined) {
            state = newStreamState(taskArn, target);
            this.streams.set(key, state);
        }
        return state;
    }
    client(region) {
        const factory = this.options.clientForRegion;
        if (region === undefined || factory === undefined)
            return this.deps.logs;
        let client = this.clients.get(region);
        if (client === undefined) {
            client = factory(region);
            this.clients.set(region, client);
        }
        return client;
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/phases.js





/** StopTask reasons: they show in the console and in DescribeTasks' stoppedReason. */
const STOP_REASON = {
    cancelled: 'Stopped by ecs-run-task: the GitHub Actions workflow was cancelled',
    timeout: (minutes) => `Stopped by ecs-run-task: timeout-minutes (${minutes}) reached`,
    runFailed: 'Stopped by ecs-run-task: RunTask could not start every task of this run',
    error: 'Stopped by ecs-run-task: the action could not follow the tasks (see the step log)',
};
/** T1/T2: RunTask in calls of at most 10. Returns the started tasks, or a failed outcome after stopping them. */
async function startTasks(ctx, options, td) {
    const { deps } = ctx;
    const run = await runTasks(deps, {
        ...options.request,
        cluster: options.cluster,
        taskDefinition: td.arn,
        count: options.count,
    });
    if (run.failures.length === 0 && run.error === undefined)
        return { tasks: run.tasks };
    const arns = run.tasks.map((t) => t.taskArn ?? '').filter((a) => a !== '');
    const cancelled = (0,errors/* isCancelledError */.wm)(run.error) || ctx.rt.cancel.aborted;
    const reason = cancelled ? STOP_REASON.cancelled : STOP_REASON.runFailed;
    const stopped = arns.length > 0 ? await stopTasks(deps, options.cluster, arns, reason) : undefined;
    const left = stopped === undefined ? '' : stoppedSentence(stopped);
    let message;
    if (run.failures.length > 0)
        message = runTaskFailuresMessage(run.failures);
    else if (cancelled)
        message = (0,errors/* describeError */.Uc)(ctx.rt.cancel.reason ?? run.error);
    else
        message = `RunTask failed: ${(0,errors/* describeError */.Uc)(run.error)}`;
    const headline = run.failures.length > 0 ? 'RunTask reported failures' : cancelled ? 'Cancelled' : 'RunTask failed';
    return {
        tasks: run.tasks,
        outcome: failed(headline, `${message}${left === '' ? '' : `\nThe action ${left.slice(2)}.`}`, run.tasks, {
            runFailures: run.failures,
            ...(stopped !== undefined ? { stopped } : {}),
        }),
    };
}
/** T3/T4: wait until every task is STOPPED (or RUNNING), printing awslogs lines meanwhile; then judge. */
async function waitForRun(ctx, options, td, started) {
    const { deps, rt } = ctx;
    const until = options.wait === 'running' ? 'running' : 'stopped';
    const streamer = options.streamLogs ? createStreamer(ctx, td) : undefined;
    const taskArns = started.map((t) => t.taskArn ?? '').filter((a) => a !== '');
    const result = await waitForTasks(deps, {
        cluster: options.cluster,
        taskArns,
        until,
        deadline: ctx.deadline,
        signal: rt.cancel,
        initialTasks: started,
        taskDefinition: td.definition,
        ...(options.watchContainer !== undefined ? { watchContainer: options.watchContainer } : {}),
        ...(streamer !== undefined ? { onPoll: (tasks) => streamer.poll(tasks) } : {}),
    }).catch(async (e) => {
        // An error waiting cannot fix (e.g. access denied): the tasks this run started must not outlive the step (S10).
        deps.log.warning(`Waiting for the tasks failed (${(0,errors/* describeError */.Uc)(e)}): stopping the ${taskArns.length} task(s) this run started`);
        await stopTasks(deps, options.cluster, taskArns, STOP_REASON.error);
        throw e;
    });
    if (result.status === 'cancelled' || result.status === 'timeout')
        return stopUnfinished(ctx, options, result);
    if (streamer !== undefined && until === 'stopped')
        await streamer.flush(result.tasks);
    return until === 'stopped' ? judgeStopped(options, td, result) : judgeRunning(result);
}
function createStreamer(ctx, td) {
    const { deps } = ctx;
    const streamer = new LogStreamer({ logs: deps.logs, clock: deps.clock, sleep: deps.sleep, log: deps.log, signal: ctx.rt.cancel }, td.definition, { clientForRegion: ctx.logsClientForRegion });
    if (streamer.enabled)
        return streamer;
    deps.log.info('No container of the task definition uses the awslogs log driver: there are no logs to stream');
    return undefined;
}
function judgeStopped(options, td, result) {
    const evaluation = evaluateTasks(result.tasks, td.definition, options.watchContainer);
    const n = result.tasks.length;
    const checked = options.watchContainer !== undefined ? `container ${options.watchContainer}` : 'every essential container';
    if (evaluation.success && result.status === 'done') {
        return succeeded(`${n} task(s) stopped; ${checked} exited with code 0`, result.tasks, evaluation);
    }
    const waitLines = groupedReasonLines(result.failures);
    const message = [evaluation.failureMessage ?? `${waitLines.length} task(s) could not be followed:`, ...waitLines].join('\n');
    const failedCount = evaluation.tasks.filter((t) => !t.success).length;
    return failed(`${failedCount} of ${n} task(s) failed`, message, result.tasks, { evaluation });
}
function judgeRunning(result) {
    const n = result.tasks.length;
    if (result.status === 'done')
        return succeeded(`${n} task(s) reached RUNNING`, result.tasks);
    const lines = groupedReasonLines(result.failures);
    const stillRunning = result.tasks.filter((t) => t.lastStatus !== 'STOPPED' && t.lastStatus !== 'DELETED').length;
    const left = stillRunning > 0 ? `\n${stillRunning} other task(s) were left as they are (not stopped).` : '';
    const message = `${result.failures.length} of ${n} task(s) did not reach RUNNING:\n${lines.join('\n')}${left}`;
    return failed(`${result.failures.length} of ${n} task(s) did not reach RUNNING`, message, result.tasks);
}
/** Cancelled or timed out: stop every task that is not STOPPED yet, then fail naming why. */
async function stopUnfinished(ctx, options, result) {
    const cancelled = result.status === 'cancelled';
    const unfinished = result.tasks
        .filter((t) => t.lastStatus !== 'STOPPED' && t.lastStatus !== 'DELETED')
        .map((t) => t.taskArn ?? '')
        .filter((a) => a !== '');
    const reason = cancelled ? STOP_REASON.cancelled : STOP_REASON.timeout(options.timeoutMinutes);
    ctx.deps.log.warning(`${cancelled ? 'Cancelled' : 'Timed out'}: stopping ${unfinished.length} task(s) this run started`);
    const stopped = await stopTasks(ctx.deps, options.cluster, unfinished, reason);
    const goal = options.wait === 'running' ? 'RUNNING' : 'STOPPED';
    const why = cancelled
        ? `${(0,errors/* describeError */.Uc)(ctx.rt.cancel.reason)} while waiting for the tasks to be ${goal}`
        : `Timed out after ${(0,time/* formatDuration */.a3)(ctx.deadline.timeoutMs)} (timeout-minutes: ${options.timeoutMinutes}) waiting for the tasks to be ${goal}`;
    const left = stoppedSentence(stopped).slice(2) || 'had nothing left to stop';
    const message = `${why}; the action ${left}. The tasks as left:\n${statusLines(afterStop(result.tasks, stopped)).join('\n')}`;
    return failed(cancelled ? 'Cancelled' : 'Timed out', message, result.tasks, { stopped });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/report.js


/** Rows of the status table (wait: running / none) before the rest is left out. */
const MAX_STATUS_ROWS = 200;
function runTaskReport(options, td, outcome) {
    const tasks = outcome.tasks;
    return {
        succeeded: outcome.success,
        outputs: [
            ['taskDefinitionArn', td.arn],
            ['clusterArn', tasks.find((t) => t.clusterArn !== undefined)?.clusterArn],
            ['taskArns', tasks.map((t) => t.taskArn).filter((a) => a !== undefined)],
            ['exitCodes', exitCodesOutput(tasks)],
        ],
        heading: `ecs-run-task: ${outcome.success ? '\u2705' : '\u274c'} ${outcome.headline}`,
        rows: [
            ['Cluster', options.cluster],
            ['Task definition', td.label],
            ['Tasks requested', options.count],
            ['Wait', options.wait],
        ],
        sections: [
            tasksSection(outcome),
            ...(outcome.failure !== undefined ? [(0,action/* failureSection */.mo)(outcome.failure)] : []),
        ],
        log: [outcome.headline],
        failure: outcome.failure ?? outcome.headline,
        status: outcome.headline,
    };
}
/** The tasks (with their exit-code verdicts when waited until STOPPED), then RunTask's own failures. */
function tasksSection(outcome) {
    return (s) => {
        if (outcome.evaluation !== undefined)
            s.raw(taskSummaryTable(outcome.evaluation.tasks));
        else if (outcome.tasks.length > 0)
            s.table(['Task', 'Status', 'Containers', 'Stopped reason'], statusRows(outcome.tasks));
        if (outcome.runFailures.length > 0) {
            s.heading('RunTask failures', 3).raw(outcome.runFailures.map((f) => `- ${formatRunTaskFailure(f)}`).join('\n'));
        }
    };
}
function statusRows(tasks) {
    const rows = tasks.slice(0, MAX_STATUS_ROWS).map((t) => [
        `\`${taskIdFromArn(t.taskArn ?? '?')}\``,
        t.lastStatus ?? 'unknown',
        (t.containers ?? []).map((c) => `${c.name ?? '?'}: ${c.lastStatus ?? 'unknown'}`).join(', '),
        t.stoppedReason ?? '',
    ]);
    if (tasks.length > MAX_STATUS_ROWS)
        rows.push([`\u2026and ${tasks.length - MAX_STATUS_ROWS} more`, '', '', '']);
    return rows;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/ecs-run-task/main.js
/**
 * ecs-run-task (docs/contract.md, T1\u2013T5): one-off tasks with real exit codes and live logs. Orchestration only:
 *   S3  read and check every input and manifest before any AWS call
 *   T1  register the task definition (or take the registered revision), then RunTask, 10 tasks per call
 *   T2  RunTask failures[] fail the step (after stopping what did start)
 *   T3  wait until STOPPED (exit codes decide) or RUNNING, or not at all
 *   T4  stream the awslogs lines while waiting
 *   T5  outputs taskArns, exitCodes, taskDefinitionArn, clusterArn, and the job summary
 *   S10 cancelled or timed out: stop the tasks this run started, then fail
 *   S13 dry-run: print the task definition diff and the RunTask request, change nothing (dry-run.ts)
 */









async function main(rt) {
    const options = await (0,action/* readInputs */.Ko)(rt, readOptions, logPlan);
    const ctx = createContext(rt, options);
    if (options.dryRun)
        return dryRun(rt, ctx.deps.ecs, options);
    const td = await rt.log.group('Task definition', () => resolveTaskDefinition(ctx.deps, options));
    if (rt.cancel.aborted)
        throw rt.cancel.reason;
    const started = await rt.log.group(`Run ${options.count} task(s) in cluster ${options.cluster}`, () => startTasks(ctx, options, td));
    if (started.outcome !== undefined)
        return finish(rt, options, td, started.outcome);
    if (options.wait === 'none') {
        const headline = `${started.tasks.length} task(s) started; not waited for (wait: none)`;
        return finish(rt, options, td, succeeded(headline, started.tasks));
    }
    const goal = options.wait === 'running' ? 'RUNNING' : 'STOPPED';
    const outcome = await rt.log.group(`Wait for ${started.tasks.length} task(s) to be ${goal}`, () => waitForRun(ctx, options, td, started.tasks));
    return finish(rt, options, td, outcome);
}
function createContext(rt, options) {
    const clientOptions = { region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep };
    const aws = (0,clients/* createAwsClients */.Gv)(clientOptions);
    return {
        rt,
        deps: { ecs: aws.ecs, logs: aws.logs, clock: rt.clock, sleep: rt.sleep, log: rt.log, signal: rt.cancel, reads: aws.reads },
        deadline: new time/* Deadline */.B2(rt.clock, options.timeoutMinutes * 60_000),
        logsClientForRegion: (region) => (0,clients/* createAwsClients */.Gv)({ ...clientOptions, region, regionSource: 'awslogs-region' }).logs,
    };
}
/** Outputs and summary from the outcome; a failed outcome fails the step with its explanation. */
async function finish(rt, options, td, outcome) {
    await (0,action/* finishAction */._Q)(rt, () => runTaskReport(options, td, outcome));
}
function logPlan(rt, o) {
    const source = o.taskDefinition;
    const td = source.kind === 'file' ? `register ${source.path}` : `${source.ref} (${source.input})`;
    const launch = o.request.launchType ??
        (o.request.capacityProviderStrategy?.map((s) => s.capacityProvider).join('+') || 'cluster default');
    rt.log.info(`Cluster: ${o.cluster}`);
    rt.log.info(`Task definition: ${td}`);
    rt.log.info(`Tasks: ${o.count}, launch: ${launch}, wait: ${o.wait}, timeout: ${o.timeoutMinutes} min${o.dryRun ? ', dry run' : ''}`);
}


/***/ })

};

export const id = 649;
export const ids = [649];
export const modules = {

/***/ 6649:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5130);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1749);


await (0,_core_run_js__WEBPACK_IMPORTED_MODULE_0__.runAction)('register-delegate', _main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1749:
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
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/inputs.js + 2 modules
var core_inputs = __webpack_require__(9747);
// EXTERNAL MODULE: ./.build/dist-src/src/core/manifests/index.js + 12 modules
var manifests = __webpack_require__(6794);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/preset.js
/** The seeds' delegate image (harness/delegate:yy.mm.xxxxx); the README recommends pinning a current tag. */
const DEFAULT_IMAGE = 'harness/delegate:22.12.77802';
const DEFAULT_FAMILY = 'harness-delegate-task-spec';
const CONTAINER_NAME = 'delegate';
/** The seeds' container memory, and the least a delegate task should have (a warning below it). */
const MIN_DELEGATE_MEMORY = 2048;
const PRESET_SIZES = {
    ec2: { cpu: 1024, memory: 2048 },
    fargate: { cpu: 1024, memory: 6144 },
};
function presetBase(preset) {
    if (preset === 'custom')
        return { family: DEFAULT_FAMILY, containerDefinitions: [] };
    const size = PRESET_SIZES[preset];
    const container = {
        name: CONTAINER_NAME,
        image: DEFAULT_IMAGE,
        essential: true,
        cpu: 1,
        memory: MIN_DELEGATE_MEMORY,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    };
    return {
        family: DEFAULT_FAMILY,
        requiresCompatibilities: [preset === 'ec2' ? 'EC2' : 'FARGATE'],
        ...(preset === 'fargate' ? { networkMode: 'awsvpc' } : {}),
        cpu: String(size.cpu),
        memory: String(size.memory),
        containerDefinitions: [container],
    };
}
/**
 * The file's parsed value with the preset's fields it leaves out filled in (the delegate container too), so that
 * the file is checked as the task definition it becomes; anything that is not a task definition object is left as
 * it is, for the check to refuse.
 */
function fillFromPreset(value, base) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return value;
    const file = value;
    const containers = file['containerDefinitions'];
    if (containers !== undefined && !Array.isArray(containers))
        return value;
    const list = (containers ?? []);
    const at = Math.max(0, list.findIndex((c) => typeof c === 'object' && c !== null && c.name === CONTAINER_NAME));
    const baseContainer = base.containerDefinitions?.[0];
    const filled = list.map((c, i) => (i === at && baseContainer !== undefined && typeof c === 'object' && c !== null ? { ...baseContainer, ...c } : c));
    if (filled.length === 0 && baseContainer !== undefined)
        filled.push(baseContainer);
    return { ...base, ...file, containerDefinitions: filled };
}
function delegateContainerIndex(td) {
    return Math.max(0, (td.containerDefinitions ?? []).findIndex((c) => c.name === CONTAINER_NAME));
}
function buildTaskDefinition(p) {
    // A file given with a preset was filled from it when it was loaded (fillFromPreset), so it is the whole base.
    const td = { ...(p.file ?? presetBase(p.preset)) };
    if (p.family !== undefined)
        td.family = p.family;
    if (p.cpu !== undefined)
        td.cpu = String(p.cpu);
    if (p.memory !== undefined)
        td.memory = String(p.memory);
    if (p.executionRoleArn !== undefined)
        td.executionRoleArn = p.executionRoleArn;
    if (p.taskRoleArn !== undefined)
        td.taskRoleArn = p.taskRoleArn;
    const index = delegateContainerIndex(td);
    td.containerDefinitions = (td.containerDefinitions ?? []).map((c, i) => (i === index ? delegateContainer(c, p, td.memory) : c));
    return td;
}
function delegateContainer(c, p, taskMemory) {
    const out = { ...c, image: p.image ?? c.image ?? DEFAULT_IMAGE };
    if (p.hostname !== undefined)
        out.hostname = p.hostname;
    // The container may not ask for more memory than the task has.
    const memory = Number(taskMemory);
    if (typeof out.memory === 'number' && Number.isFinite(memory) && memory > 0 && out.memory > memory)
        out.memory = memory;
    const ours = new Set([...p.environment.map((e) => e.name), 'DELEGATE_TOKEN']);
    out.environment = [...(c.environment ?? []).filter((e) => !ours.has(e.name ?? '')), ...p.environment];
    const secrets = (c.secrets ?? []).filter((s) => s.name !== 'DELEGATE_TOKEN');
    if (p.token.kind === 'secret')
        secrets.push({ name: 'DELEGATE_TOKEN', valueFrom: p.token.arn });
    if (secrets.length > 0)
        out.secrets = secrets;
    else
        delete out.secrets;
    return out;
}
/**
 * The CreateService input (D3). awsvpc: the network configuration. A static host port (the seeds' 8080 in bridge
 * mode) fits once per instance, so such a service may stop its old task before it starts the new one
 * (minimumHealthyPercent 0, maximumPercent 100): an upgrade on a one-instance cluster cannot place the new task
 * otherwise.
 */
function buildService(p) {
    const service = {
        cluster: p.cluster,
        serviceName: p.serviceName,
        desiredCount: p.replicas,
        launchType: p.launchType,
    };
    if (p.taskDefinition.networkMode === 'awsvpc') {
        service.networkConfiguration = {
            awsvpcConfiguration: {
                subnets: p.subnets,
                ...(p.securityGroups.length > 0 ? { securityGroups: p.securityGroups } : {}),
                assignPublicIp: p.assignPublicIp ? 'ENABLED' : 'DISABLED',
            },
        };
    }
    else if (staticHostPorts(p.taskDefinition).length > 0) {
        service.deploymentConfiguration = { minimumHealthyPercent: 0, maximumPercent: 100 };
    }
    return service;
}
function staticHostPorts(td) {
    if (td.networkMode === 'awsvpc')
        return [];
    const ports = (td.containerDefinitions ?? []).flatMap((c) => c.portMappings ?? []);
    return ports.map((m) => (td.networkMode === 'host' ? m.containerPort : m.hostPort) ?? 0).filter((port) => port > 0);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/checks.js



function checkTaskDefinition(td, ctx, log) {
    const fromFile = (field) => (ctx.file !== undefined ? { input: 'task-definition', file: ctx.file, field } : { input: 'preset' });
    const fargate = td.requiresCompatibilities?.includes('FARGATE') === true;
    const awsvpc = td.networkMode === 'awsvpc';
    const hostnamed = (td.containerDefinitions ?? []).findIndex((c) => c.hostname !== undefined && c.hostname !== '');
    if (hostnamed >= 0 && (awsvpc || fargate)) {
        throw new errors/* ConfigurationError */.j1(`a container hostname is not allowed in awsvpc network mode${fargate ? ' (Fargate always uses awsvpc)' : ''}: AWS refuses it ` +
            '("hostname is not supported on container when networkMode=awsvpc"); leave hostname empty (Harness then names the delegate by its container id)', ctx.given.hostname ? { input: 'hostname' } : fromFile(`containerDefinitions[${hostnamed}].hostname`));
    }
    if (fargate && !awsvpc)
        throw new errors/* ConfigurationError */.j1("Fargate only supports network mode 'awsvpc'", fromFile('networkMode'));
    if (fargate && td.executionRoleArn === undefined) {
        throw new errors/* ConfigurationError */.j1('Fargate needs a task execution role (to pull the image and read the token secret); give execution-role-arn', { input: 'execution-role-arn' });
    }
    if (ctx.token.kind === 'secret' && td.executionRoleArn === undefined) {
        throw new errors/* ConfigurationError */.j1('the delegate token is read from Secrets Manager by the task execution role (secrets valueFrom); give execution-role-arn ' +
            'with secretsmanager:GetSecretValue on the secret', { input: 'execution-role-arn' });
    }
    checkSize(td, fargate, ctx, fromFile, log);
    if ((td.containerDefinitions ?? [])[delegateContainerIndex(td)] === undefined) {
        throw new errors/* ConfigurationError */.j1('the task definition has no container to run the delegate in', fromFile('containerDefinitions'));
    }
}
function checkSize(td, fargate, ctx, fromFile, log) {
    const cpu = td.cpu === undefined ? undefined : (0,manifests/* parseCpuUnits */.TT)(td.cpu);
    const memory = td.memory === undefined ? undefined : (0,manifests/* parseMemoryMiB */.lk)(td.memory);
    if (fargate) {
        if (cpu === undefined || memory === undefined) {
            throw new errors/* ConfigurationError */.j1('Fargate needs task-level cpu and memory', ctx.given.cpu ? { input: 'cpu' } : fromFile('cpu'));
        }
        const problem = (0,manifests/* fargateSizeProblem */.Ho)(cpu, memory);
        if (problem !== undefined) {
            const where = problem.startsWith('cpu') ? (ctx.given.cpu ? { input: 'cpu' } : fromFile('cpu')) : ctx.given.memory ? { input: 'memory' } : fromFile('memory');
            throw new errors/* ConfigurationError */.j1(problem, where);
        }
    }
    if (memory !== undefined && memory < MIN_DELEGATE_MEMORY) {
        log.warning(`memory ${memory} MiB is below the ${MIN_DELEGATE_MEMORY} MiB the delegate task spec gives a delegate; it may run out of memory ` +
            '(the seeds also ask for 8 GB of memory on the cluster per delegate)');
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/env.js
/**
 * D1: the delegate container's environment \u2014 the variables the seeds' task specs set, from the inputs \u2014 and the
 * `env` input's extra `KEY=value` lines, which may not override them.
 */

/** The variables this action sets (a line of `env` may not set them: the input that does is named). */
const RESERVED_VARIABLES = {
    ACCOUNT_ID: 'account-id',
    DELEGATE_TOKEN: 'delegate-token-secret-arn or delegate-token',
    MANAGER_HOST_AND_PORT: 'manager-host-and-port',
    DELEGATE_NAME: 'delegate-name',
    DELEGATE_TYPE: 'delegate-type',
    DELEGATE_TAGS: 'delegate-tags',
    LOG_STREAMING_SERVICE_URL: 'log-streaming-service-url',
    INIT_SCRIPT: 'init-script',
    DEPLOY_MODE: 'this action (KUBERNETES, as the seeds set it)',
    NEXT_GEN: 'this action (true)',
};
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The `env` input: one `KEY=value` per line (blank lines and `#` comments skipped); errors name the line. */
function parseEnvLines(text) {
    if (text === undefined)
        return [];
    const out = [];
    const seen = new Set();
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const where = { input: 'env', line: index + 1 };
        const eq = line.indexOf('=');
        const name = eq < 0 ? line : line.slice(0, eq).trim();
        if (eq <= 0 || !ENV_NAME.test(name)) {
            throw new errors/* ConfigurationError */.j1(`line ${index + 1} is not KEY=value (KEY: letters, digits and underscores, not starting with a digit)`, where);
        }
        const owner = RESERVED_VARIABLES[name];
        if (owner !== undefined)
            throw new errors/* ConfigurationError */.j1(`${name} is set by ${owner}; it cannot be overridden through env`, where);
        if (seen.has(name))
            throw new errors/* ConfigurationError */.j1(`${name} is given twice`, where);
        seen.add(name);
        out.push({ name, value: line.slice(eq + 1).trim() });
    });
    return out;
}
/** The container environment, in the seeds' order; the token is left out when it comes from a secret (D2). */
function delegateEnvironment(d, token, plainToken) {
    const env = [
        { name: 'ACCOUNT_ID', value: d.accountId },
        ...(token.kind === 'plain' ? [{ name: 'DELEGATE_TOKEN', value: plainToken ?? '' }] : []),
        { name: 'DELEGATE_TYPE', value: d.delegateType },
        { name: 'INIT_SCRIPT', value: d.initScript },
        { name: 'DEPLOY_MODE', value: 'KUBERNETES' },
        { name: 'MANAGER_HOST_AND_PORT', value: d.managerHostAndPort },
        { name: 'DELEGATE_NAME', value: d.delegateName },
        { name: 'LOG_STREAMING_SERVICE_URL', value: d.logStreamingServiceUrl },
        { name: 'DELEGATE_TAGS', value: d.delegateTags },
        { name: 'NEXT_GEN', value: 'true' },
    ];
    return [...env, ...d.extraEnv];
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/options.js
const PRESETS = ['ec2', 'fargate', 'custom'];

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/inputs.js
/**
 * The inputs of register-delegate. readOptions checks every input, loads the task-definition file and builds the
 * delegate's task definition and service before any AWS call (S3): a mistake is a ConfigurationError naming the
 * input (or file, line and field), and the action makes no call at all. A plain token is masked first (D2, S11).
 */








/** Every input declared in actions/register-delegate/action.yml (test/unit/action-inputs.test.ts keeps the two equal). */
const INPUT_NAMES = [
    'cluster',
    'service-name',
    'preset',
    'task-definition',
    'image',
    'family',
    'account-id',
    'delegate-token-secret-arn',
    'delegate-token',
    'manager-host-and-port',
    'delegate-name',
    'delegate-tags',
    'delegate-type',
    'init-script',
    'log-streaming-service-url',
    'env',
    'hostname',
    'cpu',
    'memory',
    'execution-role-arn',
    'task-role-arn',
    'subnets',
    'security-groups',
    'assign-public-ip',
    'replicas',
    'wait-for-steady-state',
    'timeout-minutes',
    'region',
    'max-attempts',
    'dry-run',
];
const SHARED_INPUTS = ['cluster', 'region', 'timeout-minutes', 'max-attempts', 'dry-run'];
const SECRET_ARN = /^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\d{12}:secret:.+|ssm:[a-z0-9-]+:\d{12}:parameter\/.+)$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
async function readOptions(rt) {
    const inputs = new core_inputs/* Inputs */.G(rt.inputs, INPUT_NAMES);
    const { token, plainToken } = readToken(inputs, rt);
    const shared = (0,action/* readSharedInputs */.lS)(inputs, rt.outputs, SHARED_INPUTS);
    const cluster = shared.cluster ?? 'default';
    const serviceName = inputs.optional('service-name') ?? 'harness-delegate';
    if (!SERVICE_NAME.test(serviceName)) {
        throw new errors/* ConfigurationError */.j1(`'${serviceName}' is not a service name (up to 255 letters, numbers, hyphens and underscores)`, { input: 'service-name' });
    }
    const preset = inputs.enumValue('preset', PRESETS, 'ec2');
    const replicas = inputs.integer('replicas', { min: 0, max: 100, default: 1 });
    const delegate = readDelegate(inputs, serviceName);
    const file = await readFile(rt, inputs, preset);
    const given = {
        hostname: inputs.optional('hostname'),
        cpu: inputs.integer('cpu', { min: 128, max: 196_608 }),
        memory: inputs.integer('memory', { min: 128, max: 786_432 }),
        executionRoleArn: roleArn(inputs, 'execution-role-arn'),
        taskRoleArn: roleArn(inputs, 'task-role-arn'),
    };
    const taskDefinition = buildTaskDefinition({
        preset,
        family: inputs.optional('family'),
        ...given,
        image: inputs.optional('image'),
        file: file?.definition,
        environment: delegateEnvironment(delegate, token, plainToken),
        token,
    });
    const flags = { hostname: given.hostname !== undefined, cpu: given.cpu !== undefined, memory: given.memory !== undefined, executionRoleArn: given.executionRoleArn !== undefined };
    checkTaskDefinition(taskDefinition, { token, given: flags, file: file?.path }, rt.log);
    const launchType = taskDefinition.requiresCompatibilities?.includes('FARGATE') === true ? 'FARGATE' : 'EC2';
    const network = readNetwork(inputs, taskDefinition.networkMode === 'awsvpc', preset);
    const service = buildService({ cluster, serviceName, replicas, launchType, taskDefinition, ...network });
    return {
        cluster,
        serviceName,
        preset,
        taskDefinitionSource: file === undefined ? `the ${preset} preset` : preset === 'custom' ? file.path : `the ${preset} preset with ${file.path}`,
        taskDefinition,
        service,
        launchType,
        networkMode: taskDefinition.networkMode ?? 'bridge',
        replicas,
        token,
        delegate,
        image: taskDefinition.containerDefinitions?.[delegateContainerIndex(taskDefinition)]?.image ?? '',
        waitForSteadyState: inputs.boolean('wait-for-steady-state', true),
        timeoutMinutes: shared.timeoutMinutes,
        dryRun: shared.dryRun,
        region: shared.region,
        maxAttempts: shared.maxAttempts,
    };
}
/** D2: exactly one of the two token inputs; a plain token is masked before anything else is read, with a warning. */
function readToken(inputs, rt) {
    const plain = inputs.optional('delegate-token');
    if (plain !== undefined)
        rt.outputs.mask(plain);
    const chosen = inputs.exclusive('delegate-token-secret-arn', 'delegate-token', { required: true });
    if (chosen.name === 'delegate-token') {
        rt.log.warning('delegate-token is written into the task definition as a plain environment variable, readable by anyone who may ' +
            'describe it; store the token in AWS Secrets Manager and give delegate-token-secret-arn instead');
        return { token: { kind: 'plain' }, plainToken: chosen.value };
    }
    if (!SECRET_ARN.test(chosen.value)) {
        throw new errors/* ConfigurationError */.j1('expected the ARN of a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>) or of an SSM parameter', { input: 'delegate-token-secret-arn' });
    }
    return { token: { kind: 'secret', arn: chosen.value }, plainToken: undefined };
}
function readDelegate(inputs, serviceName) {
    const manager = httpsUrl(inputs.required('manager-host-and-port'), 'manager-host-and-port').replace(/\/+$/, '');
    const logUrl = inputs.optional('log-streaming-service-url');
    return {
        accountId: oneLine(inputs.required('account-id'), 'account-id'),
        managerHostAndPort: manager,
        delegateName: oneLine(inputs.optional('delegate-name') ?? serviceName, 'delegate-name'),
        delegateType: oneLine(inputs.optional('delegate-type') ?? 'DOCKER', 'delegate-type'),
        delegateTags: inputs.list('delegate-tags').join(','),
        initScript: inputs.raw('init-script'),
        logStreamingServiceUrl: logUrl === undefined ? `${manager}/log-service/` : httpsUrl(logUrl, 'log-streaming-service-url'),
        extraEnv: parseEnvLines(inputs.optional('env')),
    };
}
async function readFile(rt, inputs, preset) {
    const path = inputs.optional('task-definition');
    if (path === undefined) {
        if (preset === 'custom')
            throw new errors/* ConfigurationError */.j1("preset 'custom' needs a task definition file", { input: 'task-definition' });
        return undefined;
    }
    const roots = (0,action/* manifestRoots */.X9)(rt);
    if (preset === 'custom')
        return { path, definition: await (0,manifests/* loadTaskDefinition */.$5)(roots, path, 'task-definition', {}) };
    // Merged over a preset, the file may leave out what the preset gives: it is checked as the task definition it becomes.
    const m = await (0,manifests/* loadManifest */.eY)(roots, path, 'task-definition', {});
    const filled = {
        value: fillFromPreset(m.value, presetBase(preset)),
        file: m.file,
        input: m.input,
        lineOf: (p) => m.lineOf(p),
        scalarText: m.scalarText,
        placeholdersInContent: m.placeholdersInContent,
    };
    return { path, definition: (0,manifests/* checkManifest */.K7)(manifests/* TASK_DEFINITION */.ML, filled) };
}
function readNetwork(inputs, awsvpc, preset) {
    const subnets = inputs.list('subnets');
    const securityGroups = inputs.list('security-groups');
    const assignPublicIp = inputs.boolean('assign-public-ip', false);
    if (awsvpc && subnets.length === 0) {
        throw new errors/* ConfigurationError */.j1(`the ${preset} preset runs in awsvpc network mode, which needs the subnets the tasks run in`, { input: 'subnets' });
    }
    if (!awsvpc) {
        const given = subnets.length > 0 ? 'subnets' : securityGroups.length > 0 ? 'security-groups' : inputs.has('assign-public-ip') ? 'assign-public-ip' : undefined;
        if (given !== undefined) {
            throw new errors/* ConfigurationError */.j1(`only awsvpc network mode (the fargate preset) takes a network configuration; the ${preset} task definition runs in bridge mode`, { input: given });
        }
    }
    return { subnets, securityGroups, assignPublicIp };
}
function roleArn(inputs, name) {
    const value = inputs.optional(name);
    if (value !== undefined && !ROLE_ARN.test(value))
        throw new errors/* ConfigurationError */.j1('expected an IAM role ARN (arn:aws:iam::<account>:role/<name>)', { input: name });
    return value;
}
function httpsUrl(value, input) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (url?.protocol !== 'https:')
        throw new errors/* ConfigurationError */.j1(`expected an https URL (e.g. https://app.harness.io), got '${value}'`, { input });
    return value;
}
function oneLine(value, input) {
    if (/[\r\n]/.test(value))
        throw new errors/* ConfigurationError */.j1('expected one line', { input });
    return value;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/call-options.js
var call_options = __webpack_require__(8820);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/ecs/clusters.js
/** Clusters: DescribeClusters for one cluster (undefined when ECS reports it MISSING). Thin, like services.ts. */


async function describeCluster(ecs, cluster, opts = {}) {
    const out = await ecs.send(new dist_cjs/* DescribeClustersCommand */._2_({ clusters: [cluster] }), (0,call_options/* httpOptions */.$)(opts));
    return out.clusters?.find((c) => c.status !== 'INACTIVE');
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var services = __webpack_require__(4259);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/plan.js





async function readLive(ecs, o) {
    const described = await (0,services/* describeServiceAnyStatus */.dM)(ecs, o.cluster, o.serviceName);
    const arn = described?.status === 'ACTIVE' ? described.taskDefinition : undefined;
    return { described, taskDefinition: arn === undefined ? undefined : await (0,task_definitions/* describeTaskDefinition */.oh)(ecs, arn) };
}
function planChange(o, live) {
    const service = live.described?.status === 'ACTIVE' ? live.described : undefined;
    if (service !== undefined)
        refuseLaunchTypeSwitch(o, service);
    const desired = { taskDefinition: o.taskDefinition, service: o.service, desiredCount: o.replicas };
    const diff = (0,deploy/* diffDeployment */.Zi)({ taskDefinition: live.taskDefinition, service }, desired);
    const base = { service, described: live.described, liveTaskDefinition: live.taskDefinition, diff, changedFields: changedFields(diff) };
    if (service === undefined)
        return { ...base, kind: 'create' };
    if (diff.taskDefinitionChanged)
        return { ...base, kind: 'roll' };
    if (!diff.serviceChanged)
        return { ...base, kind: 'none' };
    const settings = (0,deploy/* diffDeployment */.Zi)({ service }, { service: o.service, desiredCount: service.desiredCount }).serviceChanged;
    return { ...base, kind: settings ? 'settings' : 'replicas' };
}
/** ECS cannot change a live service's launch type: refused before any change, with what to do instead. */
function refuseLaunchTypeSwitch(o, service) {
    if (service.launchType === undefined || service.launchType === o.launchType)
        return;
    throw new errors/* ConfigurationError */.j1(`service ${o.serviceName} runs with launch type ${service.launchType}, and the ${o.preset} delegate needs ${o.launchType}: ` +
        'ECS cannot change the launch type of a live service. Give another service-name for the new delegate (and remove the old ' +
        'service once it is connected), or keep the preset. Nothing was changed.', { input: 'preset' });
}
/** `containerDefinitions[delegate].image`, `desiredCount`: the paths of the diff's `-` / `+` lines, once each. */
function changedFields(diff) {
    const fields = new Set();
    for (const line of diff.text.split('\n')) {
        const m = /^[-+] ([^:]+):/.exec(line);
        if (m?.[1] !== undefined)
            fields.add(m[1]);
    }
    return [...fields];
}
/** One sentence for the log and the summary. */
function describeChange(change, o) {
    switch (change.kind) {
        case 'create':
            return `create service ${o.serviceName} (${o.launchType}, ${o.networkMode}) with ${o.replicas} delegate(s)`;
        case 'roll':
            return `register a new revision of ${o.taskDefinition.family ?? 'the task definition'} and roll the service (${change.changedFields.join(', ')})`;
        case 'settings':
            return `update the service's settings (${change.changedFields.join(', ')}): a new deployment of the same revision`;
        case 'replicas':
            return `change the desired count from ${change.service?.desiredCount ?? '?'} to ${o.replicas} (no new revision, no new deployment)`;
        case 'none':
            return 'nothing: the delegate is up to date';
        default:
            throw new Error(`BUG: no description for ${String(change.kind)}`);
    }
}
/**
 * An EC2 delegate needs container instances: when the service is to be created on a cluster that has none, the
 * warning that says so (its tasks would wait unplaced until instances join). Undefined otherwise.
 */
async function capacityWarning(ecs, o, change) {
    if (change.kind !== 'create' || o.launchType !== 'EC2')
        return undefined;
    const cluster = await describeCluster(ecs, o.cluster);
    if (cluster === undefined || (cluster.registeredContainerInstancesCount ?? 0) > 0)
        return undefined;
    return (`cluster ${o.cluster} has no registered container instance: the EC2 delegate tasks cannot start until EC2 instances ` +
        `running the ECS agent join it (ECS_CLUSTER=${cluster.clusterName ?? o.cluster}); Harness asks for 8 GB of memory per delegate`);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/report.js
/**
 * D5 / S5 / S9: register-delegate's outputs and job summary (finishAction writes them): delegate name, image,
 * replicas, launch type, network mode and what changed \u2014 the changed fields by name, never a value, so never the
 * token (S11). A failure names its cause (an ECS placement event, a stopped task) first.
 */


function delegateRows(o, change) {
    return [
        ['Delegate', o.delegate.delegateName],
        ['Image', o.image],
        ['Replicas', String(o.replicas)],
        ['Service', `${o.serviceName} (cluster ${o.cluster})`],
        ['Launch type', o.launchType],
        ['Network mode', o.networkMode],
        ['Token', o.token.kind === 'secret' ? 'from Secrets Manager (secrets valueFrom)' : 'plain input (masked)'],
        ['What changed', change.kind === 'none' ? 'nothing' : change.kind === 'create' ? 'the service was created' : change.changedFields.join(', ')],
    ];
}
function delegateReport(input) {
    const { options, change, outcome, facts } = input;
    const ok = outcome.status !== 'failed';
    const failure = (0,action/* deployFailureMessage */.fU)(outcome, true);
    const mark = outcome.status === 'started' ? '\u23f3' : ok ? '\u2705' : '\u274c';
    return {
        succeeded: ok,
        startedOnly: outcome.status === 'started',
        outputs: [
            ['taskDefinitionArn', outcome.taskDefinitionArn],
            ['serviceArn', outcome.service.arn ?? facts.service?.serviceArn ?? ''],
            ['serviceName', options.serviceName],
            ['runningCount', facts.service?.runningCount ?? 0],
            ['changed', true],
        ],
        heading: `register-delegate: ${mark} ${describeChange(change, options)}${ok ? '' : ' failed'}`,
        rows: [...delegateRows(options, change), (0,action/* taskDefinitionRow */.ri)(outcome, facts), (0,action/* durationRow */.re)(outcome), (0,action/* resultRow */.AX)(outcome), ...(0,action/* rollbackRows */.sT)(outcome)],
        sections: [...(ok ? [] : [(0,action/* failureSection */.mo)(failure)]), (0,action/* stoppedTasksSection */.dZ)(outcome)],
        failure: ok ? undefined : failure,
        status: ok ? `Delegate ${options.delegate.delegateName}: ${describeChange(change, options)}` : (outcome.cause ?? 'failed'),
    };
}
/** D3: nothing to do; the outputs describe what is live. */
function upToDateReport(options, change) {
    return {
        succeeded: true,
        outputs: liveOutputs(options, change, false),
        heading: `register-delegate: \u2705 delegate ${options.delegate.delegateName} is up to date`,
        rows: [...delegateRows(options, change), ['Result', 'up to date: no new revision, no service update']],
        status: `Delegate ${options.delegate.delegateName} is up to date`,
    };
}
/** S13: the normalised diff (sensitive environment values fingerprinted), nothing changed. */
function dryRunReport(options, change) {
    const diff = (s) => s.heading('What would change', 3).codeBlock(change.diff.text, 'diff');
    return {
        succeeded: true,
        outputs: liveOutputs(options, change, change.kind !== 'none'),
        heading: `register-delegate: dry run, would ${describeChange(change, options)} (nothing changed)`,
        rows: delegateRows(options, change),
        sections: [diff],
        status: 'dry run',
    };
}
/** The outputs from what is live (nothing was changed by this run). */
function liveOutputs(options, change, changed) {
    return [
        ['taskDefinitionArn', change.liveTaskDefinition?.taskDefinitionArn ?? ''],
        ['serviceArn', change.service?.serviceArn ?? ''],
        ['serviceName', options.serviceName],
        ['runningCount', change.service?.runningCount ?? 0],
        ['changed', changed],
    ];
}

;// CONCATENATED MODULE: ./.build/dist-src/src/actions/register-delegate/main.js
/**
 * register-delegate (docs/contract.md, D1\u2013D5). Orchestration only:
 *   S3, D1, D2  read and check every input, build the delegate's task definition and service (inputs.ts)
 *   D3          compare them with what is live, normalised as the dry run does (plan.ts); S13 dry-run stops here
 *   D3          nothing changed: no call that changes anything, "delegate is up to date"
 *   D3, D4      otherwise create the service or roll it with the shared rolling deployment (src/core/deploy:
 *               truthful wait, events, rollback on failure); only the replicas changed: the desired count alone
 *   D4, S5      outputs and job summary (report.ts) \u2014 never the token
 */







async function main(rt) {
    const options = await (0,action/* readInputs */.Ko)(rt, readOptions, logPlan);
    const aws = (0,clients/* createAwsClients */.Gv)({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
    const change = await rt.log.group(`Compare with service ${options.serviceName} in cluster ${options.cluster}`, async () => {
        const c = planChange(options, await readLive(aws.ecs, options));
        rt.log.info(`To do: ${describeChange(c, options)}.`);
        const warning = await capacityWarning(aws.ecs, options, c);
        if (warning !== undefined)
            rt.log.warning(warning);
        return c;
    });
    if (options.dryRun) {
        rt.log.info(change.diff.text);
        await (0,action/* finishAction */._Q)(rt, () => dryRunReport(options, change));
        return;
    }
    if (change.kind === 'none') {
        rt.log.info(`The delegate is up to date: service ${options.serviceName} runs the wanted task definition with ${options.replicas} replica(s).`);
        await (0,action/* finishAction */._Q)(rt, () => upToDateReport(options, change));
        return;
    }
    const deps = (0,action/* rollingDepsOf */.Xn)(rt, aws);
    const deadline = new time/* Deadline */.B2(rt.clock, options.timeoutMinutes * 60_000);
    const outcome = await (0,deploy/* deployService */.z5)(deps, deployPlan(options, change, deadline), { service: change.described });
    await (0,action/* finishAction */._Q)(rt, () => report(rt, options, change, outcome, aws.ecs));
}
/** The rolling deployment for each kind of change (D3). */
function deployPlan(o, change, deadline) {
    const liveArn = change.liveTaskDefinition?.taskDefinitionArn;
    const reuse = (change.kind === 'settings' || change.kind === 'replicas') && liveArn !== undefined;
    return {
        cluster: o.cluster,
        serviceName: o.serviceName,
        taskDefinition: reuse
            ? { kind: 'registered', ref: liveArn, input: 'task-definition' }
            : { kind: 'file', path: o.taskDefinitionSource, definition: o.taskDefinition },
        // Only the replicas changed: UpdateService with the desired count alone starts no deployment.
        serviceDefinition: change.kind === 'replicas' ? undefined : o.service,
        desiredCount: o.replicas,
        sameAsRunning: false,
        forceNewDeployment: false,
        suspendAutoScalingDuringUpdate: true,
        scalableTargets: [],
        scalingPolicies: [],
        waitForSteadyState: o.waitForSteadyState,
        rollbackOnFailure: true,
        deadline,
    };
}
async function report(rt, options, change, outcome, ecs) {
    const facts = await (0,action/* readAfterFacts */.im)(ecs, rt.log, { cluster: options.cluster, serviceName: options.serviceName }, { previous: outcome.previousTaskDefinitionArn, deployed: outcome.taskDefinitionArn }, rt.hardCancel, { deployedImages: options.image, previousImages: (0,action/* imagesOf */.IC)(outcome.previousTaskDefinition), service: outcome.steadyService });
    return delegateReport({ options, change, outcome, facts });
}
function logPlan(rt, o) {
    rt.log.info(`Delegate: ${o.delegate.delegateName} (${o.image}), ${o.replicas} replica(s)`);
    rt.log.info(`Service: ${o.serviceName} in cluster ${o.cluster}, launch type ${o.launchType}, network mode ${o.networkMode}`);
    rt.log.info(`Task definition: ${o.taskDefinition.family ?? '-'} from ${o.taskDefinitionSource}`);
    rt.log.info(`Token: ${o.token.kind === 'secret' ? `from ${o.token.arn} (secrets valueFrom)` : 'plain input (masked; prefer delegate-token-secret-arn)'}`);
    rt.log.info(`Wait for steady state: ${String(o.waitForSteadyState)}, timeout ${o.timeoutMinutes} min${o.dryRun ? ', dry run' : ''}`);
}


/***/ })

};

export const id = 120;
export const ids = [120,130];
export const modules = {

/***/ 7745:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kC: () => (/* reexport */ autoScalingSourcesOf),
  QP: () => (/* reexport */ changeRows),
  zc: () => (/* reexport */ checkCluster),
  Re: () => (/* reexport */ checkImageIsUsed),
  gZ: () => (/* reexport */ checkTaskDefinitionRef),
  DZ: () => (/* reexport */ clusterArnOf),
  fU: () => (/* reexport */ deployFailureMessage),
  gV: () => (/* reexport */ desiredCountRow),
  re: () => (/* reexport */ durationRow),
  mo: () => (/* reexport */ failureSection),
  _Q: () => (/* reexport */ finishAction),
  cF: () => (/* reexport */ imagePlaceholders),
  IC: () => (/* reexport */ imagesOf),
  c6: () => (/* reexport */ loadAutoScalingFiles),
  Z$: () => (/* reexport */ loadServiceDefinitionFile),
  bs: () => (/* reexport */ loadTaskDefinitionFile),
  YN: () => (/* reexport */ loadTaskDefinitionSource),
  TY: () => (/* reexport */ manifestFiles),
  X9: () => (/* reexport */ manifestRoots),
  XX: () => (/* reexport */ parseServiceInput),
  im: () => (/* reexport */ readAfterFacts),
  vr: () => (/* reexport */ readImageChoice),
  Ko: () => (/* reexport */ readInputs),
  lS: () => (/* reexport */ readSharedInputs),
  b: () => (/* reexport */ recordErrors),
  A8: () => (/* reexport */ refuseContainerNameForRegistered),
  u1: () => (/* reexport */ resolveTarget),
  AX: () => (/* reexport */ resultRow),
  sT: () => (/* reexport */ rollbackRows),
  Xn: () => (/* reexport */ rollingDepsOf),
  Ld: () => (/* reexport */ runDepsOf),
  OI: () => (/* reexport */ startActionRecord),
  ww: () => (/* reexport */ stoppedTaskListSection),
  dZ: () => (/* reexport */ stoppedTasksSection),
  ri: () => (/* reexport */ taskDefinitionRow),
  F1: () => (/* reexport */ wasRolledBack)
});

// UNUSED EXPORTS: DEFAULT_ENVIRONMENT, MAX_ATTEMPTS, SHARED_INPUT_NAMES, TIMEOUT_MINUTES, checkRegion, containerImageOf, labelOf, readCluster, readEnvironment, readGitHubToken, readMaxAttempts, readRegion, readTimeoutMinutes, summaryOf

// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/clients.js + 4 modules
var clients = __webpack_require__(4336);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./.build/dist-src/src/core/manifests/index.js + 12 modules
var manifests = __webpack_require__(6794);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/image.js
/**
 * The `image` and `container-name` inputs (S2), as every action that takes a task definition reads them: `image`
 * fills the `<+artifact.image>` placeholders of the manifests, or, with `container-name`, is set as that container's
 * image in the task definition file. Both are checked before any AWS call (S3).
 */


const NO_IMAGE = { image: undefined, containerName: undefined };
/** `image` and `container-name`; container-name needs the image it sets. */
function readImageChoice(inputs) {
    const image = inputs.optional('image');
    const containerName = inputs.optional('container-name');
    if (containerName !== undefined && image === undefined) {
        throw new errors/* ConfigurationError */.j1(`container-name '${containerName}' is given, so the image to set is required`, { input: 'image' });
    }
    return { image, containerName };
}
/** The placeholders `image` fills in every manifest. */
function imagePlaceholders(choice) {
    return choice.image === undefined ? {} : { image: choice.image };
}
/** With container-name: the container and the image the task definition file gets. */
function containerImageOf(choice) {
    return choice.containerName !== undefined && choice.image !== undefined
        ? { containerName: choice.containerName, image: choice.image }
        : undefined;
}
/**
 * A registered task definition has no file to set an image in, so container-name is refused, naming the input.
 * `use`: what the action does with a registered revision ("is deployed as it was registered").
 */
function refuseContainerNameForRegistered(choice, use) {
    if (choice.containerName === undefined)
        return;
    throw new errors/* ConfigurationError */.j1('container-name and image set a container image in a task-definition file; a registered task definition ' +
        `(task-definition-arn) ${use}`, { input: 'container-name' });
}
/**
 * `image` without `container-name` only works through a placeholder: an image no manifest uses would be silently
 * ignored, so it is an error on input `image`. Used means replaced in a manifest's content \u2014 a value, not a comment
 * (`# CI sets <+artifact.image>` above the file's own image uses nothing). The manifests are parsed again with the
 * same placeholders (their loaders already refused anything wrong in them). Nothing to check without an image, or
 * with container-name.
 */
async function checkImageIsUsed(roots, choice, files) {
    if (choice.image === undefined || choice.containerName !== undefined)
        return;
    for (const { input, path } of files) {
        if (path === undefined)
            continue;
        const manifest = await (0,manifests/* loadManifest */.eY)(roots, path, input, imagePlaceholders(choice));
        if (manifest.placeholdersInContent.has('image'))
            return;
    }
    throw new errors/* ConfigurationError */.j1('the image would not be used: no manifest has an <+artifact.image> placeholder outside comments; set ' +
        'container-name to choose the container that runs it', { input: 'image' });
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/resource.js
var resource = __webpack_require__(7680);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definition-refs.js
var task_definition_refs = __webpack_require__(1397);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/names.js



const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
/** `service/<cluster>/<name>` (current format) or `service/<name>` (the old one). */
const SERVICE_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:service\/(?:([A-Za-z0-9_-]{1,255})\/)?([A-Za-z0-9_-]{1,255})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
function checkCluster(value, where) {
    if (NAME.test(value) || CLUSTER_ARN.test(value))
        return value;
    throw new errors/* ConfigurationError */.j1(`'${value}' is not a cluster name (up to 255 letters, numbers, hyphens and underscores) or cluster ARN`, where);
}
/**
 * A reference to a registered task definition (S4): a full ARN or `family:revision` (a bare family would deploy or
 * run whatever revision is latest at that moment). The reference itself, or a ConfigurationError at `where`.
 */
function checkTaskDefinitionRef(ref, where) {
    const problem = (0,task_definition_refs/* taskDefinitionRefProblem */.Tj)(ref);
    if (problem !== undefined)
        throw new errors/* ConfigurationError */.j1(problem, where);
    return ref;
}
function checkRegion(value) {
    if (value === undefined || REGION.test(value))
        return value;
    throw new errors/* ConfigurationError */.j1(`'${value}' is not an AWS region name (e.g. us-east-1)`, { input: 'region' });
}
/** The `service` input: a name, or a service ARN (its cluster, when the ARN names one, is returned too). */
function parseServiceInput(value) {
    if (NAME.test(value))
        return { name: value };
    const arn = SERVICE_ARN.exec(value);
    if (arn !== null) {
        const name = (0,resource/* serviceNameOf */.Ee)(value);
        return arn[1] !== undefined ? { name, cluster: arn[1] } : { name };
    }
    throw new errors/* ConfigurationError */.j1(`'${value}' is not a service name (up to 255 letters, numbers, hyphens and underscores) or service ARN`, { input: 'service' });
}
/**
 * The service name: the `service` input or the definition's serviceName (one is needed; when both are given they
 * must agree). The cluster: the `cluster` input, else the service ARN's, else the definition's, else `default`.
 */
function resolveTarget(serviceInput, clusterInput, definition, locate) {
    const fromInput = serviceInput === undefined ? undefined : parseServiceInput(serviceInput);
    const inFile = definition?.serviceName ?? undefined;
    if (inFile !== undefined && !NAME.test(inFile)) {
        throw new errors/* ConfigurationError */.j1(`'${inFile}' is not a service name (up to 255 letters, numbers, hyphens and underscores)`, locate('serviceName'));
    }
    if (fromInput !== undefined && inFile !== undefined && fromInput.name !== inFile) {
        const at = locate('serviceName');
        const where = at.file !== undefined ? ` (${at.file}${at.line !== undefined ? `:${at.line}` : ''})` : '';
        throw new errors/* ConfigurationError */.j1(`'${fromInput.name}' is not the service the service definition names: serviceName in input ` +
            `'service-definition'${where} is '${inFile}'; remove one or make them agree`, { input: 'service' });
    }
    const serviceName = fromInput?.name ?? inFile;
    if (serviceName === undefined) {
        throw new errors/* ConfigurationError */.j1("a service is needed: set the 'service' input, or serviceName in the service definition", {
            input: 'service',
        });
    }
    if (clusterInput !== undefined && fromInput?.cluster !== undefined && (0,resource/* clusterNameOf */.T)(clusterInput) !== fromInput.cluster) {
        throw new errors/* ConfigurationError */.j1(`the service ARN is in cluster '${fromInput.cluster}' but input 'cluster' is '${clusterInput}'`, { input: 'service' });
    }
    const fileCluster = definition?.cluster ?? undefined;
    if (clusterInput === undefined && fromInput?.cluster === undefined && fileCluster !== undefined) {
        checkCluster(fileCluster, locate('cluster'));
    }
    return { serviceName, cluster: clusterInput ?? fromInput?.cluster ?? fileCluster ?? 'default' };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/shared-inputs.js
/**
 * The inputs every action shares, read once and checked the same way everywhere (S3): region, cluster,
 * timeout-minutes, max-attempts, dry-run, github-token with environment (S11: the token is masked the moment it is
 * read), and image with container-name (image.ts). An action names the shared inputs it declares; only those are
 * read, the others keep their defaults (an action whose `image` means something else simply does not name it).
 */




/** The shared inputs, as they are spelled in action.yml. */
const SHARED_INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'region',
    'cluster',
    'timeout-minutes',
    'max-attempts',
    'dry-run',
    'github-token',
    'environment',
    'image',
    'container-name',
]));
/** timeout-minutes: 1 to 360 (six hours, the longest a GitHub-hosted job runs), 30 when unset. */
const TIMEOUT_MINUTES = { min: 1, max: 360, default: 30 };
/** max-attempts: SDK attempts per AWS call (retries included). */
const MAX_ATTEMPTS = { min: 1, max: 20, default: clients/* DEFAULT_MAX_ATTEMPTS */.Gz };
/** The GitHub environment a deployment is recorded for when `environment` is unset. */
const DEFAULT_ENVIRONMENT = 'production';
/**
 * Reads the shared inputs in `declared` (the action's own list), github-token first, so it is masked before
 * anything could echo it.
 */
function readSharedInputs(inputs, secrets, declared) {
    const uses = new Set(declared);
    for (const [a, b] of [['github-token', 'environment'], ['image', 'container-name']]) {
        if (uses.has(a) !== uses.has(b))
            throw new Error(`BUG: the shared inputs ${a} and ${b} are declared together or not at all`);
    }
    const token = uses.has('github-token') ? readGitHubToken(inputs, secrets) : undefined;
    return {
        dryRun: uses.has('dry-run') ? inputs.boolean('dry-run', false) : false,
        timeoutMinutes: uses.has('timeout-minutes') ? readTimeoutMinutes(inputs) : TIMEOUT_MINUTES.default,
        maxAttempts: uses.has('max-attempts') ? readMaxAttempts(inputs) : MAX_ATTEMPTS.default,
        region: uses.has('region') ? readRegion(inputs) : undefined,
        github: token === undefined ? undefined : { token, environment: readEnvironment(inputs) },
        cluster: uses.has('cluster') ? readCluster(inputs) : undefined,
        image: uses.has('image') ? readImageChoice(inputs) : NO_IMAGE,
    };
}
function readRegion(inputs) {
    return checkRegion(inputs.optional('region'));
}
/** The `cluster` input, a name or an ARN; undefined when unset. */
function readCluster(inputs) {
    const cluster = inputs.optional('cluster');
    return cluster === undefined ? undefined : checkCluster(cluster, { input: 'cluster' });
}
function readTimeoutMinutes(inputs) {
    return inputs.integer('timeout-minutes', TIMEOUT_MINUTES);
}
function readMaxAttempts(inputs) {
    return inputs.integer('max-attempts', MAX_ATTEMPTS);
}
/** github-token, registered as a secret at once (S11). */
function readGitHubToken(inputs, secrets) {
    const token = inputs.optional('github-token');
    if (token !== undefined)
        secrets.mask(token);
    return token;
}
/** The GitHub environment name: one line of at most 255 characters, `production` when unset. */
function readEnvironment(inputs) {
    const environment = inputs.optional('environment') ?? DEFAULT_ENVIRONMENT;
    if (environment.length > 255 || /[\r\n]/.test(environment)) {
        throw new errors/* ConfigurationError */.j1('a GitHub environment name is one line of at most 255 characters', { input: 'environment' });
    }
    return environment;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/manifests.js


/**
 * Where the action's manifests may be: the workspace, and RUNNER_TEMP as the runner set it (files earlier steps
 * wrote there, such as aws-actions/amazon-ecs-render-task-definition's output).
 */
function manifestRoots(rt) {
    return { workspace: rt.workspace, runnerTemp: rt.env['RUNNER_TEMP'] };
}
async function loadServiceDefinitionFile(roots, path, placeholders, serviceNameGiven) {
    const manifest = await (0,manifests/* loadManifest */.eY)(roots, path, 'service-definition', placeholders);
    // serviceName is required by CreateService; the `service` input may provide it.
    const definition = (0,manifests/* checkManifest */.K7)(manifests/* SERVICE_DEFINITION */.U1, manifest, serviceNameGiven ? { provided: ['serviceName'] } : {});
    return {
        definition,
        locate: (field) => {
            const loc = { input: 'service-definition', file: path, field };
            const line = manifest.lineOf([field]);
            return line === undefined ? loc : { ...loc, line };
        },
    };
}
async function loadTaskDefinitionFile(roots, path, placeholders, choice) {
    return (0,manifests/* loadTaskDefinition */.$5)(roots, path, 'task-definition', placeholders, { containerImage: containerImageOf(choice) });
}
/**
 * `task-definition` (a file, registered later) or `task-definition-arn` (a registered revision, deployed as it is),
 * as Inputs.exclusive returned the one that is set.
 */
async function loadTaskDefinitionSource(roots, chosen, placeholders, choice) {
    if (chosen.name === 'task-definition-arn')
        return { kind: 'registered', ref: chosen.value, input: 'task-definition-arn' };
    const definition = await loadTaskDefinitionFile(roots, chosen.value, placeholders, choice);
    return { kind: 'file', path: chosen.value, definition };
}
async function loadAutoScalingFiles(roots, paths, placeholders) {
    const scalableTargets = paths.scalableTargets === undefined
        ? []
        : await (0,manifests/* loadScalableTargets */.Wc)(roots, paths.scalableTargets, 'scalable-targets', placeholders);
    const scalingPolicies = paths.scalingPolicies === undefined
        ? []
        : await (0,manifests/* loadScalingPolicies */.Er)(roots, paths.scalingPolicies, 'scaling-policies', placeholders);
    return { scalableTargets, scalingPolicies };
}
/** Where the auto scaling manifests came from, for the errors bindAutoScaling and the apply step report. */
function autoScalingSourcesOf(paths) {
    return {
        ...(paths.scalableTargets !== undefined ? { scalableTargets: { input: 'scalable-targets', file: paths.scalableTargets } } : {}),
        ...(paths.scalingPolicies !== undefined ? { scalingPolicies: { input: 'scaling-policies', file: paths.scalingPolicies } } : {}),
    };
}
/** The manifest inputs in the order the image placeholder is looked for (checkImageIsUsed). */
function manifestFiles(paths) {
    return [
        { input: 'task-definition', path: paths.taskDefinition },
        { input: 'service-definition', path: paths.serviceDefinition },
        { input: 'scalable-targets', path: paths.scalableTargets },
        { input: 'scaling-policies', path: paths.scalingPolicies },
    ];
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var services = __webpack_require__(4259);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/facts.js




async function readAfterFacts(ecs, log, where, arns, signal, 
/** What is already known, so it is not read again (issue 17: no read after success that a poll already made): the
 * deployed revision's images (registered from a file), the previous revision's (read before the change) and the
 * service as the successful wait last described it. */
known = {}) {
    const { deployedImages, previousImages } = known;
    const facts = { service: known.service, previous: undefined, deployed: undefined };
    if (signal.aborted)
        return facts;
    if (facts.service === undefined) {
        try {
            facts.service = await (0,services/* describeService */.Jv)(ecs, where.cluster, where.serviceName, { signal });
        }
        catch (e) {
            log.debug(`Reading service ${where.serviceName} for the summary failed: ${(0,errors/* describeError */.Uc)(e)}`);
        }
    }
    facts.previous =
        previousImages !== undefined && arns.previous !== undefined
            ? { arn: arns.previous, revision: (0,task_definition_refs/* familyRevision */.KW)(arns.previous), images: previousImages }
            : await labelOf(ecs, log, arns.previous, signal);
    facts.deployed =
        deployedImages !== undefined && arns.deployed !== undefined
            ? { arn: arns.deployed, revision: (0,task_definition_refs/* familyRevision */.KW)(arns.deployed), images: deployedImages }
            : await labelOf(ecs, log, arns.deployed, signal);
    return facts;
}
async function labelOf(ecs, log, arn, signal) {
    if (arn === undefined || arn === '')
        return undefined;
    const label = { arn, revision: (0,task_definition_refs/* familyRevision */.KW)(arn), images: undefined };
    if (signal.aborted)
        return label;
    try {
        label.images = imagesOf(await (0,task_definitions/* describeTaskDefinition */.oh)(ecs, arn, { signal }));
    }
    catch (e) {
        log.debug(`Reading task definition ${arn} for the summary failed: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    return label;
}
function imagesOf(td) {
    const images = (td?.containerDefinitions ?? []).map((c) => `${c.name ?? '?'}=${c.image ?? '?'}`);
    return images.length === 0 ? undefined : images.join(', ');
}
/** `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>` \u2192 `arn:aws:ecs:<region>:<account>:cluster/<cluster>`. */
function clusterArnOf(serviceArn) {
    const m = /^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}):service\/([^/]+)\/[^/]+$/.exec(serviceArn ?? '');
    return m === null ? undefined : `${m[1] ?? ''}:cluster/${m[2] ?? ''}`;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/io/summary.js
var summary = __webpack_require__(5858);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/finish.js

/**
 * Inside a `Result` group: builds the report (reads made for it log there), sets the outputs (an undefined value is
 * left out), appends the job summary and lists the outputs; then finishes the GitHub deployment record (success or
 * failure) and, when the outcome failed, throws its failure message, which fails the step.
 */
async function finishAction(rt, build, record) {
    const report = await rt.log.group('Result', async () => {
        const r = await build();
        for (const [name, value] of r.outputs)
            if (value !== undefined)
                rt.outputs.set(name, value);
        await rt.summary.append(summaryOf(r, rt.outputs.entries()));
        for (const line of r.log ?? [])
            rt.log.info(line);
        for (const [name, value] of rt.outputs.entries())
            rt.log.info(`${name}: ${value}`);
        return r;
    });
    await record?.finish(!report.succeeded ? 'failure' : report.startedOnly === true ? 'in_progress' : 'success', report.status);
    if (!report.succeeded)
        throw new Error(report.failure ?? report.heading);
}
/** The job summary's Markdown: heading, table, sections, then every output set. */
function summaryOf(report, outputs) {
    const s = new summary/* SummaryBuilder */.CF().heading(report.heading).keyValueTable(report.rows);
    for (const section of report.sections ?? [])
        section(s);
    return s.heading('Outputs', 3).keyValueTable(outputs).toString();
}
/** The `Why it failed` block. */
function failureSection(message) {
    return (s) => s.heading('Why it failed', 3).codeBlock(message);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/github/deployments.js

const NOOP = { finish: async () => undefined };
/** Creates the deployment and its in_progress status; returns a no-op record when anything fails. */
async function startDeploymentRecord(req) {
    const { env, log } = req;
    const repository = env['GITHUB_REPOSITORY'] ?? '';
    const [owner, repo] = repository.split('/');
    const ref = env['GITHUB_SHA'] ?? env['GITHUB_REF'];
    if (owner === undefined || repo === undefined || ref === undefined) {
        log.warning('github-token was given but GITHUB_REPOSITORY / GITHUB_SHA are not set: no GitHub deployment is recorded.');
        return NOOP;
    }
    const logUrl = env['GITHUB_RUN_ID'] !== undefined
        ? `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${repository}/actions/runs/${env['GITHUB_RUN_ID']}`
        : undefined;
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        const octokit = getOctokit(req.token, { baseUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com' });
        const created = await octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref,
            environment: req.environment,
            description: req.description.slice(0, 140),
            auto_merge: false,
            required_contexts: [],
            payload: req.payload,
        });
        if (!('id' in created.data)) {
            log.warning(`GitHub did not create a deployment: ${JSON.stringify(created.data)}`);
            return NOOP;
        }
        const deploymentId = created.data.id;
        const setStatus = async (state, description) => {
            await octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: deploymentId,
                state,
                description: description.slice(0, 140),
                environment: req.environment,
                ...(logUrl !== undefined ? { log_url: logUrl } : {}),
            });
        };
        await setStatus('in_progress', req.description);
        log.info(`GitHub deployment ${deploymentId} recorded for environment '${req.environment}'.`);
        return {
            finish: async (state, description) => {
                try {
                    await setStatus(state, description);
                }
                catch (e) {
                    log.warning(`Could not set the GitHub deployment status to ${state}: ${(0,errors/* describeError */.Uc)(e)}`);
                }
            },
        };
    }
    catch (e) {
        log.warning(`Could not record a GitHub deployment: ${(0,errors/* describeError */.Uc)(e)}`);
        return NOOP;
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/record.js
/**
 * The GitHub deployment record of a run (issue 4): with github-token, the run is a GitHub deployment of the
 * `environment`, in_progress from the start, then success or failure from the outcome (finishAction), or error
 * when the action stopped before it had an outcome (refused, or cancelled before the service was changed).
 */


/** Starts the record when github-token was given; undefined (nothing recorded) without it. */
async function startActionRecord(rt, github, request) {
    if (github === undefined)
        return undefined;
    return startDeploymentRecord({
        token: github.token,
        environment: github.environment,
        description: request.description,
        payload: request.payload,
        env: rt.env,
        log: rt.log,
    });
}
/** Runs the action's work; when it throws, the record ends as `error` with the reason and the error goes on. */
async function recordErrors(record, work) {
    try {
        return await work();
    }
    catch (e) {
        await record?.finish('error', (0,errors/* describeError */.Uc)(e));
        throw e;
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/rolling-deps.js
/** Reads and checks the inputs inside the `Inputs` log group, then logs the plan they make. */
async function readInputs(rt, read, logPlan) {
    return rt.log.group('Inputs', async () => {
        const options = await read(rt);
        logPlan(rt, options);
        return options;
    });
}
/** The runtime's clock, sleep, log and signals, and the run's read ledger. */
function runDepsOf(rt, aws) {
    return {
        clock: rt.clock,
        sleep: rt.sleep,
        log: rt.log,
        signal: rt.cancel,
        hardSignal: rt.hardCancel,
        ...(aws.reads !== undefined ? { reads: aws.reads } : {}),
    };
}
function rollingDepsOf(rt, aws) {
    return {
        ...runDepsOf(rt, aws),
        ecs: aws.ecs,
        autoscaling: aws.autoscaling,
        ...(aws.elb !== undefined ? { elb: aws.elb } : {}),
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/index.js + 36 modules
var deploy = __webpack_require__(1613);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/watch/alarm-cause.js
var alarm_cause = __webpack_require__(3366);
// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/deploy-report.js
/**
 * R8 / S5 / S9: the parts of a report every action that deploys a service shows the same way, from the deploy
 * Outcome: whether the service was rolled back, the step's failure message, the summary's rows for the task
 * definition, desired count, the kind of change (a scale change: no new deployment), duration, result and rollback,
 * and the stopped tasks.
 */



const FAILURE_WORDS = {
    failed: 'the deployment failed',
    'circuit-breaker': 'rolled back by ECS (deployment circuit breaker)',
    timeout: 'timed out (timeout-minutes)',
    cancelled: 'the workflow was cancelled',
    replaced: 'replaced by another deployment',
    'auto-scaling': 'applying auto scaling failed',
    error: 'an AWS call failed',
};
/** Stopped tasks listed in the summary before the rest is counted only. */
const MAX_STOPPED_ROWS = 20;
/**
 * rolledBack (R8): the service was put back on its previous task definition, by this action's rollback or by
 * ECS's own (circuit breaker or alarm), even when rollback-on-failure is off. When this action's rollback ran and
 * did not succeed (failed, or abandoned on the second signal), the output says false, as the summary does.
 */
function wasRolledBack(outcome) {
    if (outcome.rollback !== undefined)
        return outcome.rollback.status === 'succeeded';
    return outcome.rolledBack || outcome.ecsRollback?.completed === true;
}
/** What ECS's own rollback did, read from the service when the run ended; undefined when it did not roll back. */
function ecsRollbackSentence(outcome) {
    const ecs = outcome.ecsRollback;
    if (ecs === undefined)
        return undefined;
    const to = ecs.taskDefinitionArn ?? 'its previous task definition';
    return ecs.completed
        ? `ECS rolled the service back to ${to}.`
        : `ECS is rolling the service back to ${to} (deployment ${ecs.deploymentId ?? '?'}, still in progress when this step ended; rolledBack is false until it completes).`;
}
/** The error the step fails with: the original cause first, then what happened to the service. */
function deployFailureMessage(outcome, rollbackOnFailure) {
    const cause = outcome.cause ?? 'the deployment failed';
    const rollback = outcome.rollback;
    if (rollback?.status === 'succeeded')
        return `${cause}\nRollback succeeded: ${rollback.detail}`;
    if (rollback !== undefined)
        return cause; // the cause already ends with the rollback's failure
    const ecs = ecsRollbackSentence(outcome);
    if (ecs !== undefined)
        return `${cause}\n${ecs}`;
    if (!rollbackOnFailure)
        return `${cause}\nrollback-on-failure is false: the service is left as the failed deployment made it.`;
    return cause;
}
/** `Task definition`: `web:2 (web=nginx:1.26) \u2192 web:3 (web=nginx:1.27)`. */
function taskDefinitionRow(outcome, facts) {
    const before = label(facts.previous, outcome.previousTaskDefinitionArn) ?? '(none: first deployment)';
    return ['Task definition', `${before} \u2192 ${label(facts.deployed, outcome.taskDefinitionArn) ?? ''}`];
}
/** `Desired count`: before \u2192 now (running). */
function desiredCountRow(outcome, facts) {
    const before = outcome.snapshot.exists ? String(outcome.snapshot.desiredCount ?? '-') : '-';
    const now = facts.service?.desiredCount;
    const running = facts.service?.runningCount;
    const after = now === undefined ? '-' : `${now}${running !== undefined ? ` (running ${running})` : ''}`;
    return ['Desired count', `${before} \u2192 ${after}`];
}
/**
 * `Change`: an update that started no new deployment (Outcome.change `scale`) says so and what changed (only the
 * desired count, or nothing); a deployment needs no row.
 */
function changeRows(outcome) {
    if (outcome.change !== 'scale')
        return [];
    return [['Change', `scale change, ${outcome.changeDetail ?? 'no new deployment'}`]];
}
/** `Duration`: the total, with the wait and the rollback. */
function durationRow(outcome) {
    const t = outcome.timings;
    const parts = [
        t.waitMs !== undefined ? `waiting ${(0,time/* formatDuration */.a3)(t.waitMs)}` : undefined,
        t.rollbackMs !== undefined ? `rollback ${(0,time/* formatDuration */.a3)(t.rollbackMs)}` : undefined,
    ].filter((p) => p !== undefined);
    return ['Duration', `${(0,time/* formatDuration */.a3)(t.totalMs)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`];
}
/** `Result`: succeeded, started (not waited for), or failed with why in a few words. */
function resultRow(outcome) {
    if (outcome.status === 'started')
        return ['Result', 'started, not waited for (wait-for-steady-state: false): ECS goes on with it'];
    const ok = outcome.status === 'succeeded';
    return ['Result', ok ? 'succeeded' : `failed: ${failureWords(outcome)}`];
}
/** Why it failed in a few words; a CloudWatch alarm of the deployment that failed it is named (S8). */
function failureWords(outcome) {
    const reason = outcome.failureReason ?? 'error';
    const alarm = alarmOf(outcome);
    if (alarm !== undefined && reason === 'circuit-breaker')
        return `rolled back by ECS (${alarm})`;
    if (alarm !== undefined && reason === 'failed')
        return `${FAILURE_WORDS.failed} (${alarm})`;
    return FAILURE_WORDS[reason];
}
/** `CloudWatch alarm web-5xx` when one of the deployment's alarms failed it (the cause says so). */
function alarmOf(outcome) {
    return outcome.cause === undefined ? undefined : (0,alarm_cause/* alarmOfCause */.Q)(outcome.cause);
}
/** `Rollback`: what this action's rollback did, or that ECS rolled back; no row when neither happened. */
function rollbackRows(outcome) {
    if (outcome.rollback !== undefined)
        return [['Rollback', `${outcome.rollback.status}: ${outcome.rollback.detail}`]];
    const ecs = ecsRollbackSentence(outcome);
    if (ecs !== undefined)
        return [['Rollback', `by ECS (${alarmOf(outcome) ?? 'deployment circuit breaker'}): ${ecs}`]];
    return [];
}
/** The `Stopped tasks` table (the first 20, then a count); nothing when no task stopped. */
function stoppedTasksSection(outcome) {
    return stoppedTaskListSection(outcome.stoppedTasks);
}
/** The `Stopped tasks` table of a list of stopped tasks (nothing when it is empty). */
function stoppedTaskListSection(stopped, title = 'Stopped tasks') {
    return (s) => {
        if (stopped.length === 0)
            return;
        const shown = stopped.slice(0, MAX_STOPPED_ROWS).map((t) => [`\`${(0,deploy/* taskIdOf */.G6)(t.taskArn)}\``, (0,deploy/* describeStop */.Cw)(t)]);
        const more = stopped.length - shown.length;
        if (more > 0)
            shown.push([`\u2026and ${more} more`, '']);
        s.heading(title, 3).table(['Task', 'Why it stopped'], shown);
    };
}
function label(known, arn) {
    if (known === undefined)
        return arn;
    return known.images === undefined ? known.revision : `${known.revision} (${known.images})`;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/action/index.js
/**
 * What every action does around its own logic (docs/architecture.md): the shared inputs, the
 * name checks, the manifest loaders the deploying actions share, the reads made after a deployment, and one path
 * from an outcome to outputs, job summary and GitHub deployment status. An action folder keeps only its own
 * inputs and orchestration.
 */











/***/ }),

/***/ 794:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ ignoreNotFound),
/* harmony export */   Q1: () => (/* binding */ deletePolicies),
/* harmony export */   l4: () => (/* binding */ registerTarget),
/* harmony export */   rD: () => (/* binding */ applyAutoScaling),
/* harmony export */   uH: () => (/* binding */ bindAutoScaling),
/* harmony export */   y8: () => (/* binding */ putPolicy)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1491);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9054);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
/* harmony import */ var _resource_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7680);
/**
 * Changing an ECS service's auto scaling from the manifests: bind them to the service (S3, before any call), then
 * apply them after a successful rollout (R2, R3) as upserts. A scalable target or scaling policy registered again
 * under the same name is updated in place and keeps its ARN, so the CloudWatch alarms that name a step scaling
 * policy keep triggering it; the live policies the manifests no longer name are deleted; scheduled actions are never
 * touched. Suspending and resuming for the rollout: suspension.ts; putting a snapshot back (R6): restore.ts.
 */




/**
 * Fills in ServiceNamespace, ScalableDimension and ResourceId where the manifests leave them out, and refuses
 * (ConfigurationError, before any call) a manifest that names another service, namespace or dimension.
 * Pure: call it while validating, before the first mutating call (S3).
 */
function bindAutoScaling(targets, policies, cluster, service, sources = {}) {
    const resourceId = (0,_resource_js__WEBPACK_IMPORTED_MODULE_2__/* .ecsResourceId */ .rG)(cluster, service);
    const scalableTargets = targets.map((t, i) => bindOne(t, resourceId, where(sources.scalableTargets, i, targets.length), 'scalable target'));
    const scalingPolicies = policies.map((p, i) => {
        const bound = bindOne(p, resourceId, where(sources.scalingPolicies, i, policies.length), 'scaling policy');
        if (typeof bound.PolicyName !== 'string' || bound.PolicyName === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('a scaling policy needs a PolicyName', field(sources.scalingPolicies, i, policies.length, 'PolicyName'));
        }
        return bound;
    });
    return { scalableTargets, scalingPolicies };
}
/**
 * Applies the manifests as upserts: binds them (bindAutoScaling), registers the scalable targets, puts the scaling
 * policies (a policy needs its target), then deletes the service's live policies the manifests do not name. With
 * `keepSuspended` (the target was suspended for the rollout and is resumed afterwards) the targets are registered
 * without their SuspendedState. `livePolicies`: the service's policies as already read (the snapshot's, unchanged while
 * scaling was suspended), so they are not read again. Returns what was applied (with the resource fields filled in).
 */
async function applyAutoScaling(aas, targets, policies, cluster, service, options = {}) {
    const { log } = options;
    const set = bindAutoScaling(targets, policies, cluster, service, options.sources);
    for (const t of set.scalableTargets) {
        const { SuspendedState: _suspended, ...inPlace } = t;
        await registerTarget(aas, options.keepSuspended === true ? inPlace : t, log);
    }
    for (const p of set.scalingPolicies)
        await putPolicy(aas, p, log);
    const named = new Set(set.scalingPolicies.map((p) => p.PolicyName));
    const live = options.livePolicies ?? (await (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .describeScalingPolicies */ .Po)(aas, cluster, service));
    await deletePolicies(aas, live.filter((p) => !named.has(p.PolicyName)), log);
    return set;
}
async function registerTarget(aas, t, log) {
    await aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_3__/* .RegisterScalableTargetCommand */ .Jr(t));
    log?.info(`Registered scalable target ${t.ResourceId ?? ''} (min ${t.MinCapacity ?? '-'}, max ${t.MaxCapacity ?? '-'})`);
}
async function putPolicy(aas, p, log) {
    await aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_3__/* .PutScalingPolicyCommand */ .OJ(p));
    log?.info(`Put scaling policy ${p.PolicyName ?? ''} (${p.PolicyType ?? 'default type'}) on ${p.ResourceId ?? ''}`);
}
/** Deletes each policy; one already gone is fine. */
async function deletePolicies(aas, policies, log) {
    for (const p of policies) {
        const done = await ignoreNotFound(aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_3__/* .DeleteScalingPolicyCommand */ .y5({
            PolicyName: p.PolicyName,
            ServiceNamespace: p.ServiceNamespace,
            ResourceId: p.ResourceId,
            ScalableDimension: p.ScalableDimension,
        })));
        log?.info(`${done ? 'Deleted' : 'Already gone:'} scaling policy ${p.PolicyName ?? ''} of ${p.ResourceId ?? ''} (no manifest names it)`);
    }
}
function bindOne(item, resourceId, at, what) {
    const expected = {
        ServiceNamespace: _resource_js__WEBPACK_IMPORTED_MODULE_2__/* .ECS_NAMESPACE */ .OJ,
        ResourceId: resourceId,
        ScalableDimension: _resource_js__WEBPACK_IMPORTED_MODULE_2__/* .DESIRED_COUNT_DIMENSION */ .wI,
    };
    const out = { ...item };
    for (const key of ['ServiceNamespace', 'ResourceId', 'ScalableDimension']) {
        const given = item[key];
        if (given === undefined || given === null || given === '') {
            out[key] = expected[key];
        }
        else if (given !== expected[key]) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`this ${what} is for ${key} '${String(given)}', but this deployment's service needs '${expected[key]}'`, at(key));
        }
    }
    return out;
}
function where(base, index, count) {
    return (name) => field(base, index, count, name);
}
function field(base, index, count, name) {
    const prefix = count > 1 ? `[${index}].` : '';
    return { ...base, field: `${prefix}${name}` };
}
/** True when the call succeeded, false when the object was already gone (ObjectNotFoundException). */
async function ignoreNotFound(p) {
    try {
        await p;
        return true;
    }
    catch (e) {
        if (e instanceof Error && e.name === 'ObjectNotFoundException')
            return false;
        throw e;
    }
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ describeScheduledActions),
/* harmony export */   Es: () => (/* binding */ toPutScheduledActionInput),
/* harmony export */   Gm: () => (/* binding */ describeAutoScaling),
/* harmony export */   Lk: () => (/* binding */ describeScalableTargets),
/* harmony export */   Po: () => (/* binding */ describeScalingPolicies)
/* harmony export */ });
/* unused harmony exports toRegisterScalableTargetInput, toPutScalingPolicyInput, toScheduledActionInput */
/* harmony import */ var _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1491);
/* harmony import */ var _resource_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7680);
/**
 * Reading an ECS service's auto scaling (scalable targets, scaling policies, scheduled actions) and turning what the
 * Describe calls return into the RegisterScalableTarget / PutScalingPolicy / PutScheduledAction inputs that would
 * recreate it.
 */


/** Pages are followed up to this many (100 items a page is far beyond one service's targets and policies). */
const MAX_PAGES = 20;
/** Every item of a paged Describe call (NextToken followed up to MAX_PAGES pages). */
async function allPages(page) {
    const all = [];
    let token;
    for (let n = 0; n < MAX_PAGES; n++) {
        const out = await page(token);
        all.push(...(out.items ?? []));
        token = out.NextToken;
        if (token === undefined || token === '')
            break;
    }
    return all;
}
const next = (token) => (token !== undefined ? { NextToken: token } : {});
const RESOURCE = { ServiceNamespace: _resource_js__WEBPACK_IMPORTED_MODULE_0__/* .ECS_NAMESPACE */ .OJ, ScalableDimension: _resource_js__WEBPACK_IMPORTED_MODULE_0__/* .DESIRED_COUNT_DIMENSION */ .wI };
/**
 * The scalable targets, scaling policies and scheduled actions registered for `service/<cluster>/<service>`
 * (DesiredCount).
 */
async function describeAutoScaling(aas, cluster, service) {
    return {
        scalableTargets: await describeScalableTargets(aas, cluster, service),
        scalingPolicies: await describeScalingPolicies(aas, cluster, service),
        scheduledActions: await describeScheduledActions(aas, cluster, service),
    };
}
async function describeScalableTargets(aas, cluster, service) {
    const resourceId = (0,_resource_js__WEBPACK_IMPORTED_MODULE_0__/* .ecsResourceId */ .rG)(cluster, service);
    const targets = await allPages(async (token) => {
        const out = await aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DescribeScalableTargetsCommand */ .sH({ ...RESOURCE, ResourceIds: [resourceId], ...next(token) }));
        return { items: out.ScalableTargets, NextToken: out.NextToken };
    });
    return targets.map(toRegisterScalableTargetInput);
}
async function describeScalingPolicies(aas, cluster, service) {
    const resourceId = (0,_resource_js__WEBPACK_IMPORTED_MODULE_0__/* .ecsResourceId */ .rG)(cluster, service);
    const policies = await allPages(async (token) => {
        const out = await aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DescribeScalingPoliciesCommand */ .yY({ ...RESOURCE, ResourceId: resourceId, ...next(token) }));
        return { items: out.ScalingPolicies, NextToken: out.NextToken };
    });
    return policies.map(toPutScalingPolicyInput);
}
async function describeScheduledActions(aas, cluster, service) {
    const resourceId = (0,_resource_js__WEBPACK_IMPORTED_MODULE_0__/* .ecsResourceId */ .rG)(cluster, service);
    const scheduled = await allPages(async (token) => {
        const out = await aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DescribeScheduledActionsCommand */ .bE({ ...RESOURCE, ResourceId: resourceId, ...next(token) }));
        return { items: out.ScheduledActions, NextToken: out.NextToken };
    });
    return scheduled.map(toScheduledActionInput);
}
/**
 * The RegisterScalableTarget input that recreates `t`. Output-only fields (CreationTime, ScalableTargetARN,
 * PredictedCapacity) are dropped, and so is the ECS service-linked role: Application Auto Scaling uses it by
 * itself and passing it back is not needed.
 */
function toRegisterScalableTargetInput(t) {
    const input = {
        ServiceNamespace: t.ServiceNamespace,
        ResourceId: t.ResourceId,
        ScalableDimension: t.ScalableDimension,
    };
    if (t.MinCapacity !== undefined)
        input.MinCapacity = t.MinCapacity;
    if (t.MaxCapacity !== undefined)
        input.MaxCapacity = t.MaxCapacity;
    if (t.RoleARN !== undefined && !t.RoleARN.includes(':role/aws-service-role/'))
        input.RoleARN = t.RoleARN;
    if (t.SuspendedState !== undefined)
        input.SuspendedState = plain(t.SuspendedState);
    return input;
}
/**
 * The PutScalingPolicy input that recreates `p`. Output-only fields (PolicyARN, Alarms, CreationTime) are dropped;
 * target tracking alarms are recreated by Application Auto Scaling itself.
 */
function toPutScalingPolicyInput(p) {
    const input = {
        PolicyName: p.PolicyName,
        ServiceNamespace: p.ServiceNamespace,
        ResourceId: p.ResourceId,
        ScalableDimension: p.ScalableDimension,
    };
    if (p.PolicyType !== undefined)
        input.PolicyType = p.PolicyType;
    if (p.StepScalingPolicyConfiguration !== undefined) {
        input.StepScalingPolicyConfiguration = plain(p.StepScalingPolicyConfiguration);
    }
    if (p.TargetTrackingScalingPolicyConfiguration !== undefined) {
        input.TargetTrackingScalingPolicyConfiguration = plain(p.TargetTrackingScalingPolicyConfiguration);
    }
    if (p.PredictiveScalingPolicyConfiguration !== undefined) {
        input.PredictiveScalingPolicyConfiguration = plain(p.PredictiveScalingPolicyConfiguration);
    }
    return input;
}
/** The PutScheduledAction input that recreates `a` (ARN and CreationTime dropped; times as ISO strings). */
function toScheduledActionInput(a) {
    const input = {
        ScheduledActionName: a.ScheduledActionName,
        ServiceNamespace: a.ServiceNamespace,
        ResourceId: a.ResourceId,
        ScalableDimension: a.ScalableDimension,
        Schedule: a.Schedule,
    };
    if (a.Timezone !== undefined)
        input.Timezone = a.Timezone;
    if (a.StartTime !== undefined)
        input.StartTime = a.StartTime.toISOString();
    if (a.EndTime !== undefined)
        input.EndTime = a.EndTime.toISOString();
    if (a.ScalableTargetAction !== undefined)
        input.ScalableTargetAction = plain(a.ScalableTargetAction);
    return input;
}
/** The PutScheduledAction request for a recorded scheduled action (its ISO times back to Dates). */
function toPutScheduledActionInput(a) {
    const { StartTime, EndTime, ...rest } = a;
    return {
        ...rest,
        ...(StartTime !== undefined ? { StartTime: new Date(StartTime) } : {}),
        ...(EndTime !== undefined ? { EndTime: new Date(EndTime) } : {}),
    };
}
/** A deep copy without `undefined` and `null` members, so the value survives JSON round trips unchanged. */
function plain(value) {
    return JSON.parse(JSON.stringify(value, (_k, v) => (v === null ? undefined : v)));
}


/***/ }),

/***/ 7680:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ee: () => (/* binding */ serviceNameOf),
/* harmony export */   OJ: () => (/* binding */ ECS_NAMESPACE),
/* harmony export */   T: () => (/* binding */ clusterNameOf),
/* harmony export */   rG: () => (/* binding */ ecsResourceId),
/* harmony export */   wI: () => (/* binding */ DESIRED_COUNT_DIMENSION)
/* harmony export */ });
/**
 * How Application Auto Scaling names an ECS service: namespace `ecs`, dimension `ecs:service:DesiredCount`,
 * resource id `service/<cluster name>/<service name>` (names, never ARNs).
 */
const ECS_NAMESPACE = 'ecs';
const DESIRED_COUNT_DIMENSION = 'ecs:service:DesiredCount';
/** `arn:aws:ecs:<region>:<account>:cluster/<name>` \u2192 `<name>`; a plain name stays as it is. */
function clusterNameOf(cluster) {
    if (!cluster.startsWith('arn:'))
        return cluster;
    const resource = cluster.split(':').slice(5).join(':');
    return resource.startsWith('cluster/') ? resource.slice('cluster/'.length) : resource;
}
/**
 * `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>` (or the old `service/<name>`) \u2192 `<name>`; a plain name
 * stays as it is.
 */
function serviceNameOf(service) {
    if (!service.startsWith('arn:'))
        return service;
    const resource = service.split(':').slice(5).join(':');
    const parts = resource.split('/');
    return parts[parts.length - 1] ?? resource;
}
/** The Application Auto Scaling resource id of an ECS service. */
function ecsResourceId(cluster, service) {
    return `service/${clusterNameOf(cluster)}/${serviceNameOf(service)}`;
}


/***/ }),

/***/ 6585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GR: () => (/* binding */ ALL_SUSPENDED),
/* harmony export */   Lx: () => (/* binding */ targetId),
/* harmony export */   XP: () => (/* binding */ suspendAutoScaling),
/* harmony export */   ks: () => (/* binding */ resumeAutoScaling)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1491);
/**
 * R3: suspending a service's auto scaling for a rollout and resuming it afterwards, through the scalable target's
 * `SuspendedState` (RegisterScalableTarget on the existing target: its min, max, policies and scheduled actions stay
 * as they are). Suspended dynamic scaling does not change the desired count while ECS rolls out; nothing is deleted,
 * so step scaling policies keep the ARNs their CloudWatch alarms name and scheduled actions are kept.
 */

const ALL_SUSPENDED = {
    DynamicScalingInSuspended: true,
    DynamicScalingOutSuspended: true,
    ScheduledScalingSuspended: true,
};
const NONE_SUSPENDED = {
    DynamicScalingInSuspended: false,
    DynamicScalingOutSuspended: false,
    ScheduledScalingSuspended: false,
};
/** The fields that name a scalable target. */
function targetId(t) {
    return { ServiceNamespace: t.ServiceNamespace, ResourceId: t.ResourceId, ScalableDimension: t.ScalableDimension };
}
/** `state` with every flag set: a flag it leaves out is `base`'s (by default false, as on a newly registered target). */
function complete(state, base = NONE_SUSPENDED) {
    const out = { ...base };
    for (const key of Object.keys(NONE_SUSPENDED)) {
        const flag = state?.[key];
        if (typeof flag === 'boolean')
            out[key] = flag;
    }
    return out;
}
function describeState(state) {
    const on = Object.keys(state).filter((k) => state[k]).map((k) => k.replace(/Suspended$/, ''));
    return on.length === 0 ? 'nothing suspended' : `still suspended as before: ${on.join(', ')}`;
}
/**
 * Suspends dynamic scale-in, scale-out and scheduled scaling on each of `targets` (the live ones, as the snapshot
 * recorded them). A target that was already fully suspended is warned about: it stays suspended afterwards.
 */
async function suspendAutoScaling(aas, targets, log) {
    for (const t of targets) {
        const before = complete(t.SuspendedState);
        if (before.DynamicScalingInSuspended && before.DynamicScalingOutSuspended && before.ScheduledScalingSuspended) {
            log?.warning(`The auto scaling of ${t.ResourceId ?? ''} was already suspended when this deployment started (by hand, or by ` +
                'another deployment still running): it is left suspended afterwards.');
        }
        await aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_0__/* .RegisterScalableTargetCommand */ .Jr({ ...targetId(t), SuspendedState: ALL_SUSPENDED }));
        log?.info(`Suspended the auto scaling of ${t.ResourceId ?? ''} for the rollout (dynamic scale-in and scale-out, scheduled scaling)`);
    }
}
/**
 * Resumes each of `recorded` (the targets as the snapshot recorded them): its SuspendedState is set back to the
 * recorded one, with the flags a manifest for the same target gives taking precedence.
 */
async function resumeAutoScaling(aas, recorded, log, manifests = []) {
    for (const t of recorded) {
        const given = manifests.find((m) => m.ResourceId === t.ResourceId && m.ScalableDimension === t.ScalableDimension)?.SuspendedState;
        const state = complete(given, complete(t.SuspendedState));
        await aas.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_0__/* .RegisterScalableTargetCommand */ .Jr({ ...targetId(t), SuspendedState: state }));
        log?.info(`Resumed the auto scaling of ${t.ResourceId ?? ''} (${describeState(state)})`);
    }
}


/***/ }),

/***/ 8820:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ httpOptions)
/* harmony export */ });
/** The SDK's per-call options for an optional abort signal. */
function httpOptions(opts) {
    return opts.signal === undefined ? {} : { abortSignal: opts.signal };
}


/***/ }),

/***/ 4336:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gz: () => (/* binding */ DEFAULT_MAX_ATTEMPTS),
  Gv: () => (/* binding */ createAwsClients)
});

// UNUSED EXPORTS: REQUEST_TIMEOUTS, resolveRegion, resolveRegionChoice, sdkConstructors

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-cjs/index.js
var dist_cjs = __webpack_require__(1491);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var client_cloudwatch_dist_cjs = __webpack_require__(4085);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/version.js
/** The suite's version; a unit test keeps it equal to package.json's `version`. */
const VERSION = '0.1.0';
/** Appended to every AWS SDK client's user agent (see aws/clients.ts), so CloudTrail shows who called. */
const USER_AGENT_SUFFIX = `ecs-delivery-actions/${VERSION}`;

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/aws/retry.js
/**
 * The retry strategy every client gets: the SDK's adaptive mode (client-side rate limiting, exponential back-off
 * with jitter), where a throttled call is retried more patiently than other failures. Under an API rate limit
 * (many deployments at once) a mutation such as UpdateService may be throttled many times in a row; failing the
 * deployment after `maxAttempts` throttles would report a problem that waiting a little longer solves. Other
 * retryable errors (5xx, timeouts) keep the `max-attempts` limit.
 */

/** Attempts for a call that keeps being throttled: with the SDK's throttling back-off (0.5 s doubling, capped at
 * 20 s, full jitter) twelve attempts wait about a minute in all. */
const THROTTLED_MAX_ATTEMPTS = 12;
class PatientThrottlingRetryStrategy {
    maxAttempts;
    ledger;
    mode = 'adaptive';
    inner;
    /** Never fewer attempts for a throttled call than for any other. */
    throttledMaxAttempts;
    constructor(maxAttempts, throttledMaxAttempts = THROTTLED_MAX_ATTEMPTS, 
    /** Told of each throttled attempt and each success: the back-off every wait of the run shares (read-ledger.ts). */
    ledger) {
        this.maxAttempts = maxAttempts;
        this.ledger = ledger;
        this.throttledMaxAttempts = Math.max(maxAttempts, throttledMaxAttempts);
        const ceiling = this.throttledMaxAttempts;
        this.inner = new retry.AdaptiveRetryStrategy(async () => ceiling);
    }
    acquireInitialRetryToken(retryTokenScope) {
        return this.inner.acquireInitialRetryToken(retryTokenScope);
    }
    refreshRetryTokenForRetry(token, errorInfo) {
        if (errorInfo.errorType === 'THROTTLING')
            this.ledger?.throttled();
        const attempts = token.getRetryCount() + 1;
        const limit = errorInfo.errorType === 'THROTTLING' ? this.throttledMaxAttempts : this.maxAttempts;
        if (attempts >= limit)
            return Promise.reject(new Error('No retry token available'));
        return this.inner.refreshRetryTokenForRetry(token, errorInfo);
    }
    recordSuccess(token) {
        this.ledger?.succeeded();
        this.inner.recordSuccess(token);
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/aws/region-hint.js
/** getaddrinfo's "no such name" and "could not ask right now". */
const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN']);
/** The endpoints the SDK builds from a region (aws, aws-cn partitions). */
const AWS_ENDPOINT_HOST = /\.amazonaws\.com(\.cn)?$/i;
const SOURCE_TEXT = {
    input: "the 'region' input",
    AWS_REGION: "the AWS_REGION environment variable (the 'region' input is empty)",
    AWS_DEFAULT_REGION: "the AWS_DEFAULT_REGION environment variable (the 'region' input and AWS_REGION are empty)",
    'awslogs-region': "the task definition's awslogs-region log option",
};
class UnresolvedEndpointError extends Error {
    code;
    hostname;
    constructor(cause, code, hostname, choice) {
        const dnsDown = code === 'EAI_AGAIN' ? " (EAI_AGAIN can also mean that the runner's DNS is not answering)" : '';
        super(`cannot resolve ${hostname}: the AWS region may be wrong \u2014 this run used region ${choice.region}, from ` +
            `${SOURCE_TEXT[choice.source]}; check it (e.g. us-east-1)${dnsDown}`, { cause });
        this.name = 'UnresolvedEndpointError';
        this.code = code;
        this.hostname = hostname;
    }
}
/** The hinted error for a DNS failure of an AWS endpoint host; any other error as it is. */
function withRegionHint(e, choice) {
    if (!(e instanceof Error) || e instanceof UnresolvedEndpointError)
        return e;
    const { code, hostname } = e;
    if (typeof code !== 'string' || !DNS_FAILURES.has(code))
        return e;
    const host = typeof hostname === 'string' ? hostname : /\s(\S+)$/.exec(e.message)?.[1];
    if (host === undefined || !AWS_ENDPOINT_HOST.test(host))
        return e;
    return new UnresolvedEndpointError(e, code, host, choice);
}
/** Runs outside the retries (initialize step), so it sees the call's final error. */
const REGION_HINT_STEP = { step: 'initialize', name: 'ecsDeliveryRegionHint', override: true };
/** Adds to a client's middleware stack the replacement of a DNS failure of its AWS endpoint by UnresolvedEndpointError. */
function addRegionHint(stack, choice) {
    stack.add(regionHintMiddleware(choice), REGION_HINT_STEP);
}
function regionHintMiddleware(choice) {
    return (next) => async (args) => {
        try {
            return await next(args);
        }
        catch (e) {
            throw withRegionHint(e, choice);
        }
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/read-ledger.js
var read_ledger = __webpack_require__(8441);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/aws/read-middleware.js

/** Inside the retries: once per attempt. */
const READ_LEDGER_STEP = { relation: 'after', toMiddleware: 'retryMiddleware', name: 'ecsDeliveryReadLedger', override: true };
function addReadLedger(stack, ledger, sleep) {
    stack.addRelativeTo(readLedgerMiddleware(ledger, sleep), READ_LEDGER_STEP);
}
function readLedgerMiddleware(ledger, sleep) {
    return (next, context) => async (args) => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        if ((0,read_ledger/* isReadOperation */.GR)(operation)) {
            const pause = ledger.pauseMs();
            if (pause > 0)
                await sleep(pause);
        }
        ledger.callSent(operation);
        return next(args);
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/aws/clients.js
/**
 * The one factory for AWS SDK clients. Region: the `region` input, else AWS_REGION, else AWS_DEFAULT_REGION.
 * Credentials come from the SDK's default chain (S12), e.g. what aws-actions/configure-aws-credentials exported.
 * Retries: adaptive mode (client-side rate limiting on throttling errors) with DEFAULT_MAX_ATTEMPTS attempts per
 * call, because deployments poll describe calls that ECS throttles per account; a call that keeps being throttled
 * gets up to THROTTLED_MAX_ATTEMPTS (retry.ts), so a burst of concurrent deployments does not fail on rate limits.
 * Endpoints: no custom logic. The SDK itself honours AWS_ENDPOINT_URL_<SERVICE> (e.g. AWS_ENDPOINT_URL_ECS) and
 * AWS_ENDPOINT_URL, which is how tests point the real SDK at the emulator.
 * Clients are built on first use, so an action that fails validation constructs none.
 */












/**
 * 5 attempts (the SDK's default is 3): with adaptive retry and exponential back-off this rides out a burst of
 * ECS throttling of about 10 s without failing the deployment, and still fails fast on a real outage.
 */
const DEFAULT_MAX_ATTEMPTS = 5;
/** Connecting takes milliseconds; no ECS, ELBv2, Auto Scaling, Logs or CloudWatch call we make answers in more than seconds.
 * A timed-out request fails with TimeoutError, which the retry strategy and the polling loops treat as transient. */
const REQUEST_TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 30_000 };
const sdkConstructors = {
    ecs: (c) => new client_ecs_dist_cjs/* ECSClient */.Zgc(c),
    elb: (c) => new client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD(c),
    autoscaling: (c) => new dist_cjs/* ApplicationAutoScalingClient */.gd(c),
    logs: (c) => new client_cloudwatch_logs_dist_cjs/* CloudWatchLogsClient */.TFr(c),
    cloudwatch: (c) => new client_cloudwatch_dist_cjs/* CloudWatchClient */.WBn(c),
};
function resolveRegion(input, env) {
    return resolveRegionChoice(input, env).region;
}
/** The region and where it came from: the `region` input, else AWS_REGION, else AWS_DEFAULT_REGION (S12). */
function resolveRegionChoice(input, env) {
    const candidates = [
        ['input', input],
        ['AWS_REGION', env['AWS_REGION']],
        ['AWS_DEFAULT_REGION', env['AWS_DEFAULT_REGION']],
    ];
    for (const [source, candidate] of candidates) {
        const region = candidate?.trim();
        if (region !== undefined && region !== '')
            return { region, source };
    }
    throw new errors/* ConfigurationError */.j1('no AWS region: set this input, or AWS_REGION / AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials sets them)', { input: 'region' });
}
function createAwsClients(options, constructors = sdkConstructors) {
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw new errors/* ConfigurationError */.j1(`max attempts must be a whole number of at least 1, got ${maxAttempts}`, {
            input: 'max-attempts',
        });
    }
    const resolved = resolveRegionChoice(options.region, options.env);
    const choice = options.regionSource !== undefined && resolved.source === 'input' ? { ...resolved, source: options.regionSource } : resolved;
    const { region } = choice;
    const reads = new read_ledger/* ReadLedger */.EX(options.clock ?? time/* systemClock */.ml);
    const config = () => ({
        region,
        maxAttempts,
        retryStrategy: new PatientThrottlingRetryStrategy(maxAttempts, options.throttledMaxAttempts, reads),
        requestHandler: { ...(options.requestTimeouts ?? REQUEST_TIMEOUTS), throwOnRequestTimeout: true },
        customUserAgent: USER_AGENT_SUFFIX,
    });
    const sleep = options.sleep ?? time/* realSleep */.uk;
    // A region whose endpoints do not resolve is said to be the likely cause (region-hint.ts); every call is told to
    // the run's read ledger (read-middleware.ts).
    const prepare = (stack) => {
        addRegionHint(stack, choice);
        addReadLedger(stack, reads, sleep);
    };
    const ecs = lazy(() => constructors.ecs(config()), (c) => prepare(c.middlewareStack));
    const elb = lazy(() => constructors.elb(config()), (c) => prepare(c.middlewareStack));
    const autoscaling = lazy(() => constructors.autoscaling(config()), (c) => prepare(c.middlewareStack));
    const logs = lazy(() => constructors.logs(config()), (c) => prepare(c.middlewareStack));
    const cloudwatch = lazy(() => constructors.cloudwatch(config()), (c) => prepare(c.middlewareStack));
    return {
        region,
        reads,
        get ecs() {
            return ecs();
        },
        get elb() {
            return elb();
        },
        get autoscaling() {
            return autoscaling();
        },
        get logs() {
            return logs();
        },
        get cloudwatch() {
            return cloudwatch();
        },
    };
}
/** Made on first use, then the same one. */
function lazy(make, prepare) {
    let client;
    return () => {
        if (client === undefined) {
            client = make();
            prepare(client);
        }
        return client;
    };
}


/***/ }),

/***/ 952:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qb: () => (/* binding */ isThrottlingError),
/* harmony export */   u3: () => (/* binding */ classifyAwsError),
/* harmony export */   uI: () => (/* binding */ hasErrorName)
/* harmony export */ });
const THROTTLING_CODES = new Set([
    'ThrottlingException',
    'Throttling',
    'ThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'SlowDown',
    'PriorRequestNotComplete',
]);
const TRANSIENT_CODES = new Set([
    'ServerException',
    'InternalFailure',
    'InternalServerError',
    'InternalError',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);
function classifyAwsError(e) {
    if (typeof e !== 'object' || e === null)
        return 'fatal';
    const err = e;
    const name = typeof err.name === 'string' ? err.name : '';
    const status = err.$metadata?.httpStatusCode;
    if (THROTTLING_CODES.has(name) || err.$retryable?.throttling === true || status === 429)
        return 'throttling';
    if (TRANSIENT_CODES.has(name) || err.$retryable !== undefined)
        return 'transient';
    if (status !== undefined && status >= 500)
        return 'transient';
    if (typeof err.code === 'string' && NETWORK_CODES.has(err.code))
        return 'transient';
    return 'fatal';
}
function isThrottlingError(e) {
    return classifyAwsError(e) === 'throttling';
}
/** True when the error's name (the AWS error code, e.g. `ResourceNotFoundException`) is one of `names`. */
function hasErrorName(e, ...names) {
    if (typeof e !== 'object' || e === null)
        return false;
    const named = e;
    return [named.name, named.Code, named.code].some((v) => typeof v === 'string' && v !== 'Error' && names.includes(v));
}


/***/ }),

/***/ 8441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EX: () => (/* binding */ ReadLedger),
/* harmony export */   GR: () => (/* binding */ isReadOperation)
/* harmony export */ });
/* unused harmony exports FIRST_PAUSE_MS, MAX_PAUSE_MS */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/**
 * The reads of one action run (S7, issue 17), and the client-side back-off they all share when AWS throttles. An
 * action run is one deployment, so this is the deployment's read budget: every wait of the run (the polling
 * primitive, src/core/poll) records its rounds and their extra reads here, so the rollout, a healthy-target wait, a
 * bake and a rollback that follow each other share one window of 30 reads in any 60 s.
 *
 * A throttled call of any client (the retry strategy reports it, retry.ts) opens a pause that the next poll of every
 * wait waits out: 0.5 s, doubled on each further throttle up to MAX_PAUSE_MS, shortened again by each call that gets
 * through. Without it each client backs off alone (the SDK's adaptive rate limiter is per client) and the other
 * waits keep asking. Every read call of the run waits that pause out too (read-middleware.ts).
 *
 * The reads outside the waits (a snapshot, the summary's, a rollback's first look) are counted from the run's first
 * change (its first call that is not a read) by every client's middleware (read-middleware.ts); the waits count
 * their own, so each read is counted once.
 */

const WINDOW_MS = 60_000;
const FIRST_PAUSE_MS = 500;
const MAX_PAUSE_MS = 8_000;
/** A read operation: what the read budget counts (S7). */
function isReadOperation(operation) {
    return /^(Describe|List|Get)/.test(operation);
}
class ReadLedger {
    clock;
    /** Times of the reads of the last 60 s, oldest first. */
    reads = [];
    pauseUntil = 0;
    pauseMsNext = FIRST_PAUSE_MS;
    lastThrottledAt;
    /** Set while a wait's round runs: its reads are counted by the wait. */
    waits = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
    /** The run has made its first change. */
    changed = false;
    constructor(clock) {
        this.clock = clock;
    }
    /** A read is sent now. */
    record() {
        const now = this.clock.now();
        this.forgetBefore(now - WINDOW_MS);
        this.reads.push(now);
    }
    /** Runs one round of a wait: the reads it makes are the wait's to count. */
    insideWait(round) {
        return this.waits.run(true, round);
    }
    /** A call of any client is sent now (its middleware says): a change starts the count, a read outside a wait is counted. */
    callSent(operation) {
        if (!isReadOperation(operation))
            this.changed = true;
        else if (this.changed && this.waits.getStore() !== true)
            this.record();
    }
    /** Reads sent after `t` that are still within the last 60 s. */
    readsAfter(t) {
        this.forgetBefore(this.clock.now() - WINDOW_MS);
        return this.reads.filter((r) => r > t).length;
    }
    /** The times of the reads of the last 60 s, oldest first. */
    window() {
        this.forgetBefore(this.clock.now() - WINDOW_MS);
        return [...this.reads];
    }
    /** A call of the run was throttled: every read of the process waits a little longer before the next one. */
    throttled() {
        const now = this.clock.now();
        this.lastThrottledAt = now;
        this.pauseUntil = Math.max(this.pauseUntil, now + this.pauseMsNext);
        this.pauseMsNext = Math.min(MAX_PAUSE_MS, this.pauseMsNext * 2);
    }
    /** A read got through: the next throttle starts from a shorter pause. */
    succeeded() {
        this.pauseMsNext = Math.max(FIRST_PAUSE_MS, Math.floor(this.pauseMsNext / 2));
    }
    /** AWS throttled a call of the run within the last 60 s: the account is busy (other deployments), so the waits do
     * not poll faster than their base interval meanwhile (pacer.ts). */
    throttledRecently() {
        return this.lastThrottledAt !== undefined && this.clock.now() - this.lastThrottledAt < WINDOW_MS;
    }
    /** How long a read must wait from now before it is sent (0: no pause). */
    pauseMs() {
        return Math.max(0, this.pauseUntil - this.clock.now());
    }
    forgetBefore(t) {
        while (this.reads.length > 0 && (this.reads[0] ?? 0) <= t)
            this.reads.shift();
    }
}


/***/ }),

/***/ 1613:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xb: () => (/* reexport */ ROLLBACK_SHARE),
  zc: () => (/* reexport */ continueService),
  Bx: () => (/* reexport */ createStep),
  z5: () => (/* reexport */ deployService),
  Cw: () => (/* reexport */ watch/* describeStop */.Cw),
  Zi: () => (/* reexport */ diffDeployment),
  zs: () => (/* reexport */ parseWaitUntil),
  $L: () => (/* reexport */ replaceStep),
  WW: () => (/* reexport */ resolveManualRollbackTarget),
  e: () => (/* reexport */ rollbackService),
  G6: () => (/* reexport */ watch/* taskIdOf */.G6),
  nX: () => (/* reexport */ toCreateServiceInput),
  kj: () => (/* reexport */ watch/* toStoppedTaskReason */.kj),
  yV: () => (/* reexport */ updateStep),
  Kw: () => (/* reexport */ watch/* waitForDeployment */.Kw),
  gj: () => (/* reexport */ rollout/* waitForRollout */.g),
  Te: () => (/* reexport */ watch/* waitForServiceInactive */.Te),
  fN: () => (/* reexport */ watch/* waitForServiceStable */.fN)
});

// UNUSED EXPORTS: LIFECYCLE_STAGES, chooseDeployStrategy, parseSnapshot, serializeSnapshot, summarizeStoppedTasks, takeSnapshot, toUpdateServiceInput, waitForScale

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var services = __webpack_require__(4259);
// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/apply.js
var apply = __webpack_require__(794);
// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/suspension.js
var suspension = __webpack_require__(6585);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-cjs/index.js
var dist_cjs = __webpack_require__(1491);
// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/describe.js
var describe = __webpack_require__(9997);
// EXTERNAL MODULE: ./.build/dist-src/src/core/autoscaling/resource.js
var resource = __webpack_require__(7680);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/autoscaling/restore.js
/**
 * R6: putting a service's auto scaling back as the snapshot (R1) recorded it, in place: the scalable target is
 * registered again with its recorded capacities (same ARN), each recorded policy that is missing or differs is put
 * again under its name (same ARN, so its CloudWatch alarms keep triggering it), live policies the snapshot does not
 * have are deleted, recorded scheduled actions that went missing are put back \u2014 scheduled actions are never
 * deleted \u2014 and finally the target's recorded SuspendedState is restored (resumed).
 */






const sameTarget = (a, b) => a.ResourceId === b.ResourceId && a.ScalableDimension === b.ScalableDimension;
const capacities = (t) => ({ min: t?.MinCapacity, max: t?.MaxCapacity, role: t?.RoleARN });
async function restoreAutoScaling(aas, snapshot, log) {
    const { cluster, service } = snapshot;
    const targets = await (0,describe/* describeScalableTargets */.Lk)(aas, cluster, service);
    const policies = await (0,describe/* describeScalingPolicies */.Po)(aas, cluster, service);
    // Scheduled actions are read only when they matter: to put back recorded ones, or before deregistering a target.
    const added = snapshot.scalableTargets.length === 0 ? targets : [];
    const recorded = snapshot.scheduledActions ?? [];
    const scheduled = recorded.length + added.length > 0 ? await (0,describe/* describeScheduledActions */.A8)(aas, cluster, service) : [];
    for (const t of snapshot.scalableTargets) {
        const now = targets.find((l) => sameTarget(l, t));
        // Still suspended until the policies are back; resumed last.
        if (!(0,external_node_util_.isDeepStrictEqual)(capacities(now), capacities(t)))
            await (0,apply/* registerTarget */.l4)(aas, { ...t, SuspendedState: suspension/* ALL_SUSPENDED */.GR }, log);
    }
    for (const p of snapshot.scalingPolicies) {
        const now = policies.find((l) => l.PolicyName === p.PolicyName);
        if (!(0,external_node_util_.isDeepStrictEqual)(now, p))
            await (0,apply/* putPolicy */.y8)(aas, p, log);
    }
    const kept = new Set(snapshot.scalingPolicies.map((p) => p.PolicyName));
    await (0,apply/* deletePolicies */.Q1)(aas, policies.filter((p) => !kept.has(p.PolicyName)), log);
    await removeAddedTargets(aas, added, scheduled, log);
    await putBackScheduledActions(aas, recorded, scheduled, log);
    await (0,suspension/* resumeAutoScaling */.ks)(aas, snapshot.scalableTargets, log);
    if (snapshot.scalableTargets.length === 0 && snapshot.scalingPolicies.length === 0) {
        log?.info(`No auto scaling to restore for ${(0,resource/* ecsResourceId */.rG)(snapshot.cluster, snapshot.service)}`);
    }
}
/**
 * The service had no scalable target before: one registered since (by the failed deployment's manifests) is
 * deregistered \u2014 unless scheduled actions were put on it meanwhile, which deregistering would delete.
 */
async function removeAddedTargets(aas, added, scheduled, log) {
    for (const t of added) {
        if (scheduled.some((a) => a.ResourceId === t.ResourceId && a.ScalableDimension === t.ScalableDimension)) {
            log?.warning(`Scalable target ${t.ResourceId ?? ''} is kept: it has scheduled actions, which deregistering it would delete.`);
            continue;
        }
        const done = await (0,apply/* ignoreNotFound */.Ko)(aas.send(new dist_cjs/* DeregisterScalableTargetCommand */.CV((0,suspension/* targetId */.Lx)(t))));
        log?.info(`${done ? 'Deregistered' : 'Already gone:'} scalable target ${t.ResourceId ?? ''} (${t.ScalableDimension ?? ''})`);
    }
}
async function putBackScheduledActions(aas, recorded, live, log) {
    for (const a of recorded) {
        if (live.some((l) => l.ScheduledActionName === a.ScheduledActionName && l.ResourceId === a.ResourceId))
            continue;
        await aas.send(new dist_cjs/* PutScheduledActionCommand */.cx((0,describe/* toPutScheduledActionInput */.Es)(a)));
        log?.info(`Put back scheduled action ${a.ScheduledActionName ?? ''} of ${a.ResourceId ?? ''}`);
    }
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definition-refs.js
var task_definition_refs = __webpack_require__(1397);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/call-options.js
var call_options = __webpack_require__(8820);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/ecs/service-deployments.js
/**
 * ECS's service deployments: the history (R7) through ListServiceDeployments, DescribeServiceDeployments and
 * DescribeServiceRevisions, paged and batched as the API requires; and the native deployments' controls (N3, N4):
 * ContinueServiceDeployment (a PAUSE hook) and StopServiceDeployment (ROLLBACK).
 */


/** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs a call. */
const DESCRIBE_DEPLOYMENTS_BATCH = 20;
async function listServiceDeployments(ecs, req, opts = {}) {
    const all = [];
    let nextToken;
    for (let page = 0; page < req.maxPages; page++) {
        opts.onCall?.('ListServiceDeployments');
        const out = await ecs.send(new client_ecs_dist_cjs/* ListServiceDeploymentsCommand */.jz8({
            cluster: req.cluster,
            service: req.service,
            ...(req.status !== undefined ? { status: req.status } : {}),
            ...(req.createdAfter !== undefined ? { createdAt: { after: req.createdAfter } } : {}),
            maxResults: 100,
            ...(nextToken !== undefined ? { nextToken } : {}),
        }), (0,call_options/* httpOptions */.$)(opts));
        all.push(...(out.serviceDeployments ?? []));
        nextToken = out.nextToken;
        if (nextToken === undefined || nextToken === '')
            break;
    }
    return all;
}
async function describeServiceDeployments(ecs, arns, opts = {}) {
    const all = [];
    for (let i = 0; i < arns.length; i += DESCRIBE_DEPLOYMENTS_BATCH) {
        opts.onCall?.('DescribeServiceDeployments');
        const batch = arns.slice(i, i + DESCRIBE_DEPLOYMENTS_BATCH);
        const out = await ecs.send(new client_ecs_dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: batch }), (0,call_options/* httpOptions */.$)(opts));
        all.push(...(out.serviceDeployments ?? []));
    }
    return all;
}
async function describeServiceRevisions(ecs, arns, opts = {}) {
    const all = [];
    for (let i = 0; i < arns.length; i += DESCRIBE_DEPLOYMENTS_BATCH) {
        opts.onCall?.('DescribeServiceRevisions');
        const batch = arns.slice(i, i + DESCRIBE_DEPLOYMENTS_BATCH);
        const out = await ecs.send(new client_ecs_dist_cjs/* DescribeServiceRevisionsCommand */.oF5({ serviceRevisionArns: batch }), (0,call_options/* httpOptions */.$)(opts));
        all.push(...(out.serviceRevisions ?? []));
    }
    return all;
}
/** N3: answers a PAUSE lifecycle hook that is AWAITING_ACTION with CONTINUE or ROLLBACK. */
async function continueServiceDeployment(ecs, req, opts = {}) {
    opts.onCall?.('ContinueServiceDeployment');
    await ecs.send(new client_ecs_dist_cjs/* ContinueServiceDeploymentCommand */.LrH(req), (0,call_options/* httpOptions */.$)(opts));
}
/** N4: stops a service deployment in progress and has ECS roll the service back to its source revision. */
async function stopServiceDeployment(ecs, serviceDeploymentArn, opts = {}) {
    opts.onCall?.('StopServiceDeployment');
    await ecs.send(new client_ecs_dist_cjs/* StopServiceDeploymentCommand */.a8L({ serviceDeploymentArn, stopType: 'ROLLBACK' }), (0,call_options/* httpOptions */.$)(opts));
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/completed-revision.js


async function lastCompletedRevision(ecs, cluster, live) {
    const deployments = live.deployments ?? [];
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    const primaryArn = primary?.taskDefinition ?? live.taskDefinition;
    if (primary === undefined || primary.rolloutState === undefined || primary.rolloutState === 'COMPLETED') {
        return { taskDefinitionArn: primaryArn };
    }
    const unfinished = `the PRIMARY deployment ${primary.id ?? '?'} (${(0,task_definition_refs/* familyRevision */.KW)(primaryArn ?? '?')}) is ${primary.rolloutState}, not COMPLETED`;
    const completed = deployments.find((d) => d.status !== 'PRIMARY' && d.rolloutState === 'COMPLETED' && d.taskDefinition !== undefined);
    if (completed?.taskDefinition !== undefined) {
        return { taskDefinitionArn: completed.taskDefinition, from: completed, note: `${unfinished}: a rollback goes back to ${(0,task_definition_refs/* familyRevision */.KW)(completed.taskDefinition)}, the last deployment that completed` };
    }
    const fromHistory = await lastSuccessfulInHistory(ecs, cluster, live.serviceName ?? '').catch(() => undefined);
    if (fromHistory?.taskDefinition !== undefined) {
        const arn = fromHistory.taskDefinition;
        return { taskDefinitionArn: arn, from: fromHistory, note: `${unfinished}: a rollback goes back to ${(0,task_definition_refs/* familyRevision */.KW)(arn)}, the last successful deployment in the service's history` };
    }
    return { taskDefinitionArn: primaryArn, note: `${unfinished}, and no completed deployment was found: a rollback goes back to it` };
}
/** The service revision of the most recent SUCCESSFUL service deployment (one page of history). */
async function lastSuccessfulInHistory(ecs, cluster, service) {
    const briefs = await listServiceDeployments(ecs, { cluster, service, status: ['SUCCESSFUL'], maxPages: 1 });
    const latest = [...briefs].sort((a, b) => (b.finishedAt?.getTime() ?? 0) - (a.finishedAt?.getTime() ?? 0))[0];
    if (latest?.targetServiceRevisionArn === undefined)
        return undefined;
    const [revision] = await describeServiceRevisions(ecs, [latest.targetServiceRevisionArn]);
    return revision;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/service-request.js

/**
 * The fields of a service definition that UpdateService carries over (R3). launchType, schedulingStrategy and
 * role are never sent (ECS refuses to change them); nor are tags (UpdateService has none), clientToken or
 * deploymentController (changing the controller is a different kind of deployment).
 */
const UPDATABLE_SERVICE_FIELDS = [
    'deploymentConfiguration',
    'networkConfiguration',
    'loadBalancers',
    'capacityProviderStrategy',
    'placementConstraints',
    'placementStrategy',
    'platformVersion',
    'healthCheckGracePeriodSeconds',
    'propagateTags',
    'enableECSManagedTags',
    'enableExecuteCommand',
    'serviceRegistries',
    'serviceConnectConfiguration',
    'volumeConfigurations',
    'availabilityZoneRebalancing',
];
/** Service definition fields that a deployment to an existing service leaves as they are. */
const CREATE_ONLY_SERVICE_FIELDS = [
    'launchType',
    'schedulingStrategy',
    'role',
    'tags',
    'deploymentController',
    'clientToken',
];
/**
 * The UpdateService input for a deployment to an existing service: the task definition, the desired count
 * (unless same-as-running, or neither the input nor the manifest gives one), every updatable field the service
 * definition sets, and forceNewDeployment.
 */
function toUpdateServiceInput(definition, options) {
    const input = {
        cluster: options.cluster,
        service: options.service,
        taskDefinition: options.taskDefinitionArn,
    };
    const desiredCount = chooseDesiredCount(definition, options);
    if (desiredCount !== undefined)
        input.desiredCount = desiredCount;
    if (definition !== undefined) {
        const target = input;
        for (const key of UPDATABLE_SERVICE_FIELDS) {
            const value = definition[key];
            if (value !== undefined && value !== null)
                target[key] = value;
        }
    }
    input.forceNewDeployment = options.forceNewDeployment;
    return input;
}
/** The names of create-only fields the definition sets (a deployment to an existing service says it ignores them). */
function createOnlyFieldsIn(definition) {
    if (definition === undefined)
        return [];
    return CREATE_ONLY_SERVICE_FIELDS.filter((k) => definition[k] !== undefined && definition[k] !== null);
}
/**
 * The CreateService input of a first deployment (R2): the service definition with cluster, serviceName and
 * taskDefinition overridden, and the `desired-count` input over the manifest's. A REPLICA service needs a desired
 * count (ECS requires one unless schedulingStrategy is DAEMON): without one this throws a ConfigurationError,
 * so call it before the first mutating call.
 */
function toCreateServiceInput(definition, options) {
    const input = {
        ...definition,
        cluster: options.cluster,
        serviceName: options.serviceName,
        taskDefinition: options.taskDefinitionArn,
    };
    if (options.desiredCountInput !== undefined)
        input.desiredCount = options.desiredCountInput;
    if (input.desiredCount === undefined && input.schedulingStrategy !== 'DAEMON') {
        throw new errors/* ConfigurationError */.j1('the service does not exist yet, so its first deployment needs a desired count: set desiredCount in the ' +
            'service definition or the desired-count input', { input: 'service-definition', field: 'desiredCount' });
    }
    return input;
}
function chooseDesiredCount(definition, choice) {
    if (choice.sameAsRunning)
        return undefined;
    return choice.desiredCountInput ?? definition?.desiredCount ?? undefined;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/snapshot.js




/**
 * UpdateService settings that DescribeServices reports only per deployment, not on the service: the snapshot reads
 * them from the deployment of the rollback target (the PRIMARY deployment, or the one that last completed).
 */
const DEPLOYMENT_LEVEL_FIELDS = ['serviceConnectConfiguration', 'volumeConfigurations'];
/** Service settings that UpdateService can set: a rollback puts back the ones a failed deployment changed. */
const RESTORABLE_SERVICE_FIELDS = UPDATABLE_SERVICE_FIELDS;
const isDeploymentLevel = (f) => DEPLOYMENT_LEVEL_FIELDS.includes(f);
const SERVICE_LEVEL_FIELDS = RESTORABLE_SERVICE_FIELDS.filter((f) => !isDeploymentLevel(f));
// Compile-time check: every service-level field is a field of the described Service.
const _describedByService = SERVICE_LEVEL_FIELDS;
void _describedByService;
/** Describes the service (and, when it is ACTIVE, its auto scaling) and records what a rollback needs. */
async function takeSnapshot(clients, cluster, service) {
    return snapshotOf(clients, cluster, service, await describeServiceAnyStatus(clients.ecs, cluster, service));
}
/** The snapshot of a service already described as `live` (undefined: MISSING); reads its auto scaling when ACTIVE. */
async function snapshotOf(clients, cluster, service, live) {
    const base = {
        version: 1,
        cluster,
        service,
        exists: false,
        draining: live?.status === 'DRAINING',
        scalableTargets: [],
        scalingPolicies: [],
        seenEventIds: eventIds(live),
        serviceConfig: {},
    };
    if (live === undefined || live.status !== 'ACTIVE')
        return base;
    const autoScaling = await (0,describe/* describeAutoScaling */.Gm)(clients.autoscaling, cluster, service);
    const target = await lastCompletedRevision(clients.ecs, cluster, live);
    // The settings ECS reports per deployment are those of the deployment the rollback goes back to.
    const settingsFrom = target.from ?? live.deployments?.find((d) => d.status === 'PRIMARY');
    const serviceConfig = serviceConfigOf(live, settingsFrom);
    const snapshot = {
        ...base,
        exists: true,
        ...autoScaling,
        serviceConfig,
        unsetFields: RESTORABLE_SERVICE_FIELDS.filter((f) => serviceConfig[f] === undefined && (settingsFrom !== undefined || !isDeploymentLevel(f))),
    };
    if (live.serviceArn !== undefined)
        snapshot.serviceArn = live.serviceArn;
    if (target.taskDefinitionArn !== undefined)
        snapshot.taskDefinitionArn = target.taskDefinitionArn;
    if (target.note !== undefined)
        snapshot.targetNote = target.note;
    if (live.desiredCount !== undefined)
        snapshot.desiredCount = live.desiredCount;
    return snapshot;
}
function serializeSnapshot(snapshot) {
    return JSON.stringify(snapshot);
}
/** Reads a snapshot written by `serializeSnapshot`; throws when the text is not one. */
function parseSnapshot(text) {
    const value = JSON.parse(text);
    if (!isRecord(value) || value['version'] !== 1)
        throw new Error('not a rollback snapshot (version 1)');
    for (const key of ['cluster', 'service']) {
        if (typeof value[key] !== 'string')
            throw new Error(`rollback snapshot: ${key} must be a string`);
    }
    for (const key of ['exists', 'draining']) {
        if (typeof value[key] !== 'boolean')
            throw new Error(`rollback snapshot: ${key} must be a boolean`);
    }
    for (const key of ['scalableTargets', 'scalingPolicies', 'seenEventIds']) {
        if (!Array.isArray(value[key]))
            throw new Error(`rollback snapshot: ${key} must be a list`);
    }
    if (!isRecord(value['serviceConfig']))
        throw new Error('rollback snapshot: serviceConfig must be an object');
    const unset = value['unsetFields'];
    if (unset !== undefined && !(Array.isArray(unset) && unset.every((f) => typeof f === 'string'))) {
        throw new Error('rollback snapshot: unsetFields must be a list of names');
    }
    if (value['exists'] === true && typeof value['taskDefinitionArn'] !== 'string') {
        throw new Error('rollback snapshot: an existing service needs its taskDefinitionArn');
    }
    return value;
}
/**
 * The restorable settings of a described service, as plain JSON values: those DescribeServices reports on the
 * service, and those it reports per deployment from `deployment` (when given).
 */
function serviceConfigOf(service, deployment) {
    const config = {};
    const keep = (key, value) => {
        if (value !== undefined && value !== null)
            config[key] = JSON.parse(JSON.stringify(value));
    };
    for (const key of SERVICE_LEVEL_FIELDS)
        keep(key, service[key]);
    for (const key of DEPLOYMENT_LEVEL_FIELDS)
        keep(key, deployment?.[key]);
    return config;
}
function eventIds(service) {
    return (service?.events ?? []).map((e) => e.id).filter((id) => id !== undefined);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/rollback-request.js


/**
 * R6: the saved desired count comes back when this run changed it and nobody changed it since; a count changed
 * meanwhile (auto scaling, a person) is kept. When this run did not set a count, the live one is kept, never below
 * the saved one.
 */
function rollbackDesiredCount(snapshot, live, desiredCountSet) {
    const saved = snapshot.desiredCount;
    const now = live?.desiredCount;
    if (desiredCountSet !== undefined && saved !== undefined) {
        if (now === undefined || now === desiredCountSet) {
            return { count: saved, why: `desired count ${saved} restored (this deployment had set it to ${desiredCountSet})` };
        }
        return { count: now, why: `desired count ${now} kept: it was changed from ${desiredCountSet} (set by this deployment) since, e.g. by auto scaling` };
    }
    if (saved === undefined && now === undefined)
        return { count: undefined, why: 'desired count unchanged' };
    const count = Math.max(saved ?? 0, now ?? 0);
    return { count, why: `desired count ${count} kept (this deployment did not change it)` };
}
/**
 * What UpdateService takes to remove a setting, as its API reference says (quoted): the settings a service can have
 * none of. The others \u2014 deployment and network configuration, platform version, the scalar settings \u2014 have no "none"
 * to go back to: one the service did not report before stays as the failed deployment set it, and the log says so.
 */
const REMOVED = {
    loadBalancers: [], // "You can remove existing loadBalancers by passing an empty list."
    serviceRegistries: [], // "You can remove existing serviceRegistries by passing an empty list."
    placementConstraints: [], // "To remove all existing placement constraints, specify an empty array."
    placementStrategy: [], // "To remove an existing placement strategy, specify an empty object" (of a list: the empty one)
    capacityProviderStrategy: [], // "...back to the launch type. Pass an empty list in the capacityProviderStrategy parameter."
    serviceConnectConfiguration: { enabled: false }, // enabled: "Specifies whether to use Service Connect with this service."
    volumeConfigurations: [], // "If set to null, no new deployment is triggered. Otherwise, if this configuration differs..."
};
function restoredSettings(snapshot, changedFields) {
    const restored = { values: {}, putBack: [], removed: [], cannotRemove: [], unrecorded: [] };
    for (const key of RESTORABLE_SERVICE_FIELDS) {
        if (!changedFields.includes(key))
            continue;
        const saved = snapshot.serviceConfig[key];
        const unset = saved === undefined && snapshot.unsetFields?.includes(key) === true;
        const value = unset ? REMOVED[key] : saved;
        if (value === undefined) {
            (unset ? restored.cannotRemove : restored.unrecorded).push(key);
            continue;
        }
        restored.values[key] = value;
        (unset || isEmptySetting(value) ? restored.removed : restored.putBack).push(key);
    }
    return restored;
}
/** The log line that says what the rollback puts back and removes, and what stays (R6). */
function restoredSettingsNote(restored) {
    const parts = [
        restored.putBack.length > 0 ? `Settings put back: ${restored.putBack.join(', ')}.` : '',
        restored.removed.length > 0 ? `Settings removed (the service had none): ${restored.removed.join(', ')}.` : '',
        restored.cannotRemove.length > 0
            ? `Settings left as the failed deployment set them (the service had none before, and UpdateService cannot remove them): ${restored.cannotRemove.join(', ')}.`
            : '',
        restored.unrecorded.length > 0
            ? `Settings left as the failed deployment set them (their earlier value was not recorded): ${restored.unrecorded.join(', ')}.`
            : '',
    ].filter((p) => p !== '');
    return parts.length > 0 ? parts.join(' ') : undefined;
}
/** The UpdateService input that puts an existing service back to the snapshot. */
function rollbackUpdateInput(snapshot, live, changedFields = [], desiredCountSet) {
    if (snapshot.taskDefinitionArn === undefined)
        throw new Error('the rollback snapshot has no task definition');
    const input = {
        cluster: snapshot.cluster,
        service: snapshot.service,
        taskDefinition: snapshot.taskDefinitionArn,
        forceNewDeployment: true,
    };
    const desired = rollbackDesiredCount(snapshot, live, desiredCountSet).count;
    // N5: a DAEMON service has no desired count to restore; its rollback restores the task definition only.
    if (desired !== undefined && live?.schedulingStrategy !== 'DAEMON')
        input.desiredCount = desired;
    Object.assign(input, restoredSettings(snapshot, changedFields).values);
    return input;
}
/**
 * The id of the service's only deployment when ECS itself (the circuit breaker or an alarm) has already put the
 * service back on the snapshot's task definition, rolled out, with the desired count the rollback wants and the
 * changed settings as they were: then a rollback deployment of our own would only repeat it.
 */
function settledOnSnapshot(snapshot, live, changedFields, desiredCount) {
    const deployments = live.deployments ?? [];
    const only = deployments.length === 1 ? deployments[0] : undefined;
    if (only?.status !== 'PRIMARY' || only.rolloutState !== 'COMPLETED' || only.id === undefined)
        return undefined;
    if (!(0,task_definition_refs/* sameTaskDefinition */.JL)(only.taskDefinition, snapshot.taskDefinitionArn))
        return undefined;
    if (desiredCount !== undefined && live.desiredCount !== desiredCount)
        return undefined;
    for (const [key, value] of Object.entries(restoredSettings(snapshot, changedFields).values)) {
        const now = isDeploymentLevel(key) ? only[key] : live[key];
        // A setting ECS does not report is one the service does not have: the same as its removal.
        if (canonical(now ?? REMOVED[key]) !== canonical(value))
            return undefined;
    }
    return only.id;
}
/** An empty list, or Service Connect turned off: a setting that removes what was there. */
function isEmptySetting(value) {
    if (Array.isArray(value))
        return value.length === 0;
    return typeof value === 'object' && value !== null && value.enabled === false;
}
/** JSON with object keys sorted, so that equal settings compare equal whatever order ECS reports their keys in. */
function canonical(value) {
    return JSON.stringify(value, (_key, v) => typeof v === 'object' && v !== null && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/watch/index.js + 9 modules
var watch = __webpack_require__(2032);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/ecs-rollback.js





/**
 * ECS's own rollback to the snapshot's revision, still rolling out: the PRIMARY deployment runs the snapshot's task
 * definition, is IN_PROGRESS, and is not the deployment that failed.
 */
function ecsRollbackUnderway(snapshot, live, failedDeploymentId) {
    const primary = live.deployments?.find((d) => d.status === 'PRIMARY');
    if (primary?.id === undefined || primary.id === failedDeploymentId || primary.rolloutState !== 'IN_PROGRESS')
        return undefined;
    return (0,task_definition_refs/* sameTaskDefinition */.JL)(primary.taskDefinition, snapshot.taskDefinitionArn) ? primary : undefined;
}
/** Follows ECS's rollback deployment to COMPLETED (or its failure), then restores the count and the auto scaling. */
async function followEcsRollback(deps, snapshot, live, rollback, options) {
    const revision = (0,task_definition_refs/* familyRevision */.KW)(snapshot.taskDefinitionArn ?? '');
    deps.log.info(`ECS is already rolling service ${snapshot.service} back to ${revision} (deployment ${rollback.id}, IN_PROGRESS): ` +
        'following it instead of starting another rollback.');
    const waited = await (0,watch/* waitForDeployment */.Kw)(deps, {
        cluster: snapshot.cluster,
        service: snapshot.service,
        deploymentId: rollback.id,
        taskDefinitionArn: snapshot.taskDefinitionArn ?? '',
        deadline: options.deadline,
        seenEventIds: (live.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id])),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
    if (!waited.ok) {
        const detail = `ECS's rollback deployment ${rollback.id} to ${revision} did not complete (${waited.reason}): ${waited.message}`;
        return { status: waited.reason === 'cancelled' ? 'abandoned' : 'failed', detail, stoppedTasks: waited.stoppedTasks };
    }
    const scaled = await restoreCount(deps, snapshot, waited.service, options.desiredCount);
    return keepEcsRollback(deps, snapshot, rollback.id, `, followed to its end${scaled}`);
}
/** ECS's rollback keeps the desired count the failed deployment set: the count R6 chose is set back (no new deployment). */
async function restoreCount(deps, snapshot, now, desiredCount) {
    if (desiredCount === undefined || now.desiredCount === desiredCount)
        return '';
    deps.log.info(`Setting the desired count of ${snapshot.service} back to ${desiredCount} (ECS's rollback kept ${now.desiredCount ?? '-'}).`);
    await (0,services/* updateService */.bU)(deps.ecs, { cluster: snapshot.cluster, service: snapshot.service, desiredCount });
    return `, desired count set back to ${desiredCount}`;
}
/** ECS's rollback is done: no deployment of our own; the saved auto scaling is put back. */
async function keepEcsRollback(deps, snapshot, deploymentId, followed) {
    const when = followed === undefined ? 'had already rolled' : 'rolled';
    const back = `ECS ${when} service ${snapshot.service} back to ${snapshot.taskDefinitionArn ?? ''} (deployment ${deploymentId}, COMPLETED)${followed ?? ''}`;
    deps.log.info(`${back}: no rollback deployment needed.`);
    try {
        await restoreAutoScaling(deps.autoscaling, snapshot, deps.log);
    }
    catch (e) {
        return { status: 'failed', detail: `${back}, but restoring its auto scaling failed: ${(0,errors/* describeError */.Uc)(e)}`, stoppedTasks: [] };
    }
    return { status: 'succeeded', detail: `${back}; its auto scaling was restored`, stoppedTasks: [] };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/first-deployment-undo.js
/** R6 for a first deployment: the service this failed run created is deleted (force) and waited INACTIVE. */


async function deleteFirstDeployment(deps, snapshot, options) {
    deps.log.info(`Deleting service ${snapshot.service} (force), created by this failed first deployment`);
    if ((await (0,services/* deleteService */.hs)(deps.ecs, snapshot.cluster, snapshot.service)) === undefined) {
        return { status: 'succeeded', detail: `service ${snapshot.service} was already gone`, stoppedTasks: [] };
    }
    const waited = await (0,watch/* waitForServiceInactive */.Te)(deps, {
        cluster: snapshot.cluster,
        service: snapshot.service,
        deadline: options.deadline,
        seenEventIds: [...snapshot.seenEventIds, ...(options.seenEventIds ?? [])],
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
    if (waited.ok) {
        return { status: 'succeeded', detail: `service ${snapshot.service} was deleted`, stoppedTasks: [] };
    }
    if (waited.reason === 'cancelled') {
        return {
            status: 'abandoned',
            detail: `service ${snapshot.service} was deleted (force) but is still DRAINING; ECS finishes removing it`,
            stoppedTasks: [],
        };
    }
    return {
        status: 'failed',
        detail: `service ${snapshot.service} was deleted but did not become INACTIVE (${waited.reason}): ${waited.message}`,
        stoppedTasks: [],
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/rollout.js + 1 modules
var rollout = __webpack_require__(7676);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/restore-snapshot.js








/** Rolls the service back to the snapshot. Logs `Rolling Back..` and `Rollback Successful.` / `Rollback Failed.` */
async function rollbackToSnapshot(deps, snapshot, options) {
    const started = deps.clock.now();
    deps.log.info('Rolling Back..');
    let result;
    try {
        result = snapshot.exists
            ? await restoreService(deps, snapshot, options)
            : await deleteFirstDeployment(deps, snapshot, options);
    }
    catch (e) {
        result = { status: 'failed', detail: (0,errors/* describeError */.Uc)(e), stoppedTasks: [] };
    }
    if (result.status === 'succeeded')
        deps.log.info('Rollback Successful.');
    else if (result.status === 'failed')
        deps.log.error(`Rollback Failed. ${result.detail}`);
    else
        deps.log.warning(`Rollback abandoned: ${result.detail}`);
    return { ...result, durationMs: deps.clock.now() - started };
}
async function restoreService(deps, snapshot, options) {
    const live = await (0,services/* describeServiceAnyStatus */.dM)(deps.ecs, snapshot.cluster, snapshot.service);
    if (live === undefined || live.status !== 'ACTIVE') {
        return {
            status: 'failed',
            detail: `service ${snapshot.service} is no longer ACTIVE (${live?.status ?? 'missing'}); nothing to roll back to`,
            stoppedTasks: [],
        };
    }
    const desired = rollbackDesiredCount(snapshot, live, options.desiredCountSet);
    const settled = settledOnSnapshot(snapshot, live, options.changedFields ?? [], desired.count);
    if (settled !== undefined)
        return keepEcsRollback(deps, snapshot, settled);
    const underway = ecsRollbackUnderway(snapshot, live, options.failedDeploymentId);
    if (underway?.id !== undefined)
        return followEcsRollback(deps, snapshot, live, { ...underway, id: underway.id }, { ...options, desiredCount: desired.count });
    const input = rollbackUpdateInput(snapshot, live, options.changedFields, options.desiredCountSet);
    deps.log.info(`Updating service ${snapshot.service} back to ${input.taskDefinition ?? ''} with desired count ` +
        `${input.desiredCount ?? 'unchanged'} (${desired.why})`);
    const settingsNote = restoredSettingsNote(restoredSettings(snapshot, options.changedFields ?? []));
    if (settingsNote !== undefined)
        deps.log.info(settingsNote);
    const deploymentId = (0,rollout/* primaryDeploymentId */.x)(await (0,services/* updateService */.bU)(deps.ecs, input));
    const autoScalingProblem = await restoreAutoScalingReporting(deps, snapshot);
    const autoScalingNote = autoScalingProblem === undefined ? 'Its auto scaling was restored.' : `But ${autoScalingProblem}.`;
    if (deploymentId === undefined) {
        return { status: 'failed', detail: `UpdateService returned no PRIMARY deployment to follow. ${autoScalingNote}`, stoppedTasks: [] };
    }
    deps.log.info(`Waiting for rollback deployment ${deploymentId} to reach steady state`);
    const waited = await (0,watch/* waitForDeployment */.Kw)(deps, {
        cluster: snapshot.cluster,
        service: snapshot.service,
        deploymentId,
        taskDefinitionArn: snapshot.taskDefinitionArn ?? '',
        deadline: options.deadline,
        seenEventIds: (live.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id])),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
    return restoreResult(snapshot, deploymentId, input, waited, autoScalingProblem);
}
/** The restore of the saved auto scaling; a problem is logged and returned, never thrown. */
async function restoreAutoScalingReporting(deps, snapshot) {
    try {
        await restoreAutoScaling(deps.autoscaling, snapshot, deps.log);
        return undefined;
    }
    catch (e) {
        deps.log.error(`Restoring the auto scaling of ${snapshot.service} failed: ${(0,errors/* describeError */.Uc)(e)}`);
        return `restoring its auto scaling failed: ${(0,errors/* describeError */.Uc)(e)}`;
    }
}
function restoreResult(snapshot, deploymentId, input, waited, autoScalingProblem) {
    const autoScalingNote = autoScalingProblem === undefined ? 'Its auto scaling was restored.' : `But ${autoScalingProblem}.`;
    if (waited.ok) {
        const runs = `service ${snapshot.service} runs ${snapshot.taskDefinitionArn ?? ''} again (deployment ${deploymentId})`;
        return autoScalingProblem === undefined
            ? { status: 'succeeded', detail: runs, stoppedTasks: [] }
            : { status: 'failed', detail: `${runs}, but ${autoScalingProblem}`, stoppedTasks: [] };
    }
    if (waited.reason === 'cancelled') {
        return {
            status: 'abandoned',
            detail: `stopped waiting for the rollback deployment ${deploymentId} of service ${snapshot.service} to ` +
                `${snapshot.taskDefinitionArn ?? ''} (desired count ${input.desiredCount ?? 'unchanged'}); ECS goes on ` +
                `with it. ${autoScalingNote}`,
            stoppedTasks: waited.stoppedTasks,
        };
    }
    return {
        status: 'failed',
        detail: `rollback deployment ${deploymentId} did not reach steady state (${waited.reason}): ${waited.message}. ${autoScalingNote}`,
        stoppedTasks: waited.stoppedTasks,
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/rollback-marks.js




/** Tag key on a task definition revision a rollback moved a service away from; the value says when and where. */
const ROLLED_BACK_FROM_TAG = 'ecs-delivery-actions:rolled-back-from';
/**
 * Tags `revision` as rolled back from (by `service`). A failure to tag (e.g. no ecs:TagResource permission) is a
 * warning: the rollback itself succeeded; a later automatic choice could then pick this revision again.
 */
async function markRolledBackFrom(deps, revision, service) {
    const value = `${service} ${new Date(deps.clock.now()).toISOString()}`;
    try {
        await (0,services/* tagResource */.FT)(deps.ecs, revision, [{ key: ROLLED_BACK_FROM_TAG, value }]);
        deps.log.info(`Marked ${(0,task_definition_refs/* familyRevision */.KW)(revision)} as rolled back from (tag ${ROLLED_BACK_FROM_TAG}): a later rollback will not choose it.`);
    }
    catch (e) {
        deps.log.warning(`Could not tag ${(0,task_definition_refs/* familyRevision */.KW)(revision)} as rolled back from (${(0,errors/* describeError */.Uc)(e)}): a later automatic rollback ` +
            'could choose it again; give task-definition-arn then.');
    }
}
/** When (and by which service) a rollback moved away from `revision`, or undefined when none did. */
async function rolledBackFrom(ecs, revision) {
    const tags = await (0,task_definitions/* taskDefinitionTags */._Y)(ecs, revision);
    return tags.find((t) => t.key === ROLLED_BACK_FROM_TAG)?.value;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/auto-rollback.js
/**
 * R6, the automatic rollback after a failed deployment: undo what the deployment did (deployRolling's
 * DeploymentDone). The service is rolled back to the snapshot when it was changed (and no newer deployment replaced
 * ours), its auto scaling restored in place and resumed; when its auto scaling was only suspended, it is resumed.
 * With rollback-on-failure off, the log says what is left as the failure made it. (The manual rollback, `mode: rollback`, is manual-rollback.ts.)
 */








async function rollBackFailedDeployment(deps, plan, snapshot, done, failure, outcome) {
    const { log } = deps;
    outcome.failureReason = failure.reason;
    outcome.cause = failure.message;
    outcome.stoppedTasks = failure.stoppedTasks;
    // Logged in place, not as an error annotation: the caller fails the step with the cause, which annotates it once.
    log.info(`${done.rollout.change === 'scale' ? 'Scale change' : 'Deployment'} failed: ${failure.message}`);
    const changed = done.step.change.changed;
    if (!plan.rollbackOnFailure) {
        const ecs = failure.reason === 'circuit-breaker' ? await ecsRollbackState(deps, plan) : undefined;
        if (ecs !== undefined)
            outcome.ecsRollback = ecs;
        return leaveAsFailed(deps, plan, snapshot, done);
    }
    if (failure.reason === 'replaced') {
        log.warning('A newer deployment replaced this one: the service is not rolled back (that would undo the newer deployment).');
    }
    const serviceRollback = changed && failure.reason !== 'replaced';
    if (!serviceRollback && !done.autoScalingSuspended)
        return;
    const started = deps.clock.now();
    const result = await log.group('Rollback', async () => {
        if (!serviceRollback)
            return resumeAutoScalingOnly(deps, snapshot);
        if (done.rollout.change === 'scale' && (0,task_definition_refs/* sameTaskDefinition */.JL)(outcome.taskDefinitionArn, snapshot.taskDefinitionArn)) {
            return undoScaleChange(deps, snapshot, done);
        }
        // What is left of the run's deadline: at least the share the deployment's wait kept for the rollback.
        return rollbackToSnapshot(deps, snapshot, {
            deadline: plan.deadline,
            signal: deps.hardSignal,
            changedFields: done.step.change.changedFields,
            desiredCountSet: done.step.change.desiredCount,
            failedDeploymentId: done.rollout.deploymentId,
            pollIntervalMs: plan.pollIntervalMs,
            seenEventIds: eventIdsOf(done),
        });
    });
    outcome.timings.rollbackMs = deps.clock.now() - started;
    outcome.rollback = { status: result.status, detail: result.detail };
    outcome.rolledBack = result.status === 'succeeded';
    outcome.stoppedTasks = [...failure.stoppedTasks, ...result.stoppedTasks];
    if (result.status !== 'succeeded')
        outcome.cause = `${failure.message}\nRollback ${result.status}: ${result.detail}`;
    else if (serviceRollback && snapshot.exists)
        await markMovedAway(deps, outcome.taskDefinitionArn, snapshot);
}
/**
 * R6 for a scale change of a service that already ran the saved revision: there is no deployment to undo, only the
 * desired count (as rollbackDesiredCount chooses) and the auto scaling; no new deployment is started.
 */
async function undoScaleChange(deps, snapshot, done) {
    deps.log.info('Rolling Back..');
    const live = await (0,services/* describeService */.Jv)(deps.ecs, snapshot.cluster, snapshot.service);
    const desired = rollbackDesiredCount(snapshot, live, done.step.change.desiredCount);
    if (desired.count !== undefined && live?.desiredCount !== desired.count) {
        await (0,services/* updateService */.bU)(deps.ecs, { cluster: snapshot.cluster, service: snapshot.service, desiredCount: desired.count });
    }
    const detail = `a scale change has no deployment to roll back: ${desired.why}`;
    try {
        await restoreAutoScaling(deps.autoscaling, snapshot, deps.log);
    }
    catch (e) {
        deps.log.error(`Rollback Failed. ${(0,errors/* describeError */.Uc)(e)}`);
        return { status: 'failed', detail: `${detail}, but restoring the auto scaling failed: ${(0,errors/* describeError */.Uc)(e)}`, stoppedTasks: [] };
    }
    deps.log.info(`${detail}.`);
    deps.log.info('Rollback Successful.');
    return { status: 'succeeded', detail: `${detail}; its auto scaling was restored`, stoppedTasks: [] };
}
/** R7: the revision a rollback moved the service away from is never chosen by a later automatic rollback. */
async function markMovedAway(deps, failed, snapshot) {
    if ((0,task_definition_refs/* sameTaskDefinition */.JL)(failed, snapshot.taskDefinitionArn))
        return;
    await markRolledBackFrom(deps, failed, snapshot.service);
}
/** R8: what ECS's own rollback shows now, read from the service (never assumed): rolledBack only once it completed. */
async function ecsRollbackState(deps, plan) {
    const live = await (0,services/* describeService */.Jv)(deps.ecs, plan.cluster, plan.serviceName).catch(() => undefined);
    const primary = live?.deployments?.find((d) => d.status === 'PRIMARY');
    if (primary === undefined)
        return undefined;
    return { taskDefinitionArn: primary.taskDefinition, deploymentId: primary.id, completed: primary.rolloutState === 'COMPLETED' };
}
/** rollback-on-failure false: the service stays as the failure left it; only this action's own preparation is undone. */
async function leaveAsFailed(deps, plan, snapshot, done) {
    const { log } = deps;
    const changed = done.step.change.changed;
    if (!changed && done.autoScalingSuspended) {
        // The service itself was never changed: only this action's preparation (R3) suspended its auto scaling, so
        // resuming it is not a rollback of the deployment, and leaving it suspended would leave the service unscaled.
        await log.group('Resume auto scaling', async () => {
            log.info(`Service ${plan.serviceName} was not changed; resuming the auto scaling suspended before the update.`);
            try {
                await (0,suspension/* resumeAutoScaling */.ks)(deps.autoscaling, snapshot.scalableTargets, log);
            }
            catch (e) {
                log.warning(`Resuming the auto scaling of service ${plan.serviceName} failed: ${(0,errors/* describeError */.Uc)(e)}`);
            }
        });
        return;
    }
    const left = done.autoScalingSuspended
        ? ' Its auto scaling stays suspended (dynamic scaling and scheduled scaling); resume it with RegisterScalableTarget and a SuspendedState once the service is settled.'
        : '';
    if (changed)
        log.warning(`rollback-on-failure is false: service ${plan.serviceName} is left as the failed deployment made it.${left}`);
}
/** The events of the service as the deployment's wait last saw them (it printed those). */
function eventIdsOf(done) {
    const service = done.rollout.service ?? done.step.change.service;
    return (service?.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id]));
}
/**
 * When the service itself was not changed (UpdateService failed, or a newer deployment replaced ours): its auto
 * scaling was only suspended, so it is resumed (nothing else of it was touched).
 */
async function resumeAutoScalingOnly(deps, snapshot) {
    deps.log.info('Rolling Back..');
    deps.log.info(`Service ${snapshot.service} was not changed; resuming its auto scaling.`);
    try {
        await (0,suspension/* resumeAutoScaling */.ks)(deps.autoscaling, snapshot.scalableTargets, deps.log);
        deps.log.info('Rollback Successful.');
        return { status: 'succeeded', detail: `service ${snapshot.service} was not changed; its auto scaling was resumed`, stoppedTasks: [] };
    }
    catch (e) {
        deps.log.error(`Rollback Failed. ${(0,errors/* describeError */.Uc)(e)}`);
        return { status: 'failed', detail: `resuming the auto scaling failed: ${(0,errors/* describeError */.Uc)(e)}`, stoppedTasks: [] };
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/auto-scaling-step.js
/**
 * The auto scaling step after a successful rollout (R2, R3): the manifests, when given, are applied as upserts (same
 * names keep their ARNs; live policies they no longer name are deleted); then the auto scaling suspended for the
 * rollout is resumed with the SuspendedState the snapshot recorded. Without manifests the live auto scaling is left
 * exactly as it was, only resumed.
 */



async function finishAutoScaling(deps, plan, snapshot, manifests, suspended) {
    const { log } = deps;
    const given = manifests.scalableTargets.length + manifests.scalingPolicies.length > 0;
    const toResume = suspended ? snapshot.scalableTargets : [];
    try {
        await log.group('Auto scaling', async () => {
            if (given) {
                const { scalableTargets, scalingPolicies } = manifests;
                await (0,apply/* applyAutoScaling */.rD)(deps.autoscaling, scalableTargets, scalingPolicies, plan.cluster, plan.serviceName, {
                    log,
                    keepSuspended: toResume.length > 0,
                    // The snapshot read them just before the update, and scaling stayed suspended since: no second read.
                    ...(snapshot.exists ? { livePolicies: snapshot.scalingPolicies } : {}),
                });
            }
            else if (snapshot.scalableTargets.length + snapshot.scalingPolicies.length > 0) {
                log.info('No auto scaling manifests given: the auto scaling the service has is kept as it is.');
            }
            else {
                log.info('No auto scaling manifests given and none existed before: nothing to apply.');
            }
            await (0,suspension/* resumeAutoScaling */.ks)(deps.autoscaling, toResume, log, manifests.scalableTargets);
        });
        return undefined;
    }
    catch (e) {
        return { reason: 'auto-scaling', message: `applying auto scaling failed: ${(0,errors/* describeError */.Uc)(e)}`, stoppedTasks: [] };
    }
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
// EXTERNAL MODULE: ./.build/dist-src/src/core/poll/index.js + 3 modules
var poll = __webpack_require__(6074);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/find-deployment.js



/** How long a deployment the change started may stay unlisted before the search gives up. */
const FIND_GRACE_MS = 60_000;
/** Slack for the difference between this runner's clock and ECS's. */
const CLOCK_SKEW_MS = 60_000;
/** Newest candidates described per round (one DescribeServiceDeployments call). */
const CANDIDATES = 20;
async function findServiceDeployment(deps, req) {
    const createdAfter = new Date(req.changedAt - CLOCK_SKEW_MS);
    const end = await (0,poll/* poll */.wt)(deps, { deadline: req.deadline, signal: req.signal, intervalMs: req.pollIntervalMs }, async (round) => {
        const opts = { signal: round.signal, onCall: (op) => round.read(op) };
        const listed = await listServiceDeployments(deps.ecs, { cluster: req.cluster, service: req.service, createdAfter, maxPages: 1 }, opts);
        const arns = listed.flatMap((b) => (b.serviceDeploymentArn === undefined ? [] : [b.serviceDeploymentArn]));
        const ordered = req.preferredArn !== undefined && arns.includes(req.preferredArn) ? [req.preferredArn, ...arns.filter((a) => a !== req.preferredArn)] : arns;
        const match = ordered.length === 0 ? undefined : await matching(deps, ordered.slice(0, CANDIDATES), req.taskDefinitionArn, opts);
        if (match !== undefined)
            return match;
        return round.now() - round.startedAt >= FIND_GRACE_MS ? 'gone' : undefined;
    });
    if (end.kind === 'done' && end.value !== 'gone')
        return { found: end.value };
    const why = end.kind === 'cancelled'
        ? 'cancelled while looking for the service deployment'
        : `ECS lists no service deployment of ${req.taskDefinitionArn} for service ${req.service} created since the update`;
    return { found: undefined, why };
}
/** The first of `arns` (in that order) whose target revision runs `taskDefinitionArn`. */
async function matching(deps, arns, taskDefinitionArn, opts) {
    opts.onCall('DescribeServiceDeployments');
    const described = await describeServiceDeployments(deps.ecs, arns, { signal: opts.signal });
    const revisionArns = described.flatMap((d) => (d.targetServiceRevision?.arn === undefined ? [] : [d.targetServiceRevision.arn]));
    if (revisionArns.length === 0)
        return undefined;
    opts.onCall('DescribeServiceRevisions');
    const revisions = await describeServiceRevisions(deps.ecs, revisionArns, { signal: opts.signal });
    const ours = new Set(revisions.filter((r) => (0,task_definition_refs/* sameTaskDefinition */.JL)(r.taskDefinition, taskDefinitionArn)).map((r) => r.serviceRevisionArn));
    for (const arn of arns) {
        const d = described.find((x) => x.serviceDeploymentArn === arn);
        if (d?.targetServiceRevision?.arn !== undefined && ours.has(d.targetServiceRevision.arn))
            return d;
    }
    return undefined;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/watch/fold.js
var fold = __webpack_require__(7493);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/stages.js

const NATIVE_STRATEGIES = ['BLUE_GREEN', 'LINEAR', 'CANARY'];
/** The lifecycle stages of a BLUE_GREEN, LINEAR or CANARY deployment, in the order ECS goes through them. */
const LIFECYCLE_STAGES = [
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'SCALE_UP',
    'POST_SCALE_UP',
    'TEST_TRAFFIC_SHIFT',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
    'CLEAN_UP',
];
/** Statuses that end a service deployment with the new revision in place. */
const SUCCESS_STATUS = 'SUCCESSFUL';
/** Statuses of a deployment ECS is still carrying forward. */
const ONGOING_STATUSES = ['PENDING', 'IN_PROGRESS'];
/** Statuses of a deployment ECS is rolling back or stopping: still moving, but towards the source revision. */
const UNWINDING_STATUSES = ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'];
/** Statuses after which the deployment changes no more. */
const TERMINAL_STATUSES = ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED'];
function isNativeStrategy(strategy) {
    return NATIVE_STRATEGIES.includes(strategy ?? '');
}
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(status ?? '');
}
/** Position of a stage in the order ECS goes through them; -1 for a stage this code does not know. */
function stageIndex(stage) {
    return LIFECYCLE_STAGES.indexOf(stage ?? '');
}
/** Parses the `wait-until` input: `deployed` or `ecs:<STAGE>`; anything else is a ConfigurationError naming it. */
function parseWaitUntil(value) {
    if (value === undefined || value === '' || value === 'deployed')
        return { kind: 'deployed' };
    const stage = value.startsWith('ecs:') ? value.slice(4) : undefined;
    if (stage !== undefined && stageIndex(stage) >= 0)
        return { kind: 'stage', stage: stage };
    throw new errors/* ConfigurationError */.j1(`'${value}' is neither 'deployed' nor 'ecs:<STAGE>' with one of ECS's lifecycle stages: ${LIFECYCLE_STAGES.join(', ')}`, { input: 'wait-until' });
}
/**
 * N3: a stage the service's deployments never go through is refused before the first change: a ROLLING (or DAEMON)
 * service has no lifecycle stages at all.
 */
function checkWaitUntil(waitUntil, native, serviceName, how) {
    if (waitUntil === undefined || waitUntil.kind === 'deployed' || native)
        return;
    throw new errors/* ConfigurationError */.j1(`service ${serviceName} deploys ${how}, whose deployments have no lifecycle stages, so it never ` +
        `reaches ${waitUntil.stage}; wait-until ecs:<STAGE> needs a BLUE_GREEN, LINEAR or CANARY service. Nothing was changed.`, { input: 'wait-until' });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/progress.js


class NativeProgressPrinter {
    log;
    stageLabel;
    stages = new Set();
    changes;
    /** @param stageLabel how a stage line starts: `Lifecycle stage`, or for a rollback being followed, what says so. */
    constructor(log, clock, stageLabel = 'Lifecycle stage') {
        this.log = log;
        this.stageLabel = stageLabel;
        this.changes = new fold/* ChangePrinter */.$((line) => log.info(line), clock);
    }
    print(sd) {
        this.changes.print('status', `Service deployment ${shortId(sd.serviceDeploymentArn)}: ${sd.status ?? 'unknown'}${sd.statusReason ? ` (${sd.statusReason})` : ''}`);
        const stage = sd.lifecycleStage;
        if (stage !== undefined && !this.stages.has(stage)) {
            const forward = sd.status === 'IN_PROGRESS' || sd.status === 'SUCCESSFUL';
            if (forward)
                for (const passed of this.passedBetweenPolls(stage))
                    this.log.info(`${this.stageLabel}: ${passed} (passed between two polls)`);
            this.stages.add(stage);
            this.log.info(`${this.stageLabel}: ${stage}`);
        }
        if (sd.targetServiceRevision !== undefined)
            this.changes.print('target', revisionLine('Target (new) revision', sd.targetServiceRevision));
        for (const source of sd.sourceServiceRevisions ?? [])
            this.changes.print(`source ${source.arn ?? ''}`, revisionLine('Source revision', source));
        for (const hook of sd.lifecycleHookDetails ?? [])
            this.changes.print(`hook ${hook.hookId ?? ''}`, hookLine(hook));
    }
    /**
     * Stages ECS went through between two polls (a short stage in a fast deployment): those between the last stage
     * printed and `stage`, in ECS's order. Only after a first stage was seen; RECONCILE_SERVICE is not always run.
     */
    passedBetweenPolls(stage) {
        const last = Math.max(-1, ...[...this.stages].map(stageIndex));
        if (last < 0)
            return [];
        return LIFECYCLE_STAGES.slice(last + 1, Math.max(last + 1, stageIndex(stage))).filter((s) => s !== 'RECONCILE_SERVICE' && !this.stages.has(s));
    }
    /** The stages printed so far, in the order seen. */
    get seenStages() {
        return [...this.stages];
    }
}
/** `Target (new) revision 8123: running 2, pending 0 of 2; traffic production 10%, test 100%` */
function revisionLine(label, r) {
    const weights = [];
    if (r.requestedProductionTrafficWeight !== undefined)
        weights.push(`production ${percent(r.requestedProductionTrafficWeight)}`);
    if (r.requestedTestTrafficWeight !== undefined)
        weights.push(`test ${percent(r.requestedTestTrafficWeight)}`);
    const counts = `running ${r.runningTaskCount ?? 0}, pending ${r.pendingTaskCount ?? 0} of ${r.requestedTaskCount ?? 0}`;
    return `${label} ${shortId(r.arn)}: ${counts}${weights.length > 0 ? `; traffic ${weights.join(', ')}` : ''}`;
}
/** `Lifecycle hook abc (PAUSE): AWAITING_ACTION, times out at 2026-\u2026 (then ROLLBACK)` */
function hookLine(hook) {
    const target = hook.targetArn !== undefined ? ` ${hook.targetArn}` : '';
    const expires = hook.expiresAt !== undefined && hook.status === 'AWAITING_ACTION' ? `, times out at ${hook.expiresAt.toISOString()}` : '';
    const then = expires !== '' && hook.timeoutAction !== undefined ? ` (then ${hook.timeoutAction})` : '';
    return `Lifecycle hook ${hook.hookId ?? '(no id)'} (${hook.targetType ?? 'AWS_LAMBDA'}${target}): ${hook.status ?? 'unknown'}${expires}${then}`;
}
function percent(weight) {
    return `${Math.round(weight * 10) / 10}%`;
}
/** The last part of an ARN: `\u2026/service-deployment/c/s/AbC` \u2192 `AbC`. */
function shortId(arn) {
    if (arn === undefined)
        return '(unknown)';
    return arn.slice(arn.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/native-pace.js

class NativePace {
    stage;
    stageSince = 0;
    hint(sd, service, waitUntil, failing, now) {
        if (sd.lifecycleStage !== this.stage) {
            this.stage = sd.lifecycleStage;
            this.stageSince = now;
        }
        if (failing || UNWINDING_STATUSES.includes(sd.status ?? ''))
            return { kind: 'near' };
        if (waitUntil.kind === 'stage' && stageIndex(sd.lifecycleStage) >= stageIndex(waitUntil.stage) - 1)
            return { kind: 'near' };
        if (sd.lifecycleStage === 'BAKE_TIME') {
            const bake = service.deploymentConfiguration?.bakeTimeInMinutes;
            return bake !== undefined ? { kind: 'eta', at: this.stageSince + bake * 60_000 } : { kind: 'near' };
        }
        if (sd.lifecycleStage === 'CLEAN_UP')
            return { kind: 'near' };
        return { kind: 'idle', since: this.stageSince };
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/verdict.js


function judgeServiceDeployment(sd, o) {
    const status = sd.status;
    if (status === SUCCESS_STATUS)
        return o.expect === 'forward' ? { kind: 'success', ended: 'successful' } : { kind: 'failure', ecsRolledBack: false };
    if (status === 'ROLLBACK_SUCCESSFUL')
        return o.expect === 'rollback' ? { kind: 'success', ended: 'rolled-back' } : { kind: 'failure', ecsRolledBack: true };
    if (isTerminal(status))
        return { kind: 'failure', ecsRolledBack: false };
    if (status !== 'PENDING' && status !== 'IN_PROGRESS')
        return { kind: 'waiting' }; // unwinding: follow it to its end
    if (o.expect === 'rollback')
        return { kind: 'waiting' };
    if (o.waitUntil.kind === 'stage' && stageIndex(sd.lifecycleStage) >= stageIndex(o.waitUntil.stage))
        return { kind: 'success', ended: 'stage' };
    const paused = o.returnAtPause ? awaitingHook(sd, o.answeredHookIds) : undefined;
    if (paused !== undefined)
        return { kind: 'success', ended: 'paused', hook: paused };
    return { kind: 'waiting' };
}
/** The PAUSE hook of `sd` that waits for ContinueServiceDeployment, other than those in `except`. */
function awaitingHook(sd, except = new Set()) {
    return (sd.lifecycleHookDetails ?? []).find((h) => h.status === 'AWAITING_ACTION' && !except.has(h.hookId ?? ''));
}
/** Hooks that failed or timed out: what made ECS roll back. */
function failedHooks(sd) {
    return (sd.lifecycleHookDetails ?? []).filter((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
}
/**
 * The failure as the step reports it: `service deployment AbC ended ROLLBACK_SUCCESSFUL at stage
 * POST_TEST_TRAFFIC_SHIFT: <statusReason>; rollback: <reason>; lifecycle hook h1 (AWS_LAMBDA arn:\u2026) FAILED`.
 */
function describeNativeFailure(sd, hooks, stage) {
    const parts = [`service deployment ${shortId(sd.serviceDeploymentArn)} ended ${sd.status ?? 'unknown'}${stage !== undefined ? ` at stage ${stage}` : ''}`];
    const details = [];
    if (sd.statusReason !== undefined && sd.statusReason !== '')
        details.push(sd.statusReason);
    if (sd.rollback?.reason !== undefined && sd.rollback.reason !== sd.statusReason)
        details.push(`rollback: ${sd.rollback.reason}`);
    for (const h of hooks)
        details.push(`lifecycle hook ${h.hookId ?? '(no id)'} (${h.targetType ?? 'AWS_LAMBDA'}${h.targetArn !== undefined ? ` ${h.targetArn}` : ''}) ${h.status ?? ''}`.trim());
    return details.length > 0 ? `${parts[0]}: ${details.join('; ')}` : (parts[0] ?? '');
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/follow.js






async function followServiceDeployment(deps, req) {
    const observer = new NativeObserver(deps, req);
    const result = await (0,watch/* pollService */.zS)(deps, { ...req }, observer);
    return observer.result(result);
}
class NativeObserver {
    deps;
    req;
    printer;
    options;
    last;
    verdict = { kind: 'waiting' };
    hooksFailed = new Map();
    /** The stage where the deployment was when it started to unwind (or ended). */
    failedAt;
    collector;
    failedTasks = 0;
    /** How near the end is, for the pacing of the polls (issue 17). */
    pace = new NativePace();
    constructor(deps, req) {
        this.deps = deps;
        this.req = req;
        this.printer = new NativeProgressPrinter(deps.log, deps.clock, req.expect === 'rollback' ? 'Lifecycle stage during the rollback' : 'Lifecycle stage');
        this.options = {
            waitUntil: req.waitUntil ?? { kind: 'deployed' },
            expect: req.expect ?? 'forward',
            returnAtPause: req.returnAtPause ?? true,
            answeredHookIds: req.answeredHookIds ?? new Set(),
        };
        if (req.initial !== undefined) {
            this.printer.print(req.initial);
            this.last = req.initial;
        }
    }
    waitingFor() {
        const until = this.options.waitUntil.kind === 'stage' ? `to reach lifecycle stage ${this.options.waitUntil.stage}` : 'to end';
        return `service deployment ${this.req.serviceDeploymentArn} of service ${this.req.service} ${until}`;
    }
    lastSeen() {
        const d = this.last;
        return d === undefined ? undefined : `status ${d.status ?? 'unknown'}, lifecycle stage ${d.lifecycleStage ?? 'unknown'}`;
    }
    async observe(service, io) {
        if (service === undefined) {
            return { ok: false, reason: 'failed', message: `service ${this.req.service} does not exist in cluster ${this.req.cluster}`, stoppedTasks: [] };
        }
        io.onCall('DescribeServiceDeployments');
        const [sd] = await describeServiceDeployments(this.deps.ecs, [this.req.serviceDeploymentArn], { signal: io.signal });
        if (sd === undefined)
            return undefined; // not yet visible (read-after-write)
        this.printer.print(sd);
        for (const h of failedHooks(sd))
            this.hooksFailed.set(h.hookId ?? '', h);
        const ongoing = sd.status === 'IN_PROGRESS' || sd.status === 'PENDING';
        if (!ongoing)
            this.failedAt ??= this.last?.lifecycleStage ?? sd.lifecycleStage;
        this.last = sd;
        await this.noticeFailedTasks(service, io);
        this.verdict = judgeServiceDeployment(sd, this.options);
        if (this.verdict.kind === 'waiting') {
            io.pace(this.pace.hint(sd, service, this.options.waitUntil, this.failedTasks > 0, io.now()));
            return undefined;
        }
        if (this.verdict.kind === 'success')
            return { ok: true, service, deployment: {}, durationMs: io.now() - io.startedAt };
        await this.collect(io);
        return { ok: false, reason: 'failed', message: this.failureMessage(sd), stoppedTasks: [...(this.collector?.all ?? [])], service };
    }
    async stoppedTasks() {
        return [...(this.collector?.all ?? [])];
    }
    /** The watcher's result, with what this observer saw of the service deployment. */
    result(r) {
        const sd = this.last;
        if (r.ok && sd !== undefined && this.verdict.kind === 'success') {
            const ok = { ok: true, ended: this.verdict.ended, deployment: sd, service: r.service };
            if (this.verdict.hook !== undefined)
                ok.hook = this.verdict.hook;
            return ok;
        }
        const failed = r.ok ? { message: 'BUG: success without a verdict', stoppedTasks: [] } : r;
        return {
            ok: false,
            reason: r.ok || r.reason === 'circuit-breaker' || r.reason === 'replaced' ? 'failed' : r.reason,
            message: failed.message,
            stoppedTasks: failed.stoppedTasks,
            ecsRolledBack: this.verdict.kind === 'failure' && this.verdict.ecsRolledBack,
            ...(sd !== undefined ? { deployment: sd } : {}),
            ...(!r.ok && r.service !== undefined ? { service: r.service } : {}),
        };
    }
    failureMessage(sd) {
        if (this.options.expect === 'rollback' && sd.status === 'SUCCESSFUL') {
            return `service deployment ${this.req.serviceDeploymentArn} completed (SUCCESSFUL) before the rollback took effect`;
        }
        const message = describeNativeFailure(sd, [...this.hooksFailed.values()], this.failedAt);
        const summary = (0,watch/* summarizeStoppedTasks */.R3)(this.collector?.all ?? []);
        return summary === '' ? message : `${message}. Stopped tasks: ${summary}`;
    }
    /** S9: the stopped tasks of the new revision, read when the service's deployment of it counts more failed tasks. */
    async noticeFailedTasks(service, io) {
        const ours = service.deployments?.find((d) => (0,task_definition_refs/* sameTaskDefinition */.JL)(d.taskDefinition, this.req.taskDefinitionArn));
        const failed = ours?.failedTasks ?? 0;
        const more = failed > this.failedTasks;
        this.failedTasks = failed;
        if (more)
            await this.collect(io);
    }
    async collect(io) {
        const createdAt = this.last?.createdAt?.getTime();
        this.collector ??= new watch/* StoppedTaskCollector */.yN(this.deps.ecs, this.deps.log, this.req.cluster, this.req.service, {
            taskDefinitionArn: this.req.taskDefinitionArn,
            createdNotBefore: createdAt !== undefined ? createdAt - 1000 : undefined,
        });
        try {
            await this.collector.collect({ signal: io.signal, onCall: io.onCall });
        }
        catch (e) {
            if (io.signal?.aborted !== true)
                this.deps.log.debug(`Reading stopped tasks failed: ${String(e)}`);
        }
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/rollout.js
/**
 * N2, N3: after the create or update of a BLUE_GREEN, LINEAR or CANARY service, find the service deployment it started
 * (find-deployment.ts) and follow it (follow.ts) to SUCCESSFUL, to the `wait-until` stage or to a PAUSE hook. An update
 * that started no deployment (a scale change), or a run that does not wait, goes the rolling way (rollout.ts).
 */





async function waitForNativeRollout(deps, change, req) {
    const primary = (0,rollout/* primaryDeploymentId */.x)(change.service);
    const scale = req.before !== undefined && primary !== undefined && req.before.deploymentId === primary;
    if (scale || !req.waitForSteadyState)
        return (0,rollout/* waitForRollout */.g)(deps, change, req);
    const seen = { change: 'deployment', ...(change.service !== undefined ? { service: change.service } : {}) };
    const started = deps.clock.now();
    const found = await findServiceDeployment(deps, {
        cluster: req.cluster,
        service: req.serviceName,
        taskDefinitionArn: req.taskDefinitionArn,
        changedAt: req.changedAt ?? started,
        preferredArn: change.service?.currentServiceDeployment,
        deadline: req.deadline,
        signal: req.signal,
        pollIntervalMs: req.pollIntervalMs,
    });
    const arn = found.found?.serviceDeploymentArn;
    if (arn === undefined) {
        const why = found.found === undefined ? found.why : 'ECS described the service deployment without its ARN';
        return { ...seen, failure: { reason: req.signal?.aborted === true ? 'cancelled' : 'error', message: why, stoppedTasks: [] } };
    }
    const until = req.waitUntil?.kind === 'stage' ? `lifecycle stage ${req.waitUntil.stage}` : 'its end';
    const followed = await deps.log.group(`Follow service deployment ${shortId(arn)} (${found.found?.deploymentConfiguration?.strategy ?? 'native'}) to ${until}`, () => followServiceDeployment(deps, {
        cluster: req.cluster,
        service: req.serviceName,
        serviceDeploymentArn: arn,
        taskDefinitionArn: req.taskDefinitionArn,
        deadline: req.deadline,
        signal: req.signal,
        seenEventIds: req.seenEventIds,
        pollIntervalMs: req.pollIntervalMs,
        initial: found.found,
        ...(req.waitUntil !== undefined ? { waitUntil: req.waitUntil } : {}),
    }));
    const result = { ...seen, deploymentId: arn, waitMs: deps.clock.now() - started, native: nativeRun(arn, followed) };
    if (followed.service !== undefined)
        result.service = followed.service;
    if (!followed.ok)
        result.failure = followFailure(followed);
    else
        logEnd(deps, followed, result.waitMs ?? 0);
    return result;
}
/** What the run knows of the service deployment after following it. */
function nativeRun(arn, f) {
    const run = {
        serviceDeploymentArn: arn,
        status: f.deployment?.status,
        lifecycleStage: f.deployment?.lifecycleStage,
        ended: f.ok ? f.ended : f.reason,
        ecsRolledBack: !f.ok && f.ecsRolledBack,
    };
    if (f.ok && f.hook !== undefined)
        run.pausedHook = f.hook;
    return run;
}
function followFailure(f) {
    return { reason: f.reason, message: f.message, stoppedTasks: f.stoppedTasks };
}
function logEnd(deps, f, waitMs) {
    const arn = f.deployment.serviceDeploymentArn ?? '';
    if (f.ended === 'stage') {
        deps.log.info(`Service deployment ${shortId(arn)} reached lifecycle stage ${f.deployment.lifecycleStage ?? ''} after ${(0,time/* formatDuration */.a3)(waitMs)}; ECS goes on with it.`);
    }
    else if (f.ended === 'paused') {
        deps.log.info(`Service deployment ${shortId(arn)} waits at ${f.deployment.lifecycleStage ?? 'a lifecycle stage'} on PAUSE hook ${f.hook?.hookId ?? ''}: ` +
            'continue it (or roll it back) with ecs-rolling mode: continue.');
    }
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/errors.js
var aws_errors = __webpack_require__(952);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/stop.js
/**
 * N4: rolling back a native deployment. One ECS is still carrying forward (a timeout or a cancellation of this run,
 * or `mode: rollback`) is stopped with StopServiceDeployment (ROLLBACK) and the rollback followed to its end. One
 * ECS rolled back by itself needs nothing more than the auto scaling resumed. Anything else (the update never got
 * through, or the deployment ended STOPPED or ROLLBACK_FAILED) is rolled back the rolling way (R6, auto-rollback.ts).
 */








/** StopServiceDeployment (ROLLBACK), then the rollback followed to ROLLBACK_SUCCESSFUL (success) or its failure. */
async function stopAndFollow(deps, req) {
    deps.log.info(`Stopping service deployment ${shortId(req.serviceDeploymentArn)}: StopServiceDeployment (ROLLBACK).`);
    try {
        // Not cut by the signal: one quick call, and once ECS has it the rollback completes even if the wait is abandoned.
        await stopServiceDeployment(deps.ecs, req.serviceDeploymentArn);
    }
    catch (e) {
        // ECS refuses to stop a deployment that has ended (ConflictException): what it ended as is followed below.
        if ((0,aws_errors/* classifyAwsError */.u3)(e) !== 'fatal')
            throw e;
        deps.log.info(`ECS did not stop it: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    return followServiceDeployment(deps, { ...req, expect: 'rollback', returnAtPause: false });
}
/** R6 / N4 for a native deployment that failed, timed out or was cancelled. */
async function rollBackNativeDeployment(deps, plan, snapshot, done, failure, outcome) {
    const native = done.rollout.native;
    const stillGoing = native !== undefined && (native.ended === 'timeout' || native.ended === 'cancelled');
    if (native === undefined || (!native.ecsRolledBack && !stillGoing) || (stillGoing && !plan.rollbackOnFailure)) {
        if (stillGoing)
            deps.log.warning(`rollback-on-failure is false: ECS goes on with service deployment ${shortId(native.serviceDeploymentArn)}.`);
        return rollBackFailedDeployment(deps, plan, snapshot, done, await supersededOrAsIs(deps, plan, native, failure), outcome);
    }
    outcome.failureReason = failure.reason;
    outcome.cause = failure.message;
    outcome.stoppedTasks = failure.stoppedTasks;
    deps.log.info(`Deployment failed: ${failure.message}`);
    const started = deps.clock.now();
    await deps.log.group('Rollback', async () => {
        if (native.ecsRolledBack) {
            deps.log.info(`ECS rolled service ${plan.serviceName} back to its source revision (ROLLBACK_SUCCESSFUL).`);
            outcome.rolledBack = true;
            outcome.rollback = { status: 'succeeded', detail: 'ECS rolled the service back to the revision it ran before' };
            if (done.autoScalingSuspended)
                await resumeScaling(deps, snapshot);
            return;
        }
        deps.log.info('Rolling Back..');
        const rolled = await stopAndFollow(deps, {
            cluster: plan.cluster,
            service: plan.serviceName,
            serviceDeploymentArn: native.serviceDeploymentArn,
            taskDefinitionArn: outcome.taskDefinitionArn,
            deadline: plan.deadline,
            signal: deps.hardSignal,
            pollIntervalMs: plan.pollIntervalMs,
        });
        if (done.autoScalingSuspended)
            await resumeScaling(deps, snapshot);
        deps.log.info(rolled.ok ? 'Rollback Successful.' : `Rollback Failed. ${rolled.message}`);
        outcome.rolledBack = rolled.ok;
        outcome.rollback = rolled.ok
            ? { status: 'succeeded', detail: `service deployment ${shortId(native.serviceDeploymentArn)} was stopped and ECS rolled back to the revision it ran before` }
            : { status: rolled.reason === 'cancelled' ? 'abandoned' : 'failed', detail: rolled.message };
        if (!rolled.ok) {
            outcome.stoppedTasks = [...failure.stoppedTasks, ...rolled.stoppedTasks];
            outcome.cause = `${failure.message}\nRollback ${outcome.rollback.status}: ${rolled.message}`;
        }
    });
    outcome.timings.rollbackMs = deps.clock.now() - started;
}
/**
 * A deployment that ended STOPPED because a newer one superseded it (the service's currentServiceDeployment is another)
 * is `replaced`: the rolling rollback then leaves the service alone rather than undo the newer deployment.
 */
async function supersededOrAsIs(deps, plan, native, failure) {
    if (native?.status !== 'STOPPED')
        return failure;
    const live = await (0,services/* describeService */.Jv)(deps.ecs, plan.cluster, plan.serviceName).catch(() => undefined);
    const current = live?.currentServiceDeployment;
    if (current === undefined || current === native.serviceDeploymentArn)
        return failure;
    return { ...failure, reason: 'replaced', message: `${failure.message} (a newer service deployment, ${shortId(current)}, replaced it)` };
}
async function resumeScaling(deps, snapshot) {
    try {
        await (0,suspension/* resumeAutoScaling */.ks)(deps.autoscaling, snapshot.scalableTargets, deps.log);
    }
    catch (e) {
        deps.log.warning(`Resuming the auto scaling of service ${snapshot.service} failed: ${(0,errors/* describeError */.Uc)(e)}`);
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/rolling-plan.js
/**
 * R6 within the deadline: with rollback-on-failure on, the deployment's wait may use only two thirds of the time
 * left; the last third is kept for the rollback, so both fit inside timeout-minutes (and a job-level timeout set
 * just above it never cuts a rollback in half).
 */
const ROLLBACK_SHARE = 1 / 3;

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/rolling-steps.js



/**
 * When the workflow was cancelled, logs what state it leaves (`when`) and throws the signal's reason (the
 * runtime's CancelledError; a CancelledError when the reason is not an Error).
 */
function throwIfAborted(signal, log, when) {
    if (signal?.aborted !== true)
        return;
    log.warning(`Cancelled ${when}.`);
    const reason = signal.reason;
    throw reason instanceof Error ? reason : new errors/* CancelledError */.cc('SIGINT');
}
function logSnapshot(log, s) {
    if (!s.exists) {
        const draining = s.draining ? ' A DRAINING service of that name must become INACTIVE first.' : '';
        log.info(`Service ${s.service} does not exist in cluster ${s.cluster}: this is its first deployment.${draining}`);
        return;
    }
    log.info(`Service ${s.service} is ACTIVE: task definition ${s.taskDefinitionArn ?? '-'}, desired count ` +
        `${s.desiredCount ?? '-'}, ${s.scalableTargets.length} scalable target(s), ${s.scalingPolicies.length} scaling policy(ies).`);
    if (s.targetNote !== undefined)
        log.warning(`Service ${s.service}: ${s.targetNote}.`);
}
/**
 * S4/R5: a registered revision is checked with DescribeTaskDefinition (a read; a wrong reference fails before any
 * change) and returned as the full ARN; otherwise the task definition is registered. `forced`: the plan forces a
 * new deployment (ecs-rolling does for a registered revision; an in-place update such as a scale change does not).
 */
async function resolveTaskDefinitionArn(ecs, source, log, forced) {
    // ECS refuses to deploy a deregistered revision: refused here, before the service or its auto scaling is touched.
    const resolved = await (0,task_definitions/* resolveTaskDefinition */.Fh)(ecs, source, { inactive: 'refuse' });
    if (resolved.registered) {
        log.info(`Registered task definition ${resolved.label} (${resolved.arn}).`);
        return resolved.arn;
    }
    log.info(`Using task definition ${resolved.arn} (${source.kind === 'registered' ? source.input : 'task-definition-arn'}): registration skipped${forced ? ', a new deployment is forced' : ''}.`);
    return resolved.arn;
}
/**
 * R6 checked up front: a rollback goes back to the revision the service runs now. When that revision has been
 * deregistered, ECS would refuse the rollback after the service was changed, so with rollback-on-failure on the
 * deployment is refused before any change.
 */
async function checkRollbackTarget(ecs, snapshot, rollbackOnFailure) {
    if (!snapshot.exists || !rollbackOnFailure || snapshot.taskDefinitionArn === undefined)
        return undefined;
    const running = await (0,task_definitions/* describeTaskDefinition */.oh)(ecs, snapshot.taskDefinitionArn);
    if (running.status === undefined || running.status === 'ACTIVE')
        return running; // the summary reuses it (issue 17)
    const label = (0,task_definition_refs/* familyRevision */.KW)(snapshot.taskDefinitionArn);
    throw new errors/* ConfigurationError */.j1(`service ${snapshot.service} runs task definition ${label}, which is ${running.status} (deregistered): a rollback ` +
        `to it would fail after the service was changed. Register ${label} again and deploy that revision first, or ` +
        'deploy with rollback-on-failure: false. Nothing was changed.', { input: 'rollback-on-failure' });
}
/** The last line of a run that did not fail: a deployment, or a scale change (no new deployment), waited for or not. */
function logSuccess(log, serviceName, taskDefinitionArn, rollout) {
    const waited = rollout.waitMs !== undefined;
    if (rollout.change !== 'scale') {
        log.info(waited
            ? `Deployment of ${taskDefinitionArn} to service ${serviceName} succeeded.`
            : `Deployment of ${taskDefinitionArn} to service ${serviceName} started; ECS goes on with it (not waited for).`);
        return;
    }
    const count = rollout.service?.desiredCount;
    if (!waited) {
        log.info(`Scale change of service ${serviceName} started (desired count ${count ?? 'unchanged'}); ECS goes on with it (not waited for).`);
        return;
    }
    const primary = rollout.service?.deployments?.find((d) => d.id === rollout.deploymentId);
    const revision = (0,task_definition_refs/* familyRevision */.KW)(primary?.taskDefinition ?? taskDefinitionArn);
    log.info(`Scale change of service ${serviceName} succeeded: it runs ${count ?? '?'} tasks of ${revision} (deployment ${rollout.deploymentId ?? '?'}).`);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/service-change.js





const UNCHANGED = { changed: false, changedFields: [] };
async function createStep(deps, input, wait) {
    const { log } = deps;
    const name = input.serviceName ?? '';
    if (wait.draining) {
        const drained = await log.group(`Wait for the DRAINING service ${name} to become INACTIVE`, () => (0,watch/* waitForServiceInactive */.Te)(deps, inactiveRequest(input.cluster ?? 'default', name, wait)));
        if (!drained.ok) {
            return { change: UNCHANGED, failure: { reason: drained.reason, message: `an earlier service ${name} is still DRAINING: ${drained.message}`, stoppedTasks: [] } };
        }
    }
    const created = await log.group(`Create service ${name}`, async () => {
        log.info(`Creating service ${name} with ${input.taskDefinition ?? ''}, desired count ${input.desiredCount ?? '-'}`);
        return mutation(() => (0,services/* createService */.sR)(deps.ecs, input), []);
    });
    return created.failure === undefined || created.change.changed ? created : noticeCreatedElsewhere(deps, input, created);
}
/**
 * A CreateService ECS refused may have lost a race: another run created the service between this run's snapshot
 * and its create. Then the failure says so (reason `replaced`), and this run is not the service's first deployment.
 */
async function noticeCreatedElsewhere(deps, input, refused) {
    const name = input.serviceName ?? '';
    const now = await (0,services/* describeServiceAnyStatus */.dM)(deps.ecs, input.cluster ?? 'default', name).catch(() => undefined);
    if (now?.status !== 'ACTIVE' || refused.failure === undefined)
        return refused;
    const message = `another deployment created service ${name} while this one was preparing its first deployment, so this run ` +
        `changed nothing (CreateService: ${refused.failure.message})`;
    return { change: refused.change, failure: { ...refused.failure, reason: 'replaced', message }, createdElsewhere: true };
}
async function updateStep(deps, input, before) {
    return deps.log.group(`Update service ${input.service ?? ''}`, async () => {
        await before?.();
        const changedFields = RESTORABLE_SERVICE_FIELDS.filter((k) => input[k] !== undefined);
        const result = await mutation(() => (0,services/* updateService */.bU)(deps.ecs, input), changedFields);
        if (result.change.changed && input.desiredCount !== undefined)
            result.change.desiredCount = input.desiredCount;
        return result;
    });
}
/** C1, B2: delete the live service (force), wait until it is INACTIVE, then create it again from `input`. */
async function replaceStep(deps, input, wait) {
    const { log } = deps;
    const cluster = input.cluster ?? 'default';
    const name = input.serviceName ?? '';
    const deleted = await log.group(`Delete service ${name}`, async () => {
        log.info(`Deleting service ${name}..`);
        return mutation(() => (0,services/* deleteService */.hs)(deps.ecs, cluster, name), []);
    });
    if (deleted.failure !== undefined)
        return deleted;
    const gone = await (0,watch/* waitForServiceInactive */.Te)(deps, inactiveRequest(cluster, name, wait));
    if (!gone.ok) {
        return { change: deleted.change, failure: { reason: gone.reason, message: `service ${name} did not become INACTIVE: ${gone.message}`, stoppedTasks: [] } };
    }
    return createStep(deps, input, { ...wait, draining: false });
}
async function mutation(send, changedFields) {
    try {
        const service = await send();
        return { change: { changed: true, changedFields, ...(service !== undefined ? { service } : {}) } };
    }
    catch (e) {
        const changed = (0,aws_errors/* classifyAwsError */.u3)(e) !== 'fatal';
        return { change: { changed, changedFields: changed ? changedFields : [] }, failure: { reason: 'error', message: (0,errors/* describeError */.Uc)(e), stoppedTasks: [] } };
    }
}
function inactiveRequest(cluster, service, wait) {
    return {
        cluster,
        service,
        deadline: wait.deadline,
        ...(wait.seenEventIds !== undefined ? { seenEventIds: wait.seenEventIds } : {}),
        ...(wait.signal !== undefined ? { signal: wait.signal } : {}),
        ...(wait.pollIntervalMs !== undefined ? { pollIntervalMs: wait.pollIntervalMs } : {}),
    };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/rolling.js














/**
 * Deploys `plan` to the service described as `live` (undefined: ECS does not know it). `native`: the service runs ECS's
 * own BLUE_GREEN, LINEAR or CANARY deployments, followed as service deployments and stopped to roll back (N2\u2013N4).
 */
async function deployRolling(deps, plan, live, native = false) {
    const { log, clock } = deps;
    const startedAt = clock.now();
    const snapshot = await log.group(`Prepare rollback data for service ${plan.serviceName}`, async () => {
        const s = await snapshotOf(deps, plan.cluster, plan.serviceName, live);
        logSnapshot(log, s);
        return s;
    });
    validatePlan(plan, snapshot);
    const runningDefinition = await checkRollbackTarget(deps.ecs, snapshot, plan.rollbackOnFailure);
    const autoScaling = (0,apply/* bindAutoScaling */.uH)(plan.scalableTargets, plan.scalingPolicies, plan.cluster, plan.serviceName, plan.autoScalingSources);
    throwIfAborted(deps.signal, log, 'before the task definition was registered; nothing was changed');
    const taskDefinitionArn = await log.group('Task definition', () => resolveTaskDefinitionArn(deps.ecs, plan.taskDefinition, log, plan.forceNewDeployment));
    throwIfAborted(deps.signal, log, `after registering ${taskDefinitionArn}; the service was not changed`);
    const done = await changeAndWait(deps, plan, snapshot, taskDefinitionArn, beforeUpdate(snapshot, live), native);
    let failure = done.step.failure ?? done.rollout.failure;
    if (failure === undefined)
        failure = await finishAutoScaling(deps, plan, snapshot, autoScaling, done.autoScalingSuspended);
    const outcome = baseOutcome(plan, snapshot, taskDefinitionArn, done, failure === undefined, startedAt);
    if (runningDefinition !== undefined)
        outcome.previousTaskDefinition = runningDefinition;
    if (done.rollout.native !== undefined)
        outcome.native = done.rollout.native;
    if (failure !== undefined)
        await (native ? rollBackNativeDeployment : rollBackFailedDeployment)(deps, plan, snapshot, done, failure, outcome);
    else {
        if (done.rollout.waitMs !== undefined && done.rollout.service !== undefined)
            outcome.steadyService = done.rollout.service;
        logSuccess(log, plan.serviceName, taskDefinitionArn, done.rollout);
    }
    outcome.timings.finishedAt = clock.now();
    outcome.timings.totalMs = outcome.timings.finishedAt - startedAt;
    return outcome;
}
/** The service before an update (none for a create): an update that leaves its PRIMARY deployment is a scale change. */
function beforeUpdate(snapshot, live) {
    if (!snapshot.exists || live === undefined)
        return undefined;
    return { deploymentId: (0,rollout/* primaryDeploymentId */.x)(live), desiredCount: live.desiredCount };
}
/** The create or update step, then the wait on the deployment it started (or on its scale change). Errors become failures. */
async function changeAndWait(deps, plan, snapshot, taskDefinitionArn, before, native) {
    const signal = deps.signal !== undefined ? { signal: deps.signal } : {};
    const wait = {
        deadline: waitDeadline(deps, plan),
        seenEventIds: snapshot.seenEventIds,
        ...signal,
        ...(plan.pollIntervalMs !== undefined ? { pollIntervalMs: plan.pollIntervalMs } : {}),
    };
    const done = { autoScalingSuspended: false, step: { change: { changed: false, changedFields: [] } }, rollout: {} };
    const changedAt = deps.clock.now();
    try {
        done.step = snapshot.exists
            ? await updateStep(deps, updateInput(deps, plan, snapshot, taskDefinitionArn), async () => {
                if (!plan.suspendAutoScalingDuringUpdate)
                    return;
                done.autoScalingSuspended = snapshot.scalableTargets.length > 0;
                await (0,suspension/* suspendAutoScaling */.XP)(deps.autoscaling, snapshot.scalableTargets, deps.log);
            })
            : await createStep(deps, createInput(plan, taskDefinitionArn), { ...wait, draining: snapshot.draining });
        if (done.step.failure !== undefined)
            return done;
        done.rollout = await (native ? waitForNativeRollout : rollout/* waitForRollout */.g)(deps, done.step.change, {
            ...wait,
            cluster: plan.cluster,
            serviceName: plan.serviceName,
            taskDefinitionArn,
            waitForSteadyState: plan.waitForSteadyState,
            before,
            changedAt,
            waitUntil: plan.waitUntil,
        });
    }
    catch (e) {
        done.rollout = { ...done.rollout, failure: errorFailure(e) };
    }
    return done;
}
function createInput(plan, taskDefinitionArn) {
    if (plan.serviceDefinition === undefined)
        throw new Error('BUG: validatePlan lets no create through without a service definition');
    return toCreateServiceInput(plan.serviceDefinition, {
        cluster: plan.cluster,
        serviceName: plan.serviceName,
        taskDefinitionArn,
        desiredCountInput: plan.desiredCount,
    });
}
function updateInput(deps, plan, snapshot, taskDefinitionArn) {
    const input = toUpdateServiceInput(plan.serviceDefinition, {
        cluster: plan.cluster,
        service: plan.serviceName,
        taskDefinitionArn,
        desiredCountInput: plan.desiredCount,
        sameAsRunning: plan.sameAsRunning,
        forceNewDeployment: plan.forceNewDeployment,
    });
    forceForCapacityProviders(input, snapshot, deps.log);
    const ignored = createOnlyFieldsIn(plan.serviceDefinition);
    if (ignored.length > 0)
        deps.log.info(`Not updated (ECS sets them only at creation): ${ignored.join(', ')}`);
    deps.log.info(`Updating service ${plan.serviceName} to ${taskDefinitionArn}, desired count ` +
        `${input.desiredCount ?? `unchanged (${snapshot.desiredCount ?? '-'})`}, force new deployment ${String(input.forceNewDeployment)}`);
    return input;
}
function baseOutcome(plan, snapshot, taskDefinitionArn, done, ok, startedAt) {
    const outcome = {
        status: !ok ? 'failed' : done.rollout.waitMs === undefined ? 'started' : 'succeeded',
        firstDeployment: !snapshot.exists && done.step.createdElsewhere !== true,
        taskDefinitionArn,
        service: { name: plan.serviceName },
        rolledBack: false,
        stoppedTasks: [],
        timings: { startedAt, finishedAt: startedAt, totalMs: 0 },
        snapshot,
    };
    if (snapshot.taskDefinitionArn !== undefined)
        outcome.previousTaskDefinitionArn = snapshot.taskDefinitionArn;
    const arn = (done.rollout.service ?? done.step.change.service)?.serviceArn ?? snapshot.serviceArn;
    if (arn !== undefined)
        outcome.service.arn = arn;
    if (done.rollout.deploymentId !== undefined)
        outcome.deploymentId = done.rollout.deploymentId;
    if (done.rollout.change !== undefined)
        outcome.change = done.rollout.change;
    if (done.rollout.changeDetail !== undefined)
        outcome.changeDetail = done.rollout.changeDetail;
    if (done.rollout.waitMs !== undefined)
        outcome.timings.waitMs = done.rollout.waitMs;
    return outcome;
}
/**
 * ECS applies a new capacity provider strategy (or a switch from a launch type to one) only with a new deployment
 * and refuses the update otherwise: force it, and say why.
 */
function forceForCapacityProviders(input, snapshot, log) {
    const wanted = input.capacityProviderStrategy;
    if (wanted === undefined || input.forceNewDeployment === true)
        return;
    const live = snapshot.serviceConfig.capacityProviderStrategy;
    const same = (a) => JSON.stringify(a.map((c) => [c.capacityProvider, c.weight ?? 0, c.base ?? 0]));
    if (live !== undefined && same(live) === same(wanted))
        return;
    input.forceNewDeployment = true;
    log.info(live === undefined
        ? 'Forcing a new deployment: the service moves from a launch type to a capacity provider strategy, which ECS applies only with one.'
        : 'Forcing a new deployment: the capacity provider strategy changes, which ECS applies only with one.');
}
/** The deployment's share of the deadline: all of it, or less the rollback's share when a failure is rolled back. */
function waitDeadline(deps, plan) {
    if (!plan.rollbackOnFailure)
        return plan.deadline;
    const reserve = Math.floor(plan.deadline.remainingMs() * ROLLBACK_SHARE);
    deps.log.info(`Waiting at most ${(0,time/* formatDuration */.a3)(plan.deadline.remainingMs() - reserve)}; ${(0,time/* formatDuration */.a3)(reserve)} of timeout-minutes is kept for a rollback.`);
    return plan.deadline.keeping(reserve);
}
/** S3: what can be checked before the first mutating call. */
function validatePlan(plan, snapshot) {
    if (snapshot.exists)
        return;
    if (plan.requireExistingService === true) {
        throw new Error(`service ${plan.serviceName} is not ACTIVE in cluster ${plan.cluster}: there is nothing to roll back`);
    }
    if (plan.serviceDefinition === undefined) {
        throw new errors/* ConfigurationError */.j1(`service ${plan.serviceName} does not exist in cluster ${plan.cluster} yet, so a service definition is needed to create it`, { input: 'service-definition' });
    }
    createInput(plan, 'validation-only');
}
function errorFailure(e) {
    return { reason: 'error', message: (0,errors/* describeError */.Uc)(e), stoppedTasks: [] };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/strategy.js


/** Why a controller or strategy is not followed, and what to use instead. */
const REFUSALS = {
    CODE_DEPLOY: 'its deployments are run by AWS CodeDeploy (task sets), which this action does not drive: deploy it with a ' +
        'CodeDeploy deployment (e.g. aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec), or ' +
        're-create the service with the ECS deployment controller and use ecs-bluegreen-swap for blue/green',
    EXTERNAL: 'its task sets are managed by an external controller, which this action cannot replace: deploy it with that ' +
        'controller instead, or re-create the service with the ECS deployment controller',
    DAEMON_NATIVE: 'ECS runs BLUE_GREEN, LINEAR and CANARY deployments only for REPLICA services: set the strategy to ROLLING',
};
/**
 * The strategy for `serviceName`: from the live ACTIVE service when there is one, else from the service definition
 * that will create it; a definition's deploymentConfiguration.strategy wins, as the update applies it. Throws a ConfigurationError naming the controller or strategy otherwise.
 */
function chooseDeployStrategy(serviceName, live, definition) {
    const source = live ?? definition;
    const where = live !== undefined ? { input: 'service' } : { input: 'service-definition', field: 'deploymentController' };
    const whose = live !== undefined ? `service ${serviceName}` : `the service definition of ${serviceName}`;
    const controller = source?.deploymentController?.type ?? 'ECS';
    if (controller !== 'ECS')
        throw refusal(`${whose} uses the ${controller} deployment controller`, controller, where);
    // An update applies the definition's strategy to the deployment it starts; the scheduling strategy never changes.
    const fromDefinition = definition?.deploymentConfiguration?.strategy;
    const strategy = fromDefinition ?? source?.deploymentConfiguration?.strategy ?? 'ROLLING';
    const daemon = source?.schedulingStrategy === 'DAEMON';
    const at = live !== undefined && fromDefinition === undefined ? where : { input: 'service-definition', field: 'deploymentConfiguration.strategy' };
    if (isNativeStrategy(strategy)) {
        if (daemon)
            throw refusal(`${whose} is a DAEMON service with the ECS deployment strategy ${strategy}`, 'DAEMON_NATIVE', at);
        return 'native';
    }
    if (strategy !== 'ROLLING')
        throw refusal(`${whose} uses the ECS deployment strategy ${strategy}`, strategy, at);
    return daemon ? 'daemon' : 'rolling';
}
function refusal(what, key, where) {
    const why = REFUSALS[key] ?? `this action does not know the ${key} deployment type: it runs ECS ROLLING, BLUE_GREEN, LINEAR and CANARY deployments`;
    return new errors/* ConfigurationError */.j1(`${what}: ${why}. Nothing was changed.`, where);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/daemon.js
function daemonPlan(plan, log) {
    log.info(`Service ${plan.serviceName} is a DAEMON service: one task on every active container instance that can run it; no desired count is sent.`);
    if (plan.sameAsRunning && plan.requireExistingService !== true) {
        log.warning('same-as-running means nothing for a DAEMON service (it has no desired count); ignored.');
    }
    if (plan.desiredCount !== undefined)
        log.warning(`desired-count ${plan.desiredCount} means nothing for a DAEMON service; ignored.`);
    return { ...plan, desiredCount: undefined, sameAsRunning: true };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/requirements.js

function checkNativeService(serviceName, live, definition) {
    const loadBalancers = definition?.loadBalancers ?? live?.loadBalancers ?? [];
    const serviceConnect = definition?.serviceConnectConfiguration?.enabled === true || live?.deployments?.some((d) => d.serviceConnectConfiguration?.enabled === true) === true;
    if (loadBalancers.length > 0 || serviceConnect)
        return;
    const strategy = definition?.deploymentConfiguration?.strategy ?? live?.deploymentConfiguration?.strategy ?? 'BLUE_GREEN';
    throw new errors/* ConfigurationError */.j1(`service ${serviceName} deploys with the ${strategy} strategy, whose traffic ECS shifts through a load balancer (or Service Connect), ` +
        'but it has none: add loadBalancers with their advancedConfiguration. Nothing was changed.', definition !== undefined ? { input: 'service-definition', field: 'loadBalancers' } : { input: 'service' });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/deploy.js







/** `known`: the service as the caller described it just before (any status; undefined: missing), not read again. */
async function deployService(deps, plan, known) {
    throwIfAborted(deps.signal, deps.log, 'before the deployment started; nothing was changed');
    const live = known !== undefined ? known.service : await (0,services/* describeServiceAnyStatus */.dM)(deps.ecs, plan.cluster, plan.serviceName);
    const active = live?.status === 'ACTIVE' ? live : undefined;
    const strategy = chooseDeployStrategy(plan.serviceName, active, plan.serviceDefinition);
    checkWaitUntil(plan.waitUntil, strategy === 'native', plan.serviceName, strategy === 'daemon' ? 'as a DAEMON service' : 'with the ROLLING strategy');
    switch (strategy) {
        case 'rolling':
            return deployRolling(deps, plan, live);
        case 'native':
            checkNativeService(plan.serviceName, active, plan.serviceDefinition);
            return deployRolling(deps, plan, live, true);
        case 'daemon':
            return deployRolling(deps, daemonPlan(plan, deps.log), live);
        default:
            throw new Error(`BUG: no deployment for strategy ${String(strategy)}`);
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/rollback-target.js






/** Deployments whose revisions are looked up at a time (DescribeServiceRevisions takes 20 a call). */
const DESCRIBE_BATCH = 20;
/** History pages (100 deployments each) read at most. */
const MAX_HISTORY_PAGES = 5;
/** Older revisions of the family looked at (each one's tags read) before giving up. */
const MAX_FAMILY_CANDIDATES = 10;
async function resolveManualRollbackTarget(ecs, cluster, service, explicitArn, 
/** The service as the caller already described it (undefined: missing or INACTIVE), so it is not read again. */
known) {
    if (explicitArn !== undefined && explicitArn !== '') {
        return { taskDefinitionArn: explicitArn, why: `task-definition-arn was given: rolling back to ${explicitArn}` };
    }
    const live = known !== undefined ? known.service : await (0,services/* describeService */.Jv)(ecs, cluster, service);
    if (live?.status !== 'ACTIVE' || live.taskDefinition === undefined) {
        throw new Error(`service ${service} is not ACTIVE in cluster ${cluster}: there is nothing to roll back`);
    }
    const running = live.taskDefinition;
    const marks = new MarkedRevisions(ecs);
    let historyNote;
    try {
        const found = await fromDeploymentHistory(ecs, cluster, service, running, marks);
        if (found !== undefined)
            return marks.explain(found);
        historyNote = `the service deployment history has no successful deployment of a task definition other than ${(0,task_definition_refs/* familyRevision */.KW)(running)}`;
    }
    catch (e) {
        historyNote = `the service deployment history could not be read (${(0,errors/* describeError */.Uc)(e)})`;
    }
    return marks.explain(await fromFamilyRevisions(ecs, running, historyNote, marks));
}
/** Revisions a rollback moved away from (rollback-marks.ts), each looked up once, and which were skipped. */
class MarkedRevisions {
    ecs;
    marks = new Map();
    skipped = [];
    constructor(ecs) {
        this.ecs = ecs;
    }
    /** True (and remembered for the log) when a rollback moved away from `revision`. */
    async skip(revision) {
        // A revision whose tags cannot be read counts as unmarked: the mark only narrows an automatic choice.
        if (!this.marks.has(revision))
            this.marks.set(revision, await rolledBackFrom(this.ecs, revision).catch(() => undefined));
        const mark = this.marks.get(revision);
        if (mark === undefined)
            return false;
        const line = `${(0,task_definition_refs/* familyRevision */.KW)(revision)} was skipped: a rollback moved away from it (${mark})`;
        if (!this.skipped.includes(line))
            this.skipped.push(line);
        return true;
    }
    explain(target) {
        return this.skipped.length === 0 ? target : { ...target, why: `${target.why}; ${this.skipped.join('; ')}` };
    }
}
async function fromDeploymentHistory(ecs, cluster, service, running, marks) {
    const briefs = await listSuccessfulDeployments(ecs, cluster, service);
    briefs.sort((a, b) => timeOf(b) - timeOf(a));
    for (let i = 0; i < briefs.length; i += DESCRIBE_BATCH) {
        const batch = briefs.slice(i, i + DESCRIBE_BATCH);
        const revisionOf = await revisionArns(ecs, batch);
        const wanted = [...new Set([...revisionOf.values()])];
        const taskDefinitionOf = await revisionTaskDefinitions(ecs, wanted);
        for (const brief of batch) {
            const revision = revisionOf.get(brief.serviceDeploymentArn ?? '');
            const taskDefinition = revision === undefined ? undefined : taskDefinitionOf.get(revision);
            if (taskDefinition === undefined || (0,task_definition_refs/* sameTaskDefinition */.JL)(taskDefinition, running))
                continue;
            if (await marks.skip(taskDefinition))
                continue;
            const when = brief.finishedAt ?? brief.createdAt;
            const how = brief.status === 'ROLLBACK_SUCCESSFUL' ? 'the revision a successful ECS rollback restored' : 'a successful deployment';
            return {
                taskDefinitionArn: taskDefinition,
                why: `rolling back to ${(0,task_definition_refs/* familyRevision */.KW)(taskDefinition)}: ${how} (${brief.serviceDeploymentArn ?? '?'}` +
                    `${when !== undefined ? `, finished ${when.toISOString()}` : ''}), the most recent one whose task ` +
                    `definition differs from the running ${(0,task_definition_refs/* familyRevision */.KW)(running)}`,
            };
        }
    }
    return undefined;
}
function listSuccessfulDeployments(ecs, cluster, service) {
    return listServiceDeployments(ecs, { cluster, service, status: ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL'], maxPages: MAX_HISTORY_PAGES });
}
/**
 * The service revision each deployment left running: a SUCCESSFUL deployment's target revision; for a
 * ROLLBACK_SUCCESSFUL one, the revision it rolled back to (DescribeServiceDeployments `rollback`).
 */
async function revisionArns(ecs, briefs) {
    const result = new Map();
    const rolledBack = [];
    for (const b of briefs) {
        if (b.serviceDeploymentArn === undefined)
            continue;
        if (b.status === 'SUCCESSFUL' && b.targetServiceRevisionArn !== undefined) {
            result.set(b.serviceDeploymentArn, b.targetServiceRevisionArn);
        }
        else if (b.status === 'ROLLBACK_SUCCESSFUL') {
            rolledBack.push(b.serviceDeploymentArn);
        }
    }
    if (rolledBack.length > 0) {
        for (const d of await describeServiceDeployments(ecs, rolledBack)) {
            const restored = d.rollback?.serviceRevisionArn;
            if (d.serviceDeploymentArn !== undefined && restored !== undefined)
                result.set(d.serviceDeploymentArn, restored);
        }
    }
    return result;
}
async function revisionTaskDefinitions(ecs, revisionArnList) {
    const result = new Map();
    if (revisionArnList.length === 0)
        return result;
    for (const r of await describeServiceRevisions(ecs, revisionArnList)) {
        if (r.serviceRevisionArn !== undefined && r.taskDefinition !== undefined) {
            result.set(r.serviceRevisionArn, r.taskDefinition);
        }
    }
    return result;
}
/** The highest ACTIVE revision of the running family below the running revision. */
async function fromFamilyRevisions(ecs, running, historyNote, marks) {
    const [family, revisionText] = splitFamilyRevision(running);
    const current = Number(revisionText);
    const older = (arn) => {
        const [f, r] = splitFamilyRevision(arn);
        return f === family && Number(r) < current;
    };
    const candidates = [];
    await (0,task_definitions/* listTaskDefinitionArns */.l8)(ecs, { familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxPages: MAX_HISTORY_PAGES }, (a) => {
        if (older(a))
            candidates.push(a);
        return candidates.length >= MAX_FAMILY_CANDIDATES;
    });
    let arn;
    for (const candidate of candidates) {
        if (await marks.skip(candidate))
            continue;
        arn = candidate;
        break;
    }
    if (arn !== undefined) {
        return {
            taskDefinitionArn: arn,
            why: `rolling back to ${(0,task_definition_refs/* familyRevision */.KW)(arn)}: ${historyNote}, so the previous ACTIVE revision of family ` +
                `${family} (running ${(0,task_definition_refs/* familyRevision */.KW)(running)}) is used`,
        };
    }
    throw new Error(`cannot find a task definition to roll back to: ${historyNote}, and family ${family} has no ACTIVE revision ` +
        `older than ${(0,task_definition_refs/* familyRevision */.KW)(running)}. Give task-definition-arn.`);
}
function splitFamilyRevision(ref) {
    const fr = (0,task_definition_refs/* familyRevision */.KW)(ref);
    const colon = fr.lastIndexOf(':');
    return colon < 0 ? [fr, ''] : [fr.slice(0, colon), fr.slice(colon + 1)];
}
function timeOf(b) {
    return (b.finishedAt ?? b.createdAt ?? b.startedAt)?.getTime() ?? 0;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/follow-outcome.js





async function followToOutcome(deps, req) {
    const startedAt = deps.clock.now();
    const snapshot = await snapshotOf(deps, req.cluster, req.service, req.live);
    const arn = req.deployment.serviceDeploymentArn;
    const base = {
        cluster: req.cluster,
        service: req.service,
        serviceDeploymentArn: arn,
        taskDefinitionArn: req.deployment.taskDefinitionArn,
        pollIntervalMs: req.pollIntervalMs,
        seenEventIds: (req.live.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id])),
    };
    const followed = await deps.log.group(`Follow service deployment ${shortId(arn)}`, () => followServiceDeployment(deps, {
        ...base,
        deadline: req.deadline,
        signal: deps.signal,
        expect: req.expect,
        ...(req.answeredHookIds !== undefined ? { answeredHookIds: req.answeredHookIds } : {}),
        ...(req.waitUntil !== undefined ? { waitUntil: req.waitUntil } : {}),
    }));
    const outcome = {
        status: followed.ok ? 'succeeded' : 'failed',
        firstDeployment: false,
        taskDefinitionArn: req.expect === 'rollback' ? (req.deployment.sourceTaskDefinitionArn ?? req.deployment.taskDefinitionArn) : req.deployment.taskDefinitionArn,
        service: { name: req.service, ...(req.live.serviceArn !== undefined ? { arn: req.live.serviceArn } : {}) },
        rolledBack: req.expect === 'rollback' && followed.ok,
        stoppedTasks: followed.ok ? [] : followed.stoppedTasks,
        timings: { startedAt, finishedAt: startedAt, totalMs: 0, waitMs: deps.clock.now() - startedAt },
        snapshot,
        deploymentId: arn,
        native: nativeRun(arn, followed),
    };
    const previous = req.expect === 'rollback' ? req.deployment.taskDefinitionArn : req.deployment.sourceTaskDefinitionArn;
    if (previous !== undefined)
        outcome.previousTaskDefinitionArn = previous;
    if (!followed.ok)
        await failed(deps, req, base, followed, outcome);
    outcome.timings.finishedAt = deps.clock.now();
    outcome.timings.totalMs = outcome.timings.finishedAt - startedAt;
    return outcome;
}
async function failed(deps, req, base, followed, outcome) {
    outcome.failureReason = followed.reason;
    outcome.cause = followed.message;
    if (followed.ecsRolledBack) {
        outcome.rolledBack = true;
        outcome.rollback = { status: 'succeeded', detail: 'ECS rolled the service back to the revision it ran before' };
        return;
    }
    const stillGoing = followed.reason === 'timeout' || followed.reason === 'cancelled';
    if (!stillGoing || req.expect !== 'forward' || !req.rollbackOnFailure)
        return;
    const rolled = await deps.log.group('Rollback', async () => {
        deps.log.info('Rolling Back..');
        const r = await stopAndFollow(deps, { ...base, deadline: req.deadline, signal: deps.hardSignal });
        deps.log.info(r.ok ? 'Rollback Successful.' : `Rollback Failed. ${r.message}`);
        return r;
    });
    outcome.rolledBack = rolled.ok;
    outcome.rollback = rolled.ok
        ? { status: 'succeeded', detail: `service deployment ${shortId(base.serviceDeploymentArn)} was stopped and ECS rolled back` }
        : { status: rolled.reason === 'cancelled' ? 'abandoned' : 'failed', detail: rolled.message };
    if (!rolled.ok)
        outcome.cause = `${followed.message}\nRollback ${outcome.rollback.status}: ${rolled.message}`;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/in-progress.js


async function deploymentInProgress(deps, cluster, service) {
    const listed = await listServiceDeployments(deps.ecs, { cluster, service, status: [...ONGOING_STATUSES], maxPages: 1 });
    const newest = [...listed].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
    if (newest?.serviceDeploymentArn === undefined)
        return undefined;
    const [deployment] = await describeServiceDeployments(deps.ecs, [newest.serviceDeploymentArn]);
    if (deployment === undefined)
        return undefined;
    const target = deployment.targetServiceRevision?.arn;
    const source = deployment.sourceServiceRevisions?.[0]?.arn;
    const arns = [target, source].filter((a) => a !== undefined);
    const revisions = arns.length > 0 ? await describeServiceRevisions(deps.ecs, arns) : [];
    const taskDefinitionOf = (arn) => revisions.find((r) => r.serviceRevisionArn === arn)?.taskDefinition;
    return {
        deployment,
        serviceDeploymentArn: newest.serviceDeploymentArn,
        taskDefinitionArn: taskDefinitionOf(target) ?? '',
        sourceTaskDefinitionArn: taskDefinitionOf(source),
    };
}
/** `mode: continue` / `mode: rollback` found nothing to act on. */
function noDeploymentInProgress(service, cluster, what) {
    return new Error(`service ${service} in cluster ${cluster} has no service deployment in progress (PENDING or IN_PROGRESS) to ${what}: ` +
        'it may have ended already (see ListServiceDeployments), or the deploy job has not started it');
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/manual.js




async function stopNativeInProgress(deps, req, live) {
    const found = await deploymentInProgress(deps, req.cluster, req.service);
    if (found === undefined)
        return undefined;
    const arn = found.serviceDeploymentArn;
    const back = found.sourceTaskDefinitionArn ?? 'the revision it ran before';
    const target = {
        taskDefinitionArn: found.sourceTaskDefinitionArn ?? found.taskDefinitionArn,
        why: `service deployment ${shortId(arn)} of ${found.taskDefinitionArn} was in progress: stopped, and ECS rolled back to ${back}`,
    };
    if (req.taskDefinitionArn !== undefined) {
        deps.log.warning(`task-definition-arn ${req.taskDefinitionArn} is not used: a deployment in progress is rolled back to its source revision.`);
    }
    await deps.log.group(`Stop service deployment ${shortId(arn)}`, async () => {
        deps.log.info(`Service deployment ${arn} is ${found.deployment.status ?? ''} at ${found.deployment.lifecycleStage ?? 'an unknown stage'}.`);
        deps.log.info('Rolling Back..: StopServiceDeployment (ROLLBACK).');
        await stopServiceDeployment(deps.ecs, arn);
    });
    const outcome = await followToOutcome(deps, {
        cluster: req.cluster,
        service: req.service,
        live,
        deployment: found,
        deadline: req.deadline,
        rollbackOnFailure: false,
        expect: 'rollback',
        pollIntervalMs: req.pollIntervalMs,
    });
    deps.log.info(outcome.status === 'succeeded' ? 'Rollback Successful.' : 'Rollback Failed.');
    return { ...outcome, target };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/manual-rollback.js







/**
 * R7: resolves the target, says which and why, then deploys it as a rolling update that keeps the live desired
 * count: auto scaling suspended, UpdateService (forceNewDeployment), wait, auto scaling resumed as it was; a failure
 * restores the pre-rollback state like any deployment (R6).
 */
async function rollbackService(deps, req) {
    // N1: a service this suite cannot deploy is refused before anything is chosen or changed. Described once: the
    // choice of the target and the deployment use the same answer.
    const live = await (0,services/* describeService */.Jv)(deps.ecs, req.cluster, req.service);
    const strategy = chooseDeployStrategy(req.service, live?.status === 'ACTIVE' ? live : undefined, undefined);
    if (strategy === 'native' && live !== undefined) {
        const stopped = await stopNativeInProgress(deps, req, live);
        if (stopped !== undefined)
            return stopped;
    }
    const target = await deps.log.group(`Choose the task definition to roll back to`, async () => {
        const t = await resolveManualRollbackTarget(deps.ecs, req.cluster, req.service, req.taskDefinitionArn, { service: live });
        deps.log.info(`${t.why}.`);
        return t;
    });
    const outcome = await deployService(deps, {
        cluster: req.cluster,
        serviceName: req.service,
        taskDefinition: { kind: 'registered', ref: target.taskDefinitionArn, input: 'task-definition-arn' },
        sameAsRunning: true,
        forceNewDeployment: true,
        suspendAutoScalingDuringUpdate: true,
        scalableTargets: [],
        scalingPolicies: [],
        waitForSteadyState: req.waitForSteadyState ?? true,
        rollbackOnFailure: req.rollbackOnFailure ?? true,
        deadline: req.deadline,
        requireExistingService: true,
        ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
    }, { service: live });
    const movedAway = outcome.previousTaskDefinitionArn;
    if (outcome.status === 'succeeded' && movedAway !== undefined && !(0,task_definition_refs/* sameTaskDefinition */.JL)(movedAway, outcome.taskDefinitionArn)) {
        await markRolledBackFrom(deps, movedAway, req.service);
    }
    return { ...outcome, target };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/io/sensitive.js
var sensitive = __webpack_require__(4158);
// EXTERNAL MODULE: ./.build/dist-src/src/core/manifests/sanitise.js
var sanitise = __webpack_require__(9660);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/diff-normalise.js



/** Fields DescribeTaskDefinition returns that are not part of the RegisterTaskDefinition input (tags are compared apart). */
const READ_ONLY_TASK_DEFINITION_FIELDS = [...sanitise/* TASK_DEFINITION_READ_ONLY_FIELDS */.uo, 'tags'];
function normaliseTaskDefinition(td) {
    const o = toJson(td);
    for (const key of READ_ONLY_TASK_DEFINITION_FIELDS)
        delete o[key];
    o['networkMode'] ??= 'bridge';
    for (const key of ['cpu', 'memory'])
        if (typeof o[key] === 'number')
            o[key] = String(o[key]);
    const networkMode = o['networkMode'];
    o['containerDefinitions'] = sortBy(objects(o['containerDefinitions']).map((c) => normaliseContainer(c, networkMode)), 'name');
    if (Array.isArray(o['requiresCompatibilities']))
        o['requiresCompatibilities'] = [...o['requiresCompatibilities']].sort();
    if (Array.isArray(o['volumes']))
        o['volumes'] = sortBy(objects(o['volumes']), 'name');
    return prune(o);
}
function normaliseContainer(c, networkMode) {
    c['essential'] ??= true;
    c['cpu'] ??= 0;
    for (const key of ['environment', 'secrets'])
        if (Array.isArray(c[key]))
            c[key] = sortBy(objects(c[key]), 'name');
    // S11: the diff is printed; a password in plain environment shows as a fingerprint (a change is still visible).
    if (Array.isArray(c['environment']))
        c['environment'] = (0,sensitive/* hideSensitiveEnvironment */.aq)(objects(c['environment']));
    if (Array.isArray(c['portMappings'])) {
        const ports = objects(c['portMappings']).map((p) => {
            p['protocol'] ??= 'tcp';
            if (networkMode === 'awsvpc' || networkMode === 'host')
                p['hostPort'] ??= p['containerPort'] ?? null;
            else if (p['hostPort'] === 0)
                delete p['hostPort'];
            return p;
        });
        c['portMappings'] = ports.sort((a, b) => portKey(a).localeCompare(portKey(b)));
    }
    return c;
}
function portKey(p) {
    const n = (v) => String(v ?? '').padStart(6, '0');
    return `${n(p['containerPort'])}/${String(p['protocol'])}/${n(p['hostPort'])}/${String(p['containerPortRange'] ?? '')}`;
}
/** Defaults ECS reports for settings a service definition may leave out. */
const SERVICE_DEFAULTS = {
    propagateTags: 'NONE',
    enableECSManagedTags: false,
    enableExecuteCommand: false,
    healthCheckGracePeriodSeconds: 0,
};
/** A service (described, or as a CreateService input) reduced to `fields`, with ECS defaults filled in. */
function normaliseService(s, opts) {
    const all = toJson(s);
    const o = {};
    for (const key of opts.fields) {
        const value = all[key] ?? SERVICE_DEFAULTS[key];
        if (value !== undefined)
            o[key] = value;
    }
    const dc = o['deploymentConfiguration'];
    if (isObject(dc)) {
        dc['maximumPercent'] ??= 200;
        dc['minimumHealthyPercent'] ??= 100;
        dc['deploymentCircuitBreaker'] ??= { enable: false, rollback: false };
        dc['alarms'] ??= { enable: false, rollback: false };
    }
    const vpc = isObject(o['networkConfiguration']) ? o['networkConfiguration']['awsvpcConfiguration'] : undefined;
    if (isObject(vpc)) {
        vpc['assignPublicIp'] ??= 'DISABLED';
        for (const key of ['subnets', 'securityGroups'])
            if (Array.isArray(vpc[key]))
                vpc[key] = [...vpc[key]].map(String).sort();
    }
    if (Array.isArray(o['loadBalancers'])) {
        const key = (lb) => `${String(lb['targetGroupArn'] ?? lb['loadBalancerName'] ?? '')}|${String(lb['containerName'])}|${String(lb['containerPort'])}`;
        o['loadBalancers'] = objects(o['loadBalancers']).sort((a, b) => key(a).localeCompare(key(b)));
    }
    // Nothing left (none of `fields` set): an empty object, which the diff can still add desiredCount to.
    return (prune(o) ?? {});
}
/** The service fields a dry run compares: every updatable field the definition sets (plus desiredCount). */
function comparedServiceFields(definition) {
    if (definition === undefined)
        return [];
    return UPDATABLE_SERVICE_FIELDS.filter((k) => definition[k] !== undefined && definition[k] !== null);
}
/** A deep copy as plain JSON (Dates become ISO strings; undefined members vanish). */
function toJson(value) {
    return JSON.parse(JSON.stringify(value ?? {}));
}
function objects(value) {
    return Array.isArray(value) ? value.filter(isObject) : [];
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function sortBy(list, key) {
    return [...list].sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
}
/** Drops null values and empty lists and objects (ECS reports `[]` for lists a manifest leaves out). */
function prune(v) {
    if (v === null)
        return undefined;
    if (Array.isArray(v)) {
        const items = v.map(prune).filter((x) => x !== undefined);
        return items.length === 0 ? undefined : items;
    }
    if (typeof v === 'object') {
        const out = {};
        for (const [k, child] of Object.entries(v)) {
            const p = prune(child);
            if (p !== undefined)
                out[k] = p;
        }
        return Object.keys(out).length === 0 ? undefined : out;
    }
    return v;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/diff.js


/** Fields a CreateService request sets that the dry run does not list (they are the action's own). */
const CREATE_IDENTITY_FIELDS = ['cluster', 'serviceName', 'taskDefinition', 'clientToken'];
function diffDeployment(live, desired) {
    const sections = [];
    let taskDefinitionChanged = false;
    if (desired.taskDefinition !== undefined) {
        const before = live.taskDefinition === undefined ? {} : normaliseTaskDefinition(live.taskDefinition);
        const lines = diffLines(flatten(before), flatten(normaliseTaskDefinition(desired.taskDefinition)));
        taskDefinitionChanged = lines.length > 0;
        sections.push(section('task definition', live.taskDefinition?.taskDefinitionArn ?? 'none', lines));
    }
    let serviceChanged = false;
    if (live.service !== undefined || desired.service !== undefined) {
        const lines = diffService(live.service, desired);
        serviceChanged = lines.length > 0;
        const name = live.service?.serviceName ?? desired.service?.serviceName;
        const liveName = live.service?.status === 'ACTIVE' ? (live.service.serviceArn ?? 'ACTIVE') : 'none';
        sections.push(section(name === undefined ? 'service' : `service ${name}`, liveName, lines));
    }
    return {
        changed: taskDefinitionChanged || serviceChanged,
        taskDefinitionChanged,
        serviceChanged,
        text: sections.join('\n\n'),
    };
}
function diffService(live, desired) {
    const exists = live !== undefined && live.status === 'ACTIVE';
    const count = desired.sameAsRunning === true && exists ? undefined : (desired.desiredCount ?? desired.service?.desiredCount);
    if (!exists) {
        if (desired.service === undefined)
            return [];
        const create = normaliseService(desired.service, {
            fields: Object.keys(desired.service).filter((k) => !CREATE_IDENTITY_FIELDS.includes(k) && k !== 'desiredCount'),
        });
        if (count !== undefined)
            create['desiredCount'] = count;
        return diffLines(new Map(), flatten(create));
    }
    const fields = comparedServiceFields(desired.service);
    const before = normaliseService(live, { fields });
    const after = desired.service === undefined ? {} : normaliseService(desired.service, { fields });
    if (count !== undefined) {
        before['desiredCount'] = live.desiredCount ?? 0;
        after['desiredCount'] = count;
    }
    return diffLines(flatten(before), flatten(after));
}
function section(title, liveName, lines) {
    if (lines.length === 0)
        return `${title}: no changes`;
    return [`--- ${title} (live: ${liveName})`, `+++ ${title} (desired)`, ...lines].join('\n');
}
/** `path \u2192 JSON text` in document order. */
function flatten(value) {
    const out = new Map();
    walk(value, '', out);
    return out;
}
function walk(value, path, out) {
    if (Array.isArray(value)) {
        const keyed = namedKeys(value);
        value.forEach((item, i) => {
            const key = keyed?.[i];
            walk(key === undefined ? item : withoutName(item), `${path}[${key ?? i}]`, out);
        });
        return;
    }
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value);
        if (entries.length === 0 && path !== '')
            out.set(path, '{}');
        for (const [k, v] of entries)
            walk(v, path === '' ? k : `${path}.${k}`, out);
        return;
    }
    out.set(path, JSON.stringify(value));
}
/** When every item is an object with a distinct string `name`, the names (used as path segments). */
function namedKeys(list) {
    const names = list.map((item) => typeof item === 'object' && item !== null && typeof item.name === 'string'
        ? item.name
        : undefined);
    if (names.some((n) => n === undefined) || new Set(names).size !== names.length)
        return undefined;
    return names;
}
function withoutName(item) {
    const { name: _name, ...rest } = item;
    return rest;
}
function diffLines(before, after) {
    const lines = [];
    const paths = [...new Set([...before.keys(), ...after.keys()])].sort(comparePaths);
    for (const path of paths) {
        const old = before.get(path);
        const now = after.get(path);
        if (old === now)
            continue;
        if (old !== undefined)
            lines.push(`- ${path}: ${old}`);
        if (now !== undefined)
            lines.push(`+ ${path}: ${now}`);
    }
    return lines;
}
/** Orders paths segment by segment, numeric indexes by number, so `[10]` comes after `[9]`. */
function comparePaths(a, b) {
    const sa = a.split(/(?=[.[])/);
    const sb = b.split(/(?=[.[])/);
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
        const x = sa[i] ?? '';
        const y = sb[i] ?? '';
        if (x === y)
            continue;
        const nx = /^\[(\d+)\]$/.exec(x);
        const ny = /^\[(\d+)\]$/.exec(y);
        if (nx !== null && ny !== null)
            return Number(nx[1]) - Number(ny[1]);
        return x < y ? -1 : 1;
    }
    return sa.length - sb.length;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/native/continue.js








async function continueService(deps, req) {
    const live = await (0,services/* describeService */.Jv)(deps.ecs, req.cluster, req.service);
    if (live?.status !== 'ACTIVE')
        throw new Error(`service ${req.service} is not ACTIVE in cluster ${req.cluster}: there is no deployment to continue`);
    if (chooseDeployStrategy(req.service, live, undefined) !== 'native') {
        throw new errors/* ConfigurationError */.j1(`service ${req.service} does not run ECS BLUE_GREEN, LINEAR or CANARY deployments, so it has no lifecycle hook to continue; use mode deploy`, { input: 'mode' });
    }
    const found = await deploymentInProgress(deps, req.cluster, req.service);
    if (found === undefined)
        throw noDeploymentInProgress(req.service, req.cluster, 'continue');
    const answered = await deps.log.group(`Continue service deployment ${shortId(found.serviceDeploymentArn)}`, async () => {
        deps.log.info(`Service deployment ${found.serviceDeploymentArn}: ${found.deployment.status ?? ''}, lifecycle stage ${found.deployment.lifecycleStage ?? 'unknown'}`);
        const hook = req.hookId !== undefined ? chosenHook(found.deployment, req.hookId) : awaitingHook(found.deployment);
        if (hook?.hookId === undefined) {
            deps.log.info('No PAUSE hook awaits action: following the deployment as it goes.');
            return undefined;
        }
        deps.log.info(`${hookLine(hook)}: ${req.action} (ContinueServiceDeployment)`);
        await continueServiceDeployment(deps.ecs, { serviceDeploymentArn: found.serviceDeploymentArn, hookId: hook.hookId, action: req.action });
        return hook.hookId;
    });
    return followToOutcome(deps, {
        cluster: req.cluster,
        service: req.service,
        live,
        deployment: found,
        deadline: req.deadline,
        rollbackOnFailure: req.rollbackOnFailure,
        expect: answered !== undefined && req.action === 'ROLLBACK' ? 'rollback' : 'forward',
        answeredHookIds: new Set(answered !== undefined ? [answered] : []),
        waitUntil: req.waitUntil,
        pollIntervalMs: req.pollIntervalMs,
    });
}
/** The `hook-id` input must name a hook of the deployment that awaits action. */
function chosenHook(deployment, hookId) {
    const hooks = deployment.lifecycleHookDetails ?? [];
    const hook = hooks.find((h) => h.hookId === hookId);
    if (hook?.status === 'AWAITING_ACTION')
        return hook;
    const known = hooks.map(hookLine).join('; ') || 'none';
    throw new errors/* ConfigurationError */.j1(`lifecycle hook ${hookId} ${hook === undefined ? 'is not a hook of' : `is ${hook.status ?? 'not awaiting action'} in`} service deployment ` +
        `${shortId(deployment.serviceDeploymentArn)}, so there is nothing to continue; its hooks: ${known}`, { input: 'hook-id' });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/index.js
/**
 * Service deployments: the public entry of src/core/deploy. An action deploys with `deployService` (the strategy
 * is chosen from the live service), rolls back by hand with `rollbackService` (R7), previews with
 * `diffDeployment` (S13), and reports from the `Outcome` both return.
 *
 * Inside: strategy.ts (N1) \u2192 rolling.ts (R1\u2013R5: snapshot.ts, service-change.ts steps, rollout.ts \u2014 or
 * scale-change.ts for an update that started no deployment \u2014 and the watcher in watch/) \u2192 auto-rollback.ts (R6,
 * after a failure; restore-snapshot.ts, first-deployment-undo.ts); manual-rollback.ts and rollback-target.ts (R7).
 * ECS's own BLUE_GREEN, LINEAR and CANARY deployments (N2\u2013N4) in native/: find-deployment.ts, follow.ts (on the
 * watcher's loop), rollout.ts, stop.ts (rollback), continue.ts (`mode: continue`), manual.ts; DAEMON services (N5)
 * in daemon.ts.
 */
















/***/ }),

/***/ 7676:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ primaryDeploymentId),
  g: () => (/* binding */ waitForRollout)
});

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definition-refs.js
var task_definition_refs = __webpack_require__(1397);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/watch/index.js + 9 modules
var watch = __webpack_require__(2032);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/scale-change.js


/** `no new deployment: only the desired count changed from 2 to 4`, or that nothing changed. */
function scaleChangeDetail(before, set) {
    if (set !== undefined && before !== undefined && set !== before)
        return `no new deployment: only the desired count changed from ${before} to ${set}`;
    return `no new deployment: nothing that starts one changed, and the desired count stays ${before ?? set ?? 'as it was'}`;
}
async function waitForScaleChange(deps, change, req, deploymentId) {
    const { log } = deps;
    const detail = scaleChangeDetail(req.before.desiredCount, change.desiredCount);
    const seen = { deploymentId, change: 'scale', changeDetail: detail, ...(change.service !== undefined ? { service: change.service } : {}) };
    const primary = change.service?.deployments?.find((d) => d.id === deploymentId);
    const count = change.service?.desiredCount ?? change.desiredCount ?? req.before.desiredCount;
    const sentence = `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`;
    if (!req.waitForSteadyState) {
        log.info(`${sentence} Not waiting for it to take effect (wait-for-steady-state: false).`);
        return seen;
    }
    log.info(`${sentence} Waiting until deployment ${deploymentId} of service ${req.serviceName} runs ${count ?? 'its desired count of'} tasks.`);
    const earlier = notJudged(primary);
    if (earlier !== undefined)
        log.info(earlier);
    const started = deps.clock.now();
    const waited = await log.group(`Wait for service ${req.serviceName} to run ${count ?? 'its desired count of'} tasks`, () => (0,watch/* waitForScale */.JF)(deps, {
        cluster: req.cluster,
        service: req.serviceName,
        deploymentId,
        taskDefinitionArn: primary?.taskDefinition ?? req.taskDefinitionArn,
        deadline: req.deadline,
        seenEventIds: req.seenEventIds,
        ...(change.desiredCount !== undefined ? { desiredCount: change.desiredCount } : {}),
        ...(req.signal !== undefined ? { signal: req.signal } : {}),
        ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
    }));
    const result = { ...seen, waitMs: deps.clock.now() - started };
    if (waited.service !== undefined)
        result.service = waited.service;
    if (!waited.ok)
        result.failure = { reason: waited.reason, message: waited.message, stoppedTasks: waited.stoppedTasks };
    return result;
}
/** A PRIMARY deployment that did not complete was started before this run: say that its state is not judged. */
function notJudged(primary) {
    const state = primary?.rolloutState;
    if (state === undefined || state === 'COMPLETED')
        return undefined;
    const td = primary?.taskDefinition !== undefined ? ` of ${(0,task_definition_refs/* familyRevision */.KW)(primary.taskDefinition)}` : '';
    return `Its rollout state (${state}) comes from the deployment${td} that started it before this run: it is not judged, only the task counts are.`;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/rollout.js


/** The id of the PRIMARY deployment of a service as CreateService / UpdateService return it. */
function primaryDeploymentId(service) {
    return service?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
}
async function waitForRollout(deps, change, req) {
    const { log } = deps;
    const seen = change.service !== undefined ? { service: change.service } : {};
    const deploymentId = primaryDeploymentId(change.service);
    if (deploymentId === undefined) {
        return { ...seen, failure: { reason: 'error', message: 'ECS returned no PRIMARY deployment to follow', stoppedTasks: [] } };
    }
    if (req.before !== undefined && req.before.deploymentId === deploymentId) {
        return waitForScaleChange(deps, change, { ...req, before: req.before }, deploymentId);
    }
    seen.change = 'deployment';
    if (!req.waitForSteadyState) {
        log.info(`Not waiting for deployment ${deploymentId} to reach steady state (wait-for-steady-state: false).`);
        return { ...seen, deploymentId };
    }
    const started = deps.clock.now();
    const waited = await log.group(`Wait for deployment ${deploymentId} to reach steady state`, () => (0,watch/* waitForDeployment */.Kw)(deps, {
        cluster: req.cluster,
        service: req.serviceName,
        deploymentId,
        taskDefinitionArn: req.taskDefinitionArn,
        deadline: req.deadline,
        seenEventIds: req.seenEventIds,
        ...(req.signal !== undefined ? { signal: req.signal } : {}),
        ...(req.pollIntervalMs !== undefined ? { pollIntervalMs: req.pollIntervalMs } : {}),
    }));
    const result = { ...seen, deploymentId, waitMs: deps.clock.now() - started };
    if (waited.service !== undefined)
        result.service = waited.service;
    if (!waited.ok)
        result.failure = { reason: waited.reason, message: waited.message, stoppedTasks: waited.stoppedTasks };
    return result;
}


/***/ }),

/***/ 3366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ alarmOfCause),
/* harmony export */   S: () => (/* binding */ alarmFailure)
/* harmony export */ });
/** Words the alarm part of a cause is written with, so a report can read it back (alarmOfCause). */
const WENT_INTO_ALARM = 'went into ALARM';
/** `CloudWatch alarm web-5xx went into ALARM` when an alarm failed deployment `id`; undefined otherwise. */
function alarmFailure(service, id, reason) {
    const byEvent = (service.events ?? []).some((e) => {
        const m = e.message ?? '';
        return m.includes(`(deployment ${id})`) && /deployment failed: alarm/i.test(m);
    });
    if (!byEvent && !(reason !== undefined && /\balarm/i.test(reason)))
        return undefined;
    return `${whichAlarms(service.deploymentConfiguration?.alarms?.alarmNames ?? [], reason ?? '')} ${WENT_INTO_ALARM}`;
}
function whichAlarms(configured, reason) {
    const named = configured.filter((name) => mentions(reason, name));
    if (named.length === 1)
        return `CloudWatch alarm ${named[0] ?? ''}`;
    if (named.length > 1)
        return `CloudWatch alarms ${named.join(', ')}`;
    if (configured.length === 1)
        return `CloudWatch alarm ${configured[0] ?? ''}`;
    if (configured.length > 1)
        return `one of the CloudWatch alarms ${configured.join(', ')}`;
    return 'a CloudWatch alarm of the deployment';
}
/** `reason` names the alarm `name` as a whole (not as a part of a longer name). */
function mentions(reason, name) {
    if (name === '')
        return false;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[\\s,:;'"(\\[])${escaped}($|[\\s,.:;'")\\]])`).test(reason);
}
/** The alarm a cause written with alarmFailure names (`CloudWatch alarm web-5xx`), for the report's few words. */
function alarmOfCause(cause) {
    const match = /((?:one of the |a )?CloudWatch alarms? .*?) went into ALARM/.exec(cause.split('\n')[0] ?? '');
    return match?.[1];
}


/***/ }),

/***/ 7493:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ ChangePrinter),
/* harmony export */   eJ: () => (/* binding */ RepeatFolder)
/* harmony export */ });
/* unused harmony exports FOLD_INTERVAL_MS, PROGRESS_REPEAT_INTERVAL_MS */
const FOLD_INTERVAL_MS = 30_000;
const PROGRESS_REPEAT_INTERVAL_MS = 10_000;
/** Prints items (oldest first) through `out`, folding repeats of a kind as described above. */
class RepeatFolder {
    out;
    clock;
    render;
    intervalMs;
    kinds = new Map();
    seq = 0;
    constructor(out, clock, render, intervalMs = FOLD_INTERVAL_MS) {
        this.out = out;
        this.clock = clock;
        this.render = render;
        this.intervalMs = intervalMs;
    }
    offer(key, item) {
        const now = this.clock.now();
        this.seq += 1;
        const kind = this.kinds.get(key);
        if (kind === undefined || (kind.held.length === 0 && now - kind.printedAt >= this.intervalMs)) {
            this.flush();
            this.out(this.render.one(item));
            this.kinds.set(key, { printedAt: now, held: [], lastSeq: this.seq });
            return;
        }
        kind.held.push(item);
        kind.lastSeq = this.seq;
        if (now - kind.printedAt >= this.intervalMs)
            this.flush();
    }
    /** Prints the held-back lines when their kind's interval has passed (call after each poll). */
    tick() {
        const now = this.clock.now();
        for (const kind of this.kinds.values()) {
            if (kind.held.length > 0 && now - kind.printedAt >= this.intervalMs) {
                this.flush();
                return;
            }
        }
    }
    /** Prints every held-back line now, in the order they happened (a new kind is printed, or the wait ends). */
    flush() {
        const now = this.clock.now();
        const pending = [...this.kinds.entries()].filter(([, k]) => k.held.length > 0).sort((a, b) => a[1].lastSeq - b[1].lastSeq);
        for (const [, kind] of pending) {
            const [first] = kind.held;
            this.out(kind.held.length === 1 && first !== undefined ? this.render.one(first) : this.render.many(kind.held));
            kind.held = [];
            kind.printedAt = now;
        }
        // Kinds not printed for a whole interval hold nothing: forget them, so the map stays small.
        for (const [key, kind] of this.kinds)
            if (kind.held.length === 0 && now - kind.printedAt >= this.intervalMs)
                this.kinds.delete(key);
    }
}
/**
 * Prints a line per key when it changed; a line the key already showed before (counts flapping) only when
 * PROGRESS_REPEAT_INTERVAL_MS passed since that key's last line. Without a clock every change is printed.
 */
class ChangePrinter {
    out;
    clock;
    repeatIntervalMs;
    last = new Map();
    constructor(out, clock, repeatIntervalMs = PROGRESS_REPEAT_INTERVAL_MS) {
        this.out = out;
        this.clock = clock;
        this.repeatIntervalMs = repeatIntervalMs;
    }
    print(key, line) {
        const now = this.clock?.now() ?? 0;
        const last = this.last.get(key);
        if (last?.line === line)
            return;
        if (this.clock !== undefined && last?.seen.has(line) === true && now - last.at < this.repeatIntervalMs)
            return;
        const seen = last?.seen ?? new Set();
        if (seen.size >= MAX_REMEMBERED_LINES)
            seen.clear();
        seen.add(line);
        this.last.set(key, { line, at: now, seen });
        this.out(line);
    }
}
/** Distinct lines remembered per key: a deployment's counts take far fewer values than this. */
const MAX_REMEMBERED_LINES = 64;


/***/ }),

/***/ 2032:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yN: () => (/* reexport */ StoppedTaskCollector),
  Cw: () => (/* reexport */ describeStop),
  zS: () => (/* reexport */ pollService),
  R3: () => (/* reexport */ summarizeStoppedTasks),
  G6: () => (/* reexport */ taskIdOf),
  kj: () => (/* reexport */ toStoppedTaskReason),
  Kw: () => (/* reexport */ waitForDeployment),
  JF: () => (/* reexport */ waitForScale),
  Te: () => (/* reexport */ waitForServiceInactive),
  fN: () => (/* reexport */ waitForServiceStable)
});

// UNUSED EXPORTS: formatStoppedTask

// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/io/events.js
/** The AWS-event log line of S6: `# AWS Event: 2024-05-01 13:04:05.123 <message>` (UTC). */
function formatAwsEvent(at, message) {
    return `# AWS Event: ${formatUtcTimestamp(at)} ${message}`;
}
/** `yyyy-MM-dd HH:mm:ss.SSS` in UTC. Throws a RangeError for an invalid date. */
function formatUtcTimestamp(at) {
    const iso = at.toISOString(); // 2024-05-01T13:04:05.123Z (throws RangeError when invalid)
    return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/watch/fold.js
var fold = __webpack_require__(7493);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/events.js


/** How far before the watch started an event may be and still count as new, when no seen ids were given. */
const UNSEEN_EVENT_WINDOW_MS = 60_000;
/**
 * Prints each new ECS service event once, oldest first (S6). DescribeServices returns the most recent events
 * (up to 100), newest first, so the same event comes back on every poll: the printer remembers ids.
 * With a clock, the repeats of a crash loop (`has started 1 tasks: (task \u2026)` with other task ids) are folded into
 * one line that counts them (fold.ts); call `tick()` after each poll and `flush()` when the wait ends.
 */
class EventPrinter {
    log;
    notBefore;
    seen;
    folder;
    /**
     * @param seenIds events already present before the change: never printed.
     * @param notBefore epoch ms; events created earlier are treated as old (used when no `seenIds` are known).
     */
    constructor(log, seenIds = [], notBefore = Number.NEGATIVE_INFINITY, clock) {
        this.log = log;
        this.notBefore = notBefore;
        this.seen = new Set(seenIds);
        this.folder = clock === undefined ? undefined : new fold/* RepeatFolder */.eJ((line) => log.info(line), clock, { one: eventLine, many: foldedEventsLine });
    }
    tick() {
        this.folder?.tick();
    }
    flush() {
        this.folder?.flush();
    }
    /** Prints the events not printed (or seen) before; returns them, oldest first. */
    print(events) {
        const fresh = [];
        (events ?? []).forEach((event, index) => {
            const key = eventKey(event);
            if (this.seen.has(key))
                return;
            this.seen.add(key);
            const at = event.createdAt?.getTime();
            if (at !== undefined && at < this.notBefore)
                return;
            fresh.push({ event, order: index });
        });
        // Oldest first; events with the same timestamp keep ECS's order reversed (ECS lists newest first).
        fresh.sort((a, b) => time(a.event) - time(b.event) || b.order - a.order);
        for (const { event } of fresh) {
            if (this.folder !== undefined)
                this.folder.offer(eventKind(event.message ?? ''), event);
            else
                this.log.info(eventLine(event));
        }
        return fresh.map((f) => f.event);
    }
}
function eventLine(event) {
    return formatAwsEvent(event.createdAt ?? new Date(0), event.message ?? '');
}
/** The last event of the run in full, then how many like it came before: `\u2026 (+13 similar events since 05:01:02.198)`. */
function foldedEventsLine(events) {
    const first = events[0]?.createdAt;
    const since = first !== undefined ? ` since ${formatUtcTimestamp(first).slice(11)}` : '';
    return `${eventLine(events[events.length - 1] ?? {})} (+${events.length - 1} similar events${since})`;
}
/**
 * What makes two events "the same" for folding: the message with its task lists and task/target counts left out
 * (`(service web) has started 1 tasks: (task a).` and `\u2026 has started 2 tasks: (task b) (task c).` are one kind).
 */
function eventKind(message) {
    return message
        .replace(/\(task [^)]*\)(\s*\(task [^)]*\))*/g, '(task \u2026)')
        .replace(/\b\d+(?= (?:running )?(?:tasks|targets)\b)/g, 'N');
}
function eventKey(event) {
    return event.id ?? `${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`;
}
function time(event) {
    return event.createdAt?.getTime() ?? 0;
}
/** `Deployment ecs-svc/123: desired 3, pending 1, running 2, rollout IN_PROGRESS` */
function formatDeploymentProgress(d) {
    const state = d.rolloutState !== undefined ? `rollout ${d.rolloutState}` : `status ${d.status ?? 'unknown'}`;
    return `Deployment ${d.id ?? '(no id)'}: desired ${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}, running ${d.runningCount ?? 0}, ${state}`;
}
/**
 * Prints a progress line per deployment only when it changed since the last one printed for that deployment; with a
 * clock, a line showing a state the deployment was already in (a crash loop's flapping counts) at most every
 * PROGRESS_REPEAT_INTERVAL_MS (fold.ts).
 */
class ProgressPrinter {
    printer;
    constructor(log, clock) {
        this.printer = new fold/* ChangePrinter */.$((line) => log.info(line), clock);
    }
    print(deployments) {
        for (const d of deployments ?? [])
            this.printer.print(d.id ?? '', formatDeploymentProgress(d));
    }
    /** Prints a free-form progress line (e.g. a draining service's counts) when it differs from the last one under `key`. */
    printLine(key, line) {
        this.printer.print(key, line);
    }
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/services.js
var services = __webpack_require__(4259);
// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var core_time = __webpack_require__(9608);
// EXTERNAL MODULE: ./.build/dist-src/src/core/poll/index.js + 3 modules
var poll = __webpack_require__(6074);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/tasks.js
var ecs_tasks = __webpack_require__(9417);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definition-refs.js
var task_definition_refs = __webpack_require__(1397);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/stopped-tasks.js


/** Pages of ListTasks read per collection: 200 most recent stopped tasks is plenty to explain a failure. */
const MAX_LIST_PAGES = 2;
/** A stop that is not a failure: the scheduler scaling a deployment in (e.g. replaced by a newer one). */
const SCALE_IN = /^Scaling activity initiated by/i;
/**
 * Finds the service's STOPPED tasks of one deployment and remembers each once: ListTasks (serviceName, desired
 * status STOPPED), then DescribeTasks for ARNs not seen before, at most 100 per call. Each new stopped task is
 * logged as `Task <id> stopped: <stoppedReason> (container app exit code 1)`.
 */
class StoppedTaskCollector {
    ecs;
    log;
    cluster;
    service;
    filter;
    print;
    seenArns = new Set();
    found = [];
    /** @param print how a newly found stopped task is printed (default: its own `Task \u2026 stopped: \u2026` line). */
    constructor(ecs, log, cluster, service, filter, print = (r) => log.info(formatStoppedTask(r))) {
        this.ecs = ecs;
        this.log = log;
        this.cluster = cluster;
        this.service = service;
        this.filter = filter;
        this.print = print;
    }
    /** Every stopped task of the deployment found so far, in the order found. */
    get all() {
        return this.found;
    }
    /**
     * Marks the service's stopped tasks that exist now as seen, without describing or reporting them: a wait that
     * did not start the deployment (a scale change) blames only tasks that stop while it waits, not an earlier run's.
     * (Task times cannot tell them apart: they are the server's, not the injected clock's.) AWS errors propagate.
     */
    async ignoreExisting(opts = {}) {
        for (const arn of await this.listStopped(opts))
            this.seenArns.add(arn);
    }
    /** Looks for newly stopped tasks; returns the new ones. AWS errors propagate (the caller decides to retry). */
    async collect(opts = {}) {
        const arns = await this.listStopped(opts);
        const unseen = arns.filter((arn) => !this.seenArns.has(arn));
        if (unseen.length === 0)
            return [];
        const { tasks, missing } = await (0,ecs_tasks/* describeTasks */.yz)(this.ecs, this.cluster, unseen, opts);
        for (const arn of missing)
            this.seenArns.add(arn);
        const fresh = [];
        for (const task of sortByStop(tasks)) {
            if (task.taskArn !== undefined)
                this.seenArns.add(task.taskArn);
            if (!this.matches(task))
                continue;
            const reason = toStoppedTaskReason(task);
            fresh.push(reason);
            this.found.push(reason);
            this.print(reason);
        }
        return fresh;
    }
    listStopped(opts) {
        const where = { cluster: this.cluster, serviceName: this.service, desiredStatus: 'STOPPED', maxPages: MAX_LIST_PAGES };
        return (0,ecs_tasks/* listServiceTaskArns */.lI)(this.ecs, where, opts);
    }
    matches(task) {
        if (task.taskArn === undefined)
            return false;
        if (!(0,task_definition_refs/* sameTaskDefinition */.JL)(task.taskDefinitionArn, this.filter.taskDefinitionArn))
            return false;
        const { deploymentId, createdNotBefore } = this.filter;
        const startedBy = task.startedBy;
        if (deploymentId !== undefined && startedBy?.startsWith('ecs-svc/') === true && startedBy !== deploymentId) {
            return false;
        }
        const createdAt = task.createdAt?.getTime();
        if (createdNotBefore !== undefined && createdAt !== undefined && createdAt < createdNotBefore)
            return false;
        return !SCALE_IN.test(task.stoppedReason ?? '');
    }
}
function sortByStop(tasks) {
    const at = (t) => (t.stoppedAt ?? t.stoppingAt ?? t.createdAt)?.getTime() ?? 0;
    return [...tasks].sort((a, b) => at(a) - at(b));
}
function toStoppedTaskReason(task) {
    return {
        taskArn: task.taskArn ?? '',
        ...(task.taskDefinitionArn !== undefined ? { taskDefinitionArn: task.taskDefinitionArn } : {}),
        ...(task.stoppedReason !== undefined ? { stoppedReason: task.stoppedReason } : {}),
        ...(task.stopCode !== undefined ? { stopCode: task.stopCode } : {}),
        containers: (task.containers ?? []).map((c) => ({
            name: c.name ?? '',
            ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
            ...(c.reason !== undefined ? { reason: c.reason } : {}),
        })),
    };
}
/** The task id: the last segment of its ARN. */
function taskIdOf(taskArn) {
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}
/** `Essential container in task exited (container app exit code 1)` */
function describeStop(r) {
    // ECS often repeats the task's stoppedReason as the container's reason (pull errors): it is said once.
    const ownReason = (c) => c.reason !== undefined && c.reason !== '' && c.reason !== r.stoppedReason ? c.reason : undefined;
    const details = r.containers
        .filter((c) => (c.exitCode !== undefined && c.exitCode !== 0) || ownReason(c) !== undefined)
        .map((c) => {
        const code = c.exitCode !== undefined && c.exitCode !== 0 ? ` exit code ${c.exitCode}` : '';
        const why = ownReason(c);
        return `container ${c.name}${code}${why !== undefined ? `: ${why}` : ''}`;
    });
    const reason = r.stoppedReason ?? r.stopCode ?? 'no reason given';
    return details.length === 0 ? reason : `${reason} (${details.join(', ')})`;
}
/** `Task 0123abcd stopped: Essential container in task exited (container app exit code 1)` */
function formatStoppedTask(r) {
    return `Task ${taskIdOf(r.taskArn)} stopped: ${describeStop(r)}`;
}
/** Tasks stopped for the same reason, folded (fold.ts): `Task 0123abcd stopped: \u2026 (+14 more tasks stopped the same way)` */
function formatStoppedTasks(reasons) {
    const last = reasons[reasons.length - 1];
    const line = last !== undefined ? formatStoppedTask(last) : 'No task stopped';
    return reasons.length > 1 ? `${line} (+${reasons.length - 1} more tasks stopped the same way)` : line;
}
/**
 * The distinct stop reasons with how many tasks had each, most frequent first:
 * `Essential container in task exited (container app exit code 1) [3 tasks]; CannotPullContainerError: ... [1 task]`.
 * Empty when there are none.
 */
function summarizeStoppedTasks(reasons) {
    const counts = new Map();
    for (const r of reasons) {
        const key = describeStop(r);
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([reason, n]) => `${reason} [${n} ${n === 1 ? 'task' : 'tasks'}]`)
        .join('; ');
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/service-poll.js






/** Polls the service until `observer` returns a result, the deadline passes or the signal aborts. */
async function pollService(deps, params, observer) {
    const { ecs, clock, log } = deps;
    const { signal } = params;
    const startedAt = clock.now();
    const events = new EventPrinter(log, params.seenEventIds, params.seenEventIds === undefined ? startedAt - UNSEEN_EVENT_WINDOW_MS : Number.NEGATIVE_INFINITY, clock);
    let lastService;
    let placement;
    const end = await (0,poll/* poll */.wt)(deps, {
        deadline: params.deadline,
        signal,
        intervalMs: params.pollIntervalMs,
        onRetry: (e, kind, nextMs) => {
            const note = `${kind === 'throttling' ? 'Throttled' : 'Transient error'} while polling service ${params.service} (${(0,errors/* describeError */.Uc)(e)}); next poll in ${(0,core_time/* formatDuration */.a3)(nextMs)}`;
            if (kind === 'throttling')
                log.debug(note);
            else
                log.warning(note);
        },
    }, async (round) => {
        const service = await (0,services/* describeServiceAnyStatus */.dM)(ecs, params.cluster, params.service, signal !== undefined ? { signal } : {});
        if (service !== undefined) {
            lastService = service;
            placement = lastPlacementProblem(events.print(service.events)) ?? placement;
        }
        const result = await observer.observe(service, ioOf(round));
        events.tick();
        observer.printHeld?.(false);
        return result;
    });
    const result = end.kind === 'done' ? end.value : await ended(end, observer, { params, clock, startedAt, lastService, placement });
    events.flush();
    observer.printHeld?.(true);
    return result;
}
function ioOf(round) {
    return {
        signal: round.signal,
        onCall: (operation) => round.read(operation),
        pace: (hint) => round.pace(hint),
        startedAt: round.startedAt,
        now: () => round.now(),
    };
}
/** ECS's placement failure among new events (`\u2026 was unable to place a task because \u2026`), the latest one. */
function lastPlacementProblem(fresh) {
    return fresh.map((e) => e.message ?? '').filter((m) => /\bunable to place a task\b/.test(m)).pop();
}
/** The failure for a wait that timed out or was cancelled, with the stopped tasks the observer saw (S9). */
async function ended(end, observer, ctx) {
    const { params, clock, startedAt, lastService } = ctx;
    const waited = (0,core_time/* formatDuration */.a3)(clock.now() - startedAt);
    let message;
    if (end.kind === 'cancelled') {
        message = `cancelled after ${waited} while waiting for ${observer.waitingFor()}: ${(0,errors/* describeError */.Uc)(params.signal?.reason ?? 'aborted')}`;
    }
    else {
        const seen = observer.lastSeen();
        const error = end.lastError !== undefined ? `; last error: ${(0,errors/* describeError */.Uc)(end.lastError)}` : '';
        const placement = ctx.placement !== undefined ? `; ECS could not place a task: ${ctx.placement}` : '';
        message = `timed out after waiting ${waited} for ${observer.waitingFor()} (the action's deadline, timeout-minutes, is ${(0,core_time/* formatDuration */.a3)(params.deadline.timeoutMs)})${seen !== undefined ? `; last seen: ${seen}` : ''}${placement}${error}`;
    }
    // The wait is over: a last read that explains a timeout needs no pacing.
    const io = { signal: params.signal, onCall: () => undefined, pace: () => undefined, startedAt, now: () => clock.now() };
    const stoppedTasks = await observer.stoppedTasks(end.kind, io);
    const summary = summarizeStoppedTasks(stoppedTasks);
    return {
        ok: false,
        reason: end.kind,
        message: summary === '' ? message : `${message}. Stopped tasks: ${summary}`,
        stoppedTasks,
        ...(lastService !== undefined ? { service: lastService } : {}),
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/elb/index.js + 13 modules
var core_elb = __webpack_require__(925);
// EXTERNAL MODULE: ./.build/dist-src/src/core/ecs/task-definitions.js
var task_definitions = __webpack_require__(1981);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/rollout-timing.js


/** ECS's stop timeout when a container definition sets none (SIGTERM, then SIGKILL 30 s later). */
const DEFAULT_STOP_TIMEOUT_MS = 30_000;
const DRAINING_EVENT = /has begun draining connections/;
const DEREGISTERED_EVENT = /deregistered \d+ targets/;
const STOPPED_EVENT = /has stopped \d+ running tasks/;
/** The service's target groups, read once: undefined when it has none, they cannot be read, or nothing drains. */
async function readDrainTiming(elb, service, io) {
    const arns = [...new Set((service.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a) => a !== undefined))];
    if (elb === undefined || arns.length === 0)
        return undefined;
    try {
        let timing = { healthyAfterMs: 0, drainMs: 0 };
        for (const arn of arns) {
            const tg = await (0,core_elb/* describeTargetGroup */.__)(elb, arn, { signal: io.signal, onCall: io.onCall });
            const hc = tg.healthCheck;
            timing = {
                healthyAfterMs: Math.max(timing.healthyAfterMs, (hc.intervalSeconds ?? 0) * (hc.healthyThresholdCount ?? 0) * 1000),
                drainMs: Math.max(timing.drainMs, (tg.deregistrationDelaySeconds ?? 0) * 1000),
            };
        }
        return timing.drainMs > 0 ? timing : undefined;
    }
    catch {
        return undefined; // no prediction: the rollout is paced as "near"
    }
}
/**
 * The longest time ECS gives the old revisions' containers to exit once it stops their tasks: the largest
 * `stopTimeout` of their containers (30 s for a container that sets none). Undefined when it cannot be read.
 */
async function readStopTimeoutMs(ecs, service, ours, io) {
    const revisions = new Set((service.deployments ?? []).filter((d) => d.id !== ours.id).map((d) => d.taskDefinition));
    if (ecs === undefined || revisions.size === 0)
        return undefined;
    try {
        let longest = 0;
        for (const arn of revisions) {
            if (arn === undefined)
                return undefined;
            const td = await (0,task_definitions/* describeTaskDefinition */.oh)(ecs, arn, { signal: io.signal, onCall: io.onCall });
            for (const c of td.containerDefinitions ?? [])
                longest = Math.max(longest, (c.stopTimeout ?? DEFAULT_STOP_TIMEOUT_MS / 1000) * 1000);
        }
        return longest > 0 ? longest : undefined;
    }
    catch {
        return undefined;
    }
}
/** When ECS last said, during this rollout, that it began draining the old targets. */
function drainingSince(service, ours) {
    return lastEvent(service, DRAINING_EVENT, ours.createdAt?.getTime() ?? 0);
}
/** When ECS said the targets it drained since `after` were deregistered (their drain ended, maybe before the delay). */
function deregisteredSince(service, after) {
    return lastEvent(service, DEREGISTERED_EVENT, after);
}
/** When ECS last said, during this rollout, that it stopped running tasks (SIGTERM to their containers). */
function stoppedSince(service, ours) {
    return lastEvent(service, STOPPED_EVENT, ours.createdAt?.getTime() ?? 0);
}
function lastEvent(service, pattern, after) {
    const times = (service.events ?? [])
        .filter((e) => pattern.test(e.message ?? '') && (e.createdAt?.getTime() ?? 0) >= after)
        .map((e) => e.createdAt?.getTime() ?? 0);
    return times.length === 0 ? undefined : Math.max(...times);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/rollout-pace.js

class RolloutPace {
    elb;
    ecs;
    reads;
    allRunningSince;
    drain = { read: false };
    stop = { read: false };
    constructor(elb, ecs, reads) {
        this.elb = elb;
        this.ecs = ecs;
        this.reads = reads;
    }
    /**
     * The hint for this round; reads the service's target groups and the old revision once each, the first time they
     * matter. `failedBefore`: a task of this deployment failed earlier in the wait (ECS may have reset failedTasks
     * since): until the tasks recover (all running), the breaker's verdict may still come.
     */
    async hint(service, ours, io, failedBefore = false) {
        if (ours === undefined)
            return { kind: 'near' };
        const desired = ours.desiredCount ?? 0;
        const running = ours.runningCount ?? 0;
        if ((ours.failedTasks ?? 0) > 0 || (failedBefore && running < desired))
            return { kind: 'near' };
        if (running < desired) {
            this.allRunningSince = undefined;
            return running === 0 ? { kind: 'idle', since: ours.createdAt?.getTime() } : { kind: 'near' };
        }
        this.allRunningSince ??= io.now();
        // An older deployment stays listed until its last task stopped.
        const oldLeft = (service.deployments ?? []).some((d) => d.id !== ours.id);
        if (!oldLeft || ours.rolloutState === 'COMPLETED')
            return { kind: 'near' };
        let stopStart = stoppedSince(service, ours);
        const timing = await this.drainTiming(service, io);
        if (timing !== undefined) {
            const drainStart = drainingSince(service, ours);
            if (drainStart === undefined)
                return { kind: 'eta', at: this.allRunningSince + timing.healthyAfterMs + timing.drainMs, latest: true };
            const drainEnd = Math.min(deregisteredSince(service, drainStart) ?? Infinity, Math.min(drainStart, io.now()) + timing.drainMs);
            if (io.now() < drainEnd)
                return { kind: 'eta', at: drainEnd, latest: true, since: drainStart };
            stopStart = drainEnd;
        }
        if (stopStart === undefined)
            return { kind: 'near' };
        const stopTimeoutMs = await this.stopTimeoutMs(service, ours, io);
        if (stopTimeoutMs === undefined)
            return { kind: 'near' };
        const since = Math.min(stopStart, io.now());
        return { kind: 'within', since, until: since + stopTimeoutMs };
    }
    async drainTiming(service, io) {
        if (!this.drain.read && !this.busy())
            this.drain = { read: true, timing: await readDrainTiming(this.elb, service, io) };
        return this.drain.timing;
    }
    async stopTimeoutMs(service, ours, io) {
        if (!this.stop.read && !this.busy())
            this.stop = { read: true, timeoutMs: await readStopTimeoutMs(this.ecs, service, ours, io) };
        return this.stop.timeoutMs;
    }
    busy() {
        return this.reads?.throttledRecently() === true;
    }
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/errors.js
var aws_errors = __webpack_require__(952);
// EXTERNAL MODULE: ./.build/dist-src/src/core/deploy/watch/alarm-cause.js
var alarm_cause = __webpack_require__(3366);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/verdict.js


const WAITING = { kind: 'waiting' };
/**
 * Success only when our deployment is PRIMARY, runs the task definition we deployed, and has rolled out:
 * rolloutState COMPLETED with running == desired, or, where ECS reports no rolloutState, running == desired and
 * no other deployment left. A deployment that is no longer PRIMARY was rolled back (when ECS marked it FAILED)
 * or replaced by someone else's deployment.
 */
function judgeDeployment(service, target, ctx) {
    const name = service.serviceName ?? 'the service';
    if (service.status !== 'ACTIVE') {
        return failed(`service ${name} is ${service.status ?? 'gone'}: it was deleted while waiting for deployment ${target.deploymentId}`);
    }
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === target.deploymentId);
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    if (ours === undefined) {
        if (ctx.lastSeen !== undefined)
            return judgeDisplaced(service, ctx.lastSeen, primary);
        if (rolledBackPerEvents(target.deploymentId, service.events))
            return rolledBack(service, target.deploymentId, undefined);
        if (!ctx.missingTooLong)
            return WAITING;
        return {
            kind: 'failure',
            reason: 'replaced',
            message: `deployment ${target.deploymentId} is not among the deployments of service ${name}${describePrimary(primary)}`,
        };
    }
    if (ours.status !== 'PRIMARY')
        return judgeDisplaced(service, ours, primary);
    if (!(0,task_definition_refs/* sameTaskDefinition */.JL)(ours.taskDefinition, target.taskDefinitionArn)) {
        return failed(`deployment ${target.deploymentId} runs task definition ${ours.taskDefinition ?? '(none)'}, not ${target.taskDefinitionArn} that this action deployed`);
    }
    if (ours.rolloutState === 'FAILED') {
        const reason = ours.rolloutStateReason ?? 'ECS set its rollout state to FAILED';
        const alarm = (0,alarm_cause/* alarmFailure */.S)(service, target.deploymentId, ours.rolloutStateReason);
        return failed(alarm === undefined ? `deployment ${target.deploymentId} failed: ${reason}` : `deployment ${target.deploymentId} failed because ${alarm} (${reason})`);
    }
    const counted = (ours.runningCount ?? 0) === (ours.desiredCount ?? 0);
    if (!counted)
        return WAITING;
    if (service.taskDefinition !== undefined && !(0,task_definition_refs/* sameTaskDefinition */.JL)(service.taskDefinition, target.taskDefinitionArn)) {
        return WAITING;
    }
    if (ours.rolloutState === 'COMPLETED')
        return { kind: 'success', deployment: ours };
    if (ours.rolloutState === undefined && deployments.length === 1)
        return { kind: 'success', deployment: ours };
    return WAITING;
}
/**
 * A scale change (no new deployment): success once the PRIMARY deployment \u2014 still the one the update left in place \u2014
 * runs the service's desired count with nothing pending. Its rollout state is never judged: a FAILED (or
 * IN_PROGRESS) state belongs to an earlier deployment, not to this run. A different PRIMARY deployment means
 * someone else's deployment started meanwhile.
 */
function judgeScale(service, target, ctx) {
    const name = service.serviceName ?? 'the service';
    if (service.status !== 'ACTIVE') {
        return failed(`service ${name} is ${service.status ?? 'gone'}: it was deleted while waiting for its scale change`);
    }
    const primary = (service.deployments ?? []).find((d) => d.status === 'PRIMARY');
    if (primary === undefined)
        return WAITING;
    if (primary.id !== target.deploymentId) {
        return {
            kind: 'failure',
            reason: 'replaced',
            message: `another deployment (${primary.id ?? '(no id)'}, task definition ${primary.taskDefinition ?? 'unknown'}) started ` +
                `while waiting for the scale change of service ${name}`,
        };
    }
    const wanted = service.desiredCount ?? 0;
    if (ctx.desiredCount !== undefined && wanted !== ctx.desiredCount && !ctx.settled)
        return WAITING;
    const scaled = primary.desiredCount === wanted && primary.runningCount === wanted && (primary.pendingCount ?? 0) === 0;
    return scaled ? { kind: 'success', deployment: primary } : WAITING;
}
/** Our deployment is no longer PRIMARY (or gone): rolled back by ECS, or replaced by another deployment. */
function judgeDisplaced(service, ours, primary) {
    const id = ours.id ?? '(unknown)';
    if (ours.rolloutState === 'FAILED')
        return rolledBack(service, id, ours.rolloutStateReason);
    // Seen last while still IN_PROGRESS: its reason then ("ECS deployment \u2026 in progress.") does not explain the failure.
    if (rolledBackPerEvents(id, service.events))
        return rolledBack(service, id, undefined);
    return {
        kind: 'failure',
        reason: 'replaced',
        message: `deployment ${id} was replaced before it completed${describePrimary(primary)}; another deployment of this service started`,
    };
}
/** ECS rolled our deployment back: because one of its CloudWatch alarms went into ALARM, or by the circuit breaker. */
function rolledBack(service, id, reason) {
    const why = reason !== undefined && reason !== '' ? ` (${reason})` : '';
    const alarm = (0,alarm_cause/* alarmFailure */.S)(service, id, reason);
    const by = alarm !== undefined ? `ECS because ${alarm}` : 'the ECS deployment circuit breaker';
    return { kind: 'failure', reason: 'circuit-breaker', message: `deployment ${id} was rolled back by ${by}${why}` };
}
/**
 * ECS reports `(service x) (deployment ecs-svc/1) deployment failed: tasks failed to start.` (or `: alarm detected.`)
 * and `rolling back`.
 */
function rolledBackPerEvents(id, events) {
    return (events ?? []).some((e) => {
        const m = e.message ?? '';
        return m.includes(id) && /deployment failed|circuit breaker|rolling back|rolled back/i.test(m);
    });
}
function describePrimary(primary) {
    if (primary === undefined)
        return '';
    return `; the PRIMARY deployment is now ${primary.id ?? '(no id)'} (task definition ${primary.taskDefinition ?? 'unknown'})`;
}
function failed(message) {
    return { kind: 'failure', reason: 'failed', message };
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/watch.js








/** How long a deployment id may be absent from DescribeServices before it counts as gone (read-after-write). */
const NOT_YET_VISIBLE_GRACE_MS = 10_000;
/**
 * Waits until the deployment `req.deploymentId` has rolled out with `req.taskDefinitionArn` (S8), printing new
 * service events and progress (S6), and explaining failures with stopped-task reasons (S9).
 */
async function waitForDeployment(deps, req) {
    return pollService(deps, req, new DeploymentObserver(deps, req, { deploymentId: req.deploymentId, taskDefinitionArn: req.taskDefinitionArn }));
}
/**
 * Waits for a scale change (an update that started no new deployment) to take effect: the PRIMARY deployment
 * `req.deploymentId` runs the service's desired count with nothing pending. Its rollout state is not judged (it may
 * be FAILED from an earlier deployment); events, progress and the stopped tasks of tasks started since are shown.
 */
async function waitForScale(deps, req) {
    const target = { deploymentId: req.deploymentId, taskDefinitionArn: req.taskDefinitionArn };
    return pollService(deps, req, new DeploymentObserver(deps, req, target, { desiredCount: req.desiredCount }));
}
/**
 * Waits for whatever deployment is PRIMARY on the first poll to reach a steady state (for callers that do not
 * know the deployment id). Prefer waitForDeployment whenever the id is known.
 */
async function waitForServiceStable(deps, req) {
    return pollService(deps, req, new DeploymentObserver(deps, req, undefined));
}
class DeploymentObserver {
    deps;
    req;
    scale;
    progress;
    /** A crash loop stops a task every few seconds: the same reason is printed once, then counted (fold.ts). */
    stopsPrinter;
    /** How near the end is, for the pacing of the polls (issue 17). */
    pace;
    target;
    collector;
    lastOurs;
    lastFailedTasks = 0;
    everFailed = false;
    /** failedTasks went up and the stopped tasks have not been read successfully since. */
    stoppedDirty = false;
    stoppedUnavailable = false;
    /** The stopped tasks were read during the current poll (no need to read again to explain a failure). */
    collectedThisPoll = false;
    /** A scale change: the service's desired count as last seen. */
    lastWanted;
    /** A scale change: the stopped tasks that existed when the wait began are known (and never reported). */
    baselined = false;
    constructor(deps, req, target, scale) {
        this.deps = deps;
        this.req = req;
        this.scale = scale;
        this.progress = new ProgressPrinter(deps.log, deps.clock);
        this.stopsPrinter = new fold/* RepeatFolder */.eJ((line) => deps.log.info(line), deps.clock, { one: formatStoppedTask, many: formatStoppedTasks });
        this.target = target;
        this.pace = new RolloutPace(deps.elb, deps.ecs, deps.reads);
    }
    waitingFor() {
        const which = this.target !== undefined ? `deployment ${this.target.deploymentId}` : 'the PRIMARY deployment';
        if (this.scale === undefined)
            return `${which} of service ${this.req.service} to reach a steady state`;
        const count = this.scale.desiredCount ?? this.lastWanted;
        return `${which} of service ${this.req.service} to run ${count ?? 'its desired count of'} tasks (a scale change; no new deployment)`;
    }
    lastSeen() {
        const d = this.lastOurs;
        if (d === undefined)
            return undefined;
        // A scale change is judged by counts only: the rollout state (maybe an earlier deployment's FAILED) is left out.
        return this.scale === undefined ? formatDeploymentProgress(d) : `desired ${d.desiredCount ?? 0}, pending ${d.pendingCount ?? 0}, running ${d.runningCount ?? 0}`;
    }
    async observe(service, io) {
        this.collectedThisPoll = false;
        if (service === undefined) {
            return this.fail('failed', `service ${this.req.service} does not exist in cluster ${this.req.cluster}`, undefined, io);
        }
        this.progress.print(service.deployments);
        const target = this.target ?? this.resolveTarget(service);
        if (target === undefined)
            return this.judgeWithoutDeployments(service, io);
        const ours = service.deployments?.find((d) => d.id === target.deploymentId);
        if (this.scale !== undefined && !this.baselined)
            await this.ignoreEarlierStops(target, ours, io);
        if (ours !== undefined)
            await this.noticeFailedTasks(ours, target, io);
        const verdict = this.judge(service, target, io);
        if (ours !== undefined)
            this.lastOurs = ours;
        if (verdict.kind === 'waiting') {
            io.pace(await this.pace.hint(service, ours, io, this.everFailed));
            return undefined;
        }
        if (verdict.kind === 'success') {
            return { ok: true, service, deployment: verdict.deployment, durationMs: io.now() - io.startedAt };
        }
        return this.fail(verdict.reason, verdict.message, service, io);
    }
    judge(service, target, io) {
        const graceOver = io.now() - io.startedAt >= NOT_YET_VISIBLE_GRACE_MS;
        if (this.scale === undefined)
            return judgeDeployment(service, target, { lastSeen: this.lastOurs, missingTooLong: graceOver });
        this.lastWanted = service.desiredCount;
        return judgeScale(service, target, { desiredCount: this.scale.desiredCount, settled: graceOver });
    }
    printHeld(all) {
        if (all)
            this.stopsPrinter.flush();
        else
            this.stopsPrinter.tick();
    }
    async stoppedTasks(end, io) {
        if (end === 'timeout' && !this.collectedThisPoll && (this.stoppedDirty || this.everFailed))
            await this.collectStopped(io);
        return [...(this.collector?.all ?? [])];
    }
    /** waitForServiceStable: follow the PRIMARY deployment seen first. */
    resolveTarget(service) {
        const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
        if (primary?.id === undefined || primary.taskDefinition === undefined)
            return undefined;
        this.target = { deploymentId: primary.id, taskDefinitionArn: primary.taskDefinition };
        return this.target;
    }
    /** Services without ECS deployments (external or CodeDeploy controllers): counts only. */
    judgeWithoutDeployments(service, io) {
        this.progress.printLine('service', `Service ${service.serviceName ?? this.req.service}: desired ${service.desiredCount ?? 0}, pending ${service.pendingCount ?? 0}, running ${service.runningCount ?? 0}`);
        const steady = service.status === 'ACTIVE' && (service.runningCount ?? 0) === (service.desiredCount ?? 0) && (service.pendingCount ?? 0) === 0;
        return steady ? { ok: true, service, deployment: {}, durationMs: io.now() - io.startedAt } : undefined;
    }
    /** S9: read stopped tasks only when failedTasks of our deployment went up (read budget). */
    async noticeFailedTasks(ours, target, io) {
        const failedTasks = ours.failedTasks ?? 0;
        if (failedTasks > this.lastFailedTasks)
            this.stoppedDirty = true;
        if (failedTasks > 0)
            this.everFailed = true;
        this.lastFailedTasks = failedTasks; // ECS resets it to 0 once a task runs
        this.ensureCollector(target, ours);
        if (this.stoppedDirty)
            await this.collectStopped(io);
    }
    ensureCollector(target, ours) {
        const filter = {
            taskDefinitionArn: target.taskDefinitionArn,
            deploymentId: target.deploymentId,
            // Tasks created before our deployment belong to an earlier one (1 s of slack for clock rounding). A scale
            // change started no deployment: ignoreEarlierStops sets aside what stopped before it instead.
            createdNotBefore: this.scale === undefined && ours?.createdAt !== undefined ? ours.createdAt.getTime() - 1000 : undefined,
        };
        this.collector ??= new StoppedTaskCollector(this.deps.ecs, this.deps.log, this.req.cluster, this.req.service, filter, (r) => this.stopsPrinter.offer(describeStop(r), r));
        return this.collector;
    }
    /**
     * A scale change: the PRIMARY deployment's tasks that stopped before the wait (e.g. the crashes that made an earlier
     * run's deployment FAILED) are not this run's failure. One ListTasks sets them aside; retried next poll on error.
     */
    async ignoreEarlierStops(target, ours, io) {
        try {
            await this.ensureCollector(target, ours).ignoreExisting({ signal: io.signal, onCall: io.onCall });
            this.baselined = true;
        }
        catch (e) {
            this.readFailed(e, io);
            if (this.stoppedUnavailable)
                this.baselined = true;
        }
    }
    async collectStopped(io) {
        if (this.collector === undefined || this.stoppedUnavailable)
            return;
        try {
            await this.collector.collect({ signal: io.signal, onCall: io.onCall });
            this.stoppedDirty = false;
            this.collectedThisPoll = true;
        }
        catch (e) {
            this.readFailed(e, io);
        }
    }
    /** A read of the stopped tasks failed: retried on a later poll, or given up (and said) when AWS refuses it. */
    readFailed(e, io) {
        if (io.signal?.aborted === true)
            return; // the loop reports the cancellation
        if ((0,aws_errors/* classifyAwsError */.u3)(e) === 'fatal') {
            this.stoppedUnavailable = true;
            this.deps.log.warning(`Cannot read the stopped tasks of service ${this.req.service}: ${(0,errors/* describeError */.Uc)(e)}`);
        }
        else {
            this.deps.log.debug(`Reading stopped tasks failed, will retry: ${(0,errors/* describeError */.Uc)(e)}`);
        }
    }
    async fail(reason, message, service, io) {
        if (this.target !== undefined)
            this.ensureCollector(this.target, this.lastOurs);
        // One last read explains the failure, unless this poll just read the stopped tasks.
        if (!this.collectedThisPoll && (this.stoppedDirty || this.everFailed || reason !== 'replaced')) {
            await this.collectStopped(io);
        }
        const stoppedTasks = [...(this.collector?.all ?? [])];
        const summary = summarizeStoppedTasks(stoppedTasks);
        return {
            ok: false,
            reason,
            message: summary === '' ? message : `${message.replace(/\.$/, '')}. Stopped tasks: ${summary}`,
            stoppedTasks,
            ...(service !== undefined ? { service } : {}),
        };
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/inactive.js


/**
 * Waits until a deleted service is INACTIVE (or ECS no longer knows it: MISSING), printing its events and its
 * draining progress (R2, R6, C1, C2, B2). On success `service` is the INACTIVE service as ECS last described it
 * (for MISSING, a stand-in `{ serviceName, status: 'INACTIVE' }`) and `deployment` its last deployment, or `{}`.
 * A service seen DRAINING that turns ACTIVE again was re-created by someone else: `replaced`.
 */
async function waitForServiceInactive(deps, req) {
    return pollService(deps, req, new InactiveObserver(deps, req));
}
class InactiveObserver {
    req;
    progress;
    lastStatus;
    sawDraining = false;
    constructor(deps, req) {
        this.req = req;
        this.progress = new ProgressPrinter(deps.log);
    }
    waitingFor() {
        return `service ${this.req.service} to become INACTIVE`;
    }
    lastSeen() {
        return this.lastStatus;
    }
    observe(service, io) {
        const durationMs = io.now() - io.startedAt;
        if (service === undefined || service.status === 'INACTIVE') {
            const done = service ?? { serviceName: this.req.service, status: 'INACTIVE' };
            return Promise.resolve({ ok: true, service: done, deployment: done.deployments?.[0] ?? {}, durationMs });
        }
        const status = service.status ?? 'unknown';
        this.lastStatus = `status ${status}, desired ${service.desiredCount ?? 0}, pending ${service.pendingCount ?? 0}, running ${service.runningCount ?? 0}`;
        this.progress.printLine('service', `Service ${service.serviceName ?? this.req.service}: ${this.lastStatus}`);
        if (status === 'DRAINING')
            this.sawDraining = true;
        if (status === 'ACTIVE' && this.sawDraining) {
            return Promise.resolve({
                ok: false,
                reason: 'replaced',
                message: `service ${this.req.service} became ACTIVE again while waiting for it to become INACTIVE: someone re-created it`,
                stoppedTasks: [],
                service,
            });
        }
        // Issue 17: once no task is left, INACTIVE may come any moment; until then the tasks drain and stop.
        io.pace((service.runningCount ?? 0) + (service.pendingCount ?? 0) === 0 ? { kind: 'near' } : { kind: 'idle' });
        return Promise.resolve(undefined);
    }
    stoppedTasks() {
        return Promise.resolve([]);
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/deploy/watch/index.js
/**
 * The one service watcher (S6\u2013S9): follows the deployment an action started (or the PRIMARY one, a scale change
 * that started no deployment, or a deleted service until INACTIVE), printing each new ECS event once and explaining
 * failures with stopped-task reasons. Built on the one polling primitive (src/core/poll).
 */







/***/ }),

/***/ 9564:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ EcsFailureError)
/* harmony export */ });
/** ECS answered a read with a `failures` entry other than MISSING (e.g. a malformed ARN). */
class EcsFailureError extends Error {
    operation;
    failure;
    constructor(operation, failure) {
        const detail = failure.detail !== undefined && failure.detail !== '' ? ` (${failure.detail})` : '';
        super(`${operation} failed for ${failure.arn ?? 'the request'}: ${failure.reason ?? 'unknown reason'}${detail}`);
        this.operation = operation;
        this.failure = failure;
        this.name = 'EcsFailureError';
    }
}


/***/ }),

/***/ 4259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EZ: () => (/* binding */ tagValue),
/* harmony export */   FT: () => (/* binding */ tagResource),
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   Q2: () => (/* binding */ untagResource),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   dM: () => (/* binding */ describeServiceAnyStatus),
/* harmony export */   hs: () => (/* binding */ deleteService),
/* harmony export */   sR: () => (/* binding */ createService)
/* harmony export */ });
/* unused harmony export DESCRIBE_SERVICES_BATCH */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8820);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(952);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9564);
/**
 * Services: the ECS calls every action makes on a service \u2014 describe (one or many, with tags), create, update,
 * delete, tag and untag. Thin: no logging, no waiting; the deploy code decides what a call means.
 */





/** DescribeServices accepts at most 10 services a call. */
const DESCRIBE_SERVICES_BATCH = 10;
/**
 * DescribeServices for one service. Returns the service whatever its status (ACTIVE, DRAINING, INACTIVE), with its
 * deployments and its most recent events (ECS returns up to 100, newest first), or undefined when ECS reports it
 * MISSING. Other `failures` entries throw EcsFailureError; SDK errors (ClusterNotFoundException...) propagate.
 */
async function describeServiceAnyStatus(ecs, cluster, service, opts = {}) {
    const found = await describeServices(ecs, cluster, [service], opts);
    return found.get(service);
}
/** Like describeServiceAnyStatus, but an INACTIVE service (deleted, still listed for a while) is undefined too. */
async function describeService(ecs, cluster, service, opts = {}) {
    const found = await describeServiceAnyStatus(ecs, cluster, service, opts);
    return found?.status === 'INACTIVE' ? undefined : found;
}
/**
 * DescribeServices for several services (batches of 10), keyed by the name or ARN asked for. A service ECS reports
 * MISSING is absent from the map; any other failure throws EcsFailureError.
 */
async function describeServices(ecs, cluster, services, opts = {}) {
    const result = new Map();
    for (let i = 0; i < services.length; i += DESCRIBE_SERVICES_BATCH) {
        const batch = services.slice(i, i + DESCRIBE_SERVICES_BATCH);
        opts.onCall?.('DescribeServices');
        const input = { cluster, services: batch, ...(opts.tags === true ? { include: ['TAGS'] } : {}) };
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServicesCommand */ .H7c(input), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
        for (const found of out.services ?? []) {
            // One name asked, one service answered: that is it (whatever form of the name the answer uses).
            const asked = batch.length === 1 ? batch[0] : batch.find((s) => s === found.serviceName || s === found.serviceArn);
            if (asked !== undefined)
                result.set(asked, found);
        }
        for (const failure of out.failures ?? []) {
            if (failure.reason !== 'MISSING')
                throw new _failures_js__WEBPACK_IMPORTED_MODULE_2__/* .EcsFailureError */ .K('DescribeServices', failure);
        }
    }
    return result;
}
/** CreateService. A client token (kept when the input has one) makes the SDK's own retries idempotent. */
async function createService(ecs, input, opts = {}) {
    opts.onCall?.('CreateService');
    const idempotent = { ...input, clientToken: input.clientToken ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)() };
    return (await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .CreateServiceCommand */ .JkR(idempotent), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts))).service;
}
async function updateService(ecs, input, opts = {}) {
    opts.onCall?.('UpdateService');
    return (await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .UpdateServiceCommand */ .kZr(input), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts))).service;
}
/**
 * DeleteService with `force` (a service scaled above 0 can be deleted; its tasks are stopped). Returns the
 * DRAINING service, or undefined when ECS no longer knows it (ServiceNotFoundException): already gone.
 */
async function deleteService(ecs, cluster, service, opts = {}) {
    opts.onCall?.('DeleteService');
    try {
        return (await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DeleteServiceCommand */ .o6q({ cluster, service, force: true }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts))).service ?? {};
    }
    catch (e) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .hasErrorName */ .uI)(e, 'ServiceNotFoundException'))
            return undefined;
        throw e;
    }
}
/** TagResource on a service, task definition or cluster ARN (adds or overwrites the given keys). */
async function tagResource(ecs, resourceArn, tags, opts = {}) {
    if (tags.length === 0)
        return;
    opts.onCall?.('TagResource');
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .TagResourceCommand */ .eqU({ resourceArn, tags: [...tags] }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
}
async function untagResource(ecs, resourceArn, tagKeys, opts = {}) {
    if (tagKeys.length === 0)
        return;
    opts.onCall?.('UntagResource');
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .UntagResourceCommand */ .RP$({ resourceArn, tagKeys: [...tagKeys] }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
}
/** The value of tag `key` of a described service (DescribeServices with `tags: true`). */
function tagValue(service, key) {
    return service?.tags?.find((t) => t.key === key)?.value;
}


/***/ }),

/***/ 1397:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JL: () => (/* binding */ sameTaskDefinition),
/* harmony export */   KW: () => (/* binding */ familyRevision),
/* harmony export */   Tj: () => (/* binding */ taskDefinitionRefProblem)
/* harmony export */ });
/* unused harmony export isTaskDefinitionRef */
/**
 * True when two task definition references name the same revision. A full ARN
 * (`arn:aws:ecs:<region>:<account>:task-definition/web:3`) matches itself and its `family:revision` short form.
 */
function sameTaskDefinition(a, b) {
    if (a === undefined || b === undefined)
        return false;
    if (a === b)
        return true;
    return familyRevision(a) === familyRevision(b) && (!isArn(a) || !isArn(b));
}
function isArn(ref) {
    return ref.startsWith('arn:');
}
/** `web:3` from an ARN or a `family:revision`. */
function familyRevision(ref) {
    const slash = ref.lastIndexOf('/');
    return isArn(ref) && slash >= 0 ? ref.slice(slash + 1) : ref;
}
/** "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." (family) */
const FAMILY = '[A-Za-z0-9_-]{1,255}';
const REVISION = '[1-9][0-9]{0,8}';
const FAMILY_REVISION = new RegExp(`^${FAMILY}:${REVISION}$`);
const TASK_DEFINITION_ARN = new RegExp(`^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition/${FAMILY}:${REVISION}$`);
/** True for a full task definition ARN or a `family:revision` (a bare family, whose latest revision changes, is not). */
function isTaskDefinitionRef(ref) {
    return FAMILY_REVISION.test(ref) || TASK_DEFINITION_ARN.test(ref);
}
/** Why `ref` is not a task definition reference (for a ConfigurationError), or undefined when it is one. */
function taskDefinitionRefProblem(ref) {
    if (isTaskDefinitionRef(ref))
        return undefined;
    const hint = ref.startsWith('arn:')
        ? 'expected a task definition ARN, arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>'
        : /^[A-Za-z0-9_-]+$/.test(ref)
            ? 'a revision is required: write <family>:<revision> (e.g. web:7) or the full task definition ARN'
            : 'expected a task definition ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>) or <family>:<revision>';
    return `'${ref}' is not a task definition reference: ${hint}`;
}


/***/ }),

/***/ 1981:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ resolveTaskDefinition),
/* harmony export */   _Y: () => (/* binding */ taskDefinitionTags),
/* harmony export */   l8: () => (/* binding */ listTaskDefinitionArns),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   yf: () => (/* binding */ describeLatestRevision)
/* harmony export */ });
/* unused harmony export registerTaskDefinition */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(952);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9054);
/* harmony import */ var _aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8820);
/* harmony import */ var _task_definition_refs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1397);
/**
 * Task definitions (S4, T1): where an action's task definition comes from (one type for every action), and the
 * DescribeTaskDefinition / RegisterTaskDefinition calls that resolve it to a registered revision.
 */





/**
 * A registered revision is looked up with DescribeTaskDefinition (a read, so a wrong reference fails before any
 * change); a file is registered. Either way the caller learns the whole task definition.
 */
async function resolveTaskDefinition(ecs, source, opts) {
    if (source.kind === 'file') {
        const definition = await registerTaskDefinition(ecs, source.definition, opts);
        return { ...labelled(definition, 'RegisterTaskDefinition'), definition, registered: true };
    }
    const definition = await describeTaskDefinition(ecs, source.ref, { ...opts, input: source.input });
    const resolved = { ...labelled(definition, `DescribeTaskDefinition ${source.ref}`), definition, registered: false };
    if (opts.inactive === 'refuse' && definition.status !== undefined && definition.status !== 'ACTIVE') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`task definition ${resolved.label} is ${definition.status}: ECS runs no new task and deploys no service from a ` +
            'deregistered revision; register it again (a new revision) or give an ACTIVE one', { input: source.input });
    }
    return resolved;
}
/**
 * DescribeTaskDefinition. With `input`, a reference ECS does not know (it answers ClientException "Unable to
 * describe task definition.") is a ConfigurationError blaming that input.
 */
async function describeTaskDefinition(ecs, ref, opts = {}) {
    opts.onCall?.('DescribeTaskDefinition');
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: ref }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
        return out.taskDefinition ?? {};
    }
    catch (e) {
        if (opts.input !== undefined && (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorName */ .uI)(e, 'ClientException', 'InvalidParameterException')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`task definition ${ref} cannot be used: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e)}`, { input: opts.input });
        }
        throw e;
    }
}
/**
 * The latest ACTIVE revision of `family` (DescribeTaskDefinition with a bare family answers it), or undefined when
 * the family has none: ECS then answers ClientException ("Unable to describe task definition.").
 */
async function describeLatestRevision(ecs, family, opts = {}) {
    opts.onCall?.('DescribeTaskDefinition');
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: family }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
        return out.taskDefinition;
    }
    catch (e) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrorName */ .uI)(e, 'ClientException'))
            return undefined;
        throw e;
    }
}
/** The tags of a task definition revision (DescribeTaskDefinition with `include: ['TAGS']`). */
async function taskDefinitionTags(ecs, ref, opts = {}) {
    opts.onCall?.('DescribeTaskDefinition');
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: ref, include: ['TAGS'] }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
    return out.tags ?? [];
}
async function registerTaskDefinition(ecs, input, opts = {}) {
    opts.onCall?.('RegisterTaskDefinition');
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .RegisterTaskDefinitionCommand */ .$Hl(input), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
    return out.taskDefinition ?? {};
}
/** ListTaskDefinitions, page by page; `visit` returns true to stop early (the ARNs seen so far are returned). */
async function listTaskDefinitionArns(ecs, req, visit = () => false, opts = {}) {
    const { maxPages, ...query } = req;
    const seen = [];
    let nextToken;
    for (let page = 0; page < maxPages; page++) {
        opts.onCall?.('ListTaskDefinitions');
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListTaskDefinitionsCommand */ .Pse({ ...query, maxResults: 100, ...(nextToken !== undefined ? { nextToken } : {}) }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOptions */ .$)(opts));
        for (const arn of out.taskDefinitionArns ?? []) {
            seen.push(arn);
            if (visit(arn))
                return seen;
        }
        nextToken = out.nextToken;
        if (nextToken === undefined || nextToken === '')
            break;
    }
    return seen;
}
function labelled(definition, call) {
    const arn = definition.taskDefinitionArn;
    if (arn === undefined)
        throw new Error(`${call} returned no task definition ARN`);
    const label = definition.revision !== undefined && definition.family !== undefined ? `${definition.family}:${definition.revision}` : (0,_task_definition_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .familyRevision */ .KW)(arn);
    return { arn, label };
}


/***/ }),

/***/ 9417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S8: () => (/* binding */ stopTask),
/* harmony export */   T6: () => (/* binding */ describeTaskBatch),
/* harmony export */   ZZ: () => (/* binding */ runTask),
/* harmony export */   lI: () => (/* binding */ listServiceTaskArns),
/* harmony export */   yz: () => (/* binding */ describeTasks)
/* harmony export */ });
/* unused harmony export DESCRIBE_TASKS_BATCH */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _aws_call_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8820);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9564);



/** DescribeTasks accepts at most 100 task ARNs per call. */
const DESCRIBE_TASKS_BATCH = 100;
/** ListTasks for one service, following nextToken (100 per page). */
async function listServiceTaskArns(ecs, req, opts = {}) {
    const arns = [];
    let nextToken;
    let pages = 0;
    do {
        opts.onCall?.('ListTasks');
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .ListTasksCommand */ .MYg({
            cluster: req.cluster,
            serviceName: req.serviceName,
            ...(req.desiredStatus !== undefined ? { desiredStatus: req.desiredStatus } : {}),
            maxResults: 100,
            ...(nextToken !== undefined ? { nextToken } : {}),
        }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_2__/* .httpOptions */ .$)(opts));
        arns.push(...(out.taskArns ?? []));
        nextToken = out.nextToken;
        pages += 1;
    } while (nextToken !== undefined && nextToken !== '' && (req.maxPages === undefined || pages < req.maxPages));
    return arns;
}
/**
 * DescribeTasks in batches of at most 100 ARNs. MISSING failures are returned in `missing`; any other failure
 * throws EcsFailureError.
 */
async function describeTasks(ecs, cluster, taskArns, opts = {}) {
    const result = { tasks: [], missing: [] };
    for (let i = 0; i < taskArns.length; i += DESCRIBE_TASKS_BATCH) {
        const out = await describeTaskBatch(ecs, cluster, taskArns.slice(i, i + DESCRIBE_TASKS_BATCH), opts);
        result.tasks.push(...out.tasks);
        for (const failure of out.failures) {
            if (failure.reason === 'MISSING')
                result.missing.push(failure.arn ?? '');
            else
                throw new _failures_js__WEBPACK_IMPORTED_MODULE_0__/* .EcsFailureError */ .K('DescribeTasks', failure);
        }
    }
    return result;
}
/** One DescribeTasks call (at most 100 ARNs), its tasks and its `failures` entries as ECS gave them. */
async function describeTaskBatch(ecs, cluster, taskArns, opts = {}) {
    if (taskArns.length > DESCRIBE_TASKS_BATCH)
        throw new Error(`BUG: DescribeTasks takes at most ${DESCRIBE_TASKS_BATCH} tasks`);
    opts.onCall?.('DescribeTasks');
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeTasksCommand */ .z8X({ cluster, tasks: [...taskArns] }), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_2__/* .httpOptions */ .$)(opts));
    return { tasks: out.tasks ?? [], failures: out.failures ?? [] };
}
/** RunTask (at most 10 tasks a call; the caller batches and sets a client token per call). */
async function runTask(ecs, input, opts = {}) {
    opts.onCall?.('RunTask');
    return ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .RunTaskCommand */ ._eD(input), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_2__/* .httpOptions */ .$)(opts));
}
/** StopTask; returns the task as ECS answered (lastStatus STOPPED when it had already stopped). */
async function stopTask(ecs, req, opts = {}) {
    opts.onCall?.('StopTask');
    return (await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .StopTaskCommand */ .PP1(req), (0,_aws_call_options_js__WEBPACK_IMPORTED_MODULE_2__/* .httpOptions */ .$)(opts))).task;
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

// EXTERNAL MODULE: ./.build/dist-src/src/core/poll/index.js + 3 modules
var poll = __webpack_require__(6074);
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
        if (reports.length >= minimum && reports.every((t) => t.state === 'healthy'))
            return 'healthy';
        // Issue 17: every target registered and passing its first checks: healthy any moment; otherwise tasks still start.
        r.pace(reports.length >= minimum && reports.every((t) => SETTLED.has(t.state)) ? { kind: 'near' } : { kind: 'idle' });
        return undefined;
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













/***/ }),

/***/ 9747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ Inputs)
});

// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/io/json-scanner.js
/**
 * A strict JSON (RFC 8259) scanner that only finds where text stops being JSON. It walks the text once, builds no
 * value (JSON.parse does that), and throws JsonSyntax at the first error with its offset and a reason a person can act
 * on. structured-text.ts turns the offset into a line and column.
 */
/** The first JSON syntax error: where it is (offset into the text) and why. */
class JsonSyntax extends Error {
    offset;
    reason;
    constructor(offset, reason) {
        super(reason);
        this.offset = offset;
        this.reason = reason;
    }
}
const WHITESPACE = ' \t\n\r';
const SINGLE_CHARACTER_ESCAPES = '"\\/bfnrt';
const LITERALS = ['true', 'false', 'null'];
/** The scan of one text: the position and the objects and arrays open there. */
class JsonScanner {
    text;
    /** Offset of the next character to read. */
    at = 0;
    /** The closing bracket of each object and array open at the scan position, innermost last. */
    open = [];
    /** Sticky (`y`), so it matches only at `lastIndex`; one per scanner, as `lastIndex` is state. */
    numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    constructor(text) {
        this.text = text;
    }
    /** One JSON value with only whitespace around it; throws JsonSyntax at the first error. */
    document() {
        this.value();
        this.skipWhitespace();
        if (this.at < this.text.length)
            this.fail(`unexpected ${JSON.stringify(this.text[this.at])} after the end of the JSON value`);
    }
    /**
     * One value however deeply nested: open objects and arrays are kept on `open` instead of the call stack, so a
     * thousands-deep `[[[[` is located like any other error rather than overflowing the stack.
     */
    value() {
        for (;;) {
            this.skipWhitespace();
            const c = this.text[this.at];
            if (c === '{' || c === '[') {
                if (this.opens(c === '{' ? '}' : ']'))
                    continue;
            }
            else
                this.scalar();
            if (!this.nextMember())
                return;
        }
    }
    /**
     * From an opening bracket (at the scan position): false when the object or array is empty (and consumed); true when
     * it is now open and its first value is next (for an object, after the property name and colon).
     */
    opens(close) {
        this.at++;
        this.skipWhitespace();
        if (this.text[this.at] === close) {
            this.at++;
            return false;
        }
        this.open.push(close);
        if (close === '}')
            this.propertyName();
        return true;
    }
    /**
     * After a complete value: closes the objects and arrays it completes; true when another member's value is next (for
     * an object, after its property name and colon), false when the outermost value is complete.
     */
    nextMember() {
        for (;;) {
            const close = this.open.at(-1);
            if (close === undefined)
                return false;
            this.skipWhitespace();
            if (this.text[this.at] === ',') {
                this.at++;
                this.skipWhitespace();
                if (this.text[this.at] === close)
                    this.fail(`trailing comma before ${close}`);
                if (close === '}')
                    this.propertyName();
                return true;
            }
            this.expect(close, `',' or '${close}'`);
            this.open.pop();
        }
    }
    /** `"name":` inside an object. */
    propertyName() {
        this.skipWhitespace();
        if (this.text[this.at] !== '"')
            this.fail(`expected a double-quoted property name, found ${this.foundHere()}`);
        this.string();
        this.expect(':', "':' after the property name");
    }
    /** A string, true, false, null or a number at the scan position. */
    scalar() {
        if (this.text[this.at] === '"')
            return this.string();
        if (this.literal() || this.number())
            return;
        this.fail(`unexpected ${this.foundHere()}`);
    }
    string() {
        const start = this.at;
        this.at++;
        for (;;) {
            if (this.at >= this.text.length)
                this.fail('unterminated string', start);
            const c = this.text.charCodeAt(this.at);
            if (c === 0x22)
                break;
            if (c < 0x20)
                this.fail('control character (such as a newline) inside a string; write it as an escape like \\n');
            if (c === 0x5c)
                this.escape();
            else
                this.at++;
        }
        this.at++;
    }
    /** A backslash escape inside a string, from its backslash (at the scan position). */
    escape() {
        const esc = this.text[this.at + 1];
        if (esc === 'u') {
            if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6)))
                this.fail('bad \\u escape in string');
            this.at += 6;
            return;
        }
        if (esc === undefined || !SINGLE_CHARACTER_ESCAPES.includes(esc))
            this.fail(`bad escape \\${esc ?? ''} in string`);
        this.at += 2;
    }
    /** true, false or null at the scan position (consumed); false when there is none. */
    literal() {
        const found = LITERALS.find((lit) => this.text.startsWith(lit, this.at));
        if (found === undefined)
            return false;
        this.at += found.length;
        return true;
    }
    /** A number at the scan position (consumed); false when there is none. */
    number() {
        const c = this.text[this.at];
        if (c === undefined || !/[-0-9]/.test(c))
            return false;
        this.numberPattern.lastIndex = this.at;
        if (!this.numberPattern.test(this.text))
            return false;
        this.at = this.numberPattern.lastIndex;
        return true;
    }
    expect(ch, what) {
        this.skipWhitespace();
        if (this.text[this.at] !== ch)
            this.fail(`expected ${what}, found ${this.foundHere()}`);
        this.at++;
    }
    skipWhitespace() {
        while (this.at < this.text.length && WHITESPACE.includes(this.text[this.at]))
            this.at++;
    }
    /** What is at the scan position, for a message: "end of input" or `character "x"`. */
    foundHere() {
        return this.at >= this.text.length ? 'end of input' : `character ${JSON.stringify(this.text[this.at])}`;
    }
    fail(reason, offset = this.at) {
        throw new JsonSyntax(offset, reason);
    }
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/io/scalar-text.js
var scalar_text = __webpack_require__(2682);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/io/structured-text.js
/**
 * Parsing JSON and YAML text with the 1-based line (and column) of the first syntax error, so a message can say
 * "input 'overrides', line 3" or "deploy/td.yaml:12". JSON.parse's messages differ between Node versions and often
 * give no position, so a small strict scanner (json-scanner.ts) locates JSON errors itself.
 */



/** Strict JSON (RFC 8259). */
function parseJsonText(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (e) {
        const found = locateJsonError(text);
        const offset = found?.offset ?? 0;
        const reason = found?.reason ?? (e instanceof Error ? e.message : String(e));
        return { ok: false, format: 'JSON', ...lineAndColumn(text, offset), reason };
    }
}
/**
 * JSON or YAML, decided by content: valid JSON is JSON; anything else is parsed as YAML 1.2 (a superset of JSON's
 * syntax, so flow-style `{a: 1}` works). When the text starts like JSON (`{` or `[`) and is neither valid JSON nor
 * valid YAML, the JSON error is reported, as that is what the author meant to write.
 */
function parseYamlOrJsonText(text) {
    return withoutText(parseYamlOrJsonDocument(text));
}
/** As parseYamlOrJsonText, with the text of each number or boolean (JSON's tokens read back through YAML). */
function parseYamlOrJsonDocument(text) {
    const json = parseJsonText(text);
    if (json.ok)
        return { ...json, scalarText: (0,scalar_text/* scalarTextOf */.Vb)((0,dist/* parseDocument */.Tp)(text)) };
    const yaml = parseYamlDocument(text);
    if (yaml.ok)
        return yaml;
    return /^\s*[[{]/.test(text) ? json : yaml;
}
/** One YAML 1.2 document (duplicate keys and multiple documents are errors). */
function parseYamlText(text) {
    return withoutText(parseYamlDocument(text));
}
function parseYamlDocument(text) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true });
    const err = doc.errors[0];
    if (err !== undefined) {
        const pos = err.linePos?.[0];
        const reason = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
        return { ok: false, format: 'YAML', line: pos?.line ?? 1, column: pos?.col ?? 1, reason };
    }
    (0,scalar_text/* keepKeyText */.kX)(doc);
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }), scalarText: (0,scalar_text/* scalarTextOf */.Vb)(doc) };
}
function withoutText(result) {
    return result.ok ? { ok: true, value: result.value } : result;
}
function lineAndColumn(text, offset) {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const line = before.split('\n').length;
    const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column };
}
/** Offset and reason of the first JSON syntax error in `text`, or undefined when it is valid JSON. */
function locateJsonError(text) {
    try {
        new JsonScanner(text).document();
        return undefined;
    }
    catch (e) {
        if (e instanceof JsonSyntax)
            return { offset: e.offset, reason: e.reason };
        throw e;
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/inputs.js
/**
 * Typed readers over the action's inputs. Every reader throws a ConfigurationError naming the input (S3), so an
 * action validates all of its inputs before its first AWS call. Reading a name that is not in the action's declared
 * list (its INPUT_NAMES, kept equal to action.yml by test/unit/action-inputs.test.ts) is a programming bug and throws
 * a plain Error.
 */


const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
class Inputs {
    source;
    declared;
    constructor(source, declared) {
        this.source = source;
        this.declared = new Set(declared);
    }
    /** The trimmed value, '' when unset. */
    raw(name) {
        if (!this.declared.has(name)) {
            throw new Error(`BUG: input '${name}' is read but not declared (declared: ${[...this.declared].join(', ')})`);
        }
        return this.source(name).trim();
    }
    /** True when the input has a non-empty value. */
    has(name) {
        return this.raw(name) !== '';
    }
    required(name) {
        const v = this.raw(name);
        if (v === '')
            throw new errors/* ConfigurationError */.j1('a value is required', { input: name });
        return v;
    }
    optional(name) {
        const v = this.raw(name);
        return v === '' ? undefined : v;
    }
    /** YAML 1.2 core schema booleans, as @actions/core getBooleanInput: true/True/TRUE/false/False/FALSE. */
    boolean(name, defaultValue) {
        const v = this.raw(name);
        if (v === '')
            return defaultValue;
        if (TRUE_VALUES.includes(v))
            return true;
        if (FALSE_VALUES.includes(v))
            return false;
        throw new errors/* ConfigurationError */.j1(`expected a boolean (true or false), got '${v}'`, { input: name });
    }
    integer(name, opts = {}) {
        const v = this.raw(name);
        if (v === '')
            return opts.default;
        const n = /^[+-]?\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isSafeInteger(n) || !within(n, opts)) {
            throw new errors/* ConfigurationError */.j1(`expected ${describeBounds('a whole number', opts)}, got '${v}'`, { input: name });
        }
        return n;
    }
    number(name, opts = {}) {
        const v = this.raw(name);
        if (v === '')
            return opts.default;
        const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n) || !within(n, opts)) {
            throw new errors/* ConfigurationError */.j1(`expected ${describeBounds('a number', opts)}, got '${v}'`, { input: name });
        }
        return n;
    }
    enumValue(name, allowed, defaultValue) {
        const v = this.raw(name);
        if (v === '')
            return defaultValue;
        const exact = allowed.find((a) => a === v);
        if (exact !== undefined)
            return exact;
        const folded = allowed.filter((a) => a.toLowerCase() === v.toLowerCase());
        if (folded.length === 1)
            return folded[0];
        throw new errors/* ConfigurationError */.j1(`expected one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${v}'`, {
            input: name,
        });
    }
    /** Parsed JSON, undefined when unset. Syntax errors give the line within the input's value. */
    json(name) {
        const v = this.raw(name);
        return v === '' ? undefined : unwrap(name, parseJsonText(v));
    }
    /** Parsed JSON or YAML (by content), undefined when unset. Syntax errors give the line within the value. */
    yamlOrJson(name) {
        return this.yamlOrJsonDocument(name)?.value;
    }
    /** As yamlOrJson, with the text each number or boolean was written as (`1.10`), for members that want a string. */
    yamlOrJsonDocument(name) {
        const v = this.raw(name);
        if (v === '')
            return undefined;
        const parsed = parseYamlOrJsonDocument(v);
        const value = unwrap(name, parsed);
        return { value, scalarText: parsed.ok ? parsed.scalarText : () => undefined };
    }
    /** Items separated by newlines and/or commas, trimmed, empty items dropped; [] when unset. */
    list(name) {
        return this.raw(name)
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
    }
    exclusive(a, b, opts = {}) {
        const va = this.raw(a);
        const vb = this.raw(b);
        if (va !== '' && vb !== '') {
            throw new errors/* ConfigurationError */.j1(`give either '${a}' or '${b}', not both`, { input: a });
        }
        if (va !== '')
            return { name: a, value: va };
        if (vb !== '')
            return { name: b, value: vb };
        if (opts.required === true) {
            throw new errors/* ConfigurationError */.j1(`one of '${a}' or '${b}' is required`, { input: a });
        }
        return undefined;
    }
}
function within(n, b) {
    return (b.min === undefined || n >= b.min) && (b.max === undefined || n <= b.max);
}
function describeBounds(what, b) {
    if (b.min !== undefined && b.max !== undefined)
        return `${what} from ${b.min} to ${b.max}`;
    if (b.min !== undefined)
        return `${what} of at least ${b.min}`;
    if (b.max !== undefined)
        return `${what} of at most ${b.max}`;
    return what;
}
function unwrap(name, r) {
    if (r.ok)
        return r.value;
    throw new errors/* ConfigurationError */.j1(`invalid ${r.format} at line ${r.line}, column ${r.column}: ${r.reason}`, {
        input: name,
    });
}


/***/ }),

/***/ 2682:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vb: () => (/* binding */ scalarTextOf),
/* harmony export */   kX: () => (/* binding */ keepKeyText),
/* harmony export */   zc: () => (/* binding */ nodeAtPath)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * The text a scalar was written as, read back from a parsed YAML (or JSON, which is YAML 1.2) document. YAML turns
 * `0123`, `1.10`, `1e3` or `True` into a number or a boolean; where the AWS request wants a string, the value the
 * user means is the text they wrote, not JavaScript's rendering of the number ("123", "1.1", "1000", "true").
 */

const MAX_MERGE_DEPTH = 16;
/**
 * Map keys written as numbers or booleans (`dockerLabels: {0042: x}`) keep their text as the key, as every
 * key of a JSON object or AWS string map is a string. Call before `doc.toJS()`.
 */
function keepKeyText(doc) {
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Pair(_, pair) {
            const key = pair.key;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key) || typeof key.source !== 'string')
                return;
            if (typeof key.value === 'number' || typeof key.value === 'boolean')
                key.value = key.source;
        },
    });
}
/** The ScalarText of `doc` (see ScalarText). */
function scalarTextOf(doc) {
    return (path, value) => {
        const found = nodeAtPath(doc, path);
        const node = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(found?.node) ? found.node.resolve(doc) : found?.node;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || typeof node.source !== 'string')
            return undefined;
        return sameValue(node.value, value) ? node.source : undefined;
    };
}
/** The node at `path`, following aliases and `<<` merge keys as `toJS` does; undefined where nothing is. */
function nodeAtPath(doc, path) {
    let found = { node: doc.contents };
    for (const segment of path) {
        const node = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(found.node) ? found.node.resolve(doc) : found.node;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = member(doc, node, String(segment), 0);
            if (pair === undefined)
                return undefined;
            found = { node: pair.value, key: pair.key };
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
            found = { node: node.items[segment] };
        }
        else {
            return undefined;
        }
    }
    return found;
}
/**
 * The pair named `name` as `toJS` picks it: the map's own (the last, if two keys name the same thing, like `1` and
 * `"1"`), else from its merge sources in order (the first that has it wins).
 */
function member(doc, map, name, depth) {
    const own = map.items.findLast((p) => !isMergePair(p) && keyName(p.key) === name);
    if (own !== undefined || depth > MAX_MERGE_DEPTH)
        return own;
    for (const pair of map.items.filter(isMergePair)) {
        const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(pair.value) ? pair.value.resolve(doc) : pair.value;
        const sources = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value) ? value.items : [value];
        for (const source of sources) {
            const resolved = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(source) ? source.resolve(doc) : source;
            const found = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(resolved) ? member(doc, resolved, name, depth + 1) : undefined;
            if (found !== undefined)
                return found;
        }
    }
    return undefined;
}
/** A `<<` key (only documents parsed with `merge: true` give it a symbol value). */
function isMergePair(pair) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && typeof pair.key.value === 'symbol' && pair.key.value.description === '<<';
}
/** The key as `toJS` names it in a plain object. */
function keyName(key) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key))
        return key.value === null || key.value === undefined ? '' : String(key.value);
    return String(key);
}
function sameValue(a, b) {
    if (a instanceof Date && b instanceof Date)
        return a.getTime() === b.getTime();
    return Object.is(a, b);
}


/***/ }),

/***/ 4158:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aq: () => (/* binding */ hideSensitiveEnvironment)
/* harmony export */ });
/* unused harmony exports isSensitiveName, fingerprint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/**
 * S11 for what the actions print themselves (dry-run diffs, request previews): environment variables whose names
 * say they hold a secret are shown as a short fingerprint, so a change is still visible but the value is not.
 * (Values that look like tokens are masked anyway by Outputs.redact; this catches plain passwords.)
 */

const SENSITIVE_NAME = /pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth/i;
function isSensitiveName(name) {
    return SENSITIVE_NAME.test(name);
}
/** `***` plus the first 8 hex digits of the value's SHA-256: equal values print equal, the value does not print. */
function fingerprint(value) {
    return `*** (sha256 ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(value).digest('hex').slice(0, 8)})`;
}
/** A copy of `{ name, value }` entries with the values of sensitive names replaced by their fingerprint. */
function hideSensitiveEnvironment(entries) {
    return entries.map((e) => typeof e.name === 'string' && typeof e.value === 'string' && isSensitiveName(e.name) ? { ...e, value: fingerprint(e.value) } : e);
}


/***/ }),

/***/ 5858:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CF: () => (/* binding */ SummaryBuilder)
/* harmony export */ });
/* unused harmony exports escapeCell, escapeHtml */
class SummaryBuilder {
    blocks = [];
    /** `## text` (level 1 to 6). */
    heading(text, level = 2) {
        this.blocks.push(`${'#'.repeat(level)} ${oneLine(text)}`);
        return this;
    }
    paragraph(text) {
        this.blocks.push(text.trim());
        return this;
    }
    /** A two-column table (default headers Name / Value); rows from pairs or a record, in order. */
    keyValueTable(rows, headers = ['Name', 'Value']) {
        const pairs = isIterable(rows) ? [...rows] : Object.entries(rows);
        return this.table(headers, pairs.map(([k, v]) => [k, v]));
    }
    /** A table with a header row; cells are escaped (`|` and newlines), short rows padded. */
    table(header, rows) {
        const width = Math.max(header.length, ...rows.map((r) => r.length));
        const line = (cells) => `| ${Array.from({ length: width }, (_, i) => escapeCell(cells[i])).join(' | ')} |`;
        this.blocks.push([line(header), `|${' --- |'.repeat(width)}`, ...rows.map(line)].join('\n'));
        return this;
    }
    /** A fenced code block; the fence is longer than any run of backticks inside `code`. */
    codeBlock(code, language = '') {
        const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
        const fence = '`'.repeat(longest + 1);
        this.blocks.push(`${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}`);
        return this;
    }
    /** A collapsible section; `body` is Markdown (e.g. another builder's toString()). */
    details(summary, body) {
        this.blocks.push(`<details><summary>${escapeHtml(oneLine(summary))}</summary>\n\n${body.trim()}\n\n</details>`);
        return this;
    }
    /** Markdown as given. */
    raw(markdown) {
        this.blocks.push(markdown.trim());
        return this;
    }
    isEmpty() {
        return this.blocks.length === 0;
    }
    toString() {
        return this.blocks.length === 0 ? '' : `${this.blocks.join('\n\n')}\n`;
    }
}
/** A table cell: `|` escaped, line breaks as `<br>`, undefined as empty. */
function escapeCell(value) {
    if (value === undefined)
        return '';
    return String(value)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n|\r/g, '<br>')
        .trim();
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
function isIterable(x) {
    return typeof x === 'object' && x !== null && Symbol.iterator in x;
}


/***/ }),

/***/ 6794:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U1: () => (/* reexport */ SERVICE_DEFINITION),
  ML: () => (/* reexport */ TASK_DEFINITION),
  FK: () => (/* reexport */ schema_check/* checkAgainstSchema */.FK),
  K7: () => (/* reexport */ checkManifest),
  Ho: () => (/* reexport */ fargateSizeProblem),
  vZ: () => (/* reexport */ formatFieldPath),
  eY: () => (/* reexport */ parse_loadManifest),
  M5: () => (/* reexport */ loadRunTaskRequest),
  Wc: () => (/* reexport */ loadScalableTargets),
  Er: () => (/* reexport */ loadScalingPolicies),
  $5: () => (/* reexport */ loadTaskDefinition),
  TT: () => (/* reexport */ parseCpuUnits),
  lk: () => (/* reexport */ parseMemoryMiB)
});

// UNUSED EXPORTS: KNOWN_PLACEHOLDERS, MAX_LISTED_PROBLEMS, ManifestError, RUN_TASK_REQUEST, SCALABLE_TARGETS, SCALING_POLICIES, TASK_DEFINITION_READ_ONLY_FIELDS, checkManifestList, detectFormat, dropNulls, loadServiceDefinition, parseManifestText, resolveManifestPath, sanitiseScalableTargets, sanitiseScalingPolicies, sanitiseTaskDefinition, setContainerImage, substitutePlaceholders

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var core_errors = __webpack_require__(9054);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/paths.js
/**
 * Manifest paths resolve against the workspace (GITHUB_WORKSPACE) and may not leave it \u2014 not with `..`, not as an
 * absolute path elsewhere, not through a symlink that points outside (checked on the real path) \u2014 except into the
 * runner's temporary folder (RUNNER_TEMP), where earlier steps such as aws-actions/amazon-ecs-render-task-definition
 * write the files they produce. Containment is decided by path segments: `..td.json` is a file in the workspace.
 */



/** True when `target` is `root` or lies below it (both absolute, already normalised), judged by path segments. */
function isInside(root, target) {
    const rel = external_node_path_.relative(root, target);
    if (rel === '')
        return true;
    return !external_node_path_.isAbsolute(rel) && rel.split(external_node_path_.sep)[0] !== '..';
}
/**
 * The absolute real path of the manifest `userPath` (as the user wrote it in input `inputName`).
 * Throws a ConfigurationError naming the input and the path when the path is empty, is neither in the workspace nor
 * under RUNNER_TEMP, does not exist, or is not a regular file.
 */
async function resolveManifestPath(roots, userPath, inputName) {
    const where = { input: inputName, file: userPath };
    if (userPath.trim() === '')
        throw new core_errors/* ConfigurationError */.j1('the manifest path is empty', { input: inputName });
    if (roots.workspace === '') {
        throw new core_errors/* ConfigurationError */.j1('GITHUB_WORKSPACE is not set, so the manifest path cannot be resolved', where);
    }
    const root = external_node_path_.resolve(roots.workspace);
    const temp = roots.runnerTemp === undefined || roots.runnerTemp === '' ? undefined : external_node_path_.resolve(roots.runnerTemp);
    const candidate = external_node_path_.resolve(root, userPath);
    const allowed = temp === undefined ? [root] : [root, temp];
    if (!allowed.some((r) => isInside(r, candidate))) {
        const orTemp = temp === undefined ? '' : ` (or under RUNNER_TEMP ${temp})`;
        throw new core_errors/* ConfigurationError */.j1(`the path leaves the workspace ${root}; manifests must be inside it${orTemp}`, where);
    }
    const realRoot = await realpathOr(root, () => {
        throw new core_errors/* ConfigurationError */.j1(`the workspace ${root} does not exist`, where);
    });
    const realFile = await realpathOr(candidate, () => {
        throw new core_errors/* ConfigurationError */.j1(`file not found: ${candidate} (paths are relative to the workspace ${root})`, where);
    });
    await refuseLinkOutside(realFile, realRoot, temp, where);
    const info = await (0,promises_.stat)(realFile);
    if (!info.isFile())
        throw new core_errors/* ConfigurationError */.j1(`${candidate} is not a file`, where);
    return realFile;
}
/** The real file must lie in the real workspace or the real RUNNER_TEMP: a symlink may not lead elsewhere. */
async function refuseLinkOutside(realFile, realRoot, temp, where) {
    if (isInside(realRoot, realFile))
        return;
    const realTemp = temp === undefined ? undefined : await (0,promises_.realpath)(temp).catch(() => undefined);
    if (realTemp !== undefined && isInside(realTemp, realFile))
        return;
    const orTemp = realTemp === undefined ? '' : ` and outside RUNNER_TEMP ${realTemp}`;
    throw new core_errors/* ConfigurationError */.j1(`the path resolves (through a symbolic link) to ${realFile}, outside the workspace ${realRoot}${orTemp}`, where);
}
async function realpathOr(p, onMissing) {
    try {
        return await (0,promises_.realpath)(p);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            onMissing();
        throw e;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/dist-src/src/core/io/scalar-text.js
var scalar_text = __webpack_require__(2682);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/problems.js
/**
 * Collecting the problems found in one manifest, so the user sees all of them at once (first N), each with its
 * file, line and field path.
 */

/** How many problems one error message lists before it says "and N more". */
const MAX_LISTED_PROBLEMS = 20;
const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;
/** `containerDefinitions[1].portMappings[0].containerPort`; odd map keys are quoted: `dockerLabels["a b"]`. */
function formatFieldPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (IDENTIFIER.test(segment))
            out += out === '' ? segment : `.${segment}`;
        else
            out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}
/**
 * Several located problems in one manifest. Its own location is the first problem's, so code that reads
 * `location.line` gets a useful answer; the message lists every problem (up to MAX_LISTED_PROBLEMS).
 */
class ManifestError extends core_errors/* ConfigurationError */.j1 {
    problems;
    constructor(problems) {
        const first = problems[0];
        if (first === undefined)
            throw new Error('ManifestError needs at least one problem');
        super(summarise(problems), first.location);
        this.name = 'ManifestError';
        this.problems = problems;
    }
}
function summarise(problems) {
    const [first, ...rest] = problems;
    if (first === undefined)
        return '';
    if (rest.length === 0)
        return first.detail;
    const shown = rest
        .slice(0, MAX_LISTED_PROBLEMS - 1)
        .map((p) => `\n  - ${(0,core_errors/* formatLocated */.Cc)(p.detail, lineOnly(p.location))}`);
    const hidden = rest.length - shown.length;
    const more = hidden > 0 ? `\n  ... and ${hidden} more` : '';
    return `${first.detail}\n${problems.length} problems in this manifest; the others:${shown.join('')}${more}`;
}
/** In the list, the input name is already said once in the heading: repeat only file:line and field. */
function lineOnly(loc) {
    const { input: _input, ...rest } = loc;
    return rest;
}
/** Throws one ConfigurationError for a single problem, or a ManifestError listing several; nothing if none. */
function throwIfAny(problems) {
    if (problems.length === 1 && problems[0] !== undefined)
        throw problems[0];
    if (problems.length > 1)
        throw new ManifestError(problems);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/placeholders.js
/**
 * S2 placeholders, substituted in the manifest TEXT before parsing (so every line keeps its number):
 * `<+artifact.image>` and `<+primary.artifact.image>` \u2192 the `image` input; `<+targetGroupArn>` \u2192 the
 * blue/green stage target group. A placeholder without a value, or one we do not know, is an error naming
 * the file, the line and what is missing.
 */


const IMAGE = { name: 'image', value: (p) => p.image, missing: "needs input 'image'" };
const RULES = new Map([
    ['artifact.image', IMAGE],
    ['primary.artifact.image', IMAGE],
    [
        'targetGroupArn',
        {
            name: 'targetGroupArn',
            value: (p) => p.targetGroupArn,
            missing: 'needs the blue/green stage target group, which only ecs-bluegreen-swap (mode: deploy) resolves',
        },
    ],
]);
const PLACEHOLDER = /<\+([^>\r\n]*)>/g;
/**
 * A substituted value must not change the document's structure (no quotes, spaces, `#`, braces...): image
 * references and ARNs never contain such characters, so anything else is a mistake in the input.
 */
const SAFE_VALUE = /^[A-Za-z0-9._\-/:@+=,]+$/;
/** The placeholder names this module resolves, in the form users write them. */
const KNOWN_PLACEHOLDERS = [...RULES.keys()].map((k) => `<+${k}>`);
/**
 * Replaces every placeholder in `text`. `file` and `inputName` locate errors. All unresolved placeholders are
 * reported together.
 */
function substitutePlaceholders(text, file, placeholders, inputName) {
    return resolvePlaceholders(text, file, placeholders, inputName).text;
}
/**
 * As substitutePlaceholders, and where each value landed in the result: the text is substituted whole, comments
 * included (harmless there), so the parser can tell which values ended up in the document's content (parse.ts).
 */
function resolvePlaceholders(text, file, placeholders, inputName) {
    const problems = [];
    const resolved = [];
    const base = inputName === undefined ? { file } : { input: inputName, file };
    let shift = 0; // how much longer the result is than `text` before the current match
    const result = text.replace(PLACEHOLDER, (match, rawName, offset) => {
        const outcome = resolveOne(match, rawName.trim(), placeholders);
        if ('problem' in outcome) {
            problems.push(new core_errors/* ConfigurationError */.j1(outcome.problem, { ...base, line: lineAt(text, offset) }));
            return match;
        }
        const start = offset + shift;
        resolved.push({ name: outcome.name, start, end: start + outcome.value.length });
        shift += outcome.value.length - match.length;
        return outcome.value;
    });
    throwIfAny(problems);
    return { text: result, resolved };
}
/** The value of placeholder `name` (written as `match`), or why it has none. */
function resolveOne(match, name, placeholders) {
    const rule = RULES.get(name);
    if (rule === undefined)
        return { problem: `unknown placeholder ${match}; known placeholders: ${KNOWN_PLACEHOLDERS.join(', ')}` };
    const value = rule.value(placeholders);
    if (value === undefined || value === '')
        return { problem: `placeholder ${match} has no value: it ${rule.missing}` };
    if (!SAFE_VALUE.test(value)) {
        return { problem: `placeholder ${match}: its value contains characters an image reference or ARN cannot contain` };
    }
    return { name: rule.name, value };
}
/** 1-based line of `offset` in `text`. */
function lineAt(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line += 1;
    return line;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/parse.js
/**
 * Parsing a manifest: JSON or YAML decided by content (JSON when the first non-blank character is `{` or `[`),
 * with line-numbered syntax errors, keeping the document's positions so later checks can name a field's line.
 */







/** JSON when the content starts (after blanks and a BOM) with `{` or `[`, else YAML. */
function detectFormat(text) {
    const first = /\S/.exec(text.replace(/^\uFEFF/, ''));
    return first !== null && (first[0] === '{' || first[0] === '[') ? 'json' : 'yaml';
}
/**
 * Parses manifest text given inline (or read from a file): placeholders first (S2), then JSON or YAML.
 * `file` is how errors name the source (e.g. `input task-definition` for inline text).
 */
function parseManifestText(text, file, placeholders, inputName) {
    const { text: substituted, resolved } = resolvePlaceholders(text.replace(/^\uFEFF/, ''), file, placeholders, inputName);
    const base = inputName === undefined ? { file } : { input: inputName, file };
    const format = detectFormat(substituted);
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(substituted, { lineCounter, merge: true, prettyErrors: true, uniqueKeys: true });
    let value;
    if (format === 'json') {
        value = parseJson(substituted, base);
    }
    // For JSON, JSON.parse is the judge of syntax; of the YAML parser's complaints only duplicate keys count.
    const errors = format === 'json' ? doc.errors.filter((e) => e.code === 'DUPLICATE_KEY') : doc.errors;
    throwIfAny(errors.map((e) => {
        const pos = e.linePos?.[0];
        const what = format === 'json' ? 'JSON' : 'YAML';
        const at = pos === undefined ? '' : ` at line ${pos.line}, column ${pos.col}`;
        const loc = pos === undefined ? base : { ...base, line: pos.line };
        return new core_errors/* ConfigurationError */.j1(`${what} syntax error${at}: ${firstLine(e.message)}`, loc);
    }));
    if (format === 'yaml') {
        (0,scalar_text/* keepKeyText */.kX)(doc);
        value = doc.toJS({ maxAliasCount: 1000 });
    }
    if (value === null || value === undefined) {
        throw new core_errors/* ConfigurationError */.j1('the manifest is empty', base);
    }
    return {
        value,
        file,
        input: inputName,
        lineOf: (path) => lineOfPath(doc, lineCounter, path),
        scalarText: (0,scalar_text/* scalarTextOf */.Vb)(doc),
        placeholdersInContent: inContent(resolved, format === 'json' ? undefined : doc),
    };
}
/**
 * The names of the placeholders whose value stands inside a scalar of `doc`. JSON (no `doc`) has no comments, and
 * JSON.parse accepted the text, so every value there is content; in YAML a value outside every scalar is in a comment.
 */
function inContent(resolved, doc) {
    if (doc === undefined)
        return new Set(resolved.map((r) => r.name));
    const scalars = [];
    (0,dist/* visit */.YR)(doc, {
        Scalar(_key, node) {
            if (node.range)
                scalars.push([node.range[0], node.range[1]]);
        },
    });
    const inside = (r) => scalars.some(([start, end]) => r.start >= start && r.end <= end);
    return new Set(resolved.filter(inside).map((r) => r.name));
}
/**
 * Resolves `userPath` in the workspace (or RUNNER_TEMP; anything else is refused), reads it and parses it (see
 * parseManifestText).
 */
async function parse_loadManifest(roots, userPath, inputName, placeholders) {
    const real = await resolveManifestPath(roots, userPath, inputName);
    let text;
    try {
        text = await (0,promises_.readFile)(real, 'utf8');
    }
    catch (e) {
        throw new core_errors/* ConfigurationError */.j1(`cannot read the file: ${e.message}`, { input: inputName, file: userPath });
    }
    return parseManifestText(text, userPath, placeholders, inputName);
}
function parseJson(text, base) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        const message = e.message;
        const { line, column } = jsonErrorPosition(text, message);
        throw new core_errors/* ConfigurationError */.j1(`JSON syntax error at line ${line}, column ${column}: ${stripPosition(message)}`, {
            ...base,
            line,
        });
    }
}
/** Line and column of a JSON.parse error: from `at position N` (any Node), else `(line L column C)`, else the end. */
function jsonErrorPosition(text, message) {
    const pos = /at position (\d+)/.exec(message);
    const lc = /\(line (\d+) column (\d+)\)/.exec(message);
    if (pos === null && lc !== null)
        return { line: Number(lc[1]), column: Number(lc[2]) };
    // An error at the very end (truncated input) is shown on the last line that has content.
    const end = text.trimEnd().length;
    const offset = pos !== null ? Math.min(Number(pos[1]), end) : end;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { line, column };
}
function stripPosition(message) {
    return message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
}
function firstLine(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
function lineOfPath(doc, counter, path) {
    const found = (0,scalar_text/* nodeAtPath */.zc)(doc, path);
    const target = ((0,dist/* isScalar */.jn)(found?.key) ? found.key : found?.node);
    const offset = target?.range?.[0];
    return offset === undefined ? undefined : counter.linePos(offset).line;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/image.js

/**
 * A copy of `taskDefinition` in which the container named `containerName` runs `image`. A name that matches no
 * container is a ConfigurationError for input `container-name` listing the containers there are.
 */
function setContainerImage(taskDefinition, containerName, image) {
    const containers = taskDefinition.containerDefinitions ?? [];
    if (!containers.some((c) => c.name === containerName)) {
        const names = containers.map((c) => c.name).filter((n) => n !== undefined);
        const there = names.length === 0
            ? 'the task definition has no named containers'
            : `its containers are ${names.map((n) => `'${n}'`).join(', ')}`;
        throw new core_errors/* ConfigurationError */.j1(`no container named '${containerName}' in the task definition; ${there}`, {
            input: 'container-name',
        });
    }
    if (image.trim() === '')
        throw new core_errors/* ConfigurationError */.j1('the image is empty', { input: 'image' });
    return {
        ...taskDefinition,
        containerDefinitions: containers.map((c) => (c.name === containerName ? { ...c, image } : c)),
    };
}

// EXTERNAL MODULE: ./.build/dist-src/src/core/manifests/sanitise.js
var sanitise = __webpack_require__(9660);
// EXTERNAL MODULE: ./.build/dist-src/src/core/manifests/schema-check.js + 1 modules
var schema_check = __webpack_require__(6347);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/fargate.js
/**
 * Fargate task sizes. Task-level `cpu` is CPU units (`1024`) or vCPUs (`1 vCPU`, `1 vcpu`); `memory` is MiB
 * (`2048`) or GB (`2GB`, `2 GB`), as RegisterTaskDefinition documents. Valid combinations, from the ECS guide
 * ("Troubleshoot Amazon ECS task definition invalid CPU or memory errors") and the API reference:
 *   256 \u2192 512, 1024, 2048            512 \u2192 1024..4096 step 1024        1024 \u2192 2048..8192 step 1024
 *   2048 \u2192 4096..16384 step 1024     4096 \u2192 8192..30720 step 1024
 *   8192 \u2192 16384..61440 step 4096    16384 \u2192 32768..122880 step 8192
 */
const GB = 1024;
const FARGATE_SIZES = new Map([
    [256, { min: 512, max: 2 * GB, step: 512 }],
    [512, { min: 1 * GB, max: 4 * GB, step: GB }],
    [1024, { min: 2 * GB, max: 8 * GB, step: GB }],
    [2048, { min: 4 * GB, max: 16 * GB, step: GB }],
    [4096, { min: 8 * GB, max: 30 * GB, step: GB }],
    [8192, { min: 16 * GB, max: 60 * GB, step: 4 * GB }],
    [16384, { min: 32 * GB, max: 120 * GB, step: 8 * GB }],
]);
/** CPU units from `1024`, `0.25 vCPU`, `.5 vcpu`, `2 vCPU`; undefined when unreadable. */
function parseCpuUnits(value) {
    const s = value.trim();
    if (/^\d+$/.test(s))
        return Number(s);
    const v = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i.exec(s);
    return v === null ? undefined : Math.round(Number(v[1]) * 1024);
}
/** MiB from `2048`, `2GB`, `0.5 GB`; undefined when unreadable. */
function parseMemoryMiB(value) {
    const s = value.trim();
    if (/^\d+$/.test(s))
        return Number(s);
    const v = /^(\d+(?:\.\d+)?|\.\d+)\s*GB$/i.exec(s);
    return v === null ? undefined : Math.round(Number(v[1]) * GB);
}
/** The memory sizes (MiB) Fargate accepts with `cpu` units; empty when the cpu value itself is not a Fargate size. */
function fargateMemoryChoices(cpu) {
    const range = FARGATE_SIZES.get(cpu);
    if (range === undefined)
        return [];
    const out = [];
    for (let m = range.min; m <= range.max; m += range.step)
        out.push(m);
    return out;
}
/** Undefined when (cpu, memory) is a valid Fargate size, else why not. */
function fargateSizeProblem(cpu, memory) {
    const range = FARGATE_SIZES.get(cpu);
    if (range === undefined) {
        return `cpu ${cpu} is not a Fargate task size; use one of ${[...FARGATE_SIZES.keys()].join(', ')} CPU units`;
    }
    if (fargateMemoryChoices(cpu).includes(memory))
        return undefined;
    const { min, max, step } = range;
    const choices = cpu === 256 ? '512, 1024 or 2048' : `${min} to ${max} in steps of ${step}`;
    return `memory ${memory} MiB does not fit cpu ${cpu} on Fargate; with cpu ${cpu} use ${choices} MiB`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-cjs/index.js
var dist_cjs = __webpack_require__(1491);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/autoscaling-checks.js
function checkEcsTarget(request) {
    const problems = [];
    const ns = request['ServiceNamespace'];
    if (typeof ns === 'string' && ns !== 'ecs') {
        const detail = `ServiceNamespace must be \`ecs\` for an ECS service, not \`${ns}\``;
        problems.push({ path: ['ServiceNamespace'], detail });
    }
    const dim = request['ScalableDimension'];
    if (typeof dim === 'string' && dim !== 'ecs:service:DesiredCount') {
        problems.push({
            path: ['ScalableDimension'],
            detail: `ScalableDimension must be \`ecs:service:DesiredCount\` for an ECS service, not \`${dim}\``,
        });
    }
    return problems;
}
function checkScalableTarget(request) {
    const problems = checkEcsTarget(request);
    const min = request['MinCapacity'];
    const max = request['MaxCapacity'];
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
        problems.push({ path: ['MinCapacity'], detail: `MinCapacity (${min}) is greater than MaxCapacity (${max})` });
    }
    return problems;
}
const POLICY_CONFIGURATION = {
    TargetTrackingScaling: 'TargetTrackingScalingPolicyConfiguration',
    StepScaling: 'StepScalingPolicyConfiguration',
    PredictiveScaling: 'PredictiveScalingPolicyConfiguration',
};
function checkScalingPolicy(request) {
    const problems = checkEcsTarget(request);
    // PolicyType defaults to StepScaling when left out.
    const type = typeof request['PolicyType'] === 'string' ? request['PolicyType'] : 'StepScaling';
    const needed = POLICY_CONFIGURATION[type];
    if (needed === undefined) {
        problems.push({
            path: ['PolicyType'],
            detail: `unknown PolicyType \`${type}\`; use one of ${Object.keys(POLICY_CONFIGURATION).join(', ')}`,
        });
    }
    else if (request[needed] === undefined) {
        problems.push({ path: [needed], at: [], detail: `a ${type} policy needs \`${needed}\`` });
    }
    return problems;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/native-checks.js

const DC = 'deploymentConfiguration';
const NATIVE = ['BLUE_GREEN', 'LINEAR', 'CANARY'];
const PAUSE_NOT_AT = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];
function checkNativeDeployment(request) {
    const config = (0,schema_check/* isPlainObject */.Qd)(request[DC]) ? request[DC] : {};
    const strategy = typeof config['strategy'] === 'string' ? config['strategy'] : undefined;
    const native = strategy !== undefined && NATIVE.includes(strategy);
    const problems = [];
    const add = (path, detail) => {
        problems.push({ path, detail });
    };
    inRange(config['bakeTimeInMinutes'], [DC, 'bakeTimeInMinutes'], 0, 1440, add);
    configurationFor('LINEAR', 'linearConfiguration', strategy, config, add);
    configurationFor('CANARY', 'canaryConfiguration', strategy, config, add);
    const linear = (0,schema_check/* isPlainObject */.Qd)(config['linearConfiguration']) ? config['linearConfiguration'] : {};
    inRange(linear['stepPercent'], [DC, 'linearConfiguration', 'stepPercent'], 3, 100, add, 0.1);
    inRange(linear['stepBakeTimeInMinutes'], [DC, 'linearConfiguration', 'stepBakeTimeInMinutes'], 0, 1440, add);
    const canary = (0,schema_check/* isPlainObject */.Qd)(config['canaryConfiguration']) ? config['canaryConfiguration'] : {};
    inRange(canary['canaryPercent'], [DC, 'canaryConfiguration', 'canaryPercent'], 0.1, 100, add);
    inRange(canary['canaryBakeTimeInMinutes'], [DC, 'canaryConfiguration', 'canaryBakeTimeInMinutes'], 0, 1440, add);
    checkHooks(config['lifecycleHooks'], native, add);
    checkLoadBalancers(request['loadBalancers'], native, strategy, add);
    const breaker = (0,schema_check/* isPlainObject */.Qd)(config['deploymentCircuitBreaker']) ? config['deploymentCircuitBreaker'] : {};
    if (native && breaker['enable'] === true) {
        add([DC, 'deploymentCircuitBreaker', 'enable'], `the deployment circuit breaker works only with the ROLLING strategy, not ${strategy}; use alarms or lifecycle hooks to roll back`);
    }
    if (native && request['schedulingStrategy'] === 'DAEMON')
        add([DC, 'strategy'], `ECS runs ${strategy} deployments only for REPLICA services, not DAEMON ones`);
    return problems;
}
function configurationFor(wanted, field, strategy, config, add) {
    if (config[field] !== undefined && strategy !== wanted) {
        add([DC, field], `${field} is only valid with the ${wanted} strategy (this definition's is ${strategy ?? 'ROLLING, the default'})`);
    }
}
function inRange(value, path, min, max, add, multipleOf) {
    if (typeof value !== 'number')
        return;
    if (value < min || value > max)
        add(path, `${value} is out of range: ECS takes ${min} to ${max}`);
    else if (multipleOf !== undefined && Math.abs(Math.round(value / multipleOf) * multipleOf - value) > 1e-9) {
        add(path, `${value} is not a multiple of ${multipleOf}`);
    }
}
function checkHooks(hooks, native, add) {
    if (!Array.isArray(hooks))
        return;
    if (!native && hooks.length > 0) {
        add([DC, 'lifecycleHooks'], 'lifecycle hooks run only in BLUE_GREEN, LINEAR and CANARY deployments: set deploymentConfiguration.strategy');
        return;
    }
    hooks.forEach((hook, i) => {
        if (!(0,schema_check/* isPlainObject */.Qd)(hook))
            return;
        const at = [DC, 'lifecycleHooks', i];
        const stages = Array.isArray(hook['lifecycleStages']) ? hook['lifecycleStages'] : [];
        if (stages.length === 0)
            add([...at, 'lifecycleStages'], 'a lifecycle hook needs at least one lifecycle stage');
        if ((hook['targetType'] ?? 'AWS_LAMBDA') === 'PAUSE') {
            stages.forEach((s, j) => {
                if (typeof s === 'string' && PAUSE_NOT_AT.includes(s))
                    add([...at, 'lifecycleStages', j], `a PAUSE hook cannot pause ${s}; pause after it (POST_${s})`);
            });
            return;
        }
        if (hook['hookTargetArn'] === undefined)
            add([...at, 'hookTargetArn'], 'an AWS_LAMBDA hook needs hookTargetArn, the Lambda function ECS invokes');
        if (hook['roleArn'] === undefined)
            add([...at, 'roleArn'], 'an AWS_LAMBDA hook needs roleArn, the role ECS invokes the function with');
    });
}
function checkLoadBalancers(lbs, native, strategy, add) {
    if (!Array.isArray(lbs))
        return;
    lbs.forEach((lb, i) => {
        if (!(0,schema_check/* isPlainObject */.Qd)(lb))
            return;
        const advanced = lb['advancedConfiguration'];
        const at = ['loadBalancers', i, 'advancedConfiguration'];
        if (!native) {
            if (advanced !== undefined)
                add([...at], 'advancedConfiguration is for BLUE_GREEN, LINEAR and CANARY deployments: set deploymentConfiguration.strategy');
            return;
        }
        if (!(0,schema_check/* isPlainObject */.Qd)(advanced)) {
            add([...at], `a ${strategy ?? ''} deployment needs advancedConfiguration on every load balancer: alternateTargetGroupArn, productionListenerRule (and testListenerRule), roleArn`);
            return;
        }
        for (const field of ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn']) {
            if (advanced[field] === undefined)
                add([...at, field], `a ${strategy ?? ''} deployment needs advancedConfiguration.${field}`);
        }
    });
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/whole-numbers.js

const SERVICE_INTEGER_FIELDS = [
    ['desiredCount'],
    ['healthCheckGracePeriodSeconds'],
    ['deploymentConfiguration', 'minimumHealthyPercent'],
    ['deploymentConfiguration', 'maximumPercent'],
    ['loadBalancers', '*', 'containerPort'],
    ['capacityProviderStrategy', '*', 'weight'],
    ['capacityProviderStrategy', '*', 'base'],
];
const RUN_TASK_INTEGER_FIELDS = [
    ['count'],
    ['capacityProviderStrategy', '*', 'weight'],
    ['capacityProviderStrategy', '*', 'base'],
    ['overrides', 'containerOverrides', '*', 'cpu'],
    ['overrides', 'containerOverrides', '*', 'memory'],
    ['overrides', 'containerOverrides', '*', 'memoryReservation'],
];
const TASK_DEFINITION_INTEGER_FIELDS = [
    ['containerDefinitions', '*', 'cpu'],
    ['containerDefinitions', '*', 'memory'],
    ['containerDefinitions', '*', 'memoryReservation'],
    ['containerDefinitions', '*', 'startTimeout'],
    ['containerDefinitions', '*', 'stopTimeout'],
    ['containerDefinitions', '*', 'portMappings', '*', 'containerPort'],
    ['containerDefinitions', '*', 'portMappings', '*', 'hostPort'],
    ['containerDefinitions', '*', 'healthCheck', 'interval'],
    ['containerDefinitions', '*', 'healthCheck', 'timeout'],
    ['containerDefinitions', '*', 'healthCheck', 'retries'],
    ['containerDefinitions', '*', 'healthCheck', 'startPeriod'],
    ['ephemeralStorage', 'sizeInGiB'],
];
/** Problems for every field on `paths` that holds a number that is not a whole number \u2265 0. */
function checkWholeNumbers(value, paths) {
    const problems = [];
    for (const path of paths)
        visit(value, path, [], problems);
    return problems;
}
function visit(node, rest, at, problems) {
    const [head, ...tail] = rest;
    if (head === undefined) {
        if (typeof node === 'number' && !(Number.isInteger(node) && node >= 0)) {
            problems.push({ path: at, detail: `expected a whole number of at least 0, got ${node}` });
        }
        return;
    }
    if (head === '*') {
        if (Array.isArray(node))
            node.forEach((item, i) => visit(item, tail, [...at, i], problems));
        return;
    }
    if ((0,schema_check/* isPlainObject */.Qd)(node) && head in node)
        visit(node[head], tail, [...at, head], problems);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/ecs-checks.js
/**
 * ECS rules the schema cannot express but RegisterTaskDefinition / CreateService / RunTask enforce (quoted from
 * the API reference), checked up front so a bad manifest fails before any mutating call (S3). They run on a
 * value that already passed the structural check, so types are known to be right.
 */





const CD = 'containerDefinitions';
function checkTaskDefinition(td) {
    const problems = [];
    const add = (path, detail, at) => {
        problems.push(at === undefined ? { path, detail } : { path, at, detail });
    };
    const containers = Array.isArray(td[CD]) ? td[CD].filter(schema_check/* isPlainObject */.Qd) : [];
    if (containers.length === 0)
        add([CD], 'a task definition needs at least one container');
    const networkMode = typeof td['networkMode'] === 'string' ? td['networkMode'] : undefined;
    const compat = Array.isArray(td['requiresCompatibilities']) ? td['requiresCompatibilities'] : [];
    const badMode = notOneOf('network mode', networkMode, client_ecs_dist_cjs/* NetworkMode */.yvT);
    if (badMode !== undefined)
        add(['networkMode'], badMode);
    compat.forEach((c, i) => {
        const bad = notOneOf('compatibility', c, client_ecs_dist_cjs/* Compatibility */.x$Y);
        if (bad !== undefined)
            add(['requiresCompatibilities', i], bad);
    });
    const seen = new Map();
    containers.forEach((c, i) => {
        if (typeof c['name'] !== 'string' || c['name'] === '') {
            add([CD, i, 'name'], 'every container needs a `name`', [CD, i]);
        }
        if (typeof c['image'] !== 'string' || c['image'] === '') {
            add([CD, i, 'image'], 'every container needs an `image`', [CD, i]);
        }
        const name = c['name'];
        if (typeof name === 'string' && name !== '') {
            const first = seen.get(name);
            if (first !== undefined)
                add([CD, i, 'name'], `container name \`${name}\` is already used by ${CD}[${first}]`);
            else
                seen.set(name, i);
        }
        checkContainerMemory(td, c, i, compat, add);
        if (networkMode === 'awsvpc')
            checkAwsvpcContainer(c, i, add);
    });
    if (compat.includes('FARGATE'))
        checkFargate(td, containers, networkMode, add);
    problems.push(...checkWholeNumbers(td, TASK_DEFINITION_INTEGER_FIELDS));
    return problems;
}
/**
 * ContainerDefinition.memory: "If using the EC2 launch type, you must specify either a task-level memory value
 * or a container-level memory value. If you specify both a container-level memory and memoryReservation value,
 * memory must be greater than memoryReservation." (No requiresCompatibilities means EC2.)
 */
function checkContainerMemory(td, c, i, compat, add) {
    const ec2 = compat.length === 0 || (compat.includes('EC2') && !compat.includes('FARGATE'));
    const memory = c['memory'];
    const reservation = c['memoryReservation'];
    if (ec2 && td['memory'] === undefined && memory === undefined && reservation === undefined) {
        const detail = 'on EC2 without a task-level `memory`, every container needs `memory` or `memoryReservation`';
        add([CD, i, 'memory'], detail, [CD, i]);
    }
    if (typeof memory === 'number' && typeof reservation === 'number' && memory <= reservation) {
        const detail = `\`memoryReservation\` (${reservation}) must be less than \`memory\` (${memory})`;
        add([CD, i, 'memoryReservation'], detail);
    }
}
function checkAwsvpcContainer(c, i, add) {
    if (c['hostname'] !== undefined) {
        const detail = '`hostname` is not supported in the awsvpc network mode (Fargate tasks use awsvpc); remove it';
        add([CD, i, 'hostname'], detail);
    }
    const mappings = Array.isArray(c['portMappings']) ? c['portMappings'] : [];
    mappings.forEach((m, j) => {
        if (!(0,schema_check/* isPlainObject */.Qd)(m) || m['hostPort'] === undefined || m['hostPort'] === m['containerPort'])
            return;
        const detail = 'in the awsvpc network mode, `hostPort` must be left out or equal `containerPort`';
        add([CD, i, 'portMappings', j, 'hostPort'], detail);
    });
}
function checkFargate(td, containers, networkMode, add) {
    // RegisterTaskDefinition: "Fargate requires task definition to have execution role ARN to support log driver awslogs."
    if (typeof td['executionRoleArn'] !== 'string') {
        containers.forEach((c, i) => {
            const logging = c['logConfiguration'];
            if ((0,schema_check/* isPlainObject */.Qd)(logging) && logging['logDriver'] === 'awslogs') {
                add(['executionRoleArn'], `Fargate needs an \`executionRoleArn\` for the awslogs log driver of ${CD}[${i}]`, [CD, i, 'logConfiguration']);
            }
        });
    }
    if (networkMode !== 'awsvpc') {
        const not = networkMode === undefined ? '' : `, not \`${networkMode}\``;
        add(['networkMode'], `Fargate requires networkMode \`awsvpc\`${not}`);
    }
    const cpuText = td['cpu'];
    const memoryText = td['memory'];
    if (typeof cpuText !== 'string')
        add(['cpu'], 'Fargate requires a task-level `cpu` (e.g. 256 or "1 vCPU")');
    if (typeof memoryText !== 'string')
        add(['memory'], 'Fargate requires a task-level `memory` (e.g. 512 or "1 GB")');
    if (typeof cpuText !== 'string' || typeof memoryText !== 'string')
        return;
    const cpu = parseCpuUnits(cpuText);
    const memory = parseMemoryMiB(memoryText);
    if (cpu === undefined)
        add(['cpu'], 'cpu must be CPU units (e.g. 1024) or vCPUs (e.g. "1 vCPU")');
    if (memory === undefined)
        add(['memory'], 'memory must be MiB (e.g. 2048) or GB (e.g. "2 GB")');
    if (cpu === undefined || memory === undefined)
        return;
    const problem = fargateSizeProblem(cpu, memory);
    // An invalid cpu is the cpu's fault; a valid cpu with the wrong memory is the memory's.
    if (problem !== undefined)
        add(FARGATE_SIZES.has(cpu) ? ['memory'] : ['cpu'], problem);
}
function checkServiceDefinition(request) {
    return [...checkLaunchChoice(request), ...checkWholeNumbers(request, SERVICE_INTEGER_FIELDS), ...checkNativeDeployment(request)];
}
function checkRunTaskRequest(request) {
    return [...checkLaunchChoice(request), ...checkWholeNumbers(request, RUN_TASK_INTEGER_FIELDS)];
}
/** CreateService / RunTask: "launchType and capacityProviderStrategy can't both be set"; launchType values. */
function checkLaunchChoice(request) {
    const problems = [];
    const launchType = request['launchType'];
    const bad = notOneOf('launch type', launchType, client_ecs_dist_cjs/* LaunchType */.alX);
    if (bad !== undefined)
        problems.push({ path: ['launchType'], detail: bad });
    const strategy = request['capacityProviderStrategy'];
    if (launchType !== undefined && Array.isArray(strategy) && strategy.length > 0) {
        problems.push({
            path: ['capacityProviderStrategy'],
            detail: 'set either `launchType` or `capacityProviderStrategy`, not both (ECS refuses both)',
        });
    }
    return problems;
}
/** Why `value` is not one of the SDK enum's values, or undefined when it is (or is absent). */
function notOneOf(what, value, values) {
    if (typeof value !== 'string' || Object.values(values).includes(value))
        return undefined;
    return `unknown ${what} \`${value}\`; use one of ${Object.values(values).join(', ')}`;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/locate.js
/** Turning path-only problems into located ConfigurationErrors (input, file, line, field). */


/** The line of `path`, or of its nearest written ancestor (a missing field is reported at its parent). */
function nearestLine(manifest, path) {
    for (let n = path.length; n >= 0; n -= 1) {
        const line = manifest.lineOf(path.slice(0, n));
        if (line !== undefined)
            return line;
    }
    return undefined;
}
function locate(manifest, problem) {
    const loc = { file: manifest.file };
    if (manifest.input !== undefined)
        loc.input = manifest.input;
    const line = nearestLine(manifest, problem.at ?? problem.path);
    if (line !== undefined)
        loc.line = line;
    if (problem.path.length > 0)
        loc.field = formatFieldPath(problem.path);
    return new core_errors/* ConfigurationError */.j1(problem.detail, loc);
}
/** Throws all of `problems` located in `manifest` (one ConfigurationError, or a ManifestError listing them). */
function throwProblems(manifest, problems) {
    throwIfAny(problems.map((p) => locate(manifest, p)));
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/kinds.js
/**
 * The five manifest kinds of S1 and one loader per kind: read (in the workspace or RUNNER_TEMP) \u2192 placeholders (S2) \u2192
 * sanitise \u2192 structural check against the SDK's input shape \u2192 ECS rules \u2192 the typed SDK input.
 */









const same = (m) => (0,sanitise/* derive */.CX)(m, m.value, (p) => p);
const TASK_DEFINITION = {
    title: 'task definition',
    schema: client_ecs_dist_cjs/* RegisterTaskDefinitionRequest$ */.fSK,
    provided: [],
    caseInsensitiveMembers: false,
    sanitise: sanitise/* sanitiseTaskDefinition */.hD,
    rules: checkTaskDefinition,
};
const SERVICE_DEFINITION = {
    title: 'service definition',
    schema: client_ecs_dist_cjs/* CreateServiceRequest$ */.dbk,
    provided: [],
    caseInsensitiveMembers: false,
    sanitise: same,
    rules: checkServiceDefinition,
};
/** T1: the action sets the task definition (and cluster) itself. */
const RUN_TASK_REQUEST = {
    title: 'run-task request',
    schema: client_ecs_dist_cjs/* RunTaskRequest$ */.W6W,
    provided: ['taskDefinition'],
    caseInsensitiveMembers: false,
    sanitise: same,
    rules: checkRunTaskRequest,
};
/**
 * Auto scaling manifests: one request or a list; `describe-*` output accepted; member names in any letter case
 * (Harness documents them as `serviceNamespace`, the API says `ServiceNamespace`). ResourceId
 * (`service/<cluster>/<service>`), ServiceNamespace (`ecs`) and ScalableDimension (`ecs:service:DesiredCount`)
 * are the action's to fill in (src/core/autoscaling bindAutoScaling), so the manifest may leave them out.
 */
const AUTO_SCALING_PROVIDED = ['ServiceNamespace', 'ResourceId', 'ScalableDimension'];
const SCALABLE_TARGETS = {
    title: 'scalable target',
    schema: dist_cjs/* RegisterScalableTargetRequest$ */.J,
    provided: AUTO_SCALING_PROVIDED,
    caseInsensitiveMembers: true,
    sanitise: sanitise/* sanitiseScalableTargets */._z,
    rules: checkScalableTarget,
};
const SCALING_POLICIES = {
    title: 'scaling policy',
    schema: dist_cjs/* PutScalingPolicyRequest$ */.y$,
    provided: AUTO_SCALING_PROVIDED,
    caseInsensitiveMembers: true,
    sanitise: sanitise/* sanitiseScalingPolicies */.UO,
    rules: checkScalingPolicy,
};
/** Validates one request (task definition, service definition, run-task request); throws every problem found. */
function checkManifest(kind, manifest, options = {}) {
    const sanitised = kind.sanitise(manifest);
    return checkItems(kind, sanitised, [sanitised.value], false, options)[0];
}
/** Validates a manifest holding one request or a list of them (auto scaling); always returns a list. */
function checkManifestList(kind, manifest, options = {}) {
    const sanitised = kind.sanitise(manifest);
    const items = Array.isArray(sanitised.value) ? sanitised.value : [sanitised.value];
    return checkItems(kind, sanitised, items, sanitised.single !== true, options);
}
/**
 * Structure first, for every item, all problems together; the kind's rules only once the structure is right
 * (they rely on the types being right, and would otherwise repeat the same complaint).
 */
function checkItems(kind, manifest, items, indexed, options) {
    const prefix = (i) => (indexed ? [i] : []);
    const schemaProblems = [];
    const values = items.map((item, i) => {
        const result = (0,schema_check/* checkAgainstSchema */.FK)(kind.schema, item, schemaOptions(kind, manifest, options), prefix(i));
        schemaProblems.push(...result.problems);
        return result.value;
    });
    throwProblems(manifest, schemaProblems);
    const ruleProblems = values.flatMap((v, i) => (0,schema_check/* isPlainObject */.Qd)(v) ? kind.rules(v).map((p) => relocate(p, prefix(i))) : []);
    throwProblems(manifest, ruleProblems);
    return values;
}
function relocate(problem, prefix) {
    if (prefix.length === 0)
        return problem;
    const moved = { path: [...prefix, ...problem.path], detail: problem.detail };
    return problem.at === undefined ? moved : { ...moved, at: [...prefix, ...problem.at] };
}
function schemaOptions(kind, manifest, options) {
    return {
        provided: options.provided ?? kind.provided,
        caseInsensitiveMembers: kind.caseInsensitiveMembers,
        scalarText: manifest.scalarText,
    };
}
async function loadTaskDefinition(roots, userPath, inputName, placeholders, options = {}) {
    const manifest = await parse_loadManifest(roots, userPath, inputName, placeholders);
    const td = checkManifest(TASK_DEFINITION, manifest, options);
    const override = options.containerImage;
    return override === undefined ? td : setContainerImage(td, override.containerName, override.image);
}
async function loadServiceDefinition(roots, userPath, inputName, placeholders, options = {}) {
    return checkManifest(SERVICE_DEFINITION, await loadManifest(roots, userPath, inputName, placeholders), options);
}
async function loadRunTaskRequest(roots, userPath, inputName, placeholders, options = {}) {
    return checkManifest(RUN_TASK_REQUEST, await parse_loadManifest(roots, userPath, inputName, placeholders), options);
}
async function loadScalableTargets(roots, userPath, inputName, placeholders, options = {}) {
    return checkManifestList(SCALABLE_TARGETS, await parse_loadManifest(roots, userPath, inputName, placeholders), options);
}
async function loadScalingPolicies(roots, userPath, inputName, placeholders, options = {}) {
    return checkManifestList(SCALING_POLICIES, await parse_loadManifest(roots, userPath, inputName, placeholders), options);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/index.js
/** Manifests (S1\u2013S3): load JSON/YAML by content, placeholders, sanitise, validate against the SDK's input shapes. */











/***/ }),

/***/ 9660:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ derive),
/* harmony export */   UO: () => (/* binding */ sanitiseScalingPolicies),
/* harmony export */   _z: () => (/* binding */ sanitiseScalableTargets),
/* harmony export */   hD: () => (/* binding */ sanitiseTaskDefinition),
/* harmony export */   uo: () => (/* binding */ TASK_DEFINITION_READ_ONLY_FIELDS)
/* harmony export */ });
/* unused harmony exports dropNulls, sanitiseRequestList */
/* harmony import */ var _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1491);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
/* harmony import */ var _schema_check_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6347);
/**
 * S1: accepting what AWS's describe commands print. A task definition from `aws ecs describe-task-definition`
 * (with or without its `{ taskDefinition, tags }` wrapper) loses its read-only fields and its nulls; the same
 * courtesy is extended to `describe-scalable-targets` / `describe-scaling-policies` output, which Harness's
 * documentation tells users to start from.
 */



const membersOf = (schema) => schema[4] ?? [];
/** Members of a describe response shape that its request shape does not have: read-only. */
const readOnly = (response, request) => membersOf(response).filter((m) => !membersOf(request).includes(m));
/** The fields S1 names, plus any other member TaskDefinition has and RegisterTaskDefinitionRequest lacks. */
const TASK_DEFINITION_READ_ONLY_FIELDS = [
    ...new Set([
        'taskDefinitionArn',
        'revision',
        'status',
        'requiresAttributes',
        'compatibilities',
        'registeredAt',
        'registeredBy',
        'deregisteredAt',
        ...readOnly(_aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .TaskDefinition$ */ .TAv, _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .RegisterTaskDefinitionRequest$ */ .fSK),
    ]),
];
const SCALABLE_TARGET_READ_ONLY = readOnly(_aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .ScalableTarget$ */ .ZQ, _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .RegisterScalableTargetRequest$ */ .J);
const SCALING_POLICY_READ_ONLY = readOnly(_aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .ScalingPolicy$ */ .k5, _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .PutScalingPolicyRequest$ */ .y$);
/** A copy of `value` without null object members, at any depth (null list items stay, for validation to report). */
function dropNulls(value) {
    if (Array.isArray(value))
        return value.map(dropNulls);
    if (!(0,_schema_check_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(value))
        return value;
    const out = {};
    for (const [k, v] of Object.entries(value))
        if (v !== null && v !== undefined)
            out[k] = dropNulls(v);
    return out;
}
/** The same manifest seen through a new value whose paths map onto the document by `toDocumentPath`. */
function derive(manifest, value, toDocumentPath, droppedFields = []) {
    return {
        value,
        file: manifest.file,
        input: manifest.input,
        lineOf: (path) => manifest.lineOf(toDocumentPath(path)),
        scalarText: (path, written) => manifest.scalarText(toDocumentPath(path), written),
        placeholdersInContent: manifest.placeholdersInContent,
        droppedFields,
    };
}
/** Unwraps `{ taskDefinition, tags }`, drops read-only fields and nulls. Other values pass through unchanged. */
function sanitiseTaskDefinition(manifest) {
    const raw = manifest.value;
    if (!(0,_schema_check_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(raw))
        return derive(manifest, raw, (p) => p);
    const wrapped = (0,_schema_check_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(raw['taskDefinition']) && !('containerDefinitions' in raw) && !('family' in raw);
    const inner = wrapped ? raw['taskDefinition'] : raw;
    const { kept, dropped } = withoutFields(inner, TASK_DEFINITION_READ_ONLY_FIELDS, false);
    let tagsFromWrapper = false;
    if (wrapped) {
        // Anything else beside the wrapper is kept under its own name, so validation reports it as unknown.
        for (const [k, v] of Object.entries(raw)) {
            if (k === 'taskDefinition' || v === null)
                continue;
            if (k === 'tags' && Array.isArray(v) && v.length === 0)
                continue;
            if (k === 'tags' && kept['tags'] === undefined)
                tagsFromWrapper = true;
            if (!(k in kept))
                kept[k] = v;
        }
    }
    const toDocument = (path) => {
        if (!wrapped)
            return path;
        const top = path[0];
        const fromWrapper = top !== undefined && (top === 'tags' ? tagsFromWrapper : !(top in inner));
        return fromWrapper ? path : ['taskDefinition', ...path];
    };
    return derive(manifest, dropNulls(kept), toDocument, dropped);
}
/**
 * One manifest holding one request or a list of them, or `describe-*` output wrapping a list under
 * `wrapperKey` (any letter case): a list of items with read-only fields and nulls dropped.
 */
function sanitiseRequestList(manifest, wrapperKey, readOnlyFields) {
    const raw = manifest.value;
    const wrapper = (0,_schema_check_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(raw)
        ? Object.keys(raw).find((k) => k.toLowerCase() === wrapperKey.toLowerCase() && Array.isArray(raw[k]))
        : undefined;
    let items;
    let toDocument;
    if (wrapper !== undefined && (0,_schema_check_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(raw)) {
        items = raw[wrapper];
        toDocument = (path) => [wrapper, ...path];
    }
    else if (Array.isArray(raw)) {
        items = raw;
        toDocument = (path) => path;
    }
    else {
        items = [raw];
        toDocument = (path) => path;
    }
    const dropped = new Set();
    const cleaned = items.map((item) => {
        if (!(0,_schema_check_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(item))
            return item;
        const result = withoutFields(item, readOnlyFields, true);
        result.dropped.forEach((d) => dropped.add(d));
        return dropNulls(result.kept);
    });
    const single = wrapper === undefined && !Array.isArray(raw);
    return { ...derive(manifest, cleaned, toDocument, [...dropped]), single };
}
const sanitiseScalableTargets = (m) => sanitiseRequestList(m, 'ScalableTargets', SCALABLE_TARGET_READ_ONLY);
const sanitiseScalingPolicies = (m) => sanitiseRequestList(m, 'ScalingPolicies', SCALING_POLICY_READ_ONLY);
function withoutFields(value, fields, ignoreCase) {
    const lower = new Set(fields.map((f) => (ignoreCase ? f.toLowerCase() : f)));
    const kept = {};
    const dropped = [];
    for (const [k, v] of Object.entries(value)) {
        if (lower.has(ignoreCase ? k.toLowerCase() : k))
            dropped.push(k);
        else
            kept[k] = v;
    }
    return { kept, dropped };
}


/***/ }),

/***/ 6347:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FK: () => (/* binding */ checkAgainstSchema),
  Qd: () => (/* binding */ isPlainObject)
});

// UNUSED EXPORTS: describe

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/schema/index.js
var submodules_schema = __webpack_require__(6890);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/did-you-mean.js
/** "Did you mean `x`?" for unknown field names: a case-insensitive match first, then the closest by edit distance. */
/** Levenshtein distance (insert, delete, substitute; each costs 1). */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
        const current = [i];
        for (let j = 1; j <= b.length; j += 1) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/** The candidate the user most likely meant by `name`, or undefined when none is close enough. */
function closestName(name, candidates) {
    const lower = name.toLowerCase();
    const sameCase = candidates.find((c) => c.toLowerCase() === lower);
    if (sameCase !== undefined)
        return sameCase;
    const allowed = Math.max(1, Math.min(3, Math.floor(name.length / 4)));
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const d = editDistance(lower, candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return bestDistance <= allowed ? best : undefined;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/manifests/schema-check.js
/**
 * Structural validation of a manifest against the AWS SDK's own input shape (its smithy schema, as exported by
 * the client packages, e.g. `RegisterTaskDefinitionRequest$`), read through @smithy/core's NormalizedSchema.
 * Unknown fields (with a did-you-mean), wrong types and missing required members are all collected, each with
 * the path of the field. The walk also builds the cleaned value: nulls dropped, numbers and booleans given
 * for string members turned into the text they were written as (YAML users write `cpu: 256` and `value: 1.10`;
 * the API wants text, and "1.10" is what they mean, not JavaScript's "1.1").
 */


const MAX_DEPTH = 64;
/** Checks `value` against the structure `schema`; paths in problems start at `basePath`. */
function checkAgainstSchema(schema, value, options = {}, basePath = []) {
    const problems = [];
    const walker = new Walker(problems, options);
    const cleaned = walker.walk(submodules_schema.NormalizedSchema.of(schema), value, basePath, true);
    return { value: cleaned, problems };
}
class Walker {
    problems;
    options;
    constructor(problems, options) {
        this.problems = problems;
        this.options = options;
    }
    walk(ns, value, path, top = false) {
        if (value === null || value === undefined)
            return undefined;
        if (path.length > MAX_DEPTH)
            return this.fail(path, 'the document is nested too deeply');
        if (ns.isStructSchema())
            return this.struct(ns, value, path, top);
        if (ns.isListSchema())
            return this.list(ns, value, path);
        if (ns.isMapSchema())
            return this.map(ns, value, path);
        if (ns.isDocumentSchema() || ns.isUnitSchema())
            return value;
        if (ns.isStringSchema())
            return this.string(value, path);
        if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema())
            return this.number(value, path);
        if (ns.isBooleanSchema())
            return this.boolean(value, path);
        if (ns.isTimestampSchema()) {
            if (value instanceof Date || typeof value === 'string' || typeof value === 'number')
                return value;
            return this.fail(path, `expected a timestamp, got ${describe(value)}`);
        }
        if (ns.isBlobSchema()) {
            if (typeof value === 'string' || value instanceof Uint8Array)
                return value;
            return this.fail(path, `expected binary data (a string), got ${describe(value)}`);
        }
        return value;
    }
    struct(ns, value, path, top) {
        const shape = ns.getName() ?? 'object';
        if (!isPlainObject(value))
            return this.fail(path, `expected an object (${shape}), got ${describe(value)}`);
        const members = new Map();
        for (const [name, member] of ns.structIterator())
            members.set(name, member);
        const names = [...members.keys()];
        const out = {};
        for (const [key, raw] of Object.entries(value)) {
            const name = members.has(key) ? key : this.caseMatch(key, names);
            const member = name === undefined ? undefined : members.get(name);
            if (name === undefined || member === undefined) {
                this.unknown(key, names, shape, [...path, key]);
                continue;
            }
            if (name in out) {
                this.problems.push({ path: [...path, key], detail: `\`${key}\` repeats \`${name}\`` });
                continue;
            }
            const cleaned = this.walk(member, raw, [...path, key]);
            if (cleaned !== undefined)
                out[name] = cleaned;
        }
        this.required(ns, names, value, path, top);
        if (ns.isUnionSchema() && Object.keys(out).length !== 1) {
            this.fail(path, `exactly one of ${names.map((n) => `\`${n}\``).join(', ')} must be set`);
        }
        return out;
    }
    required(ns, names, raw, path, top) {
        const provided = top ? (this.options.provided ?? []) : [];
        for (const name of names.slice(0, requiredCount(ns))) {
            if (provided.includes(name))
                continue;
            // Present but of a wrong type is reported by the walk already: only a truly absent member is "missing".
            const present = Object.entries(raw).some(([k, v]) => v !== null && v !== undefined && (k === name || this.caseMatch(k, [name]) === name));
            if (present)
                continue;
            this.problems.push({ path: [...path, name], at: path, detail: `missing required field \`${name}\`` });
        }
    }
    caseMatch(key, names) {
        if (this.options.caseInsensitiveMembers !== true)
            return undefined;
        return names.find((n) => n.toLowerCase() === key.toLowerCase());
    }
    unknown(key, names, shape, path) {
        const guess = closestName(key, names);
        const hint = guess === undefined ? '' : `; did you mean \`${guess}\`?`;
        this.problems.push({ path, detail: `unknown field \`${key}\` (not a member of ${shape})${hint}` });
    }
    list(ns, value, path) {
        if (!Array.isArray(value))
            return this.fail(path, `expected a list, got ${describe(value)}`);
        const item = ns.getValueSchema();
        return value.map((v, i) => {
            if (v === null || v === undefined)
                return this.fail([...path, i], 'a list item is empty (null)');
            return this.walk(item, v, [...path, i]);
        });
    }
    map(ns, value, path) {
        if (!isPlainObject(value))
            return this.fail(path, `expected a map of names to values, got ${describe(value)}`);
        const item = ns.getValueSchema();
        const out = {};
        for (const [key, raw] of Object.entries(value)) {
            const cleaned = this.walk(item, raw, [...path, key]);
            if (cleaned !== undefined)
                out[key] = cleaned;
        }
        return out;
    }
    string(value, path) {
        if (typeof value === 'string')
            return value;
        const wrong = `expected a string, got ${describe(value)}`;
        if (!isWrittenScalar(value))
            return this.fail(path, wrong);
        const scalarText = this.options.scalarText;
        if (scalarText === undefined)
            return plainText(value) ?? this.fail(path, wrong);
        return (scalarText(path, value) ??
            this.fail(path, `${wrong} written without quotes, and the exact text it was written as cannot be read back; ` +
                'put the value in quotes so it is registered exactly as written'));
    }
    number(value, path) {
        if (typeof value === 'number' && Number.isFinite(value))
            return value;
        const hint = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
            ? ' (write the number without quotes)'
            : '';
        return this.fail(path, `expected a number, got ${describe(value)}${hint}`);
    }
    boolean(value, path) {
        if (typeof value === 'boolean')
            return value;
        const hint = value === 'true' || value === 'false' ? ' (write true or false without quotes)' : '';
        return this.fail(path, `expected true or false, got ${describe(value)}${hint}`);
    }
    fail(path, detail) {
        this.problems.push({ path, detail });
        return undefined;
    }
}
/** A scalar YAML or JSON reads as something other than a string (`0123`, `1.10`, `True`, `.inf`, a 1.1 date). */
function isWrittenScalar(value) {
    return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date;
}
/** A value built in code has no written text: a finite number or a boolean becomes `String(value)`. */
function plainText(value) {
    return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' ? String(value) : undefined;
}
/** How many members (the first ones) a structure requires: the 7th slot of a static structure schema. */
function requiredCount(ns) {
    const sc = ns.getSchema();
    const count = Array.isArray(sc) ? sc[6] : undefined;
    return typeof count === 'number' ? count : 0;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
/** The kind of a value, for messages (never the value of a string: it may be a secret). */
function describe(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    if (typeof value === 'number')
        return Number.isFinite(value) ? `the number ${value}` : 'a non-finite number';
    if (typeof value === 'boolean')
        return `${value}`;
    if (typeof value === 'string')
        return 'a string';
    if (value instanceof Date)
        return 'a date';
    if (typeof value === 'object')
        return 'an object';
    return typeof value;
}


/***/ }),

/***/ 6074:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* reexport */ DEFAULT_POLL_INTERVAL_MS),
  Ng: () => (/* reexport */ DEFAULT_READS_PER_MINUTE),
  G4: () => (/* reexport */ isAborted),
  wt: () => (/* reexport */ poll)
});

// UNUSED EXPORTS: DEFAULT_MAX_INTERVAL_MS, DENSE_DIVISOR, NEAR_HORIZON_MS, PollPacer, SLOW_FACTOR, denseMs, paceIntervalMs, slowMs

// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/errors.js
var errors = __webpack_require__(952);
// EXTERNAL MODULE: ./.build/dist-src/src/core/aws/read-ledger.js
var read_ledger = __webpack_require__(8441);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/poll/pace.js
/**
 * The pacing policy of the one polling primitive (S7, issue 17): spend the read budget where the wait is about to end.
 * After each round the watcher tells the pacer how near the end is, from what the service told it (never a fixed
 * guess); the pacer turns that into the time until the next round:
 *
 * - `idle`: nothing can finish soon (no task of the deployment has started, the tasks of a run are still starting):
 *   a quarter of the time the wait has been idle, between the base and the slow interval. A start that has not come
 *   after t seconds is unlikely to come within much less than t/4; never faster than the base interval, since nothing
 *   can end meanwhile (and fifty deployments starting at once must not read faster than they used to).
 * - `eta`: the end is predicted at a moment (the last minutes of a bake): half the time left, between the dense and
 *   the slow interval, so polls close in on the moment (\u2026 4 s, 2 s, 1 s, 0.55 s before it); once it has passed
 *   without the end, the wait is `near`. With `latest` (old targets draining for the target group's deregistration
 *   delay, from `since`) the moment is only the latest one: a drain ends at once when no request is in flight, when
 *   its last connection closes, or when the delay runs out. So dense for the first moments after `since`, evenly
 *   between (at most twice the base interval apart) keeping the reads of its last moments and of the first moments of
 *   what follows it (the tasks' stop), and closing in on `at` in its last moments.
 * - `within`: the end comes any moment from `since` to `until` at the latest (ECS stopped the old tasks; their
 *   containers get their stop timeout to exit): dense for the first moments (most containers exit at SIGTERM), then
 *   the denser of a quarter of the phase's age and an even spread of the budget until `until`; past `until`, `near`.
 *
 * Simulated against the benchmark's rollouts by bench/pace-sim.ts (a second, no emulator) before the benchmark.
 * - `near`: the end may come any moment, with no bound (a task of ours stopped with an error and the circuit
 *   breaker's verdict may follow, the last task of a run is stopping, a native deployment is in its last stage):
 *   dense, spreading the budget left over NEAR_HORIZON_MS, so a long "near" slows down to the sustainable pace
 *   (about 2 s a read) instead of spending the whole budget at once and going quiet.
 * - no hint: the base interval (a wait that does not predict, e.g. a log drain).
 *
 * All intervals are in units of the base interval (DEFAULT_POLL_INTERVAL_MS, 2.2 s: dense 0.55 s, slow 8.8 s), so a
 * caller that asks for faster rounds (tests) gets the same shape faster. The hard read budget (pacer.ts) and the
 * throttling back-off come on top of what this chooses.
 */
/** Dense interval: a quarter of the base (0.55 s by default). */
const DENSE_DIVISOR = 4;
/** Slow interval: four times the base (8.8 s by default). */
const SLOW_FACTOR = 4;
/** The first moments of a bounded phase (`within`, a `latest` eta), polled densely: one base interval (2.2 s). */
const FIRST_MOMENTS_FACTOR = 1;
/** The reads of those moments at the dense interval. */
const MOMENT_READS = FIRST_MOMENTS_FACTOR * DENSE_DIVISOR;
/** A `near` phase spreads the reads it may still make over this long (then over the next, and so on). Shorter starts
 * denser but leaves less for a long one (the trade-off, simulated against the benchmark's rollouts, is in
 * bench/README.md). */
const NEAR_HORIZON_MS = 20_000;
/** Reads kept aside for the extra reads of a round (stopped tasks that explain a failure). */
const NEAR_RESERVE_READS = 2;
const WINDOW_MS = 60_000;
function denseMs(baseMs) {
    return Math.floor(baseMs / DENSE_DIVISOR);
}
function slowMs(baseMs) {
    return baseMs * SLOW_FACTOR;
}
/** The time from the start of the last round to the start of the next one that the hint asks for. */
function paceIntervalMs(p) {
    const { hint, baseMs, now } = p;
    if (hint === undefined)
        return baseMs;
    const clamp = (ms) => Math.round(Math.min(slowMs(baseMs), Math.max(denseMs(baseMs), ms)));
    const firstMoments = (since) => since !== undefined && now - since < baseMs * FIRST_MOMENTS_FACTOR;
    switch (hint.kind) {
        case 'idle':
            return Math.max(baseMs, clamp((now - (hint.since ?? p.startedAt)) / DENSE_DIVISOR));
        case 'eta': {
            const left = hint.at - now;
            if (left <= 0)
                return nearMs(p, clamp);
            if (hint.latest !== true)
                return clamp(left / 2);
            const moments = baseMs * FIRST_MOMENTS_FACTOR;
            if (firstMoments(hint.since))
                return Math.max(denseMs(baseMs), shortMs(p, clamp));
            // The last moments before `at`: close in on it.
            if (left <= 2 * moments)
                return Math.max(clamp(left / 2), shortMs(p, clamp));
            // Between: evenly, keeping the reads of the last moments and of the first moments after `at` (what follows).
            return Math.min(baseMs * 2, evenMs(p, hint.at - 2 * moments, clamp, MOMENT_READS * 3));
        }
        case 'within':
            if (hint.until <= now)
                return nearMs(p, clamp);
            if (firstMoments(hint.since))
                return Math.max(denseMs(baseMs), shortMs(p, clamp));
            // Then evenly until `until`, denser while the phase is young (a stop that has not ended after t seconds is
            // unlikely to end within much less than t/4), within the budget.
            return Math.max(shortMs(p, clamp), Math.min(evenMs(p, hint.until, clamp), clamp((now - hint.since) / DENSE_DIVISOR)));
        case 'near':
            return nearMs(p, clamp);
    }
}
/**
 * Dense, within what the budget can keep up for NEAR_HORIZON_MS: the reads that will still count in the window at
 * the end of the horizon are taken, the rest is spread evenly over it.
 */
function nearMs(p, clamp) {
    const stillCounted = p.readsAfter(p.now - (WINDOW_MS - NEAR_HORIZON_MS));
    const spendable = p.readsPerMinute - NEAR_RESERVE_READS - stillCounted;
    return clamp(NEAR_HORIZON_MS / Math.max(1, spendable));
}
/** Dense for the first moments, within what the budget has left for them. */
function shortMs(p, clamp) {
    const horizon = p.baseMs * FIRST_MOMENTS_FACTOR;
    const spendable = p.readsPerMinute - NEAR_RESERVE_READS - p.readsAfter(p.now + horizon - WINDOW_MS);
    return clamp(horizon / Math.max(1, spendable));
}
/**
 * Evenly until `until`, within what the budget can keep up until then: the reads that will still count in the window
 * at `until` are taken, the rest is spread (beyond a minute ahead, at the sustainable pace).
 */
function evenMs(p, until, clamp, keep = 0) {
    const left = until - p.now;
    const stillCounted = p.readsAfter(until - WINDOW_MS);
    const spendable = (p.readsPerMinute - NEAR_RESERVE_READS) * Math.max(1, left / WINDOW_MS) - stillCounted - keep;
    return clamp(left / Math.max(1, spendable));
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/poll/pacer.js


const DEFAULT_MAX_INTERVAL_MS = 15_000;
const DEFAULT_READS_PER_MINUTE = 30;
const pacer_WINDOW_MS = 60_000;
const ROUNDS_REMEMBERED = 10;
/**
 * Decides when the next poll may start (S7). Three constraints:
 * - the pacing policy (pace.ts): from the hint the last round gave (how near the end is), the interval it asks for;
 *   without a hint, the base interval; never faster than the base interval within a minute of a throttled call of
 *   the run (the account is busy: dense rounds of many deployments would only add to it);
 * - the back-off: the poll interval, doubled on each throttling/transient error up to the ceiling and, on each success, halved
 *   (back to the base within a few polls) or, with recovery 'immediate', back to the base at once;
 * - the read budget, hard: at most readsPerMinute read calls (polls, ListTasks, DescribeTasks) in any 60 s, of this
 *   loop or, with the run's ledger, of every wait of the run. A round starts only once as many reads as the recent
 *   rounds made fit in the window; the pacing policy spreads a "near" phase so that this seldom has to wait.
 */
class PollPacer {
    clock;
    baseIntervalMs;
    maxIntervalMs;
    readsPerMinute;
    recovery;
    interval;
    lastPollAt;
    startedAt;
    /** What the last round said about how near the end is. */
    hint;
    /** Reads of the recent rounds (the last ROUNDS_REMEMBERED), the current one last: the next round may need as many. */
    roundReads = [];
    /** The reads of the last 60 s (this loop's, or the whole run's). */
    ledger;
    /** Without a shared ledger, the loop has a ledger of its own and keeps the base interval. */
    ownLedger;
    constructor(clock, opts) {
        this.clock = clock;
        this.baseIntervalMs = Math.max(0, opts.baseIntervalMs);
        this.maxIntervalMs = Math.max(this.baseIntervalMs, opts.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS);
        this.readsPerMinute = Math.max(1, Math.floor(opts.readsPerMinute ?? DEFAULT_READS_PER_MINUTE));
        this.recovery = opts.recovery ?? 'gradual';
        this.interval = this.baseIntervalMs;
        this.startedAt = clock.now();
        this.ownLedger = opts.ledger === undefined;
        this.ledger = opts.ledger ?? new read_ledger/* ReadLedger */.EX(clock);
    }
    get intervalMs() {
        return this.interval;
    }
    /** A poll starts now (it is also a read). */
    pollStarted() {
        this.lastPollAt = this.clock.now();
        this.hint = undefined;
        this.roundReads.push(0);
        if (this.roundReads.length > ROUNDS_REMEMBERED)
            this.roundReads.shift();
        this.readMade();
    }
    /** The round that just ran says how near the end is (pace.ts). Heeded when the loop spends a run's read budget
     * (a shared ledger): a wait that does not know the run's budget keeps the base interval. */
    pace(hint) {
        if (!this.ownLedger)
            this.hint = hint;
    }
    /** The interval the pacing policy asks for after the last round, lengthened while backed off. */
    nextIntervalMs() {
        const now = this.clock.now();
        const paced = paceIntervalMs({
            hint: this.hint,
            baseMs: this.baseIntervalMs,
            now,
            startedAt: this.startedAt,
            readsPerMinute: this.readsPerMinute,
            readsAfter: (t) => this.ledger.readsAfter(t),
        });
        // A throttled account (many deployments at once) gets no dense rounds for a minute: each would add to the load.
        const floor = this.ledger.throttledRecently() ? Math.max(this.baseIntervalMs, paced) : paced;
        return this.interval > this.baseIntervalMs ? Math.max(floor, this.interval) : floor;
    }
    /** A read call is made now; it uses budget. */
    readMade() {
        if (this.roundReads.length > 0)
            this.roundReads[this.roundReads.length - 1] = (this.roundReads.at(-1) ?? 0) + 1;
        this.ledger.record();
    }
    succeeded() {
        const next = this.recovery === 'immediate' ? this.baseIntervalMs : Math.floor(this.interval / 2);
        this.interval = Math.max(this.baseIntervalMs, next);
    }
    /** Throttled or a transient fault: poll less often. */
    backOff() {
        this.interval = Math.min(this.maxIntervalMs, Math.max(this.interval * 2, 1));
    }
    /** How long to wait from now before the next poll (0 before the first poll). */
    delayMs() {
        if (this.lastPollAt === undefined)
            return 0;
        const now = this.clock.now();
        const reads = this.ledger.window();
        let at = Math.max(this.lastPollAt + this.nextIntervalMs(), now + this.ledger.pauseMs());
        // The next round may read as much as the recent ones did: it starts once that fits in the budget, i.e. once
        // enough of the window's reads are older than 60 s (the budget is never exceeded).
        const need = Math.min(this.readsPerMinute, Math.max(1, ...this.roundReads));
        const excess = reads.length + need - this.readsPerMinute;
        if (excess > 0)
            at = Math.max(at, (reads[excess - 1] ?? now) + pacer_WINDOW_MS);
        return Math.max(0, Math.ceil(at - now));
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/poll/poll.js
/**
 * The one polling primitive (S7): every wait of the suite (a service deployment, a service becoming INACTIVE,
 * one-off tasks, healthy targets, log streaming) is a `poll` with a deadline, a read budget, a back-off on
 * throttling and transient errors, a little jitter and an abort signal. Clock and sleep are injected.
 *
 * `attempt` makes one round of reads and returns a value to end the wait, or undefined to go on. It reports each
 * read it makes through `round.read(operation)` beyond the first, so the pacer keeps the read budget. A throttling or
 * transient error it throws backs the pace off and the wait goes on; any other error ends the wait by propagating.
 */


/** 2.2 s between two rounds: about 27 reads a minute, under the 30-reads-a-minute budget (S7) with room for the
 * extra reads that explain a failure. The one default interval of every wait, and the unit of the pacing policy
 * (pace.ts: dense a quarter of it, slow three times it) for waits whose rounds say how near the end is. */
const DEFAULT_POLL_INTERVAL_MS = 2200;
async function poll(deps, options, attempt) {
    const { clock, sleep } = deps;
    const { signal, deadline } = options;
    const startedAt = clock.now();
    const pacer = pacerFor(clock, options, deps.reads);
    let rounds = 0;
    let lastError;
    const round = (n) => ({
        number: n,
        startedAt,
        signal,
        read: () => pacer.readMade(),
        pace: (hint) => pacer.pace(hint),
        now: () => clock.now(),
    });
    for (;;) {
        if (isAborted(signal))
            return { kind: 'cancelled', rounds };
        pacer.pollStarted();
        rounds += 1;
        try {
            const r = round(rounds);
            // The round's reads are counted by the pacer; the run's ledger leaves them to it.
            const value = await (deps.reads !== undefined ? deps.reads.insideWait(() => attempt(r)) : attempt(r));
            pacer.succeeded();
            lastError = undefined;
            if (value !== undefined)
                return { kind: 'done', value, rounds };
        }
        catch (e) {
            if (isAborted(signal))
                return { kind: 'cancelled', rounds };
            const kind = (0,errors/* classifyAwsError */.u3)(e);
            if (kind === 'fatal')
                throw e;
            pacer.backOff();
            lastError = e;
            options.onRetry?.(e, kind, pacer.intervalMs);
        }
        if (deadline.expired())
            return { kind: 'timeout', rounds, lastError };
        const delay = Math.min(pacer.delayMs() + jitterMs(pacer, options), deadline.remainingMs());
        try {
            await sleep(delay, signal);
        }
        catch (e) {
            if (isAborted(signal))
                return { kind: 'cancelled', rounds };
            throw e;
        }
    }
}
function pacerFor(clock, options, ledger) {
    const baseIntervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    // A caller asking for faster rounds gets a matching budget.
    const readsPerMinute = options.readsPerMinute ?? Math.max(DEFAULT_READS_PER_MINUTE, baseIntervalMs > 0 ? 60_000 / baseIntervalMs : 0);
    return new PollPacer(clock, { baseIntervalMs, readsPerMinute, recovery: options.recovery, ledger });
}
function jitterMs(pacer, options) {
    const fraction = Math.min(1, options.jitter ?? 0);
    if (!(fraction > 0))
        return 0;
    const r = Math.min(1, Math.max(0, (options.random ?? Math.random)()));
    return Math.floor(r * fraction * pacer.intervalMs);
}
/** Read through a function so the compiler does not narrow it across awaits. */
function isAborted(signal) {
    return signal?.aborted === true;
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/poll/index.js
/** The one polling primitive every wait uses (S7): deadline, read budget, back-off, jitter, abort signal. */





/***/ }),

/***/ 5130:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./.build/dist-src/src/core/errors.js
var errors = __webpack_require__(9054);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./.build/dist-src/src/core/time.js
var time = __webpack_require__(9608);
;// CONCATENATED MODULE: ./.build/dist-src/src/core/io/secrets.js
const REDACTED = '***';
const PATTERNS = [
    /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/g,
    /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g,
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
    /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];
const MIN_ENTROPY_LENGTH = 32;
const MIN_BITS_PER_CHAR = 4;
/** Every substring of `text` that looks like a credential, in order of appearance, without duplicates. */
function findTokenLike(text) {
    const found = new Set();
    for (const re of PATTERNS)
        for (const m of text.matchAll(re))
            found.add(m[0]);
    for (const word of text.split(/[\s"'`,;()[\]{}<>]+/)) {
        if (word === '' || isArnOrUrl(word))
            continue;
        for (const m of word.matchAll(/[A-Za-z0-9+/=]{32,}/g)) {
            if (!m[0].startsWith('/') && looksRandom(m[0]))
                found.add(m[0]);
        }
    }
    return [...found];
}
function isArnOrUrl(word) {
    return /^arn:/i.test(word) || /^[a-z][a-z0-9+.-]*:\/\//i.test(word);
}
/** Mixed upper case, lower case and digits, and high Shannon entropy. */
function looksRandom(s) {
    if (s.length < MIN_ENTROPY_LENGTH)
        return false;
    if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || !/[0-9]/.test(s))
        return false;
    return shannonBitsPerChar(s) >= MIN_BITS_PER_CHAR;
}
function shannonBitsPerChar(s) {
    if (s.length === 0)
        return 0;
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let bits = 0;
    for (const c of counts.values()) {
        const p = c / s.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
/** The set of secrets of one action run (not module state: one per runtime). */
class SecretMasker {
    sink;
    secrets = new Set();
    constructor(sink) {
        this.sink = sink;
    }
    /** Registers a secret (and each of its lines, when it has several) with the runner, once each. */
    mask(secret) {
        const parts = [secret, ...secret.split(/\r?\n/)].map((s) => s.trim()).filter((s) => s !== '');
        for (const part of parts) {
            if (this.secrets.has(part))
                continue;
            this.secrets.add(part);
            this.sink.setSecret(part);
        }
    }
    /** Masks every token-like value in `text`; returns how many new ones were found. */
    maskTokenLike(text) {
        const before = this.secrets.size;
        for (const token of findTokenLike(text))
            this.mask(token);
        return this.secrets.size - before;
    }
    /** `text` with token-like values and every registered secret replaced by `***` (longest secrets first). */
    redact(text) {
        this.maskTokenLike(text);
        let out = text;
        for (const s of [...this.secrets].sort((a, b) => b.length - a.length))
            out = out.split(s).join(REDACTED);
        return out;
    }
    get size() {
        return this.secrets.size;
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/io/outputs.js
/**
 * The one place an action sets its outputs (S5) and masks secrets (S11). Outputs keep the order they were set in,
 * so the job summary can list them (`entries()`). A value that looks like a credential is registered as a secret
 * with the runner before the output is written.
 */

class Outputs {
    sink;
    values = new Map();
    masker;
    constructor(sink) {
        this.sink = sink;
        this.masker = new SecretMasker(sink);
    }
    /** Sets output `name`; setting it again replaces the value (and keeps its place in `entries()`). */
    set(name, value) {
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name))
            throw new Error(`BUG: invalid output name '${name}'`);
        const text = toOutputText(value);
        this.masker.maskTokenLike(text);
        this.values.set(name, text);
        this.sink.setOutput(name, text);
    }
    get(name) {
        return this.values.get(name);
    }
    /** Every output set so far, in the order first set, as [name, value]. */
    entries() {
        return [...this.values.entries()];
    }
    /** Registers a secret value (e.g. a token input) so the runner masks it and `redact` replaces it. */
    mask(secret) {
        this.masker.mask(secret);
    }
    /** `text` with registered secrets and token-like values replaced by `***` (for summaries and log lines). */
    redact(text) {
        return this.masker.redact(text);
    }
}
function toOutputText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/io/actions-runtime.js
/**
 * The real ActionRuntime, on @actions/core. This is the only file that imports @actions/core; the rest of the code
 * sees the runtime's interfaces. Log lines and the job summary are redacted (S11) before they are written.
 */



const actionsCoreApi = {
    getInput: (name) => core/* getInput */.V4(name),
    info: (m) => core/* info */.pq(m),
    warning: (m) => core/* warning */.$e(m),
    error: (m) => core/* error */.z3(m),
    debug: (m) => core/* debug */.Yz(m),
    startGroup: (n) => core/* startGroup */.Oh(n),
    endGroup: () => core/* endGroup */.N4(),
    setOutput: (n, v) => core/* setOutput */.uH(n, v),
    setSecret: (s) => core/* setSecret */.Pq(s),
    setFailed: (m) => core/* setFailed */.C1(m),
    appendSummary: async (md) => {
        await core/* summary */.z.addRaw(md, false).write();
    },
};
function createActionsRuntime(signals, deps = {}) {
    const core = deps.core ?? actionsCoreApi;
    const env = deps.env ?? { ...process.env };
    const outputs = new Outputs({ setOutput: (n, v) => core.setOutput(n, v), setSecret: (v) => core.setSecret(v) });
    const log = new CoreLogger(core, (text) => outputs.redact(text));
    let pending = Promise.resolve();
    const summary = {
        append(markdown) {
            const text = outputs.redact(markdown);
            const write = async () => {
                if (env['GITHUB_STEP_SUMMARY'] === undefined || env['GITHUB_STEP_SUMMARY'] === '') {
                    log.debug('GITHUB_STEP_SUMMARY is not set; job summary skipped');
                    return;
                }
                // A blank line after each chunk, so a table or paragraph never runs into the next chunk.
                await core.appendSummary(`${text.trimEnd()}\n\n`);
            };
            // One write at a time (@actions/core's summary buffer is shared); a failed write does not block later ones.
            const next = pending.then(write, write);
            pending = next.catch(() => undefined);
            return next;
        },
    };
    const workspace = env['GITHUB_WORKSPACE'];
    return {
        inputs: (name) => core.getInput(name),
        log,
        outputs,
        summary,
        clock: time/* systemClock */.ml,
        sleep: time/* realSleep */.uk,
        env,
        workspace: workspace !== undefined && workspace !== '' ? workspace : (deps.cwd ?? process.cwd()),
        cancel: signals.cancel,
        hardCancel: signals.hardCancel,
    };
}
/**
 * Logger on the runner's workflow commands. The runner cannot nest groups (a `::group::` inside a group ends the
 * outer one), so an inner group is printed as a `\u25b8 name` line instead.
 */
class CoreLogger {
    core;
    redact;
    depth = 0;
    constructor(core, redact) {
        this.core = core;
        this.redact = redact;
    }
    info(message) {
        this.core.info(this.redact(message));
    }
    warning(message) {
        this.core.warning(this.redact(message));
    }
    error(message) {
        this.core.error(this.redact(message));
    }
    debug(message) {
        this.core.debug(this.redact(message));
    }
    async group(name, fn) {
        const outer = this.depth === 0;
        if (outer)
            this.core.startGroup(this.redact(name));
        else
            this.core.info(this.redact(`\u25b8 ${name}`));
        this.depth++;
        try {
            return await fn();
        }
        finally {
            this.depth--;
            if (outer)
                this.core.endGroup();
        }
    }
}

;// CONCATENATED MODULE: ./.build/dist-src/src/core/run.js
/**
 * The single top-level handler of every action. An entry point is exactly:
 *
 *   import { runAction } from '../../core/run.js';
 *   import { main } from './main.js';
 *   await runAction('ecs-rolling', main);
 *
 * It builds the runtime, turns SIGINT/SIGTERM into the runtime's cancel signals (S10: the first aborts `cancel`,
 * the second `hardCancel`), runs `main`, and for any thrown value calls setFailed with a useful message and sets
 * process.exitCode = 1. It never calls process.exit, and it never rejects.
 */


const SIGNALS = ['SIGINT', 'SIGTERM'];
async function runAction(name, main, deps = {}) {
    const setFailed = deps.setFailed ?? ((m) => actionsCoreApi.setFailed(m));
    const setExitCode = deps.setExitCode ??
        ((code) => {
            process.exitCode = code;
        });
    const signals = deps.signals ?? process;
    const cancel = new AbortController();
    const hardCancel = new AbortController();
    let rt;
    const onSignal = (signal) => {
        if (!cancel.signal.aborted) {
            rt?.log.warning(`${name}: ${signal} received, cancelling (a second signal also stops rollback waits)`);
            cancel.abort(new errors/* CancelledError */.cc(signal));
        }
        else if (!hardCancel.signal.aborted) {
            rt?.log.warning(`${name}: ${signal} received while cancelling: stopping now`);
            hardCancel.abort(new errors/* CancelledError */.cc(signal));
        }
    };
    for (const s of SIGNALS)
        signals.on(s, onSignal);
    try {
        rt = (deps.createRuntime ?? createActionsRuntime)({ cancel: cancel.signal, hardCancel: hardCancel.signal });
        await main(rt);
    }
    catch (e) {
        const cause = cancel.signal.aborted && isAbortError(e) ? cancel.signal.reason : e;
        if (rt !== undefined && !(0,errors/* isConfigurationError */.p0)(cause) && cause instanceof Error && cause.stack !== undefined) {
            rt.log.debug(`${name} failed: ${cause.stack}`);
        }
        setExitCode(1);
        setFailed(failureMessage(cause, rt));
    }
    finally {
        for (const s of SIGNALS)
            signals.off(s, onSignal);
    }
}
function failureMessage(e, rt) {
    const message = (0,errors/* describeError */.Uc)(e);
    const text = message.trim() === '' ? 'The action failed with an empty error' : message;
    return rt === undefined ? text : rt.outputs.redact(text);
}
/** An abort surfaced by the SDK or fetch (name AbortError) rather than our own CancelledError. */
function isAbortError(e) {
    return e instanceof Error && e.name === 'AbortError';
}


/***/ }),

/***/ 9608:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ Deadline),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
/* unused harmony export DeadlineExceededError */
const systemClock = { now: () => Date.now() };
const realSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) {
        reject(signal.reason);
        return;
    }
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
});
/** Thrown when an overall deadline (S7, input `timeout-minutes`) has passed. */
class DeadlineExceededError extends Error {
    what;
    timeoutMs;
    constructor(what, timeoutMs) {
        super(`${what} did not finish within ${formatDuration(timeoutMs)}`);
        this.what = what;
        this.timeoutMs = timeoutMs;
        this.name = 'DeadlineExceededError';
    }
}
/** One overall deadline per action run (S7). */
class Deadline {
    clock;
    timeoutMs;
    expiresAt;
    constructor(clock, timeoutMs) {
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.expiresAt = clock.now() + timeoutMs;
    }
    remainingMs() {
        return Math.max(0, this.expiresAt - this.clock.now());
    }
    expired() {
        return this.remainingMs() === 0;
    }
    /** A deadline `reserveMs` earlier than this one (never in the past): what is left after keeping a reserve. */
    keeping(reserveMs) {
        return new Deadline(this.clock, Math.max(0, this.remainingMs() - reserveMs));
    }
    /** Throws DeadlineExceededError naming `what` when the deadline has passed. */
    check(what) {
        if (this.expired())
            throw new DeadlineExceededError(what, this.timeoutMs);
    }
}
function formatDuration(ms) {
    const totalSeconds = Math.round(ms / 1000);
    const m = Math.floor(totalSeconds / 60);
    const s = totalSeconds % 60;
    if (m === 0)
        return `${s}s`;
    return s === 0 ? `${m}m` : `${m}m ${s}s`;
}


/***/ })

};

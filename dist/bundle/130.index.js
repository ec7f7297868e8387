export const id = 130;
export const ids = [130];
export const modules = {

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

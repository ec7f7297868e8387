/**
 * The bad input corpus (issue 6): each case is data — the action, its inputs, the workspace files, the problem the
 * error must name and where it must say it is (input name, or file:line and field). The runner
 * (run-corpus.ts) runs the committed bundle and asserts exit code 1, a matching `::error::`, and zero AWS calls.
 */
export type CorpusAction = 'ecs-rolling' | 'ecs-run-task' | 'register-delegate' | 'ecs-canary' | 'ecs-bluegreen-swap';

/** Where the problem is; every given part must appear in the error message. */
export interface ExpectedLocation {
  /**
   * The input name, e.g. `task-definition` (the message says `input 'task-definition'`); a list when the problem
   * lies between two inputs and naming either is right (e.g. both of two exclusive inputs given).
   */
  input?: string | readonly string[];
  /** The manifest path as the user wrote it. */
  file?: string;
  /** 1-based line in `file` (the message says `file:line`); `any` when a line must be named but several are right. */
  line?: number | 'any';
  /** Field path, e.g. `containerDefinitions[0].essential`. */
  field?: string;
}

export interface BadInputCase {
  name: string;
  action: CorpusAction;
  inputs: Record<string, string>;
  /** Workspace files by relative path (folders are created). */
  files?: Record<string, string>;
  /** Symbolic links in the workspace: link path -> target (absolute, or relative to the link). */
  symlinks?: Record<string, string>;
  /** What the error must say about the problem. */
  message: RegExp;
  where: ExpectedLocation;
}

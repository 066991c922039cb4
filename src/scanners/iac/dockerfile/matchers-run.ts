import { pipesDownloadToShell } from '../check-patterns.js';
import type { CheckHit } from '../check-finding.js';
import type { DockerMatcher } from './matcher.js';
import { dockerHit, finalChain, flagValue, type DockerModel } from './model.js';
import {
  invokes,
  lineMatching,
  operands,
  runCommands,
  type RunCommand,
  type ShellCommand,
} from './shell.js';

/** Escape text for use inside a RegExp. */
function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** Every RUN of the model, optionally only those of stages that end up in the final image. */
function runs(model: DockerModel, finalOnly = false): RunCommand[] {
  return model.files.flatMap((file) => {
    const keep = finalOnly ? new Set(finalChain(file)) : undefined;
    return runCommands(file).filter((run) => !keep || keep.has(run.stage));
  });
}

/** A hit on the physical line of a RUN holding `command`'s first words. */
function commandHit(
  run: RunCommand,
  command: ShellCommand,
  vars: Record<string, string> = {},
): CheckHit {
  const line = lineMatching(run, literal(command.words.slice(0, 2).join(' ')));
  return dockerHit(run.file, run.stage, line, `RUN ${command.text}`, vars);
}

/** Commands of every RUN that satisfy `test`. */
function commandHits(
  model: DockerModel,
  finalOnly: boolean,
  test: (command: ShellCommand) => Record<string, string> | undefined,
): CheckHit[] {
  return runs(model, finalOnly).flatMap((run) =>
    run.commands.flatMap((command) => {
      const vars = test(command);
      return vars ? [commandHit(run, command, vars)] : [];
    }),
  );
}

/** True when a RUN mounts a build cache over `path`, which keeps caches out of the image. */
function cachesPath(run: RunCommand, path: RegExp): boolean {
  const mount = flagValue(run.instruction, 'mount') ?? '';
  return /type=cache/.test(mount) && path.test(mount);
}

const APT = /^apt(?:-get)?$/;

/** Downloads piped into a shell, located on the line of the pipe. */
const curlPipeShell: DockerMatcher = (model) =>
  runs(model).flatMap((run) => {
    if (!pipesDownloadToShell(run.script)) return [];
    const at = run.lines.find((entry) => pipesDownloadToShell(entry.text));
    const line = at?.line ?? lineMatching(run, /\b(?:curl|wget)\b/);
    return [dockerHit(run.file, run.stage, line, `RUN ${run.script}`)];
  });

/** apt-get install without --no-install-recommends. */
const aptRecommends: DockerMatcher = (model) =>
  commandHits(model, false, (command) =>
    invokes(command, APT, 'install') &&
    !/--no-install-recommends|Install-Recommends=(?:false|0)/i.test(command.text)
      ? {}
      : undefined,
  );

/** apt-get install of packages without a `=version`. */
const aptUnpinned: DockerMatcher = (model) =>
  commandHits(model, false, (command) => {
    if (!invokes(command, APT, 'install')) return undefined;
    const loose = operands(command, 'install').filter(
      (pkg) => !pkg.includes('=') && !pkg.includes('$') && !pkg.endsWith('.deb'),
    );
    return loose.length > 0 ? { value: loose.join(', ') } : undefined;
  });

/** RUNs of the final image that install with apt but leave /var/lib/apt/lists behind. */
const aptListsKept: DockerMatcher = (model) =>
  runs(model, true).flatMap((run) => {
    const install = run.commands.find((command) => invokes(command, APT, 'install'));
    if (
      !install ||
      /\/var\/lib\/apt\/lists/.test(run.script) ||
      cachesPath(run, /\/var\/lib\/apt/)
    ) {
      return [];
    }
    return [commandHit(run, install)];
  });

/** apk add without --no-cache in the final image. */
const apkNoCache: DockerMatcher = (model) =>
  runs(model, true).flatMap((run) =>
    run.commands
      .filter(
        (command) => invokes(command, /^apk$/, 'add') && !command.words.includes('--no-cache'),
      )
      .filter(
        () =>
          !/\/var\/cache\/apk/.test(run.script) &&
          !cachesPath(run, /\/var\/cache\/apk|\/etc\/apk\/cache/),
      )
      .map((command) => commandHit(run, command)),
  );

const PIP = /^(?:pip[23]?(?:\.\d+)?|.*\/pip[23]?)$/;

/** Whether the command is a pip install, directly or through `python -m pip`. */
function isPipInstall(command: ShellCommand): boolean {
  return (
    invokes(command, PIP, 'install') || /\bpython[\d.]*\s+-m\s+pip\s+install\b/.test(command.text)
  );
}

/** pip install without --no-cache-dir in the final image. */
const pipNoCache: DockerMatcher = (model) =>
  runs(model, true).flatMap((run) =>
    run.commands
      .filter((command) => isPipInstall(command) && !command.words.includes('--no-cache-dir'))
      .filter(() => !cachesPath(run, /\.cache\/pip/))
      .map((command) => commandHit(run, command)),
  );

const PIP_TOOLING = ['pip', 'setuptools', 'wheel'];

/** pip install of named packages without `==` pins (files, paths and -r lists are fine). */
const pipUnpinned: DockerMatcher = (model) =>
  commandHits(model, false, (command) => {
    if (
      !isPipInstall(command) ||
      /(?:^|\s)(?:-r|--requirement|-c|--constraint)\s/.test(command.text)
    ) {
      return undefined;
    }
    const loose = operands(command, 'install').filter(
      (pkg) =>
        !/==|@|^[./]|\.whl$|\.tar\.gz$|\$/.test(pkg) && !PIP_TOOLING.includes(pkg.toLowerCase()),
    );
    return loose.length > 0 ? { value: loose.join(', ') } : undefined;
  });

/** `npm install` (or `npm i`) with no package names: the lockfile is not enforced. */
const npmInstall: DockerMatcher = (model) =>
  commandHits(model, false, (command) => {
    const verb = invokes(command, /^npm$/, 'install')
      ? 'install'
      : invokes(command, /^npm$/, 'i')
        ? 'i'
        : undefined;
    return verb && operands(command, verb).length === 0 ? {} : undefined;
  });

/** sudo used as a command inside a RUN. */
const sudo: DockerMatcher = (model) =>
  commandHits(model, false, (command) => (command.words[0] === 'sudo' ? {} : undefined));

/** chmod giving everyone write access (777, 666, o+w, a+rwx). */
const chmodWorldWritable: DockerMatcher = (model) =>
  commandHits(model, false, (command) => {
    if (command.words[0] !== 'chmod' && !command.words.includes('chmod')) return undefined;
    const mode = command.words.find((word) =>
      /^(?:[0-7]?[0-7][0-7][2367]|[ao]\+\w*w\w*)$/.test(word),
    );
    return mode ? { value: mode } : undefined;
  });

/** Matchers of the RUN family, by name. */
export const RUN_MATCHERS: Record<string, DockerMatcher> = {
  'curl-pipe-shell': curlPipeShell,
  'apt-recommends': aptRecommends,
  'apt-unpinned': aptUnpinned,
  'apt-lists-kept': aptListsKept,
  'apk-no-cache': apkNoCache,
  'pip-no-cache': pipNoCache,
  'pip-unpinned': pipUnpinned,
  'npm-install': npmInstall,
  sudo,
  'chmod-world-writable': chmodWorldWritable,
};

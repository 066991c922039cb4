// Build and maintenance scripts: ordinary code that reads files, runs fixed commands and looks values up.
const fs = require('fs');
const path = require('path');
const { execFileSync, execSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const PACKAGES = ['core', 'cli', 'web'];
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };

function readPackage(name) {
  const file = path.join(ROOT, 'packages', name, 'package.json');
  // bulwark-ok: path-traversal
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeReport(outDir, report) {
  // bulwark-ok: path-traversal
  fs.mkdirSync(outDir, { recursive: true });
  // bulwark-ok: path-traversal
  fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2));
}

function listSources(dir) {
  // bulwark-ok: path-traversal
  return fs.readdirSync(dir).filter((name) => name.endsWith('.js'));
}

function gitRevision() {
  // bulwark-ok: command-injection
  return execSync('git rev-parse HEAD').toString().trim();
}

function lint(pkg) {
  // bulwark-ok: command-injection
  execFileSync('npx', ['eslint', path.join(ROOT, 'packages', pkg)], { stdio: 'inherit' });
}

function levelOf(name) {
  // bulwark-ok: prototype-pollution-nested-assignment
  return LEVELS[name] ?? LEVELS.info;
}

function countByKind(items) {
  const counts = {};
  for (const item of items) {
    // bulwark-ok: prototype-pollution-nested-assignment
    counts[item.kind] = (counts[item.kind] || 0) + 1;
  }
  return counts;
}

function matrix(rows, cols) {
  const grid = [];
  for (let r = 0; r < rows; r++) {
    grid[r] = [];
    for (let c = 0; c < cols; c++) {
      // bulwark-ok: prototype-pollution-nested-assignment
      grid[r][c] = 0;
    }
  }
  return grid;
}

function versionPattern(prefix) {
  // bulwark-ok: regexp-injection
  return new RegExp(`^${prefix}\\d+\\.\\d+\\.\\d+$`);
}

function keywordMatcher() {
  const words = ['TODO', 'FIXME', 'XXX'];
  // bulwark-ok: regexp-injection
  return new RegExp(`\\b(${words.join('|')})\\b`, 'g');
}

function compareVersions(password, confirmation) {
  // bulwark-ok: timing-unsafe-compare
  if (password.length !== confirmation.length) return false;
  return true;
}

function checkToken(token) {
  // bulwark-ok: timing-unsafe-compare
  if (typeof token !== 'string') throw new TypeError('token must be a string');
  return token.length > 0;
}

function cleanDist() {
  for (const pkg of PACKAGES) {
    const dist = path.join(ROOT, 'packages', pkg, 'dist');
    // bulwark-ok: path-traversal
    if (fs.existsSync(dist)) fs.rmSync(dist, { recursive: true });
  }
}

function main(argv) {
  const target = argv[2];
  // bulwark-expect: command-injection
  execSync('npm publish --tag ' + target);
  // bulwark-expect: path-traversal
  fs.rmSync(argv[3], { recursive: true, force: true });
  for (const pkg of PACKAGES) lint(pkg);
  writeReport(path.join(ROOT, 'reports'), {
    rev: gitRevision(),
    packages: PACKAGES.map(readPackage),
  });
  cleanDist();
  return [
    listSources(ROOT),
    levelOf('warn'),
    countByKind([]),
    matrix(2, 2),
    versionPattern('v'),
    keywordMatcher(),
    compareVersions('a', 'b'),
    checkToken('x'),
  ];
}

main(process.argv);

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Checks "Who may import what" from ARCHITECTURE.md on every file in src/. It reads the import
// specifiers with a small scanner of our own (below) rather than a dependency-cruiser setup.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srcRoot = join(root, 'src');

type Layer = 'arabic' | 'errors' | 'config' | 'db' | 'content' | 'feeds' | 'web' | 'cli' | 'main';

const layerNames: Record<Layer, string> = {
  arabic: 'arabic/',
  errors: 'errors.ts',
  config: 'config.ts',
  db: 'db/',
  content: 'content/',
  feeds: 'feeds/',
  web: 'web/',
  cli: 'cli/',
  main: 'main.ts',
};

/** Which layers each layer may import; a layer may always import its own files. */
const allowedImports: Record<Layer, readonly Layer[]> = {
  arabic: [],
  errors: [],
  // A time zone or numbering system in the configuration is validated with arabic/.
  config: ['errors', 'arabic'],
  db: ['errors'],
  content: ['db', 'arabic', 'errors'],
  feeds: ['content', 'arabic'],
  web: ['content', 'feeds', 'arabic', 'errors', 'config'],
  // The CLI reaches the web server only through main.ts, the one place that wires.
  cli: ['content', 'db', 'config', 'arabic', 'errors', 'main'],
  main: ['arabic', 'errors', 'config', 'db', 'content', 'feeds', 'web', 'cli'],
};

const databaseDrivers = new Set(['better-sqlite3', 'pg']);
const databaseSeam = 'src/db/connect.ts';

type ImportKind = 'import' | 'side-effect' | 're-export' | 'dynamic' | 'import-equals';

interface ImportRef {
  specifier: string;
  kind: ImportKind;
  typeOnly: boolean;
  line: number;
}

interface Token {
  kind: 'name' | 'string' | 'number' | 'punct' | 'template' | 'regex';
  value: string;
  line: number;
}

const regexFollowsKeyword = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do',
  'else', 'yield', 'await',
]);

/**
 * Splits TypeScript source into the few token kinds the import scan needs, skipping comments and
 * the insides of strings, templates and regular expressions. Strings and regular expressions end
 * at a line break, as in JavaScript, so an apostrophe in JSX text can only confuse one line.
 */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const braces: Array<'code' | 'template'> = [];
  let i = 0;
  let line = 1;

  const readTemplate = () => {
    // i is just past a backtick or the } that closes a ${...}.
    while (i < source.length) {
      const ch = source[i];
      if (ch === '\\') {
        i += 2;
      } else if (ch === '`') {
        i++;
        tokens.push({ kind: 'template', value: '', line });
        return;
      } else if (ch === '$' && source[i + 1] === '{') {
        i += 2;
        tokens.push({ kind: 'template', value: '', line });
        braces.push('template');
        return;
      } else {
        if (ch === '\n') line++;
        i++;
      }
    }
  };

  const regexAllowed = () => {
    const last = tokens.at(-1);
    if (!last) return true;
    if (last.kind === 'name') return regexFollowsKeyword.has(last.value);
    if (last.kind === 'punct') return last.value !== ')' && last.value !== ']';
    return false;
  };

  while (i < source.length) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (ch === '\n') {
      line++;
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
    } else if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      while (i < source.length && source[i] !== ch && source[i] !== '\n') {
        if (source[i] === '\\') {
          value += source[i + 1] ?? '';
          i += 2;
        } else {
          value += source[i];
          i++;
        }
      }
      if (source[i] === ch) i++;
      tokens.push({ kind: 'string', value, line });
    } else if (ch === '`') {
      i++;
      readTemplate();
    } else if (ch === '/' && regexAllowed()) {
      let inClass = false;
      i++;
      while (i < source.length && source[i] !== '\n') {
        const c = source[i];
        if (c === '\\') i++;
        else if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < source.length && /[a-z]/i.test(source[i] as string)) i++;
      tokens.push({ kind: 'regex', value: '', line });
    } else if (/[\p{ID_Start}$_]/u.test(ch)) {
      const start = i;
      while (i < source.length && /[\p{ID_Continue}$\u200c\u200d]/u.test(source[i] as string)) i++;
      tokens.push({ kind: 'name', value: source.slice(start, i), line });
    } else if (/[0-9]/.test(ch)) {
      const start = i;
      while (i < source.length && /[\w.]/.test(source[i] as string)) i++;
      tokens.push({ kind: 'number', value: source.slice(start, i), line });
    } else if (ch === '}' && braces.at(-1) === 'template') {
      braces.pop();
      i++;
      readTemplate();
    } else {
      if (ch === '{') braces.push('code');
      if (ch === '}') braces.pop();
      tokens.push({ kind: 'punct', value: ch, line });
      i++;
    }
  }
  return tokens;
}

/** The module specifiers a file imports: static, side-effect, re-exported and dynamic. */
function scanImports(source: string): ImportRef[] {
  const tokens = tokenize(source);
  const refs: ImportRef[] = [];
  const at = (k: number): Token | undefined => tokens[k];
  const is = (k: number, kind: Token['kind'], value?: string) =>
    at(k)?.kind === kind && (value === undefined || at(k)?.value === value);

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.kind !== 'name' || is(k - 1, 'punct', '.')) continue;

    if (token.value === 'import') {
      if (is(k + 1, 'punct', '.')) continue; // import.meta
      if (is(k + 1, 'punct', '(')) {
        // import('x') and the type query typeof import('x'); computed specifiers cannot be checked.
        if (is(k + 2, 'string') && (is(k + 3, 'punct', ')') || is(k + 3, 'punct', ','))) {
          refs.push({ specifier: at(k + 2)!.value, kind: 'dynamic', typeOnly: is(k - 1, 'name', 'typeof'), line: token.line });
        }
        continue;
      }
      if (is(k + 1, 'string')) {
        refs.push({ specifier: at(k + 1)!.value, kind: 'side-effect', typeOnly: false, line: token.line });
        continue;
      }
      let j = k + 1;
      let typeOnly = false;
      // `import type X from` is type-only; `import type from 'x'` imports a default named "type".
      if (is(j, 'name', 'type') && !(is(j + 1, 'name', 'from') && is(j + 2, 'string')) && !is(j + 1, 'punct', ',')) {
        typeOnly = true;
        j++;
      }
      if (is(j, 'name') && is(j + 1, 'punct', '=') && is(j + 2, 'name', 'require') && is(j + 3, 'punct', '(') && is(j + 4, 'string')) {
        refs.push({ specifier: at(j + 4)!.value, kind: 'import-equals', typeOnly, line: token.line });
        continue;
      }
      const clauseStart = j;
      for (; j < tokens.length && j - k < 1000; j++) {
        if (j > clauseStart && is(j, 'name', 'from') && is(j + 1, 'string')) {
          refs.push({ specifier: at(j + 1)!.value, kind: 'import', typeOnly, line: token.line });
          break;
        }
        const t = at(j)!;
        const inClause = t.kind === 'name' || t.kind === 'string' || (t.kind === 'punct' && '{},*'.includes(t.value));
        if (!inClause) break;
      }
      continue;
    }

    if (token.value === 'export') {
      let j = k + 1;
      const typeOnly = is(j, 'name', 'type');
      if (typeOnly) j++;
      if (is(j, 'punct', '*')) {
        j++;
        if (is(j, 'name', 'as')) j += 2;
      } else if (is(j, 'punct', '{')) {
        while (j < tokens.length && !is(j, 'punct', '}')) j++;
        j++;
      } else {
        continue;
      }
      if (is(j, 'name', 'from') && is(j + 1, 'string')) {
        refs.push({ specifier: at(j + 1)!.value, kind: 're-export', typeOnly, line: token.line });
      }
    }
  }
  return refs;
}

/** Paths below are relative to the repository root, with forward slashes. */
const toRepoPath = (absolute: string) => relative(root, absolute).split(sep).join('/');

function layerOf(repoPath: string): Layer | undefined {
  if (!repoPath.startsWith('src/')) return undefined;
  const inSrc = repoPath.slice('src/'.length);
  if (inSrc === 'main.ts') return 'main';
  if (inSrc === 'config.ts') return 'config';
  if (inSrc === 'errors.ts') return 'errors';
  const top = inSrc.split('/')[0];
  const folders: Layer[] = ['arabic', 'db', 'content', 'feeds', 'web', 'cli'];
  return inSrc.includes('/') ? folders.find((folder) => folder === top) : undefined;
}

/** The file a relative specifier names: `.ts` as written, or the `.ts(x)` behind a `.js` or bare path. */
function resolveRelative(fromFile: string, specifier: string): string {
  const target = resolve(dirname(fromFile), specifier);
  const candidates = [
    target,
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.js$/, '.tsx'),
    target.replace(/\.jsx$/, '.tsx'),
    target.replace(/\.mjs$/, '.mts'),
    `${target}.ts`,
    `${target}.tsx`,
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? target;
}

/** `pg` for 'pg' and 'pg/lib/x'; `@fastify/static` for '@fastify/static/x'; undefined for node: built-ins. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

interface Edge {
  from: string;
  line: number;
  specifier: string;
  typeOnly: boolean;
  /** Repository path of the imported file, for relative specifiers. */
  to?: string;
  /** Package name, for bare specifiers. */
  pkg?: string;
}

function listSourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(path);
    // Tests beside the code may import test helpers; they are not part of the layering.
    const isSource = /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return entry.isFile() && isSource ? [path] : [];
  });
}

const files = listSourceFiles(srcRoot).sort();
const sourceFiles = new Set(files.map(toRepoPath));
const edges: Edge[] = files.flatMap((file) =>
  scanImports(readFileSync(file, 'utf8')).map((ref): Edge => {
    const base = { from: toRepoPath(file), line: ref.line, specifier: ref.specifier, typeOnly: ref.typeOnly };
    if (ref.specifier.startsWith('.') || ref.specifier.startsWith('/')) {
      return { ...base, to: toRepoPath(resolveRelative(file, ref.specifier)) };
    }
    const pkg = packageOf(ref.specifier);
    return pkg ? { ...base, pkg } : base;
  }),
);

const describeEdge = (edge: Edge) =>
  `${edge.from}:${edge.line} imports${edge.typeOnly ? ' type' : ''} '${edge.specifier}'` +
  (edge.to && edge.to !== edge.specifier ? ` (${edge.to})` : '');

function report(violations: string[], rule: string): void {
  if (violations.length > 0) assert.fail(`${rule}\n${violations.map((line) => `  ${line}`).join('\n')}`);
}

test('the import scanner finds static, type, re-exported and dynamic imports, not ones in text', () => {
  const source = [
    "import { a, type B } from './a.ts';",
    "import type { C } from '../c.ts';",
    "import D, * as E from 'pkg-d';",
    "import 'side-effect';",
    "import type from 'named-type';",
    "export * from './star.ts';",
    "export * as ns from './ns.ts';",
    "export type { F } from './f.ts';",
    "export { g as h } from './g.ts';",
    'export { local };',
    'export const x = 1;',
    "const lazy = await import('./lazy.ts');",
    'type T = typeof import("./typed.ts");',
    'const meta = import.meta.url;',
    "// import { no } from './comment.ts';",
    "/* import { no } from './block.ts'; */",
    "const s = \"import { no } from './string.ts'\";",
    "const t = `import { no } from './template.ts' ${await import('./in-template.ts')}`;",
    "const r = /['\"]import from 'x'/g;",
    "const ratio = a / b; import { after } from './after-division.ts';",
    "const view = <p>Don't import from 'jsx-text'</p>;",
    "import {",
    "  multi,",
    "  line,",
    "} from './multi.ts';",
  ].join('\n');
  assert.deepEqual(
    scanImports(source).map((ref) => [ref.specifier, ref.kind, ref.typeOnly, ref.line]),
    [
      ['./a.ts', 'import', false, 1],
      ['../c.ts', 'import', true, 2],
      ['pkg-d', 'import', false, 3],
      ['side-effect', 'side-effect', false, 4],
      ['named-type', 'import', false, 5],
      ['./star.ts', 're-export', false, 6],
      ['./ns.ts', 're-export', false, 7],
      ['./f.ts', 're-export', true, 8],
      ['./g.ts', 're-export', false, 9],
      ['./lazy.ts', 'dynamic', false, 12],
      ['./typed.ts', 'dynamic', true, 13],
      ['./in-template.ts', 'dynamic', false, 18],
      ['./after-division.ts', 'import', false, 20],
      ['./multi.ts', 'import', false, 22],
    ],
  );
});

test('the architecture check scans the source tree', (t) => {
  assert.ok(files.length > 0, `no .ts or .tsx files found under ${srcRoot}`);
  t.diagnostic(`${files.length} files, ${edges.length} imports`);
});

test('every file in src/ belongs to a layer named in ARCHITECTURE.md', () => {
  const strays = [...sourceFiles].filter((file) => !layerOf(file));
  report(
    strays.map((file) => `${file} is outside arabic/, db/, content/, feeds/, web/, cli/, main.ts, config.ts and errors.ts`),
    'Put the file in a layer, or add its place to ARCHITECTURE.md and to this test:',
  );
});

for (const layer of Object.keys(allowedImports) as Layer[]) {
  const allowed = [layer, ...allowedImports[layer]];
  const rule =
    allowedImports[layer].length === 0
      ? `${layerNames[layer]} imports nothing else in src/`
      : `${layerNames[layer]} imports only ${allowedImports[layer].map((l) => layerNames[l]).join(', ')}`;
  test(rule, () => {
    const violations = edges
      .filter((edge) => layerOf(edge.from) === layer && edge.to?.startsWith('src/'))
      .filter((edge) => {
        const target = layerOf(edge.to as string);
        return target !== undefined && !allowed.includes(target);
      })
      .map((edge) => `${describeEdge(edge)}: ${layerNames[layerOf(edge.to as string) as Layer]} is not allowed here`);
    report(violations, `ARCHITECTURE.md, "Who may import what": ${rule}.`);
  });
}

test('only src/db/connect.ts imports better-sqlite3 or pg', () => {
  const violations = edges
    .filter((edge) => edge.pkg && databaseDrivers.has(edge.pkg) && edge.from !== databaseSeam)
    .map(describeEdge);
  report(violations, `The database drivers stay behind ${databaseSeam}, the one dialect seam:`);
});

test('content/ never imports fastify', () => {
  const violations = edges
    .filter((edge) => layerOf(edge.from) === 'content')
    .filter((edge) => edge.pkg === 'fastify' || edge.pkg?.startsWith('@fastify/'))
    .map(describeEdge);
  report(violations, 'Services know nothing of HTTP; routes in web/ translate:');
});

test('a repository is imported only by its own noun in content/ (others call the service)', () => {
  const nounOf = (file: string) => /^src\/content\/([^/]+)\//.exec(file)?.[1];
  const violations = edges
    .filter((edge) => edge.to && /^src\/content\/[^/]+\/.*\.repository\.tsx?$/.test(edge.to))
    .filter((edge) => layerOf(edge.from) !== 'main' && nounOf(edge.from) !== nounOf(edge.to as string))
    .map((edge) => `${describeEdge(edge)}: call the ${nounOf(edge.to as string)} service instead`);
  report(violations, 'One noun may call another\'s service, never its repository:');
});

test('source files import nothing from test/ or bench/', () => {
  const violations = edges
    .filter((edge) => edge.to && /^(test|bench)\//.test(edge.to))
    .map(describeEdge);
  report(violations, 'Production code must not depend on tests or benchmarks:');
});

test('src/ has no import cycles', () => {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles) graph.set(file, []);
  for (const edge of edges) {
    if (edge.to && sourceFiles.has(edge.to)) graph.get(edge.from)?.push(edge.to);
  }
  const cycles = findCycles(graph).map((cycle) => [...cycle, cycle[0]].join(' → '));
  report(cycles, 'An import cycle is a bug: move the shared code so the imports point one way.');
});

/** One concrete cycle for each strongly connected component (Tarjan) that has one. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const connect = (node: string) => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);

  return components
    .filter((component) => component.length > 1 || graph.get(component[0]!)?.includes(component[0]!))
    .map((component) => shortestCycle(graph, component));
}

/** Breadth-first from the component's first file back to itself, staying inside the component. */
function shortestCycle(graph: Map<string, string[]>, component: string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return component;
}

import { z } from 'zod';
import { didYouMean } from './did-you-mean.ts';
import { ENV_VARS, envVarFor } from './env-vars.ts';
import { describeFound } from './expected.ts';

const SECRET_VARIABLES = Object.entries(ENV_VARS)
  .filter(([, v]) => v.path[0] === 'secrets')
  .map(([name]) => name);

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a section of settings',
  record: 'a map of name: value',
};

/**
 * Zod's message for issues no setting words itself, said for a person: what was expected and what was
 * found (`expected a whole number, found "abc"`), never `Invalid input: expected number, received string`.
 */
export const personErrorMap: z.core.$ZodErrorMap = (issue) => {
  const found = `found ${describeFound(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, ${found}`;
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'a list of ' : ''}at least ${issue.minimum}${issue.origin === 'array' ? ' items' : ''}, ${found}`;
    case 'too_big':
      return `expected ${issue.origin === 'array' ? 'a list of ' : ''}at most ${issue.maximum}${issue.origin === 'array' ? ' items' : ''}, ${found}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}, ${found}`;
    case 'invalid_format':
      return `expected ${issue.format === 'url' ? 'a URL' : `text in the form ${issue.format}`}, ${found}`;
    default:
      return undefined;
  }
};

/**
 * One line per problem, named by where a person sets it: `server.port: … (set by PORT)`, or the
 * variable itself for a secret (`SLACK_BOT_TOKEN: …`).
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  setByEnv: ReadonlyMap<string, string> = new Map(),
): string[] {
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, issue.path);
    return issue.keys.map((key) => {
      if (/token|secret|password|credential/i.test(key)) {
        return `${labelOf([...issue.path, key])}: unknown setting; secrets are read only from the environment (${SECRET_VARIABLES.join(', ')}), never from a file`;
      }
      const suggestion = didYouMean(key, known);
      const hint = suggestion ? `did you mean "${suggestion}"?` : `the settings here are ${known.join(', ')}`;
      return `${labelOf([...issue.path, key])}: unknown setting; ${hint}`;
    });
  }
  return [`${labelOf(issue.path)}: ${issue.message}${setBy(issue.path, setByEnv)}`];
}

/** Where a person writes the setting: its YAML path, or a secret's variable. */
function labelOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'secrets') return envVarFor(path) ?? String(path[1]);
  const rest = path[0] === 'config' ? path.slice(1) : path;
  return (
    rest.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') ||
    '(the whole file)'
  );
}

/** `setByEnv`: the settings paths (`config.server.port`) the environment set, with the variable. */
function setBy(path: readonly PropertyKey[], setByEnv: ReadonlyMap<string, string>): string {
  const variable = path[0] === 'secrets' ? undefined : setByEnv.get(path.join('.'));
  return variable ? ` (set by ${variable})` : '';
}

/** The keys the schema knows at a path: what a misspelt key is compared with. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of path) {
    if (node instanceof z.ZodObject) node = node.shape[String(key)];
    else if (node instanceof z.ZodRecord) node = node.valueType;
    else if (node instanceof z.ZodArray) node = node.element;
    else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

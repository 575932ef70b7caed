import type { CommandVocabulary, ParseResult } from './incident-command.ts';
import { plainSlackText } from './plain-slack-text.ts';
import { matchOne, matchSeverity } from './severity.ts';
import { parseUserMention } from './slack-mention.ts';

/**
 * `/incident declare sev2 Checkout latency` → `{ kind: 'declare', severity: 'P2', title: 'Checkout latency' }`.
 * Never throws for a typo: a failed parse carries the message to show the person.
 */
export function parseIncidentCommand(text: string, vocabulary: CommandVocabulary): ParseResult {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  const verb = (space === -1 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const rest = space === -1 ? '' : trimmed.slice(space + 1).trim();
  const ok = (command: Extract<ParseResult, { ok: true }>['command']): ParseResult => ({ ok: true, command });
  const fail = (message: string): ParseResult => ({ ok: false, message });

  switch (verb) {
    case '':
    case 'help':
      return ok({ kind: 'help' });
    case 'declare':
    case 'new':
    case 'open': {
      const { isPrivate, text: afterFlag } = takePrivateFlag(rest);
      const [first = '', ...others] = afterFlag.split(/\s+/);
      const severity = first ? matchSeverity(first, vocabulary.severities) : null;
      // The title as typed, not as Slack escaped it: it names the channel and heads the RCA.
      const title = plainSlackText(severity ? others.join(' ') : afterFlag).trim();
      return ok({ kind: 'declare', severity, title: title === '' ? null : title, private: isPrivate });
    }
    case 'private':
      return rest === ''
        ? ok({ kind: 'private' })
        : fail(
            '`/incident private` takes nothing after it: run it in the incident channel to move it to a private one.',
          );
    case 'severity':
    case 'sev': {
      const severity = matchSeverity(rest, vocabulary.severities);
      return severity
        ? ok({ kind: 'severity', severity })
        : fail(`"${rest || '(nothing)'}" is not a severity. Use one of: ${vocabulary.severities.join(', ')}.`);
    }
    case 'status': {
      const status = matchOne(rest, vocabulary.statuses);
      return status
        ? ok({ kind: 'status', status })
        : fail(`"${rest || '(nothing)'}" is not a status. Use one of: ${vocabulary.statuses.join(', ')}.`);
    }
    case 'lead':
    case 'commander':
      return parseRole(vocabulary.roles[0] ?? 'lead', rest, verb);
    case 'role': {
      const [roleName = '', ...mention] = rest.split(/\s+/);
      const role = matchOne(roleName, vocabulary.roles);
      if (!role) return fail(`"${roleName || '(nothing)'}" is not a role. Use one of: ${vocabulary.roles.join(', ')}.`);
      return parseRole(role, mention.join(' '), `role ${role}`);
    }
    case 'services':
    case 'service': {
      const services = rest
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      return services.length > 0
        ? ok({ kind: 'services', services: [...new Set(services)] })
        : fail('Name the affected services, like `/incident services checkout, payments`.');
    }
    case 'note':
      return rest
        ? ok({ kind: 'note', text: rest })
        : fail('Write the note after the word, like `/incident note Rolled back v42`.');
    case 'action':
      return parseAction(rest);
    case 'resolve':
      return ok({ kind: 'resolve', resolution: rest === '' ? null : rest });
    case 'started':
    case 'start':
      return rest
        ? ok({ kind: 'started', time: rest })
        : fail('Give the time impact began, like `/incident started 14:02` or `/incident started 2025-04-07 14:02`.');
    case 'update':
      return ok({ kind: 'update', text: rest === '' ? null : rest });
    case 'acknowledge':
    case 'ack':
      return ok({ kind: 'ack' });
    case 'timeline':
    case 'list':
    case 'reopen':
      return ok({ kind: verb });
    case 'rca':
      if (rest === '' || rest.toLowerCase() === 'threads') return ok({ kind: 'rca', threads: rest !== '' });
      return fail('Try `/incident rca`, or `/incident rca threads` to add the replies of the pinned threads first.');
    default:
      return fail(`I don't know "${verb}". Try \`/incident help\`.`);
  }
}

/** `--private` (or `-p`) before the severity and title, in any case. */
function takePrivateFlag(rest: string): { isPrivate: boolean; text: string } {
  const match = /^(?:--private|-p)(?=\s|$)/i.exec(rest);
  return match ? { isPrivate: true, text: rest.slice(match[0].length).trim() } : { isPrivate: false, text: rest };
}

function parseRole(role: string, text: string, usage: string): ParseResult {
  const userId = parseUserMention(text.trim());
  if (!userId) return { ok: false, message: `Mention one person, like \`/incident ${usage} @maria\`.` };
  return { ok: true, command: { kind: 'role', role, userId } };
}

function parseAction(rest: string): ParseResult {
  let text = rest;
  const take = (pattern: RegExp): string | null => {
    const match = pattern.exec(text);
    if (!match) return null;
    text = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).replace(/\s+/g, ' ').trim();
    return match[1]!.trim();
  };
  const owner = take(/(?:^|\s)owner:\s*(<[^>]+>|"[^"]*"|\S+)/i);
  const due = take(/(?:^|\s)due:\s*("[^"]*"|in \d+ \w+|next \w+|\w{3,9} \d{1,2},? \d{4}|\d{1,2} \w{3,9} \d{4}|\S+)/i);
  const priority = take(/(?:^|\s)\[?(P\d)\]?(?=\s|$)/i);
  if (text === '') {
    return {
      ok: false,
      message: 'Describe the action, like `/incident action Add an alert owner:@maria due:next friday P2`.',
    };
  }
  return {
    ok: true,
    command: {
      kind: 'action',
      text,
      owner: owner?.replace(/^"|"$/g, '') ?? null,
      due: due?.replace(/^"|"$/g, '') ?? null,
      priority: priority?.toUpperCase() ?? null,
    },
  };
}

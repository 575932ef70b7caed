import { describe, expect, it } from 'vitest';
import { buildRcaDraft } from '#domain/build-rca-draft.ts';
import { parseRca } from '#rca/parse-rca.ts';
import { renderRca } from '#rca/render-rca.ts';
import { buildIncident } from '../helpers/build-incident.ts';
import { buildTimelineEntry } from '../helpers/build-timeline-entry.ts';
import { RCA_TEMPLATE } from '../helpers/template.ts';

const message = (text: string) => buildTimelineEntry({ text, authorId: 'UBEN', authorName: null });

describe('buildRcaDraft', () => {
  it('writes a pinned message as people read it in Slack: names, #channels, links and & without markup', () => {
    const draft = buildRcaDraft({
      incident: buildIncident(),
      entries: [
        message(
          'Rolled back &amp; restarted, <@UANA> asked <#C0PAY|payments>; see <https://runbooks.example.com/db|the runbook> &lt;3',
        ),
      ],
      actionItems: [],
      related: [],
      statuses: ['investigating', 'identified', 'mitigated', 'resolved'],
      extraTags: [],
      author: 'ana',
      preparedOn: '2030-04-07',
      diagram: false,
      names: { UANA: 'ana', UBEN: 'ben' },
    });

    const event = 'Rolled back & restarted, @ana asked #payments; see the runbook (https://runbooks.example.com/db) <3';
    expect(draft.timeline[0]!.event).toBe(event);
    // And the file reads it back the same, escaped as markdown needs.
    expect(parseRca(renderRca(draft, RCA_TEMPLATE)).timeline[0]!.event).toBe(event);
  });
});

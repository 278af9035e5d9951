import { describe, expect, it } from 'vitest';
import { isFlowFileName, transcriptFileName } from './file-name.ts';

describe('the name of the tests file beside a flow file', () => {
  it.each([
    ['agenda.flow.json', 'agenda.transcript.json'],
    ['Flow.FLOW.JSON', 'Flow.transcript.json'],
    ['Agenda.Flow.Json', 'Agenda.transcript.json'],
    ['agenda.json', 'agenda.transcript.json'],
    ['agenda.JSON', 'agenda.transcript.json'],
    ['agenda', 'agenda.transcript.json'],
    ['clínica árabe.flow.json', 'clínica árabe.transcript.json'],
    ['عيادة.flow.json', 'عيادة.transcript.json'],
    ['.flow.json', '.flow.json.transcript.json'],
  ])('is %s → %s', (flowName, testsName) => {
    expect(transcriptFileName(flowName)).toBe(testsName);
  });
});

describe('a flow file’s name', () => {
  it('ends in .flow.json in any letter case', () => {
    for (const name of ['agenda.flow.json', 'Flow.FLOW.JSON', 'a.Flow.Json'])
      expect(isFlowFileName(name), name).toBe(true);
  });

  it('is not a transcript, a plain JSON file or a name that only contains the suffix', () => {
    for (const name of ['agenda.transcript.json', 'agenda.json', 'agenda.flow.json.bak', 'flow.json'])
      expect(isFlowFileName(name), name).toBe(false);
  });
});

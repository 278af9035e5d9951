import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testsFileBeside } from './tests-beside.ts';

describe('the tests file beside a flow file', () => {
  it.each([
    ['agenda.flow.json', 'agenda.transcript.json'],
    ['Agenda.FLOW.JSON', 'Agenda.transcript.json'],
    ['agenda.json', 'agenda.transcript.json'],
    ['agenda', 'agenda.transcript.json'],
    ['clínica árabe.flow.json', 'clínica árabe.transcript.json'],
    ['.flow.json', '.flow.json.transcript.json'],
  ])('is %s → %s, in the same folder', (flowName, testsName) => {
    const folder = join('/home', 'designer', 'flows.json');
    expect(testsFileBeside(join(folder, flowName))).toBe(join(folder, testsName));
  });
});

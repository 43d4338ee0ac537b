import { describe, expect, it } from 'vitest';
import { LandscapeBuilder } from '../model/landscape.ts';
import { buildBlastRadiusScenario, SCENARIO_AS_OF } from '../testing/blast-radius-scenario.ts';
import { activeContractsCoveringUsage, isContractActiveAt } from './contract-coverage.ts';
import { GraphIndex } from './graph-index.ts';

const index = GraphIndex.fromLandscape(buildBlastRadiusScenario());
const node = (id: string) => index.indexOf(id)!;
const ids = (nodes: number[]) => nodes.map((n) => index.idAt(n));

describe('isContractActiveAt', () => {
  it('follows Kitos validity: expired, not yet started and terminated past notice are inactive', () => {
    expect(isContractActiveAt(index, node('con-aarby-esdh'), SCENARIO_AS_OF)).toBe(true);
    expect(isContractActiveAt(index, node('con-aarby-old'), SCENARIO_AS_OF)).toBe(false);
    expect(isContractActiveAt(index, node('con-aarby-ny'), SCENARIO_AS_OF)).toBe(false);
    expect(isContractActiveAt(index, node('con-aarby-term'), SCENARIO_AS_OF)).toBe(true);
    expect(isContractActiveAt(index, node('con-aarby-term'), '2026-04-16')).toBe(false);
  });

  it('follows the parent of a contract that requires a valid one', () => {
    const b = new LandscapeBuilder();
    b.node('Organization', { id: 'org-x', name: 'X', kind: 'MUNICIPALITY' });
    b.node('Contract', {
      id: 'con-parent',
      municipalityId: 'org-x',
      name: 'P',
      validTo: '2025-12-31',
    });
    b.node('Contract', {
      id: 'con-child',
      municipalityId: 'org-x',
      name: 'C',
      requireValidParent: true,
    });
    b.relate('SUB_CONTRACT_OF', 'con-child', 'con-parent');
    const small = GraphIndex.fromLandscape(b.build());
    const child = small.indexOf('con-child')!;
    expect(isContractActiveAt(small, child, '2025-06-01')).toBe(true);
    expect(isContractActiveAt(small, child, '2026-06-01')).toBe(false);
  });
});

describe('activeContractsCoveringUsage', () => {
  it('lists active covering contracts, leaving out excluded ones', () => {
    const dok = node('use-aarby-dok');
    expect(ids(activeContractsCoveringUsage(index, dok, SCENARIO_AS_OF))).toEqual([
      'con-aarby-esdh',
      'con-aarby-term',
    ]);
    expect(
      ids(
        activeContractsCoveringUsage(index, dok, SCENARIO_AS_OF, new Set([node('con-aarby-esdh')])),
      ),
    ).toEqual(['con-aarby-term']);
  });
});

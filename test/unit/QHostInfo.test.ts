// QHostInfo's value API against PyQt6, live: construction, the setters, copies and swap give the
// same profile (hostName, addresses, error, errorString, lookupId). test/fixtures/parity/
// value_calls.py computes PyQt6's side; lookups are test/net/hostInfo.test.ts's.
import { describeParity, resultsOf, type Scenario } from '../fixtures/parity/value_calls';

const E = (v: number) => ({ enum: 'HostInfoError' as const, v });

const cases: Record<string, Scenario[]> = {
  construct: [
    { objects: { a: ['QHostInfo'] }, calls: [] },
    { objects: { a: ['QHostInfo', 42] }, calls: [] },
    { objects: { a: ['QHostInfo', -7] }, calls: [] },
  ],
  setters: [
    {
      objects: { a: ['QHostInfo', 3] },
      calls: [
        ['a', 'setHostName', 'Example.COM'],
        ['a', 'setError', E(1)],
        ['a', 'setErrorString', 'Host not found'],
        ['a', 'setLookupId', 9],
        ['a', 'hostName'],
        ['a', 'error'],
        ['a', 'errorString'],
        ['a', 'lookupId'],
      ],
    },
    {
      objects: { a: ['QHostInfo', 1] },
      calls: [
        ['a', 'setError', E(2)],
        ['a', 'errorString'],
        ['a', 'setHostName', ''],
        ['a', 'addresses'],
      ],
    },
  ],
  copies: [
    {
      objects: { a: ['QHostInfo', 5], b: ['QHostInfo', { obj: 'a' }], c: ['QHostInfo', 6] },
      calls: [
        ['a', 'setHostName', 'changed after the copy'],
        ['c', 'swap', { obj: 'a' }],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  expect(resultsOf(answered, 'setters')).toContain('Example.COM');
  expect(resultsOf(answered, 'setters')).toContain(9);
});

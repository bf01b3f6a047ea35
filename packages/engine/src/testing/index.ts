export * from './test-case';
export { evaluateTestCase, describeRunError } from './evaluate-test-case';
export { runTestCases, type TestRun } from './run-test-cases';

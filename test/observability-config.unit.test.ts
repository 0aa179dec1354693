import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, tracingConfig } from '../src/config';
import { TrustedDocumentsError, readManifest } from '../src/http/trusted-documents';
import { configureOperationLabels, operationLabel, recordJobRun, registry } from '../src/observability/metrics';

/** The operator settings of issue 16: metrics, trusted documents, tracing. */
describe('configuration', () => {
  const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };

  it('defaults: no token, no separate port, 200 operation labels, no trusted documents, tracing off', () => {
    const c = loadConfig(base, '/srv/ebike');
    expect([c.metricsToken, c.metricsPort, c.metricsHost, c.metricsMaxOperations, c.trustedDocuments, c.otlpEndpoint]).toEqual([null, null, '127.0.0.1', 200, null, null]);
    expect(tracingConfig(base)).toBeNull();
  });

  it('reads the metrics and trusted-documents settings', () => {
    const c = loadConfig({ ...base, METRICS_TOKEN: 'a-long-enough-token', METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', TRUSTED_DOCUMENTS: 'conf/trusted.json' }, '/srv/ebike');
    expect([c.metricsToken, c.metricsPort, c.metricsHost, c.trustedDocuments]).toEqual(['a-long-enough-token', 9464, '10.0.0.5', '/srv/ebike/conf/trusted.json']);
  });

  it.each([
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN', 'must be at least 16 characters long'],
    [{ METRICS_PORT: 'nine' }, 'METRICS_PORT', 'must be an integer'],
    [{ METRICS_PORT: '70000' }, 'METRICS_PORT', 'must be between 0 and 65535'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' }, 'OTEL_EXPORTER_OTLP_ENDPOINT', 'must be an http:// or https:// URL'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'must be an http:// or https:// URL'],
  ])('%j is refused naming %s', (env, variable, problem) => {
    let err: unknown;
    try {
      loadConfig({ ...base, ...env });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe(variable);
    expect((err as ConfigError).message).toContain(problem);
  });

  it('OTLP: the base endpoint gets /v1/traces; the traces endpoint is taken as given', () => {
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({ endpoint: 'http://collector:4318/v1/traces', serviceName: 'ebike-remediation', scheduleDelayMs: 5000 });
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://apm.example.gov.cn/otlp/traces', OTEL_SERVICE_NAME: 'ebike-api-2', OTEL_BSP_SCHEDULE_DELAY: '1000' })).toEqual({
      endpoint: 'https://apm.example.gov.cn/otlp/traces',
      serviceName: 'ebike-api-2',
      scheduleDelayMs: 1000,
    });
  });
});

describe('metric labels', () => {
  it('operation names: anonymous, malformed → other, capped set, trusted names only', () => {
    configureOperationLabels({ max: 2 });
    expect([operationLabel(undefined), operationLabel(''), operationLabel('a-b'), operationLabel('x'.repeat(65))]).toEqual(['anonymous', 'anonymous', 'other', 'other']);
    expect([operationLabel('One'), operationLabel('Two'), operationLabel('Three'), operationLabel('One')]).toEqual(['One', 'Two', 'other', 'One']);
    configureOperationLabels({ max: 2, trusted: new Set(['Registered']) });
    expect([operationLabel('Registered'), operationLabel('One')]).toEqual(['Registered', 'other']);
  });

  it('recordJobRun counts runs and durations by job and outcome; malformed names are other', async () => {
    recordJobRun('deadline-reminders', 'success', 2);
    recordJobRun('deadline-reminders', 'success', 3);
    recordJobRun('bad name!', 'success', 1);
    const text = await registry.metrics();
    expect(text).toContain('ebike_job_runs_total{job="deadline-reminders",outcome="success"} 2');
    expect(text).toContain('ebike_job_run_duration_seconds_sum{job="deadline-reminders",outcome="success"} 5');
    expect(text).toContain('ebike_job_runs_total{job="other",outcome="success"} 1');
  });
});

describe('trusted documents manifest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebike-manifest-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a manifest whose text does not hash to its key (edited by hand), or of another version', () => {
    const file = path.join(dir, 'm.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, documents: { ['0'.repeat(64)]: { document: '{ districts { code } }', operationNames: [], source: 'x', registeredAt: 'x' } } }));
    expect(() => readManifest(file)).toThrow(TrustedDocumentsError);
    expect(() => readManifest(file)).toThrow('does not hash to its key');
    fs.writeFileSync(file, JSON.stringify({ version: 2, documents: {} }));
    expect(() => readManifest(file)).toThrow('is not a version 1 manifest');
    expect(() => readManifest(path.join(dir, 'missing.json'))).toThrow('cannot read the trusted documents manifest');
  });
});

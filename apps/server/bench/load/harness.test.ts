import { Readable } from 'node:stream';

import { startKiroSimulator, type KiroSimulator } from '@octoproxy/kiro-simulator';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runOpenLoop } from './client/open-loop';
import { pacedStreamPrompt, shortAnswerPrompt } from './client/prompts';
import { readSse } from './client/readers/read-sse';
import { RunRecorder } from './client/run-recorder';
import { sendRequest } from './client/send-request';
import { prepareRequest, type Endpoints } from './client/targets';
import { parseHeapMetrics } from './processes/gateway-heap';
import { startNullProxy } from './processes/null-proxy';
import type { BenchResults } from './bench-results';
import { renderMarkdown } from './report/render-markdown';
import { parseRunOptions } from './run-options';
import { LatencyHistogram } from './stats/latency-histogram';
import { parseCpuSeconds, parseRssBytes, sampleProcess } from './stats/process-stats';
import { summariseRounds } from './stats/round-statistics';

function chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  return Readable.from(parts.map((part) => Buffer.from(part)));
}

describe('statistics', () => {
  it('takes percentiles of a known sequence', () => {
    const histogram = new LatencyHistogram();
    for (let value = 1; value <= 1000; value += 1) histogram.recordUs(value);
    const summary = histogram.summary();
    expect(summary).toMatchObject({ count: 1000, min: 1, p50: 500, p90: 900, p99: 990 });
    expect(summary.max).toBe(1000);
    expect(summary.p999).toBe(999);
  });

  it('skips values a failed request does not have', () => {
    const histogram = new LatencyHistogram();
    histogram.recordMs(Number.NaN);
    histogram.recordMs(0.5);
    expect(histogram.summary()).toMatchObject({ count: 1, p50: 500, mean: 500 });
  });

  it('merges per-batch histograms', () => {
    const all = new LatencyHistogram();
    const batch = new LatencyHistogram();
    batch.recordMs(2);
    batch.recordMs(4);
    all.add(batch);
    all.add(batch);
    expect(all.summary()).toMatchObject({ count: 4, min: 2000, max: 4000 });
  });

  it('takes the median of round medians and its interquartile range', () => {
    expect(summariseRounds([5, 1, 3, 2, 4])).toEqual({
      rounds: 5,
      medianOfMedians: 3,
      iqrLow: 2,
      iqrHigh: 4,
    });
  });

  it('reads the heap figures of a Prometheus text exposition', () => {
    const text = [
      '# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes.',
      '# TYPE nodejs_heap_size_total_bytes gauge',
      'nodejs_heap_size_total_bytes 73400320',
      'nodejs_heap_size_used_bytes 41943040',
      'nodejs_heap_space_size_used_bytes{space="old"} 1',
    ].join('\n');
    expect(parseHeapMetrics(text)).toEqual({ usedBytes: 41943040, totalBytes: 73400320 });
    expect(() => parseHeapMetrics('up 1')).toThrow(/nodejs_heap_size_used_bytes/);
  });

  it('reads RSS and CPU time from /proc text, and from this process', async () => {
    expect(parseRssBytes('Name:\tnode\nVmRSS:\t   2048 kB\n')).toBe(2048 * 1024);
    // A command name with spaces and parentheses; utime 250 and stime 50 ticks.
    const stat = '42 (my (odd) name) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0';
    expect(parseCpuSeconds(stat)).toBe(3);
    const own = await sampleProcess(process.pid);
    expect(own.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(own.openFds).toBeGreaterThan(0);
  });
});

describe('response readers', () => {
  it('reads Anthropic and OpenAI event streams split anywhere', async () => {
    const texts: string[] = [];
    const anthropic = await readSse(
      'anthropic',
      chunks(
        'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"he"}}\n\nevent: content_bl',
        'ock_delta\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"llo"}}\n\n',
        'event: message_stop\ndata: {"type":"message_stop"}\n\n',
      ),
      { content: (text) => texts.push(text) },
    );
    expect(texts).toEqual(['he', 'llo']);
    expect(anthropic).toEqual({ terminal: true, error: undefined });

    const openai = await readSse(
      'openai',
      chunks('data: {"choices":[{"delta":{"content":"hi"}}]}\n\n', 'data: [DONE]\n\n'),
      { content: (text) => texts.push(text) },
    );
    expect(texts.at(-1)).toBe('hi');
    expect(openai.terminal).toBe(true);
  });

  it('reports an in-band error as not complete', async () => {
    const outcome = await readSse(
      'anthropic',
      chunks('event: error\ndata: {"type":"error","error":{"message":"overloaded"}}\n\n'),
      { content: () => undefined },
    );
    expect(outcome).toEqual({ terminal: false, error: 'overloaded' });
  });
});

describe('against the simulator', () => {
  let sim: KiroSimulator;
  let proxy: Awaited<ReturnType<typeof startNullProxy>>;
  let endpoints: Endpoints;
  const dispatcher = new Agent();

  beforeAll(async () => {
    sim = await startKiroSimulator({ requestLog: { maxEntries: 10, bodies: false } });
    proxy = await startNullProxy({ upstream: sim.url });
    const account = sim.addAccount({ authMethod: 'social' });
    endpoints = {
      kiroApiUrl: sim.apiUrlFor(account.region),
      nullProxyUrl: proxy.url,
      gatewayUrl: 'http://127.0.0.1:9',
      apiKey: 'unused',
      directAccount: {
        accessToken: account.credentials.accessToken,
        profileArn: account.profileArn,
      },
    };
  });
  afterAll(async () => {
    await dispatcher.close();
    await proxy.close();
    await sim.close();
  });

  it('gets the same scripted answer directly and through the null proxy', async () => {
    const prompt = shortAnswerPrompt({ bytes: 1024, nonce: 'test' });
    expect(Buffer.byteLength(prompt.content)).toBeGreaterThanOrEqual(1000);
    // Other tests share the simulator and may run first: count this test's requests only.
    sim.requests.clear();
    for (const target of ['direct', 'null'] as const) {
      const sample = await sendRequest({
        dispatcher,
        prepared: prepareRequest(endpoints, { target, content: prompt.content, stream: true }),
        expectedText: prompt.expectedText!,
      });
      expect(sample).toMatchObject({ status: 200, complete: true, error: undefined });
      expect(sample.contentEvents).toBeGreaterThan(1);
    }
    expect(sim.requests.count('generateAssistantResponse')).toBe(2);
  });

  it('counts exactly the paced deltas, with a gap per pair', async () => {
    const prompt = pacedStreamPrompt({ deltas: 5, intervalMs: 1 });
    const recorder = new RunRecorder(1000);
    const sample = await sendRequest({
      dispatcher,
      prepared: prepareRequest(endpoints, {
        target: 'null',
        content: prompt.content,
        stream: true,
      }),
      expectedText: prompt.expectedText!,
      onGap: (gap) => recorder.gap.recordMs(gap),
    });
    recorder.record(sample);
    expect(sample.complete).toBe(true);
    expect(sample.contentEvents).toBe(5);
    expect(recorder.gap.count).toBe(4);
    expect(recorder.summary()).toMatchObject({ requests: 1, complete: 1, errors: 0 });
  });

  it('sends at a fixed rate in open loop and waits for every answer', async () => {
    const prompt = shortAnswerPrompt({ bytes: 256, delayMs: 5 });
    const result = await runOpenLoop({
      dispatcher,
      ratePerSecond: 100,
      durationSeconds: 0.2,
      exchange: () => ({
        prepared: prepareRequest(endpoints, {
          target: 'null',
          content: prompt.content,
          stream: true,
        }),
        expectedText: prompt.expectedText!,
      }),
    });
    expect(result).toMatchObject({ offeredRate: 100, sent: 20, saturated: false });
    expect(result.recorder.summary()).toMatchObject({ requests: 20, complete: 20, errors: 0 });
  });

  it('records an upstream refusal as an error, not a hang', async () => {
    const sample = await sendRequest({
      dispatcher,
      prepared: {
        ...prepareRequest(endpoints, { target: 'null', content: 'hi', stream: true }),
        headers: { 'content-type': 'application/json' },
      },
    });
    expect(sample.status).toBe(403);
    expect(sample.complete).toBe(false);
    expect(sample.error).toMatch(/^HTTP 403/);
  });
});

describe('run options', () => {
  it('takes the options pnpm passes after its separator, and refuses unknown scenarios', () => {
    const options = parseRunOptions(['--', '--quick', '--only', 's1,S4', '--wait-idle', '60']);
    expect(options).toMatchObject({ quick: true, pin: true, waitIdleSeconds: 60 });
    expect([...options.scenarios]).toEqual(['S1', 'S4']);
    expect(parseRunOptions(['--no-pin']).pin).toBe(false);
    expect(() => parseRunOptions(['--only', 'S9'])).toThrow(/unknown scenario S9/);
  });
});

describe('report', () => {
  it('renders a partial run with unmeasured targets marked as such', () => {
    const results: BenchResults = {
      schema: 1,
      environment: {
        date: '2026-01-01T00:00:00.000Z',
        commit: 'abc1234',
        dirty: false,
        node: 'v20.20.2',
        kernel: '6',
        cpuModel: 'cpu',
        cores: 2,
        memoryBytes: 1,
        loadAverage: [0.5, 0.5, 0.5],
        ulimitNofile: '1024',
        cpuFrequencyScaling: 'n/a',
        pinning: 'off',
      },
      quick: true,
      gatewayConfig: {},
      durationSeconds: 1,
      gatewayIdleRssBytes: 60 * 1024 * 1024,
    };
    const markdown = renderMarkdown(results);
    expect(markdown).toContain('| Idle RSS | ≤ 80 MB | 60.0 MB | met |');
    expect(markdown).toContain(
      '| Added p99, 500 KB body (distinct) | ≤ 5 ms | n/a | not measured |',
    );
  });
});

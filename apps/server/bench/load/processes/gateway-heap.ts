/** V8 heap figures the gateway publishes on `/metrics` (prom-client's default process metrics). */
export interface HeapSample {
  usedBytes: number;
  totalBytes: number;
}

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
  if (match === null) throw new Error(`${name} missing from /metrics`);
  return Number(match[1]);
}

export function parseHeapMetrics(text: string): HeapSample {
  return {
    usedBytes: metric(text, 'nodejs_heap_size_used_bytes'),
    totalBytes: metric(text, 'nodejs_heap_size_total_bytes'),
  };
}

/**
 * Reads the gateway's heap use: RSS alone cannot tell memory still in use from heap that V8 has
 * not handed back to the system yet.
 */
export async function sampleGatewayHeap(gatewayUrl: string): Promise<HeapSample> {
  const response = await fetch(`${gatewayUrl}/metrics`);
  return parseHeapMetrics(await response.text());
}

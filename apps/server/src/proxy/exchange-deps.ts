import type { LiveSettings } from '../config/live-settings';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import type { InFlight } from '../runtime/in-flight';
import type { KeyConcurrency } from './key-concurrency';
import type { TokenCalibration } from '../tokens/token-calibration';
import type { MessageBackend } from './message-backend';
import type { RequestRecorder } from './request-recorder';

/** What running one proxied request needs. */
export interface ExchangeDeps {
  backend: MessageBackend;
  settings: LiveSettings;
  metrics: GatewayMetrics;
  inFlight: InFlight;
  recorder: RequestRecorder;
  calibration: TokenCalibration;
  /** Requests in flight per API key, capped by `apiKeyMaxConcurrency`. */
  keyConcurrency: KeyConcurrency;
}

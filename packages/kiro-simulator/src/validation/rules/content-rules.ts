import {
  assistantOf,
  conversationOf,
  firstOf,
  isObject,
  userMessagesOf,
  userOf,
  type RequestRule,
} from './rule-helpers';
import { decodedBase64Bytes, maxImageBytes, maxImages } from '../image-data';

const imageFormats = ['png', 'jpeg', 'gif', 'webp'];
const operatingSystems = ['linux', 'macos', 'windows'];
// Length and alphabet apart: a grouped repetition overflows the regex stack on images of a few MB.
const base64Characters = /^[A-Za-z0-9+/]+={0,2}$/;
const isBase64 = (text: string): boolean => text.length % 4 === 0 && base64Characters.test(text);

function imageViolation(image: unknown, index: number): string | undefined {
  if (!isObject(image) || !imageFormats.includes(String(image['format']))) {
    return `images[${index}] format is not png, jpeg, gif or webp`;
  }
  const source = image['source'];
  const bytes = isObject(source) ? source['bytes'] : undefined;
  if (!isObject(source) || Object.keys(source).length !== 1 || typeof bytes !== 'string') {
    return `images[${index}] source is not inline bytes`;
  }
  if (!isBase64(bytes)) return `images[${index}] bytes are not base64`;
  return decodedBase64Bytes(bytes) > maxImageBytes ? `images[${index}] exceeds 10 MiB` : undefined;
}

/** Images, environment state and the model id. */
export const contentRules: readonly RequestRule[] = [
  {
    id: 'image-placement',
    summary: 'images sit on userInputMessage only (not in its context, not on assistant messages)',
    source: '§2.4 [A] and JW; §8 verdict',
    reason: null,
    violation: (body) =>
      firstOf(conversationOf(body), (message, i) => {
        const assistant = assistantOf(message);
        const context = userOf(message)?.userInputMessageContext;
        return (assistant !== undefined && 'images' in assistant) ||
          (context !== undefined && 'images' in context)
          ? `message ${i} carries images outside userInputMessage.images`
          : undefined;
      }),
  },
  {
    id: 'image-shape',
    summary: 'images are {format: png|jpeg|gif|webp, source: {bytes: <base64>}} of at most 10 MiB',
    source: '§2.5 [A][C]: inline bytes only; AWS consts.rs: 10 MiB each',
    reason: null,
    violation: (body) =>
      firstOf(userMessagesOf(body), (message) => firstOf(message.images ?? [], imageViolation)),
  },
  {
    id: 'image-count',
    summary: `at most ${maxImages} images per request`,
    source: '§2.9: AWS consts.rs',
    reason: null,
    violation: (body) => {
      const count = userMessagesOf(body).reduce((sum, m) => sum + (m.images?.length ?? 0), 0);
      return count > maxImages ? `${count} images in the request` : undefined;
    },
  },
  {
    id: 'env-state-os',
    summary: 'envState.operatingSystem, when present, is linux, macos or windows',
    source: '§2.5 [U]: one changelog saw darwin → 400 REQUEST_BODY_INVALID (weak evidence)',
    reason: 'REQUEST_BODY_INVALID',
    violation: (body) =>
      firstOf(userMessagesOf(body), (message) => {
        const os = message.userInputMessageContext?.envState?.operatingSystem;
        return os === undefined || operatingSystems.includes(os)
          ? undefined
          : `operatingSystem ${os} is not allowed`;
      }),
  },
  {
    id: 'model-id',
    summary:
      'the current modelId, when present, is a listed model (legacy CLAUDE_*_V1_0 ids are not)',
    source: '§7.1 [A] INVALID_MODEL_ID; §4: current ids are lowercase dotted',
    reason: 'INVALID_MODEL_ID',
    kind: 'model',
    violation: (body, { models }) => {
      const modelId = userOf(body.conversationState.currentMessage)?.modelId;
      return modelId === undefined || models.find(modelId) !== undefined
        ? undefined
        : `model ${modelId} is not listed`;
    },
  },
];
